//! OpenCX checks: they join every helpdesk run, and make up `doctor session`.

pub mod credentials;
pub mod session;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[
    &credentials::API_KEY,
    &session::FOUND,
    &session::SINGLE,
    &session::HANDOFF_RESPECTED,
    &session::EVIDENCE_COMPLETE,
];
