//! `doctor watch`: the sandbox plays a timed script (a customer message after 3 s, a session
//! after 5 s, the AI's reply after 8 s — or two replies, a handoff, nothing) while the real watch
//! polls. Each stage stalling, a duplicate reply, a handoff, no id given, an id given, the other
//! helpdesks, the polling within the vendors' limits, and Ctrl-C.

use std::time::Duration;

use crate::common::{checks_of, Env};
use opencx_sandbox::watch::find_watch_scenario;
use opencx_sandbox::Vendor;

fn stages(doc: &serde_json::Value, helpdesk: &str) -> Vec<String> {
    ["message-received", "session-created", "ai-answered", "single-reply"]
        .iter()
        .map(|stage| {
            let id = format!("{helpdesk}.watch.{stage}");
            checks_of(doc)
                .into_iter()
                .find(|c| c["id"] == id.as_str())
                .map(|c| c["status"].as_str().unwrap().to_string())
                .unwrap_or_else(|| format!("{id} missing"))
        })
        .collect()
}

struct Watched {
    code: Option<i32>,
    doc: serde_json::Value,
    stderr: String,
}

fn demo_watch(helpdesk: &'static str, scenario: &'static str, extra: &'static [&'static str]) -> Watched {
    let env = Env::new();
    let mut args = vec!["demo", "watch", helpdesk, "--scenario", scenario, "--wait", "20s", "--format", "json"];
    args.extend_from_slice(extra);
    let ran = env.run().args(args).finish();
    Watched { code: ran.code, doc: serde_json::from_str(&ran.stdout).unwrap_or_default(), stderr: ran.stderr }
}

