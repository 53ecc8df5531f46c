//! Symptom `credentials` ("Failed to save"): the documented causes are a wrong domain prefix,
//! a revoked or wrong key, a key whose user lacks rights (or a plan without API access), and an
//! email that is not the key's user. All read one `GET /api/account` (and `/api/users/0`).

use std::sync::Arc;

use super::CREDENTIALS_SCREENS;
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::http::ErrorKind;
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/troubleshooting");

check! {
    pub static DOMAIN {
        symptom: GorgiasSymptom::Credentials,
        cause: "domain",
        title: "The Gorgias domain prefix names a Gorgias account",
        looks_at: "GET https://{domain}.gorgias.com/api/account. Any JSON answer (even 401) proves the account exists; a \
                   DNS failure or a non-JSON 404 page means no Gorgias account has that prefix. Also compares the account's \
                   `domain` with the configured prefix.",
        fix: "Use the prefix of your helpdesk address: `acme` for https://acme.gorgias.com (Gorgias: Settings → REST API shows \
              the Base API URL). Enter it in OpenCX (Settings → Integrations → Gorgias → Domain Prefix) and here \
              (`doctor login gorgias` or DOCTOR_GORGIAS_DOMAIN).",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [GorgiasAccount],
        run: domain,
    }
}

async fn domain(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let configured = cx.setting(&fields::gorgias::DOMAIN)?.to_string();
    match cx.facts.gorgias()?.account().await {
        Ok(account) => match account.domain.as_deref() {
            Some(d) if !d.eq_ignore_ascii_case(&configured) => Ok(Outcome::warn(format!(
                "the account answering is '{d}', but the profile says '{configured}' (a base URL override or a proxy may point elsewhere)"
            ))),
            _ => Ok(Outcome::pass(format!("{configured}.gorgias.com is a Gorgias account"))),
        },
        Err(e) => match &e.kind {
            ErrorKind::Status { .. } => Ok(Outcome::pass(format!(
                "{configured}.gorgias.com is a Gorgias account (it answered HTTP {} in Gorgias's JSON format)",
                e.status().unwrap_or_default()
            ))),
            ErrorKind::Dns { host, .. } => Ok(Outcome::fail(format!(
                "the host {host} does not resolve: no Gorgias account has the prefix '{configured}'"
            ))),
            ErrorKind::NotJson { status: 404, .. } => Ok(Outcome::fail(format!(
                "{configured}.gorgias.com answered a 404 web page instead of the API: no Gorgias account has the prefix '{configured}' ({e})"
            ))),
            _ => Err(e.into()),
        },
    }
}

check! {
    pub static API_KEY {
        symptom: GorgiasSymptom::Credentials,
        cause: "api-key",
        title: "Gorgias accepts the email and API key",
        looks_at: "GET /api/account with HTTP Basic (email : API key). 401 means the key is wrong, revoked or was reset \
                   (a reset invalidates the old key at once), or the email is not the key's user.",
        fix: CREDENTIALS_SCREENS,
        docs: Some("https://developers.gorgias.com/docs/authentication"),
        needs_target: false,
        requires: [DOMAIN],
        reads: [GorgiasAccount],
        run: api_key,
    }
}

