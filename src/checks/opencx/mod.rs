//! OpenCX checks: they join every helpdesk run, and make up `doctor session`.

pub mod credentials;
pub mod session;

/// OpenCX's message deduplication window: a repeated message (same content hash) inside it is
/// dropped. The helpdesks' duplicate checks measure reply gaps against it.
pub const DEDUP_WINDOW_SECS: i64 = 3600;
