//! Makes text that came from outside (ticket subjects, API error bodies, names) safe to print on
//! a terminal: escape sequences, control characters, bidi overrides, zero-width and tag
//! characters are neutralised into visible `\u{…}` escapes, so a hostile string can neither
//! drive the terminal nor hide or reorder what the support engineer reads.

/// Characters that change how text is shown rather than what it says.
fn is_invisible_or_reordering(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{061C}'              // Arabic letter mark
        | '\u{FEFF}'              // zero-width no-break space / BOM
        | '\u{E0000}'..='\u{E007F}' // tag characters
    )
}

/// For a terminal: one logical line per call site; newlines and tabs become spaces.
pub fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_invisible_or_reordering(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// For JSON text already produced by serde_json: control characters are escaped by serde; this
/// also escapes the invisible and reordering characters, which JSON allows raw, so a viewer of
/// the JSON sees them. They can only occur inside strings, so replacing them is safe.
pub fn escape_json_invisibles(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_invisible_or_reordering(c) || ('\u{80}'..='\u{9F}').contains(&c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_neutralised() {
        let hostile = "Refund\u{1b}]0;pwned\u{7}\u{1b}[31m red \u{202e}gnp.exe\u{200b}\nnext";
        let clean = for_terminal(hostile);
        assert!(!clean.chars().any(|c| c.is_control()), "{clean:?}");
        assert!(!clean.contains('\u{202e}'));
        assert!(clean.contains("\\u{202e}"));
        assert!(clean.contains("next"));
    }

    #[test]
    fn json_keeps_the_text_but_escapes_invisibles() {
        let json = serde_json::to_string(&"a\u{202e}b\u{1b}c").unwrap();
        let escaped = escape_json_invisibles(&json);
        assert_eq!(escaped, "\"a\\u202eb\\u001bc\"");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{202e}b\u{1b}c");
    }
}
