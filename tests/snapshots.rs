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

fn demo(args: &[&str]) -> String {
    let env = Env::new();
    let ran = env.run().args(["demo"]).args(args).args(["--color", "never"]).env("COLUMNS", "100").finish();
    assert!(matches!(ran.code, Some(0 | 1 | 3)), "{}", ran.stderr);
    settle(&ran.stdout)
}

macro_rules! snapshot {
    ($name:ident, $($arg:literal),+) => {
        #[test]
        fn $name() {
            let human = demo(&[$($arg),+]);
            insta::assert_snapshot!(concat!(stringify!($name), "_human"), human);
            let markdown = demo(&[$($arg,)+ "--format", "markdown"]);
            insta::assert_snapshot!(concat!(stringify!($name), "_markdown"), markdown);
        }
    };
}

snapshot!(gorgias_healthy, "gorgias");
snapshot!(gorgias_key_revoked, "gorgias", "--scenario", "gorgias-key-revoked");
snapshot!(gorgias_webhook_trigger_missing, "gorgias", "--scenario", "gorgias-webhook-trigger-off");
snapshot!(intercom_token_revoked, "intercom", "--scenario", "intercom-token-revoked");
snapshot!(hubspot_owners_scope_missing, "hubspot", "--scenario", "hubspot-owners-scope-missing");
snapshot!(opencx_session_handed_off, "gorgias", "--scenario", "session-handed-off");
