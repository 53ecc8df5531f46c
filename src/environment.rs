//! Every environment variable the doctor reads, with what it does: one table for the man page's
//! ENVIRONMENT section and `doctor help environment`. The settings' variables come from the
//! settings table, so a new setting is listed without being written here.

use crate::config::INJECT_PANIC;
use crate::http::tuning::{GORGIAS_RATE_WINDOW, HUBSPOT_RATE_LIMIT, OPENCX_RATE_LIMIT};
use crate::settings::fields::FIELDS;

/// `(variable, what it does)`, settings first.
pub fn variables() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = FIELDS
        .iter()
        .map(|f| {
            let secret = if f.is_secret() { " (secret: never written to a file)" } else { "" };
            (f.env_var(), format!("{}{secret}", f.help))
        })
        .collect();
    for (var, what) in [
        ("DOCTOR_PROFILE", "The profile to use (as --profile)"),
        ("DOCTOR_TIMEOUT", "Deadline for the whole run, in seconds (as --timeout)"),
        ("DOCTOR_JOBS", "Most HTTP requests in flight at once (as --jobs)"),
        ("DOCTOR_CONFIG", "The config file to use instead of the platform's config directory"),
        ("DOCTOR_KEYRING", "`none` turns the OS keyring off (secrets then come from the environment only)"),
        (GORGIAS_RATE_WINDOW, "Seconds Gorgias's bucket of 40 takes to drain, at the slowest (20 by default; 10 on enterprise accounts): a floor — a faster leak the answers prove is used"),
        (HUBSPOT_RATE_LIMIT, "HubSpot's request limit as N/SECS (100/10 by default, the Free/Starter tier)"),
        (OPENCX_RATE_LIMIT, "OpenCX's request limit as N/SECS (100/60 by default, the documented 100 a minute; OpenCX sends no rate-limit headers)"),
        (INJECT_PANIC, "Testing only: the id of a check to make panic (proves a panic is isolated)"),
        ("NO_COLOR", "Any value turns colour off"),
        ("TERM", "`dumb` turns colour, Unicode symbols and spinners off"),
        ("COLUMNS", "The width text wraps to (else the terminal's, else 100)"),
        ("DOCTOR_NO_INPUT", "`1`/`true`: never prompt (as --no-input)"),
        ("CI", "Any value turns spinners off, and no command prompts"),
    ] {
        out.push((var.to_string(), what.to_string()));
    }
    out
}

/// The table as text, for `doctor help environment`.
pub fn text() -> String {
    let width = variables().iter().map(|(v, _)| v.len()).max().unwrap_or(0);
    let mut out =
        String::from("Environment variables (flags win over them; `doctor config show` shows the values):\n\n");
    for (var, what) in variables() {
        out.push_str(&format!("  {var:<width$}  {what}\n"));
    }
    out
}

/// The man page's ENVIRONMENT section (roff).
pub fn roff() -> String {
    let mut out = String::from(".SH ENVIRONMENT\n");
    for (var, what) in variables() {
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", var.replace('-', "\\-"), escape(&what)));
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('-', "\\-")
}
