//! The one way the doctor talks HTTP. Every vendor client sits on `VendorClient`, which adds:
//! the read-only guard, the `--jobs` bound on requests in flight, per-request timeouts inside
//! the run's deadline, bounded retries (502/503/504, connection resets), 429 handling from
//! `Retry-After` or the vendor's reset header, pacing from rate-limit headers, a body size cap,
//! strict JSON decoding with clear errors, and the `-v` trace with secrets redacted.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, LOCATION, USER_AGENT};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use url::Url;

use super::activity::Activity;
use super::error::{clip, ApiError, ErrorKind, VendorError};
use super::guard;
use super::pacer::{Budget, Pacer};
use super::record::{Answer, Asked, Recorder, Replayed, Replayer};
use super::tuning::Tuning;
use crate::integration::Integration;
use crate::settings::Secret;

/// Larger bodies are refused: no documented response comes near it.
pub const MAX_BODY_BYTES: usize = 10_000_000;
const MAX_RETRIES: u32 = 2;
const MAX_RATE_LIMIT_WAITS: u32 = 3;

pub const USER_AGENT_VALUE: &str = concat!("opencx-doctor/", env!("CARGO_PKG_VERSION"));

/// What is shared by every client of one run.
pub struct Http {
    client: reqwest::Client,
    jobs: Semaphore,
    pub deadline: Instant,
    request_timeout: Duration,
    trace: bool,
    trace_headers: bool,
    tuning: Tuning,
    activity: Option<Arc<Activity>>,
    sent: AtomicUsize,
    recorder: Option<Arc<Recorder>>,
    replay: Option<Arc<Replayer>>,
}

pub struct HttpOptions {
    pub jobs: usize,
    pub deadline: Instant,
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    pub trace: bool,
    /// `-vv`: the request and response headers too (credentials redacted).
    pub trace_headers: bool,
    /// Where the requests in flight are told (the progress display), if anyone listens.
    pub activity: Option<Arc<Activity>>,
    /// Rate-limit overrides (the benchmark's scaled-down sandbox, an enterprise Gorgias window).
    pub tuning: Tuning,
    /// `--bundle`: every exchange is kept for the bundle.
    pub recorder: Option<Arc<Recorder>>,
    /// `doctor replay`: every request is answered from a bundle; nothing is sent.
    pub replay: Option<Arc<Replayer>>,
}

