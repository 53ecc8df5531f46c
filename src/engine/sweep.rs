//! A sweep: the per-object checks run over every object of the scope, each object exactly as a
//! single-object run would check it (the same declarations, the same facts, read in bulk where a
//! listing already holds them), and each check's results folded into one result with its
//! `sweep` block. An object the sweep could not look at — past `--limit`, not reached before the
//! deadline, an error — is counted as not checked, and a check with such objects cannot pass.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use futures::StreamExt;
use tokio::time::Instant;

use super::scheduler::{self, Schedule};
use super::{Check, Ctx, Status};
use crate::http::error::clip;
use crate::report::model::CheckResult;
use crate::report::sweep::{plural, severity, SweepBlock, SweepObject};
use crate::target::Target;

/// How far a sweep has come (the progress display reads it).
#[derive(Debug, Default)]
pub struct SweepProgress {
    /// Objects in scope (known once the listing is read).
    pub total: AtomicUsize,
    /// Objects whose checks have all finished.
    pub done: AtomicUsize,
}

/// What a sweep is run over.
pub struct Objects {
    /// The objects to check, in order (newest first).
    pub targets: Vec<Target>,
    /// Objects in scope that will not be checked, and why (`past --limit 500`).
    pub left_out: Vec<(Target, String)>,
    /// The scope held more objects than were listed (past the limit).
    pub more: bool,
    /// The window's start, for the JSON.
    pub since: Option<String>,
}

