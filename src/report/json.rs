//! `--format json`: the schema of interface.md (schema_version 1). Invisible and reordering
//! characters inside strings are escaped so a reader of the JSON sees them.

use super::{Document, Renderer};
use crate::sanitize::escape_json_invisibles;

pub struct Json;

impl Renderer for Json {
    fn render(&self, document: &Document) -> String {
        let json = match document {
            Document::One(report) => serde_json::to_string_pretty(report),
            Document::All(all) => serde_json::to_string_pretty(all),
        }
        .expect("the report serialises");
        format!("{}\n", escape_json_invisibles(&json))
    }
}
