//! `doctor watch`: follows one real customer message through its stages — it reaches the
//! helpdesk, OpenCX opens (or reuses) a session, the AI answers or hands off, and answers only
//! once — polling read-only, within each vendor's rate limit, with the interval backing off while
//! nothing changes. Each poll reads through a fresh `Facts`, so a poll sees the world as it is
//! now and the lookups are the same ones the checks use.

pub mod observe;
pub mod schedule;

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::integration::Integration;
use crate::report::model::{CheckResult, Status};
use observe::{Message, Seen};

/// The stages, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    MessageReceived,
    SessionCreated,
    AiAnswered,
    SingleReply,
}

pub const STAGES: [Stage; 4] = [Stage::MessageReceived, Stage::SessionCreated, Stage::AiAnswered, Stage::SingleReply];

/// How long after the AI's reply a second one is still looked for.
pub const SECOND_REPLY_WINDOW: Duration = Duration::from_secs(120);

impl Stage {
    pub fn slug(self) -> &'static str {
        match self {
            Stage::MessageReceived => "message-received",
            Stage::SessionCreated => "session-created",
            Stage::AiAnswered => "ai-answered",
            Stage::SingleReply => "single-reply",
        }
    }

    pub fn title(self, integration: Integration) -> String {
        let helpdesk = integration.name();
        match self {
            Stage::MessageReceived => format!("A new customer message reached {helpdesk}"),
            Stage::SessionCreated => "OpenCX has a session for the message".into(),
            Stage::AiAnswered => format!("The AI answered on {helpdesk}, or handed off"),
            Stage::SingleReply => "The message got exactly one AI reply".into(),
        }
    }

    /// The symptom whose checks explain this stage's stall (run when it stalls).
    pub fn diagnosis(self, integration: Integration) -> Option<&'static str> {
        match (self, integration) {
            (Stage::SessionCreated, _) => Some("webhook"),
            (Stage::AiAnswered, _) => Some("ai-silent"),
            (Stage::SingleReply, Integration::Hubspot) => Some("replies"),
            (Stage::SingleReply, _) => Some("duplicates"),
            _ => None,
        }
    }

    /// What a stall at this stage means, and what to do.
    fn stalled(self, integration: Integration, waited: &str, object: &str, id: Option<&str>) -> (String, String) {
        let helpdesk = integration.name();
        let slug = integration.slug();
        // The command with the object, so it can be pasted as it is.
        let on = match (id, integration.target_flag()) {
            (Some(id), Some(flag)) => format!(" {flag} {id}"),
            _ => String::new(),
        };
        match self {
            Stage::MessageReceived => (
                format!("no new customer message reached {helpdesk}{object} in {waited}"),
                format!(
                    "Send the test message as a customer to the address or channel connected to {helpdesk} (not from an agent's \
                     own account) and watch again; if it never shows in {helpdesk}'s inbox, the problem is before OpenCX. \
                     `doctor {slug} credentials` checks the doctor reads the right account."
                ),
            ),
            Stage::SessionCreated => (
                format!("the message reached {helpdesk} but no OpenCX session appeared in {waited}: OpenCX is not receiving the webhook"),
                format!("Run `doctor {slug} webhook` (its findings are in this report) and fix what it finds; then watch again."),
            ),
            Stage::AiAnswered => (
                format!("OpenCX has a session, but the AI neither replied on {helpdesk} nor handed off in {waited}"),
                format!(
                    "Run `doctor {slug} ai-silent{on}` (its findings are in this report); check that Autopilot is on for the \
                     channel in OpenCX (AI Agent → Autopilot)."
                ),
            ),
            Stage::SingleReply => (
                String::new(),
                format!("Run `doctor {slug}{on}` and send OpenCX support the two message ids above and the session id."),
            ),
        }
    }
}

/// What the watch saw of one stage.
#[derive(Clone, Debug)]
pub struct Reached {
    pub after: Duration,
    pub detail: String,
}

/// The watch's state: which stages were reached, and when.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub message: Option<(Message, Reached)>,
    pub session: Option<Reached>,
    pub answered: Option<(Reached, Option<DateTime<Utc>>)>,
    /// Two AI replies to the message: their ids.
    pub duplicate: Option<(String, String)>,
    /// The object the message was on (found when none was given).
    pub object: Option<String>,
}

