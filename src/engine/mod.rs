//! The check engine: what a check is (`check`), what a check sees (`context`), choosing the
//! checks of a run (`select`), running them concurrently under their prerequisites
//! (`scheduler`), and a whole run from plan to report (`run`).

pub mod check;
pub mod context;
pub mod run;
pub mod scheduler;
pub mod select;
pub mod sweep;

pub use check::{Check, CheckError, CheckFuture, Outcome, Status};
pub use context::Ctx;
