//! `--format junit`: JUnit XML for CI systems. One testsuite per integration and symptom; `fail`
//! becomes a failure whose message is the fix, `error` an error, `skip` skipped, and `warn`/`info`
//! passing testcases with the detail in system-out (JUnit has no warning state).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::model::Status;
use super::{CheckResult, Document, Renderer, Summary};

pub struct Junit;

fn secs(ms: u64) -> String {
    format!("{:.3}", ms as f64 / 1000.0)
}

fn start<'a>(name: &'a str, attrs: &[(&str, String)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for (k, v) in attrs {
        tag.push_attribute((*k, v.as_str()));
    }
    tag
}

fn counts(summary: &Summary, time_ms: u64) -> Vec<(&'static str, String)> {
    vec![
        ("tests", summary.total().to_string()),
        ("failures", summary.fail.to_string()),
        ("errors", summary.error.to_string()),
        ("skipped", summary.skip.to_string()),
        ("time", secs(time_ms)),
    ]
}

impl Renderer for Junit {
    fn render(&self, document: &Document) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        let ok = |r: std::io::Result<()>| r.expect("writing XML to memory cannot fail");
        ok(w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))));
        let runs = document.runs();
        let total_ms = runs.iter().map(|r| r.duration_ms).max().unwrap_or(0);
        let mut attrs = vec![("name", "opencx-doctor".to_string())];
        let mut all = document.summary();
        all.skip += runs.iter().map(|r| r.not_run.len()).sum::<usize>();
        attrs.extend(counts(&all, total_ms));
        ok(w.write_event(Event::Start(start("testsuites", &attrs))));
        for report in runs {
            let mut suites: Vec<(String, Vec<&CheckResult>)> = Vec::new();
            for check in &report.checks {
                let name = format!("{}.{}", check.integration.slug(), check.symptom);
                match suites.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, list)) => list.push(check),
                    None => suites.push((name, vec![check])),
                }
            }
            for (name, checks) in suites {
                let summary = Summary::of(checks.iter().copied());
                let ms = checks.iter().map(|c| c.duration_ms).sum();
                let mut attrs = vec![("name", name.clone())];
                attrs.extend(counts(&summary, ms));
                attrs.push(("timestamp", report.started_at.clone()));
                ok(w.write_event(Event::Start(start("testsuite", &attrs))));
                for check in checks {
                    let case = start(
                        "testcase",
                        &[
                            ("classname", name.clone()),
                            ("name", format!("{}: {}", check.id, check.title)),
                            ("time", secs(check.duration_ms)),
                        ],
                    );
                    let fix = check.fix.clone().unwrap_or_default();
                    let mut body = match &check.fix {
                        Some(fix) => format!("{}\nFix: {fix}", check.detail),
                        None => check.detail.clone(),
                    };
                    if let Some(a) = &check.accepted {
                        body.push_str(&format!("\nAccepted (--accept): {} (until {})", a.reason, a.expires));
                    }
                    // A sweep's check: every object it found or could not check, one a line.
                    let fix = match &check.sweep {
                        Some(sweep) if !sweep.objects.is_empty() => {
                            body.push_str(&format!("\nObjects:\n{}", sweep.object_lines().join("\n")));
                            format!("{} Fix: {fix}", check.detail)
                        }
                        _ => fix,
                    };
                    match check.status {
                        Status::Pass => ok(w.write_event(Event::Empty(case))),
                        Status::Fail | Status::Error => {
                            let (tag, message) = if check.status == Status::Fail {
                                ("failure", fix)
                            } else {
                                ("error", check.detail.clone())
                            };
                            ok(w.write_event(Event::Start(case)));
                            ok(w.write_event(Event::Start(start(
                                tag,
                                &[("message", message), ("type", check.status.as_str().into())],
                            ))));
                            ok(w.write_event(Event::Text(BytesText::new(&body))));
                            ok(w.write_event(Event::End(BytesEnd::new(tag))));
                            ok(w.write_event(Event::End(BytesEnd::new("testcase"))));
                        }
                        Status::Skip => {
                            ok(w.write_event(Event::Start(case)));
                            ok(w.write_event(Event::Empty(start("skipped", &[("message", check.detail.clone())]))));
                            ok(w.write_event(Event::End(BytesEnd::new("testcase"))));
                        }
                        Status::Warn | Status::Info => {
                            ok(w.write_event(Event::Start(case)));
                            ok(w.write_event(Event::Start(BytesStart::new("system-out"))));
                            ok(w.write_event(Event::Text(BytesText::new(&format!(
                                "[{}] {body}",
                                check.status.as_str()
                            )))));
                            ok(w.write_event(Event::End(BytesEnd::new("system-out"))));
                            ok(w.write_event(Event::End(BytesEnd::new("testcase"))));
                        }
                    }
                }
                ok(w.write_event(Event::End(BytesEnd::new("testsuite"))));
            }
            // What did not run for a missing setting, as a suite CI dashboards show.
            if !report.not_run.is_empty() {
                let name = format!("{}.not-run", report.integration.slug());
                let n = report.not_run.len().to_string();
                ok(w.write_event(Event::Start(start(
                    "testsuite",
                    &[
                        ("name", name.clone()),
                        ("tests", n.clone()),
                        ("failures", "0".into()),
                        ("errors", "0".into()),
                        ("skipped", n),
                        ("time", "0.000".into()),
                    ],
                ))));
                for not_run in &report.not_run {
                    ok(w.write_event(Event::Start(start(
                        "testcase",
                        &[("classname", name.clone()), ("name", format!("not run: {}", not_run.setting))],
                    ))));
                    ok(w.write_event(Event::Empty(start("skipped", &[("message", not_run.sentence())]))));
                    ok(w.write_event(Event::End(BytesEnd::new("testcase"))));
                }
                ok(w.write_event(Event::End(BytesEnd::new("testsuite"))));
            }
        }
        ok(w.write_event(Event::End(BytesEnd::new("testsuites"))));
        let mut xml = String::from_utf8(w.into_inner()).expect("quick-xml writes UTF-8");
        xml.push('\n');
        // XML 1.0 cannot carry most control characters (nor U+FFFE/U+FFFF) even escaped, and
        // bidi overrides would mislead a reader: both become visible escapes.
        crate::sanitize::for_xml(&xml)
    }
}
