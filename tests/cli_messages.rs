//! The command line never misleads: the flag of another helpdesk is named as such, ranges are
//! said as numbers, typos get a did-you-mean, `--format` is honoured or refused, and the demo
//! runs like the real commands.

use crate::common::Env;

#[test]
fn another_helpdesks_flag_is_named_as_such() {
    let ran = Env::new().run().args(["gorgias", "--conversation", "215"]).finish().code(2);
    assert!(
        ran.stderr.contains("`doctor gorgias` takes --ticket ID; --conversation is for `doctor intercom`"),
        "{}",
        ran.stderr
    );
    assert!(!ran.stderr.contains("as a value"), "{}", ran.stderr);
}

#[test]
fn ranges_and_ids_are_said_in_plain_words() {
    let env = Env::new();
    let ran = env.run().args(["--timeout", "0", "gorgias"]).finish().code(2);
    assert!(ran.stderr.contains("between 1 and 3600"), "{}", ran.stderr);
    let ran = env.run().args(["--jobs", "0", "gorgias"]).finish().code(2);
    assert!(ran.stderr.contains("between 1 and 64") && !ran.stderr.contains("1..=64"), "{}", ran.stderr);
    let ran = env.run().args(["intercom", "--conversation", "abc"]).finish().code(2);
    assert!(ran.stderr.contains("is not an Intercom conversation id"), "{}", ran.stderr);
}

#[test]
fn typos_get_a_did_you_mean() {
    let env = Env::new();
    let ran = env.run().args(["explain", "gorgias.webhook.trigerr"]).finish().code(2);
    assert!(ran.stderr.contains("did you mean gorgias.webhook.trigger?"), "{}", ran.stderr);
    let ran = env.run().args(["--set", "gorgias.team=4", "config", "show"]).finish().code(2);
    assert!(ran.stderr.contains("did you mean gorgias.team_id?"), "{}", ran.stderr);
    let ran = env.run().args(["demo", "--scenario", "gorgias-key-revokd"]).finish().code(2);
    assert!(ran.stderr.contains("did you mean gorgias-key-revoked?"), "{}", ran.stderr);
    let ran = env.run().args(["demo", "gorgias", "webhok"]).finish().code(2);
    assert!(ran.stderr.contains("did you mean webhook?"), "{}", ran.stderr);
}

#[test]
fn format_is_honoured_or_refused_everywhere() {
    let env = Env::new();
    let checks: serde_json::Value =
        serde_json::from_str(&env.run().args(["checks", "--format", "json"]).finish().code(0).stdout).unwrap();
    assert!(checks.as_array().unwrap().len() > 80);
    let explained: serde_json::Value = serde_json::from_str(
        &env.run().args(["explain", "gorgias.webhook.trigger", "--format", "json"]).finish().code(0).stdout,
    )
    .unwrap();
    assert_eq!(explained["requires"][0], "gorgias.webhook.integration-exists");
    assert!(explained["source"].as_str().unwrap().contains("src/checks/gorgias/webhook.rs:"));
    let scenarios: serde_json::Value =
        serde_json::from_str(&env.run().args(["demo", "--list", "--format", "json"]).finish().code(0).stdout).unwrap();
    let names: Vec<&str> = scenarios.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"gorgias-key-revoked"));
    assert!(
        !names.contains(&"hostile-strings") && !names.iter().any(|n| n.contains("-echoes-")),
        "test-only scenarios"
    );
    for args in [vec!["checks", "--format", "junit"], vec!["completions", "bash", "--format", "json"]] {
        let ran = env.run().args(&args).finish().code(2);
        assert!(ran.stderr.contains("is for the check runs"), "{args:?}: {}", ran.stderr);
    }
}

#[test]
fn the_demo_runs_like_the_real_commands() {
    let env = Env::new();
    let ran = env.run().args(["demo", "gorgias", "webhook", "--format", "json"]).finish().code(0);
    let doc = ran.json();
    let symptoms: Vec<&str> =
        doc["checks"].as_array().unwrap().iter().map(|c| c["symptom"].as_str().unwrap()).collect();
    assert!(symptoms.contains(&"webhook") && !symptoms.contains(&"duplicates"), "{symptoms:?}");
    assert_eq!(doc["target"]["ticket"], "1042", "the sample ticket by default");
    let ran = env.run().args(["demo", "session", "--format", "json"]).finish().code(0);
    assert_eq!(ran.json()["integration"], "opencx");
    let ran = env.run().args(["demo", "all", "--format", "json"]).finish().code(0);
    assert_eq!(ran.json()["runs"].as_array().unwrap().len(), 3);
    let other = env.run().args(["demo", "gorgias", "credentials", "--ticket", "999", "--format", "json"]).finish();
    assert_eq!(other.json()["target"]["ticket"], "999", "--ticket replaces the sample");
    let listed = env.run().args(["demo", "--list", "intercom"]).finish().code(0).stdout;
    assert!(listed.contains("intercom-token-revoked") && !listed.contains("gorgias-key-revoked"), "{listed}");
}

#[test]
fn an_object_can_be_named_by_its_helpdesk_url() {
    let env = Env::new();
    let sb = crate::common::sandbox(opencx_sandbox::Spec::healthy());
    for (args, key, id) in [
        (vec!["gorgias", "credentials", "--ticket", "https://acme.gorgias.com/app/ticket/1042"], "ticket", "1042"),
        (
            vec![
                "intercom",
                "credentials",
                "--conversation",
                "https://app.intercom.com/a/inbox/x3v8zq/inbox/conversation/215",
            ],
            "conversation",
            "215",
        ),
        (
            vec!["hubspot", "credentials", "--thread", "https://app.hubspot.com/live-messages/4711/inbox/8801"],
            "thread",
            "8801",
        ),
    ] {
        let ran = env.run().sandbox(&sb).args(&args).args(["--format", "json"]).finish();
        assert_eq!(ran.json()["target"][key], id, "{args:?}: {}", ran.stderr);
    }
    let ran = env.run().args(["gorgias", "--ticket", "https://evil.example.com/app/ticket/1042"]).finish().code(2);
    assert!(ran.stderr.contains("is not a gorgias.com address"), "{}", ran.stderr);
    let ran = env.run().args(["gorgias", "--ticket", "https://acme.gorgias.com/app/views"]).finish().code(2);
    assert!(ran.stderr.contains("holds no id"), "{}", ran.stderr);
}
