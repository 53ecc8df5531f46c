//! The sandbox's data: one healthy organisation across the four vendors, which scenarios then
//! break in one documented way each. Objects are kept as the vendors' JSON.

use std::time::Duration;

use serde_json::{json, Value};

use crate::Vendor;

pub(crate) const GORGIAS_DOMAIN: &str = "acme";
pub const GORGIAS_EMAIL: &str = "ops@acme.example";
pub const GORGIAS_KEY: &str = "sbx-gorgias-0f3a9c2e7d41b8aa5c9e13f0";
pub const GORGIAS_AI_USER: u64 = 4321;
pub const GORGIAS_TEAM: u64 = 12;
pub const GORGIAS_WEBHOOK_TOKEN: &str = "whk7f3a91c2d8e4b6a05f1";
/// Replaced by the sandbox's OpenCX origin when it starts (the port is only known then).
pub(crate) const OPENCX_PLACEHOLDER: &str = "{opencx}";
pub const INTERCOM_TOKEN: &str = "sbx-intercom-dG9rOjEyMzQ1Njc4OTAxMjM0NTY3";
pub(crate) const INTERCOM_WORKSPACE: &str = "abc123xy";
pub const INTERCOM_AI_ADMIN: &str = "991267460";
pub const HUBSPOT_TOKEN: &str = "pat-na1-5b1f0d3e-9c2a-4e7b-8f61-2d4c9a7e0b13";
pub(crate) const HUBSPOT_AI_USER: &str = "7744120";
pub const HUBSPOT_DEVELOPER_KEY: &str = "sbx-hapikey-6f1e2d3c4b5a69788796a5b4";
pub const OPENCX_KEY: &str = "ocx_live_sbx_7d2f91c04be8a3566e0f";

/// Everything a run needs to find and authenticate to the fake.
#[derive(Clone, Debug)]
pub struct World {
    pub gorgias: GorgiasWorld,
    pub intercom: IntercomWorld,
    pub hubspot: HubspotWorld,
    pub opencx: OpencxWorld,
}

#[derive(Clone, Debug)]
pub struct GorgiasWorld {
    pub email: String,
    pub api_key: String,
    /// False: the domain prefix names no account (HTML 404 on every path).
    pub exists: bool,
    /// The key's user may not use the API (403 on every path).
    pub forbidden: bool,
    pub account: Value,
    pub users: Vec<Value>,
    /// The user the API key belongs to (`/api/users/0`).
    pub key_owner: u64,
    pub tickets: Vec<Value>,
    pub integrations: Vec<Value>,
    pub teams: Vec<Value>,
    pub rules: Vec<Value>,
    /// HTTP integration id → its request log (`GET /api/integrations/{id}/events/`), newest first.
    /// `None`: the endpoint answers 404 (not readable through the API).
    pub integration_events: Option<std::collections::HashMap<u64, Vec<Value>>>,
}

#[derive(Clone, Debug)]
pub struct IntercomWorld {
    pub token: String,
    /// The 401 code for any other token: `unauthorized` or e.g. `token_revoked`.
    pub rejected_code: &'static str,
    /// Answer 403 `api_plan_restricted` to every call.
    pub plan_restricted: bool,
    pub me: Value,
    pub conversations: Vec<Value>,
    pub admins: Vec<Value>,
    /// Conversation data attributes as `GET /data_attributes?model=conversation` lists them (≤2.15).
    pub conversation_attributes: Vec<Value>,
    /// Contact id → its companies.
    pub companies: std::collections::HashMap<String, Vec<Value>>,
}

