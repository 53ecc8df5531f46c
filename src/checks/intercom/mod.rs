//! Intercom checks, one file per symptom (interface.md's slugs).

pub mod ai_silent;
pub mod assist;
pub mod attributes;
pub mod companies;
pub mod credentials;
pub mod duplicates;
pub mod handoff_stuck;
pub mod webhook;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[
    &credentials::TOKEN,
    &credentials::PLAN,
    &credentials::WORKSPACE,
    &credentials::REGION,
    &webhook::TOPICS_INFO,
    &webhook::READ_CONVERSATIONS,
    &webhook::URL_REACHABLE,
    &webhook::DELIVERIES,
    &ai_silent::CONVERSATION,
    &ai_silent::AI_ADMIN,
    &ai_silent::ASSIGNED,
    &ai_silent::ASSIGNMENT_EVENT,
    &ai_silent::CUSTOMER_INITIATED,
    &ai_silent::AUTOPILOT,
    &handoff_stuck::STILL_ASSIGNED,
    &duplicates::REPLIES,
    &assist::HUMAN_OWNED,
    &assist::CHANNEL,
    &assist::DRAFT,
    &attributes::API_WRITABLE,
    &attributes::DELAY,
    &companies::CONTACT_COMPANY,
    &companies::SYNC_SETTING,
];
