//! Symptom `ai-silent` (the AI does not reply on a ticket): OpenCX answers only customer
//! messages on tickets assigned to the AI user whose sender is the ticket's customer, and only
//! while Autopilot is on. A session, if there is one, shows what the AI decided.

use std::sync::Arc;

use super::{is_internal, messages, ticket};
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::http::ErrorKind;
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/troubleshooting");

check! {
    pub static TICKET {
        symptom: GorgiasSymptom::AiSilent,
        cause: "ticket",
        title: "The ticket exists",
        looks_at: "GET /api/tickets/{id}: 404 means no such ticket (or it was deleted); a redirect means it was merged into another.",
        fix: "In Gorgias: Tickets → search → the ticket: its id ends the URL (…/app/ticket/ID). For a merged ticket, run `doctor gorgias --ticket ID` with the ticket it was merged into.",
        docs: None,
        needs_target: true,
        requires: [super::credentials::PERMISSION],
        reads: [GorgiasTicket],
        run: ticket_exists,
    }
}

async fn ticket_exists(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = super::ticket_id(&cx)?;
    match cx.facts.gorgias()?.ticket(id).await {
        Ok(t) => Ok(Outcome::pass(format!(
            "ticket {id}: {}, {} message(s), customer {}",
            t.status.as_deref().unwrap_or("status unknown"),
            t.messages.len(),
            t.customer.as_ref().and_then(|c| c.email.as_deref()).unwrap_or("without email")
        ))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("Gorgias has no ticket {id} ({e})"))),
        Err(e) => match &e.kind {
            ErrorKind::Redirect { location, .. } => {
                Ok(Outcome::fail(format!("ticket {id} was merged: Gorgias redirects to {location}")))
            }
            _ => Err(e.into()),
        },
    }
}

check! {
    pub static AI_USER {
        symptom: GorgiasSymptom::AiSilent,
        cause: "ai-user",
        title: "The Default User ID is an active Gorgias user",
        looks_at: "GET /api/users/{Default User ID}: 404 means no such user; `active: false` or a `deactivated_datetime` \
                   means the AI's user was deactivated. OpenCX only processes tickets assigned to this user.",
        fix: "In Gorgias: Settings → Users & access: find (or re-activate) the AI's user and copy its id from the URL; enter it \
              as the Default User ID in OpenCX (Settings → Integrations → Gorgias → Test & Save) and in the profile \
              (DOCTOR_GORGIAS_AI_USER_ID).",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PERMISSION],
        reads: [GorgiasAiUser],
        run: ai_user,
    }
}

