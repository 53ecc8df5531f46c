//! The fake OpenCX API: Bearer keys with scopes, NestJS-style error bodies, cursor pages.

use serde_json::{json, Value};

use super::server::{Reply, Req};
use super::world::World;

fn error(status: u16, message: &str, error: &str) -> Reply {
    Reply::Json(
        status,
        json!({"statusCode": status, "message": message, "error": error}),
    )
}

fn scope(world: &World, needed: &str) -> Option<Reply> {
    (!world.opencx.scopes.contains(&needed)).then(|| {
        error(
            403,
            &format!("API key is missing the required scope: {needed}"),
            "Forbidden",
        )
    })
}

pub fn handle(world: &World, req: &Req) -> Reply {
    if req.bearer() != Some(world.opencx.api_key.as_str()) {
        return error(401, "Unauthorized", "Unauthorized");
    }
    let path = req.path.trim_end_matches('/');
    match (req.method, path) {
        ("GET", "/chat/sessions") => {
            if let Some(denied) = scope(world, "chat-sessions:read") {
                return denied;
            }
            let after = req.query.get("updated_after").cloned();
            let items: Vec<Value> = world
                .opencx
                .sessions
                .iter()
                .filter(|s| {
                    after
                        .as_deref()
                        .is_none_or(|a| s["updated_at"].as_str().is_some_and(|u| u >= a))
                })
                .take(25)
                .cloned()
                .collect();
            Reply::Json(200, json!({"items": items, "next": null}))
        }
        _ => error(404, &format!("Cannot {} {path}", req.method), "Not Found"),
    }
}
