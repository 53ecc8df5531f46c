//! The fake Gorgias REST API: Basic auth, `{"error":{"msg":…}}` bodies, the Flask HTML 404 of an
//! unknown subdomain.

use base64::Engine;
use serde_json::Value;

use super::server::{error_body, Reply, Req};
use super::world::World;
use crate::Vendor;

const UNKNOWN_DOMAIN_PAGE: &str = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

fn authorised(world: &World, req: &Req) -> bool {
    let Some(value) = req.headers.get("authorization").and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some(encoded) = value.strip_prefix("Basic ") else {
        return false;
    };
    let expected =
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", world.gorgias.email, world.gorgias.api_key));
    encoded == expected
}

fn err(status: u16) -> Reply {
    Reply::Json(status, error_body(Vendor::Gorgias, status))
}

pub(crate) fn handle(world: &World, req: &Req) -> Reply {
    let g = &world.gorgias;
    if !g.exists {
        return Reply::Html(404, UNKNOWN_DOMAIN_PAGE.into());
    }
    if !authorised(world, req) {
        return err(401);
    }
    if g.forbidden {
        return Reply::Json(
            403,
            serde_json::json!({"error": {"msg": "You don't have the permission to access this resource."}}),
        );
    }
    if req.method != "GET" && req.method != "HEAD" {
        return Reply::Json(405, serde_json::json!({"error": {"msg": "The specified HTTP method is not allowed."}}));
    }
    let segments: Vec<&str> = req.path.trim_end_matches('/').split('/').skip(1).collect();
    match segments.as_slice() {
        ["api", "account"] => Reply::Json(200, g.account.clone()),
        ["api", "users", "0"] => user_by(g, |u| u["id"].as_u64() == Some(g.key_owner)),
        ["api", "integrations"] => {
            let kind = req.query.get("type");
            let items: Vec<&Value> =
                g.integrations.iter().filter(|i| kind.is_none_or(|k| i["type"] == k.as_str())).collect();
            list(req, items)
        }
        ["api", "integrations", id] => by_id(&g.integrations, id),
        ["api", "integrations", id, "events"] => {
            let id: u64 = id.parse().unwrap_or(0);
            match &g.integration_events {
                Some(log) => list(req, log.get(&id).map(|l| l.iter().collect()).unwrap_or_default()),
                None => Reply::Json(404, serde_json::json!({"error": {"msg": "Resource not found"}})),
            }
        }
        ["api", "teams"] => list(req, g.teams.iter().collect()),
        ["api", "teams", id] => by_id(&g.teams, id),
        ["api", "rules"] => list(req, g.rules.iter().collect()),
        ["api", "rules", id] => by_id(&g.rules, id),
        ["api", "tickets"] => {
            let mut items: Vec<&Value> = g.tickets.iter().collect();
            items.sort_by(|a, b| b["updated_datetime"].as_str().cmp(&a["updated_datetime"].as_str()));
            // The list returns compact tickets, without their messages.
            let compact: Vec<Value> = items
                .into_iter()
                .map(|t| {
                    let mut t = t.clone();
                    if let Some(map) = t.as_object_mut() {
                        map.remove("messages");
                    }
                    t
                })
                .collect();
            list(req, compact.iter().collect())
        }
        ["api", "messages"] => {
            // Every ticket's messages, each naming its ticket, newest first.
            let wanted: Option<u64> = req.query.get("ticket_id").and_then(|t| t.parse().ok());
            let mut items: Vec<Value> = g
                .tickets
                .iter()
                .filter(|t| wanted.is_none_or(|w| t["id"] == w))
                .flat_map(|t| {
                    let id = t["id"].clone();
                    t["messages"].as_array().cloned().unwrap_or_default().into_iter().map(move |mut m| {
                        m["ticket_id"] = id.clone();
                        m
                    })
                })
                .collect();
            let ascending = req.query.get("order_by").is_some_and(|o| o == "created_datetime:asc");
            items.sort_by(|a, b| a["created_datetime"].as_str().cmp(&b["created_datetime"].as_str()));
            if !ascending {
                items.reverse();
            }
            list(req, items.iter().collect())
        }
        ["api", "tickets", id] => match g.tickets.iter().find(|t| id.parse::<u64>().is_ok_and(|n| t["id"] == n)) {
            Some(ticket) => Reply::Json(200, ticket.clone()),
            None => Reply::Json(404, serde_json::json!({"error": {"msg": "Resource not found."}})),
        },
        ["api", "users", id] => match id.parse::<u64>() {
            Ok(id) => user_by(g, |u| u["id"].as_u64() == Some(id)),
            Err(_) => err(404),
        },
        _ => Reply::Json(404, serde_json::json!({"error": {"msg": "Resource not found."}})),
    }
}

fn by_id(items: &[Value], id: &str) -> Reply {
    match id.parse::<u64>().ok().and_then(|id| items.iter().find(|i| i["id"] == id)) {
        Some(item) => Reply::Json(200, item.clone()),
        None => Reply::Json(404, serde_json::json!({"error": {"msg": "Resource not found."}})),
    }
}

/// The cursor envelope: `{object, uri, data, meta: {prev_cursor, next_cursor, total_resources}}`.
fn list(req: &Req, items: Vec<&Value>) -> Reply {
    let limit: usize = req.query.get("limit").and_then(|l| l.parse().ok()).unwrap_or(30).clamp(1, 100);
    let offset: usize =
        req.query.get("cursor").and_then(|c| c.strip_prefix("gc")).and_then(|c| c.parse().ok()).unwrap_or(0);
    let end = (offset + limit).min(items.len());
    let data: Vec<Value> = items.get(offset..end).unwrap_or_default().iter().map(|v| (*v).clone()).collect();
    let next = (end < items.len()).then(|| format!("gc{end}"));
    let prev = (offset > 0).then(|| format!("gc{}", offset.saturating_sub(limit)));
    Reply::Json(
        200,
        serde_json::json!({"object": "list", "uri": req.path, "data": data,
            "meta": {"prev_cursor": prev, "next_cursor": next, "total_resources": null}}),
    )
}

fn user_by(g: &super::world::GorgiasWorld, pred: impl Fn(&Value) -> bool) -> Reply {
    match g.users.iter().find(|u| pred(u)) {
        Some(user) => Reply::Json(200, user.clone()),
        None => Reply::Json(404, serde_json::json!({"error": {"msg": "Resource not found."}})),
    }
}
