//! Symptom `scopes` (`doctor hubspot scopes`): every scope the OpenCX integration needs, what it
//! is for, and whether the private app has it — from token introspection, confirmed where the
//! doctor made a call by the call's answer (a 403 `MISSING_SCOPES` names the scope). A scope
//! token introspection lists is never reported missing.

use std::sync::Arc;

use futures::future::BoxFuture;
use futures::FutureExt;

use chrono::{DateTime, Utc};

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::facts::HubspotFacts;
use crate::http::ApiError;
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");

/// How to add a scope: the legacy app's Scopes tab, commit, then refresh OpenCX's client.
pub fn add_scope_fix(scope: &str) -> String {
    format!(
        "In HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Scopes: enable {scope} → \
         Commit changes (the token string does not change). Then in OpenCX: Settings → Integrations → HubSpot → Save, to \
         refresh its cached client."
    )
}

type Probe = for<'a> fn(&'a HubspotFacts, DateTime<Utc>) -> BoxFuture<'a, Result<(), Arc<ApiError>>>;

/// A read that needs the scope, and its name for the evidence label.
fn probe_for(scope: &str) -> Option<(&'static str, Probe)> {
    match scope {
        "crm.objects.owners.read" => {
            Some(("GET /crm/v3/owners", |hubspot, _| async move { hubspot.owners_probe().await.map(|_| ()) }.boxed()))
        }
        "tickets" => Some(("GET /crm/v3/objects/tickets", |hubspot, _| {
            async move { hubspot.tickets_probe().await.map(|_| ()) }.boxed()
        })),
        "conversations.read" => Some(("GET /conversations/v3/conversations/threads", |hubspot, now| {
            async move {
                let after = crate::facts::session::rfc3339(crate::checks::deliveries::recent_since(now));
                hubspot.recent_threads(&after).await.map(|_| ())
            }
            .boxed()
        })),
        _ => None,
    }
}

async fn scope_check(cx: Arc<Ctx>, scope: &'static str, consequence: &'static str) -> Result<Outcome, CheckError> {
    let hubspot = cx.facts.hubspot()?;
    let info = hubspot.token_info().await?;
    let granted = info.scopes.iter().any(|s| s == scope);
    let probe = match probe_for(scope) {
        Some((name, probe)) => Some((name, probe(hubspot, cx.now).await)),
        None => None,
    };
    Ok(match (granted, probe) {
        (true, Some((name, Ok(())))) => Outcome::pass(format!("granted [token-info; {name} answered 200]")),
        (true, Some((name, Err(e)))) if e.is_status(403) => Outcome::warn(format!(
            "granted [token-info], yet {name} was refused: {e} — the user who created the app may have lost permissions, or the account was downgraded"
        ))
        .with_fix("In HubSpot: Settings → Users & Teams: check the private app's creator is still a super admin; Settings → Account & Billing for a downgrade."),
        (true, _) => Outcome::pass("granted [token-info]"),
        (false, Some((name, Ok(())))) => {
            Outcome::pass(format!("not listed by token-info, but {name} answered 200 [call]: another granted scope covers it"))
        }
        (false, Some((name, Err(e)))) if e.is_status(403) => {
            let named = e.vendor_error().is_some_and(|v| v.scopes.iter().any(|s| s == scope));
            Outcome::fail(format!(
                "missing [token-info; {name} answered 403{}]: {consequence}",
                if named { format!(" MISSING_SCOPES naming {scope}") } else { String::new() }
            ))
        }
        (false, _) => Outcome::fail(format!("missing [token-info]: {consequence}")),
    }
    .with_fix_if_failed(add_scope_fix(scope)))
}

trait FixIfFailed {
    fn with_fix_if_failed(self, fix: String) -> Outcome;
}

impl FixIfFailed for Outcome {
    fn with_fix_if_failed(self, fix: String) -> Outcome {
        if self.status == crate::engine::Status::Fail {
            self.with_fix(fix)
        } else {
            self
        }
    }
}

macro_rules! scope {
    ($name:ident, $cause:literal, $scope:literal, $purpose:literal, $consequence:literal, [$($read:ident),*]) => {
        check! {
            pub static $name {
                symptom: HubspotSymptom::Scopes,
                cause: $cause,
                title: concat!($scope, " — ", $purpose),
                looks_at: concat!(
                    "Whether token introspection lists ",
                    $scope,
                    "; where a read needs it, the read's answer (200, or 403 MISSING_SCOPES naming the scope) labels the evidence."
                ),
                fix: concat!(
                    "In HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Scopes: enable ",
                    $scope,
                    " → Commit changes. Then in OpenCX: Settings → Integrations → HubSpot → Save."
                ),
                docs: DOCS,
                needs_target: false,
                requires: [super::credentials::TOKEN_VALID],
                reads: [HubspotTokenInfo $(, $read)*],
                run: |cx| scope_check(cx, $scope, $consequence),
            }
        }
    };
}

scope!(
    CONVERSATIONS_READ,
    "conversations-read",
    "conversations.read",
    "read threads and messages",
    "HubSpot sends no conversation events and OpenCX cannot read the messages",
    [HubspotRecentThreads]
);
scope!(
    CONVERSATIONS_WRITE,
    "conversations-write",
    "conversations.write",
    "post replies and comments, reassign",
    "the AI's replies and handoff comments cannot be posted",
    []
);
scope!(
    OWNERS_READ,
    "owners-read",
    "crm.objects.owners.read",
    "look up a thread's owner",
    "emails reach HubSpot but no OpenCX session is created (the owner lookup GET /crm/owners/v3/A-… fails with 403)",
    [HubspotOwnersProbe]
);
scope!(
    CONTACTS_READ,
    "contacts-read",
    "crm.objects.contacts.read",
    "find the customer's contact",
    "OpenCX cannot find the customer's contact, for context or for the handoff ticket",
    []
);
scope!(
    CONTACTS_WRITE,
    "contacts-write",
    "crm.objects.contacts.write",
    "create the contact on handoff",
    "a handoff for a customer without a contact cannot create one",
    []
);
scope!(TICKETS, "tickets", "tickets", "create the handoff ticket", "handoffs create no ticket", [HubspotTicketsProbe]);
scope!(
    COMPANIES_READ,
    "companies-read",
    "crm.objects.companies.read",
    "company context for the AI",
    "the AI gets no company context",
    []
);
scope!(
    DEALS_READ,
    "deals-read",
    "crm.objects.deals.read",
    "deal context for the AI",
    "the AI gets no deal context",
    []
);
scope!(
    CONTACT_SCHEMA_READ,
    "contact-schema-read",
    "crm.schemas.contacts.read",
    "contact properties for the AI",
    "the AI cannot read the contact schema",
    []
);
