//! Sweeps (`--since`, `--ids`, `--limit`): the per-object checks over every object with customer
//! activity in a window, against the sandbox's busy account whose affected objects are known by
//! construction. A sweep finds every affected object and nothing else, counts what it could not
//! look at (and then cannot pass), and reads in bulk: its request count is bounded by the
//! listings' pages and the objects the listings could not answer.

use std::collections::BTreeSet;

use crate::common::{checks_of, sandbox, Env};
use opencx_sandbox::{busy, Affected, Vendor};

/// The checks that must find each kind of affected object, by construction of the busy account.
fn expected_checks(vendor: Vendor, kind: Affected) -> &'static [&'static str] {
    match (vendor, kind) {
        (Vendor::Gorgias, Affected::Duplicates) => &["gorgias.duplicates.replies"],
        (Vendor::Gorgias, Affected::AfterHandoff) => &["gorgias.after-handoff.ai-after-handoff"],
        (Vendor::Gorgias, Affected::NoSession) => &["opencx.session.found", "gorgias.ai-silent.session"],
        (Vendor::Intercom, Affected::Duplicates) => &["intercom.duplicates.replies"],
        (Vendor::Intercom, Affected::NoSession) => &["opencx.session.found"],
        (Vendor::Hubspot, Affected::NoTicket) => &["hubspot.no-ticket.ticket-linked"],
        (Vendor::Hubspot, Affected::NoSession) => &["opencx.session.found"],
        other => panic!("the busy account has no {other:?}"),
    }
}

/// `(check, object)` for every affected or not-checked object of every sweep block.
fn findings(doc: &serde_json::Value) -> (BTreeSet<(String, String)>, usize) {
    let mut found = BTreeSet::new();
    let mut not_checked = 0;
    for c in checks_of(doc) {
        let Some(sweep) = c.get("sweep") else { continue };
        not_checked += sweep["not_checked"].as_u64().unwrap() as usize;
        for o in sweep["objects"].as_array().unwrap() {
            found.insert((c["id"].as_str().unwrap().to_string(), o["id"].as_str().unwrap().to_string()));
        }
    }
    (found, not_checked)
}

#[test]
fn every_affected_object_is_found_in_each_helpdesk_and_nothing_else() {
    let b = busy(150);
    let sb = sandbox(b.spec);
    let env = Env::new();
    for vendor in [Vendor::Gorgias, Vendor::Intercom, Vendor::Hubspot] {
        let ran = env.run().sandbox(&sb).args([vendor.slug(), "--since", "24h", "--format", "json"]).finish().code(1);
        let doc = ran.json();
        crate::formats::assert_valid(&doc);
        assert_eq!(doc["target"], serde_json::json!({"since": "24h"}));
        let expected: BTreeSet<(String, String)> = b
            .affected
            .iter()
            .filter(|(v, _, _)| *v == vendor)
            .flat_map(|(v, id, kind)| expected_checks(*v, *kind).iter().map(|c| (c.to_string(), id.clone())))
            .collect();
        let (found, not_checked) = findings(&doc);
        assert_eq!(found, expected, "{vendor:?}: found (left) and affected (right) differ");
        assert_eq!(not_checked, 0, "{vendor:?}: every object was looked at");
        for c in checks_of(&doc).iter().filter(|c| c.get("sweep").is_some()) {
            let sweep = &c["sweep"];
            assert_eq!(sweep["scanned"], 150, "{}", c["id"]);
            let affected = sweep["affected"].as_u64().unwrap();
            assert_eq!(affected as usize, sweep["objects"].as_array().unwrap().len());
            match c["status"].as_str().unwrap() {
                "pass" => assert_eq!(affected, 0),
                "fail" | "warn" => assert!(affected > 0, "{} says {} with no object", c["id"], c["status"]),
                _ => {}
            }
            assert!(sweep["since"].as_str().is_some_and(|s| s.ends_with('Z')), "{}", sweep);
        }
    }
}

