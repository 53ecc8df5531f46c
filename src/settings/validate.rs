//! Checks a setting's text against its kind and says precisely what is wrong with it. Used by
//! the loader (a bad value is exit 2, naming the setting and where it came from) and by
//! `doctor login` (re-asks with the same message).

use super::fields::{Field, Kind};
use url::Url;

/// The value in its normalised form, or a sentence that says what to type instead.
pub fn validate(field: &Field, raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err("is empty".into());
    }
    match field.kind {
        Kind::Text | Kind::Secret => Ok(value.to_string()),
        Kind::GorgiasDomain => gorgias_domain(value),
        Kind::Email => {
            let ok = value.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.starts_with('.') && !value.contains(char::is_whitespace)
            });
            if ok {
                Ok(value.to_string())
            } else {
                Err(format!("'{value}' is not an email address"))
            }
        }
        Kind::Id => match value.parse::<u64>() {
            Ok(0) => Err("must be a positive number, not 0".into()),
            Ok(n) => Ok(n.to_string()),
            Err(_) => Err(format!("'{value}' is not a numeric id")),
        },
        Kind::HubspotUserId => {
            let digits = value.strip_prefix("A-").unwrap_or(value);
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                Ok(value.to_string())
            } else {
                Err(format!("'{value}' is neither a numeric user id nor the actor form A-<number>"))
            }
        }
        Kind::WebhookUrl => url_value(value),
        Kind::BaseUrl => {
            let value = url_value(value)?;
            let url = Url::parse(&value).map_err(|e| format!("is not a valid URL ({e})"))?;
            if url.scheme() == "http" && !is_loopback(&url) {
                return Err(format!(
                    "uses plain http to {}, which would send the credentials unencrypted; only https (or http on loopback) works",
                    url.host_str().unwrap_or_default()
                ));
            }
            Ok(value)
        }
        Kind::Bool => match value.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => Ok("true".into()),
            "false" | "no" | "off" | "0" => Ok("false".into()),
            _ => Err(format!("'{value}' is not true or false")),
        },
    }
}

fn gorgias_domain(value: &str) -> Result<String, String> {
    let lower = value.to_ascii_lowercase();
    if lower.contains("://") || lower.contains(".gorgias.") || lower.contains('/') || lower.contains('.') {
        // Offer the prefix the user most likely meant.
        let host = lower.split("://").last().unwrap_or(&lower);
        let prefix = host.split(['.', '/']).next().unwrap_or_default();
        return Err(format!(
            "'{value}' is a URL or host name; give only the domain prefix, '{prefix}' for {prefix}.gorgias.com \
             (OpenCX's Domain Prefix field takes the same value)"
        ));
    }
    let valid = lower.len() <= 63
        && lower.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !lower.starts_with('-')
        && !lower.ends_with('-');
    if valid {
        Ok(lower)
    } else {
        Err(format!("'{value}' is not a Gorgias domain prefix (letters, digits and dashes, like 'acme')"))
    }
}

/// 127.0.0.0/8, ::1 and `localhost`: the only hosts plain http may go to.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn url_value(value: &str) -> Result<String, String> {
    if !value.contains("://") {
        return Err(format!("'{value}' has no scheme; write it in full, e.g. https://{value}"));
    }
    let url = Url::parse(value).map_err(|e| format!("is not a valid URL ({e})"))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(format!("uses the scheme '{other}'; only https (or http on loopback) works")),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("has no host".into());
    }
    Ok(value.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integration::Integration;
    use crate::settings::fields::find;

    fn check(integration: Integration, key: &str, raw: &str) -> Result<String, String> {
        validate(find(integration, key).unwrap(), raw)
    }

    #[test]
    fn a_gorgias_host_name_is_refused_with_the_prefix_suggested() {
        let err = check(Integration::Gorgias, "domain", "acme.gorgias.com").unwrap_err();
        assert!(err.contains("'acme'"), "{err}");
        let err = check(Integration::Gorgias, "domain", "https://acme.gorgias.com/api/").unwrap_err();
        assert!(err.contains("'acme'"), "{err}");
        assert_eq!(check(Integration::Gorgias, "domain", "Acme-Shop").unwrap(), "acme-shop");
    }

    #[test]
    fn urls_need_a_scheme() {
        assert!(check(Integration::Opencx, "base_url", "api.open.cx").unwrap_err().contains("no scheme"));
        assert_eq!(check(Integration::Opencx, "base_url", "http://127.0.0.1:9/").unwrap(), "http://127.0.0.1:9");
        assert!(check(Integration::Opencx, "base_url", "ftp://x.y").is_err());
    }

    #[test]
    fn a_plain_http_base_url_to_a_non_loopback_host_is_refused() {
        let err = check(Integration::Gorgias, "base_url", "http://proxy.example.com").unwrap_err();
        assert!(err.contains("plain http"), "{err}");
        assert!(check(Integration::Gorgias, "base_url", "http://localhost:8080").is_ok());
        assert!(check(Integration::Gorgias, "base_url", "http://[::1]:8080").is_ok());
        assert!(check(Integration::Gorgias, "base_url", "https://proxy.example.com").is_ok());
    }

    #[test]
    fn ids_and_bools() {
        assert!(check(Integration::Gorgias, "ai_user_id", "-4").is_err());
        assert!(check(Integration::Gorgias, "ai_user_id", "0").is_err());
        assert_eq!(check(Integration::Hubspot, "ai_user_id", "A-42").unwrap(), "A-42");
        assert!(check(Integration::Hubspot, "ai_user_id", "A-x").is_err());
        assert_eq!(check(Integration::Intercom, "process_on_assignment", "Yes").unwrap(), "true");
    }
}