/// Runs `checks` (all of them per-object checks) over `objects` and folds each check's results.
/// `base` is the run's context without a target; `link` is the helpdesk's URL of an object.
pub async fn run(
    checks: &[&'static Check],
    base: &Ctx,
    objects: Objects,
    schedule: Schedule,
    at_once: usize,
    progress: Option<Arc<SweepProgress>>,
    link: &(dyn Fn(&Target) -> Option<String> + Sync),
) -> Vec<CheckResult> {
    let started = Instant::now();
    let Objects { targets, left_out, more, since } = objects;
    let noun = base.integration.object_name();
    if let Some(p) = &progress {
        p.total.store(targets.len(), Ordering::Relaxed);
    }
    let deadline = schedule.deadline;
    let count = targets.len();
    let per_object = futures::stream::iter(targets.into_iter().enumerate().map(|(index, target)| {
        let cx = Arc::new(Ctx {
            integration: base.integration,
            settings: base.settings.clone(),
            target: Some(target.clone()),
            facts: base.facts.clone(),
            now: base.now,
        });
        let schedule = Schedule { on_done: None, ..schedule.clone() };
        let progress = progress.clone();
        async move {
            // An object not begun before the deadline is not checked (its checks would only
            // report the deadline).
            let results = if Instant::now() >= deadline {
                None
            } else {
                Some(scheduler::run(checks, cx.clone(), schedule).await)
            };
            let sessions: Vec<String> = cx
                .facts
                .session_evidence_loaded(&target)
                .map(|e| e.sessions.iter().map(|s| s.id.clone()).collect())
                .unwrap_or_default();
            if let Some(p) = &progress {
                p.done.fetch_add(1, Ordering::Relaxed);
            }
            (index, target, results, sessions)
        }
    }))
    // Unordered: a slow object must not hold back the ones after it; the order is restored when
    // the results are folded (by the object's place in the scope).
    .buffer_unordered(at_once.max(1));
    let mut tallies: Vec<Tally> = checks.iter().map(|c| Tally::new(c)).collect();
    futures::pin_mut!(per_object);
    while let Some((index, target, results, sessions)) = per_object.next().await {
        let id = target.id();
        let url = link(&target);
        match results {
            Some(results) => {
                for (tally, result) in tallies.iter_mut().zip(results) {
                    tally.add(index, &id, url.clone(), &sessions, result);
                }
            }
            None => {
                for tally in &mut tallies {
                    let why = "not reached before the run's --timeout deadline".to_string();
                    tally.left_out(index, &id, url.clone(), why);
                }
            }
        }
    }
    for (n, (target, why)) in left_out.iter().enumerate() {
        for tally in &mut tallies {
            tally.left_out(count + n, &target.id(), link(target), why.clone());
        }
    }
    let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    tallies.into_iter().map(|t| t.finish(noun, since.clone(), more, elapsed)).collect()
}

/// One check's results over the objects, as they come in.
struct Tally {
    check: &'static Check,
    first: Option<CheckResult>,
    scanned: usize,
    not_checked: usize,
    /// Objects that are not fine, with their place in the scope.
    objects: Vec<(usize, SweepObject)>,
    /// Fine objects by status: how many, and the first one's place, id and detail (an example).
    fine: HashMap<Status, (usize, usize, String, String)>,
    /// Objects the check skipped for a missing setting.
    unset: usize,
}

impl Tally {
    fn new(check: &'static Check) -> Tally {
        Tally { check, first: None, scanned: 0, not_checked: 0, objects: Vec::new(), fine: HashMap::new(), unset: 0 }
    }

    fn add(&mut self, index: usize, id: &str, link: Option<String>, sessions: &[String], result: CheckResult) {
        let object = |status: Status, detail: &str| SweepObject {
            id: id.to_string(),
            status,
            detail: detail.to_string(),
            sessions: sessions.to_vec(),
            link: link.clone(),
            fix: result.fix.clone().filter(|f| *f != self.check.fix),
            accepted: None,
        };
        match result.status {
            Status::Fail | Status::Warn => {
                self.scanned += 1;
                self.objects.push((index, object(result.status, &result.detail)));
            }
            Status::Error => {
                self.not_checked += 1;
                self.objects.push((index, object(Status::Error, &result.detail)));
            }
            Status::Skip if result.needs_setting.is_some() => self.unset += 1,
            // Behind a prerequisite that did not pass for this object: not looked at.
            Status::Skip if result.blocked_by.is_some() => {
                self.not_checked += 1;
                self.objects.push((index, object(Status::Skip, &result.detail)));
            }
            status => {
                self.scanned += 1;
                let entry =
                    self.fine.entry(status).or_insert_with(|| (0, index, id.to_string(), result.detail.clone()));
                entry.0 += 1;
                if index < entry.1 {
                    (entry.1, entry.2, entry.3) = (index, id.to_string(), result.detail.clone());
                }
            }
        }
        if self.first.is_none() {
            self.first = Some(result);
        }
    }

    fn left_out(&mut self, index: usize, id: &str, link: Option<String>, why: String) {
        self.not_checked += 1;
        self.objects.push((
            index,
            SweepObject {
                id: id.to_string(),
                status: Status::Error,
                detail: format!("not checked: {why}"),
                sessions: Vec::new(),
                link,
                fix: None,
                accepted: None,
            },
        ));
    }

    fn count(&self, status: Status) -> usize {
        self.fine.get(&status).map(|f| f.0).unwrap_or(0)
    }

    /// The first fine object with `status`: `#1042: <its detail>`.
    fn example(&self, block: &SweepBlock, status: Status) -> Option<String> {
        self.fine.get(&status).map(|(_, _, id, detail)| format!("{}: {}", block.label(id), clip(detail, 140)))
    }

    fn finish(mut self, noun: &'static str, since: Option<String>, more: bool, elapsed: u64) -> CheckResult {
        self.objects.sort_by_key(|(index, o)| (severity(o.status), *index));
        let objects: Vec<SweepObject> = std::mem::take(&mut self.objects).into_iter().map(|(_, o)| o).collect();
        let affected = objects.iter().filter(|o| matches!(o.status, Status::Fail | Status::Warn)).count();
        let (any_fail, any_warn) =
            (objects.iter().any(|o| o.status == Status::Fail), objects.iter().any(|o| o.status == Status::Warn));
        let block = SweepBlock {
            since,
            scanned: self.scanned,
            affected,
            not_checked: self.not_checked,
            more_not_checked: more,
            objects,
            noun,
        };
        let checked = self.scanned + self.not_checked;
        let mut result = match self.first.take() {
            Some(first) => first,
            None => scheduler::to_result(self.check, super::Outcome::skip(String::new()), 0, None),
        };
        result.duration_ms = elapsed;
        result.blocked_by = None;
        let unset_all = self.unset > 0 && checked == 0;
        let status = if unset_all {
            Status::Skip
        } else if any_fail {
            Status::Fail
        } else if block.not_checked > 0 || more {
            Status::Error
        } else if any_warn {
            Status::Warn
        } else if self.scanned == 0 {
            Status::Skip
        } else if self.count(Status::Info) > 0 {
            // A note on some objects (evidence only partly read, a case the check can only
            // describe) is not a pass of the check.
            Status::Info
        } else if self.count(Status::Pass) > 0 {
            Status::Pass
        } else {
            Status::Skip
        };
        result.detail = if unset_all { result.detail } else { self.detail(&block, status) };
        result.status = status;
        result.fix = match status {
            Status::Pass => None,
            Status::Skip if unset_all => result.fix,
            _ => Some(self.fix(&block)),
        };
        if !unset_all {
            result.needs_setting = None;
        }
        result.sweep = Some(block);
        result
    }

    fn detail(&self, block: &SweepBlock, status: Status) -> String {
        let noun = block.noun;
        let total = block.scanned + block.not_checked;
        let mut parts: Vec<String> = Vec::new();
        if block.affected > 0 {
            parts.push(format!("{}: {}", block.count_text(block.affected), block.named_affected(Some(90))));
        }
        if block.not_checked > 0 || block.more_not_checked {
            let why = block
                .objects
                .iter()
                .find(|o| matches!(o.status, Status::Error | Status::Skip))
                .map(|o| clip(&o.detail, 90))
                .unwrap_or_default();
            let more = if block.more_not_checked { " and more past the limit" } else { "" };
            parts.push(format!("{} not checked{more} ({why})", block.count_text(block.not_checked)));
        }
        if parts.is_empty() {
            return match status {
                Status::Pass => {
                    let mut text = format!("{total} {} scanned, none affected", plural(noun, total));
                    let others = self.count(Status::Skip) + self.count(Status::Info);
                    let example = self.example(block, Status::Skip).or_else(|| self.example(block, Status::Info));
                    if let (true, Some(example)) = (others > 0, example) {
                        text.push_str(&format!(" ({others} where it does not apply, e.g. {example})"));
                    }
                    text
                }
                _ if total == 0 => match &block.since {
                    Some(since) => format!("no {noun} with customer activity since {since}: nothing to check"),
                    None => format!("no {noun} to check"),
                },
                _ => match self.example(block, status) {
                    Some(example) => {
                        let others: Vec<String> = [(Status::Pass, "passed"), (Status::Skip, "where it does not apply")]
                            .into_iter()
                            .filter(|(s, _)| *s != status && self.count(*s) > 0)
                            .map(|(s, what)| format!("{} {what}", self.count(s)))
                            .collect();
                        let others =
                            if others.is_empty() { String::new() } else { format!(" ({})", others.join(", ")) };
                        format!("{}, e.g. {example}{others}", block.count_text(self.count(status)))
                    }
                    None => format!("{total} {} scanned", plural(noun, total)),
                },
            };
        }
        parts.join("; ")
    }

    /// The fix of the worst object; for objects left out, how to reach them.
    fn fix(&self, block: &SweepBlock) -> String {
        let worst = block.objects.first();
        match worst {
            Some(o) if matches!(o.status, Status::Fail | Status::Warn) => {
                // The fix speaks of one object; the last screen says which ones it is for.
                let fix = o.fix.clone().unwrap_or_else(|| self.check.fix.to_string());
                let fix = fix.trim_end();
                let stop = if fix.ends_with('.') { "" } else { "." };
                format!("{fix}{stop} For {}: {}.", plural(block.noun, block.affected), block.named_affected(None))
            }
            Some(o) if o.detail.contains("--limit") || block.more_not_checked => {
                "Raise --limit, or narrow --since, to check every object in the window".to_string()
            }
            Some(o) if o.detail.contains("--timeout") => {
                "Re-run with a longer --timeout (a sweep's default is 600 s), or narrow --since / --limit".to_string()
            }
            Some(o) => o.fix.clone().unwrap_or_else(|| {
                self.first
                    .as_ref()
                    .and_then(|f| f.fix.clone())
                    .unwrap_or_else(|| "Re-run with -v to see each request".to_string())
            }),
            None => self.check.fix.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check() -> &'static Check {
        crate::checks::catalogue().into_iter().find(|c| c.id == "gorgias.duplicates.replies").expect("in the catalogue")
    }

    fn result(status: Status, detail: &str) -> CheckResult {
        let outcome = super::super::Outcome { status, detail: detail.into(), fix: None, needs_setting: None };
        scheduler::to_result(check(), outcome, 1, None)
    }

    fn tally(results: &[(Status, &str)]) -> Tally {
        let mut t = Tally::new(check());
        for (n, (status, detail)) in results.iter().enumerate() {
            t.add(n, &(1000 + n).to_string(), None, &[], result(*status, detail));
        }
        t
    }

    #[test]
    fn only_passing_objects_pass_and_say_how_many_were_scanned() {
        let r = tally(&[(Status::Pass, "fine"); 3]).finish("ticket", Some("2026-12-01T00:00:00Z".into()), false, 5);
        assert_eq!(r.status, Status::Pass);
        assert_eq!(r.detail, "3 tickets scanned, none affected");
        assert_eq!(r.fix, None);
        let block = r.sweep.unwrap();
        assert_eq!((block.scanned, block.affected, block.not_checked), (3, 0, 0));
    }

    #[test]
    fn a_check_with_objects_not_checked_cannot_pass_and_a_failure_is_worst() {
        let mut t = tally(&[(Status::Pass, "fine"), (Status::Pass, "fine")]);
        t.left_out(3, "1003", None, "past --limit 2".into());
        let r = t.finish("ticket", None, false, 0);
        assert_eq!(r.status, Status::Error);
        assert!(r.detail.contains("1 of 3 tickets not checked (not checked: past --limit 2)"), "{}", r.detail);
        assert!(r.fix.unwrap().contains("--limit"));
        let mut t = tally(&[(Status::Error, "timed out"), (Status::Fail, "twice"), (Status::Warn, "odd")]);
        t.left_out(9, "9", None, "past --limit 3".into());
        let r = t.finish("ticket", None, false, 0);
        assert_eq!(r.status, Status::Fail);
        let order: Vec<Status> = r.sweep.unwrap().objects.iter().map(|o| o.status).collect();
        assert_eq!(order, [Status::Fail, Status::Error, Status::Error, Status::Warn], "worst first");
    }

    #[test]
    fn ten_objects_are_named_then_the_rest_counted() {
        let results: Vec<(Status, &str)> = (0..12).map(|_| (Status::Fail, "the same reply twice")).collect();
        let r = tally(&results).finish("ticket", None, false, 0);
        assert!(r.detail.starts_with("12 of 12 tickets: #1000 (the same reply twice), #1001,"), "{}", r.detail);
        assert!(r.detail.ends_with("#1009 +2 more"), "{}", r.detail);
        assert!(
            r.fix.as_deref().unwrap().ends_with(
                "For tickets: #1000, #1001, #1002, #1003, #1004, #1005, #1006, #1007, #1008, #1009 +2 more."
            ),
            "{:?}",
            r.fix
        );
        assert_eq!(r.sweep.unwrap().objects.len(), 12, "the JSON keeps every object");
    }

    #[test]
    fn notes_are_not_a_pass_and_a_missing_setting_skips_the_check() {
        let r = tally(&[(Status::Pass, "fine"), (Status::Info, "history not read")]).finish("ticket", None, false, 0);
        assert_eq!(r.status, Status::Info);
        assert_eq!(r.detail, "1 of 2 tickets, e.g. #1001: history not read (1 passed)");
        let mut t = Tally::new(check());
        let mut unset = result(Status::Skip, "needs gorgias.ai_user_id");
        unset.needs_setting = Some("gorgias.ai_user_id".into());
        t.add(0, "1", None, &[], unset);
        let r = t.finish("ticket", None, false, 0);
        assert_eq!((r.status, r.needs_setting.as_deref()), (Status::Skip, Some("gorgias.ai_user_id")));
        let r = Tally::new(check()).finish("ticket", Some("2026-12-01T00:00:00Z".into()), false, 0);
        assert_eq!(r.status, Status::Skip);
        assert_eq!(r.detail, "no ticket with customer activity since 2026-12-01T00:00:00Z: nothing to check");
    }
}
