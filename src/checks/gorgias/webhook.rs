//! Symptom `webhook` (OpenCX receives no Gorgias events). Gorgias calls webhooks "HTTP
//! integrations". Every check here reads the one `/api/integrations` listing; the last one adds
//! indirect evidence from recent tickets and OpenCX sessions.

use std::sync::Arc;

use crate::check;
use crate::checks::deliveries::{self, Waiting};
use crate::checks::webhook_url::{compare, is_acceptable_scheme, Match};
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::session::parse_time;
use crate::redact::mask_url;
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;
use crate::vendors::gorgias::HttpIntegration;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/troubleshooting");
/// Checks that read more than the account wait until the key may use the API at all.
/// The screen where HTTP integrations live.
pub const HTTP_SCREEN: &str = "Gorgias: Settings → Apps → HTTP integration → Manage";
/// Gorgias's own number (newest help page; older FAQ copies said 100).
pub const AUTO_DISABLE_AFTER: u32 = 500;

/// The integrations pointing at the OpenCX URL, and those pointing at an older one.
pub struct OpencxIntegrations {
    pub expected: String,
    pub current: Vec<HttpIntegration>,
    pub stale: Vec<HttpIntegration>,
    pub total: usize,
}

pub async fn opencx_integrations(cx: &Ctx) -> Result<OpencxIntegrations, CheckError> {
    let expected = cx.setting(&fields::gorgias::WEBHOOK_URL)?.to_string();
    let listing = cx.facts.gorgias()?.http_integrations().await?;
    let (all, _) = &*listing;
    let url = |i: &HttpIntegration| i.http.as_ref().and_then(|h| h.url.clone()).unwrap_or_default();
    let current = all.iter().filter(|i| compare(&url(i), &expected) == Match::Same).cloned().collect();
    let stale = all.iter().filter(|i| compare(&url(i), &expected) == Match::Stale).cloned().collect();
    Ok(OpencxIntegrations { expected, current, stale, total: all.len() })
}

/// The checks that read the OpenCX integration have nothing to read when none has the current
/// URL: a pass over an empty list would be no evidence.
fn without_current(found: &OpencxIntegrations) -> Option<Outcome> {
    found.current.is_empty().then(|| {
        Outcome::skip("no HTTP integration has the current OpenCX URL, so there is none to look at")
            .with_fix("See gorgias.webhook.integration-exists and gorgias.webhook.stale-url above.")
    })
}

pub fn describe(i: &HttpIntegration) -> String {
    format!(
        "HTTP integration {} '{}' ({})",
        i.id,
        i.name.as_deref().unwrap_or("unnamed"),
        mask_url(i.http.as_ref().and_then(|h| h.url.as_deref()).unwrap_or("no URL"))
    )
}

check! {
    pub static URL_HTTPS {
        symptom: GorgiasSymptom::Webhook,
        cause: "url-https",
        title: "The OpenCX webhook URL is HTTPS",
        looks_at: "The webhook URL configured in the profile (the one OpenCX shows in Settings → Integrations → Gorgias). \
                   Plain http is accepted only on loopback.",
        fix:
            "Copy the webhook URL again from OpenCX: Settings → Integrations → Gorgias (it is an https:// URL), and set it \
              with `doctor login gorgias` or DOCTOR_GORGIAS_WEBHOOK_URL.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: url_https,
    }
}

async fn url_https(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let url = cx.setting(&fields::gorgias::WEBHOOK_URL)?;
    Ok(if is_acceptable_scheme(url) {
        Outcome::pass(mask_url(url))
    } else {
        Outcome::fail(format!("{} is not HTTPS", mask_url(url)))
    })
}

