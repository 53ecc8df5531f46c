//! The check engine: what a check is (`check`), the shared per-run context with memoised facts
//! (`context`, `memo`), choosing the checks to run (`select`), and running them (`runner`).

pub mod check;
pub mod context;
pub mod memo;
pub mod runner;
pub mod select;

pub use check::{Check, CheckError, CheckFuture, Outcome, Status};
pub use context::{Ctx, Target};
