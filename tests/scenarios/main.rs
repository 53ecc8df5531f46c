//! One named test per sandbox scenario, generated from the scenario table: adding a scenario
//! adds its test (`scenario::gorgias-key-revoked`), and one failing cause never hides the
//! others. A cause scenario must be diagnosed by the check it names, with a concrete fix and
//! an honest exit code; a healthy scenario must raise no alarm (no fail, warn or error).

#[path = "../common.rs"]
mod common;

use common::{checks_of, customer_data, person_names, secret_canaries, secret_in, Env};
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

/// Each check's status, by integration and id.
fn statuses(doc: &serde_json::Value) -> Vec<(String, String, String)> {
    let runs: Vec<&serde_json::Value> = match doc["runs"].as_array() {
        Some(runs) => runs.iter().collect(),
        None => vec![doc],
    };
    let mut out = Vec::new();
    for run in runs {
        for check in run["checks"].as_array().into_iter().flatten() {
            out.push((run["integration"].to_string(), check["id"].to_string(), check["status"].to_string()));
        }
    }
    out.sort();
    out
}

/// Every member of a bundle, by name.
fn members(path: &std::path::Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(path).expect("the bundle exists");
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for entry in archive.entries().expect("a tar") {
        let mut entry = entry.expect("an entry");
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).expect("UTF-8 members");
        out.push((name, text));
    }
    out
}

/// `--bundle` then `doctor replay`: the same status for every check and the same exit code,
/// offline; and no member holds a secret (whole, in any case, or 8 characters of one) or any of
/// the scenario's customer data.
fn bundle_replays_the_same_verdicts_and_holds_no_secret(scenario: &Scenario) -> Result<(), Failed> {
    let env = Env::new();
    let file = env.dir.path().join("bundle.tar.gz");
    let file_arg = file.to_str().unwrap();
    let ran = env.run().args(["demo", "--scenario", scenario.name, "--format", "json", "--bundle", file_arg]).finish();
    if !file.exists() {
        return Err(format!("no bundle written (exit {:?}): {}", ran.code, ran.stderr).into());
    }
    let replayed = env.run().args(["replay", file_arg, "--format", "json"]).finish();
    let (before, after) = (statuses(&ran.json()), statuses(&replayed.json()));
    if before != after {
        let changed: Vec<String> = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("{} {}: {} then {}", a.0, a.1, a.2, b.2))
            .collect();
        return Err(format!(
            "the replay's verdicts differ ({} vs {} checks):\n{}",
            before.len(),
            after.len(),
            changed.join("\n")
        )
        .into());
    }
    if ran.code != replayed.code {
        return Err(format!("exit code {:?} recorded, {:?} replayed", ran.code, replayed.code).into());
    }
    let secrets = secret_canaries(scenario);
    let people = customer_data(scenario);
    let members = members(&file);
    if members.len() != 5 {
        return Err(format!("{} members", members.len()).into());
    }
    for (name, text) in &members {
        if let Some(problem) = secret_in(name, text, &secrets) {
            return Err(problem.into());
        }
        for value in people.anywhere.iter().chain(&people.full_names) {
            let json = serde_json::to_string(value).unwrap();
            if text.contains(value.as_str()) || text.contains(json.trim_matches('"')) {
                let shown: String = value.chars().take(12).collect();
                return Err(format!("{name} holds the customer data {shown:?}…").into());
            }
        }
    }
    // Every person's name field in the exchanges holds a pseudonym.
    let exchanges = &members.iter().find(|(n, _)| n == "exchanges.jsonl").unwrap().1;
    for line in exchanges.lines() {
        let exchange: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("exchanges.jsonl: {e}"))?;
        let mut names = Vec::new();
        for part in [
            &exchange["request_body"],
            &serde_json::from_str(exchange["body"].as_str().unwrap_or("null")).unwrap_or_default(),
        ] {
            person_names(part, None, &mut names);
        }
        if let Some(kept) = names.iter().find(|n| people.names.contains(n)) {
            return Err(format!("exchange {} keeps the name {kept:?}", exchange["seq"]).into());
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
        .chain(all_scenarios().map(|scenario| {
            Trial::test(format!("bundle::{}", scenario.name), move || {
                bundle_replays_the_same_verdicts_and_holds_no_secret(scenario)
            })
        }))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