check! {
    pub static INTEGRATION_EXISTS {
        symptom: GorgiasSymptom::Webhook,
        cause: "integration-exists",
        title: "An HTTP integration sends events to the OpenCX webhook URL",
        looks_at: "Every HTTP integration of the account (GET /api/integrations?type=http, all pages): one of them must \
                   have the URL OpenCX shows, exactly.",
        fix: "In Gorgias: Settings → Apps → HTTP integration → Manage → Add HTTP Integration: name it 'OpenCX', paste the \
              URL from OpenCX (Settings → Integrations → Gorgias), method POST, request content type application/json, \
              trigger 'Ticket message created', then Add integration.",
        docs: Some("https://docs.gorgias.com/en-US/connect-external-apps-to-gorgias-and-create-sidebar-widgets-81822"),
        needs_target: false,
        requires: [super::credentials::PERMISSION],
        reads: [GorgiasHttpIntegrations],
        run: integration_exists,
    }
}

async fn integration_exists(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    Ok(match found.current.as_slice() {
        // One cause, one fix: an integration with an older OpenCX URL is stale-url's finding
        // (replace the URL); adding a second integration here would make the duplicates fire.
        [] if !found.stale.is_empty() => Outcome::info(format!(
            "no HTTP integration has the current OpenCX URL {}, but {} point(s) to an older one: that is the \
             finding of gorgias.webhook.stale-url",
            mask_url(&found.expected),
            found.stale.len()
        ))
        .with_fix("Follow gorgias.webhook.stale-url: replace the URL in the existing integration; do not add another."),
        [] => Outcome::fail(format!(
            "none of the {} HTTP integration(s) of the account points to the OpenCX URL {}",
            found.total,
            mask_url(&found.expected)
        )),
        list => Outcome::pass(list.iter().map(describe).collect::<Vec<_>>().join("; ")),
    })
}

check! {
    pub static STALE_URL {
        symptom: GorgiasSymptom::Webhook,
        cause: "stale-url",
        title: "No HTTP integration points to an older OpenCX URL",
        looks_at: "HTTP integrations whose URL has the same host and path as the OpenCX URL but another token: OpenCX issues \
                   a new signed URL when its Gorgias credentials are re-saved, and the old one stops working.",
        fix: "In Gorgias: Settings → Apps → HTTP integration → Manage → the integration → URL: replace it with the current URL \
              from OpenCX (Settings → Integrations → Gorgias), then Save changes.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PERMISSION],
        reads: [GorgiasHttpIntegrations],
        run: stale_url,
    }
}

async fn stale_url(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    Ok(match found.stale.as_slice() {
        [] => Outcome::pass("no integration uses an older OpenCX URL"),
        stale => Outcome::fail(format!(
            "{} — but OpenCX shows {}: the credentials were re-saved in OpenCX and the URL changed",
            stale.iter().map(describe).collect::<Vec<_>>().join("; "),
            mask_url(&found.expected)
        )),
    })
}

check! {
    pub static TRIGGER {
        symptom: GorgiasSymptom::Webhook,
        cause: "trigger",
        title: "HTTP integration fires on 'Ticket message created'",
        looks_at:
            "`http.triggers[\"ticket-message-created\"]` of the integration with the OpenCX URL (the older underscore \
                   spelling is accepted too). OpenCX acts on new messages only.",
        fix: "In Gorgias: Settings → Apps → HTTP integration → Manage → the OpenCX integration → Triggers: select 'Ticket \
              message created' (and leave 'Ticket assignment updated' and 'Ticket status updated' off), then Save changes.",
        docs: DOCS,
        needs_target: false,
        requires: [INTEGRATION_EXISTS],
        reads: [GorgiasHttpIntegrations],
        run: trigger,
    }
}

async fn trigger(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    if let Some(outcome) = without_current(&found) {
        return Ok(outcome);
    }
    Ok(trigger_verdict(&found.current))
}

