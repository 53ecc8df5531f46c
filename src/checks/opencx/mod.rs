//! OpenCX checks: they join every helpdesk run.

pub mod credentials;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[&credentials::API_KEY];
