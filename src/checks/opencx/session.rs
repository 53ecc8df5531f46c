//! The OpenCX session behind the helpdesk object (or the one named by `doctor session ID`):
//! whether it exists, whether there is more than one, whether the AI went on after a handoff,
//! and whether the evidence is complete. Integration checks reuse the same evidence.

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::SessionView;
use crate::facts::SessionEvidence;
use crate::integration::Integration;
use crate::symptom::OpencxSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/api-reference/chat-sessions/list");

/// The evidence of the run's target; every check here needs a target, so `None` cannot happen
/// past the runner's target gate, but it is answered plainly anyway.
async fn evidence(cx: &Ctx) -> Result<Result<Arc<SessionEvidence>, Outcome>, CheckError> {
    match cx.session_evidence().await {
        Ok(Some(evidence)) => Ok(Ok(evidence)),
        Ok(None) => Ok(Err(Outcome::info("the helpdesk object has no timestamps to search OpenCX sessions by")
            .with_fix(
                "Open the conversation in the OpenCX inbox (Inbox → search the customer's email) to find its session.",
            ))),
        Err(CheckError::Api(e)) if cx.target.as_ref().is_some_and(|t| t.session().is_some()) && e.is_not_found() => {
            Ok(Err(Outcome::fail(format!("OpenCX has no session with this id ({e})"))
                .with_fix("Copy the session id again from the OpenCX inbox (the session's URL ends with it).")))
        }
        Err(e) => Err(e),
    }
}

/// "Gorgias ticket 1042", "session 5e0c…": the object the run was pointed at.
fn object_name(cx: &Ctx) -> String {
    let id = cx.target.as_ref().map(|t| t.id()).unwrap_or_default();
    match cx.integration {
        Integration::Opencx => format!("session {id}"),
        helpdesk => format!("{} {} {id}", helpdesk.name(), helpdesk.object_name()),
    }
}

fn webhook_fix(integration: Integration) -> String {
    match integration {
        Integration::Opencx => "Check the helpdesk's webhook symptom (`doctor gorgias webhook`, `doctor intercom webhook`, `doctor hubspot webhook`).".into(),
        other => format!(
            "If the customer wrote recently and the conversation is assigned to the AI, the webhook deliveries are not arriving or the message was skipped: run `doctor {} webhook` and `doctor {} ai-silent` with the same id.",
            other.slug(),
            other.slug()
        ),
    }
}

fn no_session() -> Outcome {
    Outcome::skip("no OpenCX session to examine (see opencx.session.found)")
        .with_fix("Once a session exists for the helpdesk object, this check can run.")
}

pub fn one_line(s: &SessionView) -> String {
    format!(
        "session {} ({}{}{}, created {})",
        s.id,
        s.status.as_deref().unwrap_or("status unknown"),
        s.ai_closure_type.as_deref().map(|c| format!(", {c}")).unwrap_or_default(),
        s.channel.as_deref().map(|c| format!(", channel {c}")).unwrap_or_default(),
        s.created_at.as_deref().unwrap_or("?")
    )
}

check! {
    pub static FOUND {
        symptom: OpencxSymptom::Session,
        cause: "found",
        title: "An OpenCX session exists for the helpdesk object",
        looks_at: "OpenCX cannot look a session up by helpdesk id, so this lists the sessions created when one can start: \
                   from 2 minutes before to 5 minutes after the customer's first message (and after any message that came \
                   once the 24-hour lock had expired), with POST /chat/sessions/filter in pages of 100, and matches \
                   ticketing_system.external_id and .name; when that finds nothing it searches /chat/sessions/search \
                   for the customer's email. A session proves the webhook reached OpenCX; a window holding more than \
                   three pages is an error, never \"no session\".",
        fix:
            "No OpenCX session means the AI never saw the message: run `doctor <helpdesk> webhook` and `doctor <helpdesk> \
              ai-silent` with the same id; they say whether deliveries or the assignment are at fault.",
        docs: DOCS,
        needs_target: true,
        requires: [super::credentials::API_KEY],
        reads: [SessionEvidence],
        run: found,
    }
}

