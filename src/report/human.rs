//! The checklist a support engineer reads: grouped by symptom, one symbol per check, the
//! evidence under it, the fix under every failure, a summary table, and what to paste into a
//! support request. Every string from outside is sanitised here.

use colored::Colorize;
use comfy_table::{presets, Cell, CellAlignment, Table};

use super::{support_lines, CheckResult, Document, Renderer, Report};
use crate::engine::Status;
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
        let time = if c.duration_ms > 0 {
            format!(" ({} ms)", c.duration_ms).dimmed().to_string()
        } else {
            String::new()
        };
        out.push_str(&format!("  {} {}{}\n", self.symbol(c.status), title, time));
        let indent = if self.style.unicode {
            "    "
        } else {
            "         "
        };
        if !c.detail.is_empty() {
            let detail = for_terminal(&c.detail);
            let detail = if c.status == Status::Pass {
                detail.dimmed().to_string()
            } else {
                detail
            };
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
                out.push_str(&format!(
                    "{indent}{} {}\n",
                    "Docs:".dimmed(),
                    for_terminal(docs).dimmed()
                ));
            }
        }
        out.push_str(&format!("{indent}{}\n", format!("[{}]", c.id).dimmed()));
    }

    fn report(&self, out: &mut String, report: &Report) {
        let target = report
            .target
            .iter()
            .map(|(k, v)| format!(" · {k} {}", for_terminal(v)))
            .collect::<String>();
        out.push_str(&format!(
            "{} {} · profile {}{}\n",
            "OpenCX doctor ·".bold(),
            report.integration.name().bold(),
            for_terminal(&report.profile),
            target
        ));
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
                .filter(|c| {
                    !self.quiet || matches!(c.status, Status::Fail | Status::Warn | Status::Error)
                })
                .collect();
            if checks.is_empty() {
                continue;
            }
            let label = integration
                .symptom(symptom)
                .map(|s| s.label)
                .unwrap_or(symptom);
            let head = if integration == report.integration {
                format!("{symptom} — {label}")
            } else {
                format!("{} {symptom} — {label}", integration.name())
            };
            out.push_str(&format!("\n{}\n", head.bold().underline()));
            for c in checks {
                self.check(out, c);
            }
        }
    }

    fn table(&self, document: &Document) -> String {
        let mut table = Table::new();
        table.load_preset(if self.style.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        });
        let mut header = vec![Cell::new("")];
        header.extend(
            Status::ALL
                .iter()
                .map(|s| Cell::new(s.as_str()).set_alignment(CellAlignment::Right)),
        );
        table.set_header(header);
        for report in document.runs() {
            let mut row = vec![Cell::new(report.integration.name())];
            row.extend(
                Status::ALL
                    .iter()
                    .map(|s| Cell::new(report.summary.get(*s)).set_alignment(CellAlignment::Right)),
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
        let summary = document.summary();
        let verdict = if summary.fail > 0 {
            paint(
                Status::Fail,
                &format!(
                    "{} check(s) failed: the fixes are under each failure above.",
                    summary.fail
                ),
            )
        } else if summary.error > 0 {
            paint(
                Status::Error,
                &format!(
                    "Nothing failed, but {} check(s) could not be checked.",
                    summary.error
                ),
            )
        } else if summary.warn > 0 {
            paint(
                Status::Warn,
                &format!("No failures; {} warning(s) to look at.", summary.warn),
            )
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
            out.push_str(&format!(
                "\n{}\n",
                "For an OpenCX support request (redacted, ready to paste):".bold()
            ));
            for report in document.runs() {
                let lines = support_lines(report);
                if lines.is_empty() {
                    continue;
                }
                let target = report
                    .target
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push_str(&format!(
                    "  {} {} · {} · opencx-doctor {} · {}\n",
                    report.integration.name(),
                    if target.is_empty() {
                        "(no helpdesk id given)".to_string()
                    } else {
                        for_terminal(&target)
                    },
                    for_terminal(&report.profile),
                    report
                        .checks
                        .first()
                        .map(|_| super::model::TOOL.version)
                        .unwrap_or_default(),
                    report.started_at
                ));
                for line in lines {
                    out.push_str(&format!("  - {}\n", for_terminal(&line)));
                }
            }
        }
        out
    }
}
