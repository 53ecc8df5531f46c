//! Support bundles (`--bundle`, `doctor replay`, `doctor bundle show`): the file (mode 0600,
//! never overwritten without --force, its id the SHA-256's first 12 hex digits), failing closed
//! when a secret would be written, replay without the network ("not recorded" is an error,
//! never a pass), `--diff`, and a bundle that is not one. Every scenario's bundle replays to the
//! same verdicts and holds no secret or customer data: `tests/scenarios/main.rs` (`bundle::…`).

use std::io::Read;
use std::path::Path;

use sha2::Digest;

use crate::attacks::{basic_encodings, echo_fault, encodings};
use crate::common::{checks_of, sandbox, secret_in, Env};
use opencx_sandbox::{world, FaultKind, Spec, Vendor};

fn members(path: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    archive
        .entries()
        .unwrap()
        .map(|e| {
            let mut e = e.unwrap();
            let name = e.path().unwrap().to_string_lossy().into_owned();
            let mut data = Vec::new();
            e.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

/// Writes a bundle holding `members` (the tests' tampered copies).
fn repack(path: &Path, members: &[(String, Vec<u8>)]) {
    let gz = flate2::write::GzEncoder::new(std::fs::File::create(path).unwrap(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (name, data) in members {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        tar.append_data(&mut header, name, data.as_slice()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
}

#[test]
fn a_bundle_is_private_never_overwritten_and_named_by_its_sha256() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    let ran = env.run().args(["demo", "gorgias", "--bundle", f, "--note", "two AI replies on #1042"]).finish().code(0);
    let bytes = std::fs::read(&file).unwrap();
    let id: String = sha2::Sha256::digest(&bytes).iter().take(6).map(|b| format!("{b:02x}")).collect();
    assert!(ran.stderr.contains(&format!("bundle id {id}")) && ran.stderr.contains(f), "{}", ran.stderr);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let names: Vec<String> = members(&file).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["manifest.json", "report.json", "report.md", "exchanges.jsonl", "redactions.json"]);
    let manifest: serde_json::Value = serde_json::from_slice(&members(&file)[0].1).unwrap();
    for key in ["doctor_version", "command", "profile", "started_at", "customer_data", "note", "settings", "os", "arch"]
    {
        assert!(!manifest[key].is_null(), "manifest.{key} is missing: {manifest:#}");
    }
    assert_eq!(manifest["customer_data"], "pseudonymised");
    assert_eq!(manifest["note"], "two AI replies on #1042");
    // An existing file is refused before anything runs, and kept as it was.
    let again = env.run().args(["demo", "gorgias", "--bundle", f]).finish().code(2);
    assert!(again.stderr.contains("exists") && again.stderr.contains("--force"), "{}", again.stderr);
    assert!(again.stdout.is_empty(), "nothing ran: {}", again.stdout);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    env.run().args(["demo", "gorgias", "--bundle", f, "--force", "--no-input"]).finish().code(0);
    assert_ne!(std::fs::read(&file).unwrap(), bytes, "--force replaces it");
    // The companions need --bundle; a bundle needs a directory that exists.
    env.run().args(["demo", "gorgias", "--note", "x"]).finish().code(2);
    let nowhere = env.dir.path().join("no/such/dir/b.tar.gz");
    let ran = env.run().args(["demo", "gorgias", "--bundle", nowhere.to_str().unwrap()]).finish().code(2);
    assert!(ran.stderr.contains("does not exist"), "{}", ran.stderr);
}

#[test]
fn a_secret_the_rules_would_miss_means_no_file_and_exit_2_naming_the_rule_not_the_value() {
    let env = Env::new();
    let key = world::OPENCX_KEY;
    // The vendor echoes the key in upper case: no redaction rule replaces that spelling.
    let echo = format!("{{\"error\": \"invalid key {}\"}}", key.to_uppercase());
    let sb = sandbox(Spec::healthy().fault(
        Vendor::Opencx,
        "",
        FaultKind::Custom {
            status: 401,
            headers: vec![("content-type".into(), "application/json".into())],
            body: echo,
        },
    ));
    let file = env.dir.path().join("b.tar.gz");
    let ran = env.run().sandbox(&sb).args(["all", "--bundle", file.to_str().unwrap()]).finish().code(2);
    assert!(!file.exists(), "no file is written");
    assert!(ran.stderr.contains("no bundle written") && ran.stderr.contains("opencx.api_key"), "{}", ran.stderr);
    assert!(ran.stderr.contains("letter case"), "the rule that missed is named: {}", ran.stderr);
    let tail = &key[key.len() - 12..];
    assert!(!ran.stderr.to_lowercase().contains(&tail.to_lowercase()), "{}", ran.stderr);
}

#[test]
fn a_credential_echoed_in_any_encoding_never_reaches_a_bundle() {
    let env = Env::new();
    let key = world::GORGIAS_KEY;
    let mut forms = encodings(key);
    forms.extend(basic_encodings(world::GORGIAS_EMAIL, key));
    let secrets = vec![key.to_string()];
    for (n, form) in forms.iter().enumerate() {
        let message = format!("Invalid credentials {form} — refused");
        let sb = sandbox(Spec::healthy().fault(
            Vendor::Gorgias,
            "/api/account",
            echo_fault(Vendor::Gorgias, "", 401, &message),
        ));
        let file = env.dir.path().join(format!("b{n}.tar.gz"));
        let ran = env.run().sandbox(&sb).args(["gorgias", "--bundle", file.to_str().unwrap()]).finish();
        if !file.exists() {
            assert_eq!(ran.code, Some(2), "form {n}: no file means exit 2: {}", ran.stderr);
            continue;
        }
        for (name, data) in members(&file) {
            let text = String::from_utf8(data).unwrap();
            assert!(!text.contains(form.as_str()), "form {n}: {name} holds it");
            assert_eq!(secret_in(&name, &text, &secrets), None, "form {n}");
        }
    }
}

#[test]
fn a_replay_sends_nothing_and_a_request_not_in_the_bundle_is_an_error_never_a_pass() {
    let env = Env::new();
    let spec = Spec::healthy();
    let sb = sandbox(spec);
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    let ran = env
        .run()
        .sandbox(&sb)
        .args(["gorgias", "--ticket", "1042", "--format", "json", "--bundle", f])
        .finish()
        .code(0);
    let served = sb.requests().len();
    let replayed = env.run().sandbox(&sb).args(["replay", f, "--format", "json"]).finish().code(0);
    assert_eq!(sb.requests().len(), served, "the replay sent nothing, whatever the settings say");
    let statuses = |doc: &serde_json::Value| -> Vec<(String, String)> {
        checks_of(doc).iter().map(|c| (c["id"].to_string(), c["status"].to_string())).collect()
    };
    assert_eq!(statuses(&ran.json()), statuses(&replayed.json()));
    // The ticket's exchange taken out: the checks that read it end in error, saying why.
    let mut tampered = members(&file);
    let exchanges = String::from_utf8(tampered[3].1.clone()).unwrap();
    let kept: Vec<&str> = exchanges.lines().filter(|l| !l.contains("\"path\":\"/api/tickets/1042\"")).collect();
    assert!(kept.len() < exchanges.lines().count(), "the ticket was read");
    tampered[3].1 = format!("{}\n", kept.join("\n")).into_bytes();
    let cut = env.dir.path().join("cut.tar.gz");
    repack(&cut, &tampered);
    let replayed = env.run().args(["replay", cut.to_str().unwrap(), "--format", "json"]).finish().code(3);
    let doc = replayed.json();
    let ticket = checks_of(&doc).into_iter().find(|c| c["id"] == "gorgias.ai-silent.ticket").unwrap();
    assert_eq!(ticket["status"], "error", "{ticket:#}");
    assert!(ticket["detail"].as_str().unwrap().contains("not recorded"), "{ticket:#}");
    assert!(checks_of(&doc)
        .iter()
        .all(|c| c["status"] != "pass" || !c["detail"].as_str().unwrap_or("").contains("not recorded")));
}

#[test]
fn replay_diff_lists_the_checks_whose_verdict_changed() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    env.run().args(["demo", "gorgias", "--bundle", f]).finish().code(0);
    let same = env.run().args(["replay", f, "--diff"]).finish().code(0);
    assert!(same.stdout.contains("No check changed its verdict"), "{}", same.stdout);
    // A recording in which one check had failed: this doctor's verdict differs.
    let mut tampered = members(&file);
    let mut report: serde_json::Value = serde_json::from_slice(&tampered[1].1).unwrap();
    report["checks"][0]["status"] = "fail".into();
    let id = report["checks"][0]["id"].as_str().unwrap().to_string();
    tampered[1].1 = serde_json::to_vec(&report).unwrap();
    let changed = env.dir.path().join("changed.tar.gz");
    repack(&changed, &tampered);
    let diff = env.run().args(["replay", changed.to_str().unwrap(), "--diff"]).finish().code(1);
    assert!(diff.stdout.contains(&id) && diff.stdout.contains("fail → pass"), "{}", diff.stdout);
    let json =
        env.run().args(["replay", changed.to_str().unwrap(), "--diff", "--format", "json"]).finish().code(1).json();
    assert_eq!(json["changed"][0]["check"], id.as_str());
    assert_eq!(json["changed"][0]["recorded"], "fail");
    assert_eq!(json["changed"][0]["replayed"], "pass");
}

#[test]
fn bundle_show_prints_the_manifest_and_the_redaction_counts_never_a_value() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    env.run().args(["demo", "hubspot", "--bundle", f, "--note", "no ticket after handoff"]).finish().code(0);
    let shown = env.run().args(["bundle", "show", f]).finish().code(0);
    for text in [
        "Bundle ",
        "doctor demo hubspot",
        "pseudonymised",
        "no ticket after handoff",
        "hubspot.token",
        "(secret: not in the bundle)",
        "emails",
        "message texts",
        "exchanges.jsonl",
        "doctor replay",
    ] {
        assert!(shown.stdout.contains(text), "{text:?} missing:\n{}", shown.stdout);
    }
    assert_eq!(secret_in("bundle show", &shown.stdout, &[world::HUBSPOT_TOKEN.to_string()]), None);
    let json = env.run().args(["bundle", "show", f, "--format", "json"]).finish().code(0).json();
    assert!(json["redactions"]["replaced"]["emails"].as_u64().unwrap() > 0, "{json:#}");
    assert_eq!(json["bundle_id"].as_str().unwrap().len(), 12);
    // What is not a bundle is said precisely.
    let junk = env.dir.path().join("junk.tar.gz");
    std::fs::write(&junk, b"not a gzip at all").unwrap();
    let ran = env.run().args(["bundle", "show", junk.to_str().unwrap()]).finish().code(2);
    assert!(ran.stderr.contains("is not a doctor bundle"), "{}", ran.stderr);
    let odd = env.dir.path().join("odd.tar.gz");
    repack(&odd, &[("etc/passwd".to_string(), b"x".to_vec())]);
    let ran = env.run().args(["replay", odd.to_str().unwrap()]).finish().code(2);
    assert!(ran.stderr.contains("unexpected member"), "{}", ran.stderr);
}

#[test]
fn keep_customer_data_keeps_it_and_the_manifest_says_so() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    env.run().args(["demo", "gorgias", "--bundle", f, "--keep-customer-data"]).finish().code(0);
    let all: String = members(&file).into_iter().map(|(_, d)| String::from_utf8(d).unwrap()).collect();
    assert!(all.contains(opencx_sandbox::conversations::CUSTOMER_EMAIL), "the customer's email is kept");
    assert!(all.contains("\"customer_data\": \"kept\""));
    assert_eq!(secret_in("bundle", &all, &[world::GORGIAS_KEY.to_string()]), None, "secrets never");
}

#[test]
fn a_sweep_bundle_replays_its_objects() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    let ran = env.run().args(["demo", "gorgias", "--since", "24h", "--format", "json", "--bundle", f]).finish();
    let replayed = env.run().args(["replay", f, "--format", "json"]).finish();
    assert_eq!(ran.code, replayed.code);
    let objects = |doc: &serde_json::Value| -> Vec<serde_json::Value> {
        checks_of(doc).into_iter().filter_map(|c| c.get("sweep").map(|s| s["objects"].clone())).collect()
    };
    assert!(!objects(&ran.json()).is_empty());
    assert_eq!(objects(&ran.json()).len(), objects(&replayed.json()).len());
    let (a, b) = (ran.json(), replayed.json());
    for (x, y) in checks_of(&a).iter().zip(checks_of(&b).iter()) {
        assert_eq!(x["sweep"]["affected"], y["sweep"]["affected"], "{}", x["id"]);
        assert_eq!(x["sweep"]["scanned"], y["sweep"]["scanned"], "{}", x["id"]);
    }
}

fn manifest_note(path: &Path) -> serde_json::Value {
    let manifest: serde_json::Value = serde_json::from_slice(&members(path)[0].1).unwrap();
    manifest["note"].clone()
}

/// On a terminal, without --note, the expected vs actual behaviour is asked for (Enter skips);
/// with --no-input it never is.
#[cfg(unix)]
#[test]
fn on_a_terminal_the_note_is_asked_for_unless_no_input() {
    let env = Env::new();
    let file = env.dir.path().join("b.tar.gz");
    let f = file.to_str().unwrap();
    let mut session = crate::http_behaviour::in_a_pty(&env, &["demo", "gorgias", "credentials", "--bundle", f]);
    session.expect("what did you expect").expect("the question");
    session.send_line("two AI replies to one message").unwrap();
    session.expect("Support bundle written").expect("the bundle");
    session.expect(expectrl::Eof).expect("the run ends");
    assert_eq!(manifest_note(&file), "two AI replies to one message");
    let mut session = crate::http_behaviour::in_a_pty(
        &env,
        &["demo", "gorgias", "credentials", "--bundle", f, "--force", "--no-input"],
    );
    let seen = session.expect(expectrl::Eof).expect("the run ends without a question");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(seen.before()),
        String::from_utf8_lossy(seen.get(0).unwrap_or_default())
    );
    assert!(text.contains("Support bundle written"), "{text}");
    assert!(!text.contains("what did you expect"), "{text}");
    assert_eq!(manifest_note(&file), serde_json::Value::Null);
}
