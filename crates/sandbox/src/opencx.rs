//! The fake OpenCX API: Bearer keys with scopes, NestJS-style error bodies, cursor pages.

use serde_json::{json, Value};

use super::server::{Reply, Req};
use super::world::World;

/// Items per page (OpenCX does not document its page size).
pub(crate) const PAGE_SIZE: usize = 20;

fn error(status: u16, message: &str, error: &str) -> Reply {
    Reply::Json(status, json!({"statusCode": status, "message": message, "error": error}))
}

fn scope(world: &World, needed: &str) -> Option<Reply> {
    (!world.opencx.scopes.contains(&needed))
        .then(|| error(403, &format!("API key is missing the required scope: {needed}"), "Forbidden"))
}

/// One page of `items` from the cursor (an opaque offset).
fn page(items: Vec<&Value>, req: &Req) -> Reply {
    let offset: usize =
        req.query.get("cursor").and_then(|c| c.strip_prefix("cur_")).and_then(|c| c.parse().ok()).unwrap_or(0);
    let end = (offset + PAGE_SIZE).min(items.len());
    let slice: Vec<Value> = items.get(offset..end).unwrap_or_default().iter().map(|v| (*v).clone()).collect();
    let next = (end < items.len()).then(|| format!("cur_{end}"));
    Reply::Json(200, json!({"items": slice, "next": next}))
}

fn field_cmp(item: &Value, field: &str, bound: Option<&String>, after: bool) -> bool {
    let Some(bound) = bound else { return true };
    let Some(value) = item[field].as_str() else { return false };
    if after {
        value >= bound.as_str()
    } else {
        value <= bound.as_str()
    }
}

pub(crate) fn handle(world: &World, req: &Req) -> Reply {
    // The webhook endpoint answers Intercom's HEAD validation (and the doctor's probe).
    if req.method == "HEAD" && req.path.starts_with("/webhooks/") {
        return Reply::Json(200, Value::Null);
    }
    if req.bearer() != Some(world.opencx.api_key.as_str()) {
        return error(401, "Unauthorized", "Unauthorized");
    }
    let path = req.path.trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    match (req.method, segments.as_slice()) {
        ("GET", ["chat", "sessions"]) => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            let q = &req.query;
            let mut items: Vec<&Value> = world
                .opencx
                .sessions
                .iter()
                .filter(|s| field_cmp(s, "created_at", q.get("created_after"), true))
                .filter(|s| field_cmp(s, "created_at", q.get("created_before"), false))
                .filter(|s| field_cmp(s, "updated_at", q.get("updated_after"), true))
                .filter(|s| field_cmp(s, "updated_at", q.get("updated_before"), false))
                .filter(|s| q.get("channel_type").is_none_or(|c| s["channel"]["type"] == c.as_str()))
                .filter(|s| q.get("status").is_none_or(|c| s["status"] == c.as_str()))
                .filter(|s| q.get("handed_off").is_none_or(|h| (h == "true") == (s["ai_closure_type"] == "handed_off")))
                .collect();
            items.sort_by(|a, b| b["created_at"].as_str().cmp(&a["created_at"].as_str()));
            page(items, req)
        }
        ("POST", ["chat", "sessions", "filter"]) => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            let body = req.json_body();
            let limit = body["limit"].as_u64().unwrap_or(25);
            if !(1..=100).contains(&limit) {
                return error(400, "limit must not be greater than 100", "Bad Request");
            }
            let page = body["page"].as_u64().unwrap_or(1).max(1);
            let range = &body["filters"]["created_at"];
            let (gte, lte) = (range["gte"].as_str().map(str::to_string), range["lte"].as_str().map(str::to_string));
            let honour = world.opencx.filter_honours_dates;
            let mut items: Vec<&Value> = world
                .opencx
                .sessions
                .iter()
                .filter(|s| !honour || field_cmp(s, "created_at", gte.as_ref(), true))
                .filter(|s| !honour || field_cmp(s, "created_at", lte.as_ref(), false))
                .collect();
            let by_created = body["sort_by"] == "created_at";
            let key = if by_created { "created_at" } else { "updated_at" };
            items.sort_by(|a, b| a[key].as_str().cmp(&b[key].as_str()));
            if body["sort_order"] != "asc" {
                items.reverse();
            }
            let start = ((page - 1) * limit) as usize;
            let end = (start + limit as usize).min(items.len());
            let data: Vec<Value> = items.get(start..end).unwrap_or_default().iter().map(|v| (*v).clone()).collect();
            Reply::Json(
                200,
                json!({"data": data, "page": page, "limit": limit, "has_next": end < items.len(), "has_previous": page > 1}),
            )
        }
        ("GET", ["chat", "sessions", "search"]) => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            let Some(q) = req.query.get("q").filter(|q| !q.is_empty()) else {
                return error(400, "q should not be empty", "Bad Request");
            };
            let mine: Vec<&Value> =
                world.opencx.sessions.iter().filter(|s| s["contact"]["email"] == q.as_str()).collect();
            let contacts: Vec<Value> = mine.iter().take(1).map(|s| s["contact"].clone()).collect();
            let messages: Vec<Value> = mine
                .iter()
                .map(|s| json!({"id": format!("m-{}", s["id"].as_str().unwrap_or("")), "session_id": s["id"], "message": "…", "type": "contact"}))
                .collect();
            Reply::Json(200, json!({"contacts": contacts, "messages": messages}))
        }
        ("GET", ["chat", "sessions", id]) => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            match world.opencx.sessions.iter().find(|s| s["id"] == *id) {
                Some(s) => Reply::Json(200, s.clone()),
                None => error(404, "Session not found", "Not Found"),
            }
        }
        ("GET", ["chat", "sessions", id, "history"]) => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            if !world.opencx.sessions.iter().any(|s| s["id"] == *id) {
                return error(404, "Session not found", "Not Found");
            }
            let events: Vec<&Value> = world.opencx.history.get(*id).map(|h| h.iter().collect()).unwrap_or_default();
            page(events, req)
        }
        ("GET", ["handoff-analytics", "events"]) => {
            if let Some(denied) = scope(world, "handoff-analytics:read") {
                return denied;
            }
            let q = &req.query;
            let items: Vec<&Value> = world
                .opencx
                .handoff_events
                .iter()
                .filter(|e| field_cmp(e, "created_at", q.get("start_date"), true))
                .filter(|e| field_cmp(e, "created_at", q.get("end_date"), false))
                .collect();
            let total = items.len();
            match page(items, req) {
                Reply::Json(status, mut body) => {
                    body["total"] = total.into();
                    Reply::Json(status, body)
                }
                other => other,
            }
        }
        (method, _) => error(404, &format!("Cannot {method} {path}"), "Not Found"),
    }
}
