//! Regression tests for the attacks that once got through: each test names what it pins
//! (planted config files, echoed credentials in every encoding, clipping, settings errors,
//! terminal and XML injection, a silent keyring, hostile rate-limit headers, a closed stderr,
//! FIFOs, signals, `{}` answers, bad `--output` paths, pacing, ids in paths, transport errors).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;

use crate::common::{base_url, check, json, sandbox, stderr, stdout, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{conversations, world, FaultKind, Spec};

const G: Vendor = Vendor::Gorgias;
const I: Vendor = Vendor::Intercom;
const H: Vendor = Vendor::Hubspot;

/// Every 8-character window of a secret: none may appear in any output.
pub fn windows(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars.windows(8.min(chars.len())).map(|w| w.iter().collect()).collect()
}

fn leaks(text: &str, secret: &str) -> Option<String> {
    windows(secret).into_iter().find(|w| text.contains(w.as_str()))
}

/// Every encoding of a secret the redactor promises to catch.
pub fn encodings(secret: &str) -> Vec<String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let mut out = vec![secret.to_string()];
    for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
        out.push(engine.encode(secret));
    }
    let upper: String = secret
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    out.push(lower_escapes(&upper));
    out.push(upper);
    out.push(serde_json::to_string(secret).unwrap().trim_matches('"').to_string());
    out
}

pub(crate) fn basic_encodings(user: &str, key: &str) -> Vec<String> {
    let pair = format!("{user}:{key}");
    let mut out = encodings(&pair);
    out.remove(0); // the raw pair holds the key, which is checked on its own
    let percent: String = pair
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    out.push(lower_escapes(&percent));
    out
}

/// `%2D` → `%2d`, the rest as it is.
fn lower_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '%' {
            out.extend(chars.by_ref().take(2).map(|h| h.to_ascii_lowercase()));
        }
    }
    out
}

pub(crate) fn echo_fault(vendor: Vendor, path: &str, status: u16, message: &str) -> FaultKind {
    let body = match vendor {
        Vendor::Gorgias => serde_json::json!({"error": {"msg": message}}),
        Vendor::Intercom => {
            serde_json::json!({"type": "error.list", "errors": [{"code": "unauthorized", "message": message}]})
        }
        _ => serde_json::json!({"status": "error", "message": message, "category": "INVALID_AUTHENTICATION"}),
    };
    let _ = path;
    FaultKind::Custom { status, headers: Vec::new(), body: body.to_string() }
}

#[test]
fn an_error_body_echoing_the_credential_in_any_encoding_is_redacted_in_every_format() {
    let env = Env::new();
    let key = world::GORGIAS_KEY;
    let mut forms = encodings(key);
    forms.extend(basic_encodings(world::GORGIAS_EMAIL, key));
    for (n, form) in forms.iter().enumerate() {
        let message = format!("Invalid credentials {form} — refused");
        let sb = sandbox(Spec::healthy().fault(G, "/api/account", echo_fault(G, "/api/account", 401, &message)));
        for format in ["human", "json", "junit", "markdown"] {
            let out = env.doctor_for(&sb).args(["-vv", "gorgias", "--format", format]).output().unwrap();
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert!(all.contains("refused"), "form {n}: the message is shown:\n{all}");
            // The sandbox key's first words (`sbx-gorgias-`) also occur in ordinary text.
            let tail = key.trim_start_matches("sbx-gorgias-");
            assert_eq!(leaks(&all, tail), None, "form {n} ({format}) leaked:\n{all}");
            assert!(!all.contains(form.as_str()), "form {n} ({format}) leaked:\n{all}");
            let window_of_form = form.len() >= 16 && !form.contains(tail);
            if window_of_form {
                // An encoding: any 8 characters of its middle would be a leak too.
                let middle: String = form.chars().skip(4).take(form.chars().count().saturating_sub(8)).collect();
                assert_eq!(leaks(&all, &middle), None, "form {n} ({format}) leaked:\n{all}");
            }
        }
    }
}

#[test]
fn a_secret_cut_by_the_clip_leaks_no_part_of_itself() {
    let env = Env::new();
    for pad in [280usize, 290, 295, 298, 299, 300] {
        let message = format!("{}{}", "x".repeat(pad), world::HUBSPOT_TOKEN);
        let sb = sandbox(Spec::healthy().fault(
            H,
            "/oauth/v2/private-apps/get/access-token-info",
            echo_fault(H, "", 401, &message),
        ));
        let out = env.doctor_for(&sb).args(["-vv", "hubspot", "credentials", "--format", "json"]).output().unwrap();
        let all = format!("{}{}", stdout(&out), stderr(&out));
        // `pat-na1-` is the token's public prefix; what follows is the secret.
        let secret = world::HUBSPOT_TOKEN.trim_start_matches("pat-na1-");
        assert_eq!(leaks(&all, secret), None, "pad {pad}:\n{all}");
    }
}

