//! `--accept FILE`: accepted findings stay visible and do not count toward the exit code; an
//! entry that matches nothing, or has expired, is a warning; a bad file is exit 2 naming the line.

use crate::common::Env;

fn accept_file(env: &Env, text: &str) -> String {
    let path = env.dir.path().join("doctor-accept.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const REVOKED: [&str; 4] = ["demo", "gorgias", "--scenario", "gorgias-key-revoked"];

#[test]
fn an_accepted_finding_stays_visible_and_does_not_fail_the_run() {
    let env = Env::new();
    let file = accept_file(
        &env,
        "[[accept]]\ncheck = \"gorgias.credentials.api-key\"\nobject = \"1042\"\nreason = \"key rotation in progress\"\nexpires = 2999-12-31\n",
    );
    let ran = env.run().args(REVOKED).args(["--accept", &file, "--format", "json"]).finish().code(0);
    let c = &ran.checks("gorgias.credentials.api-key")[0];
    assert_eq!(c["status"], "fail", "it keeps its status");
    assert_eq!(c["accepted"]["reason"], "key rotation in progress");
    assert_eq!(c["accepted"]["expires"], "2999-12-31");
    crate::formats::assert_valid(&ran.json());
    let human = env.run().args(REVOKED).args(["--accept", &file, "--color", "never"]).finish().code(0);
    assert!(human.stdout.contains("Accepted: key rotation in progress (until 2999-12-31)"), "{}", human.stdout);
    assert!(!human.stdout.contains("What to do:"), "nothing left to do:\n{}", human.stdout);
}

#[test]
fn an_entry_that_matches_nothing_or_has_expired_is_a_stale_acceptance_warning() {
    let env = Env::new();
    let file = accept_file(
        &env,
        "[[accept]]\ncheck = \"gorgias.credentials.domain\"\nreason = \"passes anyway\"\nexpires = \"2999-01-01\"\n\n\
         [[accept]]\ncheck = \"gorgias.credentials.api-key\"\nreason = \"old\"\nexpires = 2020-01-01\n\n\
         [[accept]]\ncheck = \"gorgias.credentials.api-key\"\nobject = \"999\"\nreason = \"another ticket\"\nexpires = 2999-01-01\n",
    );
    let ran = env.run().args(REVOKED).args(["--accept", &file, "--format", "json"]).finish().code(1);
    let stale = &ran.checks("doctor.accept.stale")[0];
    assert_eq!(stale["status"], "warn");
    let detail = stale["detail"].as_str().unwrap();
    assert!(detail.contains("line 1: gorgias.credentials.domain found nothing to accept"), "{detail}");
    assert!(detail.contains("line 6: gorgias.credentials.api-key expired on 2020-01-01"), "{detail}");
    assert!(detail.contains("on 999 found nothing"), "{detail}");
    assert!(ran.checks("gorgias.credentials.api-key")[0]["accepted"].is_null(), "an expired entry accepts nothing");
    crate::formats::assert_valid(&ran.json());
}

#[test]
fn a_bad_accept_file_is_exit_2_naming_the_line() {
    let env = Env::new();
    for (text, said) in [
        ("[[accept]]\ncheck = \"gorgias.credentials.api-key\"\nexpires = 2999-01-01\n", "line 1: `reason` is required"),
        ("\n[[accept]]\ncheck = \"gorgias.credentials.api-key\"\nreason = \"x\"\n", "line 2: `expires` is required"),
        (
            "[[accept]]\ncheck = \"gorgias.nope.none\"\nreason = \"x\"\nexpires = 2999-01-01\n",
            "no check has the id 'gorgias.nope.none'",
        ),
        (
            "[[accept]]\ncheck = \"gorgias.credentials.api-kye\"\nreason = \"x\"\nexpires = 2999-01-01\n",
            "did you mean gorgias.credentials.api-key?",
        ),
        (
            "[[accept]]\ncheck = \"gorgias.credentials.api-key\"\nreason = \"x\"\nexpires = \"soon\"\n",
            "'soon' is not a date",
        ),
        ("[[accept]\n", "not a valid accept file at line 1"),
    ] {
        let file = accept_file(&env, text);
        let ran = env.run().args(REVOKED).args(["--accept", &file]).finish().code(2);
        assert!(ran.stderr.contains(said), "{said:?} not in: {}", ran.stderr);
    }
}