async fn found(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match evidence(&cx).await? {
        Ok(e) => e,
        Err(outcome) => return Ok(outcome),
    };
    let lookup = &evidence.lookup;
    let how = match lookup.method {
        "id" => "by id".to_string(),
        "search" => format!("through the customer's email ({} requests)", lookup.requests),
        _ => format!(
            "in the time window ({} session(s) scanned in {} request(s){})",
            lookup.scanned,
            lookup.requests,
            if lookup.truncated { ", stopped at the page limit" } else { "" }
        ),
    };
    match evidence.sessions.as_slice() {
        [] => {
            let windows = lookup
                .windows
                .iter()
                .map(|w| format!("{} to {}", w.created_after, w.created_before))
                .collect::<Vec<_>>()
                .join(" and ");
            let window = if windows.is_empty() { String::new() } else { format!(" created {windows}") };
            let search = if lookup.email_searched {
                ", and the search for the customer's email found none"
            } else {
                " (the helpdesk object names no customer email to search for)"
            };
            Ok(Outcome::warn(format!(
                "no OpenCX session for {}: none of the {} session(s){window} names it{search}",
                object_name(&cx),
                lookup.scanned
            ))
            .with_fix(webhook_fix(cx.integration)))
        }
        sessions => Ok(Outcome::pass(format!(
            "{} found {how}: the webhook reached OpenCX and the AI chose its action{}",
            sessions.iter().map(one_line).collect::<Vec<_>>().join("; "),
            sessions
                .first()
                .and_then(|s| s.handoff_summary.as_deref())
                .map(|h| format!(" (handoff: \"{h}\")"))
                .unwrap_or_default()
        ))),
    }
}

check! {
    pub static SINGLE {
        symptom: OpencxSymptom::Session,
        cause: "single",
        title: "One OpenCX session per helpdesk object",
        looks_at: "How many sessions the lookup matched. Two sessions for one ticket mean the 24-hour ticket lock expired (a \
                   customer wrote again a day later) or every event was delivered twice.",
        fix: "Report both session ids to OpenCX support with the helpdesk id. If the sessions started minutes apart, look for \
              a second webhook/HTTP integration pointing at OpenCX (the duplicates symptom checks it).",
        docs: DOCS,
        needs_target: true,
        requires: [FOUND],
        reads: [SessionEvidence],
        run: single,
    }
}

async fn single(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match evidence(&cx).await? {
        Ok(e) if e.sessions.is_empty() => return Ok(no_session()),
        Ok(e) => e,
        Err(outcome) => return Ok(outcome),
    };
    Ok(match evidence.sessions.len() {
        0 | 1 => Outcome::pass(format!("{} session(s)", evidence.sessions.len())),
        n => Outcome::warn(format!(
            "{n} OpenCX sessions for {}: {}",
            object_name(&cx),
            evidence.sessions.iter().map(one_line).collect::<Vec<_>>().join("; ")
        )),
    })
}

check! {
    pub static HANDOFF_RESPECTED {
        symptom: OpencxSymptom::Session,
        cause: "handoff-respected",
        title: "No AI message after the handoff",
        looks_at:
            "The session history: the time of the handoff event, and any AI reply after it. After a handoff the AI must \
                   stay silent, even while the ticket is still assigned to the AI user.",
        fix:
            "AI replies after a handoff are an OpenCX-side fault: send OpenCX support the session id and the times this check reports. \
              Meanwhile reassign the ticket to a human so the AI user no longer owns it.",
        docs: Some("https://docs.open.cx/integrations/gorgias/ticket-flow"),
        needs_target: true,
        requires: [FOUND],
        reads: [SessionEvidence],
        run: handoff_respected,
    }
}

