//! The healthy organisation raises no alarm (no fail, warn or error) across every integration
//! at once (`doctor demo`). Each scenario's own test is generated in `tests/scenarios/main.rs`.

use crate::common::{checks_of, json, Env};

#[test]
fn the_healthy_organisation_raises_no_alarm() {
    let env = Env::new();
    let out = env.doctor().args(["demo", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    for check in checks_of(&json(&out)) {
        assert!(matches!(check["status"].as_str().unwrap(), "pass" | "info" | "skip"), "false alarm: {check:#}");
    }
}
