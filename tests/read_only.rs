//! The read-only audit: across every sandbox scenario and every helpdesk command, the sandbox's
//! request log holds only GET and HEAD, and the read-only POSTs interface.md lists. The list is
//! written out here, independently of the doctor's own guard.

use crate::common::{sandbox, Env};
use opencx_sandbox::Vendor;
use opencx_sandbox::{all_scenarios, Logged, Scenario};

fn allowed_post(r: &Logged) -> bool {
    let p = r.path.as_str();
    let crm_object = |suffix: &str| {
        p.strip_prefix("/crm/v3/objects/").and_then(|rest| rest.split_once('/')).is_some_and(|(_, tail)| tail == suffix)
    };
    match r.vendor {
        Vendor::Hubspot => {
            p == "/oauth/v2/private-apps/get/access-token-info"
                || crm_object("search")
                || crm_object("batch/read")
                || p == "/conversations/v3/conversations/actors/batch/read"
        }
        Vendor::Intercom => p == "/conversations/search" || p == "/contacts/search",
        Vendor::Opencx => p == "/chat/sessions/filter",
        Vendor::Gorgias => false,
    }
}

fn commands(scenario: &Scenario) -> Vec<Vec<&'static str>> {
    let gorgias = vec!["gorgias", "--ticket", "1042"];
    let intercom = vec!["intercom", "--conversation", "215"];
    let hubspot = vec!["hubspot", "--thread", "8801"];
    match scenario.integration {
        Some(Vendor::Gorgias) => vec![gorgias],
        Some(Vendor::Intercom) => vec![intercom],
        Some(Vendor::Hubspot) => vec![hubspot],
        _ => vec![gorgias, intercom, hubspot, vec!["all"]],
    }
}

fn audit(scenario: &Scenario) -> Vec<String> {
    let env = Env::new();
    let sb = sandbox((scenario.build)());
    for args in commands(scenario) {
        let _ = env.doctor_for(&sb).args(&args).args(["--format", "json", "--timeout", "8"]).output().unwrap();
    }
    sb.requests()
        .into_iter()
        .filter(|r| !(r.method == "GET" || r.method == "HEAD" || (r.method == "POST" && allowed_post(r))))
        .map(|r| format!("{}: {} {} {} (not read-only)", scenario.name, r.vendor.name(), r.method, r.path))
        .collect()
}

#[test]
fn every_scenario_only_reads() {
    let scenarios: Vec<&'static Scenario> = all_scenarios().collect();
    let chunks: Vec<Vec<&'static Scenario>> =
        scenarios.chunks(scenarios.len().div_ceil(4)).map(<[_]>::to_vec).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| std::thread::spawn(move || chunk.iter().flat_map(|s| audit(s)).collect::<Vec<_>>()))
        .collect();
    let problems: Vec<String> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}
