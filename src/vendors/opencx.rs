//! OpenCX public API (opencx-api.md): `https://api.open.cx`, `Authorization: Bearer <key>`,
//! error body `{statusCode, message, error}`, 100 requests a minute (no rate-limit headers
//! are documented, so the doctor counts locally), cursor pagination `{items, next}`.

/// The domain of the temporary address OpenCX gives a contact that has no email of its own
/// (`temporary+…@instant.cx`): mail to it never reaches a helpdesk.
pub const TEMPORARY_EMAIL_DOMAIN: &str = "instant.cx";

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::http::client::retry_after_secs;
use crate::http::client::segment;
use crate::http::{ApiError, Auth, Budget, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

pub const ORIGIN: &str = "https://api.open.cx";

pub static API: VendorApi = VendorApi {
    vendor: Integration::Opencx,
    parse_error,
    budget: |_, _| None,
    retry_after: retry_after_secs,
    quota_exhausted: |_, _| None,
    request_id_header: "x-request-id",
    // No headers: the documented 100 a minute (or `DOCTOR_OPENCX_RATE_LIMIT`) is all the doctor
    // goes by.
    initial_budget: |tuning| {
        let (limit, interval) = tuning.opencx_limit.unwrap_or((100, Duration::from_secs(60)));
        Some(Budget::Rolling { remaining: None, limit: Some(limit), interval: Some(interval) })
    },
};

fn parse_error(body: &Value) -> VendorError {
    // NestJS puts validation messages in an array.
    let message = match &body["message"] {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")),
        _ => None,
    };
    VendorError { code: body["error"].as_str().map(str::to_string), message, request_id: None, scopes: Vec::new() }
}

/// One page of a cursor-paginated list.
#[derive(Debug, Clone, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    #[serde(default)]
    pub next: Option<String>,
}

/// One page of `POST /chat/sessions/filter` (page-number pagination). `data` and `has_next`
/// are required: without them a page says nothing about what the window holds.
#[derive(Debug, Clone, Deserialize)]
pub struct FilterPage {
    pub data: Vec<Session>,
    pub has_next: bool,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Session {
    pub id: String,
    pub status: Option<String>,
    pub ai_closure_type: Option<String>,
    pub sentiment: Option<String>,
    pub channel: Option<Channel>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub assignee_id: Option<String>,
    pub assist_mode: Option<bool>,
    pub handoff: Option<Handoff>,
    pub ticketing_system: Option<TicketingSystem>,
    pub contact: Option<Contact>,
    pub team: Option<Team>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Channel {
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Handoff {
    pub summary: Option<String>,
    pub sentiment: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct TicketingSystem {
    pub name: Option<String>,
    #[serde(deserialize_with = "super::id_string")]
    pub external_id: Option<String>,
    pub id_type: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Contact {
    pub id: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Team {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// One event of `/chat/sessions/{id}/history`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct HistoryItem {
    pub id: Option<String>,
    pub created_at: Option<String>,
    pub event: Event,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Event {
    /// `message`, `handoff`, `ai_resolved_issue`, `human_agent_comment`, `human_agent_joined`,
    /// `human_agent_takeover`, … (a free string in the current docs).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub sender: Option<Sender>,
    pub content: Option<Content>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Sender {
    /// `contact`, `ai`, `human_agent`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Content {
    pub text: Option<String>,
}

/// `/chat/sessions/search?q=`. Both lists are required: an object without them is not an
/// answer of "no hits" but not the documented shape.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct SearchResult {
    pub contacts: Vec<Contact>,
    pub messages: Vec<SearchMessage>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct SearchMessage {
    pub id: Option<String>,
    pub session_id: Option<String>,
}

/// One item of `/handoff-analytics/events`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct HandoffEvent {
    pub session_id: Option<String>,
    pub summary: Option<String>,
    pub explanation: Option<String>,
    pub reasons: Vec<String>,
    pub created_at: Option<String>,
}

/// The scope each call needs, for the 403 message.
pub fn scope_for(path: &str) -> &'static str {
    if path.starts_with("/handoff-analytics") {
        "handoff-analytics:read"
    } else if path.starts_with("/contacts") {
        "contacts:read"
    } else {
        "chat-sessions:read"
    }
}

pub struct OpencxClient {
    api: VendorClient,
}

impl OpencxClient {
    pub fn new(http: Arc<Http>, base: Url, key: Secret) -> OpencxClient {
        OpencxClient { api: VendorClient::new(http, &API, base, Auth::Bearer(key)) }
    }

    /// `GET /chat/sessions` with the given filters (`updated_after`, `channel_type`, `cursor`…).
    pub async fn sessions(&self, query: &[(&str, String)]) -> Result<Page<Session>, ApiError> {
        self.api.get("/chat/sessions", query).await
    }

    /// `POST /chat/sessions/filter` (read-only: a search), one page of at most 100.
    pub async fn filter(&self, body: &Value) -> Result<FilterPage, ApiError> {
        self.api.post("/chat/sessions/filter", body).await
    }

    /// `GET /chat/sessions/{id}`.
    pub async fn session(&self, id: &str) -> Result<Session, ApiError> {
        self.api.get(&format!("/chat/sessions/{}", segment(id)), &[]).await
    }

    /// `GET /chat/sessions/{id}/history`, one page.
    pub async fn history(&self, id: &str, cursor: Option<&str>) -> Result<Page<HistoryItem>, ApiError> {
        let query: Vec<(&str, String)> = cursor.map(|c| ("cursor", c.to_string())).into_iter().collect();
        self.api.get(&format!("/chat/sessions/{}/history", segment(id)), &query).await
    }

    /// `GET /chat/sessions/search?q=`: contacts and messages matching a name, email or phrase.
    pub async fn search(&self, q: &str) -> Result<SearchResult, ApiError> {
        self.api.get("/chat/sessions/search", &[("q", q.to_string())]).await
    }

    /// `GET /handoff-analytics/events` over a date window, one page.
    pub async fn handoff_events(
        &self,
        start: &str,
        end: &str,
        cursor: Option<&str>,
    ) -> Result<Page<HandoffEvent>, ApiError> {
        let mut query = vec![("start_date", start.to_string()), ("end_date", end.to_string())];
        if let Some(c) = cursor {
            query.push(("cursor", c.to_string()));
        }
        self.api.get("/handoff-analytics/events", &query).await
    }
}