impl Http {
    pub fn new(options: HttpOptions) -> Arc<Http> {
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(options.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(options.jobs.max(1))
            .build()
            .expect("a TLS client with static settings always builds");
        Arc::new(Http {
            client,
            jobs: Semaphore::new(options.jobs.max(1)),
            deadline: options.deadline,
            request_timeout: options.request_timeout,
            trace: options.trace,
            trace_headers: options.trace && options.trace_headers,
            tuning: options.tuning,
            activity: options.activity,
            sent: AtomicUsize::new(0),
            recorder: options.recorder,
            replay: options.replay,
        })
    }

    /// Requests actually sent in this run (retries included).
    pub fn requests_sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed)
    }

    /// A reachability probe of a URL that is not a vendor API (the OpenCX webhook URL): one
    /// HEAD, no credentials, nothing else. Returns the status, whatever it is.
    pub async fn probe(&self, url: &Url) -> Result<u16, ApiError> {
        let shown = crate::redact::mask_url(url.as_str());
        let error = |kind| ApiError { vendor: Integration::Opencx, method: "HEAD".into(), path: shown.clone(), kind };
        let remaining = self.remaining();
        if remaining.is_zero() {
            return Err(error(ErrorKind::Deadline));
        }
        let timeout = self.request_timeout.min(remaining);
        let _permit = self.jobs.acquire().await.expect("the semaphore is never closed");
        let asked = Asked { vendor: Integration::Opencx, method: "HEAD", path: url.as_str(), query: &[], body: None };
        if let Some(replay) = &self.replay {
            return match replay.answer(&asked) {
                Replayed::Response { status, .. } => Ok(status),
                Replayed::Failed(kind) => Err(error(kind)),
            };
        }
        self.sent.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let result = self.client.head(url.clone()).header(USER_AGENT, USER_AGENT_VALUE).timeout(timeout).send().await;
        match result {
            Ok(response) => {
                let status = response.status().as_u16();
                self.trace(&format!("HEAD {shown} -> {status} in {} ms", started.elapsed().as_millis()));
                if let Some(recorder) = &self.recorder {
                    let answer = Answer::Response { status, headers: response.headers(), body: &[] };
                    recorder.record(&asked, answer, started);
                }
                Ok(status)
            }
            Err(e) => {
                let kind = classify(&e, url, timeout);
                self.trace(&format!("HEAD {shown} -> failed: {kind}"));
                if let Some(recorder) = &self.recorder {
                    recorder.record(&asked, Answer::Failed(&kind), started);
                }
                Err(error(kind))
            }
        }
    }

    /// Whether this run answers from a bundle (no request is sent, no wait is needed).
    pub fn replaying(&self) -> bool {
        self.replay.is_some()
    }

    fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    fn trace(&self, line: &str) {
        self.trace_block(&[line.to_string()]);
    }

    /// Several trace lines written at once, so concurrent requests' lines do not interleave.
    fn trace_block(&self, lines: &[String]) {
        if self.trace {
            let shown: Vec<String> =
                lines.iter().map(|l| crate::redact::redact(&crate::sanitize::for_terminal(l))).collect();
            crate::output::stderr_line(&shown.join("\n"));
        }
    }

    /// `-vv`: the headers sent (`>`) or received (`<`). Credentials are never printed, whatever
    /// their encoding: the Authorization value keeps only its scheme, cookies are left out, and
    /// every other value passes the redactor like every line of the trace.
    fn header_lines(direction: &str, headers: &HeaderMap) -> Vec<String> {
        let mut lines = Vec::new();
        for (name, value) in headers {
            let shown = match name.as_str() {
                "authorization" | "proxy-authorization" => {
                    let scheme = value.to_str().ok().and_then(|v| v.split_whitespace().next()).unwrap_or("");
                    format!("{scheme} [redacted]")
                }
                "cookie" | "set-cookie" => "[redacted]".to_string(),
                _ => String::from_utf8_lossy(value.as_bytes()).into_owned(),
            };
            lines.push(format!("  {direction} {name}: {shown}"));
        }
        lines
    }
}

/// How one vendor's API behaves: error bodies, rate-limit headers, request ids.
pub struct VendorApi {
    pub vendor: Integration,
    pub parse_error: fn(&Value) -> VendorError,
    pub budget: fn(&HeaderMap, &Tuning) -> Option<Budget>,
    /// How long a 429 asks to wait (Retry-After, or the vendor's reset header).
    pub retry_after: fn(&HeaderMap) -> Option<Duration>,
    /// A 429 (headers, JSON body) for a quota no wait within a run clears, described: not retried.
    pub quota_exhausted: fn(&HeaderMap, &Value) -> Option<&'static str>,
    pub request_id_header: &'static str,
    /// The documented floor of the vendor's limit, assumed until its headers arrive (and all the
    /// doctor goes by for a vendor that sends none).
    pub initial_budget: fn(&Tuning) -> Option<Budget>,
}

pub enum Auth {
    Basic { user: String, password: Secret },
    Bearer(Secret),
}

pub struct VendorClient {
    http: Arc<Http>,
    api: &'static VendorApi,
    base: Url,
    auth: Auth,
    headers: Vec<(&'static str, String)>,
    pacer: Arc<Pacer>,
}

/// A response whose status was 2xx.
pub struct Raw {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl VendorClient {
    pub fn new(http: Arc<Http>, api: &'static VendorApi, base: Url, auth: Auth) -> VendorClient {
        match &auth {
            Auth::Basic { user, password } => {
                crate::redact::register(password.expose());
                crate::redact::register_basic(user, password.expose());
            }
            Auth::Bearer(token) => crate::redact::register(token.expose()),
        }
        let pacer = Arc::new(Pacer::new((api.initial_budget)(&http.tuning)));
        VendorClient { http, api, base, auth, headers: Vec::new(), pacer }
    }

