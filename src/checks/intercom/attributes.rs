//! Symptom `attributes` (custom attributes do not appear on the session): the conversation
//! attribute must be API-writable, and OpenCX must wait long enough for workflows to set it.

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::IntercomSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/troubleshooting");

check! {
    pub static API_WRITABLE {
        symptom: IntercomSymptom::Attributes,
        cause: "api-writable",
        title: "Custom conversation attributes are API-writable",
        looks_at: "GET /data_attributes?model=conversation with Intercom-Version 2.15 — the last version whose response \
                   reports `api_writable` (2.16 answers 422 and its replacement endpoint omits the field). Custom, not \
                   archived attributes with `api_writable: false` cannot be written by OpenCX.",
        fix: "Make each attribute named above API-writable: in Intercom: Settings → Data → Conversations → the attribute \
              → allow it to be updated through the API ('API' under 'Who can edit'), then save.",
        docs: Some("https://developers.intercom.com/docs/references/2.15/rest-api/api.intercom.io/data-attributes"),
        needs_target: false,
        requires: [super::credentials::PLAN],
        reads: [IntercomConversationAttributes],
        run: api_writable,
    }
}

async fn api_writable(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let list = cx.facts.intercom()?.conversation_attributes().await?;
    let custom: Vec<_> = list.data.iter().filter(|a| a.custom == Some(true) && a.archived != Some(true)).collect();
    let unknown = custom.iter().filter(|a| a.api_writable.is_none()).count();
    let locked: Vec<String> =
        custom.iter().filter(|a| a.api_writable == Some(false)).filter_map(|a| a.name.clone()).collect();
    Ok(if !locked.is_empty() {
        Outcome::fail(format!(
            "custom conversation attribute(s) not API-writable (api_writable: false): {}",
            locked.join(", ")
        ))
    } else if unknown > 0 {
        let names: Vec<String> =
            custom.iter().filter(|a| a.api_writable.is_none()).filter_map(|a| a.name.clone()).collect();
        Outcome::info(format!(
            "{unknown} attribute(s) do not report api_writable (a newer API version answered): {}",
            names.join(", ")
        ))
        .with_fix("Check each attribute in Intercom: Settings → Data → Conversations.")
    } else {
        Outcome::pass(format!(
            "{} custom conversation attribute(s), all API-writable: {}",
            custom.len(),
            custom.iter().filter_map(|a| a.name.clone()).collect::<Vec<_>>().join(", ")
        ))
    })
}

check! {
    pub static DELAY {
        symptom: IntercomSymptom::Attributes,
        cause: "delay",
        title: "The custom attribute delay covers your workflows (not readable through any API)",
        looks_at: "Nothing: the delay is an OpenCX setting with no API. When Intercom workflows set attributes after a \
                   conversation starts, OpenCX must wait for them (at most 10 seconds).",
        fix: "In OpenCX: Settings → Integrations → Intercom → Custom attribute delay: raise it (maximum 10 s) if your \
              workflows set attributes after the conversation is created.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: |_cx| async { Ok(Outcome::info("the custom attribute delay (max 10 s) cannot be read through OpenCX's API")) },
    }
}
