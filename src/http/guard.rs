//! Read-only by construction: the only methods the doctor can send are GET and HEAD, plus the
//! POSTs listed here, each of which only reads (token introspection, searches, batch reads).
//! Every request passes `check` before it is built; there is no way around it.

use crate::integration::Integration;

/// `(vendor, path pattern)`; `*` matches one path segment.
const READ_ONLY_POSTS: &[(Integration, &str)] = &[
    (Integration::Hubspot, "/oauth/v2/private-apps/get/access-token-info"),
    (Integration::Hubspot, "/crm/v3/objects/*/search"),
    (Integration::Hubspot, "/crm/v3/objects/*/batch/read"),
    (Integration::Hubspot, "/conversations/v3/conversations/actors/batch/read"),
    (Integration::Intercom, "/conversations/search"),
    (Integration::Intercom, "/contacts/search"),
    (Integration::Opencx, "/chat/sessions/filter"),
];

pub fn is_allowed(vendor: Integration, method: &str, path: &str) -> bool {
    match method {
        "GET" | "HEAD" => true,
        "POST" => READ_ONLY_POSTS.iter().any(|(v, pattern)| *v == vendor && matches(pattern, path)),
        _ => false,
    }
}

fn matches(pattern: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path).trim_end_matches('/');
    let mut p = pattern.split('/');
    let mut s = path.split('/');
    loop {
        match (p.next(), s.next()) {
            (None, None) => return true,
            (Some("*"), Some(seg)) if !seg.is_empty() => {}
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Integration::*;

    #[test]
    fn only_reads_and_the_listed_posts_pass() {
        assert!(is_allowed(Gorgias, "GET", "/api/tickets/1"));
        assert!(is_allowed(Opencx, "HEAD", "/anything"));
        assert!(is_allowed(Hubspot, "POST", "/crm/v3/objects/contacts/search"));
        assert!(is_allowed(Opencx, "POST", "/chat/sessions/filter"));
        assert!(!is_allowed(Opencx, "POST", "/chat/sessions"));
        assert!(!is_allowed(Opencx, "POST", "/chat/sessions/abc/send"));
        assert!(!is_allowed(Hubspot, "POST", "/crm/v3/objects/contacts"));
        assert!(!is_allowed(Intercom, "POST", "/chat/sessions/filter"));
        for method in ["PUT", "PATCH", "DELETE", "OPTIONS"] {
            assert!(!is_allowed(Gorgias, method, "/api/tickets/1"), "{method}");
        }
    }
}