#[derive(Clone, Debug)]
pub struct HubspotWorld {
    pub token: String,
    /// Status and category for a rejected token: expired (401) or deleted app (404).
    pub token_known: bool,
    pub token_info: Value,
    pub threads: Vec<Value>,
    /// Thread id → its messages and comments, oldest first.
    pub messages: std::collections::HashMap<String, Vec<Value>>,
    pub owners: Vec<Value>,
    pub contacts: Vec<Value>,
    pub tickets: Vec<Value>,
    pub app_id: u64,
    pub developer_api_key: String,
    pub subscriptions: Vec<Value>,
    pub webhook_settings: Value,
    /// Whether `/webhooks/v3/{appId}/…` still accepts `hapikey` (the dated `/app-webhooks/…`
    /// paths always do).
    pub v3_webhooks_accept_hapikey: bool,
    /// Whether the dated `/app-webhooks/…` paths exist for this portal (404 when not).
    pub dated_webhooks: bool,
}

#[derive(Clone, Debug)]
pub struct OpencxWorld {
    pub api_key: String,
    pub scopes: Vec<&'static str>,
    pub sessions: Vec<Value>,
    /// Session id → its history events, oldest first.
    pub history: std::collections::HashMap<String, Vec<Value>>,
    pub handoff_events: Vec<Value>,
    /// Whether `POST /chat/sessions/filter` applies `filters.created_at` (its filter keys are
    /// undocumented: a deployment that ignores them must be noticed by the doctor).
    pub filter_honours_dates: bool,
}

/// A fault injected on requests whose path starts with `path` (empty: every path).
#[derive(Clone, Debug)]
pub struct Fault {
    pub vendor: Vendor,
    pub path: String,
    pub kind: FaultKind,
    /// How many requests it hits before clearing; `None`: never clears.
    pub times: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// The vendor's own error body with this status.
    Status(u16),
    /// An HTML page with this status (a proxy, a wrong host).
    Html(u16),
    /// `Content-Type: application/json` with a body that is not JSON.
    MalformedJson,
    /// A JSON body cut off before its end (the connection closes early).
    Truncated,
    /// Valid JSON labelled `text/plain`.
    WrongContentType,
    /// A JSON body of this many bytes.
    Huge(usize),
    /// No answer at all (until the client gives up).
    Hang,
    /// 429 with `Retry-After` in seconds.
    RateLimited { retry_after_secs: u64 },
    /// HubSpot's daily limit used up: 429 with `policyName: DAILY` and no daily calls left
    /// (it resets at midnight; other vendors answer their plain 429).
    DailyQuota,
    /// An error whose message echoes the request's credentials back (some APIs do): the doctor
    /// must not print them.
    EchoCredentials(u16),
    /// Any answer at all: a status, headers (a hostile vendor's rate-limit values) and a body.
    Custom { status: u16, headers: Vec<(String, String)>, body: String },
}

/// A sandbox set-up: the world, faults, latency and rate-limit emulation.
#[derive(Clone, Debug)]
pub struct Spec {
    pub world: World,
    pub faults: Vec<Fault>,
    /// Added to every request before it is answered.
    pub latency: Duration,
    /// Gorgias leaky bucket `(capacity, window)`: 429 when full. Documented: 40 per 20 s.
    pub gorgias_bucket: (u32, Duration),
    /// HubSpot requests allowed per 10-second interval (documented 100 on Free/Starter), counted
    /// in an interval opened by the first request after the last one ended: a client that guesses
    /// when the vendor's interval began is caught out, as it would be by HubSpot's rolling count.
    pub hubspot_per_window: (u32, Duration),
    /// OpenCX requests allowed in any interval of this length (documented: 100 a minute on the
    /// standard endpoints), counted as they arrive over a sliding interval — the strictest way a
    /// vendor can count, over the requests that carry the API key (the webhook receivers are
    /// not the API). OpenCX documents no rate-limit headers, so none are sent; a request over
    /// the limit is a 429 with OpenCX's error body.
    pub opencx_per_window: (u32, Duration),
    /// Settings the doctor is given that differ from the world (a misconfigured profile).
    pub setting_overrides: Vec<(&'static str, String)>,
    /// Events applied once the sandbox has run for their time (`doctor watch`'s scripts).
    pub script: Vec<crate::watch::Scripted>,
}

impl Spec {
    pub fn healthy() -> Spec {
        Spec {
            world: World::healthy(),
            faults: Vec::new(),
            latency: Duration::ZERO,
            gorgias_bucket: (40, Duration::from_secs(20)),
            hubspot_per_window: (100, Duration::from_secs(10)),
            opencx_per_window: (100, Duration::from_secs(60)),
            setting_overrides: Vec::new(),
            script: Vec::new(),
        }
    }