    /// Counts this client's requests against another client's rate-limit budget (two clients
    /// of one account).
    pub fn sharing_budget_with(mut self, other: &VendorClient) -> VendorClient {
        self.pacer = other.pacer.clone();
        self
    }

    /// Adds a header sent on every request (e.g. `Intercom-Version`).
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> VendorClient {
        self.headers.push((name, value.into()));
        self
    }

    pub fn vendor(&self) -> Integration {
        self.api.vendor
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
        let raw = self.send(Method::GET, path, query, None).await?;
        self.decode(path, "GET", raw)
    }

    /// A POST that only reads; refused unless the guard lists it.
    pub async fn post<T: DeserializeOwned>(&self, path: &str, body: &Value) -> Result<T, ApiError> {
        let raw = self.send(Method::POST, path, &[], Some(body)).await?;
        self.decode(path, "POST", raw)
    }

    fn error(&self, method: &str, path: &str, kind: ErrorKind) -> ApiError {
        ApiError { vendor: self.api.vendor, method: method.to_string(), path: path.to_string(), kind }
    }

    fn url(&self, path: &str, query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", self.base.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    /// Sends with pacing, retries and the deadline; a non-2xx status is an error.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
    ) -> Result<Raw, ApiError> {
        let m = method.as_str().to_string();
        if !guard::is_allowed(self.api.vendor, &m, path) {
            return Err(self.error(&m, path, ErrorKind::Refused { method: m.clone() }));
        }
        let url = self.url(path, query);
        let _in_flight = self.http.activity.as_ref().map(|a| a.start(format!("{} {m} {path}", self.api.vendor.name())));
        let mut retries = 0;
        let mut rate_waits = 0;
        loop {
            // The slot is reserved once this request holds its `--jobs` permit: a request queued
            // behind others must see the budget their answers left, not the one before them.
            let permit = self.http.jobs.acquire().await.expect("the semaphore is never closed");
            let slot = self.pacer.reserve().await;
            let mut wait = slot.wait;
            if self.http.replaying() {
                wait = Duration::ZERO;
            }
            if !wait.is_zero() {
                if wait >= self.http.remaining() {
                    let after_429 = rate_waits > 0;
                    return Err(self.error(&m, path, ErrorKind::NoRoom { next_slot: wait, after_429 }));
                }
                self.http.trace(&format!(
                    "  pacing {} for {} ms (rate-limit headers)",
                    self.api.vendor.name(),
                    wait.as_millis()
                ));
                let _paced = self.http.activity.as_ref().map(|a| a.paced(self.api.vendor.name(), wait));
                tokio::time::sleep(wait).await;
            }
            if let Some(a) = &self.http.activity {
                a.sent();
            }
            let asked = Asked { vendor: self.api.vendor, method: &m, path, query, body };
            let outcome = self.attempt(&method, &url, &asked).await;
            // Answered (or failed): under a rolling limit the vendor counted it by now.
            drop(slot);
            drop(permit);
            let retry_in = match &outcome {
                Err(AttemptError::Connect(_)) | Ok(Attempt { status: 502..=504, .. }) if retries < MAX_RETRIES => {
                    retries += 1;
                    Some(Duration::from_millis(250 * 2u64.pow(retries - 1)))
                }
                Ok(Attempt { status: 429, headers, body, .. }) => {
                    let json = serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
                    if let Some(quota) = (self.api.quota_exhausted)(headers, &json) {
                        return Err(self.error(&m, path, ErrorKind::QuotaExhausted { quota }));
                    }
                    if rate_waits >= MAX_RATE_LIMIT_WAITS {
                        return Err(self.error(&m, path, ErrorKind::RateLimited { retry_after: None }));
                    }
                    rate_waits += 1;
                    let said = (self.api.retry_after)(headers);
                    let wait = said.unwrap_or(Duration::from_secs(1)).min(MAX_HEADER_WAIT);
                    if wait >= self.http.remaining() {
                        return Err(self.error(&m, path, ErrorKind::RateLimited { retry_after: Some(wait) }));
                    }
                    if said.is_some() {
                        // The vendor said when: the pacer's own estimate must not override it.
                        self.pacer.vendor_said(wait).await;
                    }
                    Some(wait)
                }
                _ => None,
            };
            if let Some(delay) = retry_in {
                if delay < self.http.remaining() {
                    if !self.http.replaying() {
                        tokio::time::sleep(delay).await;
                    }
                    continue;
                }
            }
            return match outcome {
                Ok(a) if (200..300).contains(&a.status) => {
                    Ok(Raw { status: a.status, headers: a.headers, body: a.body })
                }
                Ok(a) if a.status == 429 => Err(self.error(
                    &m,
                    path,
                    ErrorKind::RateLimited { retry_after: (self.api.retry_after)(&a.headers) },
                )),
                Ok(a) if (300..400).contains(&a.status) => {
                    let location = a.headers.get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
                    Err(self.error(&m, path, ErrorKind::Redirect { status: a.status, location }))
                }
                Ok(a) => Err(self.error(&m, path, self.error_body(a))),
                Err(AttemptError::Kind(kind)) | Err(AttemptError::Connect(kind)) => Err(self.error(&m, path, kind)),
            };
        }
    }

