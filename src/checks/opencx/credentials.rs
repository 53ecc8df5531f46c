//! Is the OpenCX API key valid, and may it read sessions? Every piece of session evidence
//! depends on it.

use std::sync::Arc;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::OpencxSymptom;

check! {
    pub static API_KEY {
        symptom: OpencxSymptom::Credentials,
        cause: "api-key",
        title: "OpenCX API key can read chat sessions",
        looks_at: "GET /chat/sessions?updated_after=<one hour ago> on the OpenCX API: 200 means the key is valid and has \
                   chat-sessions:read; 401 means the key is invalid; 403 means it lacks the scope.",
        fix: "In OpenCX: Settings → Access (https://platform.open.cx/settings/access) → Create API Key, with Full access or at \
              least the chat-sessions:read and handoff-analytics:read scopes; then run `doctor login opencx` or set DOCTOR_OPENCX_API_KEY.",
        docs: Some("https://docs.open.cx/api-reference/authentication"),
        needs_target: false,
        requires: [],
        reads: [OpencxRecentSessions],
        run: api_key,
    }
}

async fn api_key(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let opencx = cx.facts.opencx()?;
    match opencx.recent_sessions(cx.now).await {
        Ok(page) => Ok(Outcome::pass(format!(
            "OpenCX accepted the key; {} session(s) updated in the last hour on the first page{}",
            page.items.len(),
            if page.next.is_some() { " (more pages)" } else { "" }
        ))),
        Err(e) if e.is_status(401) => Ok(Outcome::fail(format!("the OpenCX API key is invalid: {e}"))),
        Err(e) if e.is_status(403) => Ok(Outcome::fail(format!(
            "the OpenCX API key is valid but lacks the scope chat-sessions:read, which listing sessions needs: {e}"
        ))
        .with_fix(
            "In OpenCX: Settings → Access → edit the key (or create a new one) → Custom scopes: add chat-sessions:read \
             (and handoff-analytics:read for handoff reasons), or choose Full access.",
        )),
        Err(e) => Err(e.into()),
    }
}
