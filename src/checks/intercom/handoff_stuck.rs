//! Symptom `handoff-stuck`: a handoff note and the `opencx_handed_off` tag, but the
//! conversation is still assigned to the AI admin — a race between concurrent webhook events.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;
use crate::vendors::intercom::Conversation;

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
    Ok(stuck_verdict(&c, &ai))
}

/// The decision of `still_assigned`, on the conversation and the AI admin's id.
fn stuck_verdict(c: &Conversation, ai: &str) -> Outcome {
    match (c.has_tag(HANDED_OFF_TAG), c.admin_assignee() == Some(ai)) {
        (true, true) => Outcome::fail(format!(
            "the conversation is tagged {HANDED_OFF_TAG} but is still assigned to the AI admin {ai}"
        )),
        (true, false) => {
            Outcome::pass(format!("handed off and reassigned (admin {})", c.admin_assignee().unwrap_or("none")))
        }
        (false, _) => Outcome::pass(format!("not handed off (no {HANDED_OFF_TAG} tag)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Status;
    use serde_json::json;

    fn conversation(assignee: Option<&str>, tags: &[&str]) -> Conversation {
        serde_json::from_value(json!({
            "type": "conversation", "id": "215", "admin_assignee_id": assignee,
            "tags": {"type": "tag.list", "tags": tags.iter().map(|t| json!({"type": "tag", "id": "1", "name": t})).collect::<Vec<_>>()}
        }))
        .expect("an Intercom conversation")
    }

    #[test]
    fn a_handed_off_conversation_still_with_the_ai_fails() {
        assert_eq!(stuck_verdict(&conversation(Some("7"), &[HANDED_OFF_TAG]), "7").status, Status::Fail);
        assert_eq!(stuck_verdict(&conversation(Some("8"), &[HANDED_OFF_TAG]), "7").status, Status::Pass);
        let untagged = stuck_verdict(&conversation(Some("7"), &["vip"]), "7");
        assert_eq!(untagged.status, Status::Pass);
        assert!(untagged.detail.contains("not handed off"), "{}", untagged.detail);
    }
}
