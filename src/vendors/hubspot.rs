//! HubSpot API (hubspot-api.md): `https://api.hubapi.com`, Bearer `pat-<region>-…` private-app
//! tokens, token introspection by a read-only POST, error body with `category`, `message`,
//! `correlationId` and scopes under `errors[].context`, `X-HubSpot-RateLimit-*` headers.

use std::sync::Arc;
use std::time::Duration;

use regex::Regex;
use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::{json, Value};
use url::Url;

use crate::http::client::segment;
use crate::http::client::{header_num, retry_after_secs};
use crate::http::tuning::Tuning;
use crate::http::{ApiError, Auth, Budget, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

pub const ORIGIN: &str = "https://api.hubapi.com";

pub static API: VendorApi = VendorApi {
    vendor: Integration::Hubspot,
    parse_error,
    budget,
    retry_after,
    quota_exhausted,
    request_id_header: "x-hubspot-correlation-id",
    initial_budget,
};

/// The lowest documented limit (Free/Starter: 100 per 10 s) until the headers say more.
/// `DOCTOR_HUBSPOT_RATE_LIMIT=N/SECS` replaces it (the benchmark's scaled-down sandbox).
fn initial_budget(tuning: &Tuning) -> Option<Budget> {
    let (limit, interval) = tuning.hubspot_limit.unwrap_or((100, Duration::from_secs(10)));
    Some(Budget::Rolling { remaining: None, limit: Some(limit), interval: Some(interval) })
}

/// Every field optional, as HubSpot asks; scopes are the union of every place they appear.
fn parse_error(body: &Value) -> VendorError {
    let mut scopes: Vec<String> = Vec::new();
    let mut collect = |context: &Value| {
        for key in ["requiredGranularScopes", "requiredScopes", "missingScopes"] {
            for scope in context[key].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if !scopes.iter().any(|s| s == scope) {
                    scopes.push(scope.to_string());
                }
            }
        }
    };
    collect(&body["context"]);
    for error in body["errors"].as_array().into_iter().flatten() {
        collect(&error["context"]);
    }
    VendorError {
        code: body["category"].as_str().or_else(|| body["errorType"].as_str()).map(str::to_string),
        message: body["message"].as_str().map(str::to_string),
        request_id: body["correlationId"].as_str().map(str::to_string),
        scopes,
    }
}

fn interval(headers: &HeaderMap) -> Option<Duration> {
    header_num::<u64>(headers, "x-hubspot-ratelimit-interval-milliseconds").map(Duration::from_millis)
}

/// HubSpot's limit is rolling (`policyName: TEN_SECONDLY_ROLLING`): `Max` requests in any
/// `Interval-Milliseconds`, `Remaining` of them left now.
fn budget(headers: &HeaderMap, _: &Tuning) -> Option<Budget> {
    Some(Budget::Rolling {
        remaining: Some(header_num(headers, "x-hubspot-ratelimit-remaining")?),
        limit: header_num(headers, "x-hubspot-ratelimit-max"),
        interval: interval(headers),
    })
}

/// A 429 of the daily limit (`policyName: DAILY`, or no daily calls left) clears only at
/// midnight in the account's time zone: waiting within a run cannot help.
fn quota_exhausted(headers: &HeaderMap, body: &Value) -> Option<&'static str> {
    let daily = body["policyName"].as_str().is_some_and(|p| p.eq_ignore_ascii_case("DAILY"))
        || header_num::<u64>(headers, "x-hubspot-ratelimit-daily-remaining") == Some(0);
    daily.then_some("HubSpot's daily API limit is used up (it resets at midnight in the account's time zone)")
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_secs(headers).or_else(|| interval(headers))
}

/// `hubId` and `scopes` are required: "scope missing" is a verdict, and an answer without the
/// list is not evidence that a scope is absent.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    pub user_id: Option<u64>,
    pub hub_id: u64,
    pub app_id: Option<u64>,
    pub scopes: Vec<String>,
}