#[test]
fn a_500_object_sweep_reads_in_bulk_within_the_request_bound() {
    let b = busy(500);
    let sb = sandbox(b.spec);
    let env = Env::new();
    let affected = b.affected.iter().filter(|(v, _, _)| *v == Vendor::Gorgias).count();
    env.run().sandbox(&sb).args(["gorgias", "--since", "24h", "--format", "json"]).finish().code(1);
    let log = sb.requests();
    let count = |vendor: Vendor, pred: &dyn Fn(&str) -> bool| {
        log.iter().filter(|r| r.vendor == vendor && pred(&r.path)).count()
    };
    let ticket_pages = count(Vendor::Gorgias, &|p| p == "/api/tickets");
    let message_pages = count(Vendor::Gorgias, &|p| p == "/api/messages");
    let ticket_reads = count(Vendor::Gorgias, &|p| p.starts_with("/api/tickets/"));
    let session_pages = count(Vendor::Opencx, &|p| p == "/chat/sessions" || p == "/chat/sessions/filter");
    let histories = count(Vendor::Opencx, &|p| p.ends_with("/history"));
    let lookups = count(Vendor::Opencx, &|p| p == "/chat/sessions/search");
    let total = log.len();
    eprintln!(
        "500 tickets: {total} requests = {ticket_pages} ticket pages + {message_pages} message pages + \
         {session_pages} session pages + {histories} histories + {lookups} per-object lookups + the rest; \
         naive: 500 tickets × 4 = 2000"
    );
    assert_eq!(ticket_reads, 0, "every ticket in the window came from the listings");
    assert!(ticket_pages <= 6 && message_pages <= 12, "{ticket_pages} ticket pages, {message_pages} message pages");
    // Only the objects the session listing could not answer look their sessions up one by one
    // (the affected ones without a session: a window search and an email search each).
    assert!(lookups <= 3 * affected, "{lookups} per-object session lookups for {affected} affected tickets");
    // Histories only of the sessions the list shows were handed off.
    assert!(histories <= affected, "{histories} histories for {affected} affected tickets");
    let bound = ticket_pages + message_pages + session_pages + histories + lookups + 8 * affected + 20;
    assert!(total <= bound, "{total} requests, bound {bound}");
    assert!(total < 1000, "{total} requests: not the naive 2000");
}

#[test]
fn a_limit_leaves_objects_not_checked_and_the_checks_cannot_pass() {
    let sb = sandbox(busy(120).spec);
    let env = Env::new();
    let ran = env.run().sandbox(&sb).args(["gorgias", "--since", "24h", "--limit", "50", "--format", "json"]).finish();
    let doc = ran.json();
    crate::formats::assert_valid(&doc);
    for c in checks_of(&doc).iter().filter(|c| c.get("sweep").is_some()) {
        let sweep = &c["sweep"];
        assert_eq!(sweep["scanned"], 50, "{}", c["id"]);
        let cut = sweep["not_checked"].as_u64().unwrap();
        assert!(cut >= 50 || sweep["more_not_checked"] == true, "{}: {sweep}", c["id"]);
        assert_ne!(c["status"], "pass", "{} passed with objects not checked", c["id"]);
        assert!(
            sweep["objects"].as_array().unwrap().iter().any(|o| o["detail"] == "not checked: past --limit 50"),
            "{sweep}"
        );
        assert!(c["fix"].as_str().is_some_and(|f| !f.is_empty()));
    }
    assert!(matches!(ran.code, Some(1 | 3)), "{:?}", ran.code);
    let human =
        env.run().sandbox(&sb).args(["gorgias", "--since", "24h", "--limit", "50", "--color", "never"]).finish();
    assert!(human.stdout.contains("not checked"), "{}", human.stdout);
}

#[test]
fn the_deadline_leaves_objects_not_checked_and_the_run_ends_in_time() {
    // 200 conversations need two of Intercom's 167-request windows (10 s each): a 3 s deadline
    // cannot hold them, however fast the sandbox answers.
    let spec = busy(200).spec.with(|s| s.latency = std::time::Duration::from_millis(50));
    let sb = sandbox(spec);
    let env = Env::new();
    let started = std::time::Instant::now();
    let ran =
        env.run().sandbox(&sb).args(["intercom", "--since", "24h", "--timeout", "3", "--format", "json"]).finish();
    let took = started.elapsed();
    let doc = ran.json();
    let cut: Vec<_> = checks_of(&doc)
        .into_iter()
        .filter(|c| c.get("sweep").is_some_and(|s| s["not_checked"].as_u64().unwrap() > 0))
        .collect();
    assert!(!cut.is_empty(), "the deadline cut nothing:\n{doc:#}");
    for c in &cut {
        assert_ne!(c["status"], "pass", "{}", c["id"]);
    }
    assert!(matches!(ran.code, Some(1 | 3)), "{:?}", ran.code);
    assert!(took < std::time::Duration::from_secs(20), "the run took {took:?} with --timeout 3");
}

