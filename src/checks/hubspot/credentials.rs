//! Symptom `credentials` ("Connection test fails"): the token's shape (linted before any call),
//! and whether HubSpot still knows it (token introspection).

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::settings::Secret;
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");
const TOKEN_SCREEN: &str = "In HubSpot: Settings → Integrations → Private Apps (Legacy Apps) → your OpenCX app → Auth → \
    Access token → Show token → Copy. Paste it in OpenCX (Settings → Integrations → HubSpot → Private App Access Token) and \
    here with `doctor login hubspot` (or DOCTOR_HUBSPOT_TOKEN).";

check! {
    pub static TOKEN_FORMAT {
        symptom: HubspotSymptom::Credentials,
        cause: "token-format",
        title: "The token is a private-app token (pat-<region>-…)",
        looks_at: "The token's shape, before any call: `pat-` + a region segment such as na1, eu1 or ap1, then a UUID. A \
                   developer API key, an OAuth token or a `Bearer ` prefix pasted along is caught here.",
        fix: "Use the private app's access token, which starts with pat-<region>- (pat-na1-, pat-eu1-, …): a developer \
              API key or an OAuth token does not work. In HubSpot: Settings → Integrations → Private Apps (Legacy Apps) → \
              your OpenCX app → Auth → Access token → Show token → Copy. Paste it in OpenCX (Settings → Integrations → \
              HubSpot → Private App Access Token) and here with `doctor login hubspot` (or DOCTOR_HUBSPOT_TOKEN).",
        docs: Some("https://developers.hubspot.com/docs/apps/legacy-apps/private-apps/overview"),
        needs_target: false,
        requires: [],
        reads: [],
        run: token_format,
    }
}

async fn token_format(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let token: Secret = cx
        .settings
        .secret(&fields::hubspot::TOKEN)
        .ok_or_else(|| crate::engine::context::missing(&fields::hubspot::TOKEN))?;
    Ok(match crate::vendors::hubspot::lint_token(token.expose()) {
        Ok(region) => Outcome::pass(format!("{} (region {region})", token.masked())),
        Err((false, why)) => Outcome::warn(format!("the token {why}")),
        Err((true, why)) => Outcome::fail(format!("the token {why}")),
    })
}

check! {
    pub static TOKEN_VALID {
        symptom: HubspotSymptom::Credentials,
        cause: "token-valid",
        title: "HubSpot knows the token (not expired, revoked or deleted)",
        looks_at: "POST /oauth/v2/private-apps/get/access-token-info (a read-only introspection): the token's app, portal, \
                   user and scopes. 401 means expired or revoked; 400/404 means HubSpot does not know the token (the app was deleted).",
        fix: TOKEN_SCREEN,
        docs: DOCS,
        needs_target: false,
        requires: [TOKEN_FORMAT],
        reads: [HubspotTokenInfo],
        run: token_valid,
    }
}

async fn token_valid(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    match cx.facts.hubspot()?.token_info().await {
        Ok(info) => Ok(Outcome::pass(format!(
            "token of private app {} in portal {}, created by user {}, {} scope(s)",
            opt(info.app_id),
            opt(Some(info.hub_id)),
            opt(info.user_id),
            info.scopes.len()
        ))),
        Err(e) if e.is_status(401) => Ok(Outcome::fail(format!(
            "HubSpot rejected the token: it expired or was rotated/revoked ({e})"
        ))),
        Err(e) if e.is_status(400) || e.is_status(404) => Ok(Outcome::fail(format!(
            "HubSpot does not know this token: the private app may have been deleted or deactivated ({e})"
        ))
        .with_fix(format!("Check that the OpenCX app still exists in HubSpot; if not, create a new Legacy App with the scopes `doctor hubspot scopes` lists. {TOKEN_SCREEN}"))),
        Err(e) => Err(e.into()),
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "?".into())
}
