//! Symptom `duplicates`: the AI admin answered one customer part twice; the gap against
//! OpenCX's 1-hour deduplication window says whose fault it is.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::checks::opencx::DEDUP_WINDOW_SECS;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;

check! {
    pub static REPLIES {
        symptom: IntercomSymptom::Duplicates,
        cause: "replies",
        title: "No customer message got the same AI reply twice",
        looks_at:
            "The conversation's parts: comments by the AI admin with the same text between two customer parts, and the \
                   gap between them against OpenCX's 1-hour deduplication window.",
        fix:
            "Send OpenCX support the conversation id, the session id and the times this check reports. Inside the 1-hour window OpenCX \
              should have dropped the repeat; outside it, a late redelivery by Intercom (it retries a failed delivery once \
              after a minute) explains it.",
        docs: Some("https://docs.open.cx/integrations/intercom/troubleshooting"),
        needs_target: true,
        requires: [super::ai_silent::CONVERSATION],
        reads: [IntercomConversation],
        run: replies,
    }
}

async fn replies(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let c = conversation(&cx).await?;
    let mut seen: Vec<(String, i64)> = Vec::new();
    let mut found = Vec::new();
    let mut ai_replies = 0;
    for part in c.parts() {
        let author = part.author.as_ref();
        let kind = author.and_then(|a| a.kind.as_deref()).unwrap_or("");
        if matches!(kind, "user" | "lead" | "contact") {
            seen.clear();
            continue;
        }
        let by_ai = author.and_then(|a| a.id.as_deref()) == Some(ai.as_str());
        if !by_ai || part.part_type.as_deref() != Some("comment") {
            continue;
        }
        ai_replies += 1;
        let text = part.body.as_deref().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        let at = part.created_at.unwrap_or_default();
        match seen.iter().find(|(t, _)| *t == text) {
            Some((_, first)) => found.push(at - first),
            None => seen.push((text, at)),
        }
    }
    Ok(if found.is_empty() && ai_replies == 0 {
        Outcome::info("the conversation has no AI reply, so there is no repeat to look for")
    } else if found.is_empty() {
        Outcome::pass(format!("{ai_replies} AI repl(ies) in the conversation, none repeated to one customer message"))
    } else {
        Outcome::fail(
            found
                .iter()
                .map(|gap| {
                    let window = if *gap < DEDUP_WINDOW_SECS { "inside" } else { "outside" };
                    format!("the same AI reply was posted twice, {gap} s apart ({window} OpenCX's 1-hour deduplication window)")
                })
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