    /// The healthy organisation with one change (the builder every scenario starts from):
    /// `Spec::healthy().with(|s| s.world.gorgias.integrations.clear())`.
    pub fn with(mut self, change: impl FnOnce(&mut Spec)) -> Spec {
        change(&mut self);
        self
    }

    pub fn fault(mut self, vendor: impl Into<Vendor>, path: &str, kind: FaultKind) -> Spec {
        self.faults.push(Fault { vendor: vendor.into(), path: path.to_string(), kind, times: None });
        self
    }

    pub fn fault_times(mut self, vendor: impl Into<Vendor>, path: &str, kind: FaultKind, times: usize) -> Spec {
        self.faults.push(Fault { vendor: vendor.into(), path: path.to_string(), kind, times: Some(times) });
        self
    }

    pub fn setting(mut self, name: &'static str, value: impl Into<String>) -> Spec {
        self.setting_overrides.push((name, value.into()));
        self
    }
}

impl World {
    /// Puts the OpenCX origin into every URL that names it (integration URLs).
    pub fn resolve_placeholders(&mut self, opencx_url: &str) {
        if let Some(url) =
            self.hubspot.webhook_settings["targetUrl"].as_str().map(|u| u.replace(OPENCX_PLACEHOLDER, opencx_url))
        {
            self.hubspot.webhook_settings["targetUrl"] = url.into();
        }
        for integration in &mut self.gorgias.integrations {
            if let Some(url) = integration["http"]["url"].as_str().map(|u| u.replace(OPENCX_PLACEHOLDER, opencx_url)) {
                integration["http"]["url"] = url.into();
            }
        }
    }