/// `GET /conversations/v3/conversations/threads/{threadId}` (the fields the doctor reads).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Thread {
    pub id: Option<String>,
    pub created_at: Option<String>,
    pub closed_at: Option<String>,
    pub status: Option<String>,
    pub latest_message_timestamp: Option<String>,
    /// The owner as an actor id (`A-<userId>`) or absent when unassigned.
    pub assigned_to: Option<String>,
    pub associated_contact_id: Option<String>,
    pub original_channel_id: Option<String>,
    pub inbox_id: Option<String>,
    pub latest_message_sent_timestamp: Option<String>,
    pub latest_message_received_timestamp: Option<String>,
    pub thread_associations: Option<ThreadAssociations>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ThreadAssociations {
    pub associated_ticket_id: Option<String>,
}

/// A list of `results` with cursor paging (`paging.next.after`).
#[derive(Debug, Clone, Deserialize)]
#[serde(bound = "T: serde::de::DeserializeOwned")]
pub struct Results<T> {
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
    #[serde(default)]
    pub total: Option<u64>,
    #[serde(default)]
    pub paging: Option<Paging>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub struct Paging {
    pub next: Option<NextPage>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub struct NextPage {
    pub after: Option<String>,
}

/// Threads with a message since a time: every page read (in the API's ascending order), and
/// whether there were more than the pages read.
#[derive(Debug, Clone, Default)]
pub struct ThreadWindow {
    pub threads: Vec<Thread>,
    pub truncated: bool,
    /// The pages read.
    pub pages: usize,
}

/// Pages of 500 threads read at most for one window.
pub const MAX_THREAD_PAGES: usize = 4;

/// A message or comment of a thread.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ThreadMessage {
    pub id: Option<String>,
    /// `MESSAGE` (to the customer) or `COMMENT` (internal); other values for system events.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub created_at: Option<String>,
    pub text: Option<String>,
    /// `INCOMING` or `OUTGOING`.
    pub direction: Option<String>,
    pub senders: Vec<Sender>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Sender {
    pub actor_id: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Owner {
    pub id: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// int32 in HubSpot's spec: read as such (a negative value must not make the owner unreadable).
    pub user_id: Option<i32>,
    pub archived: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct CrmObject {
    pub id: Option<String>,
    pub properties: std::collections::BTreeMap<String, Option<String>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Subscription {
    pub id: Option<String>,
    pub event_type: Option<String>,
    pub property_name: Option<String>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct WebhookSettings {
    pub target_url: Option<String>,
    pub throttling: Option<Throttling>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Throttling {
    /// int32 in HubSpot's spec.
    pub max_concurrent_requests: Option<i32>,
    pub period: Option<String>,
}

pub struct HubspotClient {
    api: VendorClient,
    token: Secret,
}

impl HubspotClient {
    pub fn new(http: Arc<Http>, base: Url, token: Secret) -> HubspotClient {
        HubspotClient { api: VendorClient::new(http, &API, base, Auth::Bearer(token.clone())), token }
    }

    /// `POST /oauth/v2/private-apps/get/access-token-info`: who the token is and its scopes.
    pub async fn token_info(&self) -> Result<TokenInfo, ApiError> {
        self.api.post("/oauth/v2/private-apps/get/access-token-info", &json!({ "tokenKey": self.token.expose() })).await
    }

    pub async fn thread(&self, id: &str) -> Result<Thread, ApiError> {
        self.api
            .get(
                &format!("/conversations/v3/conversations/threads/{}", segment(id)),
                &[("association", "TICKET".into())],
            )
            .await
    }

    pub async fn thread_messages(&self, id: &str) -> Result<Results<ThreadMessage>, ApiError> {
        self.api
            .get(
                &format!("/conversations/v3/conversations/threads/{}/messages", segment(id)),
                &[("limit", "100".into())],
            )
            .await
    }

    /// Threads with a message since `after` (RFC 3339). HubSpot sorts them ascending (a
    /// descending sort is honoured only with `associatedContactId`), so every page of the window
    /// is read, up to `MAX_THREAD_PAGES` of 500.
    pub async fn recent_threads(&self, after: &str) -> Result<ThreadWindow, ApiError> {
        self.threads_since(after, MAX_THREAD_PAGES).await
    }

    /// Threads with a message since `after`, up to `max_pages` pages of 500.
    pub async fn threads_since(&self, after: &str, max_pages: usize) -> Result<ThreadWindow, ApiError> {
        let mut window = ThreadWindow::default();
        let mut cursor: Option<String> = None;
        for _ in 0..max_pages {
            let mut query: Vec<(&str, String)> = vec![
                ("sort", "latestMessageTimestamp".into()),
                ("latestMessageTimestampAfter", after.into()),
                ("limit", "500".into()),
                // As the single-thread read: the thread's ticket, so a listed thread is complete.
                ("association", "TICKET".into()),
            ];
            if let Some(c) = cursor.take() {
                query.push(("after", c));
            }
            let page: Results<Thread> = self.api.get("/conversations/v3/conversations/threads", &query).await?;
            window.pages += 1;
            window.threads.extend(page.results);
            match page.paging.and_then(|p| p.next).and_then(|n| n.after).filter(|a| !a.is_empty()) {
                Some(next) => cursor = Some(next),
                None => return Ok(window),
            }
        }
        window.truncated = true;
        Ok(window)
    }

    /// `GET /crm/v3/owners/{id}?idProperty=userId|id`.
    pub async fn owner(&self, id: &str, by_user_id: bool) -> Result<Owner, ApiError> {
        let property = if by_user_id { "userId" } else { "id" };
        self.api.get(&format!("/crm/v3/owners/{}", segment(id)), &[("idProperty", property.into())]).await
    }

    /// `GET /crm/v3/owners?limit=1`: proves `crm.objects.owners.read`.
    pub async fn owners_probe(&self) -> Result<Results<Owner>, ApiError> {
        self.api.get("/crm/v3/owners", &[("limit", "1".into())]).await
    }

    /// `GET /crm/v3/objects/tickets?limit=1`: proves `tickets`.
    pub async fn tickets_probe(&self) -> Result<Results<CrmObject>, ApiError> {
        self.api.get("/crm/v3/objects/tickets", &[("limit", "1".into())]).await
    }

    pub async fn contact(&self, id: &str) -> Result<CrmObject, ApiError> {
        self.api
            .get(
                &format!("/crm/v3/objects/contacts/{}", segment(id)),
                &[("properties", "email,firstname,lastname".into())],
            )
            .await
    }

    /// `POST /crm/v3/objects/contacts/search` for one email (a read-only POST).
    pub async fn contacts_by_email(&self, email: &str) -> Result<Results<CrmObject>, ApiError> {
        let body = json!({"filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}],
                          "properties": ["email", "firstname", "lastname"], "limit": 1});
        self.api.post("/crm/v3/objects/contacts/search", &body).await
    }
}

/// The dated webhooks API whose documented scheme is the developer key.
pub const WEBHOOKS_VERSION: &str = "2026-09";

/// The developer-side client for a legacy public app's webhooks: `?hapikey=<developer API key>`.
pub struct WebhooksClient {
    api: VendorClient,
    app_id: u64,
    key: Secret,
}

impl WebhooksClient {
    /// Shares the portal client's rate-limit budget, so the two never overrun it together.
    pub fn new(http: Arc<Http>, base: Url, app_id: u64, key: Secret, portal: &HubspotClient) -> WebhooksClient {
        crate::redact::register(key.expose());
        // The Bearer token is ignored by these endpoints; the key in the query authenticates.
        let api =
            VendorClient::new(http, &API, base, Auth::Bearer(portal.token.clone())).sharing_budget_with(&portal.api);
        WebhooksClient { api, app_id, key }
    }

    /// HubSpot's current v3 webhooks spec secures `/webhooks/v3/{appId}/…` with OAuth scopes
    /// (developers-read, private-apps-read); the developer key (`hapikey`) is the documented
    /// scheme of the dated `/app-webhooks/{version}/{appId}/…` paths. The dated path is asked
    /// first; where it is refused or unknown (401, 403, 404), the v3 path with `hapikey`.
    async fn read<T: serde::de::DeserializeOwned>(&self, what: &str) -> Result<T, ApiError> {
        let key = [("hapikey", self.key.expose().to_string())];
        let dated = format!("/app-webhooks/{WEBHOOKS_VERSION}/{}/{what}", self.app_id);
        match self.api.get(&dated, &key).await {
            Err(e) if matches!(e.status(), Some(401 | 403 | 404)) => {
                self.api.get(&format!("/webhooks/v3/{}/{what}", self.app_id), &key).await
            }
            other => other,
        }
    }

    pub async fn subscriptions(&self) -> Result<Results<Subscription>, ApiError> {
        self.read("subscriptions").await
    }

    pub async fn settings(&self) -> Result<WebhookSettings, ApiError> {
        self.read("settings").await
    }
}

/// What is wrong with a token's shape, if anything: `Err((is_fatal, why))`.
/// The words of the comment OpenCX leaves on a HubSpot thread when it hands off (lower case).
pub const HANDOFF_WORDS: &[&str] = &["handoff", "handed off", "hand off"];

/// What a token looks like to `lint_token`, without any of its secret part: `ok:<region>`,
/// `bearer`, `space`, `pat-region:<region>`, `pat` or `other`. A replay rebuilds a stand-in
/// token of the same shape (`stand_in_token`), so the lint says what it said.
pub fn token_shape(token: &str) -> String {
    match lint_token(token) {
        Ok(region) => format!("ok:{region}"),
        Err(_) if token.to_ascii_lowercase().starts_with("bearer ") => "bearer".into(),
        Err(_) if token.chars().any(char::is_whitespace) => "space".into(),
        Err((false, _)) => {
            format!("pat-region:{}", token.trim_start_matches("pat-").split('-').next().unwrap_or("na1"))
        }
        Err(_) if token.starts_with("pat-") => "pat".into(),
        Err(_) => "other".into(),
    }
}

/// A token no account has, of the shape `token_shape` described.
pub fn stand_in_token(shape: &str) -> String {
    let region = |r: &str| {
        if Regex::new(r"^[a-z]{2}\d+$").expect("static regex").is_match(r) {
            r.to_string()
        } else {
            "na1".into()
        }
    };
    match shape.split_once(':') {
        Some(("ok", r)) => format!("pat-{}-00000000-0000-4000-8000-000000000000", region(r)),
        Some(("pat-region", r)) => format!("pat-{}-replay-stand-in", region(r)),
        _ => match shape {
            "bearer" => "Bearer pat-na1-replay-stand-in".into(),
            "space" => "pat-na1-replay stand-in".into(),
            "pat" => "pat-replaystandin".into(),
            _ => "replay-stand-in-token".into(),
        },
    }
}

pub fn lint_token(token: &str) -> Result<String, (bool, String)> {
    let strict = Regex::new(r"^pat-([a-z]{2}\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        .expect("static regex");
    if let Some(caps) = strict.captures(token) {
        return Ok(caps[1].to_string());
    }
    if token.to_ascii_lowercase().starts_with("bearer ") {
        return Err((true, "the token starts with 'Bearer ': paste the token alone".into()));
    }
    if token.chars().any(char::is_whitespace) {
        return Err((true, "the token contains white space (a copy-paste error)".into()));
    }
    if let Some(rest) = token.strip_prefix("pat-") {
        let region = rest.split('-').next().unwrap_or_default();
        if Regex::new(r"^[a-z]{2}\d+$").expect("static regex").is_match(region) {
            return Err((false, format!("starts with pat-{region}- but the rest is not the usual UUID shape")));
        }
        return Err((true, "starts with pat- but has no region segment (pat-na1-…, pat-eu1-…)".into()));
    }
    Err((true, "is not a private-app token: those start with pat-<region>- (e.g. pat-na1-); a developer API key or an OAuth token does not work here".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_shapes_are_linted_before_any_call() {
        assert_eq!(lint_token("pat-na1-0123abcd-0123-4567-89ab-0123456789ab").unwrap(), "na1");
        assert!(!lint_token("pat-eu1-short").unwrap_err().0);
        assert!(lint_token("pat-0123abcd-0123").unwrap_err().0);
        assert!(lint_token("Bearer pat-na1-x").unwrap_err().1.contains("Bearer"));
        assert!(lint_token("0123abcd-aaaa-bbbb-cccc-ddddeeeeffff").unwrap_err().1.contains("not a private-app token"));
    }

    #[test]
    fn a_stand_in_token_lints_as_the_token_it_stands_for() {
        for token in [
            "pat-eu1-0123abcd-0123-4567-89ab-0123456789ab",
            "pat-eu1-short",
            "pat-0123abcd-0123",
            "Bearer pat-na1-x",
            "pat-na1-01 23",
            "0123abcd-aaaa-bbbb-cccc-ddddeeeeffff",
        ] {
            let stand_in = stand_in_token(&token_shape(token));
            assert_eq!(lint_token(&stand_in), lint_token(token), "{token} -> {stand_in}");
        }
    }
}
