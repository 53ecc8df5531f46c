//! The last line of defence for secrets: every byte the doctor writes (stdout, stderr, the
//! `--output` file, the `-v` trace) goes through `redact`, which replaces each known secret —
//! the API keys and tokens, the base64 Basic credential, tokens inside webhook URLs — with a
//! masked form. Checks and renderers should never hold a secret in the first place; this makes
//! sure a mistake cannot leak one.

use std::sync::{OnceLock, RwLock};

use base64::Engine;

use crate::settings::secret::mask;

static SECRETS: OnceLock<RwLock<Vec<(String, String)>>> = OnceLock::new();

fn table() -> &'static RwLock<Vec<(String, String)>> {
    SECRETS.get_or_init(|| RwLock::new(Vec::new()))
}

/// Registers a secret and the forms it travels in (URL-encoded, base64).
pub fn register(secret: &str) {
    if secret.len() < 6 {
        return; // too short to replace without mangling ordinary text; still never printed
    }
    let masked = mask(secret);
    let mut forms = vec![secret.to_string()];
    let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    forms.push(encoded);
    forms.push(base64::engine::general_purpose::STANDARD.encode(secret));
    let mut table = table().write().unwrap_or_else(|p| p.into_inner());
    for form in forms {
        if !table.iter().any(|(s, _)| *s == form) {
            table.push((form, masked.clone()));
        }
    }
    // Longest first, so a secret that contains another is replaced whole.
    table.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
}

/// Registers the HTTP Basic credential `user:password` in its base64 form.
pub fn register_basic(user: &str, password: &str) {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    let mut table = table().write().unwrap_or_else(|p| p.into_inner());
    if !table.iter().any(|(s, _)| *s == basic) {
        table.push((basic, "****".into()));
    }
    table.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
}

/// Registers the token-like parts of a URL (a webhook URL is signed: it is a credential).
pub fn register_url_tokens(url: &str) {
    for token in url_tokens(url) {
        let mut table = table().write().unwrap_or_else(|p| p.into_inner());
        if !table.iter().any(|(s, _)| *s == token) {
            let shown = shown_token(&token);
            table.push((token, shown));
        }
        table.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    }
}

pub fn redact(text: &str) -> String {
    let table = table().read().unwrap_or_else(|p| p.into_inner());
    let mut out = text.to_string();
    for (secret, masked) in table.iter() {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), masked);
        }
    }
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

/// A URL as it may be shown: scheme, host and path, with token-like parts cut short.
pub fn mask_url(url: &str) -> String {
    let mut out = url.to_string();
    for token in url_tokens(url) {
        out = out.replace(&token, &shown_token(&token));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_their_encodings_are_masked() {
        register("pat-na1-0123abcd-aaaa-bbbb-cccc-ddddeeeeffff");
        register_basic("ops@acme.test", "gorgias-key-0123456789");
        register("gorgias-key-0123456789");
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
    fn webhook_url_tokens_are_cut() {
        let url = "https://api.open.cx/webhooks/gorgias/abc123def456ghi789?sig=zz99zz99zz99zz";
        assert_eq!(mask_url(url), "https://api.open.cx/webhooks/gorgias/abc1…89?sig=zz9…");
        register_url_tokens(url);
        assert!(!redact(url).contains("abc123def456ghi789"));
    }
}
