//! Two properties that generalise the attacks:
//! - redaction: for random secrets in every encoding, embedded anywhere in random vendor
//!   messages of random length, no output of any format at any verbosity holds the secret or
//!   any 8-character window of it;
//! - hostile headers: every rate-limit and retry header of every vendor, fed extreme, negative,
//!   non-numeric, float, overflowing and date values, never panics the doctor, never makes it
//!   allocate more than a few MB, and the run ends within `--timeout`.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::attacks::{encodings, windows};
use crate::common::{sandbox, stderr, stdout, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{FaultKind, Spec};

fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{6}[A-Za-z0-9_+/=-]{14,40}"
}

/// Vendor-message text around the secret: printable, with spaces and punctuation.
fn filler() -> impl Strategy<Value = String> {
    "[ -~]{0,360}".prop_map(|s| s.replace(['\\', '"'], " "))
}

fn encoded(secret: &str, user: &str, which: usize) -> String {
    let mut all = encodings(secret);
    all.extend(encodings(&format!("{user}:{secret}")).into_iter().skip(1));
    all[which % all.len()].clone()
}

fn leaked(text: &str, secret: &str) -> Option<String> {
    windows(secret).into_iter().find(|w| text.contains(w.as_str()))
}

#[test]
fn redaction_holds_for_random_secrets_in_every_encoding_in_process() {
    // The redactor and the clip, as every output path uses them: 2,000 cases.
    let mut runner = TestRunner::new(Config { cases: 2000, failure_persistence: None, ..Config::default() });
    runner
        .run(&(secret(), filler(), filler(), 0usize..64, 40usize..400), |(key, before, after, which, clip_at)| {
            opencx_doctor::redact::register_basic("ops@acme.example", &key);
            let form = encoded(&key, "ops@acme.example", which);
            let message = format!("{before}{form}{after}");
            for text in [
                opencx_doctor::redact::redact(&message),
                opencx_doctor::http::error::clip(&message, clip_at),
                opencx_doctor::sanitize::for_terminal(&opencx_doctor::http::error::clip(&message, clip_at)),
                opencx_doctor::redact::redact(&serde_json::to_string(&message).unwrap()),
            ] {
                prop_assert!(leaked(&text, &key).is_none(), "{key} ({form}) in {text:?}");
                prop_assert!(!text.contains(form.as_str()), "{form} in {text:?}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn redaction_holds_for_random_secrets_in_every_format_and_verbosity() {
    // End to end: the secret is the Gorgias API key the doctor was given; Gorgias's error
    // message echoes it in one of its encodings. 12 cases × 4 formats, verbosity 0 to 2.
    let env = Env::new();
    let mut runner = TestRunner::new(Config { cases: 12, failure_persistence: None, ..Config::default() });
    let formats = ["human", "json", "junit", "markdown"];
    runner
        .run(&(secret(), filler(), filler(), 0usize..64), |(key, before, after, which)| {
            let form = encoded(&key, "ops@acme.example", which);
            let message = format!("{before}{form}{after}");
            let body = serde_json::json!({"error": {"msg": message}}).to_string();
            let sb = sandbox(Spec::healthy().fault(
                Vendor::Gorgias,
                "/api/account",
                FaultKind::Custom { status: 401, headers: Vec::new(), body },
            ));
            for (i, format) in formats.iter().enumerate() {
                let out = env
                    .doctor_for(&sb)
                    .env("DOCTOR_GORGIAS_API_KEY", &key)
                    .args(["-v"].repeat(i % 3))
                    .args(["gorgias", "credentials", "--format", format])
                    .output()
                    .unwrap();
                let all = format!("{}{}", stdout(&out), stderr(&out));
                prop_assert!(leaked(&all, &key).is_none(), "{format}: {key} ({form}) leaked:\n{all}");
                prop_assert!(!all.contains(form.as_str()), "{format}: {form} leaked:\n{all}");
            }
            Ok(())
        })
        .unwrap();
}

/// Values no header should hold, and some it may.
fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("inf".to_string()),
        Just("-inf".to_string()),
        Just("NaN".to_string()),
        Just("1e20".to_string()),
        Just("1e308".to_string()),
        Just("-5".to_string()),
        Just("-0".to_string()),
        Just("0".to_string()),
        Just("0.5".to_string()),
        Just("4294967295".to_string()),
        Just("4294967296".to_string()),
        Just("18446744073709551615".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("abc".to_string()),
        Just(String::new()),
        Just("Wed, 21 Oct 2015 07:28:00 GMT".to_string()),
        Just("Fri, 31 Dec 9999 23:59:59 GMT".to_string()),
        Just("4294967295/4294967295".to_string()),
        Just("0/0".to_string()),
        Just("40/abc".to_string()),
        Just("-1/40".to_string()),
        (0u64..u64::MAX).prop_map(|n| n.to_string()),
        (-1e12f64..1e12).prop_map(|f| f.to_string()),
    ]
}

const HEADERS: &[(Vendor, &str, &[&str])] = &[
    (Vendor::Gorgias, "/api/account", &["retry-after", "x-gorgias-account-api-call-limit"]),
    (Vendor::Intercom, "/me", &["retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]),
    (
        Vendor::Hubspot,
        "/oauth/v2/private-apps/get/access-token-info",
        &[
            "retry-after",
            "x-hubspot-ratelimit-max",
            "x-hubspot-ratelimit-remaining",
            "x-hubspot-ratelimit-interval-milliseconds",
            "x-hubspot-ratelimit-daily",
            "x-hubspot-ratelimit-daily-remaining",
        ],
    ),
    (Vendor::Opencx, "/chat/sessions", &["retry-after"]),
];

/// Runs a command to its end and returns its exit code, stdout, stderr and peak RSS in KB.
/// The peak is the child's own `VmHWM`, read from /proc while it runs (`ru_maxrss` would count
/// the pages it shared with this large test process before exec). An address-space limit of
/// 2 GB keeps a runaway allocation from taking the machine with it.
#[cfg(target_os = "linux")]
fn run_measured(mut cmd: std::process::Command) -> (Option<i32>, String, String, i64) {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: 2 << 30, rlim_max: 2 << 30 };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            Ok(())
        });
    }
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0i64;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
                    let hwm = status
                        .lines()
                        .find_map(|l| l.strip_prefix("VmHWM:"))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok());
                    peak = peak.max(hwm.unwrap_or(0));
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            peak
        })
    };
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let mut stdout = String::new();
    let _ = out.read_to_string(&mut stdout);
    let stderr = reader.join().unwrap();
    let status = child.wait().unwrap();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    (status.code(), stdout, stderr, watcher.join().unwrap())
}