#[test]
fn a_secret_split_by_white_space_or_a_zero_width_character_is_redacted() {
    let env = Env::new();
    let key = world::OPENCX_KEY;
    for sep in [" ", "\n", "\u{200b}", "\t"] {
        let (a, b) = key.split_at(14);
        let sb = sandbox(Spec::healthy().fault(
            Vendor::Opencx,
            "/chat/sessions",
            FaultKind::Custom {
                status: 401,
                headers: Vec::new(),
                body: serde_json::json!({"statusCode": 401, "message": format!("bad key {a}{sep}{b}"), "error": "Unauthorized"})
                    .to_string(),
            },
        ));
        for format in ["human", "json"] {
            let out = env
                .doctor_for(&sb)
                .args(["-v", "session", conversations::GORGIAS_SESSION, "--format", format])
                .output()
                .unwrap();
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert!(!all.contains(&b[..8]) && !all.contains(&a[a.len() - 8..]), "{sep:?} {format}:\n{all}");
        }
    }
}

#[test]
fn a_config_file_in_the_working_directory_is_never_read() {
    let env = Env::new();
    let planted = env.dir.path().join("opencx-doctor");
    std::fs::create_dir_all(&planted).unwrap();
    std::fs::write(planted.join("config.toml"), "[profiles.default.gorgias]\ndomain = \"planted\"\n").unwrap();
    let out = env
        .doctor()
        .env_remove("DOCTOR_CONFIG")
        .env_remove("HOME")
        .env_remove("XDG_CONFIG_HOME")
        .current_dir(env.dir.path())
        .args(["config", "show", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("planted"), "{}", stdout(&out));
}

#[test]
fn config_show_masks_webhook_urls_in_every_format() {
    let env = Env::new();
    let url = format!("https://api.open.cx/webhooks/gorgias/{}", world::GORGIAS_WEBHOOK_TOKEN);
    for format in ["human", "json"] {
        let out = env
            .doctor()
            .env("DOCTOR_GORGIAS_WEBHOOK_URL", &url)
            .args(["config", "show", "--format", format])
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(text.contains("whk7…f1"), "{format}: the masked token is shown:\n{text}");
        assert_eq!(leaks(&text, world::GORGIAS_WEBHOOK_TOKEN), None, "{format}:\n{text}");
    }
}

#[test]
fn settings_errors_never_print_a_secret() {
    let env = Env::new();
    // A TOML syntax error on the line that holds a secret someone wrote into the file.
    env.write_config("[profiles.default.gorgias]\napi_key = \"sk-file-9f8e7d6c5b4a39281706\n");
    let out = env.doctor().args(["config", "show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
    assert_eq!(leaks(&stderr(&out), "sk-file-9f8e7d6c5b4a39281706"), None, "{}", stderr(&out));
    // A validation error quoting a value that is the API key (pasted into the wrong setting).
    let env = Env::new();
    let key = "acme.key-0f3a9c2e7d41b8aa";
    let out = env
        .doctor()
        .env("DOCTOR_GORGIAS_API_KEY", key)
        .env("DOCTOR_GORGIAS_DOMAIN", key)
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gorgias.domain"), "{}", stderr(&out));
    assert_eq!(leaks(&stderr(&out), key), None, "{}", stderr(&out));
}

#[test]
fn a_password_in_a_base_url_is_masked_at_every_verbosity() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let base = base_url(&sb, G).replace("http://", "http://proxyuser:pw-0123456789abcdef@");
    let out = env.doctor_for(&sb).env("DOCTOR_GORGIAS_BASE_URL", &base).args(["-vv", "gorgias"]).output().unwrap();
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(leaks(&all, "pw-0123456789abcdef"), None, "{all}");
    let out = env.doctor_for(&sb).env("DOCTOR_GORGIAS_BASE_URL", &base).args(["config", "show"]).output().unwrap();
    assert_eq!(leaks(&stdout(&out), "pw-0123456789abcdef"), None, "{}", stdout(&out));
}

#[test]
fn a_plain_http_base_url_to_a_non_loopback_host_is_refused() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_GORGIAS_BASE_URL", "http://gorgias.example.com")
        .arg("gorgias")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("plain http"), "{}", stderr(&out));
    assert!(sb.requests().is_empty(), "nothing was sent");
}

