//! The HTTP layer as a user meets it: the -v trace without secrets, 429 retried, HTML instead of
//! JSON explained, the deadline kept, and the read-only guard.

use std::time::{Duration, Instant};

use base64::Engine;

use crate::common::{check, json, sandbox, stderr, stdout, Env};
use opencx_doctor::http::{Auth, ErrorKind, Http, HttpOptions, VendorClient};
use opencx_doctor::settings::Secret;
use opencx_sandbox::Vendor;
use opencx_sandbox::{world, FaultKind, Logged, Spec};

#[test]
fn verbose_traces_each_request_and_never_prints_a_secret() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy());
    for command in [["gorgias"], ["intercom"], ["hubspot"]] {
        let out = env.doctor_for(&sb).arg("-vv").args(command).output().unwrap();
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(stderr(&out).contains(" -> 200 in "), "trace lines on stderr:\n{}", stderr(&out));
        let basic = base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            world::GORGIAS_EMAIL,
            world::GORGIAS_KEY
        ));
        for secret in [
            world::GORGIAS_KEY,
            world::INTERCOM_TOKEN,
            world::HUBSPOT_TOKEN,
            world::OPENCX_KEY,
            world::HUBSPOT_DEVELOPER_KEY,
            &basic,
            "whk7f3a91c2d8e4b6a05f1",
        ] {
            assert!(!all.contains(secret), "{secret} leaked in {command:?}:\n{all}");
        }
    }
}

#[test]
fn a_429_with_retry_after_is_waited_out_and_retried() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault_times(
        Vendor::Gorgias,
        "/api/account",
        FaultKind::RateLimited { retry_after_secs: 1 },
        1,
    ));
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let statuses: Vec<u16> = sb.requests().iter().filter(|r| r.path == "/api/account").map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200]);
}

#[test]
fn a_429_that_asks_for_more_than_the_deadline_is_an_error_not_a_hang() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault(
        Vendor::Gorgias,
        "/api/account",
        FaultKind::RateLimited { retry_after_secs: 120 },
    ));
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json", "--timeout", "5"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report = json(&out);
    let detail = check(&report, "gorgias.credentials.domain")["detail"].as_str().unwrap().to_string();
    assert!(detail.contains("429") && detail.contains("120s"), "{detail}");
}

#[test]
fn an_html_page_instead_of_json_is_named_as_such() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault(Vendor::Hubspot, "/oauth", FaultKind::Html(502)));
    let out = env.doctor_for(&sb).args(["hubspot", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report = json(&out);
    let detail = check(&report, "hubspot.credentials.token-valid")["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("HubSpot POST /oauth/v2/private-apps/get/access-token-info")
            && detail.contains("text/html")
            && detail.contains("502"),
        "{detail}"
    );
    let requests = sb.requests().iter().filter(|r| r.path.starts_with("/oauth")).count();
    assert_eq!(requests, 3, "502 is retried twice with backoff");
}

#[test]
fn the_timeout_deadline_is_honoured_when_a_vendor_never_answers() {
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault(Vendor::Gorgias, "/api/account", FaultKind::Hang));
    let started = Instant::now();
    let out = env.doctor_for(&sb).args(["gorgias", "--format", "json", "--timeout", "2"]).output().unwrap();
    let elapsed = started.elapsed();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    // Generous margin for process start-up on a loaded machine; the point is "not 15 s, not forever".
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
    let report = json(&out);
    assert_eq!(check(&report, "gorgias.credentials.domain")["status"], "error");
    assert_eq!(check(&report, "opencx.credentials.api-key")["status"], "pass");
}

#[tokio::test]
async fn the_read_only_guard_refuses_writes_before_sending() {
    let sb = tokio::task::spawn_blocking(|| sandbox(Spec::healthy())).await.unwrap();
    let http = Http::new(HttpOptions {
        jobs: 2,
        deadline: tokio::time::Instant::now() + Duration::from_secs(10),
        request_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(2),
        trace: false,
        trace_headers: false,
        activity: None,
        tuning: Default::default(),
        recorder: None,
        replay: None,
    });
    let client = VendorClient::new(
        http,
        &opencx_doctor::vendors::opencx::API,
        url::Url::parse(&sb.opencx_url).unwrap(),
        Auth::Bearer(Secret::new(world::OPENCX_KEY)),
    );
    for method in [reqwest::Method::PUT, reqwest::Method::POST, reqwest::Method::DELETE, reqwest::Method::PATCH] {
        let err = client.send(method.clone(), "/chat/sessions/abc", &[], None).await.err().expect("refused");
        assert!(matches!(err.kind, ErrorKind::Refused { .. }), "{method}: {err}");
    }
    // The listed read-only POST passes the guard (and reaches the sandbox).
    let _ = client.send(reqwest::Method::POST, "/chat/sessions/filter", &[], Some(&serde_json::json!({}))).await;
    let logged = tokio::task::spawn_blocking(move || sb.requests()).await.unwrap();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0].path, "/chat/sessions/filter");
}

