//! OpenCX public API (opencx-api.md): `https://api.open.cx`, `Authorization: Bearer <key>`,
//! error body `{statusCode, message, error}`, 100 requests a minute (no rate-limit headers
//! are documented, so the doctor counts locally), cursor pagination `{items, next}`.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::http::client::retry_after_secs;
use crate::http::{ApiError, Auth, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

pub const ORIGIN: &str = "https://api.open.cx";

pub static API: VendorApi = VendorApi {
    vendor: Integration::Opencx,
    parse_error,
    budget: |_| None,
    retry_after: retry_after_secs,
    request_id_header: "x-request-id",
    local_limit: Some((100, Duration::from_secs(60))),
};

fn parse_error(body: &Value) -> VendorError {
    // NestJS puts validation messages in an array.
    let message = match &body["message"] {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    };
    VendorError {
        code: body["error"].as_str().map(str::to_string),
        message,
        request_id: None,
        scopes: Vec::new(),
    }
}

/// One page of a cursor-paginated list.
#[derive(Debug, Clone, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    #[serde(default)]
    pub next: Option<String>,
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

pub struct OpencxClient {
    api: VendorClient,
}

impl OpencxClient {
    pub fn new(http: Arc<Http>, base: Url, key: Secret) -> OpencxClient {
        OpencxClient {
            api: VendorClient::new(http, &API, base, Auth::Bearer(key)),
        }
    }

    /// `GET /chat/sessions` with the given filters (`updated_after`, `channel_type`, `cursor`…).
    pub async fn sessions(&self, query: &[(&str, String)]) -> Result<Page<Session>, ApiError> {
        self.api.get("/chat/sessions", query).await
    }
}