async fn handoff_respected(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match evidence(&cx).await? {
        Ok(e) if e.sessions.is_empty() => return Ok(no_session()),
        Ok(e) => e,
        Err(outcome) => return Ok(outcome),
    };
    let offenders: Vec<String> = evidence
        .sessions
        .iter()
        .filter(|s| !s.ai_after_handoff.is_empty())
        .map(|s| {
            format!(
                "session {} was handed off at {} and the AI replied {} time(s) after, last at {}",
                s.id,
                s.handed_off_at.as_deref().unwrap_or("?"),
                s.ai_after_handoff.len(),
                s.ai_after_handoff.last().map(|e| e.at.as_str()).unwrap_or("?")
            )
        })
        .collect();
    if !offenders.is_empty() {
        return Ok(Outcome::fail(offenders.join("; ")));
    }
    let handed: Vec<&SessionView> = evidence.sessions.iter().filter(|s| s.is_handed_off()).collect();
    let untimed: Vec<&str> = handed.iter().filter(|s| s.handed_off_at.is_none()).map(|s| s.id.as_str()).collect();
    Ok(match handed.as_slice() {
        [] => Outcome::info(format!(
            "session {} was not handed off, so there is no handoff to respect",
            evidence.sessions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
        // Without the handoff's time, "no AI message after it" cannot be known.
        _ if !untimed.is_empty() => Outcome::info(format!(
            "session {} is marked handed off, but no timed handoff event is in the history read: whether the AI \
             replied after it cannot be told",
            untimed.join(", ")
        ))
        .with_fix("Open the session in the OpenCX inbox and compare the handoff time with the AI messages."),
        sessions => Outcome::pass(format!(
            "{}; no AI message after it",
            sessions
                .iter()
                .map(|s| format!("session {} handed off at {}", s.id, s.handed_off_at.as_deref().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    })
}

check! {
    pub static EVIDENCE_COMPLETE {
        symptom: OpencxSymptom::Session,
        cause: "evidence-complete",
        title: "The session's history and handoff reasons can be read",
        looks_at:
            "Whether /chat/sessions/{id}/history and /handoff-analytics/events answered for the session; a 403 names \
                   the scope the key lacks.",
        fix:
            "In OpenCX: Settings → Access → the key → Custom scopes: add chat-sessions:read and handoff-analytics:read (or \
              use a Full access key), so the doctor can show the timeline and the handoff reasons.",
        docs: Some("https://docs.open.cx/api-reference/authentication"),
        needs_target: true,
        requires: [FOUND],
        reads: [SessionEvidence],
        run: evidence_complete,
    }
}

async fn evidence_complete(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match evidence(&cx).await? {
        Ok(e) if e.sessions.is_empty() => return Ok(no_session()),
        Ok(e) => e,
        Err(outcome) => return Ok(outcome),
    };
    let missing: Vec<String> = evidence
        .sessions
        .iter()
        .flat_map(|s| s.missing.iter().map(move |m| format!("session {}: {m}", s.id)))
        .collect();
    let scope_missing = missing.iter().any(|m| m.contains("lacks the scope"));
    let skipped: Vec<&str> =
        evidence.sessions.iter().filter(|s| s.history_skipped.is_some()).map(|s| s.id.as_str()).collect();
    Ok(if missing.is_empty() && !skipped.is_empty() {
        Outcome::info(format!("session {}: {}", skipped.join(", "), crate::facts::session::HISTORY_SKIPPED))
            .with_fix("Run the doctor on this one object (--ticket, --conversation or --thread) to read its history.")
    } else if missing.is_empty() {
        Outcome::pass(format!("history read for {} session(s)", evidence.sessions.len()))
    } else if scope_missing {
        Outcome::warn(missing.join("; "))
    } else {
        Outcome::info(missing.join("; ")).with_fix("Open the session in the OpenCX inbox for the full conversation.")
    })
}
