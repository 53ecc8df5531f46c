//! The fake HubSpot API: Bearer `pat-…` tokens, token introspection, `category` error bodies.

use serde_json::json;

use super::server::{Reply, Req};
use super::world::World;

fn invalid_auth() -> Reply {
    Reply::Json(
        401,
        json!({"status": "error", "category": "INVALID_AUTHENTICATION", "correlationId": "sbx-f0ee980f-a446-4189-b004-ff06d08bf4e3",
        "message": "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"}),
    )
}

pub fn handle(world: &World, req: &Req) -> Reply {
    let w = &world.hubspot;
    let path = req.path.trim_end_matches('/');
    if path == "/oauth/v2/private-apps/get/access-token-info" && req.method == "POST" {
        let key = req.json_body()["tokenKey"].as_str().map(str::to_string);
        if key.as_deref() != Some(w.token.as_str()) || req.bearer() != Some(w.token.as_str()) {
            return invalid_auth();
        }
        if !w.token_known {
            return Reply::Json(
                404,
                json!({"status": "error", "category": "OBJECT_NOT_FOUND", "correlationId": "sbx-aeb5f871-7f07-4993-9211-075dc63e7cbf",
                "message": "The access token was not found"}),
            );
        }
        return Reply::Json(200, w.token_info.clone());
    }
    if req.bearer() != Some(w.token.as_str()) || !w.token_known {
        return invalid_auth();
    }
    if let Some(id) = path.strip_prefix("/conversations/v3/conversations/threads/") {
        if let Some(thread) = w.threads.iter().find(|t| t["id"] == id) {
            return Reply::Json(200, thread.clone());
        }
        return Reply::Json(
            404,
            json!({"status": "error", "category": "OBJECT_NOT_FOUND", "correlationId": "sbx-404",
            "message": format!("Thread {id} not found")}),
        );
    }
    Reply::Json(
        404,
        json!({"status": "error", "category": "OBJECT_NOT_FOUND", "correlationId": "sbx-404", "message": "Resource not found"}),
    )
}
