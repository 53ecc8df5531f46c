//! Symptom `sender` (AI replies show as another user): expected behaviour, explained.

use std::sync::Arc;

use super::duplicates::is_ai_reply;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;
use crate::target::Target;

check! {
    pub static EXPECTED {
        symptom: GorgiasSymptom::Sender,
        cause: "expected",
        title: "AI replies are sent as \"AI Assistant\" (expected behaviour)",
        looks_at:
            "Nothing to fix: OpenCX posts replies through Gorgias's REST API, so they appear as API messages from \"AI \
                   Assistant\", not as the Default User. With a ticket, the senders of its AI replies are shown.",
        fix: "This is not a bug. To control what customers see, edit Gorgias's email templates and signatures (Settings → \
              Channels → Email → your address → Signature) and auto-reply settings.",
        docs: Some("https://docs.open.cx/integrations/gorgias/troubleshooting"),
        needs_target: false,
        requires: [],
        reads: [GorgiasTicket],
        run: expected,
    }
}

async fn expected(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let explain = "AI replies are posted through the Gorgias REST API and show as \"AI Assistant\"; this is expected";
    let Some(id) = cx.target.as_ref().and_then(Target::ticket) else { return Ok(Outcome::info(explain)) };
    let Ok(ticket) = cx.facts.gorgias()?.ticket(id).await else { return Ok(Outcome::info(explain)) };
    let ai = cx.settings.id(&fields::gorgias::AI_USER_ID);
    let mut senders: Vec<String> = ticket
        .messages
        .iter()
        .filter(|m| is_ai_reply(m, ai))
        .filter_map(|m| m.sender.as_ref().and_then(|s| s.name.clone()))
        .collect();
    senders.dedup();
    Ok(Outcome::info(if senders.is_empty() {
        format!("{explain}; this ticket has no AI reply")
    } else {
        format!("{explain}; on this ticket they show as: {}", senders.join(", "))
    }))
}
