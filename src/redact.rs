//! The last line of defence for secrets: every byte the doctor writes (stdout, stderr, the
//! `--output` file, the `-v` trace) goes through `redact`, which replaces each known secret —
//! the API keys and tokens, the Basic credential, tokens inside webhook URLs — with a masked
//! form. Checks and renderers should never hold a secret in the first place; this makes sure a
//! mistake cannot leak one.
//!
//! A secret travels in many forms, so each is registered in all of them: raw, standard and
//! URL-safe base64 (padded and not) of the value and of the Basic `user:password`, percent-
//! encoded in upper and lower case, and JSON-escaped. Matching runs on a normalised view of the
//! text that skips white space, invisible characters and their printed escapes (`\u{200b}`,
//! `\u200b`, `\n`), so a secret split by a space, a newline or a zero-width character is still
//! found and the whole span, separators included, is replaced.
//!
//! Text is always redacted before it is clipped (`clip` redacts first): a secret cut in half by
//! a clip would otherwise leak its first half.

use std::sync::{OnceLock, RwLock};

use base64::Engine;

struct Form {
    text: String,
    masked: String,
}

static SECRETS: OnceLock<RwLock<Vec<Form>>> = OnceLock::new();

fn table() -> &'static RwLock<Vec<Form>> {
    SECRETS.get_or_init(|| RwLock::new(Vec::new()))
}

/// Secrets shorter than this are not replaced (they would mangle ordinary text); they are
/// still never printed by the doctor itself.
const MIN_SECRET: usize = 6;

fn add(forms: Vec<(String, String)>) {
    let mut table = table().write().unwrap_or_else(|p| p.into_inner());
    for (text, masked) in forms {
        let text = normalise(&text);
        if text.chars().count() >= MIN_SECRET && !table.iter().any(|f| f.text == text) {
            table.push(Form { text, masked });
        }
    }
    // Longest first, so a secret that contains another is replaced whole.
    table.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
}

/// Every base64 spelling of `bytes`: standard and URL-safe, padded and not.
pub(crate) fn base64_forms(bytes: &[u8]) -> Vec<String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    vec![STANDARD.encode(bytes), STANDARD_NO_PAD.encode(bytes), URL_SAFE.encode(bytes), URL_SAFE_NO_PAD.encode(bytes)]
}

/// Percent-encoding of every byte that is not unreserved, in upper and in lower case, and the
/// form-encoding (`+` for a space).
pub(crate) fn percent_forms(text: &str) -> Vec<String> {
    let upper: String = text
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let lower = lower_percent(&upper);
    let form: String = url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let form_lower = lower_percent(&form);
    // Unreserved characters may be encoded too (`-` as `%2D`): an encoder that encodes every
    // non-alphanumeric byte is legal.
    let all: String = text
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    let all_lower = lower_percent(&all);
    vec![upper, lower, form, form_lower, all, all_lower]
}

fn lower_percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let escape = rest.get(at..at + 3).unwrap_or(&rest[at..]);
        out.push_str(&escape.to_ascii_lowercase());
        rest = &rest[at + escape.len()..];
    }
    out.push_str(rest);
    out
}

/// The secret as a JSON string holds it (quotes, backslashes and `/` escaped).
pub(crate) fn json_forms(text: &str) -> Vec<String> {
    let json = serde_json::to_string(text).unwrap_or_default();
    let inner = json.trim_matches('"').to_string();
    let slashed = inner.replace('/', "\\/");
    vec![inner, slashed]
}

/// Registers a secret and every form it travels in.
pub fn register(secret: &str) {
    let secret = secret.trim();
    if secret.chars().count() < MIN_SECRET {
        return;
    }
    let masked = mask(secret);
    let mut forms = vec![(secret.to_string(), masked.clone())];
    for encoded in percent_forms(secret).into_iter().chain(json_forms(secret)) {
        forms.push((encoded, masked.clone()));
    }
    for encoded in base64_forms(secret.as_bytes()).into_iter().flat_map(|b| {
        let mut all = vec![b.clone()];
        all.extend(percent_forms(&b));
        all.extend(json_forms(&b));
        all
    }) {
        forms.push((encoded, "****".to_string()));
    }
    add(forms);
}

/// Registers the HTTP Basic credential `user:password` in every form (the password alone is
/// registered by `register`).
pub fn register_basic(user: &str, password: &str) {
    register(password);
    let pair = format!("{user}:{password}");
    let mut forms = Vec::new();
    for encoded in base64_forms(pair.as_bytes()) {
        forms.extend(percent_forms(&encoded).into_iter().map(|f| (f, "****".to_string())));
        forms.extend(json_forms(&encoded).into_iter().map(|f| (f, "****".to_string())));
        forms.push((encoded, "****".to_string()));
    }
    add(forms);
}

