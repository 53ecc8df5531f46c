//! The sandbox's HTTP plumbing: one listener per vendor on 127.0.0.1, the request log, latency,
//! fault injection and rate-limit emulation around each vendor's handler.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use axum::Router;
use serde_json::{json, Value};
use tokio::time::Instant;

use super::world::{FaultKind, Spec};
use super::{gorgias, hubspot, intercom, opencx};
use crate::Vendor;

/// One request the sandbox received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub vendor: Vendor,
    pub method: String,
    pub path: String,
    pub query: String,
    pub status: u16,
    /// When the request arrived and when it was answered, since the sandbox started.
    pub received: std::time::Duration,
    pub answered: std::time::Duration,
}

/// What a vendor handler answers.
pub enum Reply {
    Json(u16, Value),
    Html(u16, String),
}

/// A request as the vendor handlers see it.
pub(crate) struct Req<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: HashMap<String, String>,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

impl Req<'_> {
    pub fn bearer(&self) -> Option<&str> {
        self.headers.get("authorization")?.to_str().ok()?.strip_prefix("Bearer ")
    }

    pub fn json_body(&self) -> Value {
        serde_json::from_slice(self.body).unwrap_or(Value::Null)
    }
}

struct Shared {
    started: Instant,
    spec: Mutex<Spec>,
    log: Mutex<Vec<Logged>>,
    fault_hits: Mutex<HashMap<usize, usize>>,
    gorgias_level: Mutex<(f64, Instant)>,
    hubspot_window: Mutex<(Instant, u32)>,
    /// When each OpenCX request of the last interval arrived, oldest first.
    opencx_arrivals: Mutex<std::collections::VecDeque<Instant>>,
    /// How many of the script's events have been applied.
    script_done: Mutex<usize>,
    /// When the sandbox started, on the wall clock (a script's events are stamped from it).
    started_utc: chrono::DateTime<chrono::Utc>,
}

