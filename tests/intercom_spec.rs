//! The sandbox's Intercom answers validate against Intercom's official OpenAPI file
//! (specs/intercom/, 2.16, MIT): each canned body against the spec's schema for its path and
//! status. A fake that drifts from the real API would make every Intercom test meaningless.

use serde_json::{json, Value};

use crate::common::sandbox;
use opencx_sandbox::{conversations, world, Spec};

fn spec() -> Value {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/intercom/api.intercom.io.2.16.yaml"))
            .expect("the Intercom spec");
    let mut spec: Value = serde_yaml_ng::from_str(&text).expect("the spec parses");
    openapi_to_json_schema(&mut spec);
    spec
}

/// OpenAPI 3.0's `nullable: true` is not JSON Schema: turn it into a union with null.
fn openapi_to_json_schema(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.remove("nullable") == Some(Value::Bool(true)) {
                match map.get("type").cloned() {
                    Some(Value::String(t)) => {
                        map.insert("type".into(), json!([t, "null"]));
                        if let Some(Value::Array(values)) = map.get_mut("enum") {
                            values.push(Value::Null);
                        }
                    }
                    _ => {
                        let inner = Value::Object(std::mem::take(map));
                        map.insert("anyOf".into(), json!([inner, {"type": "null"}]));
                    }
                }
            }
            for v in map.values_mut() {
                openapi_to_json_schema(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(openapi_to_json_schema),
        _ => {}
    }
}

/// A path as a JSON pointer token inside a URI fragment (`/` → `~1`, braces percent-encoded).
fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1").replace('{', "%7B").replace('}', "%7D")
}

/// Validates `body` against the schema the spec gives for `GET path_template` and `status`.
fn validate(spec: &Value, path_template: &str, status: u16, body: &Value) -> Vec<String> {
    let response =
        format!("/paths/{}/get/responses/{status}/content/application~1json/schema", pointer_escape(path_template));
    let lookup = response.replace("%7B", "{").replace("%7D", "}");
    let pointer = if spec.pointer(&lookup).is_some() {
        format!("#{response}")
    } else {
        // The spec lists no body for this status here; errors always use the `error` schema.
        assert!(status >= 400, "the spec has no schema for GET {path_template} {status}");
        "#/components/schemas/error".to_string()
    };
    let mut document = spec.clone();
    document["$ref"] = pointer.into();
    let validator = jsonschema::validator_for(&document).expect("the spec compiles as a schema");
    validator.iter_errors(body).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_canned_intercom_response_validates_against_the_official_spec() {
    let spec = tokio::task::spawn_blocking(spec).await.unwrap();
    let sb = tokio::task::spawn_blocking(|| sandbox(Spec::healthy())).await.unwrap();
    let client = reqwest::Client::new();
    let cases: Vec<(&str, String, &str, u16)> = vec![
        ("/me", "/me".into(), world::INTERCOM_TOKEN, 200),
        ("/me", "/me".into(), "wrong-token", 401),
        ("/conversations", "/conversations?per_page=20".into(), world::INTERCOM_TOKEN, 200),
        (
            "/conversations/{conversation_id}",
            format!("/conversations/{}", conversations::INTERCOM_CONVERSATION),
            world::INTERCOM_TOKEN,
            200,
        ),
        ("/conversations/{conversation_id}", "/conversations/999999".into(), world::INTERCOM_TOKEN, 404),
        ("/admins/{admin_id}", format!("/admins/{}", world::INTERCOM_AI_ADMIN), world::INTERCOM_TOKEN, 200),
        ("/admins/{admin_id}", "/admins/1".into(), world::INTERCOM_TOKEN, 404),
        ("/data_attributes", "/data_attributes?model=conversation".into(), world::INTERCOM_TOKEN, 422),
        (
            "/contacts/{contact_id}/companies",
            format!("/contacts/{}/companies", conversations::INTERCOM_CONTACT),
            world::INTERCOM_TOKEN,
            200,
        ),
        ("/contacts/{contact_id}/companies", "/contacts/nobody/companies".into(), world::INTERCOM_TOKEN, 404),
    ];
    let mut problems = Vec::new();
    for (template, path, token, expected) in cases {
        let response = client
            .get(format!("{}{path}", sb.intercom_url))
            .bearer_auth(token)
            .header("Intercom-Version", "2.16")
            .send()
            .await
            .expect("the sandbox answers");
        assert_eq!(response.status().as_u16(), expected, "GET {path}");
        let body: Value = response.json().await.expect("JSON");
        for error in validate(&spec, template, expected, &body) {
            problems.push(format!("GET {path} ({expected}): {error}"));
        }
    }
    tokio::task::spawn_blocking(move || drop(sb)).await.unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}
