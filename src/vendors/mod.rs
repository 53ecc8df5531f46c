//! Thin, typed, read-only clients of the four APIs. They know nothing of checks: they turn a
//! call into a typed value or an `ApiError`, following each vendor's documented paths, auth,
//! error bodies, pagination and rate-limit headers (shared/reference/*-api.md).

pub mod gorgias;
pub mod hubspot;
pub mod intercom;
pub mod opencx;

use serde::{Deserialize, Deserializer};

/// Accepts a JSON number or a numeric string as a string id (vendors disagree, and versions do).
pub fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match value {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}
