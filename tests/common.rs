//! The test harness: a hermetic `doctor` command and a running sandbox.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;
use opencx_doctor::settings::fields;
use opencx_doctor::settings::FIELDS;
use opencx_sandbox::{world, Sandbox, Scenario, Spec};

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

/// Every secret a scenario's run holds, in the spellings a leak would take (the Basic credential
/// base64-encoded too).
pub fn secret_canaries(scenario: &Scenario) -> Vec<String> {
    let spec = (scenario.build)();
    let w = &spec.world;
    let mut secrets = vec![
        w.gorgias.api_key.clone(),
        w.intercom.token.clone(),
        w.hubspot.token.clone(),
        w.hubspot.developer_api_key.clone(),
        w.opencx.api_key.clone(),
        world::GORGIAS_KEY.to_string(),
        world::INTERCOM_TOKEN.to_string(),
        world::HUBSPOT_TOKEN.to_string(),
        world::HUBSPOT_DEVELOPER_KEY.to_string(),
        world::OPENCX_KEY.to_string(),
        world::GORGIAS_WEBHOOK_TOKEN.to_string(),
        "whk0ld9e8d7c6b5a4f3e2d".to_string(),
    ];
    for (name, value) in &spec.setting_overrides {
        if fields::find_dotted(name).is_some_and(|f| f.is_secret()) && !value.is_empty() {
            secrets.push(value.clone());
        }
    }
    let keys: Vec<String> = secrets.iter().filter(|s| s.contains("gorgias")).cloned().collect();
    for key in keys {
        for email in [w.gorgias.email.as_str(), world::GORGIAS_EMAIL] {
            secrets.push(base64::Engine::encode(&base64::engine::general_purpose::STANDARD, format!("{email}:{key}")));
        }
    }
    secrets
}