/// Runs the doctor on `spec` with a scaled-down rate-limit floor (`knob`), expects a clean run,
/// and returns the requests `vendor` saw.
fn paced_run(spec: Spec, knob: (&str, &str), args: &[&str], vendor: Vendor) -> Vec<Logged> {
    let env = Env::new();
    let sb = sandbox(spec);
    let out = env.doctor_for(&sb).env(knob.0, knob.1).args(args).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    sb.requests().into_iter().filter(|r| r.vendor == vendor).collect()
}

#[test]
fn paced_by_gorgias_rate_limit_headers_a_long_run_gets_no_429() {
    // A bucket scaled down to 10 requests per second, and listings long enough that one run
    // needs more requests than a bucketful: the doctor paces itself from the headers.
    let mut spec = Spec::healthy();
    spec.gorgias_bucket = (10, Duration::from_secs(1));
    for i in 0..900u64 {
        spec.world.gorgias.integrations.push(serde_json::json!({"id": 10_000 + i, "name": "hook", "type": "http",
            "deactivated_datetime": null, "http": {"url": format!("https://hooks.example/{i}"), "triggers": {}}}));
    }
    let gorgias =
        paced_run(spec, ("DOCTOR_GORGIAS_RATE_WINDOW", "1"), &["gorgias", "--ticket", "1042"], Vendor::Gorgias);
    assert!(gorgias.len() > 10, "the run needs more than one bucketful: {}", gorgias.len());
    assert_eq!(gorgias.iter().filter(|r| r.status == 429).count(), 0);
}

#[test]
fn paced_by_hubspot_rolling_limit_a_run_over_one_interval_gets_no_429() {
    // HubSpot's ten-second limit scaled down to 5 requests a second; one run needs about 11, so
    // it spans three intervals. The sandbox opens its interval at the first request after the
    // last one ended (later than the doctor's own first request): the doctor must not assume it
    // knows when the vendor's interval began.
    let mut spec = Spec::healthy();
    spec.hubspot_per_window = (5, Duration::from_secs(1));
    let hubspot =
        paced_run(spec, ("DOCTOR_HUBSPOT_RATE_LIMIT", "5/1"), &["hubspot", "--thread", "8801"], Vendor::Hubspot);
    assert!(hubspot.len() > 10, "the run needs more than two intervals: {}", hubspot.len());
    assert_eq!(hubspot.iter().filter(|r| r.status == 429).count(), 0, "{hubspot:?}");
}

