//! Every output format renders the same Report: JSON against the published schema, JUnit as
//! XML, Markdown, and the human checklist with its colour and ASCII decisions.

use crate::common::{json, sandbox, stdout, Env};
use opencx_sandbox::Spec;

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report-v1.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("the schema compiles")
}

pub fn assert_valid(value: &serde_json::Value) {
    let validator = schema();
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}\n{value:#}");
}

#[test]
fn json_output_follows_the_schema_for_one_integration_and_for_all() {
    let env = Env::new();
    for scenario in ["healthy", "gorgias-key-revoked", "gorgias-server-error"] {
        let out = env.doctor().args(["demo", "gorgias", "--scenario", scenario, "--format", "json"]).output().unwrap();
        let report = json(&out);
        assert_valid(&report);
        assert_eq!(report["schema_version"], 1);
        assert_eq!(report["tool"]["name"], "opencx-doctor");
        assert_eq!(report["integration"], "gorgias");
        let checks = report["checks"].as_array().unwrap();
        let counted: u64 = ["pass", "fail", "warn", "info", "skip", "error"]
            .iter()
            .map(|k| report["summary"][k].as_u64().unwrap())
            .sum();
        assert_eq!(counted as usize, checks.len());
    }
    let out = env.doctor().args(["demo", "--format", "json"]).output().unwrap();
    let all = json(&out);
    assert_valid(&all);
    assert_eq!(all["runs"].as_array().unwrap().len(), 3);
}

#[test]
fn json_target_names_the_helpdesk_object() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out =
        env.doctor_for(&sb).args(["gorgias", "credentials", "--ticket", "123", "--format", "json"]).output().unwrap();
    let report = json(&out);
    assert_valid(&report);
    assert_eq!(report["target"]["ticket"], "123");
}

#[test]
fn junit_is_xml_with_one_testsuite_per_symptom_and_the_fix_as_failure_message() {
    let env = Env::new();
    let out = env
        .doctor()
        .args([
            "demo",
            "gorgias",
            "--scenario",
            "gorgias-key-revoked",
            "--format",
            "junit",
            "--only",
            "gorgias.credentials,opencx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("not XML ({e}):\n{text}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    let names: Vec<&str> = suites.iter().map(|s| s.attribute("name").unwrap()).collect();
    assert_eq!(names, ["opencx.credentials", "opencx.session", "gorgias.credentials", "gorgias.ai-silent"]);
    let failure = doc.descendants().find(|n| n.has_tag_name("failure")).expect("a failure element");
    assert!(failure.attribute("message").unwrap().contains("Settings → REST API"));
    let skipped = doc.descendants().filter(|n| n.has_tag_name("skipped")).count();
    assert_eq!(skipped, 8, "three Gorgias checks, the ticket check and the four session checks wait for the key");
    assert_eq!(root.attribute("failures"), Some("1"));
    assert_eq!(root.attribute("skipped"), Some("8"));
}

#[test]
fn junit_marks_errors_and_keeps_warnings_passing_with_system_out() {
    let env = Env::new();
    let out = env
        .doctor()
        .args(["demo", "gorgias", "--scenario", "gorgias-server-error", "--format", "junit"])
        .output()
        .unwrap();
    let text = stdout(&out);
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(doc.descendants().any(|n| n.has_tag_name("error")));
    let out = env.doctor().args(["demo", "intercom", "--format", "junit"]).output().unwrap();
    let text = stdout(&out);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let info_case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.attribute("name").unwrap().starts_with("intercom.credentials.region"))
        .unwrap();
    let out_node = info_case.children().find(|n| n.has_tag_name("system-out")).expect("system-out for info");
    assert!(out_node.text().unwrap().starts_with("[info]"));
}

#[test]
fn markdown_is_a_table_with_the_fixes() {
    let env = Env::new();
    let out = env
        .doctor()
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked", "--format", "markdown"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("## OpenCX doctor: Gorgias"), "{text}");
    assert!(text.contains("| Result | Check | Evidence |"));
    assert!(text.contains("❌ fail"));
    assert!(text.contains("### What to do"));
    assert!(text.contains("### For OpenCX support"));
}

#[test]
fn human_output_has_symbols_fixes_and_a_summary_table_with_ascii_fallback() {
    let env = Env::new();
    let out = env.doctor().args(["demo", "gorgias", "--scenario", "gorgias-key-revoked"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("✗ Gorgias accepts the email and API key"), "{text}");
    assert!(text.contains("Fix: In Gorgias: Settings → REST API"));
    assert!(text.contains("│ Gorgias"), "summary table:\n{text}");
    assert!(!text.contains('\u{1b}'), "no colour when stdout is not a terminal");

    let out = env
        .doctor()
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("[FAIL] Gorgias accepts the email and API key"), "{text}");
    assert!(text.contains("| Gorgias"), "ASCII table:\n{text}");
}

#[test]
fn colour_follows_color_no_color_and_term_dumb() {
    let env = Env::new();
    let out = env.doctor().args(["--color", "always", "demo", "gorgias"]).output().unwrap();
    assert!(stdout(&out).contains('\u{1b}'), "--color always colours");
    let out = env.doctor().env("NO_COLOR", "1").args(["demo", "gorgias"]).output().unwrap();
    assert!(!stdout(&out).contains('\u{1b}'));
    let out = env.doctor().env("TERM", "dumb").args(["--color", "never", "demo", "gorgias"]).output().unwrap();
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && text.contains("[ ok ]"), "{text}");
}

#[test]
fn output_file_receives_the_chosen_format() {
    let env = Env::new();
    let file = env.dir.path().join("report.json");
    let out = env.doctor().args(["demo", "gorgias", "--format", "json", "--output"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_valid(&report);
}

#[test]
fn quiet_prints_only_problems_and_the_summary() {
    let env = Env::new();
    let out = env.doctor().args(["-q", "demo", "gorgias", "--scenario", "gorgias-key-revoked"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Gorgias accepts the email and API key"));
    assert!(!text.contains("The Gorgias domain prefix names a Gorgias account"), "passing checks hidden:\n{text}");
}

#[test]
fn in_github_actions_problems_become_annotations_and_the_summary_page_gets_the_report() {
    let env = crate::common::Env::new();
    let summary = env.dir.path().join("summary.md");
    let human = env
        .run()
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked"])
        .finish()
        .code(1);
    assert!(
        human.stdout.contains("::error title=Gorgias accepts the email and API key (gorgias.credentials.api-key)::"),
        "{}",
        human.stdout
    );
    let page = std::fs::read_to_string(&summary).unwrap();
    assert!(page.contains("## OpenCX doctor: Gorgias"), "{page}");
    let json = env
        .run()
        .env("GITHUB_ACTIONS", "true")
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked", "--format", "json"])
        .finish()
        .code(1);
    assert!(!json.stdout.contains("::error"), "JSON stdout stays JSON");
    json.json();
    assert!(json.stderr.contains("::error title="), "{}", json.stderr);
    let outside = env.run().args(["demo", "gorgias", "--scenario", "gorgias-key-revoked"]).finish().code(1);
    assert!(!outside.stdout.contains("::error"), "only inside GitHub Actions");
}
