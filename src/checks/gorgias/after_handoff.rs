//! Symptom `after-handoff` (the AI keeps replying after a handoff): the session was not marked
//! handed off, the AI replied after the handoff anyway, or a second session was opened for the
//! ticket once the 24-hour ticket lock expired.

use std::sync::Arc;

use super::duplicates::is_ai_reply;
use super::{messages, ticket};
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::parse_time;
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/troubleshooting");

check! {
    pub static SESSION_MARKED {
        symptom: GorgiasSymptom::AfterHandoff,
        cause: "session-marked",
        title: "The session was marked handed off when a human took over",
        looks_at: "The ticket's messages and its OpenCX session: when an agent has replied on the ticket (a human took \
                   over) and the AI replied after that, the session must show a handoff; if it does not, OpenCX never \
                   learned of the handoff.",
        fix: "Send OpenCX support the ticket id and session id: the session was not marked handed off. Meanwhile, assign the \
              ticket to the agent (away from the AI user) so OpenCX stops processing it.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::TICKET, crate::checks::opencx::credentials::API_KEY],
        reads: [GorgiasTicket, SessionEvidence],
        run: session_marked,
    }
}

async fn session_marked(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = ticket(&cx).await?;
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    let list = messages(&t);
    let human =
        list.iter().position(|m| m.from_agent == Some(true) && !is_ai_reply(m, ai) && m.via.as_deref() != Some("rule"));
    let ai_after = human.map(|i| list[i + 1..].iter().filter(|m| is_ai_reply(m, ai)).count()).unwrap_or(0);
    let evidence = match super::ticket_sessions(&cx).await? {
        Ok(evidence) => evidence,
        Err(outcome) => return Ok(outcome),
    };
    let Some(session) = evidence.sessions.last() else {
        return Ok(Outcome::skip("no OpenCX session for this ticket, so there is no handoff state to check")
            .with_fix("See opencx.session.found: once the ticket has a session, this check can run."));
    };
    Ok(match (human, session.is_handed_off()) {
        (_, true) => Outcome::pass(format!(
            "session {} is marked handed off{}",
            session.id,
            session.handed_off_at.as_deref().map(|t| format!(" at {t}")).unwrap_or_default()
        )),
        (Some(i), false) if ai_after > 0 => Outcome::fail(format!(
            "an agent replied at {} but session {} was never marked handed off, and the AI replied {ai_after} more time(s)",
            list[i].created_datetime.as_deref().unwrap_or("?"),
            session.id
        )),
        (Some(i), false) => Outcome::pass(format!(
            "an agent replied at {} and the AI did not reply after it (session {} not marked handed off)",
            list[i].created_datetime.as_deref().unwrap_or("?"),
            session.id
        )),
        (None, false) => {
            Outcome::pass(format!("no agent took over on the ticket, so session {} needs no handoff", session.id))
        }
    })
}

check! {
    pub static AI_AFTER_HANDOFF {
        symptom: GorgiasSymptom::AfterHandoff,
        cause: "ai-after-handoff",
        title: "No AI reply on the ticket after the handoff",
        looks_at: "The handoff time from the OpenCX session, and AI replies on the Gorgias ticket (or in the session's \
                   history) after it. After a handoff the AI must ignore the ticket even while it is assigned to the AI user.",
        fix: "This is an OpenCX-side fault: contact OpenCX support with the session id and the times this check reports. Meanwhile, \
              reassign the ticket to a human.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::TICKET, crate::checks::opencx::credentials::API_KEY],
        reads: [GorgiasTicket, SessionEvidence],
        run: ai_after_handoff,
    }
}

async fn ai_after_handoff(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = ticket(&cx).await?;
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    let evidence = match super::ticket_sessions(&cx).await? {
        Ok(evidence) => evidence,
        Err(outcome) => return Ok(outcome),
    };
    if evidence.sessions.is_empty() {
        return Ok(Outcome::skip("no OpenCX session for this ticket, so there is no handoff to compare with")
            .with_fix("See opencx.session.found: once the ticket has a session, this check can run."));
    }
    let handed: Vec<_> = evidence.sessions.iter().filter(|s| s.is_handed_off()).collect();
    if handed.is_empty() {
        return Ok(Outcome::info(format!(
            "session {} was not handed off, so no reply can come after a handoff",
            evidence.sessions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
        )));
    }
    let mut findings = Vec::new();
    let mut untimed = Vec::new();
    for s in handed.iter().copied() {
        let Some(at) = s.handed_off_at.as_deref().and_then(parse_time) else {
            untimed.push(s.id.clone());
            continue;
        };
        let in_gorgias: Vec<String> = t
            .messages
            .iter()
            .filter(|m| is_ai_reply(m, ai))
            .filter_map(|m| m.created_datetime.as_deref())
            .filter(|c| parse_time(c).is_some_and(|c| c > at))
            .map(str::to_string)
            .collect();
        let count = in_gorgias.len().max(s.ai_after_handoff.len());
        if count > 0 {
            let times = if in_gorgias.is_empty() {
                s.ai_after_handoff.iter().map(|e| e.at.clone()).collect::<Vec<_>>()
            } else {
                in_gorgias
            };
            findings.push(format!(
                "session {} handed off at {} and the AI replied {count} time(s) after: {}",
                s.id,
                at,
                times.join(", ")
            ));
        }
    }
    Ok(if !findings.is_empty() {
        Outcome::fail(findings.join("; "))
    } else if !untimed.is_empty() {
        // Without the handoff's time there is nothing to compare the replies with.
        Outcome::info(format!(
            "session {} is marked handed off, but the handoff event and its time are not in the history read, so \
             whether the AI replied after it cannot be told",
            untimed.join(", ")
        ))
        .with_fix(
            "Open the session in the OpenCX inbox and compare the handoff time with the AI replies on the ticket.",
        )
    } else {
        Outcome::pass(format!(
            "no AI reply after the handoff of session {}",
            handed
                .iter()
                .map(|s| format!("{} at {}", s.id, s.handed_off_at.as_deref().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

check! {
    pub static SECOND_SESSION {
        symptom: GorgiasSymptom::AfterHandoff,
        cause: "second-session",
        title: "No second OpenCX session was opened for the ticket",
        looks_at: "How many OpenCX sessions match the ticket. OpenCX locks a ticket to its session for 24 hours; a customer \
                   message after the lock expired opens a new session, which does not know about the earlier handoff.",
        fix: "Contact OpenCX support with the ticket id and both session ids this check reports. To stop the AI now, assign the ticket to a \
              human agent.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::TICKET, crate::checks::opencx::credentials::API_KEY],
        reads: [SessionEvidence],
        run: second_session,
    }
}

async fn second_session(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match super::ticket_sessions(&cx).await? {
        Ok(evidence) => evidence,
        Err(outcome) => return Ok(outcome),
    };
    Ok(match evidence.sessions.len() {
        0 => Outcome::skip("no OpenCX session for this ticket, so there is nothing to count")
            .with_fix("See opencx.session.found: once the ticket has a session, this check can run."),
        1 => Outcome::pass(format!(
            "one session for the ticket ({}), in {} window(s) in which the customer's messages could open one",
            evidence.sessions[0].id,
            evidence.lookup.windows.len().max(1)
        )),
        n => Outcome::fail(format!(
            "{n} sessions for one ticket (the 24-hour ticket lock expired, or the event was delivered twice): {}",
            evidence
                .sessions
                .iter()
                .map(|s| format!(
                    "{} created {}{}",
                    s.id,
                    s.created_at.as_deref().unwrap_or("?"),
                    if s.is_handed_off() { ", handed off" } else { "" }
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    })
}
