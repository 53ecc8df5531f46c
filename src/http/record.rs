//! Recording and answering at the HTTP layer, for support bundles: a `Recorder` keeps every
//! exchange of a run as it happened (what was asked, what came back or what failed, when), and a
//! `Replayer` answers the same clients from recorded exchanges instead of the network. Checks
//! and vendor clients know nothing of either; the bundle module scrubs what is recorded before
//! it is written anywhere.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::time::Instant;

use super::error::ErrorKind;
use crate::integration::Integration;

/// Response headers a bundle keeps: what the checks and the pacer read (content type, rate-limit
/// and retry headers, request ids, a redirect's target). Everything else is left out: cookies,
/// servers' own tokens, anything unforeseen.
pub const KEPT_HEADERS: &[&str] = &[
    "content-type",
    "retry-after",
    "location",
    "x-gorgias-account-api-call-limit",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-hubspot-ratelimit-daily",
    "x-hubspot-ratelimit-daily-remaining",
    "x-hubspot-ratelimit-interval-milliseconds",
    "x-hubspot-ratelimit-max",
    "x-hubspot-ratelimit-remaining",
    "x-hubspot-ratelimit-secondly",
    "x-hubspot-ratelimit-secondly-remaining",
    "x-request-id",
    "x-hubspot-correlation-id",
    "x-intercom-request-id",
    "request-id",
];

/// One request of a run and what became of it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Exchange {
    /// The order the request was answered in.
    pub seq: usize,
    pub vendor: String,
    pub method: String,
    /// The API path (no origin); for the webhook probe, the URL.
    pub path: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query: Vec<(String, String)>,
    /// A read-only POST's JSON body (a search's filters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_body: Option<Value>,
    /// The HTTP status, when a response arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The response headers of `KEPT_HEADERS`, in the order received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
    /// The response body as text (UTF-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// What went wrong instead of a response (a timeout, a refused connection, a cut body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    /// Milliseconds from the start of the run to the request, and its duration.
    pub started_ms: u64,
    pub elapsed_ms: u64,
}

/// A request that got no complete response, as recorded (it replays as the same error).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Failure {
    Timeout { after_ms: u64 },
    Dns { host: String, detail: String },
    Connect { detail: String },
    Tls { detail: String },
    InvalidResponse { detail: String },
    Truncated { status: u16, detail: String },
    TooLarge { limit: usize },
    Deadline,
}

impl Failure {
    /// The failure as recorded, when it is one a network can produce.
    pub fn of(kind: &ErrorKind) -> Option<Failure> {
        Some(match kind {
            ErrorKind::Timeout { after } => {
                Failure::Timeout { after_ms: u64::try_from(after.as_millis()).unwrap_or(u64::MAX) }
            }
            ErrorKind::Dns { host, detail } => Failure::Dns { host: host.clone(), detail: detail.clone() },
            ErrorKind::Connect { detail } => Failure::Connect { detail: detail.clone() },
            ErrorKind::Tls { detail } => Failure::Tls { detail: detail.clone() },
            ErrorKind::InvalidResponse { detail } => Failure::InvalidResponse { detail: detail.clone() },
            ErrorKind::Truncated { status, detail } => Failure::Truncated { status: *status, detail: detail.clone() },
            ErrorKind::TooLarge { limit } => Failure::TooLarge { limit: *limit },
            ErrorKind::Deadline => Failure::Deadline,
            _ => return None,
        })
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Failure::Timeout { after_ms } => ErrorKind::Timeout { after: Duration::from_millis(*after_ms) },
            Failure::Dns { host, detail } => ErrorKind::Dns { host: host.clone(), detail: detail.clone() },
            Failure::Connect { detail } => ErrorKind::Connect { detail: detail.clone() },
            Failure::Tls { detail } => ErrorKind::Tls { detail: detail.clone() },
            Failure::InvalidResponse { detail } => ErrorKind::InvalidResponse { detail: detail.clone() },
            Failure::Truncated { status, detail } => ErrorKind::Truncated { status: *status, detail: detail.clone() },
            Failure::TooLarge { limit } => ErrorKind::TooLarge { limit: *limit },
            Failure::Deadline => ErrorKind::Deadline,
        }
    }
}

