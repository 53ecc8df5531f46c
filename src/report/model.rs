//! The one Report value every renderer reads: the JSON schema of interface.md, field for field.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::SessionEvidence;
use crate::integration::Integration;

pub const SCHEMA_VERSION: u32 = 1;

/// A check's verdict (interface.md): the report owns the statuses; the engine produces them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Warn,
    Info,
    Skip,
    Error,
}

impl Status {
    pub const ALL: [Status; 6] = [Status::Pass, Status::Fail, Status::Warn, Status::Info, Status::Skip, Status::Error];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::Info => "info",
            Status::Skip => "skip",
            Status::Error => "error",
        }
    }

    /// Whether checks that depend on this one may run after it.
    pub fn lets_dependents_run(self) -> bool {
        matches!(self, Status::Pass | Status::Warn | Status::Info)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    pub id: String,
    pub integration: Integration,
    pub symptom: String,
    pub title: String,
    pub status: Status,
    pub detail: String,
    pub fix: Option<String>,
    pub docs: Option<String>,
    pub duration_ms: u64,
    pub blocked_by: Option<String>,
    /// The setting whose absence kept this check from running (additive to schema_version 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs_setting: Option<String>,
    /// The `--accept` entry that accepts this finding (additive): it keeps its status but does
    /// not count toward the exit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<super::accept::Accepted>,
    /// A sweep's findings on this check, object by object (additive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<super::sweep::SweepBlock>,
}

impl CheckResult {
    /// A result the doctor makes itself rather than a declared check runs (a watch's stage, the
    /// triage's reported answer, a stale acceptance).
    pub fn made(
        id: String,
        integration: Integration,
        symptom: &str,
        title: String,
        status: Status,
        detail: String,
    ) -> CheckResult {
        CheckResult {
            id,
            integration,
            symptom: symptom.to_string(),
            title,
            status,
            detail,
            fix: None,
            docs: None,
            duration_ms: 0,
            blocked_by: None,
            needs_setting: None,
            accepted: None,
            sweep: None,
        }
    }

    /// The status the exit code counts: none when an `--accept` entry accepts the finding (or,
    /// in a sweep, every object that is not fine); for a sweep, the worst object left.
    pub fn open_status(&self) -> Option<Status> {
        if self.accepted.is_some() {
            return None;
        }
        match &self.sweep {
            Some(sweep) if !matches!(self.status, Status::Skip | Status::Info | Status::Pass) => {
                Some(sweep.open_status().unwrap_or(Status::Pass))
            }
            _ => Some(self.status),
        }
    }
}

/// A value of the report's `target`: an id (`"ticket": "1042"`), a sweep's window
/// (`"since": "24h"`) or the number of ids an `--ids` sweep was given (`"ids": 12`).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum TargetValue {
    Text(String),
    Count(usize),
}

impl std::fmt::Display for TargetValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetValue::Text(t) => f.write_str(t),
            TargetValue::Count(n) => write!(f, "{n}"),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub pass: usize,
    pub fail: usize,
    pub warn: usize,
    pub info: usize,
    pub skip: usize,
    pub error: usize,
}

