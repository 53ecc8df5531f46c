//! The fake HubSpot API: Bearer `pat-…` tokens with the scopes token introspection reports
//! (a call without its scope gets 403 MISSING_SCOPES), `category` error bodies, `results`
//! lists, and webhooks v3 read with a developer API key (`hapikey`).

use serde_json::{json, Value};

use super::server::{Reply, Req};
use super::world::World;

fn invalid_auth() -> Reply {
    Reply::Json(
        401,
        json!({"status": "error", "category": "INVALID_AUTHENTICATION", "correlationId": "sbx-f0ee980f-a446-4189-b004-ff06d08bf4e3",
        "message": "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"}),
    )
}

fn not_found(message: String) -> Reply {
    Reply::Json(
        404,
        json!({"status": "error", "category": "OBJECT_NOT_FOUND", "correlationId": "sbx-404", "message": message}),
    )
}

fn missing_scope(scope: &str) -> Reply {
    Reply::Json(
        403,
        json!({"status": "error", "message": "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
        "correlationId": "sbx-5d1c-4e8a-9f00-000000000403", "category": "MISSING_SCOPES",
        "errors": [{"message": "One or more of the following scopes are required.", "context": {"requiredGranularScopes": [scope]}}],
        "links": {"scopes": "https://developers.hubspot.com/scopes"}}),
    )
}

fn results(items: Vec<Value>) -> Reply {
    let total = items.len();
    Reply::Json(200, json!({"total": total, "results": items}))
}

/// The scope a path needs.
fn scope_for(path: &str) -> Option<&'static str> {
    if path.starts_with("/crm/v3/owners") {
        Some("crm.objects.owners.read")
    } else if path.starts_with("/crm/v3/objects/tickets") {
        Some("tickets")
    } else if path.starts_with("/crm/v3/objects/contacts") {
        Some("crm.objects.contacts.read")
    } else if path.starts_with("/conversations/v3/") {
        Some("conversations.read")
    } else {
        None
    }
}

