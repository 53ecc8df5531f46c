//! Settings: flags > environment > config file, and `config show` with every source and every
//! secret masked.

use crate::common::{json, stdout, Env};

fn shown<'a>(doc: &'a serde_json::Value, setting: &str) -> &'a serde_json::Value {
    doc["settings"].as_array().unwrap().iter().find(|s| s["setting"] == setting).unwrap()
}

#[test]
fn flags_beat_environment_which_beats_the_config_file() {
    let env = Env::new();
    env.write_config("[profiles.default.gorgias]\ndomain = \"from-file\"\nai_user_id = 11\n");
    let doc = json(&env.doctor().args(["config", "show", "--format", "json"]).output().unwrap());
    assert_eq!(shown(&doc, "gorgias.domain")["value"], "from-file");
    assert!(shown(&doc, "gorgias.domain")["source"].as_str().unwrap().starts_with("config file"));
    assert_eq!(shown(&doc, "gorgias.ai_user_id")["value"], "11");

    let doc = json(
        &env.doctor()
            .env("DOCTOR_GORGIAS_DOMAIN", "from-env")
            .args(["config", "show", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(shown(&doc, "gorgias.domain")["value"], "from-env");
    assert_eq!(shown(&doc, "gorgias.domain")["source"], "environment DOCTOR_GORGIAS_DOMAIN");

    let doc = json(
        &env.doctor()
            .env("DOCTOR_GORGIAS_DOMAIN", "from-env")
            .args(["config", "show", "--format", "json", "--set", "gorgias.domain=from-flag"])
            .output()
            .unwrap(),
    );
    assert_eq!(shown(&doc, "gorgias.domain")["value"], "from-flag");
    assert_eq!(shown(&doc, "gorgias.domain")["source"], "--set flag");
    assert_eq!(shown(&doc, "gorgias.ai_user_id")["value"], "11", "untouched settings keep their source");
}

#[test]
fn profiles_select_their_own_table() {
    let env = Env::new();
    env.write_config("[profiles.default.gorgias]\ndomain = \"main\"\n[profiles.staging.gorgias]\ndomain = \"stage\"\n");
    let doc =
        json(&env.doctor().args(["--profile", "staging", "config", "show", "--format", "json"]).output().unwrap());
    assert_eq!(doc["profile"], "staging");
    assert_eq!(shown(&doc, "gorgias.domain")["value"], "stage");
    let doc = json(
        &env.doctor().env("DOCTOR_PROFILE", "staging").args(["config", "show", "--format", "json"]).output().unwrap(),
    );
    assert_eq!(shown(&doc, "gorgias.domain")["value"], "stage");
}

#[test]
fn config_show_masks_secrets_and_keeps_a_short_prefix() {
    let env = Env::new();
    let token = "pat-na1-0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    let key = "ocx_live_9f8e7d6c5b4a39281706";
    let out = env
        .doctor()
        .env("DOCTOR_HUBSPOT_TOKEN", token)
        .env("DOCTOR_OPENCX_API_KEY", key)
        .env("DOCTOR_GORGIAS_API_KEY", "0123456789abcdef0123456789abcdef")
        .args(["config", "show"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("pat-na1-****"), "{text}");
    assert!(text.contains("ocx_live_****"));
    assert!(text.contains("0123****"));
    for secret in [token, key, "0123456789abcdef0123456789abcdef", "0a1b2c3d"] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
    assert!(text.contains("DOCTOR_INTERCOM_PROCESS_ON_ASSIGNMENT"), "every setting is listed");
    assert!(text.contains("(not set)"));
}

#[test]
fn secrets_are_refused_on_the_command_line() {
    let env = Env::new();
    let out = env.doctor().args(["config", "show", "--set", "hubspot.token=pat-na1-x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("pat-na1-x"));
}

#[test]
fn a_missing_config_file_means_no_file_settings() {
    let env = Env::new();
    let out = env.doctor().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("(does not exist)"));
}

#[test]
fn config_show_lists_every_setting_and_marks_the_invalid_one() {
    let env = Env::new();
    let ran = env
        .run()
        .env("DOCTOR_GORGIAS_DOMAIN", "acme")
        .env("DOCTOR_GORGIAS_AI_USER_ID", "-4")
        .args(["config", "show"])
        .finish()
        .code(2);
    assert!(ran.stdout.contains("INVALID: '-4' is not a"), "the bad value is marked:\n{}", ran.stdout);
    assert!(ran.stdout.contains("acme") && ran.stdout.contains("process_on_assignment"), "{}", ran.stdout);
    assert!(ran.stderr.contains("gorgias.ai_user_id"), "said on stderr too: {}", ran.stderr);
    let doc: serde_json::Value = serde_json::from_str(
        &env.run().env("DOCTOR_GORGIAS_AI_USER_ID", "-4").args(["config", "show", "--format", "json"]).finish().stdout,
    )
    .unwrap();
    let bad = doc["settings"].as_array().unwrap().iter().find(|s| s["setting"] == "gorgias.ai_user_id").unwrap();
    assert!(bad["problem"].as_str().unwrap().contains("-4"), "{bad:#}");
}

#[test]
fn a_bad_setting_of_another_integration_does_not_block_a_run() {
    let env = Env::new();
    let sb = crate::common::sandbox(opencx_sandbox::Spec::healthy());
    let ran = env
        .run()
        .sandbox(&sb)
        .env("DOCTOR_GORGIAS_AI_USER_ID", "-4")
        .args(["intercom", "credentials", "--format", "json"])
        .finish()
        .code(0);
    assert_eq!(ran.json()["integration"], "intercom");
    // The integration it belongs to still refuses it.
    let ran = env.run().sandbox(&sb).env("DOCTOR_GORGIAS_AI_USER_ID", "-4").args(["gorgias"]).finish().code(2);
    assert!(ran.stderr.contains("gorgias.ai_user_id"), "{}", ran.stderr);
}

#[test]
fn config_path_prints_the_file_the_profile_is_read_from() {
    let env = Env::new();
    let ran = env.run().args(["config", "path"]).finish().code(0);
    assert_eq!(ran.stdout.trim(), env.config_path().display().to_string());
}