    pub fn healthy() -> World {
        let mut world = World {
            gorgias: GorgiasWorld {
                email: GORGIAS_EMAIL.into(),
                api_key: GORGIAS_KEY.into(),
                exists: true,
                forbidden: false,
                account: json!({
                    "domain": GORGIAS_DOMAIN,
                    "created_datetime": "2023-04-11T09:12:44.118273+00:00",
                    "deactivated_datetime": null,
                    "settings": [{"id": 987, "type": "business-hours", "data": {"timezone": "UTC", "business_hours": {"days": "1,2,3,4,5", "from_time": "09:00", "to_time": "18:00"}}}],
                    "status": {"status": "active"}
                }),
                users: vec![
                    json!({"id": 1001, "email": GORGIAS_EMAIL, "name": "Ops Admin", "firstname": "Ops", "lastname": "Admin", "active": true, "deactivated_datetime": null, "role": {"name": "admin"}, "created_datetime": "2023-04-11T09:12:44+00:00"}),
                    json!({"id": GORGIAS_AI_USER, "email": "ai@acme.example", "name": "AI Agent", "firstname": "AI", "lastname": "Agent", "active": true, "deactivated_datetime": null, "role": {"name": "agent"}, "created_datetime": "2024-01-02T10:00:00+00:00"}),
                    json!({"id": 1002, "email": "sam@acme.example", "name": "Sam Support", "firstname": "Sam", "lastname": "Support", "active": true, "deactivated_datetime": null, "role": {"name": "agent"}, "created_datetime": "2023-05-01T10:00:00+00:00"}),
                ],
                key_owner: 1001,
                tickets: Vec::new(),
                integrations: vec![
                    json!({"id": 17, "name": "Shopify", "type": "shopify", "deactivated_datetime": null, "http": null,
                           "created_datetime": "2023-04-11T10:00:00+00:00"}),
                    json!({"id": 42, "name": "OpenCX", "type": "http", "deactivated_datetime": null,
                           "created_datetime": "2024-01-02T10:05:00+00:00", "updated_datetime": "2024-01-02T10:05:00+00:00",
                           "http": {"id": 4201, "url": format!("{OPENCX_PLACEHOLDER}/webhooks/gorgias/{GORGIAS_WEBHOOK_TOKEN}"), "method": "POST",
                                    "headers": {}, "request_content_type": "application/json", "response_content_type": "application/json",
                                    "triggers": {"ticket-message-created": true}}}),
                    json!({"id": 43, "name": "Slack alerts", "type": "http", "deactivated_datetime": null,
                           "created_datetime": "2023-06-01T10:00:00+00:00",
                           "http": {"id": 4301, "url": "https://hooks.slack.example/services/T00000000/B00000000/XXXXXXXX", "method": "POST",
                                    "triggers": {"ticket-created": true}}}),
                ],
                integration_events: Some(std::collections::HashMap::from([(
                    42,
                    (0..5)
                        .map(|i| {
                            super::conversations::delivery_event(
                                i,
                                chrono::Utc::now() - chrono::Duration::minutes(7 + i as i64 * 20),
                                Some(200),
                            )
                        })
                        .collect(),
                )])),
                teams: vec![json!({"id": GORGIAS_TEAM, "name": "Tier 2", "description": null, "decoration": null,
                                   "members": [{"id": 1002, "name": "Sam Support", "email": "sam@acme.example"}],
                                   "created_datetime": "2023-05-01T10:00:00+00:00"})],
                rules: vec![
                    json!({"id": 301, "name": "Route handoffs to Tier 2", "deactivated_datetime": null, "event_types": "ticket-updated",
                           "priority": 100, "code": format!("if (eq(ticket.assignee_team.id, {GORGIAS_TEAM})) {{ Action('setAssignee', {{ assignee_user: 1002 }}) }}")}),
                    json!({"id": 302, "name": "New emails to the AI", "deactivated_datetime": null, "event_types": "ticket-created",
                           "priority": 50, "code": format!("if (eq(message.from_agent, false)) {{ Action('setAssignee', {{ assignee_user: {GORGIAS_AI_USER} }}) }}")}),
                ],
            },
            intercom: IntercomWorld {
                token: INTERCOM_TOKEN.into(),
                rejected_code: "unauthorized",
                plan_restricted: false,
                me: json!({
                    "type": "admin", "id": "991267459", "email": "ops@acme.example", "name": "Ops Admin", "email_verified": true,
                    "app": {"type": "app", "id_code": INTERCOM_WORKSPACE, "name": "Acme", "created_at": 1_734_537_243, "secure": false,
                            "identity_verification": false, "timezone": "Europe/London", "region": "US"},
                    "avatar": {"type": "avatar", "image_url": "https://static.intercomassets.com/assets/default-avatars/admins/128.png"},
                    "has_inbox_seat": true
                }),
                conversations: Vec::new(),
                admins: vec![
                    json!({"type": "admin", "id": "991267459", "name": "Ops Admin", "email": "ops@acme.example", "away_mode_enabled": false,
                           "away_mode_reassign": false, "has_inbox_seat": true, "away_status_reason_id": null, "team_ids": []}),
                    json!({"type": "admin", "id": INTERCOM_AI_ADMIN, "name": "OpenCX AI", "email": "ai@acme.example", "away_mode_enabled": false,
                           "away_mode_reassign": false, "has_inbox_seat": true, "away_status_reason_id": null, "team_ids": []}),
                    json!({"type": "admin", "id": "991267461", "name": "Sam Support", "email": "sam@acme.example", "away_mode_enabled": false,
                           "away_mode_reassign": false, "has_inbox_seat": true, "away_status_reason_id": null, "team_ids": []}),
                ],
                conversation_attributes: vec![
                    json!({"type": "data_attribute", "name": "Order number", "full_name": "custom_attributes.Order number", "label": "Order number",
                           "description": "Set by OpenCX", "data_type": "string", "api_writable": true, "ui_writable": true,
                           "messenger_writable": false, "custom": true, "archived": false, "model": "conversation",
                           "id": 34, "admin_id": "991267459", "created_at": 1_734_537_753, "updated_at": 1_734_537_753}),
                    json!({"type": "data_attribute", "name": "created_at", "full_name": "created_at", "label": "Created at",
                           "description": "", "data_type": "date", "api_writable": false, "ui_writable": false,
                           "messenger_writable": false, "custom": false, "archived": false, "model": "conversation"}),
                ],
                companies: std::collections::HashMap::new(),
            },
            hubspot: HubspotWorld {
                token: HUBSPOT_TOKEN.into(),
                token_known: true,
                token_info: json!({
                    "userId": 7_744_120, "hubId": 20_456_789, "appId": 3_011_410,
                    "scopes": ["oauth", "conversations.read", "conversations.write", "crm.objects.contacts.read", "crm.objects.contacts.write",
                               "crm.objects.companies.read", "crm.objects.deals.read", "crm.objects.owners.read", "crm.schemas.contacts.read", "tickets"]
                }),
                threads: Vec::new(),
                messages: std::collections::HashMap::new(),
                owners: vec![
                    json!({"id": "512001", "email": "ai@acme.example", "type": "PERSON", "firstName": "OpenCX", "lastName": "AI",
                           "userId": 7_744_120, "userIdIncludingInactive": 7_744_120, "createdAt": "2024-01-02T10:00:00Z",
                           "updatedAt": "2024-01-02T10:00:00Z", "archived": false, "teams": []}),
                    json!({"id": "512002", "email": "sam@acme.example", "type": "PERSON", "firstName": "Sam", "lastName": "Support",
                           "userId": 7_744_121, "userIdIncludingInactive": 7_744_121, "createdAt": "2023-05-01T10:00:00Z",
                           "updatedAt": "2023-05-01T10:00:00Z", "archived": false, "teams": []}),
                ],
                contacts: vec![
                    json!({"id": "90210", "properties": {"email": "jane@customer.example", "firstname": "Jane", "lastname": "Customer",
                                      "hs_object_id": "90210"}, "createdAt": "2024-03-01T10:00:00Z", "updatedAt": "2024-03-01T10:00:00Z",
                                      "archived": false}),
                ],
                tickets: vec![
                    json!({"id": "57774743", "properties": {"subject": "Refund request", "hs_pipeline_stage": "1"},
                                     "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z", "archived": false}),
                ],
                app_id: 3_011_410,
                developer_api_key: HUBSPOT_DEVELOPER_KEY.into(),
                subscriptions: vec![
                    json!({"id": "201", "eventType": "conversation.newMessage", "active": true, "createdAt": "2024-01-02T10:00:00Z", "updatedAt": "2024-01-02T10:00:00Z"}),
                    json!({"id": "202", "eventType": "conversation.creation", "active": true, "createdAt": "2024-01-02T10:00:00Z", "updatedAt": "2024-01-02T10:00:00Z"}),
                    json!({"id": "203", "eventType": "ticket.propertyChange", "propertyName": "hs_pipeline_stage", "active": true,
                           "createdAt": "2024-01-02T10:00:00Z", "updatedAt": "2024-01-02T10:00:00Z"}),
                ],
                webhook_settings: json!({"createdAt": "2024-01-02T10:00:00Z", "updatedAt": "2024-01-02T10:00:00Z",
                    "targetUrl": format!("{OPENCX_PLACEHOLDER}/webhooks/hubspot/{GORGIAS_WEBHOOK_TOKEN}"),
                    "throttling": {"maxConcurrentRequests": 100, "period": "SECONDLY"}}),
                v3_webhooks_accept_hapikey: true,
                dated_webhooks: true,
            },
            opencx: OpencxWorld {
                api_key: OPENCX_KEY.into(),
                scopes: vec!["chat-sessions:read", "contacts:read", "handoff-analytics:read"],
                sessions: Vec::new(),
                history: std::collections::HashMap::new(),
                handoff_events: Vec::new(),
                filter_honours_dates: true,
            },
        };
        super::conversations::populate(&mut world, chrono::Utc::now());
        world
    }
}
