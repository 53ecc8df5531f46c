//! Intercom checks, one file per symptom (interface.md's slugs).

pub mod ai_silent;
pub mod assist;
pub mod attributes;
pub mod companies;
pub mod credentials;
pub mod duplicates;
pub mod handoff_stuck;
pub mod webhook;

use std::sync::Arc;

use crate::engine::{CheckError, Ctx};
use crate::integration::Integration;
use crate::target::Target;
use crate::vendors::intercom::Conversation;

/// The Intercom conversation the run was given (`--conversation`).
pub fn conversation_id(cx: &Ctx) -> Result<&str, CheckError> {
    cx.target_as(Integration::Intercom, Target::conversation)
}

/// The run's conversation (the conversation check has proved it exists).
pub async fn conversation(cx: &Ctx) -> Result<Arc<Conversation>, CheckError> {
    Ok(cx.facts.intercom()?.conversation(conversation_id(cx)?).await?)
}
