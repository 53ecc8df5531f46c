//! The fault matrix (crates/sandbox/src/fault_matrix.rs) against each of the four APIs: no panic, the
//! run ends within --timeout plus a margin, the affected checks are `error` (or `fail` where the
//! status is the diagnosis) with a message naming the vendor, the path and what went wrong,
//! unaffected checks still run, and the exit code follows the results.

use std::time::{Duration, Instant};

use crate::common::{sandbox, stderr, stdout, Env};
use opencx_doctor::settings::fields;
use opencx_sandbox::fault_matrix::{matrix, readme_table, FaultCase, Injection};
use opencx_sandbox::Vendor;
use opencx_sandbox::{FaultKind, Spec};

const TIMEOUT_SECS: u64 = 4;
/// Process start-up and JSON rendering on a loaded 2-core machine.
const MARGIN: Duration = Duration::from_secs(6);

fn command(vendor: Vendor) -> Vec<&'static str> {
    match vendor {
        Vendor::Gorgias | Vendor::Opencx => vec!["gorgias", "--ticket", "1042"],
        Vendor::Intercom => vec!["intercom", "--conversation", "215"],
        Vendor::Hubspot => vec!["hubspot", "--thread", "8801"],
    }
}

fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn run_case(vendor: Vendor, case: &FaultCase) -> Vec<String> {
    let env = Env::new();
    let mut spec = Spec::healthy();
    if let Injection::Sandbox(kind) = &case.injection {
        spec = spec.fault(vendor, "", kind.clone());
    }
    let sb = sandbox(spec);
    let mut cmd = env.doctor_for(&sb);
    let base = fields::find(vendor.into(), "base_url").unwrap().env_var();
    match case.injection {
        Injection::Refused => {
            cmd.env(&base, format!("http://127.0.0.1:{}", closed_port()));
        }
        Injection::Unresolvable => {
            cmd.env(&base, "https://doctor-fault-matrix.invalid");
        }
        Injection::Sandbox(_) => {}
    }
    // A 20 MB body takes a while to produce and move on a loaded 2-core machine in a debug build.
    let timeout_secs = if matches!(case.injection, Injection::Sandbox(FaultKind::Huge(_))) { 12 } else { TIMEOUT_SECS };
    let timeout = timeout_secs.to_string();
    cmd.args(command(vendor)).args(["--format", "json", "--timeout", &timeout]);
    let started = Instant::now();
    let out = cmd.output().unwrap();
    let elapsed = started.elapsed();
    let label = format!("{} × {}", vendor.name(), case.name);
    let mut problems = Vec::new();
    if stderr(&out).contains("panicked") {
        problems.push(format!("{label}: panicked: {}", stderr(&out)));
    }
    if elapsed > Duration::from_secs(timeout_secs) + MARGIN {
        problems.push(format!("{label}: took {elapsed:?}"));
    }
    let Ok(report) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
        problems.push(format!("{label}: no JSON report: {}{}", stdout(&out), stderr(&out)));
        return problems;
    };
    let checks = report["checks"].as_array().cloned().unwrap_or_default();
    let status = |c: &serde_json::Value| c["status"].as_str().unwrap_or("").to_string();
    let summary = &report["summary"];
    let expected_exit = if summary["fail"].as_u64() > Some(0) {
        1
    } else if summary["error"].as_u64() > Some(0) {
        3
    } else {
        0
    };
    if out.status.code() != Some(expected_exit) || expected_exit == 0 {
        problems.push(format!("{label}: exit {:?} for summary {summary}", out.status.code()));
    }
    let affected: Vec<&serde_json::Value> = checks
        .iter()
        .filter(|c| c["integration"] == vendor.slug() && matches!(status(c).as_str(), "error" | "fail"))
        .collect();
    if affected.is_empty() {
        problems.push(format!("{label}: no {} check reported the fault", vendor.name()));
    }
    let errors: Vec<&&serde_json::Value> = affected.iter().filter(|c| status(c) == "error").collect();
    for c in &errors {
        let detail = c["detail"].as_str().unwrap_or("");
        let names_request = detail.contains(vendor.name()) && detail.contains(" /");
        let deadline = detail.contains("--timeout deadline");
        if !names_request && !deadline {
            problems.push(format!("{label}: {} does not name the vendor and path: {detail}", c["id"]));
        }
    }
    if !case.says.is_empty() && !affected.iter().any(|c| c["detail"].as_str().unwrap_or("").contains(case.says)) {
        problems.push(format!(
            "{label}: no message says {:?}: {:#?}",
            case.says,
            affected.iter().map(|c| &c["detail"]).collect::<Vec<_>>()
        ));
    }
    // Unaffected checks still run.
    let witness = if vendor == Vendor::Opencx { "gorgias.credentials.api-key" } else { "opencx.credentials.api-key" };
    if !checks.iter().any(|c| c["id"] == witness && c["status"] == "pass") {
        problems.push(format!("{label}: the unaffected check {witness} did not pass"));
    }
    problems
}

#[test]
fn every_fault_of_every_api_is_reported_on_time_without_a_panic() {
    // One thread per API; each runs the whole matrix.
    let handles: Vec<_> = Vendor::ALL
        .into_iter()
        .map(|vendor| {
            std::thread::spawn(move || matrix().iter().flat_map(|case| run_case(vendor, case)).collect::<Vec<_>>())
        })
        .collect();
    let problems: Vec<String> = handles.into_iter().flat_map(|h| h.join().expect("no panic in the harness")).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_readme_table_is_generated_from_the_matrix() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- fault-matrix:start -->\n", "<!-- fault-matrix:end -->");
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the fault-matrix markers")
    };
    let generated = readme_table();
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        let updated = format!("{}{generated}{}", &readme[..a + start.len()], &readme[b..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[a + start.len()..b],
        generated,
        "regenerate with UPDATE_ASSETS=1 cargo test --test integration faults"
    );
}