    async fn attempt(&self, method: &Method, url: &Url, asked: &Asked<'_>) -> Result<Attempt, AttemptError> {
        let remaining = self.http.remaining();
        if remaining.is_zero() {
            return Err(AttemptError::Kind(ErrorKind::Deadline));
        }
        if let Some(replay) = &self.http.replay {
            return match replay.answer(asked) {
                Replayed::Response { status, headers, body } => {
                    let budget = (self.api.budget)(&headers, &self.http.tuning);
                    self.pacer.update(budget).await;
                    Ok(Attempt { status, headers, body, sent: HeaderMap::new() })
                }
                Replayed::Failed(kind @ ErrorKind::Connect { .. }) => Err(AttemptError::Connect(kind)),
                Replayed::Failed(kind) => Err(AttemptError::Kind(kind)),
            };
        }
        let outcome = self.attempt_live(method, url, asked.body).await;
        if let Some(recorder) = &self.http.recorder {
            let answer = match &outcome {
                Ok((attempt, _)) => {
                    Answer::Response { status: attempt.status, headers: &attempt.headers, body: &attempt.body }
                }
                Err((AttemptError::Kind(kind) | AttemptError::Connect(kind), _)) => Answer::Failed(kind),
            };
            recorder.record(asked, answer, outcome.as_ref().map_or_else(|(_, at)| *at, |(_, at)| *at));
        }
        outcome.map(|(a, _)| a).map_err(|(e, _)| e)
    }

