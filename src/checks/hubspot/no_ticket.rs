//! Symptom `no-ticket` (a handoff creates no HubSpot ticket): the conversation did not start on
//! a channel HubSpot owns, the contact has no email, ticket creation is off in OpenCX.

use std::sync::Arc;

use super::thread;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");
/// An OpenCX temporary contact address (`temporary+…@instant.cx`).
fn is_temporary(email: &str) -> bool {
    email.strip_suffix(crate::vendors::opencx::TEMPORARY_EMAIL_DOMAIN).is_some_and(|rest| rest.ends_with('@'))
}

const WORKFLOW_FIX: &str = "For conversations that start outside HubSpot (OpenCX email, widget, WhatsApp, SMS, phone), add \
    the create-hubspot-ticket-from-session action to the handoff in OpenCX: Workflows → your handoff workflow → Add action.";

check! {
    pub static CHANNEL {
        symptom: HubspotSymptom::NoTicket,
        cause: "channel",
        title: "The conversation started on a channel HubSpot owns",
        looks_at:
            "The OpenCX session's contact: mail to OpenCX's temporary+…@instant.cx address never reaches HubSpot, and \
                   sessions on OpenCX's own widget, WhatsApp, SMS or phone have no HubSpot thread to attach a ticket to.",
        fix: WORKFLOW_FIX,
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD, crate::checks::opencx::credentials::API_KEY],
        reads: [HubspotThread, SessionEvidence],
        run: channel,
    }
}

async fn channel(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = thread(&cx).await?;
    let evidence = cx.session_evidence().await?;
    let session = evidence.as_ref().and_then(|e| e.sessions.last().cloned());
    if let Some(email) = session.as_ref().and_then(|s| s.contact_email.clone()).filter(|e| is_temporary(e)) {
        return Ok(Outcome::fail(format!(
            "the session's contact is OpenCX's own address {email}: mail sent there never reaches HubSpot, so no ticket is created"
        )));
    }
    let channel = match t.original_channel_id.as_deref() {
        Some("1000") => "HubSpot chat",
        Some("1002") => "a HubSpot-connected inbox (email)",
        Some(_) => "a HubSpot channel",
        None => "HubSpot",
    };
    Ok(Outcome::pass(format!("the thread started on {channel}")))
}

check! {
    pub static CONTACT_EMAIL {
        symptom: HubspotSymptom::NoTicket,
        cause: "contact-email",
        title: "The thread's contact has an email address",
        looks_at:
            "The thread's associatedContactId, then GET /crm/v3/objects/contacts/{id}: HubSpot needs the contact's email \
                   to associate the handoff ticket.",
        fix: "In HubSpot: Contacts → the thread's contact → Email: add the customer's address (or have the AI ask for it \
              before handing off), so the handoff ticket can be associated.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD],
        reads: [HubspotThread, HubspotThreadContact],
        run: contact_email,
    }
}

async fn contact_email(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = thread(&cx).await?;
    let Some(id) = t.associated_contact_id.clone() else {
        return Ok(Outcome::fail("the thread has no contact yet (a visitor), so no ticket can be associated"));
    };
    match cx.facts.hubspot()?.contact(&id).await {
        Ok(c) => Ok(match c.properties.get("email").cloned().flatten().filter(|e| !e.is_empty()) {
            Some(email) => Outcome::pass(format!("contact {id} <{email}>")),
            None => Outcome::fail(format!("contact {id} has no email address")),
        }),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!(
            "the thread's contact {id} is not a CRM contact (a visitor id): there is no email to match"
        ))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static OFF_HUBSPOT_HANDOFFS {
        symptom: HubspotSymptom::NoTicket,
        cause: "off-hubspot-handoffs",
        title: "Recent handoffs started on channels HubSpot owns",
        looks_at:
            "OpenCX sessions handed off in the last 24 hours (GET /chat/sessions?handed_off=true&created_after=…): a \
                   session with no helpdesk link (ticketing_system) started on OpenCX's own email, widget, WhatsApp, SMS \
                   or phone, so HubSpot never sees it and creates no ticket for its handoff.",
        fix: WORKFLOW_FIX,
        docs: DOCS,
        needs_target: false,
        requires: [crate::checks::opencx::credentials::API_KEY],
        reads: [],
        run: off_hubspot_handoffs,
    }
}

