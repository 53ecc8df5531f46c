//! A check is data: a stable id `<integration>.<symptom>.<cause>`, a title, what it looks at, the
//! fix, a docs link, what it needs (a helpdesk id, prerequisite checks) and an async function
//! from the run's facts to an outcome. Titles and fixes live beside the function that owns
//! them, so `doctor explain`, the docs and the output never disagree.

use std::sync::Arc;

use futures::future::BoxFuture;

use super::Ctx;
use crate::facts::{FactError, Read};
use crate::http::ApiError;
use crate::integration::Integration;
use crate::symptom::Symptom;

pub use crate::report::model::Status;

/// What a check found. `fix` overrides the check's standing fix text when the evidence allows a
/// more precise one; it is dropped for `pass`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    pub detail: String,
    pub fix: Option<String>,
    /// The setting whose absence kept the check from running (`opencx.api_key`).
    pub needs_setting: Option<String>,
}

impl Outcome {
    fn new(status: Status, detail: impl Into<String>) -> Outcome {
        Outcome { status, detail: detail.into(), fix: None, needs_setting: None }
    }
    pub fn pass(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Pass, detail)
    }
    pub fn fail(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Fail, detail)
    }
    pub fn warn(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Warn, detail)
    }
    pub fn info(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Info, detail)
    }
    pub fn skip(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Skip, detail)
    }
    pub fn error(detail: impl Into<String>) -> Outcome {
        Outcome::new(Status::Error, detail)
    }
    pub fn with_fix(mut self, fix: impl Into<String>) -> Outcome {
        self.fix = Some(fix.into());
        self
    }
}

/// Why a check could not reach a verdict; becomes status `error` (or `skip` for a missing
/// setting), never a pass.
#[derive(Clone, Debug)]
pub enum CheckError {
    Api(Arc<ApiError>),
    /// A setting the check needs is not configured: `(setting, environment variable)`.
    Setting {
        setting: String,
        env: String,
    },
    /// The check reads one helpdesk object and the run was given none (`--ticket` …).
    NoTarget(Integration),
    /// The evidence was read but is incomplete, so no verdict can rest on it (a session lookup
    /// whose window held more than was read).
    Inconclusive {
        detail: String,
        fix: String,
    },
}

/// The outcome of a check that needs a helpdesk object when the run names none.
pub fn needs_target(integration: Integration) -> Outcome {
    let flag = integration.target_flag().unwrap_or("an id");
    Outcome::skip(format!("{}: run with {flag} ID", crate::report::model::NEEDS_TARGET)).with_fix(format!(
        "run `doctor {} {flag} ID` to check this on one {}",
        integration.slug(),
        integration.object_name()
    ))
}

impl From<Arc<ApiError>> for CheckError {
    fn from(e: Arc<ApiError>) -> CheckError {
        CheckError::Api(e)
    }
}

impl From<FactError> for CheckError {
    fn from(e: FactError) -> CheckError {
        match e {
            FactError::Api(e) => CheckError::Api(e),
            FactError::Setting { setting, env } => CheckError::Setting { setting, env },
            FactError::Inconclusive { detail, fix } => CheckError::Inconclusive { detail, fix },
        }
    }
}

impl From<CheckError> for Outcome {
    fn from(e: CheckError) -> Outcome {
        match e {
            CheckError::Api(e) => Outcome::error(e.to_string()).with_fix(e.hint()),
            CheckError::Setting { setting, env } => {
                let fix = crate::settings::fields::find_dotted(&setting)
                    .map_or_else(|| format!("set {env}"), |f| f.how_to_set());
                let mut outcome = Outcome::skip(format!("needs the setting {setting} ({env})")).with_fix(fix);
                outcome.needs_setting = Some(setting);
                outcome
            }
            CheckError::NoTarget(integration) => needs_target(integration),
            CheckError::Inconclusive { detail, fix } => Outcome::error(detail).with_fix(fix),
        }
    }
}

pub type CheckFuture = BoxFuture<'static, Result<Outcome, CheckError>>;