pub(crate) fn handle(world: &World, req: &Req) -> Reply {
    let w = &world.hubspot;
    let path = req.path.trim_end_matches('/');
    if path == "/oauth/v2/private-apps/get/access-token-info" && req.method == "POST" {
        let key = req.json_body()["tokenKey"].as_str().map(str::to_string);
        if key.as_deref() != Some(w.token.as_str()) || req.bearer() != Some(w.token.as_str()) {
            return invalid_auth();
        }
        if !w.token_known {
            return not_found("The access token was not found".into());
        }
        return Reply::Json(200, w.token_info.clone());
    }
    // The dated webhooks API takes the developer key; the v3 one keeps accepting it here unless
    // the world says this portal only answers the dated paths.
    if path.starts_with("/app-webhooks/") && !w.dated_webhooks {
        return not_found("Resource not found".into());
    }
    let webhooks = path
        .strip_prefix("/app-webhooks/2026-09/")
        .or_else(|| path.strip_prefix("/webhooks/v3/").filter(|_| w.v3_webhooks_accept_hapikey));
    if path.starts_with("/webhooks/v3/") && !w.v3_webhooks_accept_hapikey {
        return Reply::Json(
            401,
            json!({"status": "error", "category": "INVALID_AUTHENTICATION", "correlationId": "sbx-401",
            "message": "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"}),
        );
    }
    if let Some(rest) = webhooks {
        if req.query.get("hapikey").map(String::as_str) != Some(w.developer_api_key.as_str()) {
            return Reply::Json(
                401,
                json!({"status": "error", "category": "INVALID_AUTHENTICATION", "correlationId": "sbx-401",
                "message": "Authentication credentials not found. This API supports both API Key and OAuth 2.0 authentication."}),
            );
        }
        let (app, what) = rest.split_once('/').unwrap_or((rest, ""));
        if app != w.app_id.to_string() {
            return not_found(format!("App {app} not found"));
        }
        return match what {
            "subscriptions" => Reply::Json(200, json!({"results": w.subscriptions})),
            "settings" => Reply::Json(200, w.webhook_settings.clone()),
            _ => not_found("Resource not found".into()),
        };
    }
    if req.bearer() != Some(w.token.as_str()) || !w.token_known {
        return invalid_auth();
    }
    if let Some(scope) = scope_for(path) {
        if !w.token_info["scopes"].as_array().is_some_and(|s| s.iter().any(|x| x == scope)) {
            return missing_scope(scope);
        }
    }
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    match (req.method, segments.as_slice()) {
        ("GET", ["crm", "v3", "owners"]) => results(w.owners.iter().take(1).cloned().collect()),
        ("GET", ["crm", "v3", "owners", id]) => {
            let by_user = req.query.get("idProperty").map(String::as_str) == Some("userId");
            let found = w.owners.iter().find(|o| {
                if by_user {
                    o["userId"].as_u64().is_some_and(|u| u.to_string() == *id)
                } else {
                    o["id"] == *id
                }
            });
            match found {
                Some(o) => Reply::Json(200, o.clone()),
                None if id.parse::<i64>().is_err() => Reply::Json(
                    400,
                    json!({"status": "error", "category": "VALIDATION_ERROR",
                    "correlationId": "sbx-400", "message": format!("Unable to parse owner id {id}")}),
                ),
                None => not_found(format!("Owner {id} not found")),
            }
        }
        ("GET", ["crm", "v3", "objects", "tickets"]) => results(w.tickets.iter().take(1).cloned().collect()),
        ("GET", ["crm", "v3", "objects", "contacts", id]) => match w.contacts.iter().find(|c| c["id"] == *id) {
            Some(c) => Reply::Json(200, c.clone()),
            None => not_found(format!("Contact {id} not found")),
        },
        ("POST", ["crm", "v3", "objects", "contacts", "search"]) => {
            let body = req.json_body();
            let email = body["filterGroups"][0]["filters"][0]["value"].as_str().unwrap_or("").to_ascii_lowercase();
            results(
                w.contacts
                    .iter()
                    .filter(|c| {
                        c["properties"]["email"]
                            .as_str()
                            .is_some_and(|e| !e.is_empty() && e.to_ascii_lowercase() == email)
                    })
                    .cloned()
                    .collect(),
            )
        }
        ("GET", ["conversations", "v3", "conversations", "threads"]) => {
            let after = req.query.get("latestMessageTimestampAfter").cloned().unwrap_or_default();
            let mut list: Vec<Value> = w
                .threads
                .iter()
                .filter(|t| t["latestMessageTimestamp"].as_str().is_some_and(|l| l >= after.as_str()))
                .cloned()
                .collect();
            // HubSpot's spec: a descending sort works only with associatedContactId; "otherwise
            // results are always returned in ascending order".
            list.sort_by(|a, b| a["latestMessageTimestamp"].as_str().cmp(&b["latestMessageTimestamp"].as_str()));
            if req.query.contains_key("associatedContactId")
                && req.query.get("sort").is_some_and(|s| s.starts_with('-'))
            {
                list.reverse();
            }
            let limit: usize = req.query.get("limit").and_then(|l| l.parse().ok()).unwrap_or(20).clamp(1, 500);
            let offset: usize = req.query.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
            let end = (offset + limit).min(list.len());
            let mut page: Vec<Value> = list.get(offset..end).unwrap_or_default().to_vec();
            for t in &mut page {
                without_associations(t, req);
            }
            let mut body = json!({"results": page});
            if end < list.len() {
                body["paging"] = json!({"next": {"after": end.to_string()}});
            }
            Reply::Json(200, body)
        }
        ("GET", ["conversations", "v3", "conversations", "threads", id]) => {
            match w.threads.iter().find(|t| t["id"] == *id) {
                Some(t) => {
                    let mut t = t.clone();
                    without_associations(&mut t, req);
                    Reply::Json(200, t)
                }
                None => not_found(format!("Thread {id} not found")),
            }
        }
        ("GET", ["conversations", "v3", "conversations", "threads", id, "messages"]) => {
            if !w.threads.iter().any(|t| t["id"] == *id) {
                return not_found(format!("Thread {id} not found"));
            }
            Reply::Json(200, json!({"results": w.messages.get(*id).cloned().unwrap_or_default()}))
        }
        _ => not_found("Resource not found".into()),
    }
}

/// A thread's `threadAssociations` are returned only when asked for (`association=TICKET`).
fn without_associations(thread: &mut Value, req: &Req) {
    if req.query.get("association").is_none_or(|a| a != "TICKET") {
        if let Some(map) = thread.as_object_mut() {
            map.remove("threadAssociations");
        }
    }
}