/// Does a session belong to no helpdesk conversation (it started on one of OpenCX's own channels)?
fn off_helpdesk(s: &crate::vendors::opencx::Session) -> bool {
    let linked = s.ticketing_system.as_ref().is_some_and(|t| t.name.is_some() || t.external_id.is_some());
    let instant = s.contact.as_ref().and_then(|c| c.email.as_deref()).is_some_and(is_temporary);
    !linked || instant
}

async fn off_hubspot_handoffs(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let since = cx.now - chrono::Duration::hours(24);
    let listing = cx.facts.opencx()?.handed_off_since(since).await?;
    let (sessions, truncated) = &*listing;
    let at_least = if *truncated { "at least " } else { "" };
    let off: Vec<String> = sessions
        .iter()
        .filter(|s| off_helpdesk(s))
        .map(|s| {
            format!(
                "{} (channel {}, created {})",
                s.id,
                s.channel.as_ref().and_then(|c| c.kind.as_deref()).unwrap_or("unknown"),
                s.created_at.as_deref().unwrap_or("?")
            )
        })
        .collect();
    Ok(match (sessions.len(), off.len()) {
        (0, _) => Outcome::info("no OpenCX session was handed off in the last 24 hours, so there is nothing to compare"),
        (n, 0) => Outcome::pass(format!(
            "{at_least}{n} session(s) handed off in the last 24 hours, each linked to a helpdesk conversation"
        )),
        (n, _) => Outcome::warn(format!(
            "{at_least}{} of {n} session(s) handed off in the last 24 hours started outside HubSpot and can never get a \
             HubSpot ticket on their own: {}",
            off.len(),
            off.join(", ")
        )),
    })
}

check! {
    pub static TICKET_CREATION {
        symptom: HubspotSymptom::NoTicket,
        cause: "ticket-creation",
        title: "Ticket creation is enabled in OpenCX (not readable through any API)",
        looks_at: "Nothing: OpenCX can disable HubSpot ticket creation per organisation, and no API shows it.",
        fix: "Ask your OpenCX admin (or OpenCX support) whether HubSpot ticket creation is enabled for your organisation.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("whether OpenCX creates HubSpot tickets cannot be read through its API")) },
    }
}

check! {
    pub static TICKET_LINKED {
        symptom: HubspotSymptom::NoTicket,
        cause: "ticket-linked",
        title: "A handed-off thread has its ticket",
        looks_at:
            "The session's handoff and the thread's threadAssociations.associatedTicketId: a handoff with no ticket on \
                   the thread is this symptom.",
        fix: WORKFLOW_FIX,
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD, crate::checks::opencx::credentials::API_KEY],
        reads: [HubspotThread, SessionEvidence],
        run: ticket_linked,
    }
}

async fn ticket_linked(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = thread(&cx).await?;
    let evidence = cx.session_evidence().await?;
    let sessions = evidence.as_ref().map(|e| e.sessions.clone()).unwrap_or_default();
    let handed: Vec<&str> = sessions.iter().filter(|s| s.is_handed_off()).map(|s| s.id.as_str()).collect();
    let ticket = t.thread_associations.as_ref().and_then(|a| a.associated_ticket_id.clone());
    Ok(match (sessions.is_empty(), handed.is_empty(), ticket) {
        (_, _, Some(ticket)) => Outcome::pass(format!("ticket {ticket} is associated with the thread")),
        (_, false, None) => {
            Outcome::fail(format!("session {} was handed off, but the thread has no ticket", handed.join(", ")))
        }
        // Without a session, whether a handoff happened (and so a ticket is due) is unknown.
        (true, _, None) => Outcome::info(
            "the thread has no ticket and no OpenCX session was found for it, so whether a ticket is due is not known",
        )
        .with_fix("See opencx.session.found; once the thread's session is found, this check can tell."),
        (false, true, None) => Outcome::pass(format!(
            "session {} was not handed off, so no ticket is expected yet",
            sessions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
        )),
    })
}
