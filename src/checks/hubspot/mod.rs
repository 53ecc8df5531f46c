//! HubSpot checks, one file per symptom (interface.md's slugs).

/// A check built on one of the webhook-setting readers of `webhook.rs`, which the `webhook`
/// and `replies` symptoms share (same read, their own id and title).
macro_rules! webhook_setting_check {
    ($name:ident, $symptom:expr, $cause:literal, $title:literal, $looks:literal, $fix:expr, $f:path) => {
        $crate::check! {
            pub static $name {
                symptom: $symptom,
                cause: $cause,
                title: $title,
                looks_at: $looks,
                fix: $fix,
                docs: DOCS,
                needs_target: false,
                requires: [$crate::checks::hubspot::credentials::TOKEN_VALID],
                reads: [HubspotWebhooks],
                run: |cx: std::sync::Arc<$crate::engine::Ctx>| async move { $f(&cx).await },
            }
        }
    };
}

pub mod ai_silent;
pub mod credentials;
pub mod crm_panel;
pub mod no_ticket;
pub mod replies;
pub mod scopes;
pub mod webhook;

use std::sync::Arc;

use crate::engine::{CheckError, Ctx};
use crate::integration::Integration;
use crate::settings::fields;
use crate::target::Target;
use crate::vendors::hubspot::Thread;

/// The HubSpot thread the run was given (`--thread`).
pub fn thread_id(cx: &Ctx) -> Result<&str, CheckError> {
    cx.target_as(Integration::Hubspot, Target::thread)
}

/// The configured Default User ID as digits, and whether it was typed in the actor form `A-<n>`.
pub fn ai_user(cx: &Ctx) -> Result<(String, bool), CheckError> {
    let raw = cx.setting(&fields::hubspot::AI_USER_ID)?;
    Ok(match raw.strip_prefix("A-") {
        Some(digits) => (digits.to_string(), true),
        None => (raw.to_string(), false),
    })
}

pub async fn thread(cx: &Ctx) -> Result<Arc<Thread>, CheckError> {
    Ok(cx.facts.hubspot()?.thread(thread_id(cx)?).await?)
}
