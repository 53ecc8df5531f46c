//! Intercom REST API (intercom-api.md, specs/intercom): Bearer token, `Intercom-Version`
//! pinned on every call, regional hosts (US/EU/AU), `X-RateLimit-Limit/Remaining/Reset`,
//! error body `{"type":"error.list","request_id":…,"errors":[{"code","message"}]}`.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::http::client::segment;
use crate::http::client::{header_num, retry_after_secs};
use crate::http::tuning::Tuning;
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
    quota_exhausted: |_, _| None,
    request_id_header: "x-request-id",
    // The lowest documented private-app limit: 1,000 a minute, spread over 10-second windows.
    initial_budget: |_| Some(Budget::Window { remaining: 166, limit: Some(166), reset_in: Duration::from_secs(10) }),
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

fn budget(headers: &HeaderMap, _: &Tuning) -> Option<Budget> {
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

/// `type` and `id` are required: a body without them is not the admin behind the token.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Me {
    #[serde(rename = "type")]
    pub kind: String,
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
    pub waiting_since: Option<i64>,
    pub source: Option<ConversationSource>,
    pub tags: Option<TagList>,
    pub contacts: Option<ContactList>,
    pub conversation_parts: Option<PartList>,
}

impl Conversation {
    /// The assigned admin, `None` when unassigned (`0` in 2.16, `null` before).
    pub fn admin_assignee(&self) -> Option<&str> {
        self.admin_assignee_id.as_deref().filter(|id| !id.is_empty() && *id != "0")
    }

    pub fn has_tag(&self, name: &str) -> bool {
        self.tags.as_ref().is_some_and(|t| t.tags.iter().any(|tag| tag.name.as_deref() == Some(name)))
    }

    pub fn parts(&self) -> &[Part] {
        self.conversation_parts.as_ref().map(|p| p.conversation_parts.as_slice()).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct TagList {
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Tag {
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ContactList {
    pub contacts: Vec<ContactRef>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ContactRef {
    pub id: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct PartList {
    pub conversation_parts: Vec<Part>,
}

/// A conversation part: a comment, a note, an assignment, a close…
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Part {
    #[serde(deserialize_with = "super::id_string")]
    pub id: Option<String>,
    pub part_type: Option<String>,
    pub body: Option<String>,
    pub created_at: Option<i64>,
    pub author: Option<Author>,
    pub assigned_to: Option<Author>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Admin {
    #[serde(deserialize_with = "super::id_string")]
    pub id: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub away_mode_enabled: Option<bool>,
    pub away_mode_reassign: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ConversationPage {
    pub conversations: Vec<Conversation>,
    pub total_count: Option<u64>,
    pub pages: Option<Pages>,
}

/// A search's paging: `pages.next.starting_after` while there are more.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Pages {
    pub next: Option<NextPage>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct NextPage {
    pub starting_after: Option<String>,
}

impl ConversationPage {
    /// The cursor of the next page, if there is one.
    pub fn next(&self) -> Option<&str> {
        self.pages.as_ref()?.next.as_ref()?.starting_after.as_deref().filter(|c| !c.is_empty())
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct DataAttribute {
    pub name: Option<String>,
    pub full_name: Option<String>,
    pub model: Option<String>,
    pub api_writable: Option<bool>,
    pub custom: Option<bool>,
    pub archived: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct DataAttributeList {
    pub data: Vec<DataAttribute>,
}

/// `/contacts/{id}/companies`: the schema says `companies`, every example says `data`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct CompanyList {
    #[serde(alias = "data")]
    pub companies: Vec<Company>,
    pub total_count: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Company {
    pub id: Option<String>,
    pub name: Option<String>,
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
        self.api.get(&format!("/conversations/{}", segment(id)), &[("display_as", "plaintext".to_string())]).await
    }

    /// `GET /admins/{id}`.
    pub async fn admin(&self, id: &str) -> Result<Admin, ApiError> {
        self.api.get(&format!("/admins/{}", segment(id)), &[]).await
    }

    /// `GET /conversations?per_page=N`: the most recent conversations (and proof of "Read conversations").
    pub async fn recent_conversations(&self, per_page: u32) -> Result<ConversationPage, ApiError> {
        self.api.get("/conversations", &[("per_page", per_page.to_string())]).await
    }

    /// `POST /conversations/search` (a read): one page of at most 150 conversations updated
    /// after `since` (UNIX seconds), from `starting_after`.
    pub async fn conversations_updated_since(
        &self,
        since: i64,
        starting_after: Option<&str>,
    ) -> Result<ConversationPage, ApiError> {
        let mut pagination = serde_json::json!({"per_page": 150});
        if let Some(c) = starting_after {
            pagination["starting_after"] = c.into();
        }
        let body = serde_json::json!({
            "query": {"field": "updated_at", "operator": ">", "value": since},
            "pagination": pagination,
        });
        self.api.post("/conversations/search", &body).await
    }

    /// `GET /data_attributes?model=conversation` (only versions before 2.16 report `api_writable`;
    /// the client pins 2.15).
    pub async fn conversation_attributes(&self) -> Result<DataAttributeList, ApiError> {
        self.api.get("/data_attributes", &[("model", "conversation".to_string())]).await
    }

    /// `GET /contacts/{id}/companies`.
    pub async fn contact_companies(&self, contact: &str) -> Result<CompanyList, ApiError> {
        self.api.get(&format!("/contacts/{}/companies", segment(contact)), &[]).await
    }
}