#[cfg(target_os = "linux")]
#[test]
fn hostile_rate_limit_headers_never_panic_never_balloon_and_never_outlast_the_timeout() {
    // 48 cases: a vendor, a status (429 or 200), and a hostile value in every one of its headers.
    let env = Env::new();
    let mut runner = TestRunner::new(Config { cases: 48, failure_persistence: None, ..Config::default() });
    let peak = std::cell::Cell::new(0i64);
    let strategy = (0usize..HEADERS.len(), prop::bool::ANY, prop::collection::vec(header_value(), 6), 1usize..3);
    runner
        .run(&strategy, |(vendor, limited, values, times)| {
            let (integration, path, names) = HEADERS[vendor];
            let headers: Vec<(String, String)> =
                names.iter().zip(values.iter()).map(|(n, v)| (n.to_string(), v.clone())).collect();
            let (status, body) = if limited {
                (429, r#"{"error": "Too Many Requests", "message": "slow down"}"#.to_string())
            } else {
                (503, r#"{"error": "busy"}"#.to_string())
            };
            let sb = sandbox(Spec::healthy().fault_times(
                integration,
                path,
                FaultKind::Custom { status, headers: headers.clone(), body },
                times,
            ));
            let command = match integration {
                Vendor::Opencx => "gorgias",
                other => other.slug(),
            };
            let mut cmd = env.std_doctor_for(&sb);
            cmd.args(["-v", "--timeout", "4", command, "--format", "json"]);
            let started = Instant::now();
            let (code, out, err, rss_kb) = run_measured(cmd);
            let took = started.elapsed();
            prop_assert!(matches!(code, Some(0 | 1 | 3)), "{headers:?}: exit {code:?}\n{err}");
            prop_assert!(!err.contains("panicked"), "{headers:?}: {err}");
            prop_assert!(took < Duration::from_secs(8), "{headers:?}: took {took:?}");
            prop_assert!(rss_kb < 64 * 1024, "{headers:?}: peak RSS {} MB", rss_kb / 1024);
            peak.set(peak.get().max(rss_kb));
            let _: serde_json::Value =
                serde_json::from_str(&out).map_err(|e| TestCaseError::fail(format!("{headers:?}: not JSON ({e})")))?;
            Ok(())
        })
        .unwrap();
    println!("hostile headers: 48 cases; the largest peak RSS of a doctor run was {} MB", peak.get() / 1024);
}
