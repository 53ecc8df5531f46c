//! The test harness: a hermetic `doctor` command and a running sandbox.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;
use opencx_doctor::settings::FIELDS;
use opencx_sandbox::{Sandbox, Spec};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    pub fn write_config(&self, text: &str) {
        std::fs::write(self.config_path(), text).expect("writing the config");
    }

    /// `doctor` with nothing inherited that could change its behaviour.
    pub fn doctor(&self) -> Command {
        let mut cmd = Command::cargo_bin("doctor").expect("the doctor binary");
        for field in FIELDS {
            cmd.env_remove(field.env_var());
        }
        for var in ["DOCTOR_PROFILE", "DOCTOR_TIMEOUT", "DOCTOR_JOBS", "DOCTOR_INJECT_PANIC", "NO_COLOR", "CI"] {
            cmd.env_remove(var);
        }
        cmd.env("DOCTOR_CONFIG", self.config_path())
            .env("DOCTOR_KEYRING", "none")
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm")
            .timeout(std::time::Duration::from_secs(60));
        cmd
    }

    /// `doctor` configured (through DOCTOR_* variables) for a sandbox.
    pub fn doctor_for(&self, sandbox: &Sandbox) -> Command {
        let mut cmd = self.doctor();
        for (var, value) in sandbox.env() {
            cmd.env(var, value);
        }
        cmd
    }
}

impl Env {
    /// The same hermetic `doctor` as a plain `std::process::Command` (for tests that need the
    /// child's pipes or its pid).
    pub fn std_doctor_for(&self, sandbox: &Sandbox) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("doctor"));
        for field in FIELDS {
            cmd.env_remove(field.env_var());
        }
        for var in ["DOCTOR_PROFILE", "DOCTOR_TIMEOUT", "DOCTOR_JOBS", "DOCTOR_INJECT_PANIC", "NO_COLOR", "CI"] {
            cmd.env_remove(var);
        }
        cmd.env("DOCTOR_CONFIG", self.config_path()).env("DOCTOR_KEYRING", "none").env("LANG", "C.UTF-8");
        for (var, value) in sandbox.env() {
            cmd.env(var, value);
        }
        cmd
    }
}

/// The sandbox's base URL for one vendor, as the doctor is given it.
pub fn base_url(sandbox: &Sandbox, vendor: opencx_sandbox::Vendor) -> String {
    let var = format!("DOCTOR_{}_BASE_URL", vendor.slug().to_ascii_uppercase());
    sandbox.env().into_iter().find(|(k, _)| *k == var).map(|(_, v)| v).expect("the sandbox sets every base URL")
}

pub fn sandbox(spec: Spec) -> Sandbox {
    Sandbox::start(spec).expect("the sandbox starts")
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(output)))
}

/// The result of one check in a JSON report.
pub fn check<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .and_then(|checks| checks.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
}

/// Every check of a report or of a `doctor all` document.
pub fn checks_of(doc: &serde_json::Value) -> Vec<serde_json::Value> {
    match doc["runs"].as_array() {
        Some(runs) => runs.iter().flat_map(|r| r["checks"].as_array().unwrap().clone()).collect(),
        None => doc["checks"].as_array().unwrap().clone(),
    }
}

/// A fluent run of the doctor: `env.run().sandbox(&sb).args([...]).finish()`, then ask the
/// result for its exit code, its JSON report and its checks (just's `Test`).
pub struct DoctorRun {
    cmd: Command,
}

impl Env {
    pub fn run(&self) -> DoctorRun {
        DoctorRun { cmd: self.doctor() }
    }
}

impl DoctorRun {
    pub fn sandbox(mut self, sandbox: &Sandbox) -> DoctorRun {
        for (var, value) in sandbox.env() {
            self.cmd.env(var, value);
        }
        self
    }

    pub fn args<I, S>(mut self, args: I) -> DoctorRun
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> DoctorRun {
        self.cmd.env(key, value);
        self
    }

    pub fn finish(mut self) -> Ran {
        let out = self.cmd.output().expect("the doctor ran");
        Ran {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// What a finished run printed and returned.
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// The exit code must be `code`; otherwise the failure shows stderr.
    pub fn code(self, code: i32) -> Ran {
        assert_eq!(self.code, Some(code), "exit code; stderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }

    /// Every result with this id (a `doctor all` report can hold one per integration).
    pub fn checks(&self, id: &str) -> Vec<serde_json::Value> {
        checks_of(&self.json()).into_iter().filter(|c| c["id"] == id).collect()
    }
}