/// One check. Declare it with [`check!`](crate::check): the id, integration and source location
/// are filled in from the typed symptom and the cause.
pub struct Check {
    /// `<integration>.<symptom>.<cause>`: stable, public.
    pub id: &'static str,
    pub symptom: Symptom,
    pub title: &'static str,
    /// For `doctor explain`: what the check reads and how it decides.
    pub looks_at: &'static str,
    /// The standing fix, shown under a failure unless the outcome gives a sharper one.
    pub fix: &'static str,
    pub docs: Option<&'static str>,
    /// Runs only when the helpdesk object id (`--ticket`, …) is given.
    pub needs_target: bool,
    /// Checks that must pass (or warn/info) first; otherwise this one is skipped, blocked by them.
    pub requires: &'static [&'static Check],
    /// The facts the check reads: the run fetches them ahead (`facts::prefetch`).
    pub reads: &'static [Read],
    pub run: fn(Arc<Ctx>) -> CheckFuture,
    /// Where the declaration is (`src/checks/gorgias/webhook.rs`, line 42): for `doctor explain`,
    /// and the catalogue's order within a symptom.
    pub file: &'static str,
    pub line: u32,
}

/// Every check declared with [`check!`](crate::check), in no particular order (see
/// `checks::catalogue` for the order).
#[linkme::distributed_slice]
pub static CATALOGUE: [Check];

impl Check {
    pub fn integration(&self) -> Integration {
        self.symptom.integration
    }
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl PartialEq for Check {
    fn eq(&self, other: &Check) -> bool {
        self.id == other.id
    }
}

/// Declares a check: its typed symptom and cause (the id is `<integration>.<symptom>.<cause>`),
/// texts, prerequisites (other checks, by reference), the facts it reads and its function.
///
/// ```ignore
/// check! {
///     /// Optional doc comment.
///     pub static DOMAIN {
///         symptom: GorgiasSymptom::Credentials,
///         cause: "domain",
///         title: "The Gorgias domain prefix names a Gorgias account",
///         looks_at: "GET https://{domain}.gorgias.com/api/account …",
///         fix: "Use the prefix of your helpdesk address …",
///         docs: DOCS,
///         needs_target: false,
///         requires: [],
///         reads: [GorgiasAccount],
///         run: domain,
///     }
/// }
/// ```
#[macro_export]
macro_rules! check {
    (
        $(#[$meta:meta])*
        $vis:vis static $name:ident {
            symptom: $symptom:expr,
            cause: $cause:literal,
            title: $title:expr,
            looks_at: $looks_at:expr,
            fix: $fix:expr,
            docs: $docs:expr,
            needs_target: $needs_target:expr,
            requires: [$($required:expr),* $(,)?],
            reads: [$($read:ident),* $(,)?],
            run: $run:expr $(,)?
        }
    ) => {
        $(#[$meta])*
        #[::linkme::distributed_slice($crate::engine::check::CATALOGUE)]
        $vis static $name: $crate::engine::Check = $crate::engine::Check {
            id: {
                const SYMPTOM: $crate::symptom::Symptom = $symptom.symptom();
                const INTEGRATION: &str = SYMPTOM.integration.slug();
                const SLUG: &str = SYMPTOM.slug;
                ::const_format::concatcp!(INTEGRATION, ".", SLUG, ".", $cause)
            },
            symptom: $symptom.symptom(),
            title: $title,
            looks_at: $looks_at,
            fix: $fix,
            docs: $docs,
            needs_target: $needs_target,
            requires: &[$(&$required),*],
            reads: &[$($crate::facts::Read::$read),*],
            run: |cx| ::futures::FutureExt::boxed(($run)(cx)),
            file: file!(),
            line: line!(),
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_without_its_helpdesk_object_names_the_flag_not_a_setting() {
        for (integration, flag, object) in [
            (Integration::Gorgias, "--ticket", "ticket"),
            (Integration::Intercom, "--conversation", "conversation"),
            (Integration::Hubspot, "--thread", "thread"),
        ] {
            let outcome = Outcome::from(CheckError::NoTarget(integration));
            assert_eq!(outcome.status, Status::Skip);
            assert!(outcome.detail.contains(&format!("{flag} ID")), "{}", outcome.detail);
            let fix = outcome.fix.unwrap_or_default();
            assert!(fix.contains(flag) && fix.ends_with(object), "{fix}");
        }
    }
}
