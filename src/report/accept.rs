//! Accepted findings (`--accept FILE`, cargo-deny style): a team lists the findings it has
//! decided to live with, each with a reason and an expiry. They stay visible but do not count
//! toward the exit code. An entry that matches nothing the run checked, or has expired, is a
//! `warn` (`doctor.accept.stale`), so the file can never silently hide a new problem.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{CheckResult, Status};
use super::Document;

/// The warning for entries that match nothing or have expired.
pub const STALE: &str = "doctor.accept.stale";

/// One accepted finding.
#[derive(Clone, Debug)]
pub struct Entry {
    pub check: String,
    pub object: Option<String>,
    pub reason: String,
    pub expires: NaiveDate,
    /// The line of its `[[accept]]` table, for messages.
    pub line: usize,
}

/// What a matching finding carries in the report.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Accepted {
    pub reason: String,
    pub expires: String,
}

#[derive(Debug)]
pub struct AcceptFile {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    accept: Vec<toml::Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    check: Option<String>,
    object: Option<toml::Value>,
    reason: Option<String>,
    expires: Option<toml::Value>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl AcceptFile {
    /// Reads and validates the file; every problem names its line. `known` are the check ids.
    pub fn load(path: &Path, known: &[&str]) -> Result<AcceptFile, String> {
        let shown = path.display();
        let text = crate::settings::file::read_regular(path, 1024 * 1024)
            .map_err(|e| format!("--accept {shown}: {e}"))?
            .ok_or_else(|| format!("--accept {shown}: no such file"))?;
        let raw: Raw = toml::from_str(&text).map_err(|e| {
            let at = e.span().map(|s| format!(" at line {}", line_of(&text, s.start))).unwrap_or_default();
            format!("--accept {shown}: not a valid accept file{at}: {}", e.message())
        })?;
        let mut entries = Vec::new();
        for spanned in raw.accept {
            let line = line_of(&text, spanned.span().start);
            let at = |what: &str| format!("--accept {shown}, line {line}: {what}");
            let e = spanned.into_inner();
            let check =
                e.check.filter(|c| !c.trim().is_empty()).ok_or_else(|| at("`check` (a check id) is required"))?;
            if !known.contains(&check.as_str()) {
                let hint = crate::suggest::did_you_mean(&check, known.iter().copied());
                return Err(at(&format!("no check has the id '{check}'{hint} (`doctor checks` lists them)")));
            }
            let reason = e
                .reason
                .filter(|r| !r.trim().is_empty())
                .ok_or_else(|| at("`reason` is required: say why it is accepted"))?;
            let expires = match e.expires {
                Some(toml::Value::Datetime(d)) => d.to_string(),
                Some(toml::Value::String(s)) => s,
                Some(_) => return Err(at("`expires` must be a date, e.g. 2026-12-31")),
                None => {
                    return Err(at("`expires` is required (an ISO date, e.g. 2026-12-31): no acceptance is for ever"))
                }
            };
            let expires = NaiveDate::parse_from_str(expires.trim(), "%Y-%m-%d")
                .map_err(|_| at(&format!("`expires` = '{expires}' is not a date like 2026-12-31")))?;
            let object = match e.object {
                None => None,
                Some(toml::Value::String(s)) => Some(s),
                Some(toml::Value::Integer(n)) => Some(n.to_string()),
                Some(_) => return Err(at("`object` must be an id, e.g. \"1042\"")),
            };
            entries.push(Entry { check, object, reason, expires, line });
        }
        Ok(AcceptFile { path: path.to_path_buf(), entries })
    }

    /// Marks the findings the file accepts and adds a `doctor.accept.stale` warning for entries
    /// that matched nothing the run checked, or have expired. `today` is the run's date.
    pub fn apply(&self, document: &mut Document, today: NaiveDate) {
        let mut stale: Vec<String> = Vec::new();
        for entry in &self.entries {
            if entry.expires < today {
                stale.push(format!("line {}: {} expired on {}", entry.line, entry.check, entry.expires));
                continue;
            }
            let mut in_scope = false;
            let mut matched = false;
            for report in document.runs_mut() {
                let object = report.target.values().next().map(|v| v.to_string());
                for c in report.checks.iter_mut().filter(|c| c.id == entry.check) {
                    in_scope = true;
                    let accepted = Accepted { reason: entry.reason.clone(), expires: entry.expires.to_string() };
                    if let Some(sweep) = &mut c.sweep {
                        // A sweep: the entry accepts its object's finding (or, without an
                        // object, the whole check); the rest still count.
                        for o in sweep.objects.iter_mut().filter(|o| matches!(o.status, Status::Fail | Status::Warn)) {
                            if entry.object.as_ref().is_none_or(|id| *id == o.id) {
                                matched = true;
                                o.accepted = Some(accepted.clone());
                            }
                        }
                        if entry.object.is_none() && matches!(c.status, Status::Fail | Status::Warn) {
                            c.accepted = Some(accepted);
                        }
                        continue;
                    }
                    let object_matches = entry.object.as_ref().is_none_or(|o| object.as_ref() == Some(o));
                    if object_matches && matches!(c.status, Status::Fail | Status::Warn) {
                        matched = true;
                        c.accepted = Some(accepted);
                    }
                }
            }
            if in_scope && !matched {
                let on = entry.object.as_ref().map(|o| format!(" on {o}")).unwrap_or_default();
                stale.push(format!("line {}: {}{on} found nothing to accept", entry.line, entry.check));
            }
        }
        if stale.is_empty() {
            return;
        }
        let Some(report) = document.runs_mut().first_mut() else { return };
        let mut result = CheckResult::made(
            STALE.into(),
            report.integration,
            "accept",
            "Every accepted finding is current".into(),
            Status::Warn,
            format!("{} in {}: {}", stale.len(), self.path.display(), stale.join("; ")),
        );
        result.fix = Some(format!(
            "Remove the entries that no longer match (the problem is fixed) and renew or remove the expired ones in {}",
            self.path.display()
        ));
        report.checks.push(result);
        document.recount();
    }
}