/// The decision of `trigger`, on the integrations that send to the current OpenCX URL.
fn trigger_verdict(current: &[HttpIntegration]) -> Outcome {
    let off: Vec<&HttpIntegration> =
        current.iter().filter(|i| !i.http.as_ref().is_some_and(|h| h.trigger("ticket-message-created"))).collect();
    if off.is_empty() {
        Outcome::pass("'Ticket message created' is selected")
    } else {
        Outcome::fail(format!(
            "{}: 'Ticket message created' is not selected, so no customer message is sent to OpenCX",
            off.iter().map(|i| describe(i)).collect::<Vec<_>>().join("; ")
        ))
    }
}

check! {
    pub static EXCLUSIVE_TRIGGERS {
        symptom: GorgiasSymptom::Webhook,
        cause: "exclusive-triggers",
        title: "No trigger that disables the others is selected",
        looks_at: "Whether 'Ticket assignment updated' or 'Ticket status updated' is selected on the OpenCX integration: \
                   Gorgias documents them as mutually exclusive with the other triggers — selecting either disables the rest.",
        fix: "In Gorgias: Settings → Apps → HTTP integration → Manage → the OpenCX integration → Triggers: clear 'Ticket \
              assignment updated' and 'Ticket status updated', keep 'Ticket message created', then Save changes.",
        docs: Some("https://docs.gorgias.com/en-US/connect-external-apps-to-gorgias-and-create-sidebar-widgets-81822"),
        needs_target: false,
        requires: [INTEGRATION_EXISTS],
        reads: [GorgiasHttpIntegrations],
        run: exclusive_triggers,
    }
}

async fn exclusive_triggers(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    if let Some(outcome) = without_current(&found) {
        return Ok(outcome);
    }
    Ok(exclusive_verdict(&found.current))
}

/// The decision of `exclusive_triggers`, on the integrations that send to the current OpenCX URL.
fn exclusive_verdict(current: &[HttpIntegration]) -> Outcome {
    let mut problems = Vec::new();
    for i in current {
        let Some(http) = &i.http else { continue };
        let on: Vec<&str> =
            ["ticket-assignment-updated", "ticket-status-updated"].into_iter().filter(|t| http.trigger(t)).collect();
        if !on.is_empty() {
            problems.push(format!(
                "{} has {} selected, which disables every other trigger",
                describe(i),
                on.join(" and ")
            ));
        }
    }
    if problems.is_empty() {
        Outcome::pass("no exclusive trigger selected")
    } else {
        Outcome::fail(problems.join("; "))
    }
}

check! {
    pub static ACTIVE {
        symptom: GorgiasSymptom::Webhook,
        cause: "active",
        title: "The OpenCX HTTP integration is active",
        looks_at: "`deactivated_datetime` of the integration with the OpenCX URL. Gorgias deactivates an HTTP integration \
                   after 500 consecutive failed deliveries (older help pages said 100) and e-mails the account.",
        fix: "First make the endpoint answer (check the URL is current and OpenCX's status), then in Gorgias: Settings → \
              Apps → HTTP integration → Manage → the OpenCX integration → re-enable it. Gorgias resets the failure count \
              after a successful delivery.",
        docs: Some("https://docs.gorgias.com/en-US/connect-external-apps-to-gorgias-and-create-sidebar-widgets-81822"),
        needs_target: false,
        requires: [INTEGRATION_EXISTS],
        reads: [GorgiasHttpIntegrations],
        run: active,
    }
}

async fn active(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let found = opencx_integrations(&cx).await?;
    if let Some(outcome) = without_current(&found) {
        return Ok(outcome);
    }
    let off: Vec<String> = found
        .current
        .iter()
        .filter_map(|i| i.deactivated_datetime.as_ref().map(|t| format!("{} was deactivated at {t}", describe(i))))
        .collect();
    Ok(if off.is_empty() {
        Outcome::pass("active")
    } else {
        Outcome::fail(format!(
            "{} (Gorgias deactivates an integration after {AUTO_DISABLE_AFTER} consecutive failed deliveries, or an admin did)",
            off.join("; ")
        ))
    })
}

