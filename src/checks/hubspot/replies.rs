//! Symptom `replies` (a rep's replies do not reach the customer): the documented checklist, each
//! item its own check — the handoff comment, the three subscriptions, committed changes,
//! throttling, the target URL, a public reply rather than an internal comment, a reachable channel.

use std::sync::Arc;

use super::webhook::{self, SUBSCRIPTIONS_FIX, TARGET_FIX, THROTTLING_FIX};
use super::{ai_user, thread};
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");

check! {
    pub static HANDOFF_COMMENT {
        symptom: HubspotSymptom::Replies,
        cause: "handoff-comment",
        title: "The thread carries OpenCX's handoff comment",
        looks_at: "The thread's messages (GET …/threads/{id}/messages): after a handoff OpenCX posts an internal COMMENT with \
                   the reason, sentiment and a link to the session. Without it, the handoff never reached HubSpot.",
        fix: "Check the session's handoff in the OpenCX inbox; if it shows a handoff but HubSpot has no comment, send OpenCX \
              support the session id and thread id.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD, crate::checks::opencx::credentials::API_KEY],
        reads: [HubspotThreadMessages, SessionEvidence],
        run: handoff_comment,
    }
}

fn is_handoff_comment(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    crate::vendors::hubspot::HANDOFF_WORDS.iter().any(|w| lower.contains(w))
}

async fn handoff_comment(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let messages = cx.facts.hubspot()?.thread_messages(super::thread_id(&cx)?).await?;
    let comment = messages
        .results
        .iter()
        .find(|m| m.kind.as_deref() == Some("COMMENT") && m.text.as_deref().is_some_and(is_handoff_comment));
    let evidence = cx.session_evidence().await?;
    let handed: Vec<String> = evidence
        .as_ref()
        .map(|e| e.sessions.iter().filter(|s| s.is_handed_off()).map(|s| s.id.clone()).collect())
        .unwrap_or_default();
    Ok(match (comment, !handed.is_empty()) {
        (Some(c), _) => Outcome::pass(format!(
            "handoff comment {} at {}",
            c.id.as_deref().unwrap_or("(no id)"),
            c.created_at.as_deref().unwrap_or("?")
        )),
        (None, true) => Outcome::fail(format!(
            "session {} was handed off, but the thread has no handoff comment from OpenCX",
            handed.join(", ")
        )),
        (None, false) => {
            Outcome::info("the thread has not been handed off (no handoff comment, no handoff in the session)")
                .with_fix("Rep replies are relayed after a handoff; this thread has none yet.")
        }
    })
}

webhook_setting_check!(
    SUBSCRIPTIONS,
    HubspotSymptom::Replies,
    "subscriptions",
    "The three subscriptions are present and active",
    "As hubspot.webhook.subscriptions: rep replies come back through conversation.newMessage.",
    SUBSCRIPTIONS_FIX,
    webhook::subscriptions
);
check! {
    pub static COMMITTED {
        symptom: HubspotSymptom::Replies,
        cause: "committed",
        title: "Subscription changes were committed",
        looks_at: "Uncommitted subscription changes in a legacy app do not fire. The API shows only what is live, so with an \
                   app id and developer key an active subscription means committed; without them this says where to look.",
        fix: "HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks: if a 'Commit changes' \
              button is shown, click it.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::TOKEN_VALID],
        reads: [],
        run: committed,
    }
}

async fn committed(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    if !cx.facts.hubspot()?.can_read_webhooks() {
        return Ok(Outcome::info(
            "whether subscription changes were committed can only be seen in HubSpot's Webhooks tab",
        ));
    }
    let outcome = webhook::subscriptions(&cx).await?;
    Ok(if outcome.status == crate::engine::Status::Pass {
        Outcome::pass("the required subscriptions are live, so they were committed")
    } else {
        outcome
    })
}

webhook_setting_check!(
    THROTTLING,
    HubspotSymptom::Replies,
    "throttling",
    "Webhook throttling allows at least 100 concurrent requests",
    "As hubspot.webhook.throttling.",
    THROTTLING_FIX,
    webhook::throttling
);
webhook_setting_check!(
    TARGET_URL,
    HubspotSymptom::Replies,
    "url-match",
    "The webhook target URL is the OpenCX URL",
    "As hubspot.webhook.target-url.",
    TARGET_FIX,
    webhook::target_url
);