    /// One request over the network, with when it started.
    async fn attempt_live(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&Value>,
    ) -> Result<(Attempt, Instant), (AttemptError, Instant)> {
        let remaining = self.http.remaining();
        let timeout = self.http.request_timeout.min(remaining);
        let mut request = self
            .http
            .client
            .request(method.clone(), url.clone())
            .header(USER_AGENT, USER_AGENT_VALUE)
            .header(ACCEPT, "application/json")
            .timeout(timeout);
        request = match &self.auth {
            Auth::Basic { user, password } => request.basic_auth(user, Some(password.expose())),
            Auth::Bearer(token) => request.bearer_auth(token.expose()),
        };
        for (name, value) in &self.headers {
            request = request.header(*name, value);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let started = Instant::now();
        self.http.sent.fetch_add(1, Ordering::Relaxed);
        let status_seen = std::sync::atomic::AtomicU16::new(0);
        let result = tokio::time::timeout(timeout, async {
            let request = request.build()?;
            let sent = if self.http.trace_headers { request.headers().clone() } else { HeaderMap::new() };
            let mut response = self.http.client.execute(request).await?;
            let status = response.status().as_u16();
            status_seen.store(status, Ordering::Relaxed);
            let headers = response.headers().clone();
            // A declared length over the cap is refused before reading a byte of it.
            if response.content_length().is_some_and(|n| n > MAX_BODY_BYTES as u64) {
                return Ok(Err(ErrorKind::TooLarge { limit: MAX_BODY_BYTES }));
            }
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await? {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY_BYTES {
                    return Ok(Err(ErrorKind::TooLarge { limit: MAX_BODY_BYTES }));
                }
            }
            Ok::<_, reqwest::Error>(Ok(Attempt { status, headers, body, sent }))
        })
        .await;
        let elapsed = started.elapsed();
        let shown = crate::redact::mask_url(url.as_str());
        match result {
            Err(_) => {
                self.http.trace(&format!("{method} {shown} -> timeout after {} ms", elapsed.as_millis()));
                Err((AttemptError::Kind(ErrorKind::Timeout { after: timeout }), started))
            }
            Ok(Err(e)) => {
                let mut kind = classify(&e, url, timeout);
                if let ErrorKind::Truncated { status: status @ 0, .. } = &mut kind {
                    *status = status_seen.load(Ordering::Relaxed);
                }
                self.http.trace(&format!("{method} {shown} -> failed after {} ms: {kind}", elapsed.as_millis()));
                if matches!(kind, ErrorKind::Connect { .. }) {
                    Err((AttemptError::Connect(kind), started))
                } else {
                    Err((AttemptError::Kind(kind), started))
                }
            }
            Ok(Ok(Err(kind))) => Err((AttemptError::Kind(kind), started)),
            Ok(Ok(Ok(attempt))) => {
                let budget = (self.api.budget)(&attempt.headers, &self.http.tuning);
                self.pacer.update(budget).await;
                if self.http.trace {
                    let id = attempt
                        .headers
                        .get(self.api.request_id_header)
                        .and_then(|v| v.to_str().ok())
                        .map(|v| format!(" [{}: {v}]", self.api.request_id_header))
                        .unwrap_or_default();
                    let budget = match budget {
                        Some(Budget::Bucket { used, capacity, .. }) => {
                            format!(" (rate limit {used}/{capacity} used)")
                        }
                        Some(Budget::Window { remaining, .. })
                        | Some(Budget::Rolling { remaining: Some(remaining), .. }) => {
                            format!(" (rate limit: {remaining} left)")
                        }
                        Some(Budget::Rolling { remaining: None, .. }) | None => String::new(),
                    };
                    let mut lines = vec![format!(
                        "{method} {shown} -> {} in {} ms{id}{budget}",
                        attempt.status,
                        elapsed.as_millis()
                    )];
                    if self.http.trace_headers {
                        lines.extend(Http::header_lines(">", &attempt.sent));
                        lines.extend(Http::header_lines("<", &attempt.headers));
                    }
                    self.http.trace_block(&lines);
                }
                Ok((attempt, started))
            }
        }
    }

    fn error_body(&self, a: Attempt) -> ErrorKind {
        let content_type = content_type(&a.headers);
        match serde_json::from_slice::<Value>(&a.body) {
            Ok(value) if value.is_object() || value.is_array() => {
                ErrorKind::Status { status: a.status, error: (self.api.parse_error)(&value) }
            }
            _ if a.body.iter().all(u8::is_ascii_whitespace) => {
                ErrorKind::Status { status: a.status, error: VendorError::default() }
            }
            _ => ErrorKind::NotJson { status: a.status, content_type, snippet: snippet(&a.body) },
        }
    }

    pub fn decode<T: DeserializeOwned>(&self, path: &str, method: &str, raw: Raw) -> Result<T, ApiError> {
        let content_type = content_type(&raw.headers);
        if !content_type.is_empty() && !content_type.contains("json") {
            return Err(self.error(
                method,
                path,
                ErrorKind::NotJson { status: raw.status, content_type, snippet: snippet(&raw.body) },
            ));
        }
        serde_json::from_slice::<T>(&raw.body).map_err(|e| {
            let kind = if e.is_eof() {
                ErrorKind::Truncated { status: raw.status, detail: format!("{} bytes received", raw.body.len()) }
            } else if e.is_syntax() {
                ErrorKind::Malformed { status: raw.status, detail: e.to_string() }
            } else {
                ErrorKind::Shape { status: raw.status, detail: e.to_string() }
            };
            self.error(method, path, kind)
        })
    }
}

struct Attempt {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
    /// The headers that were sent (for `-vv`).
    sent: HeaderMap,
}

enum AttemptError {
    /// Worth a retry: the connection failed or was reset.
    Connect(ErrorKind),
    Kind(ErrorKind),
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or(v).trim().to_ascii_lowercase())
        .unwrap_or_default()
}

fn snippet(body: &[u8]) -> String {
    // `clip` redacts before it cuts; what it is given holds far more than the 80 characters
    // shown, so no secret near the cut can be half in it.
    let text = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]);
    // For an HTML page the title says the most.
    if let Some(start) = text.find("<title>") {
        if let Some(end) = text[start..].find("</title>") {
            return clip(&text[start + 7..start + end], 80);
        }
    }
    let mut collapsed = String::new();
    for word in text.split_whitespace() {
        if collapsed.len() > 2000 {
            break;
        }
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    clip(&collapsed, 80)
}

fn classify(e: &reqwest::Error, url: &Url, timeout: Duration) -> ErrorKind {
    if e.is_timeout() {
        return ErrorKind::Timeout { after: timeout };
    }
    let chain = error_chain(e);
    let lower = chain.to_ascii_lowercase();
    if lower.contains("dns error")
        || lower.contains("failed to lookup")
        || lower.contains("name or service not known")
        || lower.contains("no address associated")
    {
        return ErrorKind::Dns { host: url.host_str().unwrap_or("").to_string(), detail: last_cause(e) };
    }
    if lower.contains("certificate") || lower.contains("unknownissuer") || lower.contains("invalid peer") {
        return ErrorKind::Tls { detail: last_cause(e) };
    }
    if lower.contains("invalid http")
        || lower.contains("received http/0.9")
        || lower.contains("parse error")
        || lower.contains("invalid status")
        || lower.contains("invalid header")
    {
        return ErrorKind::InvalidResponse { detail: last_cause(e) };
    }
    if e.is_connect() {
        return ErrorKind::Connect { detail: last_cause(e) };
    }
    if e.is_body() || e.is_decode() {
        return ErrorKind::Truncated { status: e.status().map(|s| s.as_u16()).unwrap_or(0), detail: last_cause(e) };
    }
    ErrorKind::Connect { detail: last_cause(e) }
}

fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// The innermost cause: "Connection refused (os error 111)" says more than "error sending request".
fn last_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    clip(&last, 160)
}