/// A helpdesk, a script, extra arguments, the four stages' statuses and the exit code.
type Case = (&'static str, &'static str, &'static [&'static str], [&'static str; 4], i32);

#[test]
fn each_stage_is_followed_and_each_stall_fails_with_its_diagnosis() {
    let cases: Vec<Case> = vec![
        ("gorgias", "watch-healthy", &[], ["pass", "pass", "pass", "pass"], 0),
        ("gorgias", "watch-healthy", &["--ticket", "1050"], ["pass", "pass", "pass", "pass"], 0),
        ("gorgias", "watch-no-message", &[], ["fail", "skip", "skip", "skip"], 1),
        ("gorgias", "watch-no-session", &[], ["pass", "fail", "skip", "skip"], 1),
        ("gorgias", "watch-no-reply", &[], ["pass", "pass", "fail", "skip"], 1),
        ("gorgias", "watch-duplicate-reply", &[], ["pass", "pass", "pass", "fail"], 1),
        ("gorgias", "watch-handoff", &[], ["pass", "pass", "pass", "skip"], 0),
        ("intercom", "watch-healthy", &[], ["pass", "pass", "pass", "pass"], 0),
        ("intercom", "watch-duplicate-reply", &[], ["pass", "pass", "pass", "fail"], 1),
        ("hubspot", "watch-healthy", &[], ["pass", "pass", "pass", "pass"], 0),
        ("hubspot", "watch-no-session", &[], ["pass", "fail", "skip", "skip"], 1),
    ];
    // Four watches at a time: each waits 20 s, mostly idle, and the rest of the suite runs beside.
    let mut results = Vec::new();
    for batch in cases.chunks(4) {
        let handles: Vec<_> = batch
            .iter()
            .map(|&(helpdesk, scenario, extra, expected, code)| {
                std::thread::spawn(move || {
                    (helpdesk, scenario, extra, expected, code, demo_watch(helpdesk, scenario, extra))
                })
            })
            .collect();
        results.extend(handles.into_iter().map(|h| h.join().unwrap()));
    }
    for (helpdesk, scenario, extra, expected, code, w) in results {
        let what = format!("{helpdesk} {scenario} {extra:?}");
        assert_eq!(stages(&w.doc, helpdesk), expected, "{what}: {}\n{}", w.doc, w.stderr);
        assert_eq!(w.code, Some(code), "{what}: {}", w.stderr);
        crate::formats::assert_valid(&w.doc);
        let polls = &w.doc["watch"]["polls"];
        assert!(polls[helpdesk].as_u64().unwrap() >= 2, "{what}: {polls}");
        // Without a terminal: the stage lines, never the instructions.
        assert!(!w.stderr.contains("Send a message as a customer"), "{what}: {}", w.stderr);
        assert!(w.stderr.contains("message-received"), "{what}: {}", w.stderr);
        let check = |stage: &str| {
            checks_of(&w.doc).into_iter().find(|c| c["id"] == format!("{helpdesk}.watch.{stage}").as_str()).unwrap()
        };
        match scenario {
            "watch-no-session" => {
                let stalled = check("session-created");
                assert!(
                    stalled["detail"].as_str().unwrap().contains("OpenCX is not receiving the webhook"),
                    "{stalled}"
                );
                assert!(stalled["fix"].as_str().unwrap().contains(&format!("doctor {helpdesk} webhook")));
                // That symptom's checks ran then, in the same report.
                let webhook = checks_of(&w.doc).into_iter().filter(|c| c["symptom"] == "webhook").count();
                assert!(webhook > 0, "{what}: no webhook check in {}", w.doc);
            }
            "watch-no-reply" => {
                assert!(checks_of(&w.doc).iter().any(|c| c["symptom"] == "ai-silent"), "{what}");
                assert!(polls["opencx"].as_u64().unwrap() >= 1, "{polls}");
            }
            "watch-duplicate-reply" => {
                let twice = check("single-reply");
                let detail = twice["detail"].as_str().unwrap();
                assert!(detail.contains("twice") && detail.contains(" and "), "{twice}");
            }
            "watch-handoff" => {
                assert!(check("ai-answered")["detail"].as_str().unwrap().contains("handed off"), "{}", w.doc);
            }
            "watch-healthy" => {
                assert_eq!(w.doc["watch"]["ended"], "wait", "the last stage waits for a second reply");
                let answered = check("ai-answered");
                assert!(answered["detail"].as_str().unwrap().contains("5 s after the message"), "{answered}");
            }
            _ => {}
        }
    }
}

#[test]
fn a_watch_polls_within_every_vendors_limit_and_causes_no_429() {
    let script = find_watch_scenario("watch-healthy").unwrap();
    let sb = crate::common::sandbox(script.spec(Vendor::Gorgias, 1.0));
    let env = Env::new();
    let ran = env.run().sandbox(&sb).args(["watch", "gorgias", "--wait", "20s", "--format", "json"]).finish().code(0);
    let log = sb.requests();
    assert!(log.iter().all(|r| r.status != 429), "a 429 was answered");
    assert!(log.iter().all(|r| matches!(r.method.as_str(), "GET" | "POST" | "HEAD")), "read-only");
    for (vendor, limit, window) in
        [(Vendor::Gorgias, 40, Duration::from_secs(20)), (Vendor::Opencx, 100, Duration::from_secs(60))]
    {
        let times: Vec<Duration> = log.iter().filter(|r| r.vendor == vendor).map(|r| r.received).collect();
        let worst =
            times.iter().map(|t| times.iter().filter(|u| **u >= *t && **u < *t + window).count()).max().unwrap_or(0);
        assert!(worst <= limit / 2, "{vendor:?}: {worst} requests in {window:?}, more than half its limit of {limit}");
    }
    let polls = ran.json()["watch"]["polls"]["gorgias"].as_u64().unwrap();
    assert!(polls >= 3, "it polled: {polls}");
}

#[test]
fn another_helpdesks_id_or_a_bad_wait_is_a_usage_error() {
    let env = Env::new();
    let ran = env.run().args(["watch", "gorgias", "--thread", "8801"]).finish().code(2);
    assert!(ran.stderr.contains("--thread names a HubSpot object"), "{}", ran.stderr);
    let ran = env.run().args(["watch", "gorgias", "--wait", "3h"]).finish().code(2);
    assert!(ran.stderr.contains("2h"), "{}", ran.stderr);
    env.run().args(["demo", "watch", "gorgias", "--scenario", "watch-nope"]).finish().code(2);
}

/// On a terminal the watch says what to do, draws the live line, and Ctrl-C ends it with the
/// report so far (the stages not reached are `skip`) and exit 130, the terminal restored.
#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_watch_with_the_report_so_far_and_exit_130() {
    let env = Env::new();
    let mut session = crate::http_behaviour::in_a_pty(
        &env,
        &["demo", "watch", "gorgias", "--scenario", "watch-no-session", "--wait", "60s", "--color", "never"],
    );
    session.expect("message-received  after").expect("the first stage is reached");
    std::thread::sleep(Duration::from_millis(500));
    session.send([3u8]).unwrap();
    let seen = session.expect(expectrl::Eof).expect("the watch ends");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(seen.before()),
        String::from_utf8_lossy(seen.get(0).unwrap_or_default())
    );
    assert!(text.contains("not reached before the watch was stopped"), "{text}");
    assert!(text.contains("OpenCX doctor"), "the report is printed: {text}");
    let status = session.get_process().wait().unwrap();
    assert_eq!(status, expectrl::WaitStatus::Exited(session.get_process().pid(), 130));
}