/// A secret's secret part: without its public prefix (`pat-`, `ocx_live_`) or the readable
/// labels the sandbox's secrets start with (`sbx-gorgias-`): leading segments of letters only,
/// which the doctor's own texts name. Its 8-character windows must appear nowhere.
pub fn secret_part(secret: &str) -> &str {
    let mut rest = secret;
    while let Some((head, tail)) = rest.split_once(['-', '_']) {
        if !head.is_empty() && head.chars().all(|c| c.is_ascii_alphabetic()) && tail.len() >= 12 {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

/// The first problem with a bundle member: a secret (whole, or any 8-character window of its
/// secret part), in any case.
pub fn secret_in(member: &str, text: &str, secrets: &[String]) -> Option<String> {
    let lower = text.to_lowercase();
    for secret in secrets {
        if lower.contains(&secret.to_lowercase()) {
            return Some(format!("{member} holds the secret {}…", &secret[..4.min(secret.len())]));
        }
        let part: Vec<char> = secret_part(secret).chars().collect();
        for window in part.windows(8) {
            // A window of few distinct characters (`00000000`) is in any timestamp.
            let distinct: std::collections::BTreeSet<&char> = window.iter().collect();
            if distinct.len() < 5 {
                continue;
            }
            let window: String = window.iter().collect::<String>().to_lowercase();
            if lower.contains(&window) {
                return Some(format!("{member} holds 8 characters of the secret {}…", &secret[..4.min(secret.len())]));
            }
        }
    }
    None
}

/// The customer data a scenario's world holds, found from the sandbox's side (independently of
/// the doctor's redaction rules): what a pseudonymised bundle must not contain.
#[derive(Default)]
pub struct CustomerData {
    /// Emails, phone numbers and message texts: nowhere in any member.
    pub anywhere: Vec<String>,
    /// Full names ("Jane Customer") of customers and the people writing to them: nowhere.
    pub full_names: Vec<String>,
    /// Every person's name or name part: never the value of a person's name field.
    pub names: Vec<String>,
}

pub fn customer_data(scenario: &Scenario) -> CustomerData {
    let w = (scenario.build)().world;
    let mut values: Vec<&serde_json::Value> = Vec::new();
    values.extend(w.gorgias.users.iter().chain(&w.gorgias.tickets));
    values.extend(w.intercom.conversations.iter().chain(&w.intercom.admins));
    values
        .extend(w.hubspot.threads.iter().chain(&w.hubspot.owners).chain(&w.hubspot.contacts).chain(&w.hubspot.tickets));
    values.extend(w.hubspot.messages.values().flatten());
    values.extend(w.opencx.sessions.iter().chain(w.opencx.history.values().flatten()));
    let mut found = CustomerData { anywhere: vec![w.gorgias.email.clone()], ..CustomerData::default() };
    for value in values {
        collect_customer_data(value, None, &mut found);
    }
    let kept = opencx_doctor::vendors::gorgias::AI_ASSISTANT_NAME;
    // A name the doctor's own texts contain (the AI admin called "AI Agent", like OpenCX's menu)
    // cannot be told apart from them in a report.
    let catalogue: String = opencx_doctor::checks::catalogue()
        .iter()
        .map(|c| format!("{} {} {}", c.title, c.looks_at, c.fix))
        .collect::<Vec<_>>()
        .join(" ");
    found.full_names.retain(|n| !catalogue.contains(n.as_str()));
    for list in [&mut found.anywhere, &mut found.full_names, &mut found.names] {
        list.retain(|v| v.chars().count() >= 4 && v != kept);
        list.sort();
        list.dedup();
    }
    found
}

/// Name fields of a person object.
pub const NAME_FIELDS: &[&str] = &["name", "firstname", "lastname", "firstName", "lastName"];

/// Is this object (under `key`) a person?
pub fn is_person(map: &serde_json::Map<String, serde_json::Value>, key: Option<&str>) -> bool {
    map.contains_key("email")
        || map.contains_key("actorId")
        || key.is_some_and(|k| {
            matches!(
                k,
                "sender"
                    | "senders"
                    | "author"
                    | "contact"
                    | "customer"
                    | "from"
                    | "assignee_user"
                    | "users"
                    | "owners"
                    | "admins"
            )
        })
}

fn collect_customer_data(value: &serde_json::Value, key: Option<&str>, found: &mut CustomerData) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            for word in s.split(|c: char| c.is_whitespace() || "<>\"'(),;".contains(c)) {
                if word.contains('@') && word.contains('.') {
                    found.anywhere.push(word.trim_matches('.').to_string());
                }
            }
            let is_text = key
                .is_some_and(|k| matches!(k, "body" | "body_text" | "stripped_text" | "text" | "richText" | "subject"));
            if is_text && s.chars().count() >= 12 {
                let plain = s.replace("<p>", "").replace("</p>", "");
                found.anywhere.push(plain.trim().to_string());
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_customer_data(v, key, found)),
        Value::Object(map) => {
            let person = is_person(map, key);
            let customer =
                key.is_some_and(|k| matches!(k, "sender" | "senders" | "author" | "contact" | "customer" | "from"));
            if let (Some(first), Some(last)) =
                (map.get("firstname").and_then(|v| v.as_str()), map.get("lastname").and_then(|v| v.as_str()))
            {
                if !first.is_empty() && !last.is_empty() {
                    found.full_names.push(format!("{first} {last}"));
                }
            }
            for (k, v) in map {
                match v.as_str() {
                    Some(name) if person && NAME_FIELDS.contains(&k.as_str()) => {
                        found.names.push(name.to_string());
                        if customer && name.contains(' ') {
                            found.full_names.push(name.to_string());
                        }
                    }
                    Some(phone) if k.contains("phone") => found.anywhere.push(phone.to_string()),
                    _ => collect_customer_data(v, Some(k.as_str()), found),
                }
            }
        }
        _ => {}
    }
}

/// The values of the name fields of every person object in a JSON value.
pub fn person_names(value: &serde_json::Value, key: Option<&str>, out: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter().for_each(|v| person_names(v, key, out)),
        Value::Object(map) => {
            let person = is_person(map, key);
            for (k, v) in map {
                match v.as_str() {
                    Some(name) if person && NAME_FIELDS.contains(&k.as_str()) => out.push(name.to_string()),
                    _ => person_names(v, Some(k.as_str()), out),
                }
            }
        }
        _ => {}
    }
}