check! {
    pub static DELIVERY_LOG {
        symptom: GorgiasSymptom::Webhook,
        cause: "delivery-log",
        title: "Gorgias's delivery log shows the OpenCX URL answering",
        looks_at: "The request log Gorgias keeps for the OpenCX HTTP integration (what its Events tab shows; read from \
                   GET /api/integrations/{id}/events/, which Gorgias's web app uses but does not document): the newest \
                   deliveries, how many failed in a row and with which status, and the last success.",
        fix: "Open the OpenCX integration's Events in Gorgias (Settings → Apps → HTTP integration → Manage → the OpenCX \
              integration → Events) and read the failed responses: 401/403 mean the URL's token changed — copy the webhook \
              URL again from OpenCX (Settings → Integrations → Gorgias) and replace it in the integration; timeouts and 5xx \
              mean OpenCX did not answer — check OpenCX's status and report the times to OpenCX support.",
        docs: Some("https://docs.gorgias.com/en-US/connect-external-apps-to-gorgias-and-create-sidebar-widgets-81822"),
        needs_target: false,
        requires: [INTEGRATION_EXISTS],
        reads: [GorgiasHttpIntegrations],
        run: delivery_log,
    }
}

/// Where the log is read by hand when the API does not give it.
const EVENTS_SCREEN: &str = "Gorgias: Settings → Apps → HTTP integration → Manage → the OpenCX integration → Events";

async fn delivery_log(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    use crate::http::ErrorKind;
    let found = opencx_integrations(&cx).await?;
    let Some(integration) = found.current.first() else {
        return Ok(Outcome::skip("no HTTP integration has the OpenCX URL, so there is no delivery log to read"));
    };
    let log = match cx.facts.gorgias()?.integration_events(integration.id).await {
        Ok(log) => log,
        // Undocumented: a refusal or an unknown shape says the log is not readable, never a finding.
        Err(e)
            if matches!(e.status(), Some(403 | 404))
                || matches!(
                    e.kind,
                    ErrorKind::Shape { .. } | ErrorKind::Malformed { .. } | ErrorKind::NotJson { .. }
                ) =>
        {
            return Ok(Outcome::info(format!(
                "the delivery log of {} is not readable through the API ({e})",
                describe(integration)
            ))
            .with_fix(format!("Open it in the helpdesk: {EVENTS_SCREEN}.")));
        }
        Err(e) => return Err(e.into()),
    };
    let mut events: Vec<_> = log.iter().map(|e| (parse_time(&e.created_datetime), e)).collect();
    events.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    let ok = |e: &crate::vendors::gorgias::IntegrationEvent| e.status_code.is_some_and(|s| (200..300).contains(&s));
    let shown = |e: &crate::vendors::gorgias::IntegrationEvent| match e.status_code {
        Some(code) => format!("HTTP {code}"),
        None => format!(
            "no response ({})",
            e.response.as_ref().and_then(|r| r.error.clone()).unwrap_or_else(|| "error".into())
        ),
    };
    let Some((_, newest)) = events.first() else {
        return Ok(Outcome::info(format!(
            "the delivery log of {} is empty: Gorgias has not sent it a request yet",
            describe(integration)
        ))
        .with_fix("Send a test message to a ticket, then run the doctor again."));
    };
    let failing: Vec<_> = events.iter().take_while(|(_, e)| !ok(e)).collect();
    let last_success = events.iter().find(|(_, e)| ok(e)).map(|(_, e)| e.created_datetime.clone());
    if failing.is_empty() {
        return Ok(Outcome::pass(format!(
            "the last delivery ({}) answered {}; {} logged request(s) read",
            newest.created_datetime,
            shown(newest),
            events.len()
        )));
    }
    let mut statuses: Vec<(String, usize)> = Vec::new();
    for (_, e) in &failing {
        let s = shown(e);
        match statuses.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => statuses.push((s, 1)),
        }
    }
    let statuses = statuses.iter().map(|(s, n)| format!("{s} ×{n}")).collect::<Vec<_>>().join(", ");
    Ok(Outcome::fail(format!(
        "the last {} deliver{} to the OpenCX URL failed ({statuses}), newest at {}; {}",
        failing.len(),
        if failing.len() == 1 { "y" } else { "ies" },
        newest.created_datetime,
        match last_success {
            Some(t) => format!("the last success was at {t}"),
            None => format!("no success among the {} logged request(s)", events.len()),
        }
    )))
}

