//! What can go wrong talking to a vendor, as a value a check can reason about (a 401 is a
//! diagnosis, a timeout is not) and as a sentence that names the vendor, the request path and
//! what happened.

use std::fmt;
use std::time::Duration;

use crate::integration::Integration;
use crate::sanitize::for_terminal;

/// The useful parts of a vendor's error body, whatever its shape.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VendorError {
    /// A machine code: Intercom `errors[].code`, HubSpot `category`, OpenCX `error`.
    pub code: Option<String>,
    pub message: Option<String>,
    /// Intercom `request_id`, HubSpot `correlationId`: what the vendor's support asks for.
    pub request_id: Option<String>,
    /// Scopes a 403 says are needed (HubSpot `MISSING_SCOPES`).
    pub scopes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The vendor answered with a non-2xx status and (maybe) an error body.
    Status { status: u16, error: VendorError },
    /// 429 that did not clear within the run's deadline or the retry budget.
    RateLimited { retry_after: Option<Duration> },
    /// Not sent: the pacer, going by the vendor's rate-limit headers, has no slot for the request
    /// before the run's deadline; `after_429`: the vendor had already refused it.
    NoRoom { next_slot: Duration, after_429: bool },
    /// 429 for a quota that no wait within the run clears (HubSpot's daily limit): not retried.
    QuotaExhausted { quota: &'static str },
    /// No answer within the per-request timeout.
    Timeout { after: Duration },
    /// The run's `--timeout` deadline left no time for this request.
    Deadline,
    /// The host name does not resolve.
    Dns { host: String, detail: String },
    /// TCP connection failed (refused, reset).
    Connect { detail: String },
    /// The server's TLS certificate is not trusted (a corporate proxy's own CA, a wrong host).
    Tls { detail: String },
    /// Something answered, but not with HTTP.
    InvalidResponse { detail: String },
    /// A 2xx (or error) body that is not JSON: an HTML page, a proxy's text.
    NotJson { status: u16, content_type: String, snippet: String },
    /// The body ended before it was complete.
    Truncated { status: u16, detail: String },
    /// Declared as JSON, but not parseable JSON.
    Malformed { status: u16, detail: String },
    /// JSON, but not the shape the vendor documents.
    Shape { status: u16, detail: String },
    /// The body exceeded the doctor's size limit.
    TooLarge { limit: usize },
    /// The read-only guard refused the request before it was sent.
    Refused { method: String },
    /// A redirect to another place (e.g. a merged Gorgias ticket).
    Redirect { status: u16, location: String },
    /// `doctor replay`: the bundle holds no answer to this request (the recorded run did not
    /// make it). Never sent: a replay makes no live request.
    NotRecorded,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub vendor: Integration,
    pub method: String,
    /// The request path (no origin, no query), safe to show.
    pub path: String,
    pub kind: ErrorKind,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match &self.kind {
            ErrorKind::Status { status, .. } => Some(*status),
            ErrorKind::RateLimited { .. }
            | ErrorKind::QuotaExhausted { .. }
            | ErrorKind::NoRoom { after_429: true, .. } => Some(429),
            ErrorKind::NotJson { status, .. } | ErrorKind::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn vendor_error(&self) -> Option<&VendorError> {
        match &self.kind {
            ErrorKind::Status { error, .. } => Some(error),
            _ => None,
        }
    }

    pub fn is_status(&self, status: u16) -> bool {
        self.status() == Some(status)
    }

    /// A JSON 404 from the vendor (the resource does not exist), as opposed to an HTML 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self.kind, ErrorKind::Status { status: 404, .. })
    }

    /// A general next step for an error that is not itself a diagnosis.
    pub fn hint(&self) -> String {
        let vendor = self.vendor.name();
        match &self.kind {
            ErrorKind::Status { status: 401, .. } => format!("{vendor} rejected the credentials: check them with `doctor {} credentials`", self.vendor.slug()),
            ErrorKind::Status { status: 403, .. } => format!("the {vendor} credentials lack a permission this check needs"),
            ErrorKind::Status { status, .. } if *status >= 500 => format!("{vendor} had a server error; re-run in a few minutes, and check {vendor}'s status page if it persists"),
            ErrorKind::Status { .. } | ErrorKind::Shape { .. } => "re-run with -v to see the request; if it repeats, report it with the request id".to_string(),
            ErrorKind::RateLimited { .. } | ErrorKind::NoRoom { .. } => format!("{vendor}'s rate limit is exhausted (other integrations share it); re-run later or with a longer --timeout"),
            ErrorKind::QuotaExhausted { .. } => format!("re-run after the reset; meanwhile every {vendor} integration of the account is refused too — find the app using up the quota in {vendor}'s API usage logs"),
            ErrorKind::Timeout { .. } | ErrorKind::Deadline => "raise --timeout, or check the network path to the vendor".into(),
            ErrorKind::Dns { .. } => format!("check the {vendor} host name (domain prefix / base URL) and DNS"),
            ErrorKind::Connect { .. } => "check the network, proxy and firewall between this machine and the vendor".into(),
            ErrorKind::Tls { .. } => format!("the certificate presented for {vendor} is not trusted: behind a TLS-inspecting proxy, add its CA to the system's trust store or point SSL_CERT_FILE at it; otherwise check the base URL"),
            ErrorKind::InvalidResponse { .. } => format!("something other than an HTTP server answered for {vendor}: check the base URL (port, http vs https) and any proxy"),
            ErrorKind::NotJson { .. } | ErrorKind::Truncated { .. } | ErrorKind::Malformed { .. } => format!("something other than the {vendor} API answered (a proxy, a captive portal, a wrong base URL); check the base URL and re-run with -v"),
            ErrorKind::TooLarge { .. } => "report this: the response was far larger than the API documents".into(),
            ErrorKind::Refused { .. } => "this is a bug in the doctor: it must only read".into(),
            ErrorKind::NotRecorded => "the bundle's run did not make this request (a newer doctor reads more, or the run stopped before it): ask for a new bundle made with this doctor".into(),
            ErrorKind::Redirect { .. } => format!("the {vendor} API does not redirect its API paths: check the base URL (or a proxy in between) — it may point to a web page rather than the API"),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}: {}", self.vendor.name(), self.method, self.path, self.kind)
    }
}

