//! Hostile and malformed input: API strings with terminal escapes, control characters and bidi
//! overrides are neutralised in human output and kept (escaped) in JSON; invalid ids and
//! settings are refused with exit 2; arbitrary JSON never panics a response parser.

use proptest::prelude::*;
use serde_json::Value;

use crate::common::{stderr, stdout, Env};
use opencx_doctor::vendors::{gorgias, hubspot, intercom, opencx};

const HOSTILE: &str = "AI\u{1b}]0;pwned\u{7}\u{1b}[31m Agent\u{202e}gnp.exe\u{200b}\r\nFAKE: all good";

#[test]
fn hostile_api_strings_are_neutralised_for_terminals_and_kept_in_json() {
    let env = Env::new();
    for format in ["human", "markdown"] {
        for integration in ["gorgias", "intercom", "hubspot"] {
            let out = env
                .doctor()
                .args([
                    "--color",
                    "never",
                    "-v",
                    "demo",
                    integration,
                    "--scenario",
                    "hostile-strings",
                    "--format",
                    format,
                ])
                .output()
                .unwrap();
            let text = stdout(&out);
            assert!(
                text.contains("pwned"),
                "{integration}/{format}: the hostile string is shown (neutralised):\n{text}"
            );
            for forbidden in ['\u{1b}', '\u{7}', '\u{202e}', '\u{200b}', '\r'] {
                assert!(!text.contains(forbidden), "{integration}/{format}: {forbidden:?} reached the output");
            }
            assert!(!text.lines().any(|l| l.starts_with("FAKE")), "an injected newline cannot forge a line");
        }
    }
    let out =
        env.doctor().args(["demo", "gorgias", "--scenario", "hostile-strings", "--format", "json"]).output().unwrap();
    let raw = stdout(&out);
    assert!(!raw.contains('\u{1b}') && !raw.contains('\u{202e}'), "JSON escapes them");
    assert!(raw.contains("\\u001b") && raw.contains("\\u202e"));
    let report: Value = serde_json::from_str(&raw).unwrap();
    let user = report["checks"].as_array().unwrap().iter().find(|c| c["id"] == "gorgias.ai-silent.ai-user").unwrap();
    assert!(user["detail"].as_str().unwrap().contains(HOSTILE), "the JSON keeps the string intact");
}

#[test]
fn invalid_ids_on_the_command_line_are_refused_with_exit_2() {
    let env = Env::new();
    for args in [
        vec!["hubspot", "--thread", "abc"],
        vec!["hubspot", "--thread", "-1"],
        vec!["intercom", "--conversation", "99999999999999999999999"],
        vec!["session", "../../etc/passwd"],
        vec!["session", "id with spaces"],
        vec!["explain", "no.such.check"],
    ] {
        let out = env.doctor().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![Just("id"), Just("data"), Just("items"), Just("results"), Just("error"), Just("errors")]
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("id".to_string()),
            Just("data".to_string()),
            Just("items".to_string()),
            Just("next".to_string()),
            Just("results".to_string()),
            Just("messages".to_string()),
            Just("error".to_string()),
            Just("errors".to_string()),
            Just("context".to_string()),
            Just("meta".to_string()),
            Just("http".to_string()),
            Just("triggers".to_string()),
            Just("ticketing_system".to_string()),
            Just("conversation_parts".to_string()),
            "[a-z_]{1,10}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn parse_all(value: &Value) {
    let text = value.to_string();
    macro_rules! parse {
        ($($t:ty),* $(,)?) => {$(
            let _ = serde_json::from_value::<$t>(value.clone());
            let _ = serde_json::from_str::<$t>(&text);
        )*};
    }
    parse!(
        gorgias::Account,
        gorgias::User,
        gorgias::Ticket,
        gorgias::HttpIntegration,
        gorgias::Team,
        gorgias::Rule,
        gorgias::ListPage<gorgias::HttpIntegration>,
        gorgias::ListPage<gorgias::Ticket>,
        intercom::Me,
        intercom::Conversation,
        intercom::Admin,
        intercom::ConversationPage,
        intercom::DataAttributeList,
        intercom::CompanyList,
        hubspot::TokenInfo,
        hubspot::Thread,
        hubspot::Results<hubspot::ThreadMessage>,
        hubspot::Owner,
        hubspot::CrmObject,
        hubspot::Results<hubspot::Subscription>,
        hubspot::WebhookSettings,
        opencx::Page<opencx::Session>,
        opencx::Session,
        opencx::Page<opencx::HistoryItem>,
        opencx::SearchResult,
        opencx::Page<opencx::HandoffEvent>,
    );
    for api in [&gorgias::API, &intercom::API, &hubspot::API, &opencx::API] {
        let _ = (api.parse_error)(value);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_json_never_panics_a_response_parser(value in arbitrary_json()) {
        parse_all(&value);
    }

    #[test]
    fn arbitrary_bytes_never_panic_a_response_parser(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = serde_json::from_slice::<opencx::Page<opencx::Session>>(&bytes);
        let _ = serde_json::from_slice::<gorgias::ListPage<gorgias::Ticket>>(&bytes);
        let _ = serde_json::from_slice::<hubspot::Results<hubspot::Thread>>(&bytes);
        let _ = serde_json::from_slice::<intercom::Conversation>(&bytes);
    }
}
