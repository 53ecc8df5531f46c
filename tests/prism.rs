//! A contract test against a real peer: Stoplight Prism serves Intercom's official OpenAPI file
//! (specs/intercom) as a mock, once with its static examples and 30 times with random
//! schema-valid responses (`--dynamic`), and every Intercom symptom runs against it. The doctor
//! must not panic, must exit 0, 1 or 3, and must send nothing Prism's request validation rejects
//! — except the one request pinned to an older API version on purpose (below).
//!
//! `.ci/run` installs Prism (`@stoplight/prism-cli` from npm) into target/prism. Without it the
//! test fails in CI (CI is set) and is skipped on a developer machine, saying how to install it.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{stderr, Env};

const SYMPTOMS: [&str; 8] =
    ["credentials", "webhook", "ai-silent", "handoff-stuck", "duplicates", "assist", "attributes", "companies"];
const DYNAMIC_RUNS: usize = 30;

/// The attributes check asks `GET /data_attributes?model=conversation` with Intercom-Version
/// 2.15, the last version that reports `api_writable` (intercom-api.md §4.4). The 2.16 file
/// allows only contact|company there, so Prism flags it; this is the version trap, not a bug.
fn is_pinned_version_request(violation: &str) -> bool {
    violation.contains("/data_attributes") && violation.contains("model")
}

fn prism_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DOCTOR_PRISM") {
        return Some(PathBuf::from(path));
    }
    let local = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/prism/node_modules/.bin/prism");
    local.exists().then_some(local)
}

struct Prism {
    child: Child,
    url: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(binary: &PathBuf, dynamic: bool) -> Prism {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let spec = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs/intercom/api.intercom.io.2.16.yaml");
    let mut cmd = Command::new(binary);
    cmd.args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()]);
    if dynamic {
        cmd.arg("--dynamic");
    }
    let mut child = cmd.arg(&spec).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("prism starts");
    let log = Arc::new(Mutex::new(Vec::new()));
    for stream in [
        child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let log = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                log.lock().unwrap().push(line);
            }
        });
    }
    let started = Instant::now();
    while !log.lock().unwrap().iter().any(|l| l.contains("Prism is listening")) {
        assert!(started.elapsed() < Duration::from_secs(120), "Prism did not start: {:?}", log.lock().unwrap());
        std::thread::sleep(Duration::from_millis(200));
    }
    Prism { child, url: format!("http://127.0.0.1:{port}"), log }
}

fn run(env: &Env, prism: &Prism, args: &[&str]) -> Result<i32, String> {
    let out = env
        .doctor()
        .env("DOCTOR_INTERCOM_TOKEN", "prism-contract-test-token-0123456789")
        .env("DOCTOR_INTERCOM_BASE_URL", &prism.url)
        .env("DOCTOR_INTERCOM_WORKSPACE_ID", "this_is_an_id1_that_should_be_at_least_40")
        .env("DOCTOR_INTERCOM_AI_ADMIN_ID", "991267459")
        .env("DOCTOR_INTERCOM_PROCESS_ON_ASSIGNMENT", "true")
        .args(args)
        .args(["--format", "json", "--timeout", "20"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    if stderr(&out).contains("panicked") {
        return Err(format!("{args:?}: panicked: {}", stderr(&out)));
    }
    if !matches!(code, 0 | 1 | 3) {
        return Err(format!("{args:?}: exit {code}: {}", stderr(&out)));
    }
    Ok(code)
}

/// Requests Prism's validation rejected: the request line and its violations.
fn rejected(prism: &Prism) -> Vec<String> {
    let log = prism.log.lock().unwrap();
    let mut out = Vec::new();
    let mut request = String::new();
    for line in log.iter() {
        if line.contains("[HTTP SERVER]") && line.contains("Request received") {
            request = line.split("[HTTP SERVER]").nth(1).unwrap_or("").trim().to_string();
        }
        if line.contains("Violation:") {
            out.push(format!("{request} — {}", line.split("Violation:").nth(1).unwrap_or("").trim()));
        }
    }
    out
}

#[test]
fn intercom_symptoms_against_prism_serving_the_official_spec() {
    let Some(binary) = prism_binary() else {
        assert!(std::env::var_os("CI").is_none(), "CI must install Prism (see .ci/run)");
        // Written to the process's stderr itself, not through eprintln! (which the test harness
        // captures and hides for a passing test): a skip must show in the test output.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr().lock(),
            "\nSKIPPED prism::intercom_symptoms_against_prism_serving_the_official_spec: Prism is not installed \
             (npm install --prefix target/prism @stoplight/prism-cli@5)"
        );
        return;
    };
    let env = Env::new();
    let mut problems = Vec::new();
    let mut codes = Vec::new();

    let prism = start(&binary, false);
    for symptom in SYMPTOMS {
        match run(&env, &prism, &["intercom", symptom, "--conversation", "215"]) {
            Ok(code) => codes.push(code),
            Err(e) => problems.push(e),
        }
    }
    let static_rejected = rejected(&prism);
    drop(prism);

    let prism = start(&binary, true);
    for _ in 0..DYNAMIC_RUNS {
        match run(&env, &prism, &["intercom", "--conversation", "215"]) {
            Ok(code) => codes.push(code),
            Err(e) => problems.push(e),
        }
    }
    let dynamic_rejected = rejected(&prism);
    drop(prism);

    let all: Vec<&String> = static_rejected.iter().chain(&dynamic_rejected).collect();
    let unexpected: Vec<&&String> = all.iter().filter(|v| !is_pinned_version_request(v)).collect();
    eprintln!(
        "prism: {} runs, exit codes {:?}; {} request(s) rejected by validation, {} of them the pinned 2.15 data-attributes request",
        codes.len(),
        {
            let mut c = codes.clone();
            c.sort();
            c.dedup();
            c
        },
        all.len(),
        all.len() - unexpected.len()
    );
    assert!(unexpected.is_empty(), "requests Prism's validation rejected: {unexpected:#?}");
    assert!(problems.is_empty(), "{problems:#?}");
}
