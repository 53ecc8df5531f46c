//! `--format markdown`: a report to paste into a support ticket or a pull request.

use super::model::Status;
use super::{support_lines, Document, Renderer};
use crate::sanitize::for_terminal;

pub struct Markdown;

/// Text safe inside a table cell: one line, pipes and markup characters escaped.
fn cell(text: &str) -> String {
    let mut out = String::new();
    for c in for_terminal(text).chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn icon(status: Status) -> &'static str {
    match status {
        Status::Pass => "✅ pass",
        Status::Fail => "❌ fail",
        Status::Warn => "⚠️ warn",
        Status::Info => "ℹ️ info",
        Status::Skip => "⏭️ skip",
        Status::Error => "❓ error",
    }
}

/// Rows of a sweep's object table (a job summary page has a size limit).
const MAX_ROWS: usize = 50;

impl Renderer for Markdown {
    fn render(&self, document: &Document) -> String {
        let mut out = String::new();
        for report in document.runs() {
            let target: Vec<String> =
                report.target.iter().map(|(k, v)| format!("{k} `{}`", cell(&v.to_string()))).collect();
            out.push_str(&format!("## OpenCX doctor: {}\n\n", report.integration.name()));
            let s = &report.summary;
            out.push_str(&format!(
                "**{} failed, {} warnings, {} errors** ({} passed, {} info, {} skipped) · profile `{}`{} · {} · opencx-doctor {}\n\n",
                s.fail,
                s.warn,
                s.error,
                s.pass,
                s.info,
                s.skip,
                cell(&report.profile),
                if target.is_empty() { String::new() } else { format!(" · {}", target.join(", ")) },
                report.started_at,
                super::model::TOOL.version,
            ));
            if let Some(evidence) = &report.session {
                out.push_str(&format!(
                    "### OpenCX session ({} found, lookup: {})\n\n",
                    evidence.sessions.len(),
                    evidence.lookup.method
                ));
                for s in &evidence.sessions {
                    out.push_str(&format!(
                        "- `{}` · {} · {}{}\n",
                        cell(&s.id),
                        cell(s.status.as_deref().unwrap_or("?")),
                        cell(s.ai_closure_type.as_deref().unwrap_or("not closed by the AI")),
                        s.handoff_summary.as_deref().map(|h| format!(" · handoff: {}", cell(h))).unwrap_or_default()
                    ));
                    for e in &s.timeline {
                        let text = e.text.as_deref().map(|t| format!(": {}", cell(t))).unwrap_or_default();
                        out.push_str(&format!("  - {} {}{}\n", cell(&e.at), cell(&e.what), text));
                    }
                    for m in &s.missing {
                        out.push_str(&format!("  - missing: {}\n", cell(m)));
                    }
                }
                out.push('\n');
            }
            out.push_str("| Result | Check | Evidence |\n|---|---|---|\n");
            for c in &report.checks {
                out.push_str(&format!(
                    "| {} | {} (`{}`) | {} |\n",
                    icon(c.status),
                    cell(&c.title),
                    c.id,
                    cell(&match &c.accepted {
                        Some(a) => format!("{} (accepted: {}, until {})", c.detail, a.reason, a.expires),
                        None => c.detail.clone(),
                    })
                ));
            }
            for c in &report.checks {
                let Some(sweep) = c.sweep.as_ref().filter(|s| !s.objects.is_empty()) else { continue };
                out.push_str(&format!(
                    "\n### {} (`{}`): {} affected, {} not checked\n\n| {} | Result | Detail | Sessions |\n|---|---|---|---|\n",
                    cell(&c.title),
                    c.id,
                    sweep.count_text(sweep.affected),
                    sweep.not_checked,
                    cell(sweep.noun)
                ));
                for o in sweep.objects.iter().take(MAX_ROWS) {
                    let id = match &o.link {
                        Some(link) => format!("[{}]({})", cell(&sweep.label(&o.id)), link),
                        None => cell(&sweep.label(&o.id)),
                    };
                    let detail = match &o.accepted {
                        Some(a) => format!("{} (accepted: {}, until {})", o.detail, a.reason, a.expires),
                        None => o.detail.clone(),
                    };
                    out.push_str(&format!(
                        "| {id} | {} | {} | {} |\n",
                        icon(o.status),
                        cell(&detail),
                        cell(&o.sessions.join(", "))
                    ));
                }
                if sweep.objects.len() > MAX_ROWS {
                    out.push_str(&format!(
                        "\n{} more in the JSON report (`--format json`).\n",
                        sweep.objects.len() - MAX_ROWS
                    ));
                }
            }
            let fixes: Vec<_> = report
                .checks
                .iter()
                .filter(|c| matches!(c.status, Status::Fail | Status::Warn | Status::Error))
                .collect();
            if !fixes.is_empty() {
                out.push_str("\n### What to do\n\n");
                for c in fixes {
                    out.push_str(&format!(
                        "- **{}** (`{}`): {}",
                        cell(&c.title),
                        c.id,
                        cell(c.fix.as_deref().unwrap_or(""))
                    ));
                    if let Some(docs) = &c.docs {
                        out.push_str(&format!(" ([docs]({docs}))"));
                    }
                    out.push('\n');
                }
            }
            if !report.not_run.is_empty() {
                out.push_str("\n### Not run\n\n");
                for n in &report.not_run {
                    out.push_str(&format!("- {}\n", cell(&n.sentence())));
                }
            }
            let support = support_lines(report);
            if !support.is_empty() {
                out.push_str("\n### For OpenCX support\n\n```text\n");
                for line in support {
                    out.push_str(&for_terminal(&line).replace("```", "'''"));
                    out.push('\n');
                }
                out.push_str("```\n");
            }
            out.push('\n');
        }
        out
    }
}
