//! HubSpot API (hubspot-api.md): `https://api.hubapi.com`, Bearer `pat-<region>-…` private-app
//! tokens, token introspection by a read-only POST, error body with `category`, `message`,
//! `correlationId` and scopes under `errors[].context`, `X-HubSpot-RateLimit-*` headers.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde_json::{json, Value};
use url::Url;

use crate::http::client::{header_num, retry_after_secs};
use crate::http::{ApiError, Auth, Budget, Http, VendorApi, VendorClient, VendorError};
use crate::integration::Integration;
use crate::settings::Secret;

pub const ORIGIN: &str = "https://api.hubapi.com";

pub static API: VendorApi = VendorApi {
    vendor: Integration::Hubspot,
    parse_error,
    budget,
    retry_after,
    request_id_header: "x-hubspot-correlation-id",
    local_limit: None,
};

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

fn budget(headers: &HeaderMap) -> Option<Budget> {
    Some(Budget::Window {
        remaining: header_num(headers, "x-hubspot-ratelimit-remaining")?,
        limit: header_num(headers, "x-hubspot-ratelimit-max"),
        reset_in: interval(headers).unwrap_or(Duration::from_secs(10)),
    })
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_secs(headers).or_else(|| interval(headers))
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct TokenInfo {
    pub user_id: Option<u64>,
    pub hub_id: Option<u64>,
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
        self.api.get(&format!("/conversations/v3/conversations/threads/{id}"), &[]).await
    }
}
