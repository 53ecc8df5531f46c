//! One named test per sandbox scenario, generated from the scenario table: adding a scenario
//! adds its test (`scenario::gorgias-key-revoked`), and one failing cause never hides the
//! others. A cause scenario must be diagnosed by the check it names, with a concrete fix and
//! an honest exit code; a healthy scenario must raise no alarm (no fail, warn or error).

#[path = "../common.rs"]
mod common;

use common::{checks_of, Env};
use libtest_mimic::{Arguments, Failed, Trial};
use opencx_sandbox::{all_scenarios, Scenario};

fn cause_is_diagnosed(scenario: &Scenario, id: &str) -> Result<(), Failed> {
    let env = Env::new();
    let ran = env.run().args(["demo", "--scenario", scenario.name, "--format", "json"]).finish();
    let found = ran.checks(id);
    if found.is_empty() {
        return Err(format!("{id} did not run").into());
    }
    for check in &found {
        let status = check["status"].as_str().unwrap_or_default();
        if !matches!(status, "fail" | "warn") {
            return Err(format!("{id} ended {status}: {check:#}").into());
        }
        // The right fix: a concrete step, with the screen to open, the command to run, or whom to tell.
        let fix = check["fix"].as_str().unwrap_or_default();
        if !(fix.len() > 40 && (fix.contains('→') || fix.contains("`doctor ") || fix.contains("support"))) {
            return Err(format!("{id} gives no concrete fix: {fix:?}").into());
        }
    }
    // The last screen holds the fix: the human report's last 15 lines contain it.
    let fix = found[0]["fix"].as_str().unwrap_or_default();
    let human =
        env.run().args(["demo", "--scenario", scenario.name, "--color", "never"]).env("COLUMNS", "100").finish();
    let lines: Vec<&str> = human.stdout.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join(" ");
    let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !squeeze(&tail).contains(&squeeze(fix)) {
        return Err(format!("the last 15 lines of the report do not hold {id}'s fix {fix:?}:\n{}", tail).into());
    }
    let failed = ran.json()["summary"]["fail"].as_u64().unwrap_or_default();
    let expected = if failed > 0 { 1 } else { 0 };
    if ran.code != Some(expected) {
        return Err(format!("exit code {:?}, expected {expected} ({failed} failed)", ran.code).into());
    }
    Ok(())
}

fn healthy_raises_no_alarm(scenario: &Scenario) -> Result<(), Failed> {
    let env = Env::new();
    let ran = env.run().args(["demo", "--scenario", scenario.name, "--format", "json"]).finish();
    if ran.code != Some(0) {
        return Err(format!("exit code {:?}; stderr: {}", ran.code, ran.stderr).into());
    }
    let alarms: Vec<String> = checks_of(&ran.json())
        .into_iter()
        .filter(|c| !matches!(c["status"].as_str(), Some("pass" | "info" | "skip")))
        .map(|c| format!("{} {}: {}", c["status"], c["id"], c["detail"]))
        .collect();
    if alarms.is_empty() {
        Ok(())
    } else {
        Err(format!("false alarm(s):\n{}", alarms.join("\n")).into())
    }
}

/// A scenario of the outside world failing (a 5xx, a spent quota): the exit code follows the
/// summary (1 for a failure, else 3 for an error), and every result that is not a pass says
/// what to do.
fn fault_is_reported_honestly(scenario: &Scenario) -> Result<(), Failed> {
    let env = Env::new();
    let ran = env.run().args(["demo", "--scenario", scenario.name, "--format", "json"]).finish();
    let doc = ran.json();
    let count = |status: &str| doc["summary"][status].as_u64().unwrap_or_default();
    let expected = if count("fail") > 0 {
        1
    } else if count("error") > 0 {
        3
    } else {
        0
    };
    if ran.code != Some(expected) {
        return Err(format!("exit code {:?}, the summary says {expected}: {}", ran.code, doc["summary"]).into());
    }
    for check in checks_of(&doc).into_iter().filter(|c| c["status"] != "pass") {
        if check["fix"].as_str().is_none_or(|f| f.trim().is_empty()) {
            return Err(format!("{} ended {} without a fix", check["id"], check["status"]).into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials: Vec<Trial> = all_scenarios()
        .map(|scenario| {
            let name = format!("scenario::{}", scenario.name);
            match scenario.diagnosed_by {
                Some(id) => Trial::test(name, move || cause_is_diagnosed(scenario, id)),
                None if scenario.name.contains("healthy") => {
                    Trial::test(name, move || healthy_raises_no_alarm(scenario))
                }
                None => Trial::test(name, move || fault_is_reported_honestly(scenario)),
            }
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