check! {
    pub static DELIVERIES {
        symptom: GorgiasSymptom::Webhook,
        cause: "deliveries",
        title: "Recent customer messages on AI-assigned tickets reached OpenCX",
        looks_at: "The 30 most recently updated tickets: those assigned to the AI user (the Default User ID) whose last \
                   message came from the customer in the last 7 days, and whether OpenCX has a session updated since for each \
                   (GET /chat/sessions?updated_after=…, matched on ticketing_system.external_id).",
        fix: "Deliveries are not arriving at OpenCX: check the HTTP integration (URL, trigger, active) with the other webhook \
              checks, and in Gorgias open Settings → Apps → HTTP integration → Manage → the OpenCX integration → Events to \
              see the responses Gorgias got.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PERMISSION, crate::checks::opencx::credentials::API_KEY],
        reads: [GorgiasRecentTickets],
        run: deliveries,
    }
}

async fn deliveries(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let ai_user = cx.id_setting(&fields::gorgias::AI_USER_ID)?;
    let tickets = cx.facts.gorgias()?.recent_tickets().await?;
    let since = deliveries::recent_since(cx.now);
    let waiting: Vec<Waiting> = tickets
        .iter()
        .filter(|t| t.assignee_user.as_ref().and_then(|u| u.id) == Some(ai_user))
        .filter_map(|t| {
            let received = t.last_received_message_datetime.as_deref().and_then(parse_time)?;
            let last = t.last_message_datetime.as_deref().and_then(parse_time).unwrap_or(received);
            // The customer's message is the ticket's last one, and it is recent.
            (received >= last && received >= since).then(|| Waiting { id: t.id.to_string(), since: received })
        })
        .collect();
    deliveries::evaluate(&cx, "gorgias", waiting, &format!("tickets assigned to the AI user {ai_user}")).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Status;
    use serde_json::json;

    fn integration(triggers: serde_json::Value) -> HttpIntegration {
        serde_json::from_value(json!({
            "id": 42, "name": "OpenCX", "type": "http",
            "http": {"url": "https://api.open.cx/webhooks/gorgias/whk", "method": "POST", "triggers": triggers}
        }))
        .expect("a Gorgias HTTP integration")
    }

    #[test]
    fn the_message_created_trigger_is_required_in_either_spelling() {
        let on = [integration(json!({"ticket-message-created": true}))];
        assert_eq!(trigger_verdict(&on).status, Status::Pass);
        let underscored = [integration(json!({"ticket_message_created": true}))];
        assert_eq!(trigger_verdict(&underscored).status, Status::Pass);
        let off = [integration(json!({"ticket-created": true, "ticket-message-created": false}))];
        let outcome = trigger_verdict(&off);
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.detail.contains("HTTP integration 42 'OpenCX'"), "{}", outcome.detail);
    }

    #[test]
    fn an_exclusive_trigger_fails_and_is_named() {
        let clean = [integration(json!({"ticket-message-created": true}))];
        assert_eq!(exclusive_verdict(&clean).status, Status::Pass);
        let both = [integration(
            json!({"ticket-message-created": true, "ticket-assignment-updated": true, "ticket-status-updated": true}),
        )];
        let outcome = exclusive_verdict(&both);
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.detail.contains("ticket-assignment-updated and ticket-status-updated"), "{}", outcome.detail);
    }
}
