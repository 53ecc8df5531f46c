//! The checklist a support engineer reads: grouped by symptom, one symbol per check, the
//! evidence under it, the fix under every failure, a summary table, and what to paste into a
//! support request. Every string from outside is sanitised here.

use colored::Colorize;
use comfy_table::{presets, Cell, CellAlignment, Table};

use super::model::Status;
use super::{support_lines, CheckResult, Document, Renderer, Report};
use crate::facts::SessionEvidence;
use crate::integration::Integration;
use crate::sanitize::for_terminal;
use crate::term::Style;

pub struct Human {
    pub style: Style,
    /// Only problems and the summary.
    pub quiet: bool,
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

    fn check(&self, out: &mut String, c: &CheckResult) {
        let title = for_terminal(&c.title);
        let time =
            if c.duration_ms > 0 { format!(" ({} ms)", c.duration_ms).dimmed().to_string() } else { String::new() };
        out.push_str(&format!("  {} {}{}\n", self.symbol(c.status), title, time));
        let indent = if self.style.unicode { "    " } else { "         " };
        if !c.detail.is_empty() {
            let detail = for_terminal(&c.detail);
            let detail = if c.status == Status::Pass { detail.dimmed().to_string() } else { detail };
            out.push_str(&format!("{indent}{detail}\n"));
        }
        if let Some(fix) = &c.fix {
            if c.status != Status::Pass {
                let label = match c.status {
                    Status::Info => "Where to look:",
                    Status::Skip => "To run it:",
                    Status::Error => "Next step:",
                    _ => "Fix:",
                };
                out.push_str(&format!("{indent}{} {}\n", label.bold(), for_terminal(fix)));
            }
        }
        if let Some(docs) = &c.docs {
            if matches!(c.status, Status::Fail | Status::Warn) {
                out.push_str(&format!("{indent}{} {}\n", "Docs:".dimmed(), for_terminal(docs).dimmed()));
            }
        }
        out.push_str(&format!("{indent}{}\n", format!("[{}]", c.id).dimmed()));
    }

    fn report(&self, out: &mut String, report: &Report) {
        let target = report.target.iter().map(|(k, v)| format!(" · {k} {}", for_terminal(v))).collect::<String>();
        out.push_str(&format!(
            "{} {} · profile {}{}\n",
            "OpenCX doctor ·".bold(),
            report.integration.name().bold(),
            for_terminal(&report.profile),
            target
        ));
        if report.not_run.iter().any(|n| n.setting == "opencx.api_key") {
            out.push_str(&format!(
                "{} the OpenCX session evidence is off: set DOCTOR_OPENCX_API_KEY (or run `doctor login opencx`) to see \
                 what the AI decided\n",
                paint(Status::Warn, "Note:")
            ));
        }
        if let Some(evidence) = &report.session {
            self.session(out, evidence);
        }
        let mut groups: Vec<(Integration, &str)> = Vec::new();
        for c in &report.checks {
            if !groups.contains(&(c.integration, c.symptom.as_str())) {
                groups.push((c.integration, c.symptom.as_str()));
            }
        }
        for (integration, symptom) in groups {
            let checks: Vec<&CheckResult> = report
                .checks
                .iter()
                .filter(|c| c.integration == integration && c.symptom == symptom)
                .filter(|c| !self.quiet || matches!(c.status, Status::Fail | Status::Warn | Status::Error))
                .collect();
            if checks.is_empty() {
                continue;
            }
            let label = crate::symptom::find(integration, symptom).map(|s| s.label).unwrap_or(symptom);
            let head = if integration == report.integration {
                format!("{symptom} — {label}")
            } else {
                format!("{} {symptom} — {label}", integration.name())
            };
            out.push_str(&format!("\n{}\n", head.bold().underline()));
            if integration == Integration::Hubspot && symptom == "scopes" && !self.quiet {
                out.push_str(&self.scopes_table(&checks));
                out.push('\n');
            }
            for c in checks {
                self.check(out, c);
            }
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
            out.push_str(&format!("  {} · {}\n", for_terminal(&s.id).bold(), for_terminal(&facts.join(" · "))));
            if let Some(summary) = &s.handoff_summary {
                let sentiment = s.handoff_sentiment.as_ref().map(|m| format!(" (sentiment {m})")).unwrap_or_default();
                out.push_str(&format!("    Handoff: \"{}\"{}\n", for_terminal(summary), for_terminal(&sentiment)));
            }
            if !s.handoff_reasons.is_empty() {
                out.push_str(&format!("    Reasons: {}\n", for_terminal(&s.handoff_reasons.join(", "))));
            }
            if let Some(explanation) = &s.handoff_explanation {
                out.push_str(&format!("    Why: {}\n", for_terminal(explanation)));
            }
            for e in &s.timeline {
                let when = for_terminal(&e.at.replace('T', " ").replace('Z', " UTC"));
                let text = e.text.as_deref().map(|t| format!("  \"{}\"", for_terminal(t))).unwrap_or_default();
                out.push_str(&format!("    {}  {:<16}{}\n", when.dimmed(), for_terminal(&e.what), text));
            }
            for m in &s.missing {
                out.push_str(&format!("    {} {}\n", paint(Status::Warn, "Missing:"), for_terminal(m)));
            }
        }
    }

