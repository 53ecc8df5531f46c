//! Comparing webhook URLs: the one OpenCX shows against the ones configured in a helpdesk. The
//! URL is signed per organisation; re-saving credentials in OpenCX issues a new token, so an
//! integration still pointing at the same endpoint with another token is the classic "older
//! OpenCX URL" cause.

use url::Url;

use crate::redact::url_tokens;

/// Scheme and host lower-cased, no trailing slash, no default port; `None` if not a URL.
pub fn normalize(url: &str) -> Option<String> {
    let parsed = Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = parsed.path().trim_end_matches('/');
    let query = parsed.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some(format!("{}://{host}{port}{path}{query}", parsed.scheme()))
}

/// The URL with its token-like parts removed: two URLs with the same skeleton point at the same
/// endpoint, perhaps with different tokens.
pub fn skeleton(url: &str) -> Option<String> {
    let mut normal = normalize(url)?;
    for token in url_tokens(url) {
        normal = normal.replace(&token, "{token}");
    }
    Some(normal)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Match {
    Same,
    /// Same endpoint, another token.
    Stale,
    Other,
}

pub fn compare(configured: &str, expected: &str) -> Match {
    match (normalize(configured), normalize(expected)) {
        (Some(a), Some(b)) if a == b => Match::Same,
        _ if skeleton(configured).is_some() && skeleton(configured) == skeleton(expected) => Match::Stale,
        _ => Match::Other,
    }
}

/// A webhook URL must be HTTPS, except on loopback (tests and the sandbox).
pub fn is_acceptable_scheme(url: &str) -> bool {
    match Url::parse(url) {
        Ok(u) if u.scheme() == "https" => true,
        Ok(u) if u.scheme() == "http" => {
            matches!(u.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
                || matches!(u.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
                || u.host_str() == Some("localhost")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stale_and_other_urls() {
        let expected = "https://api.open.cx/webhooks/gorgias/whk7f3a91c2d8e4b6a05f1";
        assert_eq!(compare("https://API.open.cx/webhooks/gorgias/whk7f3a91c2d8e4b6a05f1/", expected), Match::Same);
        assert_eq!(compare("https://api.open.cx/webhooks/gorgias/old0c9d8e7f6a5b4c3d2e1", expected), Match::Stale);
        assert_eq!(compare("https://hooks.example.com/gorgias", expected), Match::Other);
    }

    #[test]
    fn only_https_or_loopback_http() {
        assert!(is_acceptable_scheme("https://api.open.cx/x"));
        assert!(is_acceptable_scheme("http://127.0.0.1:8080/x"));
        assert!(!is_acceptable_scheme("http://api.open.cx/x"));
    }
}