check! {
    pub static PUBLIC_REPLY {
        symptom: HubspotSymptom::Replies,
        cause: "public-reply",
        title: "The rep replied publicly, not with an internal comment",
        looks_at: "The thread's latest message from a rep (not the AI user): a COMMENT is internal and never reaches the \
                   customer; a MESSAGE is a reply.",
        fix: "In HubSpot: Conversations → Inbox → the thread → write in the Reply tab, not Comment: internal comments are \
              never delivered to the customer. Send the answer again as a reply.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD],
        reads: [HubspotThreadMessages],
        run: public_reply,
    }
}

async fn public_reply(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, _) = ai_user(&cx)?;
    let ai = format!("A-{digits}");
    let messages = cx.facts.hubspot()?.thread_messages(super::thread_id(&cx)?).await?;
    let mut by_reps: Vec<_> = messages
        .results
        .iter()
        .filter(|m| matches!(m.kind.as_deref(), Some("MESSAGE" | "COMMENT")))
        .filter(|m| m.senders.iter().any(|s| s.actor_id.as_deref().is_some_and(|a| a.starts_with("A-") && a != ai)))
        .filter(|m| !(m.kind.as_deref() == Some("COMMENT") && m.text.as_deref().is_some_and(is_handoff_comment)))
        .collect();
    by_reps.sort_by(|a, b| a.created_at.cmp(&b.created_at));
    Ok(match by_reps.last() {
        None => {
            Outcome::info("no rep has written on this thread yet").with_fix("Nothing to check until a rep replies.")
        }
        Some(m) if m.kind.as_deref() == Some("COMMENT") => Outcome::fail(format!(
            "the rep's latest answer ({}) is an internal comment, which never reaches the customer",
            m.created_at.as_deref().unwrap_or("?")
        )),
        Some(m) => Outcome::pass(format!(
            "the rep's latest answer ({}) is a public reply",
            m.created_at.as_deref().unwrap_or("?")
        )),
    })
}

check! {
    pub static CHANNEL_REACHABLE {
        symptom: HubspotSymptom::Replies,
        cause: "channel-reachable",
        title: "The customer's channel can still be reached",
        looks_at: "The thread: a closed thread, or a contact without an email on an email thread, cannot carry a reply. Rep \
                   replies are relayed for web chat and email only; WhatsApp, SMS and phone get a ticket for visibility.",
        fix: "In HubSpot: Conversations → Inbox → the thread → Reopen, then reply; or reach the customer on the channel they \
              used — replies on OpenCX's WhatsApp, SMS or phone channels are not relayed from HubSpot.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD],
        reads: [HubspotThread],
        run: channel_reachable,
    }
}

async fn channel_reachable(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let t = thread(&cx).await?;
    if t.status.as_deref() == Some("CLOSED") {
        return Ok(Outcome::warn(format!(
            "the thread was closed{}: replies may not reach the customer",
            t.closed_at.as_deref().map(|c| format!(" at {c}")).unwrap_or_default()
        )));
    }
    // What the API shows is not the whole answer: a bounced address or an expired widget session
    // is not visible through it, so what was seen is reported, not a pass.
    let status = match t.status.as_deref() {
        Some(s) => format!("the thread is {}", s.to_ascii_lowercase()),
        None => "the thread reports no status".to_string(),
    };
    let contact = match t.associated_contact_id.as_deref() {
        Some(id) => format!("its contact is {id}"),
        None => "it names no contact".to_string(),
    };
    Ok(Outcome::info(format!(
        "{status} and {contact}; whether the customer's address still accepts mail (or the chat widget session is \
         still open) cannot be read through HubSpot's API"
    ))
    .with_fix(
        "If replies still do not arrive, look at the message's delivery status in HubSpot (Conversations → Inbox → the \
         thread: a bounced email shows a failed marker).",
    ))
}
