//! A sweep's scope: the objects with customer activity in a time window (`--since 24h`), or a
//! given list of ids (`--ids FILE`), capped by `--limit`. The engine runs the per-object checks
//! over each object of the scope; this module only says what the scope is.

use chrono::{DateTime, Duration, Utc};

use crate::integration::Integration;
use crate::target::Target;

/// `--limit`'s default: the newest objects first.
pub const DEFAULT_LIMIT: usize = 500;
/// A sweep's `--timeout` when none is given, in seconds.
pub const DEFAULT_TIMEOUT_SECS: f64 = 600.0;
/// The longest window `--since` takes.
pub const MAX_DAYS: i64 = 30;

/// A `--since` duration as given (`24h`) and its length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub label: String,
    pub length: Duration,
}

/// Parses `90m`, `24h`, `7d` (at most 30 days).
pub fn parse_since(s: &str) -> Result<Since, String> {
    let bad =
        || format!("'{s}' is not a duration: a whole number and m, h or d, e.g. 90m, 24h or 7d (at most {MAX_DAYS}d)");
    let s = s.trim();
    let (digits, unit) = s.split_at(s.len().saturating_sub(1));
    let n: i64 = digits.parse().ok().filter(|n| *n > 0).ok_or_else(bad)?;
    let minutes = match unit {
        "m" => Some(n),
        "h" => n.checked_mul(60),
        "d" => n.checked_mul(24 * 60),
        _ => None,
    }
    .ok_or_else(bad)?;
    if minutes > MAX_DAYS * 24 * 60 {
        return Err(format!("'{s}' is longer than {MAX_DAYS} days, the longest window a sweep looks back"));
    }
    Ok(Since { label: s.to_string(), length: Duration::minutes(minutes) })
}

/// Which objects a sweep looks at.
#[derive(Clone, Debug)]
pub enum Scope {
    /// Every object with customer activity since `from` (newest first).
    Since { label: String, from: DateTime<Utc> },
    /// These objects, in this order.
    Ids(Vec<Target>),
}

/// A sweep: its scope and the most objects it looks at.
#[derive(Clone, Debug)]
pub struct Sweep {
    pub scope: Scope,
    pub limit: usize,
}

impl Sweep {
    pub fn since(since: &Since, now: DateTime<Utc>, limit: usize) -> Sweep {
        Sweep { scope: Scope::Since { label: since.label.clone(), from: now - since.length }, limit }
    }

    /// The window's start, for a window sweep.
    pub fn from(&self) -> Option<DateTime<Utc>> {
        match &self.scope {
            Scope::Since { from, .. } => Some(*from),
            Scope::Ids(_) => None,
        }
    }
}

/// Reads an `--ids` list: one id or helpdesk URL a line; blank lines and `#` comments are
/// skipped; a line that is not an id of `integration` is an error naming the line.
pub fn parse_ids(
    text: &str,
    integration: Integration,
    parse: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<Target>, String> {
    let mut targets: Vec<Target> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let id = parse(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let target = match integration {
            Integration::Gorgias => {
                Target::Ticket(id.parse().map_err(|_| format!("line {}: '{id}' is not a ticket id", n + 1))?)
            }
            Integration::Intercom => Target::Conversation(id),
            Integration::Hubspot => Target::Thread(id),
            Integration::Opencx => Target::Session(id),
        };
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    if targets.is_empty() {
        return Err("holds no id (one id or URL a line)".into());
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_minutes_hours_or_days_up_to_thirty_days() {
        assert_eq!(parse_since("90m").unwrap().length, Duration::minutes(90));
        assert_eq!(parse_since("24h").unwrap().length, Duration::hours(24));
        assert_eq!(parse_since("30d").unwrap().length, Duration::days(30));
        for bad in ["", "h", "0h", "-1h", "24", "1w", "1.5h", "h24", "99999999999999999999d"] {
            assert!(parse_since(bad).is_err(), "{bad:?} was taken");
        }
        assert!(parse_since("31d").unwrap_err().contains("longer than 30 days"));
        assert!(parse_since("721h").is_err());
    }

    #[test]
    fn an_id_list_skips_blanks_and_comments_drops_repeats_and_names_a_bad_line() {
        let digits = |s: &str| {
            if s.chars().all(|c| c.is_ascii_digit()) {
                Ok(s.to_string())
            } else {
                Err(format!("'{s}' is no id"))
            }
        };
        let ids = parse_ids("1042\n\n# retry storm\n1077\n1042\n", Integration::Gorgias, digits).unwrap();
        assert_eq!(ids, vec![Target::Ticket(1042), Target::Ticket(1077)]);
        assert_eq!(parse_ids("1\nabc\n", Integration::Gorgias, digits).unwrap_err(), "line 2: 'abc' is no id");
        assert!(parse_ids("\n# none\n", Integration::Intercom, digits).is_err());
    }
}
