//! Intercom checks, one file per symptom.

pub mod credentials;

use crate::engine::Check;

pub static CHECKS: &[&Check] =
    &[&credentials::TOKEN, &credentials::PLAN, &credentials::WORKSPACE, &credentials::REGION];
