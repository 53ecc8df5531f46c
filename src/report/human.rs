//! The checklist a support engineer reads at a glance (flutter doctor, brew doctor): the
//! problems first, each with its evidence and fix; one line per healthy symptom; what was not
//! checked collapsed to one line per cause; and, last, a numbered "What to do" — so the last
//! screen holds the fix. `-v` shows every check with its timing and id. Text wraps at word
//! boundaries to the terminal, indented under its check. Every string from outside is
//! sanitised here.

use std::collections::BTreeMap;

use colored::Colorize;
use comfy_table::{presets, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table};

use super::model::{skip_root, SkipRoot, Status};
use super::{support_lines, CheckResult, Document, Renderer, Report};
use crate::facts::SessionEvidence;
use crate::integration::Integration;
use crate::sanitize::for_terminal;
use crate::term::Style;

pub struct Human {
    pub style: Style,
    /// Only problems and the summary.
    pub quiet: bool,
    /// Every check, with its timing and id (`-v`).
    pub verbose: bool,
}

/// Where a skipped check's reason leads when its chain of prerequisites is followed to the end.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Root {
    /// A prerequisite that ran and did not pass: its id and status.
    Failed(String, Status),
    /// The check reads one helpdesk object and the run named none.
    NeedsTarget(Integration),
    /// A missing setting (said in the "Not run" lines).
    NeedsSetting,
    /// Any other reason, said by the check that skipped.
    Own(String),
}

/// `doctor hubspot scopes` is shown as one table.
fn is_scopes(integration: Integration, symptom: &str) -> bool {
    let scopes = crate::symptom::HubspotSymptom::Scopes.symptom();
    integration == scopes.integration && symptom == scopes.slug
}

fn is_problem(status: Status) -> bool {
    matches!(status, Status::Fail | Status::Warn | Status::Error)
}

/// The checks that ran (not skipped).
fn ran<'a>(checks: &[&'a CheckResult]) -> Vec<&'a CheckResult> {
    checks.iter().copied().filter(|c| c.status != Status::Skip).collect()
}

/// The worst status among the checks that ran (skips do not count).
fn worst(checks: &[&CheckResult]) -> Option<Status> {
    [Status::Fail, Status::Error, Status::Warn, Status::Info, Status::Pass]
        .into_iter()
        .find(|s| checks.iter().any(|c| c.status == *s))
}

