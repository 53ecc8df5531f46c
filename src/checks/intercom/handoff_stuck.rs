//! Symptom `handoff-stuck`: a handoff note and the `opencx_handed_off` tag, but the
//! conversation is still assigned to the AI admin — a race between concurrent webhook events.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;

pub const HANDED_OFF_TAG: &str = "opencx_handed_off";

check! {
    pub static STILL_ASSIGNED {
        symptom: IntercomSymptom::HandoffStuck,
        cause: "still-assigned",
        title: "A handed-off conversation is no longer assigned to the AI admin",
        looks_at: "The tag opencx_handed_off on the conversation, and `admin_assignee_id`: tagged but still assigned to the \
                   AI admin means the unassignment lost a race with another webhook event.",
        fix: "Reassign the conversation by hand (to a teammate or the team inbox). This is a transient timing issue; if it \
              happens again, open an OpenCX support request with the session id (`doctor intercom --conversation ID` shows it).",
        docs: Some("https://docs.open.cx/integrations/intercom/troubleshooting"),
        needs_target: true,
        requires: [super::ai_silent::CONVERSATION],
        reads: [IntercomConversation],
        run: still_assigned,
    }
}

async fn still_assigned(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let c = conversation(&cx).await?;
    let tagged = c.has_tag(HANDED_OFF_TAG);
    Ok(match (tagged, c.admin_assignee() == Some(ai.as_str())) {
        (true, true) => Outcome::fail(format!(
            "the conversation is tagged {HANDED_OFF_TAG} but is still assigned to the AI admin {ai}"
        )),
        (true, false) => {
            Outcome::pass(format!("handed off and reassigned (admin {})", c.admin_assignee().unwrap_or("none")))
        }
        (false, _) => Outcome::pass(format!("not handed off (no {HANDED_OFF_TAG} tag)")),
    })
}
