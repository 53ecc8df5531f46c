//! The fake Intercom API: Bearer auth, `Intercom-Version`, `error.list` bodies.

use serde_json::json;

use super::server::{Reply, Req};
use super::world::World;

fn error(status: u16, code: &str, message: &str) -> Reply {
    Reply::Json(
        status,
        json!({"type": "error.list", "request_id": "sbx-0b6e1c2d-7a41-4f3e-9a65-3c2b1d0e9f87", "errors": [{"code": code, "message": message}]}),
    )
}

pub fn handle(world: &World, req: &Req) -> Reply {
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
    if w.plan_restricted {
        return error(403, "api_plan_restricted", "Active subscription needed.");
    }
    match req.path.trim_end_matches('/') {
        "/me" => Reply::Json(200, w.me.clone()),
        path if path.starts_with("/conversations/") => {
            let id = &path["/conversations/".len()..];
            match w.conversations.iter().find(|c| c["id"] == id) {
                Some(c) => Reply::Json(200, c.clone()),
                None => error(404, "not_found", "Resource Not Found"),
            }
        }
        _ => error(404, "not_found", "Resource Not Found"),
    }
}
