//! The report as a person reads it, snapshotted (insta, as cargo-deny and hyperfine do): a
//! change to the human or markdown layout of a representative set of causes is reviewed as a
//! diff of `tests/snapshots/`. Run with `INSTA_UPDATE=always` to write new snapshots, then read
//! the diff before committing it.

use crate::common::Env;

/// What changes from run to run: timings, the sandbox's port, the clock.
fn settle(text: &str) -> String {
    let filters = [
        (r" \(\d+(\.\d+)? m?s\)", ""),
        (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", "TIME"),
        (r"127\.0\.0\.1:\d+", "127.0.0.1:PORT"),
        (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME"),
        (r"in \d+(\.\d+)? ?m?s\b", "in N ms"),
        (r"opencx-doctor \d+\.\d+\.\d+", "opencx-doctor VERSION"),
    ];
    let mut out = text.to_string();
    for (pattern, with) in filters {
        out = regex::Regex::new(pattern).unwrap().replace_all(&out, with).into_owned();
    }
    out
}

/// `doctor demo ARGS` with `env` (`COLUMNS`, `TERM`, `NO_COLOR`), its output settled.
fn demo(args: &[&str], env: &[(&str, &str)]) -> String {
    let harness = Env::new();
    let mut run = harness.run().args(["demo"]).args(args);
    for (key, value) in env {
        run = run.env(key, value);
    }
    let ran = run.finish();
    assert!(matches!(ran.code, Some(0 | 1 | 3)), "{}", ran.stderr);
    settle(&ran.stdout)
}

/// The human report at 120 and at 60 columns, and the markdown report.
macro_rules! snapshot {
    ($name:ident, $($arg:literal),+) => {
        #[test]
        fn $name() {
            let wide = demo(&[$($arg,)+ "--color", "never"], &[("COLUMNS", "120")]);
            insta::assert_snapshot!(concat!(stringify!($name), "_human_120"), wide);
            let narrow = demo(&[$($arg,)+ "--color", "never"], &[("COLUMNS", "60")]);
            insta::assert_snapshot!(concat!(stringify!($name), "_human_60"), narrow);
            for line in narrow.lines() {
                let unbreakable = line.split_whitespace().any(|w| w.chars().count() > 40);
                assert!(line.chars().count() <= 60 || unbreakable, "wider than 60 columns: {line:?}");
            }
            let markdown = demo(&[$($arg,)+ "--format", "markdown"], &[]);
            insta::assert_snapshot!(concat!(stringify!($name), "_markdown"), markdown);
        }
    };
}

#[test]
fn a_dumb_terminal_gets_ascii_and_no_colour() {
    let text = demo(&["gorgias", "--scenario", "gorgias-key-revoked"], &[("TERM", "dumb"), ("COLUMNS", "80")]);
    assert!(text.is_ascii(), "TERM=dumb prints ASCII only");
    insta::assert_snapshot!("gorgias_key_revoked_term_dumb", text);
}

#[test]
fn no_color_keeps_the_layout_without_escape_codes() {
    let text = demo(&["gorgias", "--scenario", "gorgias-key-revoked", "--color", "auto"], &[("NO_COLOR", "1")]);
    assert!(!text.contains('\u{1b}'), "NO_COLOR: no escape codes");
    insta::assert_snapshot!("gorgias_key_revoked_no_color", text);
}

snapshot!(gorgias_healthy, "gorgias");
snapshot!(gorgias_key_revoked, "gorgias", "--scenario", "gorgias-key-revoked");
snapshot!(gorgias_webhook_trigger_missing, "gorgias", "--scenario", "gorgias-webhook-trigger-off");
snapshot!(intercom_token_revoked, "intercom", "--scenario", "intercom-token-revoked");
snapshot!(hubspot_owners_scope_missing, "hubspot", "--scenario", "hubspot-owners-scope-missing");
snapshot!(opencx_session_handed_off, "gorgias", "--scenario", "session-handed-off");