fn root_of(report: &Report, check: &CheckResult) -> Root {
    let at = match skip_root(&report.checks, check) {
        SkipRoot::Blocked(by) => return Root::Failed(by.id.clone(), by.status),
        SkipRoot::Own(at) => at,
    };
    if at.needs_setting.is_some() {
        Root::NeedsSetting
    } else if at.detail.starts_with(super::model::NEEDS_TARGET) {
        Root::NeedsTarget(at.integration)
    } else {
        Root::Own(at.id.clone())
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// A status's symbol as the human report prints it (`✓`, or `[ ok ]` without Unicode).
pub fn status_symbol(style: Style, status: Status) -> String {
    Human { style, quiet: false, verbose: false }.symbol(status)
}

impl Human {
    fn symbol(&self, status: Status) -> String {
        let (unicode, ascii) = match status {
            Status::Pass => ("✓", "[ ok ]"),
            Status::Fail => ("✗", "[FAIL]"),
            Status::Warn => ("!", "[warn]"),
            Status::Info => ("i", "[info]"),
            Status::Skip => ("-", "[skip]"),
            Status::Error => ("?", "[ERR ]"),
        };
        let text = if self.style.unicode { unicode } else { ascii };
        paint(status, text)
    }

    /// `text` wrapped to the width, the first line after `first`, the rest under `rest`.
    fn wrap(&self, text: &str, first: &str, rest: &str) -> String {
        // Break at spaces only: a URL or a path (`Username/email`) stays whole.
        let options = textwrap::Options::new(self.style.width.max(40))
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        let mut out = String::new();
        for line in textwrap::wrap(text, options) {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// A symptom's heading: its symbol, then its title in bold, wrapped under itself.
    fn heading(&self, status: Status, title: &str) -> String {
        let room = if self.style.unicode { 2 } else { 7 };
        let lines = self.wrap(&for_terminal(title), &" ".repeat(room), "    ");
        let mut out = String::new();
        for (i, line) in lines.lines().enumerate() {
            if i == 0 {
                out.push_str(&format!("{} {}\n", self.symbol(status), line[room..].bold()));
            } else {
                out.push_str(&format!("    {}\n", line.trim_start().bold()));
            }
        }
        out
    }

    /// A labelled paragraph under a check: `Fix: …`, wrapped with a hanging indent.
    fn labelled(&self, out: &mut String, indent: &str, label: &str, text: &str) {
        let body = self.wrap(&for_terminal(text), &format!("{indent}{label} "), &format!("{indent}  "));
        out.push_str(&body.replacen(label, &label.bold().to_string(), 1));
    }

    /// One check in full: symbol and title, evidence, fix, docs (and timing and id with `-v`).
    fn check(&self, out: &mut String, c: &CheckResult, indent: &str) {
        let mut head = format!("{indent}{} {}", self.symbol(c.status), for_terminal(&c.title));
        if self.verbose && c.duration_ms > 0 {
            head.push_str(&format!(" ({} ms)", c.duration_ms).dimmed().to_string());
        }
        out.push_str(&head);
        out.push('\n');
        let under = format!("{indent}    ");
        if !c.detail.is_empty() {
            let detail = self.wrap(&for_terminal(&c.detail), &under, &under);
            out.push_str(&if c.status == Status::Pass { detail.dimmed().to_string() } else { detail });
        }
        if let (Some(fix), true) = (&c.fix, c.status != Status::Pass) {
            let label = match c.status {
                Status::Info => "Where to look:",
                Status::Skip => "To run it:",
                Status::Error => "Next step:",
                _ => "Fix:",
            };
            if self.verbose || c.status != Status::Info {
                self.labelled(out, &under, label, fix);
            }
        }
        if let Some(accepted) = &c.accepted {
            let text = format!("{} (until {})", accepted.reason, accepted.expires);
            self.labelled(out, &under, "Accepted:", &text);
        }
        if let Some(sweep) = &c.sweep {
            self.sweep_objects(out, sweep, &under);
        }
        if let (Some(docs), true) = (&c.docs, matches!(c.status, Status::Fail | Status::Warn)) {
            out.push_str(&format!("{under}{} {}\n", "Docs:".dimmed(), for_terminal(docs).dimmed()));
        }
        if self.verbose {
            out.push_str(&format!("{under}{}\n", format!("[{}]", c.id).dimmed()));
        }
    }

    /// A sweep's objects under its check: the accepted ones always (with their reason), and
    /// with `-v` every object that is not fine, with its detail, link and sessions.
    fn sweep_objects(&self, out: &mut String, sweep: &crate::report::sweep::SweepBlock, under: &str) {
        for (o, line) in sweep.objects.iter().zip(sweep.object_lines()) {
            if self.verbose || o.accepted.is_some() {
                out.push_str(&self.wrap(&for_terminal(&line), &format!("{under}- "), &format!("{under}  ")));
            }
        }
    }

    fn header(&self, out: &mut String, report: &Report) {
        let target = report
            .target
            .iter()
            .map(|(k, v)| match report.links.get(k) {
                Some(url) => format!(" · {k} {} ({})", for_terminal(&v.to_string()), for_terminal(url)),
                None => format!(" · {k} {}", for_terminal(&v.to_string())),
            })
            .collect::<String>();
        out.push_str(&format!(
            "{} {} · profile {}{}\n",
            "OpenCX doctor ·".bold(),
            report.integration.name().bold(),
            for_terminal(&report.profile),
            target
        ));
        if report.not_run.iter().any(|n| n.setting == crate::settings::fields::opencx::API_KEY.dotted()) {
            let note = "the OpenCX session evidence is off: set DOCTOR_OPENCX_API_KEY (or run `doctor login opencx`) \
                        to see what the AI decided";
            out.push_str(&self.wrap(note, &format!("{} ", paint(Status::Warn, "Note:")), "  "));
        }
        if let Some(evidence) = &report.session {
            self.session(out, evidence);
        }
    }

    /// The symptom groups of a report, in catalogue order: `(integration, symptom, checks)`.
    fn groups<'a>(&self, report: &'a Report) -> Vec<(Integration, &'a str, Vec<&'a CheckResult>)> {
        let mut groups: Vec<(Integration, &str, Vec<&CheckResult>)> = Vec::new();
        for c in &report.checks {
            match groups.iter_mut().find(|(i, s, _)| *i == c.integration && *s == c.symptom) {
                Some((_, _, list)) => list.push(c),
                None => groups.push((c.integration, c.symptom.as_str(), vec![c])),
            }
        }
        groups
    }

    fn group_title(&self, report: &Report, integration: Integration, symptom: &str) -> String {
        // The results the doctor makes itself have no symptom of the tables.
        let made = match symptom {
            "watch" => Some("one customer message, end to end"),
            "triage" => Some("what you told the doctor"),
            _ => None,
        };
        let label = crate::symptom::find(integration, symptom).map(|s| s.label).or(made).unwrap_or(symptom);
        if integration == report.integration {
            format!("{symptom} — {label}")
        } else {
            format!("{} {symptom} — {label}", integration.name())
        }
    }

    /// `-v`: every check of every symptom, as it ran.
    fn everything(&self, out: &mut String, report: &Report) {
        for (integration, symptom, checks) in self.groups(report) {
            let checks: Vec<&CheckResult> =
                checks.into_iter().filter(|c| !self.quiet || is_problem(c.status)).collect();
            if checks.is_empty() {
                continue;
            }
            let head = self.group_title(report, integration, symptom);
            out.push_str(&format!("\n{}\n", head.bold().underline()));
            if is_scopes(integration, symptom) {
                out.push_str(&self.scopes_table(&checks));
            }
            for c in checks {
                self.check(out, c, "  ");
            }
        }
    }

    /// The default view: problem symptoms in full, healthy ones on one line, skips by cause.
    fn at_a_glance(&self, out: &mut String, report: &Report) {
        let groups = self.groups(report);
        // Problems first.
        let mut shown_errors: Vec<(&str, &str)> = Vec::new();
        for (integration, symptom, checks) in &groups {
            let ran = ran(checks);
            if !ran.iter().any(|c| is_problem(c.status)) {
                continue;
            }
            let status = worst(&ran).unwrap_or(Status::Fail);
            let head = self.group_title(report, *integration, symptom);
            out.push('\n');
            out.push_str(&self.heading(status, &head));
            if is_scopes(*integration, symptom) {
                out.push_str(&self.scopes_table(&ran));
            }
            for c in ran.iter().filter(|c| is_problem(c.status) || c.status == Status::Info) {
                // One request error shared by several checks is told once.
                if c.status == Status::Error {
                    if let Some((first, _)) = shown_errors.iter().find(|(_, d)| *d == c.detail) {
                        out.push_str(&format!(
                            "    {} {}\n",
                            self.symbol(c.status),
                            for_terminal(&format!("{} — the same error as {first}", c.title))
                        ));
                        continue;
                    }
                    shown_errors.push((c.id.as_str(), c.detail.as_str()));
                }
                self.check(out, c, "    ");
            }
            let passed = ran.iter().filter(|c| c.status == Status::Pass).count();
            if passed > 0 && !self.quiet {
                out.push_str(&format!(
                    "    {} {} passed
",
                    self.symbol(Status::Pass),
                    plural(passed, "other check")
                ));
            }
        }
        if self.quiet {
            return;
        }
        // Healthy symptoms: one line each, their informational notes under them.
        out.push('\n');
        for (integration, symptom, checks) in &groups {
            let ran = ran(checks);
            if ran.is_empty() || ran.iter().any(|c| is_problem(c.status)) {
                continue;
            }
            let passed = ran.iter().filter(|c| c.status == Status::Pass).count();
            let infos: Vec<&&CheckResult> = ran.iter().filter(|c| c.status == Status::Info).collect();
            let mut counts = Vec::new();
            if passed > 0 {
                counts.push(format!("{passed} passed"));
            }
            if !infos.is_empty() {
                counts.push(plural(infos.len(), "note"));
            }
            let count = counts.join(", ");
            let head = format!("{} ({count})", self.group_title(report, *integration, symptom));
            let status = if passed > 0 { Status::Pass } else { Status::Info };
            out.push_str(&self.wrap(&for_terminal(&head), &format!("{} ", self.symbol(status)), "    "));
            // `doctor hubspot scopes` is asked for its table, healthy or not.
            if is_scopes(*integration, symptom) {
                out.push_str(&self.scopes_table(&ran));
            }
            for c in infos {
                let line = format!("{}: {}", c.title, c.detail);
                out.push_str(&self.wrap(
                    &for_terminal(&line),
                    &format!("    {} ", self.symbol(Status::Info)),
                    "      ",
                ));
            }
        }
        self.not_checked(out, report);
    }

    /// What did not run, one line per cause.
    fn not_checked(&self, out: &mut String, report: &Report) {
        let mut by_root: BTreeMap<Root, Vec<&CheckResult>> = BTreeMap::new();
        for c in report.checks.iter().filter(|c| c.status == Status::Skip) {
            by_root.entry(root_of(report, c)).or_default().push(c);
        }
        by_root.remove(&Root::NeedsSetting); // said once, with the way to set it, under the table
        if by_root.is_empty() {
            return;
        }
        out.push_str(&format!("\n{}\n", "Not checked:".bold()));
        for (root, checks) in by_root {
            let mut symptoms: Vec<&str> = Vec::new();
            for c in &checks {
                if !symptoms.contains(&c.symptom.as_str()) {
                    symptoms.push(&c.symptom);
                }
            }
            let n = plural(checks.len(), "check");
            let line = match root {
                Root::Failed(id, status) => {
                    format!("{n} not run because {id} ended in {} ({})", status.as_str(), symptoms.join(", "))
                }
                Root::NeedsTarget(integration) => {
                    let flag = integration.target_flag().unwrap_or("an id");
                    format!(
                        "{n} look at one {}: run `doctor {} {flag} ID` for them ({})",
                        integration.object_name(),
                        integration.slug(),
                        symptoms.join(", ")
                    )
                }
                Root::NeedsSetting => continue,
                Root::Own(id) => {
                    let own = report.checks.iter().find(|c| c.id == id).map(|c| c.detail.as_str()).unwrap_or_default();
                    let first = checks[0];
                    if checks.len() == 1 {
                        format!("{}: {}", first.title, own)
                    } else {
                        format!("{n} ({}): {own}", symptoms.join(", "))
                    }
                }
            };
            out.push_str(&self.wrap(&for_terminal(&line), &format!("  {} ", self.symbol(Status::Skip)), "    "));
        }
    }

    /// The OpenCX session block: near the top, because the session is the fastest path to root cause.
    fn session(&self, out: &mut String, evidence: &SessionEvidence) {
        let lookup = &evidence.lookup;
        let how = match lookup.method {
            "id" => "by id".to_string(),
            "search" => format!("through the customer's email, {} request(s)", lookup.requests),
            "none" => format!("none found: {} session(s) scanned in {} request(s)", lookup.scanned, lookup.requests),
            _ => format!("{} session(s) scanned in {} request(s)", lookup.scanned, lookup.requests),
        };
        out.push_str(&format!("\n{} ({how})\n", "OpenCX session".bold().underline()));
        for s in &evidence.sessions {
            let mut facts = vec![s.status.clone().unwrap_or_else(|| "status unknown".into())];
            facts.extend(s.ai_closure_type.clone());
            facts.extend(s.channel.as_ref().map(|c| format!("channel {c}")));
            facts.extend(s.team.as_ref().map(|t| format!("team {t}")));
            facts.extend(s.assignee_id.as_ref().map(|a| format!("assignee {a}")));
            facts.extend(s.sentiment.as_ref().map(|m| format!("sentiment {m}")));
            let line = format!("{} · {}", for_terminal(&s.id), for_terminal(&facts.join(" · ")));
            out.push_str(&self.wrap(&line, "  ", "    "));
            if let Some(summary) = &s.handoff_summary {
                let sentiment = s.handoff_sentiment.as_ref().map(|m| format!(" (sentiment {m})")).unwrap_or_default();
                out.push_str(&self.wrap(
                    &for_terminal(&format!("Handoff: \"{summary}\"{sentiment}")),
                    "    ",
                    "      ",
                ));
            }
            if !s.handoff_reasons.is_empty() {
                out.push_str(&self.wrap(
                    &for_terminal(&format!("Reasons: {}", s.handoff_reasons.join(", "))),
                    "    ",
                    "      ",
                ));
            }
            if let Some(explanation) = &s.handoff_explanation {
                out.push_str(&self.wrap(&for_terminal(&format!("Why: {explanation}")), "    ", "      "));
            }
            for e in &s.timeline {
                let when = for_terminal(&e.at.replace('T', " ").replace('Z', " UTC"));
                let text = e.text.as_deref().map(|t| format!("  \"{}\"", for_terminal(t))).unwrap_or_default();
                let line = format!("{when}  {:<16}{text}", for_terminal(&e.what));
                out.push_str(&self.wrap(&line, "    ", "      "));
            }
            for m in &s.missing {
                out.push_str(&self.wrap(
                    &for_terminal(m),
                    &format!("    {} ", paint(Status::Warn, "Missing:")),
                    "      ",
                ));
            }
        }
    }

    fn new_table(&self) -> Table {
        let mut table = Table::new();
        table.load_preset(if self.style.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(u16::try_from(self.style.width).unwrap_or(u16::MAX));
        table
    }

    /// `doctor hubspot scopes`: every needed scope in one table (scope — purpose, status, and
    /// the evidence when the terminal is wide enough for it).
    fn scopes_table(&self, checks: &[&CheckResult]) -> String {
        let mut table = self.new_table();
        let with_evidence = self.style.width >= 100;
        let mut header = vec!["scope", "needed for", "status"];
        if with_evidence {
            header.push("evidence");
        }
        table.set_header(header);
        for c in checks {
            let (scope, purpose) = c.title.split_once(" — ").unwrap_or((c.title.as_str(), ""));
            let status = match c.status {
                Status::Pass => "granted",
                Status::Fail => "MISSING",
                Status::Warn => "granted, refused",
                other => other.as_str(),
            };
            let mut row = vec![for_terminal(scope), for_terminal(purpose), status.to_string()];
            if with_evidence {
                let evidence =
                    c.detail.split_once('[').and_then(|(_, rest)| rest.split_once(']')).map(|(e, _)| e).unwrap_or("");
                row.push(for_terminal(evidence));
            }
            table.add_row(row);
        }
        // A scope name never breaks; the purpose wraps instead.
        for column in [0, 2] {
            if let Some(c) = table.column_mut(column) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        format!("{table}\n")
    }

    fn table(&self, document: &Document) -> String {
        let mut table = self.new_table();
        let mut header = vec![Cell::new("")];
        header.extend(Status::ALL.iter().map(|s| Cell::new(s.as_str()).set_alignment(CellAlignment::Right)));
        table.set_header(header);
        for report in document.runs() {
            let mut row = vec![Cell::new(report.integration.name())];
            row.extend(
                Status::ALL.iter().map(|s| Cell::new(report.summary.get(*s)).set_alignment(CellAlignment::Right)),
            );
            table.add_row(row);
        }
        table.to_string()
    }

    /// "What to do": the fixes of every problem, in order, numbered, each naming its checks; one
    /// entry for checks that share a fix.
    fn what_to_do(&self, out: &mut String, document: &Document) {
        let mut items: Vec<(String, Vec<&str>)> = Vec::new();
        for status in [Status::Fail, Status::Error, Status::Warn] {
            for report in document.runs() {
                for c in report.checks.iter().filter(|c| c.status == status && c.accepted.is_none()) {
                    let Some(fix) = &c.fix else { continue };
                    match items.iter_mut().find(|(f, _)| f == fix) {
                        Some((_, ids)) => {
                            if !ids.contains(&c.id.as_str()) {
                                ids.push(&c.id)
                            }
                        }
                        None => items.push((fix.clone(), vec![&c.id])),
                    }
                }
            }
        }
        if items.is_empty() {
            return;
        }
        out.push_str(&format!("\n{}\n", "What to do:".bold()));
        for (n, (fix, ids)) in items.iter().enumerate() {
            let number = format!("{:>2}. ", n + 1);
            let text = format!("{} ({})", fix, ids.join(", "));
            out.push_str(&self.wrap(&for_terminal(&text), &format!(" {number}"), "     "));
        }
    }

    /// ASCII for a terminal that cannot show more (`TERM=dumb`, a non-UTF-8 locale).
    fn ascii(&self, text: String) -> String {
        if self.style.unicode {
            return text;
        }
        text.replace('→', "->").replace('—', "-").replace('·', "|").replace('…', "...").replace('×', "x")
    }
}

fn paint(status: Status, text: &str) -> String {
    match status {
        Status::Pass => text.green().to_string(),
        Status::Fail => text.red().bold().to_string(),
        Status::Warn => text.yellow().bold().to_string(),
        Status::Info => text.cyan().to_string(),
        Status::Skip => text.dimmed().to_string(),
        Status::Error => text.magenta().bold().to_string(),
    }
}

impl Renderer for Human {
    fn render(&self, document: &Document) -> String {
        let mut out = String::new();
        for (i, report) in document.runs().iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            self.header(&mut out, report);
            if self.verbose {
                self.everything(&mut out, report);
            } else {
                self.at_a_glance(&mut out, report);
            }
        }
        out.push('\n');
        out.push_str(&self.table(document));
        out.push('\n');
        // What did not run, and why: never green without saying so.
        let several = document.runs().len() > 1;
        for report in document.runs() {
            for n in &report.not_run {
                let prefix = if several { format!("{}: ", report.integration.name()) } else { String::new() };
                let line = for_terminal(&format!("{prefix}{}", n.sentence()));
                out.push_str(&self.wrap(&line, &format!("{} ", paint(Status::Skip, "Not run:")), "  "));
            }
        }
        let summary = super::unaccepted(document);
        let accepted = document.runs().iter().flat_map(|r| r.checks.iter()).filter(|c| c.accepted.is_some()).count();
        if accepted > 0 {
            out.push_str(&format!("{} finding(s) accepted (--accept): shown above, not counted.\n", accepted));
        }
        let verdict = if summary.fail > 0 {
            paint(Status::Fail, &format!("{} check(s) failed: what to do is below.", summary.fail))
        } else if summary.error > 0 {
            paint(Status::Error, &format!("Nothing failed, but {} check(s) could not be checked.", summary.error))
        } else if summary.warn > 0 {
            paint(Status::Warn, &format!("No failures; {} warning(s) to look at.", summary.warn))
        } else {
            paint(Status::Pass, "No problems found.")
        };
        out.push_str(&format!("{verdict}\n"));
        let has_support = document.runs().iter().any(|r| !support_lines(r).is_empty());
        if has_support && !self.quiet {
            out.push_str(&format!("\n{}\n", "For an OpenCX support request (redacted, ready to paste):".bold()));
            for report in document.runs() {
                let lines = support_lines(report);
                if lines.is_empty() {
                    continue;
                }
                let target = report.target.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
                let about = format!(
                    "{} {} · {} · opencx-doctor {} · {}",
                    report.integration.name(),
                    if target.is_empty() { "(no helpdesk id given)".to_string() } else { for_terminal(&target) },
                    for_terminal(&report.profile),
                    super::model::TOOL.version,
                    report.started_at
                );
                out.push_str(&self.wrap(&about, "  ", "    "));
                for line in lines {
                    out.push_str(&self.wrap(&for_terminal(&line), "  - ", "    "));
                }
            }
        }
        self.what_to_do(&mut out, document);
        // The last guard: whatever reached the text, only colour codes drive the terminal.
        crate::sanitize::only_colour_codes(&self.ascii(out))
    }
}
