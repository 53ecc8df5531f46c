//! Secret canaries: every sandbox scenario, in every format, at -v, to stdout and with
//! --output FILE. None of the secrets the doctor holds — keys, tokens, the developer key, the
//! base64 Basic credential, tokens inside webhook URLs — may appear in stdout, stderr or the
//! file, including where a vendor's error message echoes them back.

use crate::common::{secret_canaries as canaries, stderr, stdout, Env};
use opencx_sandbox::{all_scenarios, Scenario};

fn check(scenario: &Scenario) -> Vec<String> {
    let env = Env::new();
    let secrets = canaries(scenario);
    let mut problems = Vec::new();
    for format in ["human", "json", "junit", "markdown"] {
        for to_file in [true, false] {
            let file = env.dir.path().join(format!("report.{format}"));
            let mut cmd = env.doctor();
            cmd.args(["-vv", "--color", "always", "demo", "--scenario", scenario.name, "--format", format]);
            if to_file {
                cmd.arg("--output").arg(&file);
            }
            let out = cmd.output().unwrap();
            let written = if to_file { std::fs::read_to_string(&file).unwrap_or_default() } else { String::new() };
            for (place, text) in [("stdout", stdout(&out)), ("stderr", stderr(&out)), ("file", written)] {
                for secret in &secrets {
                    if text.contains(secret.as_str()) {
                        problems.push(format!(
                            "{} --format {format}: {place} holds the secret {}…",
                            scenario.name,
                            &secret[..6]
                        ));
                    }
                }
            }
        }
    }
    problems
}

#[test]
fn no_secret_reaches_any_output_in_any_scenario_format_or_verbosity() {
    let scenarios: Vec<&'static Scenario> = all_scenarios().collect();
    let chunks: Vec<Vec<&'static Scenario>> =
        scenarios.chunks(scenarios.len().div_ceil(4)).map(<[_]>::to_vec).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| std::thread::spawn(move || chunk.iter().flat_map(|s| check(s)).collect::<Vec<_>>()))
        .collect();
    let problems: Vec<String> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}
