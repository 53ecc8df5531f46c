//! A sweep's findings on one check (interface.md "Sweeps"): how many objects it looked at, which
//! were affected and which it could not look at, worst first.

use serde::Serialize;

use super::accept::Accepted;
use super::model::Status;

/// Objects the human report names on a check's line before `+N more` (`-v` names all).
pub const NAMED: usize = 10;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SweepBlock {
    /// The window's start (RFC 3339), absent for an `--ids` sweep.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Objects the check looked at.
    pub scanned: usize,
    /// Objects where it found its cause (fail or warn).
    pub affected: usize,
    /// Objects in scope it could not look at (limit, deadline, rate limit, an error): never
    /// counted as passed.
    pub not_checked: usize,
    /// The window held more objects past `--limit` than the listing was read for: `not_checked`
    /// counts the ones seen, and there are more (additive).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub more_not_checked: bool,
    /// The affected and the not-checked objects, worst first.
    pub objects: Vec<SweepObject>,
    /// What the objects are called (`ticket`): for the texts, not the JSON.
    #[serde(skip)]
    pub noun: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SweepObject {
    pub id: String,
    pub status: Status,
    pub detail: String,
    /// The object's OpenCX sessions, where they were found.
    pub sessions: Vec<String>,
    /// The helpdesk's own URL of the object, where known (additive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The fix for this object, when it differs from the check's (additive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Accepted>,
}

/// Worst first: fail, error, warn, then the rest.
pub fn severity(status: Status) -> u8 {
    match status {
        Status::Fail => 0,
        Status::Error => 1,
        Status::Warn => 2,
        Status::Skip => 3,
        Status::Info => 4,
        Status::Pass => 5,
    }
}

impl SweepBlock {
    /// The worst status among the objects no `--accept` entry accepts, `None` when none is left
    /// (what the exit code counts for this check).
    pub fn open_status(&self) -> Option<Status> {
        self.objects.iter().filter(|o| o.accepted.is_none()).map(|o| o.status).min_by_key(|s| severity(*s))
    }

    /// `#1042` for a ticket, the id itself otherwise.
    pub fn label(&self, id: &str) -> String {
        if self.noun == "ticket" {
            format!("#{id}")
        } else {
            id.to_string()
        }
    }

    /// One line per listed object: `#1042 fail: … (link) · session …`.
    pub fn object_lines(&self) -> Vec<String> {
        self.objects
            .iter()
            .map(|o| {
                let mut line = format!("{} {}: {}", self.label(&o.id), o.status.as_str(), o.detail);
                if let Some(link) = &o.link {
                    line.push_str(&format!(" ({link})"));
                }
                if !o.sessions.is_empty() {
                    line.push_str(&format!(" · session {}", o.sessions.join(", ")));
                }
                if let Some(a) = &o.accepted {
                    line.push_str(&format!(" · accepted: {} (until {})", a.reason, a.expires));
                }
                line
            })
            .collect()
    }

    /// The affected objects (fail or warn), worst first.
    pub fn affected_objects(&self) -> impl Iterator<Item = &SweepObject> {
        self.objects.iter().filter(|o| matches!(o.status, Status::Fail | Status::Warn))
    }

    /// The first `NAMED` affected objects, `+N more` after them: `#1042 (…), #1077 +3 more`;
    /// `with_detail` puts the first one's detail (clipped) beside it.
    pub fn named_affected(&self, with_detail: Option<usize>) -> String {
        let named: Vec<String> = self
            .affected_objects()
            .take(NAMED)
            .enumerate()
            .map(|(n, o)| match with_detail {
                Some(max) if n == 0 => format!("{} ({})", self.label(&o.id), crate::http::error::clip(&o.detail, max)),
                _ => self.label(&o.id),
            })
            .collect();
        let more = self.affected.saturating_sub(NAMED);
        let tail = if more > 0 { format!(" +{more} more") } else { String::new() };
        format!("{}{tail}", named.join(", "))
    }

    /// `3 of 412 tickets`.
    pub fn count_text(&self, n: usize) -> String {
        format!("{n} of {} {}", self.scanned + self.not_checked, plural(self.noun, self.scanned + self.not_checked))
    }
}

pub fn plural(noun: &str, n: usize) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}
