//! HubSpot checks, one file per symptom (interface.md's slugs).

/// A check built on one of the webhook-setting readers of `webhook.rs`, which the `webhook`
/// and `replies` symptoms share (same read, their own id and title).
macro_rules! webhook_setting_check {
    ($name:ident, $id:literal, $symptom:literal, $title:literal, $looks:literal, $fix:expr, $f:path) => {
        pub static $name: Check = Check {
            id: $id,
            integration: Integration::Hubspot,
            symptom: $symptom,
            title: $title,
            looks_at: $looks,
            fix: $fix,
            docs: DOCS,
            needs_target: false,
            requires: &["hubspot.credentials.token-valid"],
            run: |cx| async move { $f(&cx).await }.boxed(),
        };
    };
}

pub mod ai_silent;
pub mod credentials;
pub mod crm_panel;
pub mod no_ticket;
pub mod replies;
pub mod scopes;
pub mod webhook;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[
    &credentials::TOKEN_FORMAT,
    &credentials::TOKEN_VALID,
    &scopes::CONVERSATIONS_READ,
    &scopes::CONVERSATIONS_WRITE,
    &scopes::OWNERS_READ,
    &scopes::CONTACTS_READ,
    &scopes::CONTACTS_WRITE,
    &scopes::TICKETS,
    &scopes::COMPANIES_READ,
    &scopes::DEALS_READ,
    &scopes::CONTACT_SCHEMA_READ,
    &webhook::SUBSCRIPTIONS,
    &webhook::TARGET_URL,
    &webhook::THROTTLING,
    &webhook::DELIVERIES,
    &ai_silent::THREAD,
    &ai_silent::USER_ID_FORM,
    &ai_silent::OWNER_LOOKUP,
    &ai_silent::AI_USER,
    &ai_silent::ASSIGNED,
    &no_ticket::CHANNEL,
    &no_ticket::CONTACT_EMAIL,
    &no_ticket::OFF_HUBSPOT_HANDOFFS,
    &no_ticket::TICKET_CREATION,
    &no_ticket::TICKET_LINKED,
    &replies::HANDOFF_COMMENT,
    &replies::SUBSCRIPTIONS,
    &replies::COMMITTED,
    &replies::THROTTLING,
    &replies::TARGET_URL,
    &replies::PUBLIC_REPLY,
    &replies::CHANNEL_REACHABLE,
    &crm_panel::CONNECTION,
    &crm_panel::CONTACT_MATCH,
];
