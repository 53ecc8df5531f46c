//! Symptom `webhook` (OpenCX receives no HubSpot events). A private app's subscriptions cannot
//! be read with its token; with an app id and a developer API key they can. Otherwise each item
//! says where to look, and recent AI-owned threads without sessions are the evidence.

use std::sync::Arc;

use crate::check;
use crate::checks::deliveries::{self, Waiting};
use crate::checks::webhook_url::{compare, Match};
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::{parse_time, rfc3339};
use crate::redact::mask_url;
use crate::settings::fields;
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");
pub const WEBHOOKS_SCREEN: &str =
    "HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks";
/// The subscriptions OpenCX needs: `(event type, what it carries)`.
pub const REQUIRED: [(&str, &str); 3] = [
    ("conversation.newMessage", "new messages"),
    ("conversation.creation", "new conversations"),
    ("ticket.propertyChange", "ticket property changes (with the relevant properties selected)"),
];
/// HubSpot's default concurrency is 10; OpenCX documents 100.
pub const MIN_THROTTLING: i32 = 100;

fn unreadable(what: &str) -> Outcome {
    Outcome::info(format!(
        "{what} cannot be read with a private app's token; set DOCTOR_HUBSPOT_APP_ID and DOCTOR_HUBSPOT_DEVELOPER_API_KEY to read them"
    ))
}

/// A developer key that HubSpot refused: the webhook configuration is not known, and the
/// person is told which credential reads it — never a verdict on the subscriptions.
fn refused(what: &str, e: &crate::http::ApiError) -> Outcome {
    Outcome::error(format!("{what} could not be read: HubSpot refused the developer API key ({e})")).with_fix(format!(
        "Reading a legacy public app's webhooks takes the developer API key of the developer account that owns app \
         DOCTOR_HUBSPOT_APP_ID (Developer account → Apps → Get HubSpot API key), or an OAuth token with developers-read; \
         a private app's pat- token cannot read them. Or check them by hand: {WEBHOOKS_SCREEN}."
    ))
}

/// The webhook read, or the outcome that says why it is not known.
macro_rules! webhook_read {
    ($read:expr, $what:expr) => {
        match $read {
            Ok(value) => value,
            Err(e) if e.is_status(401) || e.is_status(403) => return Ok(refused($what, &e)),
            Err(e) => return Err(e.into()),
        }
    };
}

/// Shared by the `webhook` and `replies` symptoms.
pub async fn subscriptions(cx: &Ctx) -> Result<Outcome, CheckError> {
    let names: Vec<&str> = REQUIRED.iter().map(|(e, _)| *e).collect();
    let Some(listing) = cx.facts.hubspot()?.subscriptions().await else {
        return Ok(unreadable("Webhook subscriptions")
            .with_fix(format!("{WEBHOOKS_SCREEN}: subscribe to {} and click Commit changes.", names.join(", "))));
    };
    let listing = webhook_read!(listing, "The webhook subscriptions");
    let mut problems = Vec::new();
    for (event, what) in REQUIRED {
        match listing.results.iter().find(|s| s.event_type.as_deref() == Some(event)) {
            None => problems.push(format!("{event} ({what}) is not subscribed")),
            Some(s) if s.active == Some(false) => problems.push(format!("{event} is paused (active: false)")),
            Some(_) => {}
        }
    }
    Ok(if problems.is_empty() {
        Outcome::pass(format!("{} subscribed and active", names.join(", ")))
    } else {
        Outcome::fail(problems.join("; "))
    })
}

pub async fn target_url(cx: &Ctx) -> Result<Outcome, CheckError> {
    let expected = cx.setting(&fields::hubspot::WEBHOOK_URL)?.to_string();
    let Some(settings) = cx.facts.hubspot()?.webhook_settings().await else {
        return Ok(unreadable("The webhook target URL").with_fix(format!(
            "{WEBHOOKS_SCREEN}: the Target URL must be the one OpenCX shows (Settings → Integrations → HubSpot)."
        )));
    };
    let settings = webhook_read!(settings, "The webhook target URL");
    let actual = settings.target_url.clone().unwrap_or_default();
    Ok(match compare(&actual, &expected) {
        Match::Same => Outcome::pass(mask_url(&actual)),
        Match::Stale => Outcome::fail(format!(
            "the target URL {} is an older OpenCX URL; OpenCX now shows {}",
            mask_url(&actual),
            mask_url(&expected)
        )),
        Match::Other => Outcome::fail(format!(
            "the target URL is {}, not the OpenCX URL {} (stale, or copied from another organisation)",
            mask_url(&actual),
            mask_url(&expected)
        )),
    })
}

