//! Every sandbox scenario named after a cause is diagnosed by the check that names it, and the
//! healthy organisation raises no alarm (no fail, warn or error) anywhere.

use crate::common::{checks_of, json, Env};
use opencx_doctor::sandbox::all_scenarios;

#[test]
fn the_healthy_organisation_raises_no_alarm() {
    let env = Env::new();
    let out = env.doctor().args(["demo", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    for check in checks_of(&json(&out)) {
        assert!(matches!(check["status"].as_str().unwrap(), "pass" | "info" | "skip"), "false alarm: {check:#}");
    }
}

#[test]
fn every_cause_scenario_is_diagnosed_by_its_check() {
    let env = Env::new();
    for scenario in all_scenarios().filter(|s| s.diagnosed_by.is_some()) {
        let id = scenario.diagnosed_by.unwrap();
        let out = env.doctor().args(["demo", "--scenario", scenario.name, "--format", "json"]).output().unwrap();
        let doc = json(&out);
        let found: Vec<serde_json::Value> = checks_of(&doc).into_iter().filter(|c| c["id"] == id).collect();
        assert!(!found.is_empty(), "{}: {id} did not run", scenario.name);
        for check in found {
            let status = check["status"].as_str().unwrap();
            assert!(matches!(status, "fail" | "warn"), "{}: {id} ended {status}: {check:#}", scenario.name);
            // The right fix: a concrete step, with the screen to open, the command to run, or whom to tell.
            let fix = check["fix"].as_str().unwrap_or_default();
            assert!(
                fix.len() > 40 && (fix.contains('→') || fix.contains("`doctor ") || fix.contains("support")),
                "{}: {id} gives no concrete fix: {fix:?}",
                scenario.name
            );
        }
        assert_eq!(
            out.status.code(),
            Some(if doc["summary"]["fail"].as_u64().unwrap() > 0 { 1 } else { 0 }),
            "{}",
            scenario.name
        );
    }
}