#[test]
fn paced_by_opencx_limit_a_sweep_over_several_intervals_gets_no_429() {
    // OpenCX's 100 a minute scaled down to 3 requests a second, counted by the sandbox as they
    // arrive over a sliding second (the strictest count). OpenCX sends no rate-limit headers: the
    // doctor paces by the limit alone, and a request goes only while fewer than 3 others are
    // unanswered or were answered within the last second. A sweep reads the session listing, the
    // lookups and the histories: many intervals' worth.
    let mut spec = opencx_sandbox::busy(150).spec;
    spec.opencx_per_window = (3, Duration::from_secs(1));
    spec.latency = Duration::from_millis(30);
    let env = Env::new();
    let sb = sandbox(spec);
    let out = env
        .doctor_for(&sb)
        .env("DOCTOR_OPENCX_RATE_LIMIT", "3/1")
        .args(["gorgias", "--since", "24h", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the busy account has affected tickets: {}", stderr(&out));
    let opencx: Vec<_> = sb.requests().into_iter().filter(|r| r.vendor == Vendor::Opencx).collect();
    assert!(opencx.len() > 9, "the sweep needs more than three intervals: {}", opencx.len());
    assert_eq!(opencx.iter().filter(|r| r.status == 429).count(), 0, "{opencx:?}");
}

#[test]
fn hubspot_daily_limit_is_reported_at_once_not_retried() {
    // A daily quota clears at midnight: waiting out a 429 three times would only make the
    // support engineer wait. Each request is sent once and the report says why it failed.
    let env = Env::new();
    let sb = sandbox(Spec::healthy().fault(Vendor::Hubspot, "/", FaultKind::DailyQuota));
    let out = env.doctor_for(&sb).args(["hubspot", "--thread", "8801", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let hubspot: Vec<_> = sb.requests().into_iter().filter(|r| r.vendor == Vendor::Hubspot).collect();
    let mut paths: Vec<_> = hubspot.iter().map(|r| (r.method.clone(), r.path.clone(), r.query.clone())).collect();
    let sent = paths.len();
    paths.sort();
    paths.dedup();
    assert_eq!(sent, paths.len(), "a request was retried: {hubspot:?}");
    let report = json(&out);
    let detail = check(&report, "hubspot.credentials.token-valid")["detail"].as_str().unwrap_or_default().to_string();
    assert!(detail.contains("429") && detail.contains("daily API limit is used up"), "{detail}");
    assert!(!detail.contains("retries allowed"), "{detail}");
}

#[test]
fn double_verbose_adds_the_headers_with_credentials_redacted() {
    let env = crate::common::Env::new();
    let ran = env.run().args(["-vv", "demo", "gorgias", "credentials"]).finish().code(0);
    assert!(ran.stderr.contains("  > authorization: Basic [redacted]"), "{}", ran.stderr);
    assert!(ran.stderr.contains("  < x-gorgias-account-api-call-limit:"), "{}", ran.stderr);
    assert!(!ran.stderr.contains(opencx_sandbox::world::GORGIAS_KEY), "the key never shows");
    let single = env.run().args(["-v", "demo", "gorgias", "credentials"]).finish().code(0);
    assert!(single.stderr.contains("GET ") && !single.stderr.contains("  > "), "-v: request lines only");
}

/// The doctor on a pseudo-terminal (so it draws its progress), hermetic as `Env::doctor`.
#[cfg(unix)]
pub(crate) fn in_a_pty(env: &crate::common::Env, args: &[&str]) -> expectrl::Session {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("doctor"));
    cmd.args(args)
        .env("DOCTOR_CONFIG", env.config_path())
        .env("DOCTOR_KEYRING", "none")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env_remove("CI");
    let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    session
}

/// On a terminal the spinner names the request the run is waiting on, and how long it has.
#[cfg(unix)]
#[test]
fn the_spinner_says_which_request_it_waits_on() {
    let env = crate::common::Env::new();
    let mut session = in_a_pty(&env, &["demo", "gorgias", "credentials", "--latency", "1500"]);
    let seen =
        session.expect(expectrl::Regex("waiting on (Gorgias|OpenCX) GET /[a-z/_0-9]+, [0-9]+ s")).expect("the spinner");
    let text = String::from_utf8_lossy(seen.get(0).unwrap_or_default()).into_owned();
    assert!(text.starts_with("waiting on "), "{text}");
    session.expect(expectrl::Eof).expect("the run ends");
}

/// On a terminal a sweep's bar counts the objects checked of those in the window, and the
/// requests sent.
#[cfg(unix)]
#[test]
fn a_sweeps_progress_bar_counts_objects_and_requests() {
    let env = crate::common::Env::new();
    let mut session = in_a_pty(&env, &["demo", "gorgias", "--since", "24h", "--latency", "300"]);
    let seen = session.expect(expectrl::Regex("[0-9]+/120 objects · [0-9]+ requests")).expect("the bar");
    let text = String::from_utf8_lossy(seen.get(0).unwrap_or_default()).into_owned();
    assert!(text.contains("/120 objects · "), "{text}");
    session.expect(expectrl::Eof).expect("the run ends");
}

/// A Gorgias bucket smaller than the doctor assumes (5, not 40; the window not the assumed
/// 20 s): the vendor's 429 says `Retry-After: 1`, and that is the truth about when to retry — the
/// doctor's own estimate, built on the assumed window, must not turn it into "no room before the
/// deadline". One slot a second is also the least leak rate the answer proves.
#[test]
fn a_429s_retry_after_beats_the_doctors_own_estimate() {
    let spec = Spec::healthy().with(|s| s.gorgias_bucket = (3, Duration::from_millis(2500)));
    let sb = sandbox(spec);
    let env = crate::common::Env::new();
    let ran = env.run().sandbox(&sb).args(["gorgias", "--ticket", "1042", "--format", "json"]).finish();
    let doc = ran.json();
    let errors: Vec<String> = crate::common::checks_of(&doc)
        .into_iter()
        .filter(|c| c["status"] == "error")
        .map(|c| format!("{}: {}", c["id"], c["detail"]))
        .collect();
    assert!(errors.is_empty(), "no check gave up on the rate limit:\n{}", errors.join("\n"));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let limited =
        sb.requests().iter().filter(|r| r.vendor == opencx_sandbox::Vendor::Gorgias && r.status == 429).count();
    assert!(limited >= 1, "the sandbox's small bucket did limit the run (so the test tests something)");
}