async fn ai_user(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = cx.id_setting(&fields::gorgias::AI_USER_ID)?;
    match cx.facts.gorgias()?.user(id).await {
        Ok(user) if user.active == Some(false) || user.deactivated_datetime.is_some() => Ok(Outcome::fail(format!(
            "user {id} ({}) is deactivated{}",
            user.name.as_deref().unwrap_or("?"),
            user.deactivated_datetime.as_deref().map(|t| format!(" since {t}")).unwrap_or_default()
        ))),
        Ok(user) => Ok(Outcome::pass(format!(
            "user {id}: {} <{}>",
            user.name.as_deref().unwrap_or("?"),
            user.email.as_deref().unwrap_or("no email")
        ))),
        Err(e) if e.is_not_found() => {
            Ok(Outcome::fail(format!("Gorgias has no user {id}: the Default User ID is wrong")))
        }
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static ASSIGNED {
        symptom: GorgiasSymptom::AiSilent,
        cause: "assigned",
        title: "The ticket is assigned to the AI user",
        looks_at: "`assignee_user.id` of the ticket against the Default User ID. OpenCX ignores messages on tickets assigned \
                   to anyone else (or to no one).",
        fix: "Assign the ticket to the AI user, and make the Gorgias rule that assigns new tickets use it: Gorgias → Settings \
              → Rules → your assignment rule → action 'Assign to user' = the AI user (its id is the Default User ID set in OpenCX).",
        docs: DOCS,
        needs_target: true,
        requires: [TICKET],
        reads: [GorgiasTicket],
        run: assigned,
    }
}

async fn assigned(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.id_setting(&fields::gorgias::AI_USER_ID)?;
    let t = ticket(&cx).await?;
    Ok(match &t.assignee_user {
        Some(u) if u.id == Some(ai) => Outcome::pass(format!("assigned to the AI user {ai}")),
        Some(u) => Outcome::fail(format!(
            "ticket {} is assigned to {} (user {}), not to the AI user {ai}",
            t.id,
            u.name.as_deref().or(u.email.as_deref()).unwrap_or("someone"),
            u.id.map(|i| i.to_string()).unwrap_or_else(|| "?".into())
        )),
        None => Outcome::fail(format!(
            "ticket {} is assigned to no user{}: OpenCX only answers tickets assigned to the AI user {ai}",
            t.id,
            t.assignee_team
                .as_ref()
                .and_then(|team| team.name.as_deref())
                .map(|n| format!(" (team {n})"))
                .unwrap_or_default()
        )),
    })
}

check! {
    pub static LAST_MESSAGE {
        symptom: GorgiasSymptom::AiSilent,
        cause: "last-message",
        title: "The last message is a public message from the ticket's customer",
        looks_at:
            "The ticket's newest message (deleted ones ignored): it must be incoming (`from_agent: false`), public (not \
                   an internal note), and its sender's email must be the ticket customer's. OpenCX skips agent replies, \
                   internal notes and messages from anyone but the customer.",
        fix: "Nothing is wrong with the integration if the last message is from an agent or an internal note: OpenCX only \
              answers the customer. If the customer wrote from another address, merge the customers in Gorgias (customer \
              profile → Merge) so the sender matches the ticket's customer.",
        docs: DOCS,
        needs_target: true,
        requires: [TICKET],
        reads: [GorgiasTicket],
        run: last_message,
    }
}

async fn last_message(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = ticket(&cx).await?;
    let list = messages(&t);
    let Some(last) = list.last() else {
        return Ok(Outcome::info("the ticket has no messages").with_fix("Wait for the customer's first message."));
    };
    // The message is named: its id, author and time, so the person can find it on the ticket.
    let at = format!(
        "message {}, {}",
        last.id.map(|i| i.to_string()).unwrap_or_else(|| "without an id".into()),
        last.created_datetime.as_deref().unwrap_or("time unknown")
    );
    let sender = last.sender.as_ref().and_then(|s| s.email.clone()).unwrap_or_default();
    let customer = t.customer.as_ref().and_then(|c| c.email.clone()).unwrap_or_default();
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    Ok(if super::duplicates::is_ai_reply(last, ai) {
        Outcome::pass(format!("the last message ({at}) is the AI's own reply: the AI answered this ticket"))
    } else if is_internal(last) {
        Outcome::fail(format!(
            "the last message ({at}, by {}) is an internal note: OpenCX ignores internal notes",
            if sender.is_empty() { "an agent".to_string() } else { sender.clone() }
        ))
    } else if last.from_agent == Some(true) {
        Outcome::fail(format!(
            "the last message ({at}) was sent by the company ({}), not the customer: there is nothing for the AI to answer",
            if sender.is_empty() { "an agent or rule".to_string() } else { sender }
        ))
    } else if !customer.is_empty() && !sender.is_empty() && !sender.eq_ignore_ascii_case(&customer) {
        Outcome::fail(format!(
            "the last message ({at}) came from {sender}, but the ticket's customer is {customer}: OpenCX answers only the customer's own messages"
        ))
    } else {
        Outcome::pass(format!("customer message from {sender} at {at}"))
    })
}

check! {
    pub static AUTOPILOT {
        symptom: GorgiasSymptom::AiSilent,
        cause: "autopilot",
        title: "Autopilot is on for the channel (not readable through any API)",
        looks_at: "Nothing: OpenCX has no API for the Autopilot switch. This line says where to look.",
        fix: "In OpenCX: AI Agent → Autopilot: check that Autopilot is on for the ticket's channel (e.g. Email), and that the \
              topic is not excluded. When it is off, every message goes to the team inbox.",
        docs: Some("https://docs.open.cx/how-opencx-works"),
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("Autopilot's on/off state cannot be read through OpenCX's API")) },
    }
}

check! {
    pub static SESSION {
        symptom: GorgiasSymptom::AiSilent,
        cause: "session",
        title: "What the AI decided (the ticket's OpenCX session)",
        looks_at:
            "The OpenCX session of the ticket: if there is one, the webhook works and the AI chose not to reply (its \
                   last events and handoff reasons say why); if there is none, the message never reached OpenCX.",
        fix:
            "With a session: open it in the OpenCX inbox to read the AI's reasoning and tool calls. Without one: check the \
              webhook (`doctor gorgias webhook`) and the assignment above.",
        docs: DOCS,
        needs_target: true,
        requires: [TICKET, crate::checks::opencx::credentials::API_KEY],
        reads: [SessionEvidence],
        run: session,
    }
}

async fn session(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match super::ticket_sessions(&cx).await? {
        Ok(evidence) => evidence,
        Err(outcome) => return Ok(outcome),
    };
    let Some(s) = evidence.sessions.last() else {
        return Ok(Outcome::warn(
            "no OpenCX session for this ticket: the customer's message never reached OpenCX, or was skipped before a session was created",
        ));
    };
    let last = match (&s.history_skipped, s.timeline.last()) {
        (Some(skipped), _) => skipped.clone(),
        (None, Some(e)) => format!("{} at {}", e.what, e.at),
        (None, None) => "no events".into(),
    };
    let why = if s.is_handed_off() {
        format!(
            "the AI handed off{}{}",
            if s.handoff_reasons.is_empty() { String::new() } else { format!(" ({})", s.handoff_reasons.join(", ")) },
            s.handoff_explanation.as_deref().map(|e| format!(": {e}")).unwrap_or_default()
        )
    } else if s.history_skipped.is_some() {
        "the session list shows no handoff".to_string()
    } else if s.timeline.last().is_some_and(|e| e.what == "AI reply") {
        "the AI replied; if the reply is not in Gorgias, check the ticket for a failed message".to_string()
    } else {
        "the AI has not replied to the last event".to_string()
    };
    Ok(Outcome::info(format!("session {} exists, so the webhook works; last event: {last}; {why}", s.id)))
}