/// What a request was: enough to find its answer again.
pub struct Asked<'a> {
    pub vendor: Integration,
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a [(&'a str, String)],
    pub body: Option<&'a Value>,
}

/// What came back, for the recorder: a response or a failure.
pub enum Answer<'a> {
    Response { status: u16, headers: &'a HeaderMap, body: &'a [u8] },
    Failed(&'a ErrorKind),
}

/// Every exchange of a run, in the order they were answered. Holds the raw values; nothing here
/// is written anywhere until the bundle module has scrubbed it.
pub struct Recorder {
    started: Instant,
    exchanges: Mutex<Vec<Exchange>>,
}

impl Default for Recorder {
    fn default() -> Recorder {
        Recorder { started: Instant::now(), exchanges: Mutex::new(Vec::new()) }
    }
}

impl Recorder {
    pub fn record(&self, asked: &Asked, answer: Answer, started: Instant) {
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        let mut exchange = Exchange {
            seq: 0,
            vendor: asked.vendor.slug().to_string(),
            method: asked.method.to_string(),
            path: asked.path.to_string(),
            query: asked.query.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            request_body: asked.body.cloned(),
            status: None,
            headers: Vec::new(),
            body: None,
            failure: None,
            started_ms: ms(started.saturating_duration_since(self.started)),
            elapsed_ms: ms(started.elapsed()),
        };
        match answer {
            Answer::Response { status, headers, body } => {
                exchange.status = Some(status);
                exchange.headers = headers
                    .iter()
                    .filter(|(name, _)| KEPT_HEADERS.contains(&name.as_str()))
                    .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
                    .collect();
                exchange.body = Some(String::from_utf8_lossy(body).into_owned());
            }
            Answer::Failed(kind) => exchange.failure = Failure::of(kind),
        }
        let mut all = self.exchanges.lock().unwrap_or_else(|p| p.into_inner());
        exchange.seq = all.len() + 1;
        all.push(exchange);
    }

    /// The exchanges so far, in order.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// A recorded request's identity: the same request asked again finds the same answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    vendor: String,
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: String,
}

impl Key {
    fn new(vendor: &str, method: &str, path: &str, query: Vec<(String, String)>, body: Option<&Value>) -> Key {
        let mut query = query;
        query.sort();
        // serde_json's maps are ordered by key, so one value has one text.
        let body = body.map(|b| canonical(b).to_string()).unwrap_or_default();
        Key { vendor: vendor.to_string(), method: method.to_string(), path: path.to_string(), query, body }
    }
}

/// The value with every object's keys in order, so two spellings of one body compare equal.
fn canonical(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: std::collections::BTreeMap<&String, Value> =
                map.iter().map(|(k, v)| (k, canonical(v))).collect();
            Value::Object(sorted.into_iter().map(|(k, v)| (k.clone(), v)).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

/// Answers requests from recorded exchanges: each request takes the next recorded answer to the
/// same request (a retried request finds its retries in order); one not recorded is an error.
pub struct Replayer {
    answers: Mutex<HashMap<Key, VecDeque<Exchange>>>,
    /// Stand-in secret → the placeholder the bundle wrote for the real one, so a request that
    /// carries a credential (HubSpot's token-info POST) finds its recorded twin.
    substitutions: Vec<(String, String)>,
    asked: Mutex<usize>,
    missing: Mutex<Vec<String>>,
}

/// The answer to a replayed request.
pub enum Replayed {
    Response { status: u16, headers: HeaderMap, body: Vec<u8> },
    Failed(ErrorKind),
}

impl Replayer {
    pub fn new(exchanges: Vec<Exchange>, substitutions: Vec<(String, String)>) -> Replayer {
        let mut answers: HashMap<Key, VecDeque<Exchange>> = HashMap::new();
        let mut ordered = exchanges;
        ordered.sort_by_key(|e| e.seq);
        for e in ordered {
            let key = Key::new(&e.vendor, &e.method, &e.path, e.query.clone(), e.request_body.as_ref());
            answers.entry(key).or_default().push_back(e);
        }
        Replayer { answers: Mutex::new(answers), substitutions, asked: Mutex::new(0), missing: Mutex::new(Vec::new()) }
    }

    fn substitute(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (stand_in, placeholder) in &self.substitutions {
            out = out.replace(stand_in.as_str(), placeholder);
        }
        out
    }

    fn substitute_value(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => Value::String(self.substitute(s)),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.substitute_value(v)).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), self.substitute_value(v))).collect())
            }
            other => other.clone(),
        }
    }

    pub fn answer(&self, asked: &Asked) -> Replayed {
        *self.asked.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        let query = asked.query.iter().map(|(k, v)| (k.to_string(), self.substitute(v))).collect();
        let body = asked.body.map(|b| self.substitute_value(b));
        let key = Key::new(asked.vendor.slug(), asked.method, &self.substitute(asked.path), query, body.as_ref());
        let found = self.answers.lock().unwrap_or_else(|p| p.into_inner()).get_mut(&key).and_then(VecDeque::pop_front);
        let Some(exchange) = found else {
            self.missing.lock().unwrap_or_else(|p| p.into_inner()).push(format!("{} {}", asked.method, asked.path));
            return Replayed::Failed(ErrorKind::NotRecorded);
        };
        if let Some(failure) = &exchange.failure {
            return Replayed::Failed(failure.kind());
        }
        let mut headers = HeaderMap::new();
        for (name, value) in &exchange.headers {
            if let (Ok(name), Ok(value)) = (HeaderName::try_from(name.as_str()), HeaderValue::try_from(value.as_str()))
            {
                headers.append(name, value);
            }
        }
        Replayed::Response {
            status: exchange.status.unwrap_or(200),
            headers,
            body: exchange.body.unwrap_or_default().into_bytes(),
        }
    }

    /// Requests the replayed run made that the bundle did not hold.
    pub fn not_recorded(&self) -> Vec<String> {
        self.missing.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Requests the replayed run made.
    pub fn asked(&self) -> usize {
        *self.asked.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn exchange(seq: usize, status: u16, body: &str) -> Exchange {
        Exchange {
            seq,
            vendor: "gorgias".into(),
            method: "GET".into(),
            path: "/api/tickets/1".into(),
            query: vec![("b".into(), "2".into()), ("a".into(), "1".into())],
            request_body: None,
            status: Some(status),
            headers: vec![("content-type".into(), "application/json".into())],
            body: Some(body.into()),
            failure: None,
            started_ms: 0,
            elapsed_ms: 1,
        }
    }

    #[test]
    fn a_request_asked_again_gets_the_next_recorded_answer_then_not_recorded() {
        let replayer = Replayer::new(vec![exchange(2, 200, "{}"), exchange(1, 503, "")], Vec::new());
        let query = [("a", "1".to_string()), ("b", "2".to_string())];
        let asked =
            Asked { vendor: Integration::Gorgias, method: "GET", path: "/api/tickets/1", query: &query, body: None };
        assert!(matches!(replayer.answer(&asked), Replayed::Response { status: 503, .. }));
        assert!(matches!(replayer.answer(&asked), Replayed::Response { status: 200, .. }));
        assert!(matches!(replayer.answer(&asked), Replayed::Failed(ErrorKind::NotRecorded)));
        assert_eq!(replayer.not_recorded(), vec!["GET /api/tickets/1".to_string()]);
    }

    #[test]
    fn a_stand_in_secret_finds_the_request_recorded_with_the_placeholder() {
        let mut recorded = exchange(1, 200, "{}");
        recorded.method = "POST".into();
        recorded.query.clear();
        recorded.request_body = Some(json!({"tokenKey": "[secret:hubspot.token]", "limit": 1}));
        let replayer =
            Replayer::new(vec![recorded], vec![("pat-na1-stand-in".into(), "[secret:hubspot.token]".into())]);
        let body = json!({"limit": 1, "tokenKey": "pat-na1-stand-in"});
        let asked = Asked {
            vendor: Integration::Gorgias,
            method: "POST",
            path: "/api/tickets/1",
            query: &[],
            body: Some(&body),
        };
        assert!(matches!(replayer.answer(&asked), Replayed::Response { status: 200, .. }));
    }
}
