//! What every check of a run can see: the settings, the object the run is pointed at, and the
//! facts (memoised API reads) of each configured vendor.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::CheckError;
use crate::facts::{Facts, SessionEvidence};
use crate::integration::Integration;
use crate::settings::{Field, Settings};
use crate::target::Target;

pub struct Ctx {
    /// The integration this run diagnoses (`opencx` for `doctor session`).
    pub integration: Integration,
    pub settings: Arc<Settings>,
    /// The object the run is pointed at (`--ticket`, `--conversation`, `--thread`, a session).
    pub target: Option<Target>,
    /// Shared by every integration of the run, so `doctor all` reads OpenCX once.
    pub facts: Arc<Facts>,
    /// When the run started: "recent" is measured from here.
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// A non-secret setting the check cannot do without.
    pub fn setting(&self, field: &Field) -> Result<&str, CheckError> {
        self.settings.get(field).ok_or_else(|| missing(field))
    }

    pub fn id_setting(&self, field: &Field) -> Result<u64, CheckError> {
        self.settings.id(field).ok_or_else(|| missing(field))
    }

    /// The OpenCX evidence for the run's object: `None` when the run has none, or when the object
    /// has no times to look its session up by.
    pub async fn session_evidence(&self) -> Result<Option<Arc<SessionEvidence>>, CheckError> {
        match &self.target {
            Some(target) => Ok(self.facts.session_evidence(target).await?),
            None => Ok(None),
        }
    }

    /// The run's object as `pick` reads it (`Target::ticket`), or the error that says which flag
    /// the run needs.
    pub fn target_as<'a, T>(
        &'a self,
        integration: Integration,
        pick: impl FnOnce(&'a Target) -> Option<T>,
    ) -> Result<T, CheckError> {
        self.target.as_ref().and_then(pick).ok_or(CheckError::NoTarget(integration))
    }
}

/// The error for a setting the check cannot do without.
pub fn missing(field: &Field) -> CheckError {
    CheckError::Setting { setting: field.dotted(), env: field.env_var() }
}