    /// `doctor hubspot scopes`: every needed scope in one table (scope — purpose, status, evidence).
    fn scopes_table(&self, checks: &[&CheckResult]) -> String {
        let mut table = Table::new();
        table.load_preset(if self.style.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
        table.set_header(["scope", "needed for", "status", "evidence"]);
        for c in checks {
            let (scope, purpose) = c.title.split_once(" — ").unwrap_or((c.title.as_str(), ""));
            let status = match c.status {
                Status::Pass => "granted",
                Status::Fail => "MISSING",
                Status::Warn => "granted, refused",
                other => other.as_str(),
            };
            let evidence =
                c.detail.split_once('[').and_then(|(_, rest)| rest.split_once(']')).map(|(e, _)| e).unwrap_or("");
            table.add_row([for_terminal(scope), for_terminal(purpose), status.to_string(), for_terminal(evidence)]);
        }
        format!("{table}\n")
    }

    fn table(&self, document: &Document) -> String {
        let mut table = Table::new();
        table.load_preset(if self.style.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
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
            self.report(&mut out, report);
        }
        out.push('\n');
        out.push_str(&self.table(document));
        out.push('\n');
        // What did not run, and why: never green without saying so.
        let several = document.runs().len() > 1;
        for report in document.runs() {
            for n in &report.not_run {
                let prefix = if several { format!("{}: ", report.integration.name()) } else { String::new() };
                out.push_str(&format!("{} {prefix}{}\n", paint(Status::Skip, "Not run:"), for_terminal(&n.sentence())));
            }
        }
        let summary = document.summary();
        let verdict = if summary.fail > 0 {
            paint(Status::Fail, &format!("{} check(s) failed: the fixes are under each failure above.", summary.fail))
        } else if summary.error > 0 {
            paint(Status::Error, &format!("Nothing failed, but {} check(s) could not be checked.", summary.error))
        } else if summary.warn > 0 {
            paint(Status::Warn, &format!("No failures; {} warning(s) to look at.", summary.warn))
        } else {
            paint(Status::Pass, "No problems found.")
        };
        out.push_str(&format!("{verdict}\n"));
        let support: Vec<(String, Vec<String>)> = document
            .runs()
            .iter()
            .map(|r| (r.integration.name().to_string(), support_lines(r)))
            .filter(|(_, lines)| !lines.is_empty())
            .collect();
        if !support.is_empty() && !self.quiet {
            out.push_str(&format!("\n{}\n", "For an OpenCX support request (redacted, ready to paste):".bold()));
            for report in document.runs() {
                let lines = support_lines(report);
                if lines.is_empty() {
                    continue;
                }
                let target = report.target.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
                out.push_str(&format!(
                    "  {} {} · {} · opencx-doctor {} · {}\n",
                    report.integration.name(),
                    if target.is_empty() { "(no helpdesk id given)".to_string() } else { for_terminal(&target) },
                    for_terminal(&report.profile),
                    report.checks.first().map(|_| super::model::TOOL.version).unwrap_or_default(),
                    report.started_at
                ));
                for line in lines {
                    out.push_str(&format!("  - {}\n", for_terminal(&line)));
                }
            }
        }
        // The last guard: whatever reached the text, only colour codes drive the terminal.
        crate::sanitize::only_colour_codes(&out)
    }
}