async fn api_key(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let email = cx.setting(&fields::gorgias::EMAIL)?.to_string();
    match cx.facts.gorgias()?.account().await {
        Ok(_) => Ok(Outcome::pass(format!("Gorgias accepted the API key for {email}"))),
        Err(e) if e.is_status(403) => Ok(Outcome::pass(format!(
            "Gorgias recognised the API key for {email} (but refused the request: see the permission check)"
        ))),
        Err(e) if e.is_status(401) => Ok(Outcome::fail(format!(
            "Gorgias rejected the credentials with 401 Unauthorized: the API key is wrong, was revoked or reset, or \
             {email} is not the user it belongs to ({e})"
        ))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static PERMISSION {
        symptom: GorgiasSymptom::Credentials,
        cause: "permission",
        title: "The API key's user may use the REST API",
        looks_at: "The same GET /api/account: 403 means the key is valid but its user's role (or the account) may not \
                   use the API. Also reads the key's user (GET /api/users/0): HTTP integrations are managed by admins.",
        fix: "In Gorgias: Settings → Users & access → the key's user → Role: Admin (API keys carry their user's rights), then \
              retry Test & Save in OpenCX. Gorgias lists the REST API on every helpdesk plan; if the user is already an admin, \
              ask Gorgias support whether the account's plan or state blocks API access.",
        docs: Some("https://docs.gorgias.com/en-US/rest-api-208286"),
        needs_target: false,
        requires: [API_KEY],
        reads: [GorgiasAccount, GorgiasCurrentUser],
        run: permission,
    }
}

async fn permission(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let gorgias = cx.facts.gorgias()?;
    if let Err(e) = gorgias.account().await {
        if e.is_status(403) {
            return Ok(Outcome::fail(format!(
                "Gorgias refused the request with 403 Forbidden: the key's user lacks the rights, or the account's plan or \
                 state does not allow API access ({e})"
            )));
        }
        return Err(e.into());
    }
    match gorgias.current_user().await {
        Ok(user) => {
            let role = user.role.as_ref().and_then(|r| r.name.clone()).unwrap_or_else(|| "unknown".into());
            if role == "admin" {
                Ok(Outcome::pass(format!("the key belongs to user {} with the admin role", user.id)))
            } else {
                Ok(Outcome::warn(format!(
                    "the key belongs to user {} with the role '{role}'; only admins can read and manage HTTP integrations, \
                     which the webhook checks need",
                    user.id
                )))
            }
        }
        Err(e) if e.is_not_found() => Ok(Outcome::info(
            "the API allows the key; Gorgias did not say which user it belongs to (GET /api/users/0 answered 404), so its role is unknown",
        )
        .with_fix("In Gorgias: Settings → REST API shows the key's user; give it the Admin role if the webhook checks are refused.")),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static ACCOUNT_ACTIVE {
        symptom: GorgiasSymptom::Credentials,
        cause: "account-active",
        title: "The Gorgias account is active",
        looks_at: "`status.status` and `deactivated_datetime` of GET /api/account.",
        fix: "The Gorgias account is not active: the account owner must reactivate it (Gorgias: Settings → Billing) or contact \
              Gorgias support; OpenCX cannot connect to a deactivated account.",
        docs: DOCS,
        needs_target: false,
        requires: [PERMISSION],
        reads: [GorgiasAccount],
        run: account_active,
    }
}

async fn account_active(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let account = cx.facts.gorgias()?.account().await?;
    let status = account.status.as_ref().and_then(|s| s.status.clone());
    match (&account.deactivated_datetime, status.as_deref()) {
        (Some(when), _) => Ok(Outcome::fail(format!("the account was deactivated at {when}"))),
        (None, Some("active")) => Ok(Outcome::pass("account status: active")),
        // No status and no deactivation date is no evidence either way.
        (None, None) => Ok(Outcome::info(
            "GET /api/account reports no status and no deactivation date, so whether the account is active is not known",
        )
        .with_fix("Check the account's state in Gorgias: Settings → Billing.")),
        (None, Some(other)) => Ok(Outcome::fail(format!("the account status is '{other}', not 'active'"))),
    }
}

check! {
    pub static EMAIL {
        symptom: GorgiasSymptom::Credentials,
        cause: "email",
        title: "The configured email is the API key's user",
        looks_at: "GET /api/users/0 (the key's own user) and compares its email with the configured one, ignoring case.",
        fix:
            "Use the email of the user who owns the API key (Gorgias: Settings → REST API → Username) in OpenCX and here; \
              or create a key while logged in as the user whose email you use.",
        docs: Some("https://developers.gorgias.com/docs/authentication"),
        needs_target: false,
        requires: [API_KEY],
        reads: [GorgiasCurrentUser],
        run: email,
    }
}

async fn email(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let configured = cx.setting(&fields::gorgias::EMAIL)?.to_string();
    match cx.facts.gorgias()?.current_user().await {
        Ok(user) => match user.email.as_deref() {
            Some(actual) if actual.eq_ignore_ascii_case(&configured) => {
                Ok(Outcome::pass(format!("the key belongs to {actual} (user {})", user.id)))
            }
            Some(actual) => Ok(Outcome::fail(format!(
                "the API key belongs to {actual} (user {}), but the profile's email is {configured}",
                user.id
            ))),
            None => Ok(Outcome::info("Gorgias did not report the key's email; compare it in Settings → REST API")),
        },
        Err(e) if e.is_not_found() => Ok(Outcome::info(
            "GET /api/users/0 answered 404, so the key's user cannot be compared; Gorgias accepted the pair, which it does only for a matching email",
        )
        .with_fix("Compare the email in Gorgias: Settings → REST API → Username with the one entered in OpenCX.")),
        Err(e) if e.is_status(403) => Ok(Outcome::info("the key may not read users (403), so its email cannot be compared")
            .with_fix("Compare the email in Gorgias: Settings → REST API → Username with the one entered in OpenCX.")),
        Err(e) => Err(e.into()),
    }
}
