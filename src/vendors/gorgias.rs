//! Gorgias REST API (gorgias-api.md): `https://{domain}.gorgias.com/api/…`, HTTP Basic with the
//! user's email and API key, error body `{"error":{"msg":…}}`, a leaky-bucket rate limit
//! reported in `X-Gorgias-Account-Api-Call-Limit: used/limit` (40 per 20 s for API keys),
//! `Retry-After` on 429, cursor pagination `{data, meta:{next_cursor}}`.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use crate::http::client::retry_after_secs;
use crate::http::tuning::Tuning;
use crate::http::{ApiError, Auth, Budget, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

/// The window Gorgias documents for API-key integrations (enterprise accounts: 10 s, which
/// makes this conservative). `DOCTOR_GORGIAS_RATE_WINDOW` (seconds) overrides it: an
/// enterprise account may set 10; the benchmark sets the sandbox's scaled-down window.
pub const RATE_WINDOW: Duration = Duration::from_secs(20);

fn rate_window(tuning: &Tuning) -> Duration {
    tuning.gorgias_window.unwrap_or(RATE_WINDOW)
}

pub static API: VendorApi = VendorApi {
    vendor: Integration::Gorgias,
    parse_error,
    budget,
    retry_after: retry_after_secs,
    quota_exhausted: |_, _| None,
    request_id_header: "x-request-id",
    // 40 requests per 20 s for API keys (enterprise: a shorter window), until headers say more.
    initial_budget: |tuning| Some(Budget::Bucket { used: 0, capacity: 40, window: rate_window(tuning) }),
};

fn parse_error(body: &Value) -> VendorError {
    let error = &body["error"];
    let message = error["msg"].as_str().or_else(|| error.as_str()).map(str::to_string);
    // `msg` is sometimes a snake_case code such as `ticket_merged`.
    let code = message
        .as_deref()
        .filter(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_string);
    VendorError { code, message, request_id: None, scopes: Vec::new() }
}

fn budget(headers: &HeaderMap, tuning: &Tuning) -> Option<Budget> {
    let value = headers.get("x-gorgias-account-api-call-limit")?.to_str().ok()?;
    let (used, capacity) = value.split_once('/')?;
    Some(Budget::Bucket {
        used: used.trim().parse().ok()?,
        capacity: capacity.trim().parse().ok()?,
        window: rate_window(tuning),
    })
}

pub fn origin(domain: &str) -> Url {
    Url::parse(&format!("https://{domain}.gorgias.com")).expect("a validated domain prefix makes a valid URL")
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Account {
    pub domain: Option<String>,
    pub created_datetime: Option<String>,
    pub deactivated_datetime: Option<String>,
    pub status: Option<AccountStatus>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct AccountStatus {
    pub status: Option<String>,
}

/// `id` is required: a body without it is not a user, whatever else it holds.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct User {
    pub id: u64,
    pub email: Option<String>,
    pub name: Option<String>,
    pub active: Option<bool>,
    pub deactivated_datetime: Option<String>,
    pub role: Option<Role>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Role {
    pub name: Option<String>,
}

/// A person on a ticket or message (customer, user, sender).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Person {
    pub id: Option<u64>,
    pub email: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct TeamRef {
    pub id: Option<u64>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Ticket {
    pub id: u64,
    pub status: Option<String>,
    pub channel: Option<String>,
    pub via: Option<String>,
    pub subject: Option<String>,
    pub customer: Option<Person>,
    pub assignee_user: Option<Person>,
    pub assignee_team: Option<TeamRef>,
    pub messages: Vec<Message>,
    pub created_datetime: Option<String>,
    pub updated_datetime: Option<String>,
    pub last_message_datetime: Option<String>,
    pub last_received_message_datetime: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct MessageSource {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub from: Option<Address>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Address {
    pub address: Option<String>,
    pub name: Option<String>,
}

/// The display name OpenCX's AI user posts under in Gorgias (when its user id is not configured,
/// the name is how its replies are told apart).
pub const AI_ASSISTANT_NAME: &str = "AI Assistant";

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Message {
    pub id: Option<u64>,
    /// The ticket the message belongs to (in `GET /api/messages`).
    pub ticket_id: Option<u64>,
    pub channel: Option<String>,
    pub via: Option<String>,
    pub from_agent: Option<bool>,
    pub public: Option<bool>,
    pub sender: Option<Person>,
    pub source: Option<MessageSource>,
    pub body_text: Option<String>,
    pub stripped_text: Option<String>,
    pub integration_id: Option<u64>,
    pub created_datetime: Option<String>,
    pub sent_datetime: Option<String>,
    pub deleted_datetime: Option<String>,
}

/// An HTTP integration (Gorgias's webhooks) or any other integration of the account.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct HttpIntegration {
    pub id: u64,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub deactivated_datetime: Option<String>,
    pub created_datetime: Option<String>,
    pub updated_datetime: Option<String>,
    pub http: Option<HttpConfig>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct HttpConfig {
    pub url: Option<String>,
    pub method: Option<String>,
    /// Trigger name → selected. Current keys are hyphenated (`ticket-message-created`); the
    /// v1.1 docs used underscores. `Trigger::is_on` accepts both.
    pub triggers: std::collections::BTreeMap<String, bool>,
}

impl HttpConfig {
    pub fn trigger(&self, hyphenated: &str) -> bool {
        self.triggers
            .get(hyphenated)
            .or_else(|| self.triggers.get(&hyphenated.replace('-', "_")))
            .copied()
            .unwrap_or(false)
    }
}

/// One request of an HTTP integration's log: when, and what the endpoint answered
/// (`status_code` absent: the request failed before a response, e.g. a timeout).
#[derive(Debug, Clone, Deserialize)]
pub struct IntegrationEvent {
    pub created_datetime: String,
    #[serde(default)]
    pub status_code: Option<i64>,
    #[serde(default)]
    pub response: Option<EventResponse>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct EventResponse {
    pub error: Option<String>,
}

/// `id` and `members` are required: "no members" is a verdict, and a body without the list
/// is not evidence of an empty team.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Team {
    pub id: u64,
    pub name: Option<String>,
    pub members: Vec<Person>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Rule {
    pub id: u64,
    pub name: Option<String>,
    pub code: Option<String>,
    pub code_ast: Option<Value>,
    pub deactivated_datetime: Option<String>,
    /// A comma-separated string in practice; an array is accepted too.
    pub event_types: Option<Value>,
}

/// A list response: the cursor envelope `{data, meta:{next_cursor}}`, or a bare array.
#[derive(Debug, Clone)]
pub struct ListPage<T> {
    pub data: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for ListPage<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape<T> {
            Envelope {
                data: Vec<T>,
                #[serde(default)]
                meta: Option<Meta>,
            },
            Bare(Vec<T>),
        }
        #[derive(Deserialize, Default)]
        struct Meta {
            #[serde(default)]
            next_cursor: Option<String>,
        }
        Ok(match Shape::<T>::deserialize(d)? {
            Shape::Envelope { data, meta } => {
                ListPage { data, next_cursor: meta.and_then(|m| m.next_cursor).filter(|c| !c.is_empty()) }
            }
            Shape::Bare(data) => ListPage { data, next_cursor: None },
        })
    }
}

/// Pages read at most from one list (100 items each).
pub const MAX_LIST_PAGES: usize = 10;

pub struct GorgiasClient {
    api: VendorClient,
}

impl GorgiasClient {
    pub fn new(http: Arc<Http>, base: Url, email: &str, api_key: Secret) -> GorgiasClient {
        GorgiasClient {
            api: VendorClient::new(http, &API, base, Auth::Basic { user: email.to_string(), password: api_key }),
        }
    }

    /// `GET /api/account`: the credential and domain probe.
    pub async fn account(&self) -> Result<Account, ApiError> {
        self.api.get("/api/account", &[]).await
    }

    /// `GET /api/users/0`: the user the API key belongs to.
    pub async fn current_user(&self) -> Result<User, ApiError> {
        self.api.get("/api/users/0", &[]).await
    }

    pub async fn user(&self, id: u64) -> Result<User, ApiError> {
        self.api.get(&format!("/api/users/{id}"), &[]).await
    }

    /// Every item of a cursor-paginated list (`limit=100`), up to `MAX_LIST_PAGES` pages.
    /// Returns the items and whether the list was cut.
    async fn list<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<(Vec<T>, bool), ApiError> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_LIST_PAGES {
            let mut q: Vec<(&str, String)> = query.to_vec();
            q.push(("limit", "100".into()));
            if let Some(c) = cursor.take() {
                q.push(("cursor", c));
            }
            let page: ListPage<T> = self.api.get(path, &q).await?;
            items.extend(page.data);
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => return Ok((items, false)),
            }
        }
        Ok((items, true))
    }

    /// `GET /api/integrations?type=http`, every page.
    pub async fn http_integrations(&self) -> Result<(Vec<HttpIntegration>, bool), ApiError> {
        let (all, cut) = self.list::<HttpIntegration>("/api/integrations", &[("type", "http".into())]).await?;
        Ok((all.into_iter().filter(|i| i.kind.as_deref().is_none_or(|k| k == "http")).collect(), cut))
    }

    /// `GET /api/integrations/{id}/events/`: the HTTP integration's request log, as the helpdesk
    /// shows it (undocumented; its web app reads it). One page, newest first.
    pub async fn integration_events(&self, id: u64) -> Result<Vec<IntegrationEvent>, ApiError> {
        let page: ListPage<IntegrationEvent> = self.api.get(&format!("/api/integrations/{id}/events/"), &[]).await?;
        Ok(page.data)
    }

    pub async fn team(&self, id: u64) -> Result<Team, ApiError> {
        self.api.get(&format!("/api/teams/{id}"), &[]).await
    }

    /// `GET /api/rules`, every page.
    pub async fn rules(&self) -> Result<(Vec<Rule>, bool), ApiError> {
        self.list("/api/rules", &[]).await
    }

    /// The most recently updated tickets (one page).
    pub async fn recent_tickets(&self, limit: u32) -> Result<Vec<Ticket>, ApiError> {
        let page: ListPage<Ticket> = self
            .api
            .get("/api/tickets", &[("limit", limit.to_string()), ("order_by", "updated_datetime:desc".into())])
            .await?;
        Ok(page.data)
    }

    /// One page of `GET /api/tickets?order_by=updated_datetime:desc&limit=100` (compact tickets,
    /// without their messages), from `cursor`.
    pub async fn tickets_page(&self, cursor: Option<&str>) -> Result<ListPage<Ticket>, ApiError> {
        let mut query = vec![("limit", "100".to_string()), ("order_by", "updated_datetime:desc".into())];
        if let Some(c) = cursor {
            query.push(("cursor", c.to_string()));
        }
        self.api.get("/api/tickets", &query).await
    }

    /// One page of `GET /api/messages?order_by=created_datetime:desc&limit=100`: every ticket's
    /// messages, newest first, from `cursor`.
    pub async fn messages_page(&self, cursor: Option<&str>) -> Result<ListPage<Message>, ApiError> {
        let mut query = vec![("limit", "100".to_string()), ("order_by", "created_datetime:desc".into())];
        if let Some(c) = cursor {
            query.push(("cursor", c.to_string()));
        }
        self.api.get("/api/messages", &query).await
    }

    /// `GET /api/tickets/{id}`: the ticket with its messages embedded.
    pub async fn ticket(&self, id: u64) -> Result<Ticket, ApiError> {
        self.api.get(&format!("/api/tickets/{id}"), &[]).await
    }
}
