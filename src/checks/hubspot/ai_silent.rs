//! Symptom `ai-silent` (the AI stopped replying on a thread): the thread's owner must be the
//! Default User ID, which must be a real user, and the token must be able to look owners up.

use std::sync::Arc;

use super::scopes::add_scope_fix;
use super::{ai_user, thread};
use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::symptom::HubspotSymptom;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/hubspot/troubleshooting");

check! {
    pub static THREAD {
        symptom: HubspotSymptom::AiSilent,
        cause: "thread",
        title: "The thread exists",
        looks_at: "GET /conversations/v3/conversations/threads/{id}: 404 means no such thread for this token's portal.",
        fix:
            "HubSpot: Conversations → Inbox → the conversation: the thread id is the number at the end of the URL. Check it and that the token \
              belongs to the same portal.",
        docs: None,
        needs_target: true,
        requires: [super::credentials::TOKEN_VALID],
        reads: [HubspotThread],
        run: exists,
    }
}

async fn exists(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = super::thread_id(&cx)?;
    match cx.facts.hubspot()?.thread(id).await {
        Ok(t) => Ok(Outcome::pass(format!(
            "thread {id}: {}, owner {}",
            t.status.as_deref().unwrap_or("status unknown"),
            t.assigned_to.as_deref().unwrap_or("none")
        ))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("HubSpot has no thread {id} ({e})"))),
        Err(e) if e.is_status(403) => Ok(Outcome::fail(format!("the token may not read conversations ({e})"))
            .with_fix(super::scopes::add_scope_fix("conversations.read"))),
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static USER_ID_FORM {
        symptom: HubspotSymptom::AiSilent,
        cause: "user-id-form",
        title: "The Default User ID is the numeric user id",
        looks_at: "The configured Default User ID: a HubSpot user id (digits) or the Conversations actor form A-<user id>. \
                   Threads name their owner as A-<user id>; the owners API wants the bare number with idProperty=userId.",
        fix: "Enter the numeric user id (without 'A-') as the Default User ID in OpenCX: Settings → Integrations → HubSpot, and \
              in the profile (DOCTOR_HUBSPOT_AI_USER_ID). HubSpot: Settings → Users & Teams → the AI user: the id is in the URL.",
        docs: DOCS,
        needs_target: false,
        requires: [],
        reads: [],
        run: user_id_form,
    }
}

async fn user_id_form(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, actor_form) = ai_user(&cx)?;
    Ok(if actor_form {
        Outcome::warn(format!(
            "the Default User ID is in the actor form A-{digits}; owner lookups need the numeric user id {digits} (an A- id in /crm/owners/… is not a valid owner id)"
        ))
    } else {
        Outcome::pass(format!("numeric user id {digits} (threads owned by it show assignedTo A-{digits})"))
    })
}

check! {
    pub static OWNER_LOOKUP {
        symptom: HubspotSymptom::AiSilent,
        cause: "owner-lookup",
        title: "The token can look up the AI user as an owner",
        looks_at: "GET /crm/v3/owners/{user id}?idProperty=userId — the lookup OpenCX makes for each message. 403 \
                   MISSING_SCOPES means the app lacks crm.objects.owners.read.",
        fix: "In HubSpot: Settings → Integrations → Private Apps → Legacy Apps → your OpenCX app → Scopes: enable \
              crm.objects.owners.read → Commit changes; then in OpenCX: Settings → Integrations → HubSpot → Save.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::TOKEN_VALID],
        reads: [HubspotAiOwner],
        run: owner_lookup,
    }
}