impl Progress {
    /// Takes in one poll; true when something new was seen.
    pub fn update(&mut self, seen: &Seen, elapsed: Duration, noun: &str) -> bool {
        let mut changed = false;
        if self.message.is_none() {
            if let Some(m) = &seen.message {
                let detail = format!("customer message {} on {noun} #{}", m.id, seen.object.as_deref().unwrap_or("?"));
                self.message = Some((m.clone(), Reached { after: elapsed, detail }));
                self.object = seen.object.clone();
                changed = true;
            }
        }
        let Some((message, _)) = &self.message else { return changed };
        if self.session.is_none() {
            if let Some(s) = &seen.session {
                let how = if s.reused { "its existing session" } else { "a new session" };
                self.session = Some(Reached { after: elapsed, detail: format!("{how} {}", s.id) });
                changed = true;
            }
        }
        let replies: Vec<&Message> = seen.ai_replies.iter().filter(|r| r.at >= message.at).collect();
        if self.answered.is_none() {
            if let Some(first) = replies.first() {
                let gap = (first.at - message.at).num_seconds().max(0);
                let detail = format!("the AI replied {gap} s after the message (message {})", first.id);
                self.answered = Some((Reached { after: elapsed, detail }, Some(first.at)));
                changed = true;
            } else if let Some(reasons) = &seen.handoff {
                self.answered = Some((
                    Reached { after: elapsed, detail: format!("OpenCX handed off to a person ({reasons})") },
                    None,
                ));
                changed = true;
            }
        }
        if self.duplicate.is_none() && replies.len() >= 2 {
            self.duplicate = Some((replies[0].id.clone(), replies[1].id.clone()));
            changed = true;
        }
        changed
    }

    /// Whether the watch has seen all it waits for: a duplicate, a handoff, or a reply with its
    /// two minutes passed.
    pub fn done(&self, now: DateTime<Utc>, second_reply_window: Duration) -> bool {
        if self.duplicate.is_some() {
            return true;
        }
        match &self.answered {
            Some((_, None)) => true,
            Some((_, Some(at))) => {
                now.signed_duration_since(*at).to_std().unwrap_or(Duration::ZERO) >= second_reply_window
            }
            None => false,
        }
    }

    /// The first stage not reached.
    pub fn waiting_for(&self) -> Stage {
        if self.message.is_none() {
            Stage::MessageReceived
        } else if self.session.is_none() && self.answered.is_none() {
            Stage::SessionCreated
        } else if self.answered.is_none() {
            Stage::AiAnswered
        } else {
            Stage::SingleReply
        }
    }

    /// What was seen of a stage, once it was reached (the single reply is decided at the end).
    /// An answer implies the session stage was reached, even if the lookup had not found it.
    pub fn reached(&self, stage: Stage) -> Option<&Reached> {
        match stage {
            Stage::MessageReceived => self.message.as_ref().map(|(_, r)| r),
            Stage::SessionCreated => self.session.as_ref().or(self.answered.as_ref().map(|(r, _)| r)),
            Stage::AiAnswered => self.answered.as_ref().map(|(r, _)| r),
            Stage::SingleReply => None,
        }
    }

    /// One result per stage. `ended`: how the watch ended (the wait ran out, or Ctrl-C).
    pub fn results(&self, integration: Integration, waited: Duration, interrupted: bool) -> Vec<CheckResult> {
        let waited_text = human_duration(waited);
        let object =
            self.object.as_ref().map(|o| format!(" on {} #{o}", integration.object_name())).unwrap_or_default();
        let mut out = Vec::new();
        let mut failed = false;
        for stage in STAGES {
            let reached = self.reached(stage);
            let id = format!("{}.watch.{}", integration.slug(), stage.slug());
            let mut result =
                CheckResult::made(id, integration, "watch", stage.title(integration), Status::Pass, String::new());
            let again = format!("Fix the stage before it, then run `doctor watch {}` again.", integration.slug());
            if failed {
                result.status = Status::Skip;
                result.detail = "not reached: an earlier stage did not happen".into();
                result.fix = Some(again);
                result.blocked_by = out.last().map(|r: &CheckResult| r.id.clone());
            } else if stage == Stage::SingleReply {
                match (&self.duplicate, &self.answered) {
                    (Some((a, b)), _) => {
                        result.status = Status::Fail;
                        result.detail = format!("the AI replied twice to one customer message (messages {a} and {b})");
                        result.fix = Some(stage.stalled(integration, &waited_text, &object, self.object.as_deref()).1);
                    }
                    (None, Some((_, None))) => {
                        result.status = Status::Skip;
                        result.detail = "handed off: no AI reply to count".into();
                        result.fix = Some(format!(
                            "Nothing to fix here: the person the session went to answers. To watch the AI reply, send a \
                             message it can answer and run `doctor watch {}` again.",
                            integration.slug()
                        ));
                    }
                    (None, Some((reached, Some(_)))) if interrupted => {
                        result.status = Status::Skip;
                        result.detail = format!(
                            "one AI reply so far ({}); the watch was stopped before a second could be ruled out",
                            reached.detail
                        );
                        result.fix = Some(format!(
                            "Let `doctor watch {}` run until its --wait ends to rule out a second reply.",
                            integration.slug()
                        ));
                    }
                    (None, Some((reached, Some(_)))) => {
                        let looked = human_duration(waited.saturating_sub(reached.after));
                        result.detail =
                            format!("one AI reply, and no second one in the {looked} the watch kept looking after it");
                    }
                    (None, None) => unreachable!("a stage before it failed"),
                }
            } else if stage == Stage::SessionCreated && self.session.is_none() && reached.is_some() {
                // The AI answered, so OpenCX processed the message; but no session was seen.
                result.status = Status::Info;
                result.detail = format!(
                    "the session lookup found no session for the message, but OpenCX processed it: {}",
                    reached.map(|r| r.detail.as_str()).unwrap_or_default()
                );
                result.fix = Some(format!(
                    "Nothing blocks the reply; if `doctor {} {} ID` finds no session either, send OpenCX support the object id.",
                    integration.slug(),
                    integration.target_flag().unwrap_or("--id")
                ));
            } else if let Some(r) = reached {
                result.detail = format!("after {}: {}", human_duration(r.after), r.detail);
            } else if interrupted {
                result.status = Status::Skip;
                result.detail = format!("not reached before the watch was stopped (after {waited_text})");
                result.fix = Some(format!("Run `doctor watch {}` again and let it wait (--wait).", integration.slug()));
                failed = true;
            } else {
                let (detail, fix) = stage.stalled(integration, &waited_text, &object, self.object.as_deref());
                result.status = Status::Fail;
                result.detail = detail;
                result.fix = Some(fix);
                failed = true;
            }
            out.push(result);
        }
        out
    }
}

