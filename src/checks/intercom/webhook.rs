//! Symptom `webhook` (OpenCX receives no Intercom events). Intercom's API cannot show webhook
//! topics or the URL, so this says where to look, then gives what evidence the APIs do allow:
//! the token can read conversations (all five topics need it), the OpenCX URL answers over
//! HTTPS, and recent AI-assigned customer conversations have OpenCX sessions.

use std::sync::Arc;

use crate::check;
use crate::checks::deliveries::{self, Waiting};
use crate::checks::webhook_url::is_acceptable_scheme;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::http::ErrorKind;
use crate::redact::mask_url;
use crate::settings::fields;
use crate::symptom::IntercomSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/troubleshooting");
pub const TOPICS: [&str; 5] = [
    "conversation.user.created",
    "conversation.user.replied",
    "conversation.admin.replied",
    "conversation.admin.assigned",
    "conversation.admin.closed",
];

check! {
    pub static TOPICS_INFO {
        symptom: IntercomSymptom::Webhook,
        cause: "topics",
        title: "Webhook URL and the five topics (set in the Developer Hub; no API can read them)",
        looks_at: "Nothing: Intercom's REST API has no endpoint for webhook subscriptions. This line lists what to compare \
                   by hand; the checks after it give the indirect evidence.",
        fix: "Intercom Developer Hub → your app → Configure → Webhooks: the endpoint URL must be the one OpenCX shows (Settings \
              → Integrations → Intercom), subscribed to conversation.user.created, conversation.user.replied, \
              conversation.admin.replied, conversation.admin.assigned and conversation.admin.closed. A red banner there means \
              Intercom paused (after >1000 errors in 15 min) or suspended (after 7 days of errors) the subscription: fix the \
              endpoint, then 'Set live'.",
        docs: Some("https://developers.intercom.com/docs/webhooks/setting-up-webhooks"),
        needs_target: false,
        requires: [],
        reads: [],
        run: topics,
    }
}

async fn topics(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let url =
        cx.settings.get(&fields::intercom::WEBHOOK_URL).map(mask_url).unwrap_or_else(|| "(not configured)".into());
    Ok(Outcome::info(format!(
        "Intercom's API cannot show webhook subscriptions; in the Developer Hub, the URL must be {url} and the topics {}",
        TOPICS.join(", ")
    )))
}

check! {
    pub static READ_CONVERSATIONS {
        symptom: IntercomSymptom::Webhook,
        cause: "read-conversations",
        title: "The token can read conversations (all five topics need it)",
        looks_at: "GET /conversations?per_page=20, the same read OpenCX's Verify makes. Every one of the five topics needs \
                   the 'Read conversations' permission; removing it stops their notifications.",
        fix: "Intercom Developer Hub → your app → Configure → Authentication → Edit permissions: turn on 'Read conversations' \
              (and 'Read admins', 'Read and list users and companies'), save, then Verify again in OpenCX.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PLAN],
        reads: [IntercomRecentConversations],
        run: read_conversations,
    }
}

async fn read_conversations(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    match cx.facts.intercom()?.recent_conversations().await {
        Ok(page) => Ok(Outcome::pass(format!("read {} recent conversation(s)", page.conversations.len()))),
        Err(e) if super::credentials::plan_restricted(&e) => {
            Ok(Outcome::fail(format!("the workspace's plan has no API access, so no topic can deliver: {e}"))
                .with_fix(super::credentials::PLAN.fix))
        }
        Err(e) if e.is_status(401) || e.is_status(403) => {
            Ok(Outcome::fail(format!("the token may not read conversations, so no topic can deliver: {e}")))
        }
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static URL_REACHABLE {
        symptom: IntercomSymptom::Webhook,
        cause: "url-reachable",
        title: "The OpenCX webhook URL answers over HTTPS",
        looks_at: "One HEAD request to the webhook URL OpenCX shows (nothing is ever POSTed to it): it must be HTTPS and \
                   answer. The Developer Hub validates a webhook URL with exactly such a HEAD and wants a 2xx.",
        fix: "Copy the URL again from OpenCX: Settings → Integrations → Intercom, and paste it in the Developer Hub → your app \
              → Configure → Webhooks → Endpoint URL. If it still does not answer, check OpenCX's status and report it with the time.",
        docs: Some("https://developers.intercom.com/docs/webhooks/setting-up-webhooks"),
        needs_target: false,
        requires: [],
        reads: [],
        run: url_reachable,
    }
}

async fn url_reachable(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let raw = cx.setting(&fields::intercom::WEBHOOK_URL)?.to_string();
    let shown = mask_url(&raw);
    if !is_acceptable_scheme(&raw) {
        return Ok(Outcome::fail(format!("{shown} is not HTTPS; Intercom accepts only HTTPS webhook URLs")));
    }
    let Ok(url) = url::Url::parse(&raw) else {
        return Ok(Outcome::fail(format!("{shown} is not a URL")));
    };
    let Some(http) = cx.facts.http() else {
        return Ok(Outcome::info("no HTTP client in this run").with_fix("Run the doctor with the Intercom settings."));
    };
    match http.probe(&url).await {
        Ok(status) if (200..300).contains(&status) => Ok(Outcome::pass(format!("{shown} answered HEAD with {status}"))),
        Ok(status) if status < 500 => Ok(Outcome::warn(format!(
            "{shown} answered HEAD with {status}: the server is there, but Intercom's URL validation expects a 2xx"
        ))),
        Ok(status) => Ok(Outcome::fail(format!(
            "{shown} answered HEAD with {status}: the endpoint is failing, so deliveries fail too"
        ))),
        Err(e) => match &e.kind {
            ErrorKind::Dns { .. } | ErrorKind::Connect { .. } | ErrorKind::Timeout { .. } => {
                Ok(Outcome::fail(format!("the OpenCX webhook URL does not answer: {e}")))
            }
            _ => Err(std::sync::Arc::new(e).into()),
        },
    }
}

check! {
    pub static DELIVERIES {
        symptom: IntercomSymptom::Webhook,
        cause: "deliveries",
        title: "Recent customer conversations assigned to the AI admin reached OpenCX",
        looks_at: "The 20 most recent conversations: customer-initiated ones assigned to the AI admin, waiting for a reply, \
                   from the last 7 days; and whether OpenCX has a session updated since for each (matched on \
                   ticketing_system.external_id).",
        fix: "Deliveries are not arriving at OpenCX: in the Developer Hub → your app → Configure → Webhooks, check the URL, the \
              five topics, and any paused/suspended banner ('Set live' after fixing the endpoint).",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PLAN, crate::checks::opencx::credentials::API_KEY],
        reads: [IntercomRecentConversations],
        run: deliveries_check,
    }
}

async fn deliveries_check(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai = cx.setting(&fields::intercom::AI_ADMIN_ID)?.to_string();
    let page = cx.facts.intercom()?.recent_conversations().await?;
    let since = deliveries::recent_since(cx.now);
    let waiting: Vec<Waiting> = page
        .conversations
        .iter()
        .filter(|c| c.admin_assignee() == Some(ai.as_str()))
        .filter(|c| c.source.as_ref().and_then(|s| s.delivered_as.as_deref()) == Some("customer_initiated"))
        .filter_map(|c| {
            let at = crate::facts::session::from_unix(c.waiting_since?)?;
            (at >= since).then(|| Waiting { id: c.id.clone().unwrap_or_default(), since: at })
        })
        .collect();
    deliveries::evaluate(&cx, "intercom", waiting, &format!("customer conversations assigned to the AI admin {ai}"))
        .await
}
