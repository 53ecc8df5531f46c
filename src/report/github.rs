//! GitHub Actions workflow commands (`::error`, `::warning`) for the problems of a run, so a
//! failed CI job shows them on the run's page; GitHub drops annotations past ten of a kind
//! without a word, so the rest are counted in one `::notice`. Also the markdown report for the
//! job's summary page (`$GITHUB_STEP_SUMMARY`).

use super::model::Status;
use super::Document;

/// At most this many annotations of one kind (GitHub shows no more).
pub const MAX_PER_KIND: usize = 10;

/// `%`, CR and LF escaped as GitHub's workflow commands require (properties also `:` and `,`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow command lines for the document's fails and warns.
pub fn annotations(document: &Document) -> Vec<String> {
    let mut lines = Vec::new();
    let mut left_out = Vec::new();
    for (status, command, noun) in [(Status::Fail, "error", "failure"), (Status::Warn, "warning", "warning")] {
        let found: Vec<_> = document
            .runs()
            .iter()
            .flat_map(|r| r.checks.iter())
            .filter(|c| c.status == status && c.accepted.is_none())
            .collect();
        for c in found.iter().take(MAX_PER_KIND) {
            let title = format!("{} ({})", c.title, c.id);
            let mut message = c.detail.clone();
            if let Some(fix) = &c.fix {
                message.push_str(&format!("\nFix: {fix}"));
            }
            let title = escape_property(&crate::sanitize::for_terminal(&title));
            let message = escape_data(&crate::sanitize::for_terminal_lines(&message));
            lines.push(format!("::{command} title={title}::{message}"));
        }
        if found.len() > MAX_PER_KIND {
            let more = found.len() - MAX_PER_KIND;
            left_out.push(format!("{more} more {noun}{}", if more == 1 { "" } else { "s" }));
        }
    }
    if !left_out.is_empty() {
        lines.push(format!(
            "::notice title=opencx-doctor::{} are in the report (GitHub shows at most {MAX_PER_KIND} of each)",
            left_out.join(" and ")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integration::Integration;
    use crate::report::model::{CheckResult, Report, Summary, SCHEMA_VERSION, TOOL};

    fn result(id: &str, status: Status) -> CheckResult {
        let title = "A title, with: punctuation".to_string();
        let mut result = CheckResult::made(
            id.into(),
            Integration::Gorgias,
            "webhook",
            title,
            status,
            "line one\nline two 100%".into(),
        );
        result.fix = Some("do this".into());
        result
    }

    #[test]
    fn annotations_are_capped_per_kind_and_the_rest_counted_in_a_notice() {
        let mut checks: Vec<CheckResult> =
            (0..12).map(|i| result(&format!("gorgias.webhook.c{i}"), Status::Fail)).collect();
        checks.push(result("gorgias.webhook.w", Status::Warn));
        checks.push(result("gorgias.webhook.p", Status::Pass));
        let report = Report {
            schema_version: SCHEMA_VERSION,
            tool: TOOL,
            profile: "default".into(),
            integration: Integration::Gorgias,
            target: Default::default(),
            started_at: "2026-12-02T00:00:00Z".into(),
            duration_ms: 1,
            summary: Summary::of(&checks),
            not_run: Vec::new(),
            links: Default::default(),
            checks,
            session: None,
            watch: None,
        };
        let lines = annotations(&Document::One(Box::new(report)));
        assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), MAX_PER_KIND);
        assert_eq!(lines.iter().filter(|l| l.starts_with("::warning ")).count(), 1);
        assert_eq!(
            lines.last().unwrap(),
            "::notice title=opencx-doctor::2 more failures are in the report (GitHub shows at most 10 of each)"
        );
        let first = &lines[0];
        assert!(first.starts_with("::error title=A title%2C with%3A punctuation (gorgias.webhook.c0)::"), "{first}");
        assert!(first.ends_with("line one%0Aline two 100%25%0AFix: do this"), "{first}");
    }
}
