//! Gorgias checks, one file per symptom (interface.md's slugs).

pub mod after_handoff;
pub mod ai_silent;
pub mod credentials;
pub mod duplicates;
pub mod handoff_routing;
pub mod sender;
pub mod webhook;

use std::sync::Arc;

use crate::engine::{Check, CheckError, Ctx, Outcome};
use crate::facts::SessionEvidence;

/// The ticket's OpenCX session evidence, or the `info` outcome for a ticket that has no
/// timestamps to look its session up by (shared by every check that reads the session).
pub async fn ticket_sessions(cx: &Ctx) -> Result<Result<Arc<SessionEvidence>, Outcome>, CheckError> {
    Ok(cx
        .facts
        .session_evidence(cx.integration, &cx.target)
        .await?
        .ok_or_else(|| Outcome::info("the ticket has no timestamps to look its session up by")))
}

pub static CHECKS: &[&Check] = &[
    &credentials::DOMAIN,
    &credentials::API_KEY,
    &credentials::PERMISSION,
    &credentials::ACCOUNT_ACTIVE,
    &credentials::EMAIL,
    &webhook::URL_HTTPS,
    &webhook::INTEGRATION_EXISTS,
    &webhook::STALE_URL,
    &webhook::TRIGGER,
    &webhook::EXCLUSIVE_TRIGGERS,
    &webhook::ACTIVE,
    &webhook::DELIVERY_LOG,
    &webhook::DELIVERIES,
    &ai_silent::TICKET,
    &ai_silent::AI_USER,
    &ai_silent::ASSIGNED,
    &ai_silent::LAST_MESSAGE,
    &ai_silent::AUTOPILOT,
    &ai_silent::SESSION,
    &handoff_routing::TEAM_CONFIGURED,
    &handoff_routing::TEAM_EXISTS,
    &handoff_routing::RULE,
    &handoff_routing::SESSION_HANDOFF,
    &duplicates::REPLIES,
    &duplicates::INTEGRATIONS,
    &duplicates::RETRIES,
    &sender::EXPECTED,
    &after_handoff::SESSION_MARKED,
    &after_handoff::AI_AFTER_HANDOFF,
    &after_handoff::SECOND_SESSION,
];

/// Where Gorgias's REST API credentials are, and where OpenCX takes them.
pub const CREDENTIALS_SCREENS: &str = "In Gorgias: Settings → REST API (copy the Base API URL's domain prefix, \
    the Username/email and the API key, or create a new key). In OpenCX: Settings → Integrations → Gorgias: enter \
    the same values and press Test & Save; for the doctor run `doctor login gorgias`.";
