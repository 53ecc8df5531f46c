//! Every exit code of interface.md: 0, 1, 2, 3.

use crate::common::{check, json, sandbox, stderr, Env};
use opencx_doctor::integration::Integration;
use opencx_doctor::sandbox::{FaultKind, Spec};

#[test]
fn a_healthy_account_exits_0() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    env.doctor_for(&sb).args(["gorgias", "--format", "json"]).assert().code(0);
}

#[test]
fn a_failed_check_exits_1() {
    let env = Env::new();
    env.doctor().args(["demo", "gorgias", "--scenario", "gorgias-key-revoked", "--format", "json"]).assert().code(1);
}

#[test]
fn a_warning_exits_0_unless_fail_on_warn() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.gorgias.users[0]["role"]["name"] = "agent".into();
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(check(&json(&out), "gorgias.credentials.permission")["status"], "warn");
    env.doctor_for(&sb).args(["gorgias", "--fail-on", "warn"]).assert().code(1);
}

#[test]
fn a_server_error_is_error_and_exits_3() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault(Integration::Gorgias, "/api/account", FaultKind::Status(500)));
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);
    let domain = check(&report, "gorgias.credentials.domain");
    // A 500 in Gorgias's JSON error format still proves the domain; the key check cannot know.
    let key = check(&report, "gorgias.credentials.api-key");
    assert_eq!(key["status"], "error", "{domain:#} {key:#}");
    let detail = key["detail"].as_str().unwrap();
    assert!(detail.contains("Gorgias GET /api/account") && detail.contains("500"), "{detail}");
    assert_eq!(check(&report, "opencx.credentials.api-key")["status"], "pass", "unaffected checks still run");
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    for args in [
        vec!["gorgias", "--ticket", "abc"],
        vec!["gorgias", "--ticket", "-5"],
        vec!["gorgias", "--ticket", "0"],
        vec!["gorgias", "--ticket", "99999999999999999999999"],
        vec!["intercom", "--conversation", "12x"],
        vec!["gorgias", "not-a-symptom"],
        vec!["frobnicate"],
        vec!["gorgias", "--timeout", "-1"],
        vec!["gorgias", "--jobs", "0"],
    ] {
        let out = env.doctor().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} printed a report");
    }
    let out = env.doctor().args(["gorgias", "--ticket", "abc"]).output().unwrap();
    assert!(stderr(&out).contains("positive whole number"), "{}", stderr(&out));
}

#[test]
fn configuration_errors_exit_2_naming_the_setting() {
    let env = Env::new();
    let out = env.doctor().args(["gorgias"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Gorgias is not configured") && err.contains("DOCTOR_GORGIAS_API_KEY"), "{err}");

    let out = env.doctor().env("DOCTOR_GORGIAS_DOMAIN", "acme.gorgias.com").args(["gorgias"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("gorgias.domain") && err.contains("'acme'") && err.contains("DOCTOR_GORGIAS_DOMAIN"), "{err}");

    let out = env.doctor().env("DOCTOR_OPENCX_BASE_URL", "api.open.cx").args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no scheme"), "{}", stderr(&out));

    env.write_config("[profiles.default.gorgias\ndomain = 'acme'");
    let out = env.doctor().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not valid TOML"), "{}", stderr(&out));

    env.write_config("[profiles.default.gorgias]\ndomain = 'acme'\n");
    let out = env.doctor().args(["--profile", "staging", "config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown profile 'staging'") && stderr(&out).contains("default"), "{}", stderr(&out));

    env.write_config("[profiles.default.gorgias]\napi_key = 'written-by-hand-0123456789'\n");
    let out = env.doctor().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("secret") && !err.contains("written-by-hand"), "{err}");

    env.write_config("[profiles.default.gorgias]\ndomian = 'acme'\n");
    let out = env.doctor().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("profiles.default.gorgias.domian"), "{}", stderr(&out));
}

#[test]
fn unknown_check_ids_in_only_exit_2() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env.doctor_for(&sb).args(["gorgias", "--only", "gorgias.nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown check id 'gorgias.nope'"));
}