async fn owner_lookup(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, _) = ai_user(&cx)?;
    match cx.facts.hubspot()?.owner(&digits, true).await {
        Ok(_) => Ok(Outcome::pass("the owner lookup works")),
        Err(e) if e.is_not_found() => Ok(Outcome::pass("the owner lookup answers (the id itself is checked next)")),
        Err(e) if e.is_status(403) && names_missing_scope(&e) => Ok(Outcome::fail(format!(
            "the owner lookup is refused for a missing scope: emails reach HubSpot but no OpenCX session is created ({e})"
        ))
        .with_fix(add_scope_fix("crm.objects.owners.read"))),
        // A 403 for another reason (a locked portal, a policy) is not cured by a scope.
        Err(e) if e.is_status(403) => Ok(Outcome::error(format!(
            "the owner lookup is refused, and HubSpot's answer does not name a missing scope ({e})"
        ))
        .with_fix(
            "Read the category and message above: HubSpot refused for a reason other than a scope. Report it to HubSpot \
             support with the correlation id if it is not clear.",
        )),
        Err(e) => Err(e.into()),
    }
}

/// Does a HubSpot 403 say a scope is missing (`category: MISSING_SCOPES`, or scopes named)?
pub fn names_missing_scope(e: &crate::http::ApiError) -> bool {
    e.vendor_error().is_some_and(|v| v.code.as_deref() == Some("MISSING_SCOPES") || !v.scopes.is_empty())
}

check! {
    pub static AI_USER {
        symptom: HubspotSymptom::AiSilent,
        cause: "ai-user",
        title: "The Default User ID is a HubSpot user",
        looks_at: "GET /crm/v3/owners/{id}?idProperty=userId, and if that is 404 the same id as an owner id: owner ids and \
                   user ids are different numbers.",
        fix: "In HubSpot: Settings → Users & Teams → the AI user → copy the user id from the URL; enter it as the Default User \
              ID in OpenCX (Settings → Integrations → HubSpot) and in DOCTOR_HUBSPOT_AI_USER_ID.",
        docs: DOCS,
        needs_target: false,
        requires: [OWNER_LOOKUP],
        reads: [HubspotAiOwner],
        run: ai_user_check,
    }
}

async fn ai_user_check(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, _) = ai_user(&cx)?;
    let hubspot = cx.facts.hubspot()?;
    match hubspot.owner(&digits, true).await {
        Ok(o) => Ok(Outcome::pass(format!(
            "user {digits}: {} {} <{}>",
            o.first_name.as_deref().unwrap_or(""),
            o.last_name.as_deref().unwrap_or(""),
            o.email.as_deref().unwrap_or("no email")
        ))),
        Err(e) if e.is_not_found() => match hubspot.owner(&digits, false).await {
            Ok(o) => Ok(Outcome::fail(format!(
                "{digits} is an owner id, not a user id: the user id of that owner is {}",
                o.user_id.map(|u| u.to_string()).unwrap_or_else(|| "unknown".into())
            ))),
            Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("HubSpot has no user or owner {digits}"))),
            Err(e) => Err(e.into()),
        },
        Err(e) => Err(e.into()),
    }
}

check! {
    pub static ASSIGNED {
        symptom: HubspotSymptom::AiSilent,
        cause: "assigned",
        title: "The thread is assigned to the AI user",
        looks_at: "`assignedTo` of the thread (A-<user id>) against the Default User ID. OpenCX stops replying when someone \
                   else owns the conversation.",
        fix: "In HubSpot: open the conversation → Assigned to: the AI user (the Default User ID). To let the AI keep drafting \
              while reps own conversations, turn on Assist Mode in OpenCX (Settings → Integrations → HubSpot).",
        docs: DOCS,
        needs_target: true,
        requires: [THREAD],
        reads: [HubspotThread],
        run: assigned,
    }
}

async fn assigned(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let (digits, _) = ai_user(&cx)?;
    let t = thread(&cx).await?;
    let expected = format!("A-{digits}");
    Ok(match t.assigned_to.as_deref() {
        Some(owner) if owner == expected => Outcome::pass(format!("assigned to the AI user ({owner})")),
        Some(owner) => Outcome::fail(format!("the thread is assigned to {owner}, not to the AI user {expected}")),
        None => {
            Outcome::fail(format!("the thread is unassigned: OpenCX replies only when the AI user {expected} owns it"))
        }
    })
}