pub async fn throttling(cx: &Ctx) -> Result<Outcome, CheckError> {
    let Some(settings) = cx.facts.hubspot()?.webhook_settings().await else {
        return Ok(unreadable("Webhook throttling").with_fix(format!(
            "{WEBHOOKS_SCREEN}: set the event throttling (concurrent requests) to at least {MIN_THROTTLING}."
        )));
    };
    let settings = webhook_read!(settings, "The webhook throttling");
    Ok(match settings.throttling.as_ref().and_then(|t| t.max_concurrent_requests) {
        Some(n) if n >= MIN_THROTTLING => Outcome::pass(format!("{n} concurrent requests")),
        Some(n) => Outcome::warn(format!(
            "throttling is {n} concurrent requests (HubSpot's default is 10): bursts of messages are delayed; OpenCX asks for at least {MIN_THROTTLING}"
        )),
        None => Outcome::info("HubSpot did not report the throttling"),
    })
}

pub const SUBSCRIPTIONS_FIX: &str = "HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks: \
    subscribe to Conversation → New message, Conversation → Conversation creation and Ticket → Property change (with the \
    relevant properties), then click Commit changes.";
pub const TARGET_FIX: &str =
    "Copy the webhook URL from OpenCX (Settings → Integrations → HubSpot) into HubSpot: Settings → \
    Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks → Target URL, then Commit changes.";
pub const THROTTLING_FIX: &str =
    "HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks → \
    Event throttling: raise the concurrent requests to at least 100, then Commit changes.";

webhook_setting_check!(
    SUBSCRIPTIONS,
    HubspotSymptom::Webhook,
    "subscriptions", "The three webhook subscriptions are present and active",
    "GET /webhooks/v3/{app id}/subscriptions?hapikey=… (only with an app id and developer API key): conversation.newMessage, \
     conversation.creation and ticket.propertyChange, each active.", SUBSCRIPTIONS_FIX, subscriptions);
webhook_setting_check!(
    TARGET_URL,
    HubspotSymptom::Webhook,
    "target-url",
    "The webhook target URL is the OpenCX URL",
    "GET /webhooks/v3/{app id}/settings?hapikey=…: targetUrl against the URL OpenCX shows (same endpoint with another \
     token means stale).",
    TARGET_FIX,
    target_url
);
webhook_setting_check!(
    THROTTLING,
    HubspotSymptom::Webhook,
    "throttling",
    "Webhook throttling allows at least 100 concurrent requests",
    "`throttling.maxConcurrentRequests` of the webhook settings: HubSpot's default of 10 delays bursts.",
    THROTTLING_FIX,
    throttling
);

check! {
    pub static DELIVERIES {
        symptom: HubspotSymptom::Webhook,
        cause: "deliveries",
        title: "Recent customer messages on threads owned by the AI user reached OpenCX",
        looks_at: "Threads with a message in the last 7 days (GET /conversations/v3/conversations/threads, newest first) \
                   owned by the AI user whose last message was received from the customer, and whether OpenCX has a session \
                   updated since for each. HubSpot delivers at most once: a failed delivery is not retried.",
        fix: "Deliveries are not arriving (or OpenCX skipped them): check the subscriptions, Commit changes and the target URL \
              in HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Webhooks, and its Logs → \
              Webhooks for failed deliveries; check crm.objects.owners.read (`doctor hubspot scopes`).",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::TOKEN_VALID, crate::checks::opencx::credentials::API_KEY],
        reads: [HubspotRecentThreads],
        run: deliveries_check,
    }
}

async fn deliveries_check(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, _) = super::ai_user(&cx)?;
    let owner = format!("A-{digits}");
    let hubspot = cx.facts.hubspot()?;
    let after = rfc3339(deliveries::recent_since(cx.now));
    let mut threads = hubspot.recent_threads(&after).await?;
    // HubSpot lists oldest first: a week holding more than the pages read is narrowed to the
    // last day, so the newest threads are the ones looked at.
    if threads.truncated {
        let day = rfc3339(cx.now - chrono::Duration::days(1));
        threads = hubspot.recent_threads(&day).await?;
    }
    let waiting: Vec<Waiting> = threads
        .threads
        .iter()
        .filter(|t| t.assigned_to.as_deref() == Some(owner.as_str()))
        .filter_map(|t| {
            let received = t.latest_message_received_timestamp.as_deref().and_then(parse_time)?;
            let sent = t.latest_message_sent_timestamp.as_deref().and_then(parse_time);
            sent.is_none_or(|s| received >= s)
                .then(|| Waiting { id: t.id.clone().unwrap_or_default(), since: received })
        })
        .collect();
    deliveries::evaluate(&cx, "hubspot", waiting, &format!("threads owned by the AI user {owner}")).await
}