const FORGE: &str =
    "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]8;;https://evil.example\u{7}x\u{1b}]8;;\u{7}\u{1b}[2J\n  ✓ forged line";

#[test]
fn hostile_session_ids_and_times_cannot_drive_the_terminal_or_forge_a_line() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    let session = spec.world.session_mut(conversations::GORGIAS_SESSION);
    session["id"] = FORGE.into();
    session["created_at"] = FORGE.into();
    session["updated_at"] = FORGE.into();
    let sb = sandbox(spec);
    for format in ["human", "markdown"] {
        let out = env
            .doctor_for(&sb)
            .args(["--color", "always", "gorgias", "--ticket", "1042", "--format", format])
            .output()
            .unwrap();
        let text = stdout(&out);
        for forbidden in ["\u{1b}]", "\u{1b}[2J", "\u{7}"] {
            assert!(!text.contains(forbidden), "{format}: {forbidden:?} reached the output:\n{text}");
        }
        assert!(!text.lines().any(|l| l.trim_start().starts_with("✓ forged")), "{format}: a forged line:\n{text}");
    }
}

#[test]
fn junit_output_is_well_formed_xml_whatever_the_vendor_sent() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    let hostile = "AI\u{fffe}\u{ffff}\u{1}\u{b}\u{202e}Agent";
    spec.world.gorgias.users.iter_mut().for_each(|u| u["name"] = hostile.into());
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "junit"]).output().unwrap();
    let xml = stdout(&out);
    roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{xml}"));
    assert!(!xml.contains('\u{202e}') && !xml.contains('\u{fffe}'), "{xml}");
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "markdown"]).output().unwrap();
    assert!(!stdout(&out).contains('\u{202e}'), "no bidi override in markdown");
}

#[test]
fn error_lines_never_echo_escape_sequences_from_the_command_line() {
    let env = Env::new();
    for args in [
        vec!["--profile", "\u{1b}[2Jstaging\u{1b}]0;x\u{7}", "config", "show"],
        vec!["--only", "\u{1b}[2Jno.such\u{1b}]0;x\u{7}", "gorgias"],
        vec!["--format", "\u{1b}[2Jxml", "gorgias"],
        vec!["explain", "\u{1b}[2Jno.such"],
    ] {
        env.write_config("[profiles.default.gorgias]\ndomain = \"acme\"\n");
        let out = env.doctor().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(!err.contains("\u{1b}[2J") && !err.contains("\u{1b}]") && !err.contains('\u{7}'), "{args:?}: {err:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_keyring_that_never_answers_is_reported_not_waited_on() {
    let env = Env::new();
    let socket = env.dir.path().join("bus");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    // Accepts every connection and never says a word.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let started = Instant::now();
    let out = env
        .doctor()
        .env_remove("DOCTOR_KEYRING")
        .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", socket.display()))
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30), "took {:?}", started.elapsed());
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(all.contains("did not answer"), "{all}");
}

#[test]
fn a_closed_stderr_does_not_turn_a_healthy_run_into_errors() {
    let sb = sandbox(Spec::healthy());
    let env = Env::new();
    let mut command = env.std_doctor_for(&sb);
    command.args(["-v", "gorgias", "--format", "json"]).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    drop(child.stderr.take()); // the reader is gone: every write to stderr fails
    let mut text = String::new();
    child.stdout.take().unwrap().read_to_string(&mut text).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{text}");
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["summary"]["error"], 0, "{report:#}");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_as_config_or_output_is_refused_not_waited_on() {
    let env = Env::new();
    let fifo = env.dir.path().join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for config in [fifo.as_path(), std::path::Path::new("/dev/zero")] {
        let out = env.doctor().env("DOCTOR_CONFIG", config).args(["config", "show"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    }
    let sb = sandbox(Spec::healthy());
    for output in
        [fifo.clone(), "/dev/full".into(), env.dir.path().to_path_buf(), env.dir.path().join("no/such/dir/r.json")]
    {
        let out = env.doctor_for(&sb).arg("--output").arg(&output).arg("gorgias").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}: {}", output.display(), stderr(&out));
        assert!(stderr(&out).contains("cannot write the report"), "{}", stderr(&out));
    }
    assert!(sb.requests().is_empty(), "a bad --output is found before anything is checked");
}

#[cfg(unix)]
#[test]
fn signals_end_the_run_with_128_plus_their_number() {
    let sb = sandbox(Spec::healthy().fault(G, "/api/account", FaultKind::Hang));
    let env = Env::new();
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        let mut command = env.std_doctor_for(&sb);
        command.args(["gorgias", "--timeout", "60"]).stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = command.spawn().unwrap();
        // The request to the silent vendor is in flight by then (the sandbox logs a request
        // only once it is answered, so there is nothing to poll).
        std::thread::sleep(Duration::from_millis(1500));
        assert!(child.try_wait().unwrap().is_none(), "still running when the signal comes");
        let sent = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status().unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        sb.clear_requests();
    }
}

