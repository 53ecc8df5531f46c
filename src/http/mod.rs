//! The HTTP layer shared by every vendor client; vendor clients build on `VendorClient`.

pub mod activity;
pub mod client;
pub mod error;
pub mod guard;
pub mod pacer;
pub mod record;
pub mod tuning;

pub use client::{Auth, Http, HttpOptions, Raw, VendorApi, VendorClient};
pub use error::{ApiError, ErrorKind, VendorError};
pub use pacer::Budget;
