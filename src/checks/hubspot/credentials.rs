//! Symptom `credentials` ("Connection test fails"): the token's shape (linted before any call),
//! and whether HubSpot still knows it (token introspection).

use std::sync::Arc;

use futures::FutureExt;
use regex::Regex;

use crate::engine::{Check, CheckError, Ctx, Outcome};
use crate::integration::Integration;
use crate::settings::Secret;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");
const TOKEN_SCREEN: &str = "In HubSpot: Settings → Integrations → Private Apps (Legacy Apps) → your OpenCX app → Auth → \
    Access token → Show token → Copy. Paste it in OpenCX (Settings → Integrations → HubSpot → Private App Access Token) and \
    here with `doctor login hubspot` (or DOCTOR_HUBSPOT_TOKEN).";

pub static TOKEN_FORMAT: Check = Check {
    id: "hubspot.credentials.token-format",
    integration: Integration::Hubspot,
    symptom: "credentials",
    title: "The token is a private-app token (pat-<region>-…)",
    looks_at: "The token's shape, before any call: `pat-` + a region segment such as na1, eu1 or ap1, then a UUID. A \
               developer API key, an OAuth token or a `Bearer ` prefix pasted along is caught here.",
    fix: "Use the private app's access token, which starts with pat-<region>- (pat-na1-, pat-eu1-, …): a developer \
          API key or an OAuth token does not work. In HubSpot: Settings → Integrations → Private Apps (Legacy Apps) → \
          your OpenCX app → Auth → Access token → Show token → Copy. Paste it in OpenCX (Settings → Integrations → \
          HubSpot → Private App Access Token) and here with `doctor login hubspot` (or DOCTOR_HUBSPOT_TOKEN).",
    docs: Some("https://developers.hubspot.com/docs/apps/legacy-apps/private-apps/overview"),
    needs_target: false,
    requires: &[],
    run: |cx| token_format(cx).boxed(),
};

/// What is wrong with a token's shape, if anything: `Err((is_fatal, why))`.
pub fn lint_token(token: &str) -> Result<String, (bool, String)> {
    let strict = Regex::new(r"^pat-([a-z]{2}\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        .expect("static regex");
    if let Some(caps) = strict.captures(token) {
        return Ok(caps[1].to_string());
    }
    if token.to_ascii_lowercase().starts_with("bearer ") {
        return Err((true, "the token starts with 'Bearer ': paste the token alone".into()));
    }
    if token.chars().any(char::is_whitespace) {
        return Err((true, "the token contains white space (a copy-paste error)".into()));
    }
    if let Some(rest) = token.strip_prefix("pat-") {
        let region = rest.split('-').next().unwrap_or_default();
        if Regex::new(r"^[a-z]{2}\d+$").expect("static regex").is_match(region) {
            return Err((false, format!("starts with pat-{region}- but the rest is not the usual UUID shape")));
        }
        return Err((true, "starts with pat- but has no region segment (pat-na1-…, pat-eu1-…)".into()));
    }
    Err((true, "is not a private-app token: those start with pat-<region>- (e.g. pat-na1-); a developer API key or an OAuth token does not work here".into()))
}

async fn token_format(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let token: Secret = cx
        .settings
        .secret(Integration::Hubspot, "token")
        .ok_or_else(|| crate::engine::context::missing(Integration::Hubspot, "token"))?;
    Ok(match lint_token(token.expose()) {
        Ok(region) => Outcome::pass(format!("{} (region {region})", token.masked())),
        Err((false, why)) => Outcome::warn(format!("the token {why}")),
        Err((true, why)) => Outcome::fail(format!("the token {why}")),
    })
}

pub static TOKEN_VALID: Check = Check {
    id: "hubspot.credentials.token-valid",
    integration: Integration::Hubspot,
    symptom: "credentials",
    title: "HubSpot knows the token (not expired, revoked or deleted)",
    looks_at: "POST /oauth/v2/private-apps/get/access-token-info (a read-only introspection): the token's app, portal, \
               user and scopes. 401 means expired or revoked; 400/404 means HubSpot does not know the token (the app was deleted).",
    fix: TOKEN_SCREEN,
    docs: DOCS,
    needs_target: false,
    requires: &["hubspot.credentials.token-format"],
    run: |cx| token_valid(cx).boxed(),
};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_shapes_are_linted_before_any_call() {
        assert_eq!(lint_token("pat-na1-0123abcd-0123-4567-89ab-0123456789ab").unwrap(), "na1");
        assert!(!lint_token("pat-eu1-short").unwrap_err().0);
        assert!(lint_token("pat-0123abcd-0123").unwrap_err().0);
        assert!(lint_token("Bearer pat-na1-x").unwrap_err().1.contains("Bearer"));
        assert!(lint_token("0123abcd-aaaa-bbbb-cccc-ddddeeeeffff").unwrap_err().1.contains("not a private-app token"));
    }
}