/// What happened, without the vendor and the path (the `-v` trace prints it after its own).
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Status { status, error } => {
                write!(f, "HTTP {status}")?;
                if !reason(*status).is_empty() {
                    write!(f, " {}", reason(*status))?;
                }
                // A vendor code that only repeats the reason ("Not Found") is not said twice.
                if let Some(code) = error.code.as_ref().filter(|c| !c.eq_ignore_ascii_case(reason(*status))) {
                    write!(f, " ({})", for_terminal(code))?;
                }
                if let Some(message) = &error.message {
                    write!(f, ": \"{}\"", for_terminal(&clip(message, 300)))?;
                }
                if !error.scopes.is_empty() {
                    write!(f, "; scopes named: {}", error.scopes.join(", "))?;
                }
                if let Some(id) = &error.request_id {
                    write!(f, " [request id {}]", for_terminal(id))?;
                }
                Ok(())
            }
            ErrorKind::RateLimited { retry_after: Some(wait) } => write!(
                f,
                "HTTP 429 Too Many Requests: still rate limited; the vendor asked to wait {}s, more than the run's deadline allows",
                wait.as_secs()
            ),
            ErrorKind::NoRoom { next_slot, after_429: true } => write!(
                f,
                "HTTP 429 Too Many Requests: still rate limited; the rate-limit headers leave no room before the run's deadline (next slot in {:.1}s)",
                next_slot.as_secs_f64()
            ),
            ErrorKind::NoRoom { next_slot, after_429: false } => write!(
                f,
                "not sent: the rate-limit headers leave no room before the run's --timeout deadline (next slot in {:.1}s)",
                next_slot.as_secs_f64()
            ),
            ErrorKind::QuotaExhausted { quota } => write!(f, "HTTP 429 Too Many Requests: {quota}; not retried"),
            ErrorKind::RateLimited { retry_after: None } => {
                write!(f, "HTTP 429 Too Many Requests: still rate limited after the retries allowed")
            }
            ErrorKind::Timeout { after } => write!(f, "no answer within {:.1}s", after.as_secs_f64()),
            ErrorKind::Deadline => write!(f, "not sent: the run's --timeout deadline was reached"),
            ErrorKind::Dns { host, detail } => {
                write!(f, "the host name {} does not resolve ({})", for_terminal(host), for_terminal(detail))
            }
            ErrorKind::Connect { detail } => write!(f, "could not connect ({})", for_terminal(detail)),
            ErrorKind::Tls { detail } => write!(f, "the TLS certificate is not trusted ({})", for_terminal(detail)),
            ErrorKind::InvalidResponse { detail } => write!(f, "invalid HTTP response ({})", for_terminal(detail)),
            ErrorKind::NotJson { status, content_type, snippet } => write!(
                f,
                "HTTP {status} answered with {} instead of JSON{}",
                if content_type.is_empty() { "no content type" } else { content_type },
                if snippet.is_empty() { String::new() } else { format!(" (\"{}\")", for_terminal(snippet)) }
            ),
            ErrorKind::Truncated { status: 0, detail } => write!(f, "the body ended early ({})", for_terminal(detail)),
            ErrorKind::Truncated { status, detail } => {
                write!(f, "HTTP {status}: the body ended early ({})", for_terminal(detail))
            }
            ErrorKind::Malformed { status, detail } => write!(f, "HTTP {status}: the body is not valid JSON ({})", for_terminal(detail)),
            ErrorKind::Shape { status, detail } => {
                write!(f, "HTTP {status}: the JSON does not have the documented shape ({})", for_terminal(detail))
            }
            ErrorKind::TooLarge { limit } => write!(f, "the body is larger than {} MB; not read", limit / 1_000_000),
            ErrorKind::Refused { method } => write!(f, "refused before sending: {method} is not a read-only request"),
            ErrorKind::Redirect { status, location } => write!(f, "HTTP {status} redirect to {}", for_terminal(location)),
            ErrorKind::NotRecorded => write!(f, "not recorded in the bundle (a replay sends nothing)"),
        }
    }
}

impl std::error::Error for ApiError {}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("")
}

/// Shortens text from outside to `max` characters, after redacting it: a secret cut by the
/// clip would otherwise leak its first part.
pub fn clip(text: &str, max: usize) -> String {
    let text = crate::redact::redact(text);
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    format!("{}…", text.chars().take(max).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_that_repeats_the_reason_is_said_once() {
        let kind = |code: &str| ErrorKind::Status {
            status: 404,
            error: VendorError { code: Some(code.into()), ..VendorError::default() },
        };
        assert_eq!(kind("Not Found").to_string(), "HTTP 404 Not Found");
        assert_eq!(kind("OBJECT_NOT_FOUND").to_string(), "HTTP 404 Not Found (OBJECT_NOT_FOUND)");
    }
}
