//! HubSpot checks, one file per symptom.

pub mod credentials;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[&credentials::TOKEN_FORMAT, &credentials::TOKEN_VALID];