/// `10 min`, `45 s`, `1 min 30 s`.
pub fn human_duration(d: Duration) -> String {
    let secs = d.as_secs();
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// `--wait`: `90s`, `10m`, `1h` (at most 2 hours).
pub fn parse_wait(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = number.parse().map_err(|_| format!("'{text}' is not a duration like 90s, 10m or 1h"))?;
    let secs = match unit {
        "s" => n,
        "m" | "" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        _ => return Err(format!("'{text}' is not a duration like 90s, 10m or 1h")),
    };
    match secs {
        0 => Err("--wait must be longer than 0".into()),
        s if s > 7200 => Err(format!("'{text}' is longer than 2h, the longest watch")),
        s => Ok(Duration::from_secs(s)),
    }
}

/// The report's `watch` block.
#[derive(Clone, Debug, Serialize)]
pub struct WatchBlock {
    pub started_at: String,
    /// Polls that read each vendor.
    pub polls: std::collections::BTreeMap<String, usize>,
    /// What ended the watch: `done`, `wait` (the wait ran out) or `interrupted` (Ctrl-C).
    pub ended: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, secs: i64) -> Message {
        Message { id: id.into(), at: DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap() }
    }

    #[test]
    fn the_stages_follow_the_message_and_a_second_reply_fails_the_last() {
        let mut p = Progress::default();
        let mut seen = Seen { object: Some("1050".into()), ..Seen::default() };
        assert!(!p.update(&seen, Duration::from_secs(2), "ticket"));
        seen.message = Some(msg("m1", 0));
        assert!(p.update(&seen, Duration::from_secs(4), "ticket"));
        assert_eq!(p.waiting_for(), Stage::SessionCreated);
        seen.ai_replies = vec![msg("r1", 8), msg("r2", 14)];
        // Replies without a session seen: OpenCX processed the message, but that is no session.
        let mut unseen = p.clone();
        unseen.update(&seen, Duration::from_secs(16), "ticket");
        let results = unseen.results(Integration::Gorgias, Duration::from_secs(20), false);
        assert_eq!(results[1].status, Status::Info, "{}", results[1].detail);
        seen.session = Some(observe::SessionSeen { id: "s1".into(), reused: false });
        assert!(p.update(&seen, Duration::from_secs(16), "ticket"));
        let results = p.results(Integration::Gorgias, Duration::from_secs(20), false);
        let status: Vec<Status> = results.iter().map(|r| r.status).collect();
        assert_eq!(status, [Status::Pass, Status::Pass, Status::Pass, Status::Fail]);
        assert!(results[3].detail.contains("r1") && results[3].detail.contains("r2"));
        assert_eq!(results[0].id, "gorgias.watch.message-received");
    }

    #[test]
    fn a_stall_fails_its_stage_with_the_diagnosis_and_skips_the_rest() {
        let mut p = Progress::default();
        let seen = Seen { object: Some("1050".into()), message: Some(msg("m1", 0)), ..Seen::default() };
        p.update(&seen, Duration::from_secs(3), "ticket");
        let results = p.results(Integration::Gorgias, Duration::from_secs(300), false);
        assert_eq!(results[1].status, Status::Fail);
        assert!(results[1].detail.contains("no OpenCX session appeared in 5 min"), "{}", results[1].detail);
        assert!(results[1].fix.as_deref().unwrap().contains("doctor gorgias webhook"));
        assert_eq!(results[2].status, Status::Skip);
        assert_eq!(results[3].blocked_by.as_deref(), Some("gorgias.watch.ai-answered"));
        // Stopped by Ctrl-C: not reached is a skip, never a fail or a pass.
        let stopped = p.results(Integration::Gorgias, Duration::from_secs(30), true);
        assert_eq!(stopped[1].status, Status::Skip);
    }

    #[test]
    fn waits_are_parsed_with_their_unit() {
        assert_eq!(parse_wait("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_wait("10m").unwrap(), Duration::from_secs(600));
        assert!(parse_wait("3h").is_err());
        assert!(parse_wait("0s").is_err());
        assert!(parse_wait("soon").is_err());
    }
}