/// An id from outside as one path segment: everything but letters, digits, `-`, `_` and `~`
/// is percent-encoded, so `../../admin` or `a/b?c` can never change which resource is asked for.
pub fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a header as a number.
pub fn header_num<T: std::str::FromStr>(headers: &HeaderMap, name: &str) -> Option<T> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The longest wait any header may ask for: beyond it, a run's deadline decides anyway.
pub const MAX_HEADER_WAIT: Duration = Duration::from_secs(3600);

/// Seconds from a header, as a wait: finite, not negative, at most `MAX_HEADER_WAIT`.
pub fn header_secs(headers: &HeaderMap, name: &str) -> Option<Duration> {
    let secs = header_num::<f64>(headers, name).filter(|s| s.is_finite() && *s >= 0.0)?;
    Some(Duration::try_from_secs_f64(secs).unwrap_or(MAX_HEADER_WAIT).min(MAX_HEADER_WAIT))
}

/// `Retry-After`: seconds, or an HTTP date (RFC 9110 allows both), as a wait from now.
pub fn retry_after_secs(headers: &HeaderMap) -> Option<Duration> {
    if let Some(wait) = header_secs(headers, "retry-after") {
        return Some(wait);
    }
    let text = headers.get("retry-after")?.to_str().ok()?.trim();
    let at = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let wait = at.signed_duration_since(chrono::Utc::now()).to_std().unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_HEADER_WAIT))
}
