//! Gorgias checks, one file per symptom.

pub mod credentials;

use crate::engine::Check;

pub static CHECKS: &[&Check] = &[
    &credentials::DOMAIN,
    &credentials::API_KEY,
    &credentials::PERMISSION,
    &credentials::ACCOUNT_ACTIVE,
    &credentials::EMAIL,
];

/// Where Gorgias's REST API credentials are, and where OpenCX takes them.
pub const CREDENTIALS_SCREENS: &str = "In Gorgias: Settings → REST API (copy the Base API URL's domain prefix, \
    the Username/email and the API key, or create a new key). In OpenCX: Settings → Integrations → Gorgias: enter \
    the same values and press Test & Save; for the doctor run `doctor login gorgias`.";
