//! The rate-limit settings read from the environment (`DOCTOR_GORGIAS_RATE_WINDOW`,
//! `DOCTOR_HUBSPOT_RATE_LIMIT`, `DOCTOR_OPENCX_RATE_LIMIT`), parsed and validated in one place:
//! `validate_env` runs before any command, so a bad value is exit 2 naming the variable, never a
//! panic deep inside a request nor a value silently ignored.

use std::time::Duration;

pub const GORGIAS_RATE_WINDOW: &str = "DOCTOR_GORGIAS_RATE_WINDOW";
pub const HUBSPOT_RATE_LIMIT: &str = "DOCTOR_HUBSPOT_RATE_LIMIT";
pub const OPENCX_RATE_LIMIT: &str = "DOCTOR_OPENCX_RATE_LIMIT";

/// Seconds of Gorgias's leaky bucket: a number from 0.1 to 3600.
pub fn parse_gorgias_window(raw: &str) -> Result<Duration, String> {
    let secs: f64 = raw.trim().parse().map_err(|_| {
        format!("{GORGIAS_RATE_WINDOW}='{raw}' is not a number of seconds (e.g. 20, or 10 for enterprise accounts)")
    })?;
    if !(0.1..=3600.0).contains(&secs) {
        return Err(format!("{GORGIAS_RATE_WINDOW}='{raw}' must be between 0.1 and 3600 seconds"));
    }
    Duration::try_from_secs_f64(secs).map_err(|e| format!("{GORGIAS_RATE_WINDOW}='{raw}': {e}"))
}

/// `N/SECS`: at most N (1 to 100,000) requests in SECS (0.1 to 3600) seconds.
pub fn parse_hubspot_limit(raw: &str) -> Result<(u32, Duration), String> {
    parse_limit(HUBSPOT_RATE_LIMIT, raw, "100/10: 100 requests per 10 seconds")
}

/// OpenCX's limit in the same `N/SECS` form (documented: 100 a minute).
pub fn parse_opencx_limit(raw: &str) -> Result<(u32, Duration), String> {
    parse_limit(OPENCX_RATE_LIMIT, raw, "100/60: 100 requests a minute")
}

fn parse_limit(name: &str, raw: &str, example: &str) -> Result<(u32, Duration), String> {
    let usage = || format!("{name}='{raw}' is not N/SECS (e.g. {example})");
    let (n, secs) = raw.split_once('/').ok_or_else(usage)?;
    let n: u32 = n.trim().parse().map_err(|_| usage())?;
    let secs: f64 = secs.trim().parse().map_err(|_| usage())?;
    if !(1..=100_000).contains(&n) {
        return Err(format!("{name}='{raw}': N must be between 1 and 100000"));
    }
    if !(0.1..=3600.0).contains(&secs) {
        return Err(format!("{name}='{raw}': SECS must be between 0.1 and 3600"));
    }
    Ok((n, Duration::try_from_secs_f64(secs).map_err(|_| usage())?))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The rate-limit overrides of a run, validated (part of the run's `Config`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tuning {
    /// Seconds of Gorgias's leaky bucket (`DOCTOR_GORGIAS_RATE_WINDOW`).
    pub gorgias_window: Option<Duration>,
    /// HubSpot's per-interval limit (`DOCTOR_HUBSPOT_RATE_LIMIT`).
    pub hubspot_limit: Option<(u32, Duration)>,
    /// OpenCX's per-interval limit (`DOCTOR_OPENCX_RATE_LIMIT`).
    pub opencx_limit: Option<(u32, Duration)>,
}

impl Tuning {
    /// Reads and validates the variables; an invalid one is a sentence naming it.
    pub fn from_env() -> Result<Tuning, String> {
        Ok(Tuning {
            gorgias_window: env(GORGIAS_RATE_WINDOW).map(|v| parse_gorgias_window(&v)).transpose()?,
            hubspot_limit: env(HUBSPOT_RATE_LIMIT).map(|v| parse_hubspot_limit(&v)).transpose()?,
            opencx_limit: env(OPENCX_RATE_LIMIT).map(|v| parse_opencx_limit(&v)).transpose()?,
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_settings_refuse_what_cannot_be_a_rate() {
        for bad in ["100/inf", "100/NaN", "abc", "0/10", "100/0", "100/-1", "-5/10", "100", "100/1e300"] {
            assert!(parse_hubspot_limit(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_hubspot_limit("5/1").unwrap(), (5, Duration::from_secs(1)));
        assert!(parse_opencx_limit("100/0").unwrap_err().starts_with(OPENCX_RATE_LIMIT));
        assert_eq!(parse_opencx_limit("100/60").unwrap(), (100, Duration::from_secs(60)));
        for bad in ["-5", "inf", "NaN", "0", "abc", "1e20"] {
            assert!(parse_gorgias_window(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_gorgias_window("10").unwrap(), Duration::from_secs(10));
    }
}