/// Registers the token-like parts of a URL (a webhook URL is signed: it is a credential), and
/// the password of a `user:password@` URL.
pub fn register_url_tokens(url: &str) {
    let mut forms = Vec::new();
    for token in url_tokens(url) {
        let shown = shown_token(&token);
        for form in percent_forms(&token).into_iter().chain(json_forms(&token)) {
            forms.push((form, shown.clone()));
        }
        forms.push((token, shown));
    }
    add(forms);
    if let Some(password) = url::Url::parse(url).ok().and_then(|u| u.password().map(str::to_string)) {
        register(&password);
    }
}

/// Is `c` one of the characters a secret may be split by without changing what it is?
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{AD}')
}

/// How many bytes at the start of `text` are a printed escape of a separator: the terminal
/// sanitiser's `\u{200b}`, JSON's `\u200b`, `\n`, `\r`, `\t`.
fn escaped_separator(text: &str) -> usize {
    let Some(rest) = text.strip_prefix('\\') else { return 0 };
    if rest.starts_with('n') || rest.starts_with('r') || rest.starts_with('t') {
        return 2;
    }
    let (hex, len) = if let Some(braced) = rest.strip_prefix("u{") {
        match braced.find('}') {
            Some(end) if end <= 6 => (&braced[..end], 3 + end + 1),
            _ => return 0,
        }
    } else if let Some(plain) = rest.strip_prefix('u') {
        match plain.get(..4) {
            Some(hex) => (hex, 6),
            None => return 0,
        }
    } else {
        return 0;
    };
    match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
        Some(c) if is_separator(c) || c.is_control() => len,
        _ => 0,
    }
}

/// The text with separators (and their printed escapes) left out.
fn normalise(text: &str) -> String {
    view(text).0
}

/// The normalised text and, for each of its bytes, the byte offset in `text` it came from.
fn view(text: &str) -> (String, Vec<usize>) {
    let mut norm = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let skip = escaped_separator(&text[i..]);
        if skip > 0 {
            i += skip;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        if !is_separator(c) {
            norm.push(c);
            from.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        i += c.len_utf8();
    }
    (norm, from)
}

pub fn redact(text: &str) -> String {
    let table = table().read().unwrap_or_else(|p| p.into_inner());
    if table.is_empty() || text.is_empty() {
        return text.to_string();
    }
    let (norm, from) = view(text);
    // Spans of the original text to replace, with their masks; the longest form wins a place.
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for form in table.iter() {
        for (at, _) in norm.match_indices(form.text.as_str()) {
            let start = from[at];
            let last = from[at + form.text.len() - 1];
            let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
            if !spans.iter().any(|(s, e, _)| start < *e && *s < end) {
                spans.push((start, end, form.masked.as_str()));
            }
        }
    }
    if spans.is_empty() {
        return text.to_string();
    }
    spans.sort_by_key(|(s, _, _)| *s);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, masked) in spans {
        out.push_str(&text[at..start]);
        out.push_str(masked);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Path segments and query values that look like tokens: long, and mixing letters and digits.
pub fn url_tokens(url: &str) -> Vec<String> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Vec::new();
    };
    let mut tokens: Vec<String> =
        parsed.path_segments().into_iter().flatten().filter(|s| looks_like_token(s)).map(str::to_string).collect();
    tokens.extend(parsed.query_pairs().map(|(_, v)| v.into_owned()).filter(|v| looks_like_token(v)));
    tokens
}

fn looks_like_token(s: &str) -> bool {
    s.len() >= 12 && s.chars().any(|c| c.is_ascii_digit()) && s.chars().any(|c| c.is_ascii_alphabetic())
}

/// How a URL token is shown: enough to tell two tokens apart, far too little to use one
/// (`whk7…f1` for a long token, `abc…` for a shorter one).
fn shown_token(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() >= 16 {
        format!("{}…{}", chars[..4].iter().collect::<String>(), chars[chars.len() - 2..].iter().collect::<String>())
    } else {
        format!("{}…", chars[..3.min(chars.len())].iter().collect::<String>())
    }
}

