//! The fault matrix: every way the outside world misbehaves that the doctor is tested against,
//! for each of the four APIs. `tests/faults.rs` runs it, and README.md's "When the APIs
//! misbehave" table is generated from it, so the table cannot claim what the tests do not prove.

use super::world::FaultKind;

/// How a fault is produced.
#[derive(Clone, Debug)]
pub enum Injection {
    /// The vendor's base URL points at a closed port on 127.0.0.1.
    Refused,
    /// The vendor's base URL names a host that does not resolve.
    Unresolvable,
    /// The sandbox answers every request of the vendor this way.
    Sandbox(FaultKind),
}

pub struct FaultCase {
    pub name: &'static str,
    pub injection: Injection,
    /// Words every affected check's message contains (with the vendor and the request path).
    pub says: &'static str,
    /// What the doctor reports, for the README.
    pub reports: &'static str,
}

pub fn matrix() -> Vec<FaultCase> {
    use FaultKind::*;
    use Injection::*;
    vec![
        FaultCase { name: "connection refused", injection: Refused, says: "could not connect", reports: "`error`: \"could not connect (Connection refused)\", after 2 retries with backoff" },
        FaultCase { name: "unresolvable host", injection: Unresolvable, says: "does not resolve", reports: "`error` (Gorgias: `fail` of the domain check): \"the host name … does not resolve\"" },
        FaultCase { name: "no answer until the deadline", injection: Sandbox(Hang), says: "", reports: "`error`: \"no answer within N s\" or \"not finished before the run's --timeout deadline\"; the run ends on time" },
        FaultCase { name: "401", injection: Sandbox(Status(401)), says: "401", reports: "`fail` of the credentials check (the status is the diagnosis), dependents `skip` with `blocked_by`" },
        FaultCase { name: "403", injection: Sandbox(Status(403)), says: "403", reports: "`fail` of the permission/plan/scope check, or `error` naming the 403 and its body" },
        FaultCase { name: "404", injection: Sandbox(Status(404)), says: "404", reports: "`fail` where a missing object is the finding (no such ticket, user, team), else `error`" },
        FaultCase { name: "429 that never clears", injection: Sandbox(RateLimited { retry_after_secs: 1 }), says: "429 Too Many Requests: still rate limited", reports: "`error`: \"HTTP 429 Too Many Requests: still rate limited\" after the retries allowed (Retry-After honoured up to 3 times), or as soon as the rate-limit headers leave no room before the deadline" },
        FaultCase { name: "500", injection: Sandbox(Status(500)), says: "500", reports: "`error`: \"HTTP 500 Internal Server Error\" with the vendor's message and request id" },
        FaultCase { name: "502 with an HTML page", injection: Sandbox(Html(502)), says: "instead of JSON", reports: "`error`: \"HTTP 502 answered with text/html instead of JSON (\\\"502 Bad Gateway\\\")\", after 2 retries" },
        FaultCase { name: "malformed JSON", injection: Sandbox(MalformedJson), says: "not valid JSON", reports: "`error`: \"the body is not valid JSON (…)\"" },
        FaultCase { name: "truncated body", injection: Sandbox(Truncated), says: "ended early", reports: "`error`: \"the body ended early (…)\"" },
        FaultCase { name: "wrong content type", injection: Sandbox(WrongContentType), says: "instead of JSON", reports: "`error`: \"answered with text/plain instead of JSON\"" },
        FaultCase { name: "a 20 MB body", injection: Sandbox(Huge(20_000_000)), says: "larger than", reports: "`error`: \"the body is larger than 10 MB; not read\" (reading stops at the cap)" },
    ]
}

/// The README table.
pub fn readme_table() -> String {
    let mut out =
        String::from("| fault (each of Gorgias, Intercom, HubSpot, OpenCX) | what the doctor reports |\n|---|---|\n");
    for case in matrix() {
        out.push_str(&format!("| {} | {} |\n", case.name, case.reports));
    }
    out
}
