//! Gorgias checks, one file per symptom (interface.md's slugs).

pub mod after_handoff;
pub mod ai_silent;
pub mod credentials;
pub mod duplicates;
pub mod handoff_routing;
pub mod sender;
pub mod webhook;

use std::sync::Arc;

use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::parse_time;
use crate::facts::SessionEvidence;
use crate::integration::Integration;
use crate::target::Target;
use crate::vendors::gorgias::{Message, Ticket};

/// The Gorgias ticket the run was given (`--ticket`).
pub fn ticket_id(cx: &Ctx) -> Result<u64, CheckError> {
    cx.target_as(Integration::Gorgias, Target::ticket)
}

/// The run's ticket (the `ticket` check has already proved it exists).
pub async fn ticket(cx: &Ctx) -> Result<Arc<Ticket>, CheckError> {
    Ok(cx.facts.gorgias()?.ticket(ticket_id(cx)?).await?)
}

/// Messages in time order, deleted ones left out.
pub fn messages(ticket: &Ticket) -> Vec<&Message> {
    let mut list: Vec<&Message> = ticket.messages.iter().filter(|m| m.deleted_datetime.is_none()).collect();
    list.sort_by_key(|m| m.created_datetime.as_deref().and_then(parse_time));
    list
}

pub fn is_internal(m: &Message) -> bool {
    m.public == Some(false)
        || m.channel.as_deref() == Some("internal-note")
        || m.source.as_ref().and_then(|s| s.kind.as_deref()) == Some("internal-note")
}

/// The ticket's OpenCX session evidence, or the `info` outcome for a ticket that has no
/// timestamps to look its session up by (shared by every check that reads the session).
pub async fn ticket_sessions(cx: &Ctx) -> Result<Result<Arc<SessionEvidence>, Outcome>, CheckError> {
    Ok(cx
        .session_evidence()
        .await?
        .ok_or_else(|| Outcome::info("the ticket has no timestamps to look its session up by")))
}

/// Where Gorgias's REST API credentials are, and where OpenCX takes them.
pub const CREDENTIALS_SCREENS: &str = "In Gorgias: Settings → REST API (copy the Base API URL's domain prefix, \
    the Username/email and the API key, or create a new key). In OpenCX: Settings → Integrations → Gorgias: enter \
    the same values and press Test & Save; for the doctor run `doctor login gorgias`.";
