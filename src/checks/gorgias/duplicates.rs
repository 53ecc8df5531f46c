//! Symptom `duplicates` (the AI answers one message twice): OpenCX drops a repeated message
//! within a 1-hour window (content hash); two HTTP integrations deliver every event twice;
//! Gorgias retries a delivery that timed out (5 s) after 10, 20 and 40 seconds.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::webhook::{describe, opencx_integrations};
use super::{is_internal, messages, ticket};
use crate::check;
use crate::checks::opencx::DEDUP_WINDOW_SECS;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::parse_time;
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;
use crate::target::Target;
use crate::vendors::gorgias::{Message, Ticket};

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/troubleshooting");
/// Gorgias retries a failed delivery after these delays.
pub const RETRY_DELAYS_SECS: [i64; 3] = [10, 20, 40];

/// A reply the AI posted: sent through the API by the AI user (shown as "AI Assistant").
pub fn is_ai_reply(m: &Message, ai_user: Option<u64>) -> bool {
    m.from_agent == Some(true)
        && !is_internal(m)
        && (m.via.as_deref() == Some("api"))
        && (ai_user.is_some_and(|id| m.sender.as_ref().and_then(|s| s.id) == Some(id))
            || m.sender.as_ref().and_then(|s| s.name.as_deref()) == Some(crate::vendors::gorgias::AI_ASSISTANT_NAME))
}

fn body(m: &Message) -> String {
    m.stripped_text.as_deref().or(m.body_text.as_deref()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Identical AI replies to one customer message: `(customer message time, first, second)`.
pub fn duplicate_replies(ticket: &Ticket, ai_user: Option<u64>) -> Vec<(String, DateTime<Utc>, DateTime<Utc>)> {
    let mut found = Vec::new();
    let mut answering: Option<String> = None;
    let mut replies: Vec<(String, DateTime<Utc>)> = Vec::new();
    for m in messages(ticket) {
        let at = m.created_datetime.as_deref().and_then(parse_time);
        if m.from_agent == Some(false) && !is_internal(m) {
            answering = m.created_datetime.clone();
            replies.clear();
        } else if is_ai_reply(m, ai_user) {
            let (Some(at), text) = (at, body(m)) else { continue };
            if let Some((_, first)) = replies.iter().find(|(t, _)| *t == text) {
                found.push((answering.clone().unwrap_or_else(|| "?".into()), *first, at));
            } else {
                replies.push((text, at));
            }
        }
    }
    found
}

fn looks_like_retry(gap: i64) -> bool {
    RETRY_DELAYS_SECS.iter().any(|d| (gap - d).abs() <= 3)
}

check! {
    pub static REPLIES {
        symptom: GorgiasSymptom::Duplicates,
        cause: "replies",
        title: "No customer message got the same AI reply twice",
        looks_at: "The ticket's messages: AI replies (sent through the API by the AI user) with the same text between two \
                   customer messages, and the gap between them against OpenCX's 1-hour deduplication window.",
        fix: "Send OpenCX support the ticket id, the session id(s) and the times this check reports. Inside the 1-hour window OpenCX should \
              have dropped the repeat; outside it, a late redelivery from Gorgias explains it — check the OpenCX HTTP \
              integration's Events in Gorgias (Settings → Apps → HTTP integration → Manage → the integration) for retries.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::TICKET],
        reads: [GorgiasTicket],
        run: replies,
    }
}

async fn replies(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = ticket(&cx).await?;
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    let duplicates = duplicate_replies(&t, ai);
    if duplicates.is_empty() {
        let ai_replies = messages(&t).iter().filter(|m| is_ai_reply(m, ai)).count();
        return Ok(if ai_replies == 0 {
            Outcome::info("the ticket has no AI reply, so there is no repeat to look for")
        } else {
            Outcome::pass(format!("{ai_replies} AI repl(ies) on the ticket, none repeated to one customer message"))
        });
    }
    let lines: Vec<String> = duplicates
        .iter()
        .map(|(to, first, second)| {
            let gap = (*second - *first).num_seconds();
            let window = if gap < DEDUP_WINDOW_SECS {
                "inside OpenCX's 1-hour deduplication window"
            } else {
                "after OpenCX's 1-hour deduplication window expired"
            };
            let retry = if looks_like_retry(gap) { "; the gap matches Gorgias's retry delays (10/20/40 s)" } else { "" };
            format!("the customer message of {to} got the same AI reply at {first} and again {gap} s later ({window}{retry})")
        })
        .collect();
    Ok(Outcome::fail(lines.join("; ")))
}

check! {
    pub static INTEGRATIONS {
        symptom: GorgiasSymptom::Duplicates,
        cause: "integrations",
        title: "Only one active HTTP integration sends to OpenCX",
        looks_at: "The account's HTTP integrations with the OpenCX URL that are active: two of them deliver every event twice.",
        fix: "In Gorgias: Settings → Apps → HTTP integration → Manage: keep one OpenCX integration and delete (or deactivate) \
              the others.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PERMISSION],
        reads: [GorgiasHttpIntegrations],
        run: integrations,
    }
}

async fn integrations(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    let active: Vec<String> = found.current.iter().filter(|i| i.deactivated_datetime.is_none()).map(describe).collect();
    Ok(if active.len() > 1 {
        Outcome::fail(format!(
            "{} active integrations send to OpenCX, so every event arrives {} times: {}",
            active.len(),
            active.len(),
            active.join("; ")
        ))
    } else {
        Outcome::pass(format!("{} active integration(s) send to OpenCX", active.len()))
    })
}

check! {
    pub static RETRIES {
        symptom: GorgiasSymptom::Duplicates,
        cause: "retries",
        title: "Gorgias's retries (5 s timeout, retried at 10/20/40 s)",
        looks_at: "Gorgias gives a webhook 5 seconds, then retries a timed-out or failed delivery up to 3 times, 10, 20 and \
                   40 seconds later. With a ticket, the gaps between repeated AI replies are compared with those delays.",
        fix: "Repeats 10/20/40 s apart mean OpenCX answered a delivery after Gorgias's 5-second timeout: report the session id \
              and times to OpenCX support; there is no retry setting to change in Gorgias.",
        docs: Some("https://docs.gorgias.com/en-US/connect-external-apps-to-gorgias-and-create-sidebar-widgets-81822"),
        needs_target: false,
        requires: [],
        reads: [GorgiasTicket],
        run: retries,
    }
}

async fn retries(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let explain = "Gorgias retries a delivery that failed or took over 5 s up to 3 times (after 10, 20 and 40 s); OpenCX drops repeats within 1 hour";
    let Some(id) = cx.target.as_ref().and_then(Target::ticket) else {
        return Ok(Outcome::info(format!(
            "{explain}. Run with --ticket ID to compare a ticket's repeated replies with these delays."
        )));
    };
    let Ok(t) = cx.facts.gorgias()?.ticket(id).await else {
        return Ok(Outcome::info(explain));
    };
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    let retry_like: Vec<i64> = duplicate_replies(&t, ai)
        .iter()
        .map(|(_, a, b)| (*b - *a).num_seconds())
        .filter(|g| looks_like_retry(*g))
        .collect();
    Ok(if retry_like.is_empty() {
        Outcome::info(format!("{explain}; no repeat on this ticket matches those delays"))
    } else {
        Outcome::warn(format!("repeated AI replies {retry_like:?} s apart match Gorgias's retry delays: a delivery was retried after a timeout"))
    })
}