pub struct Sandbox {
    pub gorgias_url: String,
    pub intercom_url: String,
    pub hubspot_url: String,
    pub opencx_url: String,
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Sandbox {
    /// Starts the four fakes on a thread of their own; they stop when the value is dropped.
    pub fn start(spec: Spec) -> std::io::Result<Sandbox> {
        let mut listeners = Vec::new();
        for _ in 0..4 {
            let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
            listener.set_nonblocking(true)?;
            listeners.push(listener);
        }
        let urls: Vec<String> =
            listeners.iter().map(|l| l.local_addr().map(|a| format!("http://{a}"))).collect::<Result<_, _>>()?;
        let now = Instant::now();
        let mut spec = spec;
        spec.world.resolve_placeholders(&urls[3]);
        // The script is played in time order (`play_script` walks it once, never re-sorting).
        spec.script.sort_by_key(|s| s.after);
        let shared = Arc::new(Shared {
            started: now,
            spec: Mutex::new(spec),
            log: Mutex::new(Vec::new()),
            fault_hits: Mutex::new(HashMap::new()),
            gorgias_level: Mutex::new((0.0, now)),
            hubspot_window: Mutex::new((now, 0)),
            opencx_arrivals: Mutex::new(std::collections::VecDeque::new()),
            script_done: Mutex::new(0),
            started_utc: chrono::Utc::now(),
        });
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let thread_shared = shared.clone();
        let thread = std::thread::Builder::new().name("sandbox".into()).spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the sandbox runtime starts");
            runtime.block_on(async move {
                let vendors = [Vendor::Gorgias, Vendor::Intercom, Vendor::Hubspot, Vendor::Opencx];
                let mut servers = Vec::new();
                for (vendor, listener) in vendors.into_iter().zip(listeners) {
                    let listener = tokio::net::TcpListener::from_std(listener).expect("a bound listener converts");
                    let app = Router::new().fallback(handle).with_state((vendor, thread_shared.clone()));
                    servers.push(tokio::spawn(async move {
                        let _ = axum::serve(listener, app).await;
                    }));
                }
                let _ = ready_tx.send(());
                let _ = rx.await;
                for s in servers {
                    s.abort();
                }
            });
            runtime.shutdown_timeout(Duration::from_millis(50));
        })?;
        let _ = ready_rx.recv();
        Ok(Sandbox {
            gorgias_url: urls[0].clone(),
            intercom_url: urls[1].clone(),
            hubspot_url: urls[2].clone(),
            opencx_url: urls[3].clone(),
            shared,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Logged> {
        self.shared.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn clear_requests(&self) {
        self.shared.log.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    /// Changes the set-up while running (tests).
    pub fn update(&self, f: impl FnOnce(&mut Spec)) {
        f(&mut self.shared.spec.lock().unwrap_or_else(|p| p.into_inner()));
    }

    /// The settings a profile pointed at this sandbox has (`name`, value), overrides applied.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        let spec = self.shared.spec.lock().unwrap_or_else(|p| p.into_inner());
        let w = &spec.world;
        let webhook =
            |vendor: &str| format!("{}/webhooks/{vendor}/{}", self.opencx_url, super::world::GORGIAS_WEBHOOK_TOKEN);
        let mut out: Vec<(&'static str, String)> = vec![
            ("gorgias.domain", super::world::GORGIAS_DOMAIN.into()),
            ("gorgias.email", w.gorgias.email.clone()),
            ("gorgias.api_key", w.gorgias.api_key.clone()),
            ("gorgias.ai_user_id", super::world::GORGIAS_AI_USER.to_string()),
            ("gorgias.team_id", super::world::GORGIAS_TEAM.to_string()),
            ("gorgias.webhook_url", webhook("gorgias")),
            ("gorgias.base_url", self.gorgias_url.clone()),
            ("intercom.token", w.intercom.token.clone()),
            ("intercom.workspace_id", super::world::INTERCOM_WORKSPACE.into()),
            ("intercom.ai_admin_id", super::world::INTERCOM_AI_ADMIN.into()),
            ("intercom.webhook_url", webhook("intercom")),
            ("intercom.process_on_assignment", "false".into()),
            ("intercom.base_url", self.intercom_url.clone()),
            ("hubspot.token", w.hubspot.token.clone()),
            ("hubspot.ai_user_id", super::world::HUBSPOT_AI_USER.into()),
            ("hubspot.webhook_url", webhook("hubspot")),
            ("hubspot.app_id", w.hubspot.app_id.to_string()),
            ("hubspot.developer_api_key", w.hubspot.developer_api_key.clone()),
            ("hubspot.base_url", self.hubspot_url.clone()),
            ("opencx.api_key", w.opencx.api_key.clone()),
            ("opencx.base_url", self.opencx_url.clone()),
        ];
        for (name, value) in &spec.setting_overrides {
            match out.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = value.replace(super::world::OPENCX_PLACEHOLDER, &self.opencx_url),
                None => out.push((name, value.clone())),
            }
        }
        // An empty override removes the setting (a profile that lacks it).
        out.retain(|(_, value)| !value.is_empty());
        out
    }

    /// The same settings as `DOCTOR_*` environment variables (for running the binary).
    pub fn env(&self) -> Vec<(String, String)> {
        self.settings()
            .into_iter()
            .map(|(name, value)| {
                // interface.md: `gorgias.domain` is DOCTOR_GORGIAS_DOMAIN.
                (format!("DOCTOR_{}", name.replace('.', "_").to_ascii_uppercase()), value)
            })
            .collect()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn handle(
    State((vendor, shared)): State<(Vendor, Arc<Shared>)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = shared.started.elapsed();
    play_script(&shared, received);
    let path = uri.path().to_string();
    let query_text = uri.query().unwrap_or("").to_string();
    let (latency, fault) = {
        let spec = shared.spec.lock().unwrap_or_else(|p| p.into_inner());
        let mut hits = shared.fault_hits.lock().unwrap_or_else(|p| p.into_inner());
        let fault = spec.faults.iter().enumerate().find_map(|(i, f)| {
            if f.vendor != vendor || !path.starts_with(&f.path) {
                return None;
            }
            let used = hits.entry(i).or_insert(0);
            if f.times.is_some_and(|t| *used >= t) {
                return None;
            }
            *used += 1;
            Some(f.kind.clone())
        });
        (spec.latency, fault)
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let mut extra = HeaderMap::new();
    let response = match fault {
        Some(FaultKind::EchoCredentials(status)) => {
            let echoed = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            let mut body = error_body(vendor, status);
            let message = format!("Invalid credentials: {echoed} ({query_text})");
            match vendor {
                Vendor::Gorgias => body["error"]["msg"] = message.into(),
                Vendor::Intercom => body["errors"][0]["message"] = message.into(),
                _ => body["message"] = message.into(),
            }
            json_response(status, &body)
        }
        Some(kind) => fault_response(vendor, kind).await,
        None => match rate_limit(vendor, &shared, headers.contains_key("authorization"), &mut extra) {
            Some(limited) => limited,
            None => {
                let query = url::form_urlencoded::parse(query_text.as_bytes()).into_owned().collect();
                let req = Req { method: method.as_str(), path: &path, query, headers: &headers, body: &body };
                // Answered under the lock: no copy of a large world per request.
                let reply = {
                    let spec = shared.spec.lock().unwrap_or_else(|p| p.into_inner());
                    let world = &spec.world;
                    match vendor {
                        Vendor::Gorgias => gorgias::handle(world, &req),
                        Vendor::Intercom => intercom::handle(world, &req),
                        Vendor::Hubspot => hubspot::handle(world, &req),
                        Vendor::Opencx => opencx::handle(world, &req),
                    }
                };
                to_response(reply)
            }
        },
    };
    let mut response = response;
    for (name, value) in extra.iter() {
        response.headers_mut().insert(name.clone(), value.clone());
    }
    add_vendor_headers(vendor, &mut response);
    shared.log.lock().unwrap_or_else(|p| p.into_inner()).push(Logged {
        vendor,
        method: method.to_string(),
        path,
        query: query_text,
        status: response.status().as_u16(),
        received,
        answered: shared.started.elapsed(),
    });
    response
}

/// Applies the script's events that are due (in order, each once).
fn play_script(shared: &Shared, elapsed: Duration) {
    let mut spec = shared.spec.lock().unwrap_or_else(|p| p.into_inner());
    if spec.script.is_empty() {
        return;
    }
    let mut done = shared.script_done.lock().unwrap_or_else(|p| p.into_inner());
    let spec = &mut *spec;
    while let Some(step) = spec.script.get(*done).filter(|s| s.after <= elapsed) {
        let at = shared.started_utc + chrono::Duration::from_std(step.after).unwrap_or_default();
        crate::watch::apply(&mut spec.world, step.vendor, &step.event, at);
        *done += 1;
    }
}

fn to_response(reply: Reply) -> Response {
    match reply {
        Reply::Json(status, value) => json_response(status, &value),
        Reply::Html(status, html) => Response::builder()
            .status(status)
            .header("content-type", "text/html; charset=utf-8")
            .body(Body::from(html))
            .expect("valid response"),
    }
}

pub(crate) fn json_response(status: u16, value: &Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(value.to_string()))
        .expect("valid response")
}

/// The vendor's error body for a status.
pub fn error_body(vendor: Vendor, status: u16) -> Value {
    let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    match vendor {
        Vendor::Gorgias => {
            json!({"error": {"msg": if status == 401 { "Unauthorized." } else { reason }}})
        }
        Vendor::Intercom => {
            json!({"type": "error.list", "request_id": "sbx-req-0001", "errors": [{"code": match status {
            401 => "unauthorized", 403 => "token_unauthorized", 404 => "not_found", 429 => "rate_limit_exceeded", 500 => "server_error", 503 => "service_unavailable", _ => "error"
        }, "message": reason}]})
        }
        Vendor::Hubspot => {
            json!({"status": "error", "message": reason, "correlationId": "sbx-5d1c-4e8a-9f00-000000000001", "category": match status {
                401 => "INVALID_AUTHENTICATION", 403 => "MISSING_SCOPES", 404 => "OBJECT_NOT_FOUND", 429 => "RATE_LIMITS", _ => "INTERNAL_ERROR"
            }})
        }
        Vendor::Opencx => json!({"statusCode": status, "message": reason, "error": reason}),
    }
}

async fn fault_response(vendor: Vendor, kind: FaultKind) -> Response {
    match kind {
        FaultKind::Status(status) => json_response(status, &error_body(vendor, status)),
        FaultKind::Html(status) => to_response(Reply::Html(
            status,
            format!("<!DOCTYPE html><html><head><title>{status} Bad Gateway</title></head><body><h1>Bad gateway</h1><p>upstream error</p></body></html>"),
        )),
        FaultKind::MalformedJson => Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .body(Body::from("{\"data\": [1, 2,, }"))
            .expect("valid response"),
        FaultKind::WrongContentType => Response::builder()
            .status(200)
            .header("content-type", "text/plain")
            .body(Body::from("{\"data\": []}"))
            .expect("valid response"),
        FaultKind::Truncated => {
            use futures::StreamExt;
            // The head and the first half go out; then the connection drops.
            let stream = futures::stream::once(async { Ok::<_, std::io::Error>(Bytes::from_static(b"{\"data\": [{\"id\": 1, \"name\": \"tru")) })
                .chain(futures::stream::once(async {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    Err(std::io::Error::other("connection dropped by the sandbox"))
                }));
            Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .body(Body::from_stream(stream))
                .expect("valid response")
        }
        FaultKind::Huge(bytes) => {
            let mut body = Vec::with_capacity(bytes + 16);
            body.extend_from_slice(b"{\"data\":\"");
            body.resize(body.len() + bytes, b'x');
            body.extend_from_slice(b"\"}");
            Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .body(Body::from(body))
                .expect("valid response")
        }
        FaultKind::EchoCredentials(status) => json_response(status, &error_body(vendor, status)),
        FaultKind::Custom { status, headers, body } => {
            let mut builder = Response::builder()
                .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
                .header("content-type", "application/json");
            for (name, value) in headers {
                builder = builder.header(name, value);
            }
            builder.body(Body::from(body)).unwrap_or_else(|_| json_response(500, &json!({"error": "bad custom fault"})))
        }
        FaultKind::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            json_response(504, &error_body(vendor, 504))
        }
        FaultKind::RateLimited { retry_after_secs } => {
            let mut response = json_response(429, &rate_limit_body(vendor));
            response.headers_mut().insert("retry-after", HeaderValue::from(retry_after_secs));
            if vendor == Vendor::Gorgias {
                response.headers_mut().insert("x-gorgias-account-api-call-limit", HeaderValue::from_static("40/40"));
            }
            response
        }
        FaultKind::DailyQuota if vendor == Vendor::Hubspot => {
            let mut response = json_response(
                429,
                &json!({"status": "error", "message": "You have reached your daily limit.", "errorType": "RATE_LIMIT",
                "correlationId": "sbx-5d1c-4e8a-9f00-0000000d4117", "policyName": "DAILY"}),
            );
            let h = response.headers_mut();
            h.insert("x-hubspot-ratelimit-daily", HeaderValue::from(250_000u32));
            h.insert("x-hubspot-ratelimit-daily-remaining", HeaderValue::from(0u32));
            response
        }
        FaultKind::DailyQuota => json_response(429, &rate_limit_body(vendor)),
    }
}

fn rate_limit_body(vendor: Vendor) -> Value {
    match vendor {
        Vendor::Hubspot => {
            json!({"status": "error", "message": "You have reached your ten_secondly_rolling limit.", "errorType": "RATE_LIMIT",
            "correlationId": "sbx-5d1c-4e8a-9f00-000000000429", "policyName": "TEN_SECONDLY_ROLLING"})
        }
        Vendor::Intercom => {
            json!({"type": "error.list", "request_id": "sbx-req-0429", "errors": [{"code": "rate_limit_exceeded", "message": "Exceeded rate limit of 167 in 10_seconds"}]})
        }
        other => error_body(other, 429),
    }
}

/// Emulates Gorgias's leaky bucket, HubSpot's ten-second window and OpenCX's limit a minute;
/// `Some` is a 429. `keyed`: the request carries an API key (OpenCX's limit is the API key's;
/// its webhook receivers, called by the helpdesks without one, are not counted).
fn rate_limit(vendor: Vendor, shared: &Shared, keyed: bool, headers: &mut HeaderMap) -> Option<Response> {
    let spec = shared.spec.lock().unwrap_or_else(|p| p.into_inner());
    let now = Instant::now();
    match vendor {
        Vendor::Gorgias => {
            let (capacity, window) = spec.gorgias_bucket;
            let drain = f64::from(capacity) / window.as_secs_f64();
            let mut bucket = shared.gorgias_level.lock().unwrap_or_else(|p| p.into_inner());
            let level = (bucket.0 - now.duration_since(bucket.1).as_secs_f64() * drain).max(0.0);
            if level + 1.0 > f64::from(capacity) {
                *bucket = (level, now);
                let wait = ((level + 1.0 - f64::from(capacity)) / drain).ceil().max(1.0) as u64;
                let mut response = json_response(429, &error_body(vendor, 429));
                response.headers_mut().insert("retry-after", HeaderValue::from(wait));
                response.headers_mut().insert(
                    "x-gorgias-account-api-call-limit",
                    HeaderValue::from_str(&format!("{capacity}/{capacity}")).expect("ascii"),
                );
                return Some(response);
            }
            *bucket = (level + 1.0, now);
            let used = (level + 1.0).ceil() as u32;
            headers.insert(
                "x-gorgias-account-api-call-limit",
                HeaderValue::from_str(&format!("{used}/{capacity}")).expect("ascii"),
            );
            None
        }
        Vendor::Hubspot => {
            let (max, window) = spec.hubspot_per_window;
            let mut state = shared.hubspot_window.lock().unwrap_or_else(|p| p.into_inner());
            if now.duration_since(state.0) >= window {
                *state = (now, 0);
            }
            headers.insert("x-hubspot-ratelimit-max", HeaderValue::from(max));
            // HubSpot sends the window's length here, not the time left in it.
            headers.insert("x-hubspot-ratelimit-interval-milliseconds", HeaderValue::from(window.as_millis() as u64));
            headers.insert("x-hubspot-ratelimit-daily", HeaderValue::from(250_000u32));
            headers.insert("x-hubspot-ratelimit-daily-remaining", HeaderValue::from(249_000u32));
            if state.1 >= max {
                headers.insert("x-hubspot-ratelimit-remaining", HeaderValue::from(0u32));
                return Some(json_response(429, &rate_limit_body(vendor)));
            }
            state.1 += 1;
            headers.insert("x-hubspot-ratelimit-remaining", HeaderValue::from(max - state.1));
            None
        }
        Vendor::Intercom => {
            let reset = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() + 10)
                .unwrap_or(0);
            headers.insert("x-ratelimit-limit", HeaderValue::from(167u32));
            headers.insert("x-ratelimit-remaining", HeaderValue::from(160u32));
            headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
            None
        }
        Vendor::Opencx if !keyed => None,
        Vendor::Opencx => {
            let (max, window) = spec.opencx_per_window;
            let mut arrivals = shared.opencx_arrivals.lock().unwrap_or_else(|p| p.into_inner());
            while arrivals.front().is_some_and(|t| now.duration_since(*t) >= window) {
                arrivals.pop_front();
            }
            if arrivals.len() >= max as usize {
                return Some(json_response(429, &rate_limit_body(vendor)));
            }
            arrivals.push_back(now);
            None
        }
    }
}

fn add_vendor_headers(vendor: Vendor, response: &mut Response) {
    let h = response.headers_mut();
    match vendor {
        Vendor::Gorgias | Vendor::Intercom | Vendor::Opencx => {
            h.insert("x-request-id", HeaderValue::from_static("sbx-req-7f3a"));
        }
        Vendor::Hubspot => {
            h.insert("x-hubspot-correlation-id", HeaderValue::from_static("sbx-5d1c-4e8a-9f00-0000000000aa"));
        }
    }
}