impl Summary {
    pub fn of<'a>(checks: impl IntoIterator<Item = &'a CheckResult>) -> Summary {
        let mut s = Summary::default();
        for c in checks {
            s.add(c.status, 1);
        }
        s
    }

    fn add(&mut self, status: Status, n: usize) {
        match status {
            Status::Pass => self.pass += n,
            Status::Fail => self.fail += n,
            Status::Warn => self.warn += n,
            Status::Info => self.info += n,
            Status::Skip => self.skip += n,
            Status::Error => self.error += n,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Pass => self.pass,
            Status::Fail => self.fail,
            Status::Warn => self.warn,
            Status::Info => self.info,
            Status::Skip => self.skip,
            Status::Error => self.error,
        }
    }

    pub fn merge(&mut self, other: &Summary) {
        for status in Status::ALL {
            self.add(status, other.get(status));
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

/// How the detail of a check skipped for want of a helpdesk object begins (the engine writes
/// it, the human report collapses such skips by it).
pub const NEEDS_TARGET: &str = "needs a helpdesk object";

pub const TOOL: Tool = Tool { name: "opencx-doctor", version: env!("CARGO_PKG_VERSION") };

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub profile: String,
    pub integration: Integration,
    pub target: BTreeMap<String, TargetValue>,
    pub started_at: String,
    pub duration_ms: u64,
    pub summary: Summary,
    pub checks: Vec<CheckResult>,
    /// The OpenCX session evidence, when a helpdesk id (or a session id) was given and the key
    /// could read it. Additive to schema_version 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionEvidence>,
    /// The helpdesk's own URL of the object, where the settings make it known (additive):
    /// `{"ticket": "https://acme.gorgias.com/app/ticket/1042"}`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
    /// Checks not run for a missing setting, directly or behind a prerequisite that was
    /// (additive to schema_version 1): never green without having checked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_run: Vec<NotRun>,
    /// `doctor watch`: when it started, how often it polled each vendor, how it ended (additive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch: Option<crate::watch::WatchBlock>,
}

/// Where a skipped check's chain of prerequisites (`blocked_by`) ends.
pub enum SkipRoot<'a> {
    /// A prerequisite that ran and did not pass.
    Blocked(&'a CheckResult),
    /// The last skipped check of the chain, which skipped for a reason of its own (a missing
    /// setting, a missing helpdesk object, …); the check itself when it was not blocked.
    Own(&'a CheckResult),
}

/// Follows `check`'s `blocked_by` chain through skipped checks to its end (bounded by the number
/// of checks, so a malformed chain cannot loop).
pub fn skip_root<'a>(checks: &'a [CheckResult], check: &'a CheckResult) -> SkipRoot<'a> {
    let mut at = check;
    for _ in 0..checks.len() {
        let Some(next) = at.blocked_by.as_deref().and_then(|id| checks.iter().find(|c| c.id == id)) else {
            break;
        };
        if next.status != Status::Skip {
            return SkipRoot::Blocked(next);
        }
        at = next;
    }
    SkipRoot::Own(at)
}

/// Checks that did not run because a setting is missing.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct NotRun {
    pub setting: String,
    pub env: String,
    pub checks: Vec<String>,
}

impl NotRun {
    /// Groups the skipped checks by the missing setting at the root of their `blocked_by` chain.
    pub fn of(checks: &[CheckResult]) -> Vec<NotRun> {
        let root = |c: &CheckResult| -> Option<String> {
            match skip_root(checks, c) {
                SkipRoot::Own(at) => at.needs_setting.clone(),
                SkipRoot::Blocked(_) => None,
            }
        };
        let mut out: Vec<NotRun> = Vec::new();
        for c in checks.iter().filter(|c| c.status == Status::Skip) {
            let Some(setting) = root(c) else { continue };
            match out.iter_mut().find(|n| n.setting == setting) {
                Some(n) => n.checks.push(c.id.clone()),
                None => {
                    let env = crate::settings::fields::find_dotted(&setting).map(|f| f.env_var()).unwrap_or_default();
                    out.push(NotRun { setting, env, checks: vec![c.id.clone()] });
                }
            }
        }
        out
    }

    /// "25 check(s) not run for want of opencx.api_key: set DOCTOR_OPENCX_API_KEY, or …".
    pub fn sentence(&self) -> String {
        let how = crate::settings::fields::find_dotted(&self.setting)
            .map_or_else(|| format!("set {}", self.env), |f| f.how_to_set());
        let what = if self.setting == crate::settings::fields::opencx::API_KEY.dotted() {
            " — the OpenCX session evidence is off"
        } else {
            ""
        };
        format!("{} check(s) not run for want of {}: {how}{what}", self.checks.len(), self.setting)
    }
}

/// `doctor all`: one report per integration and the sum of their summaries.
#[derive(Clone, Debug, Serialize)]
pub struct AllReport {
    pub schema_version: u32,
    pub runs: Vec<Report>,
    pub summary: Summary,
}

/// What a renderer is given.
pub enum Document {
    One(Box<Report>),
    All(AllReport),
}

impl Document {
    pub fn runs(&self) -> &[Report] {
        match self {
            Document::One(r) => std::slice::from_ref(r),
            Document::All(a) => &a.runs,
        }
    }

    pub fn runs_mut(&mut self) -> &mut [Report] {
        match self {
            Document::One(r) => std::slice::from_mut(r),
            Document::All(a) => &mut a.runs,
        }
    }

    pub fn summary(&self) -> Summary {
        match self {
            Document::One(r) => r.summary,
            Document::All(a) => a.summary,
        }
    }

    /// Recounts every summary after results were added (`doctor.accept.stale`).
    pub fn recount(&mut self) {
        for report in self.runs_mut() {
            report.summary = Summary::of(&report.checks);
        }
        if let Document::All(a) = self {
            let mut summary = Summary::default();
            for r in &a.runs {
                summary.merge(&r.summary);
            }
            a.summary = summary;
        }
    }
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Fail,
    Warn,
}

/// Exit codes of interface.md: 0 nothing failed, 1 a check failed, 3 no failure but a check
/// could not be checked. (2, usage or configuration, is decided before anything runs.)
/// The summary the exit code is decided on: accepted findings do not count.
pub fn unaccepted(document: &Document) -> Summary {
    let mut summary = Summary::default();
    for report in document.runs() {
        for status in report.checks.iter().filter_map(CheckResult::open_status) {
            summary.add(status, 1);
        }
    }
    summary
}

pub fn exit_code(summary: &Summary, fail_on: FailOn) -> u8 {
    if summary.fail > 0 || (fail_on == FailOn::Warn && summary.warn > 0) {
        1
    } else if summary.error > 0 {
        3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        let s = |fail, warn, error| Summary { pass: 1, fail, warn, info: 0, skip: 0, error };
        assert_eq!(exit_code(&s(0, 0, 0), FailOn::Fail), 0);
        assert_eq!(exit_code(&s(0, 2, 0), FailOn::Fail), 0);
        assert_eq!(exit_code(&s(0, 2, 0), FailOn::Warn), 1);
        assert_eq!(exit_code(&s(1, 0, 1), FailOn::Fail), 1);
        assert_eq!(exit_code(&s(0, 0, 1), FailOn::Fail), 3);
    }
}