#[test]
fn an_ids_list_from_a_file_or_stdin_sweeps_those_objects() {
    let b = busy(120);
    let duplicate = b
        .affected
        .iter()
        .find(|(v, _, k)| *v == Vendor::Gorgias && *k == Affected::Duplicates)
        .map(|(_, id, _)| id.clone())
        .unwrap();
    let sb = sandbox(b.spec);
    let env = Env::new();
    let path = env.dir.path().join("tickets.txt");
    std::fs::write(
        &path,
        format!("# from the incident\n200000\n\nhttps://acme.gorgias.com/app/ticket/{duplicate}\n200001\n200000\n"),
    )
    .unwrap();
    let file = path.display().to_string();
    let ran =
        env.run().sandbox(&sb).args(["gorgias", "duplicates", "--ids", &file, "--format", "json"]).finish().code(1);
    let doc = ran.json();
    crate::formats::assert_valid(&doc);
    assert_eq!(doc["target"], serde_json::json!({"ids": 3}));
    let c = &ran.checks("gorgias.duplicates.replies")[0];
    assert_eq!(c["sweep"]["scanned"], 3);
    assert_eq!(c["sweep"]["objects"][0]["id"], duplicate.as_str());
    assert!(c["sweep"].get("since").is_none());
    let out = env
        .doctor_for(&sb)
        .args(["gorgias", "duplicates", "--ids", "-", "--format", "json"])
        .write_stdin("200000\n200001\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&path, "200000\nnot-a-ticket\n").unwrap();
    let bad = env.run().sandbox(&sb).args(["gorgias", "--ids", &file]).finish().code(2);
    assert!(bad.stderr.contains("line 2"), "{}", bad.stderr);
}

#[test]
fn sweep_flags_that_cannot_work_are_usage_errors() {
    let env = Env::new();
    for (args, says) in [
        (&["gorgias", "--since", "31d"][..], "longer than 30 days"),
        (&["gorgias", "--since", "soon"][..], "not a duration"),
        (&["gorgias", "--since", "24h", "--ticket", "1042"][..], "cannot be used with"),
        (&["gorgias", "--limit", "10"][..], "--limit caps a sweep"),
        (&["intercom", "--since", "1h", "--ids", "x.txt"][..], "cannot be used with"),
    ] {
        let ran = env.run().args(args).finish().code(2);
        assert!(ran.stderr.contains(says), "{args:?}: {}", ran.stderr);
    }
}

#[test]
fn accepted_objects_stay_visible_and_only_the_others_count() {
    let b = busy(120);
    let gorgias: Vec<_> = b.affected.iter().filter(|(v, _, _)| *v == Vendor::Gorgias).cloned().collect();
    let sb = sandbox(b.spec);
    let env = Env::new();
    let id_of =
        |k: Affected| gorgias.iter().filter(|(_, _, a)| *a == k).map(|(_, id, _)| id.clone()).collect::<Vec<_>>();
    let duplicates = id_of(Affected::Duplicates);
    let handoff = id_of(Affected::AfterHandoff);
    assert!(duplicates.len() >= 2);
    let mut toml = String::new();
    for id in duplicates.iter().skip(1) {
        toml.push_str(&format!(
            "[[accept]]\ncheck = \"gorgias.duplicates.replies\"\nobject = \"{id}\"\nreason = \"retry storm\"\nexpires = 2999-01-01\n\n"
        ));
    }
    let path = env.dir.path().join("accept.toml");
    std::fs::write(&path, &toml).unwrap();
    let file = path.display().to_string();
    let args = ["gorgias", "duplicates", "--since", "24h", "--accept", &file, "--format", "json"];
    // One duplicate is not accepted: the check still counts.
    let ran = env.run().sandbox(&sb).args(args).finish().code(1);
    let c = &ran.checks("gorgias.duplicates.replies")[0];
    let objects = c["sweep"]["objects"].as_array().unwrap();
    assert!(objects.iter().any(|o| o["id"] == duplicates[0].as_str() && o.get("accepted").is_none()));
    assert!(objects.iter().any(|o| o["id"] == duplicates[1].as_str() && o["accepted"]["reason"] == "retry storm"));
    // Every duplicate accepted, and one entry that names a ticket with none: that is stale.
    toml.push_str(&format!(
        "[[accept]]\ncheck = \"gorgias.duplicates.replies\"\nobject = \"{}\"\nreason = \"storm\"\nexpires = 2999-01-01\n\n\
         [[accept]]\ncheck = \"gorgias.duplicates.replies\"\nobject = \"{}\"\nreason = \"not a duplicate\"\nexpires = 2999-01-01\n",
        duplicates[0], handoff[0]
    ));
    std::fs::write(&path, &toml).unwrap();
    let ran = env.run().sandbox(&sb).args(args).finish().code(0);
    let stale = &ran.checks("doctor.accept.stale")[0];
    assert_eq!(stale["status"], "warn");
    assert!(stale["detail"].as_str().unwrap().contains(&handoff[0]), "{stale}");
    assert_eq!(ran.checks("gorgias.duplicates.replies")[0]["status"], "fail", "it keeps its status");
}

#[test]
fn every_format_names_the_objects() {
    let sb = sandbox(busy(120).spec);
    let env = Env::new();
    let base = ["gorgias", "duplicates", "--since", "24h"];
    let human = env.run().sandbox(&sb).args(base).args(["--color", "never"]).finish().code(1);
    assert!(human.stdout.contains("2 of 120 tickets: #200005 ("), "{}", human.stdout);
    assert!(human.stdout.contains("#200116"), "{}", human.stdout);
    let verbose = env.run().sandbox(&sb).args(base).args(["--color", "never", "-v"]).finish().code(1);
    let flat = verbose.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("- #200116 fail: "), "{}", verbose.stdout);
    assert!(flat.contains("· session 5e0c1f4a-0000-4000-8000-000000000116"), "{}", verbose.stdout);
    let junit = env.run().sandbox(&sb).args(base).args(["--format", "junit"]).finish().code(1);
    assert!(junit.stdout.contains("#200116 fail: "), "{}", junit.stdout);
    let markdown = env.run().sandbox(&sb).args(base).args(["--format", "markdown"]).finish().code(1);
    assert!(markdown.stdout.contains(r"| \#200005 | ❌ fail |"), "{}", markdown.stdout);
}

