//! Every exit code of interface.md: 0, 1, 2, 3.

use crate::common::{check, json, sandbox, stderr, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{FaultKind, Spec};

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
    let sb = sandbox(Spec::healthy().fault(Vendor::Gorgias, "/api/account", FaultKind::Status(500)));
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

#[test]
fn doctor_all_with_an_integration_half_configured_is_exit_2_naming_what_is_missing() {
    // A CI secret that did not arrive: Intercom has its workspace id but not its token.
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out =
        env.doctor_for(&sb).env_remove("DOCTOR_INTERCOM_TOKEN").args(["all", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("DOCTOR_INTERCOM_TOKEN"), "{}", stderr(&out));
}

#[test]
fn doctor_all_require_fails_when_a_named_integration_is_not_configured() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    // HubSpot is not configured at all.
    let without_hubspot = || {
        let mut cmd = env.doctor_for(&sb);
        for field in opencx_doctor::settings::FIELDS
            .iter()
            .filter(|f| f.integration == opencx_doctor::integration::Integration::Hubspot)
        {
            cmd.env_remove(field.env_var());
        }
        cmd
    };
    let out = without_hubspot().args(["all", "--require", "gorgias,hubspot", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--require hubspot"), "{}", stderr(&out));
    without_hubspot().args(["all", "--require", "gorgias,intercom", "--format", "json"]).assert().code(0);
}

#[test]
fn only_and_skip_that_select_nothing_are_usage_errors() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env.doctor_for(&sb).args(["--skip", "gorgias", "--skip", "opencx", "gorgias"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("leave no Gorgias check"), "{}", stderr(&out));
    assert!(sb.requests().is_empty());
}

#[test]
fn a_symptom_about_one_conversation_without_its_id_is_a_usage_error() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    for (args, flag) in [
        (vec!["gorgias", "ai-silent"], "--ticket"),
        (vec!["intercom", "ai-silent"], "--conversation"),
        (vec!["hubspot", "no-ticket"], "--thread"),
    ] {
        let out = env.doctor_for(&sb).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }
    // An account-level symptom runs without an id.
    env.doctor_for(&sb).args(["gorgias", "webhook", "--format", "json"]).assert().code(0);
}

#[test]
fn a_demo_scenario_of_another_integration_is_a_usage_error() {
    let env = Env::new();
    let out = env.doctor().args(["demo", "intercom", "--scenario", "gorgias-key-revoked"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("doctor demo gorgias --scenario gorgias-key-revoked"), "{}", stderr(&out));
}

#[test]
fn checks_not_run_for_a_missing_setting_are_named_in_every_format() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let run = |format: &str| {
        env.doctor_for(&sb)
            .env_remove("DOCTOR_OPENCX_API_KEY")
            .args(["gorgias", "--ticket", "1042", "--format", format])
            .output()
            .unwrap()
    };
    let report = json(&run("json"));
    let not_run = report["not_run"].as_array().expect("a not_run list");
    let opencx = not_run.iter().find(|n| n["setting"] == "opencx.api_key").expect("opencx.api_key named");
    assert_eq!(opencx["env"], "DOCTOR_OPENCX_API_KEY");
    assert!(opencx["checks"].as_array().unwrap().len() >= 5, "{opencx:#}");
    let human = crate::common::stdout(&run("human"));
    assert!(human.contains("the OpenCX session evidence is off"), "{human}");
    let last = human.lines().rev().take(12).collect::<Vec<_>>().join("\n");
    assert!(last.contains("not run for want of opencx.api_key"), "at the end:\n{last}");
    assert!(!human.contains("--set opencx.api_key"), "no --set for a secret:\n{human}");
    assert!(crate::common::stdout(&run("markdown")).contains("not run for want of opencx.api\\_key"));
    let xml = crate::common::stdout(&run("junit"));
    roxmltree::Document::parse(&xml).unwrap();
    assert!(xml.contains("not run: opencx.api_key"), "{xml}");
}
