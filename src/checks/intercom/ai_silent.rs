//! Symptom `ai-silent` (the AI does not reply on a conversation): OpenCX answers only
//! customer-initiated conversations assigned to the AI admin — after an explicit assignment
//! event when "Process on assignment" is on — and only while Autopilot is on for the channel.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/troubleshooting");

check! {
    pub static CONVERSATION {
        symptom: IntercomSymptom::AiSilent,
        cause: "conversation",
        title: "The conversation exists",
        looks_at: "GET /conversations/{id}: 404 means no such conversation in this workspace.",
        fix: "Intercom: Inbox → the conversation: its id is the number at the end of the URL. Check it and that the \
              token belongs to the same workspace.",
        docs: None,
        needs_target: true,
        requires: [super::credentials::PLAN],
        reads: [IntercomConversation],
        run: exists,
    }
}

async fn exists(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = super::conversation_id(&cx)?;
    match cx.facts.intercom()?.conversation(id).await {
        Ok(c) => Ok(Outcome::pass(format!(
            "conversation {id}: {}, {} part(s)",
            c.state.as_deref().unwrap_or("state unknown"),
            c.parts().len()
        ))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("Intercom has no conversation {id} ({e})"))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static AI_ADMIN {
        symptom: IntercomSymptom::AiSilent,
        cause: "ai-admin",
        title: "The AI Admin ID is an Intercom teammate",
        looks_at: "GET /admins/{AI Admin ID}: 404 means no such teammate. Away mode with reassignment would reroute \
                   conversations assigned to it.",
        fix: "In Intercom: Settings → Teammates → the AI teammate: its id is the last part of its profile URL. Enter it as AI \
              Admin ID in OpenCX (Settings → Integrations → Intercom) and in the profile (DOCTOR_INTERCOM_AI_ADMIN_ID).",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PLAN],
        reads: [IntercomAiAdmin],
        run: ai_admin,
    }
}

