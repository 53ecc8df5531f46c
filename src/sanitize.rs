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

/// For a terminal, keeping the line breaks: each line made safe on its own (an error message
/// that echoes a command-line value, clap's usage errors).
pub fn for_terminal_lines(text: &str) -> String {
    text.lines().map(for_terminal).collect::<Vec<_>>().join("\n")
}

/// A last guard over a rendered terminal report: the only escape sequences the doctor writes
/// are SGR colour codes (`ESC [ digits ; m`); any other escape, control character (but the
/// newline) or reordering character that reached the text is shown as a visible escape.
pub fn only_colour_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\u{1b}' {
            let rest = &text[i + 1..];
            let sgr_len = rest
                .strip_prefix('[')
                .and_then(|r| r.find(|ch: char| !(ch.is_ascii_digit() || ch == ';')).map(|end| (r, end)))
                .filter(|(r, end)| r[*end..].starts_with('m') && *end <= 16)
                .map(|(_, end)| end + 2);
            if let Some(len) = sgr_len {
                out.push(c);
                out.push_str(&rest[..len]);
                for _ in 0..rest[..len].chars().count() {
                    chars.next();
                }
                continue;
            }
        }
        match c {
            '\n' => out.push(c),
            c if c.is_control() || is_invisible_or_reordering(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// For XML 1.0 (JUnit): drops every character XML 1.0 forbids (C0 controls but tab, newline
/// and carriage return; surrogates; U+FFFE and U+FFFF) and shows the invisible and reordering
/// ones as visible escapes, so a report parser never fails and a reader is never misled.
pub fn for_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let allowed = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}');
        if !allowed || is_invisible_or_reordering(c) || ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
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
    fn only_colour_codes_pass_the_last_guard() {
        let text = "\u{1b}[31mred\u{1b}[0m \u{1b}]52;c;ZXZpbA==\u{7} \u{1b}[2J x\u{202e}";
        let out = only_colour_codes(text);
        assert!(out.starts_with("\u{1b}[31mred\u{1b}[0m "), "{out:?}");
        assert!(!out.contains("\u{1b}]") && !out.contains("\u{1b}[2J") && !out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'));
    }

    #[test]
    fn xml_text_holds_only_what_xml_1_0_allows() {
        let out = for_xml("a\u{fffe}b\u{ffff}c\u{1}d\u{202e}e\u{b}");
        assert!(!out.chars().any(|c| matches!(c, '\u{fffe}' | '\u{ffff}' | '\u{1}' | '\u{202e}' | '\u{b}')), "{out:?}");
        assert!(out.contains("a") && out.contains("e"));
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
