//! A secret value that cannot be printed by accident: no `Display`, a redacted `Debug`, and a
//! masked form that keeps only a short, non-secret prefix (`pat-na1-****`).

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The real value, for the one place that needs it: the request's auth header.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A short prefix and `****`: the structured prefix of a token (`pat-na1-`, `ocx_live_`)
    /// where there is one, else at most four characters of a long value, else nothing.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

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
    fn masking_keeps_only_a_structured_prefix() {
        assert_eq!(mask("pat-na1-11111111-2222-3333-4444-555555555555"), "pat-na1-****");
        assert_eq!(mask("ocx_live_abcdefghijklmnop"), "ocx_live_****");
        assert_eq!(mask("0123456789abcdef0123456789abcdef"), "0123****");
        assert_eq!(mask("short"), "****");
        // A HubSpot developer key is a UUID: at most four characters are shown.
        assert_eq!(mask("1a2b3c4d-1111-2222-3333-444455556666"), "1a2b****");
        assert_eq!(format!("{:?}", Secret::new("pat-na1-aaaaaaaa-bbbb-cccc")), "Secret(pat-na1-****)");
    }
}
