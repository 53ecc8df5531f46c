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
        crate::redact::mask(&self.0)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;
    use crate::redact::mask;

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
