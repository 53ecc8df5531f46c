//! Indirect evidence that helpdesk events reach OpenCX, for helpdesks whose webhook settings the
//! doctor cannot fully read: recent customer messages on conversations owned by the AI, and
//! whether OpenCX has a session updated since each of them.

use chrono::{DateTime, Duration, Utc};

use crate::engine::{CheckError, Ctx, Outcome};

/// A helpdesk object whose customer is waiting for the AI.
pub struct Waiting {
    pub id: String,
    pub since: DateTime<Utc>,
}

/// Compares up to three waiting objects with OpenCX's sessions. `system` is OpenCX's
/// `ticketing_system.name`; `what` names the objects in the sentence ("tickets assigned to the AI user").
pub async fn evaluate(cx: &Ctx, system: &str, mut waiting: Vec<Waiting>, what: &str) -> Result<Outcome, CheckError> {
    waiting.sort_by_key(|w| std::cmp::Reverse(w.since));
    waiting.truncate(3);
    let Some(oldest) = waiting.iter().map(|w| w.since).min() else {
        return Ok(Outcome::info(format!(
            "no recent {what} ends with a customer message in the last 7 days, so there is nothing to compare"
        ))
        .with_fix("Run the doctor with the id of a conversation where the AI stayed silent."));
    };
    let listing = cx.facts.opencx()?.sessions_updated_since(oldest - Duration::minutes(15)).await?;
    let (sessions, truncated) = &*listing;
    let has_session = |id: &str| {
        sessions.iter().any(|s| {
            s.ticketing_system.as_ref().is_some_and(|t| {
                t.external_id.as_deref() == Some(id) && t.name.as_deref().is_none_or(|n| n.eq_ignore_ascii_case(system))
            })
        })
    };
    let missing: Vec<String> =
        waiting.iter().filter(|w| !has_session(&w.id)).map(|w| format!("{} ({})", w.id, w.since)).collect();
    Ok(if missing.is_empty() {
        Outcome::pass(format!(
            "the last {} customer message(s) on {what} each have an OpenCX session: {}",
            waiting.len(),
            waiting.iter().map(|w| format!("{} ({})", w.id, w.since)).collect::<Vec<_>>().join(", ")
        ))
    } else if *truncated {
        Outcome::info(format!(
            "{} of {} recent {what} have no session among the first pages of sessions updated since; too many sessions to be sure",
            missing.len(),
            waiting.len()
        ))
        .with_fix("Check one of them directly with its id.")
    } else if missing.len() == waiting.len() {
        Outcome::fail(format!(
            "the last {} customer message(s) on {what} produced no OpenCX session: {} — webhook deliveries are not arriving (or OpenCX skipped every one of them)",
            missing.len(),
            missing.join(", ")
        ))
    } else {
        Outcome::warn(format!(
            "{} of the last {} customer messages on {what} have no OpenCX session updated since: {} (not delivered, or skipped by OpenCX)",
            missing.len(),
            waiting.len(),
            missing.join(", ")
        ))
    })
}

pub use crate::facts::session::recent_since;