async fn ai_admin(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    match cx.facts.intercom()?.admin(&id).await {
        Ok(a) if a.away_mode_enabled == Some(true) && a.away_mode_reassign == Some(true) => Ok(Outcome::warn(format!(
            "admin {id} ({}) is away with reassignment on: conversations assigned to the AI are moved to the default inbox",
            a.name.as_deref().unwrap_or("?")
        ))
        .with_fix("In Intercom: switch the AI teammate's away mode off (its avatar → Away mode).")),
        Ok(a) => Ok(Outcome::pass(format!("admin {id}: {}", a.name.as_deref().unwrap_or("?")))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("Intercom has no admin {id}: the AI Admin ID is wrong"))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static ASSIGNED {
        symptom: IntercomSymptom::AiSilent,
        cause: "assigned",
        title: "The conversation is assigned to the AI admin",
        looks_at: "`admin_assignee_id` (an integer, compared as text with the admin id string; 0 or null means unassigned).",
        fix: "Assign the conversation to the AI teammate, and make the Intercom assignment rule (Settings → Inbox → Assignment \
              rules / Workflows) assign new conversations to it.",
        docs: DOCS,
        needs_target: true,
        requires: [CONVERSATION],
        reads: [IntercomConversation],
        run: assigned,
    }
}

async fn assigned(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let c = conversation(&cx).await?;
    Ok(match c.admin_assignee() {
        Some(id) if id == ai => Outcome::pass(format!("assigned to the AI admin {ai}")),
        Some(id) => Outcome::fail(format!("assigned to admin {id}, not to the AI admin {ai}")),
        None => Outcome::fail(format!(
            "assigned to no admin{}: OpenCX only answers conversations assigned to the AI admin {ai}",
            c.team_assignee_id.as_deref().filter(|t| *t != "0").map(|t| format!(" (team {t})")).unwrap_or_default()
        )),
    })
}

check! {
    pub static ASSIGNMENT_EVENT {
        symptom: IntercomSymptom::AiSilent,
        cause: "assignment-event",
        title: "With Process on assignment, an assignment to the AI admin happened",
        looks_at:
            "When OpenCX's 'Process on assignment' is on (DOCTOR_INTERCOM_PROCESS_ON_ASSIGNMENT), the AI waits for an \
                   explicit assignment event: the conversation's parts must include an assignment to the AI admin.",
        fix:
            "Make an Intercom assignment rule or workflow assign new conversations to the AI teammate (Settings → Inbox → \
              Assignment rules), or turn 'Process on assignment' off in OpenCX (Settings → Integrations → Intercom).",
        docs: DOCS,
        needs_target: true,
        requires: [CONVERSATION],
        reads: [IntercomConversation],
        run: assignment_event,
    }
}

async fn assignment_event(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let Some(on) = cx.settings.flag(&fields::intercom::PROCESS_ON_ASSIGNMENT) else {
        return Ok(Outcome::info("the profile does not say whether Process on assignment is on")
            .with_fix("Look in OpenCX: Settings → Integrations → Intercom → Process on assignment, and set DOCTOR_INTERCOM_PROCESS_ON_ASSIGNMENT."));
    };
    if !on {
        return Ok(Outcome::pass("Process on assignment is off: no assignment event is needed"));
    }
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let c = conversation(&cx).await?;
    let assigned = c.parts().iter().any(|p| {
        p.part_type.as_deref().is_some_and(|t| t.starts_with("assign"))
            && p.assigned_to.as_ref().and_then(|a| a.id.as_deref()) == Some(ai.as_str())
    });
    Ok(if assigned {
        Outcome::pass(format!("the conversation was assigned to the AI admin {ai}"))
    } else {
        Outcome::fail(format!(
            "Process on assignment is on, but no part of the conversation assigns it to the AI admin {ai}: the AI is still waiting for that event"
        ))
    })
}

check! {
    pub static CUSTOMER_INITIATED {
        symptom: IntercomSymptom::AiSilent,
        cause: "customer-initiated",
        title: "The conversation was started by the customer",
        looks_at: "`source.delivered_as` must be customer_initiated (not an outbound message, campaign or bot) and \
                   `source.author.type` a contact (user or lead). OpenCX skips the others.",
        fix: "OpenCX answers only conversations the customer starts. This one came from an outbound message, campaign or \
              bot (Intercom: Outbound → Messages, or Workflows): have a teammate answer it; the AI answers the next \
              conversation the customer starts from Messenger or email.",
        docs: DOCS,
        needs_target: true,
        requires: [CONVERSATION],
        reads: [IntercomConversation],
        run: customer_initiated,
    }
}

async fn customer_initiated(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let c = conversation(&cx).await?;
    let source = c.source.clone().unwrap_or_default();
    let delivered = source.delivered_as.as_deref().unwrap_or("unknown");
    let author = source.author.as_ref().and_then(|a| a.kind.as_deref()).unwrap_or("unknown");
    Ok(if delivered == "customer_initiated" && matches!(author, "user" | "lead" | "contact") {
        Outcome::pass(format!("customer_initiated by a {author}"))
    } else {
        Outcome::fail(format!("the conversation was delivered as '{delivered}' by a '{author}': OpenCX skips conversations the customer did not start"))
    })
}

check! {
    pub static AUTOPILOT {
        symptom: IntercomSymptom::AiSilent,
        cause: "autopilot",
        title: "Autopilot is on for the channel (not readable through any API)",
        looks_at: "Nothing: OpenCX has no API for the Autopilot switch.",
        fix: "In OpenCX: AI Agent → Autopilot: check that it is on for the conversation's channel (Web or Email). Web \
              conversations are picked up about 4 s after the first message, email about 30 s.",
        docs: Some("https://docs.open.cx/how-opencx-works"),
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("Autopilot's on/off state cannot be read through OpenCX's API")) },
    }
}
