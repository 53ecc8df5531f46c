//! Symptom `crm-panel` (the CRM context panel is empty): a separate connection, and a contact
//! email that must match a HubSpot contact.

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");

check! {
    pub static CONNECTION {
        symptom: HubspotSymptom::CrmPanel,
        cause: "connection",
        title: "The CRM connection is set up (a separate connection; not readable through any API)",
        looks_at: "Nothing: the CRM context panel uses OpenCX's CRM connection, not the helpdesk integration.",
        fix: "In OpenCX: Settings → CRMs → HubSpot: connect it (it is separate from Settings → Integrations → HubSpot).",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("the CRM connection (Settings → CRMs) cannot be read through OpenCX's API")) },
    }
}

check! {
    pub static CONTACT_MATCH {
        symptom: HubspotSymptom::CrmPanel,
        cause: "contact-match",
        title: "The session's contact email matches a HubSpot contact",
        looks_at: "The OpenCX session's contact email, then POST /crm/v3/objects/contacts/search (email EQ; a read-only \
                   search): no match leaves the panel empty.",
        fix: "In HubSpot: Contacts → the customer's contact → Email: add the address OpenCX sees (or merge the duplicate \
              contacts: contact → Actions → Merge).",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::THREAD, crate::checks::opencx::credentials::API_KEY],
        reads: [HubspotContactByEmail, SessionEvidence],
        run: contact_match,
    }
}

async fn contact_match(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = cx.session_evidence().await?;
    let Some(email) = evidence.as_ref().and_then(|e| e.sessions.iter().find_map(|s| s.contact_email.clone())) else {
        return Ok(Outcome::info(
            "no OpenCX session with a contact email for this thread, so there is nothing to match",
        )
        .with_fix("Open the session in the OpenCX inbox and check the contact's email."));
    };
    match cx.facts.hubspot()?.contacts_by_email(&email).await {
        Ok(found) if found.results.is_empty() => Ok(Outcome::fail(format!("no HubSpot contact has the email {email}"))),
        Ok(found) => {
            Ok(Outcome::pass(format!("{email} matches contact {}", found.results[0].id.as_deref().unwrap_or("?"))))
        }
        Err(e) if e.is_status(403) => Ok(Outcome::fail(format!("the contact search is refused: {e}"))
            .with_fix(super::scopes::add_scope_fix("crm.objects.contacts.read"))),
        Err(e) => Err(e.into()),
    }
}
