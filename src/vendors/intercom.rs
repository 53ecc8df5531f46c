//! Intercom REST API (intercom-api.md, specs/intercom): Bearer token, `Intercom-Version`
//! pinned on every call, regional hosts (US/EU/AU), `X-RateLimit-Limit/Remaining/Reset`,
//! error body `{"type":"error.list","request_id":…,"errors":[{"code","message"}]}`.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::http::client::{header_num, retry_after_secs};
use crate::http::{ApiError, Auth, Budget, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

/// Pinned so results do not depend on the version set on the app. 2.15 is the last version
/// whose data-attributes endpoint reports `api_writable`; unassigned is `null` there (and `0`
/// in 2.16), and the parsers accept both.
pub const VERSION: &str = "2.15";

pub const US: &str = "https://api.intercom.io";
pub const EU: &str = "https://api.eu.intercom.io";
pub const AU: &str = "https://api.au.intercom.io";

pub static API: VendorApi = VendorApi {
    vendor: Integration::Intercom,
    parse_error,
    budget,
    retry_after,
    request_id_header: "x-request-id",
    local_limit: None,
};

fn parse_error(body: &Value) -> VendorError {
    let first = &body["errors"][0];
    VendorError {
        // Old payloads put the code under `type`.
        code: first["code"].as_str().or_else(|| first["type"].as_str()).map(str::to_string),
        message: first["message"].as_str().map(str::to_string),
        request_id: body["request_id"].as_str().map(str::to_string),
        scopes: Vec::new(),
    }
}

fn reset_in(headers: &HeaderMap) -> Option<Duration> {
    let reset: u64 = header_num(headers, "x-ratelimit-reset")?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(reset.saturating_sub(now).max(1)))
}

fn budget(headers: &HeaderMap) -> Option<Budget> {
    Some(Budget::Window {
        remaining: header_num(headers, "x-ratelimit-remaining")?,
        limit: header_num(headers, "x-ratelimit-limit"),
        reset_in: reset_in(headers).unwrap_or(Duration::from_secs(10)),
    })
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_secs(headers).or_else(|| reset_in(headers))
}

/// The API host of a region as `/me` reports it.
pub fn region_host(region: &str) -> Option<&'static str> {
    match region.to_ascii_uppercase().as_str() {
        "US" => Some(US),
        "EU" => Some(EU),
        "AU" => Some(AU),
        _ => None,
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Me {
    #[serde(deserialize_with = "super::id_string")]
    pub id: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
    pub app: Option<App>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct App {
    pub id_code: Option<String>,
    pub name: Option<String>,
    pub region: Option<String>,
}

/// `GET /conversations/{id}` (the fields the doctor reads). Timestamps are Unix seconds.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Conversation {
    #[serde(deserialize_with = "super::id_string")]
    pub id: Option<String>,
    pub created_at: Option<i64>,
    pub updated_at: Option<i64>,
    pub state: Option<String>,
    pub open: Option<bool>,
    /// `0` (2.16) or `null` (≤2.15) when unassigned; a number or a numeric string otherwise.
    #[serde(deserialize_with = "super::id_string")]
    pub admin_assignee_id: Option<String>,
    #[serde(deserialize_with = "super::id_string")]
    pub team_assignee_id: Option<String>,
    pub source: Option<ConversationSource>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ConversationSource {
    /// `conversation` (Messenger), `email`, `facebook`, …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub delivered_as: Option<String>,
    pub author: Option<Author>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Author {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "super::id_string")]
    pub id: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
}

pub struct IntercomClient {
    api: VendorClient,
}

impl IntercomClient {
    pub fn new(http: Arc<Http>, base: Url, token: Secret) -> IntercomClient {
        let api = VendorClient::new(http, &API, base, Auth::Bearer(token)).with_header("Intercom-Version", VERSION);
        IntercomClient { api }
    }

    pub fn base(&self) -> &Url {
        self.api.base()
    }

    /// `GET /me`: the token's admin and its workspace (`app.id_code`, `app.region`).
    pub async fn me(&self) -> Result<Me, ApiError> {
        self.api.get("/me", &[]).await
    }

    /// `GET /conversations/{id}` as plain text, so conversation parts are not shown.
    pub async fn conversation(&self, id: &str) -> Result<Conversation, ApiError> {
        self.api.get(&format!("/conversations/{id}"), &[("display_as", "plaintext".to_string())]).await
    }
}
