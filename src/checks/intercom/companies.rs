//! Symptom `companies` (company data missing from the AI's context): the contact has no company,
//! or OpenCX's company sync is off.

use std::sync::Arc;

use super::conversation;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::IntercomSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/troubleshooting");

check! {
    pub static CONTACT_COMPANY {
        symptom: IntercomSymptom::Companies,
        cause: "contact-company",
        title: "The conversation's contact has a company",
        looks_at: "The conversation's first contact, then GET /contacts/{id}/companies: with no company attached there is no \
                   company data to sync.",
        fix: "In Intercom: open the contact → Company → attach the company (or have your app send company data with the user).",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::CONVERSATION],
        reads: [IntercomConversation, IntercomContactCompanies],
        run: contact_company,
    }
}

async fn contact_company(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let c = conversation(&cx).await?;
    let Some(contact) = c.contacts.as_ref().and_then(|l| l.contacts.first()).and_then(|ct| ct.id.clone()) else {
        return Ok(Outcome::fail("the conversation has no contact, so there is no company to sync"));
    };
    match cx.facts.intercom()?.contact_companies(&contact).await {
        Ok(list) if list.companies.is_empty() => {
            Ok(Outcome::fail(format!("contact {contact} has no company attached")))
        }
        Ok(list) => Ok(Outcome::pass(format!(
            "contact {contact} belongs to {}",
            list.companies.iter().filter_map(|co| co.name.clone()).collect::<Vec<_>>().join(", ")
        ))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("Intercom has no contact {contact} ({e})"))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static SYNC_SETTING {
        symptom: IntercomSymptom::Companies,
        cause: "sync-setting",
        title: "Company data sync is on (not readable through any API)",
        looks_at: "Nothing: the company sync is an OpenCX setting with no API.",
        fix:
            "In OpenCX: Settings → Integrations → Intercom → Company data sync: choose 'first company' or 'all companies'.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("the company data sync setting cannot be read through OpenCX's API")) },
    }
}