#[test]
fn an_empty_object_is_not_evidence_for_a_pass_or_a_fail() {
    let env = Env::new();
    let empty = || FaultKind::Custom { status: 200, headers: Vec::new(), body: "{}".into() };
    let cases: Vec<(Spec, Vec<&str>, &str)> = vec![
        (Spec::healthy().fault(I, "/me", empty()), vec!["intercom", "credentials"], "intercom.credentials.token"),
        (
            Spec::healthy().fault(G, &format!("/api/users/{}", world::GORGIAS_AI_USER), empty()),
            vec!["gorgias", "--ticket", "1042"],
            "gorgias.ai-silent.ai-user",
        ),
        (
            Spec::healthy().fault(G, &format!("/api/teams/{}", world::GORGIAS_TEAM), empty()),
            vec!["gorgias", "handoff-routing"],
            "",
        ),
        (
            Spec::healthy().fault(H, "/oauth/v2/private-apps/get/access-token-info", empty()),
            vec!["hubspot", "scopes"],
            "",
        ),
    ];
    for (spec, args, id) in cases {
        let sb = sandbox(spec);
        let out = env.doctor_for(&sb).args(&args).args(["--format", "json"]).output().unwrap();
        let report = json(&out);
        let checks = report["checks"].as_array().unwrap();
        let shaped: Vec<&serde_json::Value> =
            checks.iter().filter(|c| c["detail"].as_str().unwrap_or("").contains("documented shape")).collect();
        assert!(!shaped.is_empty(), "{args:?}: some check says the answer is not the documented shape:\n{report:#}");
        for c in &shaped {
            assert_eq!(c["status"], "error", "{args:?}: {c:#}");
        }
        if !id.is_empty() {
            assert_eq!(check(&report, id)["status"], "error", "{args:?}: {report:#}");
        }
        for c in checks {
            let detail = c["detail"].as_str().unwrap_or("");
            assert!(!detail.contains("'?'") && !detail.contains(": ?"), "{args:?}: a verdict on nothing: {c:#}");
        }
        if args == ["hubspot", "scopes"] {
            assert!(
                !checks.iter().any(|c| c["status"] == "fail"),
                "{{}} from token-info is no evidence of a missing scope:\n{report:#}"
            );
        }
    }
}

#[test]
fn a_rate_limit_header_is_seen_by_requests_already_queued() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.gorgias_bucket = (4, Duration::from_secs(1));
    let sb = sandbox(spec);
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_GORGIAS_RATE_WINDOW", "1")
        .args(["--jobs", "1", "gorgias", "--ticket", "1042", "--format", "json"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let limited = sb.requests().iter().filter(|r| r.vendor == G && r.status == 429).count();
    assert_eq!(limited, 0, "every queued request waited for the bucket: {:#?}", sb.requests());
}

#[test]
fn a_session_id_from_the_api_cannot_change_the_request_path() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    spec.world.session_mut(conversations::GORGIAS_SESSION)["id"] = "../../../admin/delete".into();
    let sb = sandbox(spec);
    let _ = env.doctor_for(&sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).output().unwrap();
    for r in sb.requests() {
        assert!(!r.path.starts_with("/admin"), "{} went out", r.path);
        assert!(!r.path.contains("/../"), "{} went out", r.path);
    }
    assert!(
        sb.requests().iter().any(|r| r.path.contains("..%2F..%2F") || r.path.contains("%2E%2E%2F")),
        "the id went out as one encoded segment: {:#?}",
        sb.requests().iter().map(|r| r.path.clone()).collect::<Vec<_>>()
    );
}

/// A server on loopback that answers every connection with `reply` and closes.
fn raw_server(reply: &'static [u8]) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(reply);
        }
    });
    format!("http://{addr}")
}

