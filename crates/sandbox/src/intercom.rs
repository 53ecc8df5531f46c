//! The fake Intercom API: Bearer auth, `Intercom-Version`, `error.list` bodies.

use serde_json::{json, Value};

use super::server::{Reply, Req};
use super::world::World;

/// API 2.16 reports an unassigned conversation as `0`; earlier versions as `null`.
fn for_version(mut conversation: Value, req: &Req) -> Value {
    let version = req.headers.get("intercom-version").and_then(|v| v.to_str().ok()).unwrap_or("2.16");
    if version == "2.16" {
        for field in ["admin_assignee_id", "team_assignee_id"] {
            if conversation[field].is_null() {
                conversation[field] = 0.into();
            }
        }
    }
    conversation
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    Reply::Json(
        status,
        json!({"type": "error.list", "request_id": "sbx-0b6e1c2d-7a41-4f3e-9a65-3c2b1d0e9f87", "errors": [{"code": code, "message": message}]}),
    )
}

pub(crate) fn handle(world: &World, req: &Req) -> Reply {
    let w = &world.intercom;
    match req.bearer() {
        None => return error(401, "unauthorized", "Access Token Invalid"),
        Some(token) if token != w.token => {
            let message = match w.rejected_code {
                "token_revoked" => "The token or API Key has been revoked",
                _ => "Access Token Invalid",
            };
            return error(401, w.rejected_code, message);
        }
        Some(_) => {}
    }
    if let Some(version) = req.headers.get("intercom-version").and_then(|v| v.to_str().ok()) {
        if !version.starts_with("2.") && version != "1.0" && version != "Unstable" {
            return error(400, "intercom_version_invalid", "Requested version is invalid");
        }
    }
    // Intercom documents this 403 on the conversation endpoints (GET /conversations and
    // /conversations/{id}, search…); /me still answers.
    if w.plan_restricted && req.path.starts_with("/conversations") {
        return error(403, "api_plan_restricted", "Active subscription needed.");
    }
    match req.path.trim_end_matches('/') {
        "/me" => Reply::Json(200, w.me.clone()),
        "/conversations/search" if req.method == "POST" => search(w, req),
        "/conversations" => {
            let per_page: usize = req.query.get("per_page").and_then(|p| p.parse().ok()).unwrap_or(20).clamp(1, 150);
            let mut list: Vec<Value> = w.conversations.clone();
            list.sort_by_key(|c| std::cmp::Reverse(c["updated_at"].as_i64()));
            list.truncate(per_page);
            let mut list: Vec<Value> = list.into_iter().map(|c| for_version(c, req)).collect();
            // The list omits conversation parts.
            for c in &mut list {
                if let Some(map) = c.as_object_mut() {
                    map.remove("conversation_parts");
                }
            }
            let total = w.conversations.len();
            Reply::Json(
                200,
                json!({"type": "conversation.list", "conversations": list, "total_count": total,
                       "pages": {"type": "pages", "page": 1, "per_page": per_page, "total_pages": total.div_ceil(per_page).max(1), "next": null}}),
            )
        }
        path if path.starts_with("/conversations/") => {
            let id = &path["/conversations/".len()..];
            match w.conversations.iter().find(|c| c["id"] == id) {
                Some(c) => Reply::Json(200, for_version(c.clone(), req)),
                None => error(404, "not_found", "Resource Not Found"),
            }
        }
        path if path.starts_with("/admins/") => {
            let id = &path["/admins/".len()..];
            match w.admins.iter().find(|a| a["id"] == id) {
                Some(a) => Reply::Json(200, a.clone()),
                None => error(404, "admin_not_found", "Admin not found"),
            }
        }
        "/data_attributes" => {
            let model = req.query.get("model").map(String::as_str).unwrap_or("contact");
            let version = req.headers.get("intercom-version").and_then(|v| v.to_str().ok()).unwrap_or("2.16");
            if model == "conversation" && version == "2.16" {
                return error(
                    422,
                    "parameter_invalid",
                    "model=conversation is no longer supported. Use GET /conversations/attributes instead",
                );
            }
            let data: Vec<Value> = if model == "conversation" { w.conversation_attributes.clone() } else { Vec::new() };
            Reply::Json(200, json!({"type": "list", "data": data}))
        }
        path if path.starts_with("/contacts/") && path.ends_with("/companies") => {
            let id = &path["/contacts/".len()..path.len() - "/companies".len()];
            match w.companies.get(id) {
                Some(list) => Reply::Json(
                    200,
                    json!({"type": "list", "data": list, "total_count": list.len(),
                           "pages": {"type": "pages", "next": null, "page": 1, "per_page": 50, "total_pages": 1}}),
                ),
                None if w.conversations.iter().any(|c| c["contacts"]["contacts"][0]["id"] == id) => Reply::Json(
                    200,
                    json!({"type": "list", "data": [], "total_count": 0,
                           "pages": {"type": "pages", "next": null, "page": 1, "per_page": 50, "total_pages": 0}}),
                ),
                None => error(404, "not_found", "User Not Found"),
            }
        }
        _ => error(404, "not_found", "Resource Not Found"),
    }
}

/// `POST /conversations/search` with one `{field, operator, value}` filter on a date field
/// (`updated_at`, `created_at`; `>` or `<`), oldest first, `per_page` ≤ 150, `starting_after`.
fn search(w: &super::world::IntercomWorld, req: &Req) -> Reply {
    let Ok(body) = serde_json::from_slice::<Value>(req.body) else {
        return error(400, "parameter_invalid", "Request body is not valid JSON");
    };
    let query = &body["query"];
    let (Some(field), Some(op), Some(value)) =
        (query["field"].as_str(), query["operator"].as_str(), query["value"].as_i64())
    else {
        return error(400, "parameter_invalid", "query must have field, operator and value");
    };
    if !matches!(field, "updated_at" | "created_at") || !matches!(op, ">" | "<") {
        return error(400, "parameter_invalid", "the sandbox searches updated_at or created_at with > or <");
    }
    let per_page = body["pagination"]["per_page"].as_u64().unwrap_or(20);
    if !(1..=150).contains(&per_page) {
        return error(400, "parameter_invalid", "per_page must be between 1 and 150");
    }
    let offset: usize = body["pagination"]["starting_after"]
        .as_str()
        .and_then(|c| c.strip_prefix("sa-"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut list: Vec<&Value> = w
        .conversations
        .iter()
        .filter(|c| {
            let at = c[field].as_i64().unwrap_or(0);
            if op == ">" {
                at >= value
            } else {
                at <= value
            }
        })
        .collect();
    list.sort_by_key(|c| (c["updated_at"].as_i64(), c["id"].as_str().map(str::to_string)));
    let total = list.len();
    let end = (offset + per_page as usize).min(total);
    let page: Vec<Value> = list
        .get(offset..end)
        .unwrap_or_default()
        .iter()
        .map(|c| {
            let mut c = for_version((*c).clone(), req);
            if let Some(map) = c.as_object_mut() {
                map.remove("conversation_parts");
            }
            c
        })
        .collect();
    let next = (end < total).then(|| json!({"per_page": per_page, "starting_after": format!("sa-{end}")}));
    Reply::Json(
        200,
        json!({"type": "conversation.list", "conversations": page, "total_count": total,
               "pages": {"type": "pages", "page": offset / per_page as usize + 1, "per_page": per_page,
                         "total_pages": total.div_ceil(per_page as usize).max(1), "next": next}}),
    )
}