#[test]
fn the_demo_sweeps_the_busy_account() {
    let env = Env::new();
    let ran = env.run().args(["demo", "gorgias", "--since", "24h", "--color", "never"]).finish().code(1);
    assert!(ran.stdout.contains("since 24h"), "{}", ran.stdout);
    assert!(ran.stdout.contains("of 120 tickets"), "{}", ran.stdout);
    let last: Vec<&str> = ran.stdout.lines().rev().take(15).collect();
    assert!(
        last.iter().any(|l| l.contains("What to do") || l.trim_start().starts_with(char::is_numeric)),
        "{}",
        ran.stdout
    );
}

#[test]
fn doctor_all_sweeps_every_helpdesk_and_reads_the_sessions_once() {
    let b = busy(60);
    let sb = sandbox(b.spec);
    let env = Env::new();
    let ran = env.run().sandbox(&sb).args(["all", "--since", "24h", "--format", "json"]).finish().code(1);
    let doc = ran.json();
    crate::formats::assert_valid(&doc);
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 3);
    let (found, not_checked) = findings(&doc);
    assert_eq!(not_checked, 0);
    for (vendor, id, kind) in &b.affected {
        for check in expected_checks(*vendor, *kind) {
            assert!(found.contains(&(check.to_string(), id.clone())), "{check} missed {id}");
        }
    }
    for run in runs {
        assert_eq!(run["target"], serde_json::json!({"since": "24h"}));
        // The account-level OpenCX checks run once, in the first run; every run has its own
        // per-object session checks.
        let ids: Vec<&str> = run["checks"].as_array().unwrap().iter().filter_map(|c| c["id"].as_str()).collect();
        assert!(ids.contains(&"opencx.session.found"), "{ids:?}");
    }
    let account_checks = checks_of(&doc).iter().filter(|c| c["id"] == "opencx.credentials.api-key").count();
    assert_eq!(account_checks, 1);
    // One bulk read of the sessions for the three helpdesks: 60 × 3 sessions in pages of 100.
    let filter_pages = sb.requests().iter().filter(|r| r.path == "/chat/sessions/filter").count();
    let lookups_of_objects_without_one = 3 * b.affected.iter().filter(|(_, _, k)| *k == Affected::NoSession).count();
    assert!(filter_pages <= 2 + lookups_of_objects_without_one, "{filter_pages} filter requests");
}

#[test]
fn rejected_credentials_skip_the_per_object_checks_behind_them_as_a_single_run_does() {
    let env = Env::new();
    let ran = env
        .run()
        .args(["demo", "gorgias", "--scenario", "gorgias-key-revoked", "--since", "24h", "--format", "json"])
        .finish()
        .code(1);
    for id in ["gorgias.ai-silent.ticket", "gorgias.duplicates.replies", "opencx.session.found"] {
        let c = &ran.checks(id)[0];
        assert_eq!(c["status"], "skip", "{c}");
        assert_eq!(c["blocked_by"], "gorgias.credentials.permission", "{c}");
    }
    assert_eq!(ran.json()["summary"]["error"], 0, "a listing refused for the same reason is no second finding");
}