#[test]
fn transport_failures_are_named_for_what_they_are() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    // Not HTTP at all.
    let base = raw_server(b"SSH-2.0-OpenSSH_9.6\r\n\r\n");
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_GORGIAS_BASE_URL", &base)
        .args(["-v", "gorgias", "credentials"])
        .output()
        .unwrap();
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(all.contains("invalid HTTP response"), "{all}");
    assert!(!all.contains("Connect {") && !all.contains("InvalidResponse {"), "plain text, not Rust debug:\n{all}");
    // A 200 whose body ends early keeps its status.
    let sb = sandbox(Spec::healthy().fault(G, "/api/account", FaultKind::Truncated));
    let out = env.doctor_for(&sb).args(["gorgias", "credentials", "--format", "json"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("HTTP 200: the body ended early"), "{text}");
    assert!(!text.contains("HTTP 0"), "{text}");
    // A redirect points to the base URL, not to the helpdesk.
    let sb = sandbox(Spec::healthy().fault(
        G,
        "/api/account",
        FaultKind::Custom {
            status: 302,
            headers: vec![("location".into(), "https://login.example/".into())],
            body: String::new(),
        },
    ));
    let out = env.doctor_for(&sb).args(["gorgias", "credentials", "--format", "json"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("base URL"), "{text}");
    assert!(!text.contains("follow the new location in the helpdesk"), "{text}");
}

#[test]
fn an_untrusted_tls_certificate_is_named_as_such() {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let der = cert.cert.der().clone();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(cert.signing_key.serialize_der().into());
    let config =
        rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![der], key)
            .unwrap();
    let config = std::sync::Arc::new(config);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                if let Ok(mut conn) = rustls::ServerConnection::new(config) {
                    let _ = conn.complete_io(&mut stream);
                    let _ = conn.complete_io(&mut stream);
                }
            });
        }
    });
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_GORGIAS_BASE_URL", format!("https://localhost:{port}"))
        .args(["gorgias", "credentials", "--format", "json"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("TLS certificate is not trusted"), "{text}");
    assert!(text.contains("SSL_CERT_FILE"), "the fix names the way to trust a proxy's CA:\n{text}");
}

#[test]
fn retry_after_as_an_http_date_is_honoured() {
    let mut headers = reqwest::header::HeaderMap::new();
    let at = chrono::Utc::now() + chrono::Duration::seconds(30);
    headers.insert("retry-after", at.to_rfc2822().replace("+0000", "GMT").parse().unwrap());
    let wait = opencx_doctor::http::client::retry_after_secs(&headers).expect("a date is a wait");
    assert!((25..=31).contains(&wait.as_secs()), "{wait:?}");
    for extreme in ["inf", "1e20", "-5", "NaN", "18446744073709551615", "Fri, 31 Dec 9999 23:59:59 GMT"] {
        headers.insert("retry-after", extreme.parse().unwrap());
        let wait = opencx_doctor::http::client::retry_after_secs(&headers);
        assert!(wait.is_none_or(|w| w <= Duration::from_secs(3600)), "{extreme}: {wait:?}");
    }
}

#[test]
fn rate_settings_in_the_environment_are_validated_like_every_other() {
    let env = Env::new();
    for (var, value) in [
        ("DOCTOR_HUBSPOT_RATE_LIMIT", "100/inf"),
        ("DOCTOR_HUBSPOT_RATE_LIMIT", "abc"),
        ("DOCTOR_HUBSPOT_RATE_LIMIT", "0/10"),
        ("DOCTOR_GORGIAS_RATE_WINDOW", "-5"),
        ("DOCTOR_GORGIAS_RATE_WINDOW", "inf"),
    ] {
        let out = env.doctor().env(var, value).args(["demo", "hubspot"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}={value}: {}", stderr(&out));
        assert!(stderr(&out).contains(var), "{}", stderr(&out));
    }
}

#[test]
fn an_intercom_timestamp_at_the_end_of_time_is_no_panic() {
    let env = Env::new();
    let mut spec = Spec::healthy();
    for c in spec.world.intercom.conversations.iter_mut() {
        c["created_at"] = 8_210_266_876_799i64.into();
        c["updated_at"] = 8_210_266_876_799i64.into();
    }
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).args(["intercom", "--conversation", "215", "--format", "json"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1 | 3)), "{}", stderr(&out));
    let _ = json(&out);
}

#[test]
fn the_secret_canary_basic_credential_forms_are_all_distinct() {
    // Guards the test itself: each encoding exercised above is a different string.
    let forms = basic_encodings(world::GORGIAS_EMAIL, world::GORGIAS_KEY);
    let unique: std::collections::BTreeSet<&String> = forms.iter().collect();
    assert!(unique.len() >= 5, "{forms:?}");
    assert!(forms.iter().any(|f| f.contains("%3a") || f.contains("%40")), "{forms:?}");
    let _ = base64::engine::general_purpose::STANDARD.encode("x");
}