/// A URL as it may be shown: scheme, host and path, with token-like parts cut short and any
/// `user:password@` reduced to `****@`.
pub fn mask_url(url: &str) -> String {
    let mut out = url.to_string();
    if let Ok(mut parsed) = url::Url::parse(url) {
        if !parsed.username().is_empty() || parsed.password().is_some() {
            let _ = parsed.set_password(None);
            let _ = parsed.set_username("****");
            out = parsed.to_string();
            if !url.ends_with('/') && out.ends_with('/') && parsed.path() == "/" {
                out.pop();
            }
        }
    }
    for token in url_tokens(url) {
        out = out.replace(&token, &shown_token(&token));
    }
    out
}

/// A short prefix and `****`: the structured prefix of a token (`pat-na1-`, `ocx_live_`) where
/// there is one, else at most four characters of a long value, else nothing.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    // A structured prefix: letters/digits separated by '-' or '_' within the first 12
    // characters, e.g. `pat-na1-` or `ocx_live_`. Keep it only if most of the value remains hidden.
    // A UUID or a hex key has no public prefix: its first group is as secret as the rest.
    let mut cut = 0;
    for (i, c) in chars.iter().enumerate().take(12) {
        if *c == '-' || *c == '_' {
            cut = i + 1;
        }
    }
    // A public prefix is short words (`pat-na1-`, `ocx_live_`); a long first word
    // (`sbx-gorgias-…`, `acme.key-…`) is part of the secret.
    let prefix: String = chars[..cut].iter().collect();
    let prefix_is_words = prefix.chars().any(|c| c.is_ascii_alphabetic() && !c.is_ascii_hexdigit())
        && prefix.split(['-', '_']).all(|word| word.len() <= 4 && word.chars().all(|c| c.is_ascii_alphanumeric()));
    if cut > 0 && prefix_is_words && chars.len() >= cut + 12 {
        return format!("{}****", chars[..cut].iter().collect::<String>());
    }
    if chars.len() >= 16 {
        return format!("{}****", chars[..4].iter().collect::<String>());
    }
    "****".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_their_encodings_are_masked() {
        register("pat-na1-0123abcd-aaaa-bbbb-cccc-ddddeeeeffff");
        register_basic("ops@acme.test", "gorgias-key-0123456789");
        let basic = base64::engine::general_purpose::STANDARD.encode("ops@acme.test:gorgias-key-0123456789");
        let text =
            format!("token pat-na1-0123abcd-aaaa-bbbb-cccc-ddddeeeeffff and Basic {basic} and gorgias-key-0123456789");
        let out = redact(&text);
        assert!(!out.contains("0123abcd"), "{out}");
        assert!(!out.contains(&basic), "{out}");
        assert!(!out.contains("gorgias-key-0123456789"), "{out}");
        assert!(out.contains("pat-na1-****"));
    }

    #[test]
    fn a_secret_split_by_white_space_or_invisible_characters_is_masked_whole() {
        register("split-secret-9f8e7d6c5b4a");
        for text in [
            "x split-secret-9f8e 7d6c5b4a y",
            "x split-secret-9f8e\n7d6c5b4a y",
            "x split-secret-9f8e\u{200b}7d6c5b4a y",
            "x split-secret-9f8e\\u{200b}7d6c5b4a y",
            "x split-secret-9f8e\\u200b7d6c5b4a y",
        ] {
            let out = redact(text);
            assert!(!out.contains("7d6c5b4a") && !out.contains("9f8e"), "{text:?} -> {out:?}");
            assert!(out.starts_with("x ") && out.ends_with(" y"), "{out:?}");
        }
    }

    #[test]
    fn lower_case_percent_encoding_and_url_safe_base64_are_masked() {
        register("enc/secret+value=0042");
        for form in ["enc%2fsecret%2bvalue%3d0042", "enc%2Fsecret%2Bvalue%3D0042"] {
            assert!(!redact(form).contains("0042"), "{form}");
        }
        for b64 in base64_forms(b"enc/secret+value=0042") {
            assert_eq!(redact(&format!("<{b64}>")), "<****>", "{b64}");
        }
    }

    #[test]
    fn webhook_url_tokens_are_cut() {
        let url = "https://api.open.cx/webhooks/gorgias/abc123def456ghi789?sig=zz99zz99zz99zz";
        assert_eq!(mask_url(url), "https://api.open.cx/webhooks/gorgias/abc1…89?sig=zz9…");
        register_url_tokens(url);
        assert!(!redact(url).contains("abc123def456ghi789"));
    }

    #[test]
    fn a_password_in_a_base_url_is_masked() {
        assert_eq!(mask_url("https://ops:hunter2hunter2@proxy.example/api"), "https://****@proxy.example/api");
        register_url_tokens("https://ops:pw-0123456789ab@proxy.example/api");
        assert!(!redact("via https://ops:pw-0123456789ab@proxy.example").contains("0123456789ab"));
    }
}
