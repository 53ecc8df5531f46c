//! Symptom `credentials` ("Failed to verify credentials"): token revoked or invalid, workspace
//! id not the token's, plan without API access, wrong regional host. One `GET /me` serves all.

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::IntercomSymptom;
use crate::vendors::intercom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/intercom/troubleshooting");
const TOKEN_SCREEN: &str = "In Intercom: Developer Hub (https://app.intercom.com/a/apps/_/developer-hub) → your app → \
    Configure → Authentication → Access token: copy it (regenerate it if it was revoked). Paste it in OpenCX: Settings → \
    Integrations → Intercom → Access token → Verify, and here with `doctor login intercom`.";

check! {
    pub static TOKEN {
        symptom: IntercomSymptom::Credentials,
        cause: "token",
        title: "Intercom accepts the access token",
        looks_at: "GET /me with the token (Intercom-Version pinned). 401 with code unauthorized/token_not_found means a wrong \
                   or regenerated token; token_revoked/token_expired/token_blocked/token_suspended mean the token or app was revoked or blocked.",
        fix: TOKEN_SCREEN,
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [IntercomMe],
        run: token,
    }
}

async fn token(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    match cx.facts.intercom()?.me().await {
        Ok(me) => Ok(Outcome::pass(format!(
            "token of admin {} ({}) in workspace {}",
            me.id.as_deref().unwrap_or("?"),
            me.email.as_deref().unwrap_or("no email"),
            me.app.as_ref().and_then(|a| a.id_code.as_deref()).unwrap_or("?")
        ))),
        Err(e) if e.is_status(401) => {
            let code = e.vendor_error().and_then(|v| v.code.clone()).unwrap_or_default();
            let why = match code.as_str() {
                "token_revoked" | "token_expired" | "token_blocked" | "token_suspended" => {
                    "the token was revoked or expired, or the app was blocked or suspended"
                }
                _ => "the token is wrong or was regenerated (the old one stops working)",
            };
            Ok(Outcome::fail(format!("Intercom rejected the token: {why} ({e})")))
        }
        Err(e) if e.is_status(403) => {
            Ok(Outcome::pass(format!("the token is recognised (refused for another reason: see the plan check): {e}")))
        }
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static PLAN {
        symptom: IntercomSymptom::Credentials,
        cause: "plan",
        title: "The workspace's plan includes API access",
        looks_at: "GET /conversations?per_page=20 (and GET /me): Intercom documents 403 with code api_plan_restricted \
                   (\"Active subscription needed\") on the conversation endpoints, which OpenCX reads; /me may still \
                   answer on such a plan.",
        fix: "The Intercom workspace's plan does not include the REST API: the workspace owner must upgrade it (Intercom: \
              Settings → Workspace → Billing); OpenCX's Intercom integration needs API access.",
        docs: DOCS,
        needs_target: false,
        requires: [TOKEN],
        reads: [IntercomMe, IntercomRecentConversations],
        run: plan,
    }
}

/// Is this the documented answer of a plan without API access?
pub fn plan_restricted(e: &crate::http::ApiError) -> bool {
    e.is_status(403) && e.vendor_error().and_then(|v| v.code.as_deref()) == Some("api_plan_restricted")
}

async fn plan(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let intercom = cx.facts.intercom()?;
    let (me, conversations) = futures::join!(intercom.me(), intercom.recent_conversations());
    // The plan shows where Intercom documents it: on the conversation endpoints.
    for answer in [conversations.as_ref().err(), me.as_ref().err()].into_iter().flatten() {
        if plan_restricted(answer) {
            return Ok(Outcome::fail(format!("the workspace's plan has no API access ({answer})")));
        }
    }
    match (me, conversations) {
        (Ok(_), Ok(page)) => Ok(Outcome::pass(format!(
            "GET /me and GET /conversations answer for this workspace ({} recent conversation(s) read)",
            page.conversations.len()
        ))),
        // Refused for something else than the plan: the permission checks say what.
        (Ok(_), Err(e)) => Ok(Outcome::pass(format!(
            "GET /me answers and GET /conversations was refused without api_plan_restricted, so the plan has API \
             access (the refusal is a permission: see intercom.webhook.read-conversations): {e}"
        ))),
        (Err(e), _) if e.is_status(403) => Ok(Outcome::fail(format!("Intercom refused the token with 403 ({e})"))
            .with_fix(
                "The token lacks a permission: in the Developer Hub → your app → Configure → Authentication → Edit \
             permissions, grant Read conversations, Read admins and Read and list users and companies, then save.",
            )),
        (Err(e), _) => Err(e.into()),
    }
}

check! {
    pub static WORKSPACE {
        symptom: IntercomSymptom::Credentials,
        cause: "workspace",
        title: "The Workspace ID is the token's workspace",
        looks_at: "Compares the configured Workspace ID with `app.id_code` of GET /me (case-sensitive).",
        fix:
            "Use the token's workspace: Intercom: Settings → Workspace → General → Workspace ID (the App ID). Enter it in \
              OpenCX (Settings → Integrations → Intercom → Workspace ID) and here (DOCTOR_INTERCOM_WORKSPACE_ID).",
        docs: DOCS,
        needs_target: false,
        requires: [PLAN],
        reads: [IntercomMe],
        run: workspace,
    }
}

async fn workspace(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let configured = cx.setting(&fields::intercom::WORKSPACE_ID)?.to_string();
    let me = cx.facts.intercom()?.me().await?;
    match me.app.as_ref().and_then(|a| a.id_code.as_deref()) {
        Some(actual) if actual == configured => Ok(Outcome::pass(format!("workspace {actual}"))),
        Some(actual) => Ok(Outcome::fail(format!(
            "the token belongs to workspace '{actual}', but the configured Workspace ID is '{configured}'"
        ))),
        None => Ok(Outcome::info("GET /me reported no app id, so the Workspace ID cannot be compared")
            .with_fix("Compare it by hand: Intercom Settings → Workspace → General → Workspace ID.")),
    }
}

check! {
    pub static REGION {
        symptom: IntercomSymptom::Credentials,
        cause: "region",
        title: "Requests go to the workspace's regional host",
        looks_at: "`app.region` of GET /me (US, EU, AU) against the host the requests went to: api.intercom.io, \
                   api.eu.intercom.io or api.au.intercom.io.",
        fix:
            "Intercom: Settings → Workspace → General shows the region; use its host (EU: https://api.eu.intercom.io, AU: https://api.au.intercom.io); set \
              DOCTOR_INTERCOM_BASE_URL accordingly. A token of an EU or AU workspace is not valid on another region's host.",
        docs: Some("https://developers.intercom.com/building-apps/docs/rest-apis"),
        needs_target: false,
        requires: [PLAN],
        reads: [IntercomMe],
        run: region,
    }
}

async fn region(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let intercom = cx.facts.intercom()?;
    let me = intercom.me().await?;
    let used = intercom.base_url().as_str().trim_end_matches('/').to_string();
    let Some(region) = me.app.as_ref().and_then(|a| a.region.clone()) else {
        return Ok(Outcome::info("GET /me reported no region")
            .with_fix("Check the region in Intercom: Settings → Workspace → General."));
    };
    let Some(expected) = intercom::region_host(&region) else {
        return Ok(Outcome::info(format!(
            "the workspace reports the region '{region}', which the doctor does not know"
        ))
        .with_fix("Check Intercom's regional hosting documentation for the host of this region."));
    };
    let official = [intercom::US, intercom::EU, intercom::AU];
    if used == expected {
        Ok(Outcome::pass(format!("region {region}, host {used}")))
    } else if official.contains(&used.as_str()) {
        Ok(Outcome::warn(format!("the workspace is hosted in {region} ({expected}), but requests go to {used}")))
    } else {
        Ok(Outcome::info(format!(
            "the workspace is hosted in {region} ({expected}); requests go to the base URL override {used}"
        ))
        .with_fix(format!("Without an override, use {expected} for this workspace.")))
    }
}
