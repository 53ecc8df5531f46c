//! Symptom `assist` (Assist mode posts no drafts): Assist runs only on conversations owned by a
//! human, only where it is enabled for the channel and topic, and stays quiet when the AI judges
//! its draft unhelpful.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/assist-mode");
pub const ASSISTED_TAG: &str = "opencx_ai_assisted";

check! {
    pub static HUMAN_OWNED {
        symptom: IntercomSymptom::Assist,
        cause: "human-owned",
        title: "The conversation is owned by a human (Assist needs that)",
        looks_at: "`admin_assignee_id`: Assist drafts only on conversations assigned to a human teammate, never on those \
                   assigned to the AI admin (the AI answers those itself).",
        fix: "In Intercom: the conversation → Assign → a human teammate; Assist drafts appear as internal notes on their conversations.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::CONVERSATION],
        reads: [IntercomConversation],
        run: human_owned,
    }
}

async fn human_owned(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let c = conversation(&cx).await?;
    Ok(match c.admin_assignee() {
        // Expected behaviour, not a fault: the AI answers it itself.
        Some(id) if id == ai => Outcome::info(format!(
            "the conversation is assigned to the AI admin {ai}: the AI answers it itself, and Assist drafts appear only on human-owned conversations"
        )),
        Some(id) => Outcome::pass(format!("owned by admin {id}")),
        None => Outcome::warn("the conversation is unassigned: Assist runs on conversations owned by a human teammate")
            .with_fix("Assign it to a teammate."),
    })
}

check! {
    pub static CHANNEL {
        symptom: IntercomSymptom::Assist,
        cause: "channel",
        title: "Assist is enabled for the channel and the topic (not readable through any API)",
        looks_at: "Nothing: the Assist switches live in OpenCX's Autopilot settings.",
        fix: "In OpenCX: AI Agent → Autopilot → Assist: turn Assist on for the channel (Web or Email) and check the topic is \
              not on the no-assist list.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("Assist's per-channel switch and topic list cannot be read through OpenCX's API")) },
    }
}

check! {
    pub static DRAFT {
        symptom: IntercomSymptom::Assist,
        cause: "draft",
        title: "Whether the AI posted a draft, or judged it unhelpful",
        looks_at: "The tag opencx_ai_assisted on the conversation (a draft was posted) and the OpenCX session: a session \
                   without a draft means the AI judged its suggestion unhelpful and stayed quiet.",
        fix: "OpenCX: Inbox → the session: read why the AI stayed quiet; if it lacked knowledge, add it (OpenCX: Training → Knowledge).",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::CONVERSATION, crate::checks::opencx::credentials::API_KEY],
        reads: [IntercomConversation, SessionEvidence],
        run: draft,
    }
}

async fn draft(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let c = conversation(&cx).await?;
    let ai = cx.settings.get(&fields::intercom::AI_ADMIN_ID);
    if c.admin_assignee().is_some() && c.admin_assignee() == ai {
        return Ok(Outcome::info("the conversation is owned by the AI admin, so Assist does not draft on it"));
    }
    if c.has_tag(ASSISTED_TAG) {
        return Ok(Outcome::pass(format!("tagged {ASSISTED_TAG}: Assist posted a draft")));
    }
    let evidence = cx.session_evidence().await?;
    Ok(match evidence.as_ref().and_then(|e| e.sessions.last()) {
        Some(s) => Outcome::info(format!(
            "no draft tag, but session {} exists{}: the AI saw the conversation and chose not to post a draft",
            s.id,
            if s.assist_mode == Some(true) { " in Assist mode" } else { "" }
        )),
        None => Outcome::info(
            "no draft and no OpenCX session: the conversation never reached OpenCX (see the webhook symptom)",
        ),
    })
}
