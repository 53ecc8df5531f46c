//! Symptom `handoff-routing` (handed off, but no human picks the ticket up): after a handoff
//! OpenCX reassigns the ticket to the default user and team; a Gorgias rule must route it on.

use std::sync::Arc;

use regex::Regex;

use crate::check;
use crate::engine::{CheckError, Ctx, Outcome};
use crate::settings::fields;
use crate::symptom::GorgiasSymptom;
use crate::vendors::gorgias::Rule;

const DOCS: Option<&str> = Some("https://docs.open.cx/integrations/gorgias/ticket-flow");

check! {
    pub static TEAM_CONFIGURED {
        symptom: GorgiasSymptom::HandoffRouting,
        cause: "team-configured",
        title: "A default team is configured for handoffs",
        looks_at: "Whether the profile names the default team id set in OpenCX (DOCTOR_GORGIAS_TEAM_ID). Without one, \
                   OpenCX reassigns a handed-off ticket to the default user only, and a rule must route it from there.",
        fix: "Choose the Gorgias team that should receive handoffs (Gorgias: Settings → Teams; its id is in the URL) and set \
              it as the default team in OpenCX's Gorgias settings — the dashboard shows only the user id today, so re-save \
              the settings through OpenCX's API or ask OpenCX support — and in the profile (DOCTOR_GORGIAS_TEAM_ID).",
        docs: Some("https://docs.open.cx/integrations/gorgias/troubleshooting"),
        needs_target: false,
        requires: [],
        reads: [],
        run: team_configured,
    }
}

async fn team_configured(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    Ok(match cx.settings.id(&fields::gorgias::TEAM_ID) {
        Some(id) => Outcome::pass(format!("team {id}")),
        None => Outcome::warn("no default team id is configured: handed-off tickets reach only the default user"),
    })
}

check! {
    pub static TEAM_EXISTS {
        symptom: GorgiasSymptom::HandoffRouting,
        cause: "team-exists",
        title: "The default team exists and has members",
        looks_at: "GET /api/teams/{team id}: 404 means the id is wrong; an empty `members` list means Gorgias's \
                   auto-assignment has nobody to pick.",
        fix: "In Gorgias: Settings → Teams: check the team's id (in its URL) and add the agents who take handoffs as members; \
              then make OpenCX's default team and DOCTOR_GORGIAS_TEAM_ID that id.",
        docs: DOCS,
        needs_target: false,
        requires: [super::credentials::PERMISSION, TEAM_CONFIGURED],
        reads: [GorgiasTeam],
        run: team_exists,
    }
}

async fn team_exists(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let id = cx.id_setting(&fields::gorgias::TEAM_ID)?;
    match cx.facts.gorgias()?.team(id).await {
        Ok(team) if team.members.is_empty() => Ok(Outcome::fail(format!(
            "team {id} '{}' has no members: nobody can be assigned a handed-off ticket",
            team.name.as_deref().unwrap_or("?")
        ))),
        Ok(team) => Ok(Outcome::pass(format!(
            "team {id} '{}' with {} member(s)",
            team.name.as_deref().unwrap_or("?"),
            team.members.len()
        ))),
        Err(e) if e.is_not_found() => Ok(Outcome::fail(format!("Gorgias has no team {id}"))),
        Err(e) => Err(e.into()),
    }
}

/// Recognises the rules that refer to a team: `setTeamAssignee` with its id, or a condition on
/// `assignee_team` with it. Built once per run: an account can hold hundreds of rules.
pub struct TeamMention {
    in_code: Regex,
    in_ast: Regex,
}

impl TeamMention {
    pub fn new(team: u64) -> TeamMention {
        TeamMention {
            in_code: Regex::new(&format!(r"(?is)team\w*[^;]{{0,160}}?\b{team}\b")).expect("a valid pattern"),
            in_ast: Regex::new(&format!(r"[:\[,]\s*{team}\s*[,\]}}]")).expect("a valid pattern"),
        }
    }

    /// Whether the rule's code (or its syntax tree) refers to the team.
    pub fn in_rule(&self, rule: &Rule) -> bool {
        rule.code.as_deref().is_some_and(|c| self.in_code.is_match(c))
            || rule.code_ast.as_ref().is_some_and(|ast| {
                let text = ast.to_string();
                text.contains("eam") && self.in_ast.is_match(&text)
            })
    }
}

check! {
    pub static RULE {
        symptom: GorgiasSymptom::HandoffRouting,
        cause: "rule",
        title: "An active Gorgias rule routes tickets of the handoff team",
        looks_at: "Every rule (GET /api/rules): one that is active (no `deactivated_datetime`) and whose code refers to the \
                   team id — Gorgias's own team routing generates `Action('setTeamAssignee', {assignee_team: ID})`, and \
                   conditions on `ticket.assignee_team` name the id too.",
        fix: "In Gorgias: Settings → Rules → Create rule: When 'Ticket updated' and the ticket is assigned to the handoff team \
              → action 'Assign to team' / 'Auto-assign' (or your routing), then Save and make sure the rule is active.",
        docs: DOCS,
        needs_target: false,
        requires: [TEAM_EXISTS],
        reads: [GorgiasRules],
        run: rule,
    }
}

async fn rule(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let team = cx.id_setting(&fields::gorgias::TEAM_ID)?;
    let listing = cx.facts.gorgias()?.rules().await?;
    let (rules, cut) = &*listing;
    let mention = TeamMention::new(team);
    let naming: Vec<&Rule> = rules.iter().filter(|r| mention.in_rule(r)).collect();
    let active: Vec<&&Rule> = naming.iter().filter(|r| r.deactivated_datetime.is_none()).collect();
    let describe = |r: &Rule| format!("rule {} '{}'", r.id, r.name.as_deref().unwrap_or("unnamed"));
    Ok(match (active.as_slice(), naming.as_slice()) {
        ([first, ..], _) => Outcome::pass(format!("{} routes team {team}", describe(first))),
        ([], [_, ..]) => Outcome::fail(format!(
            "{} refer(s) to team {team} but are deactivated",
            naming.iter().map(|r| describe(r)).collect::<Vec<_>>().join(", ")
        ))
        .with_fix("In Gorgias: Settings → Rules → the rule → activate it (toggle on), then Save."),
        ([], []) => Outcome::fail(format!(
            "none of the {} rule(s){} refers to team {team}: nothing routes a handed-off ticket to an agent",
            rules.len(),
            if *cut { " read" } else { "" }
        )),
    })
}

check! {
    pub static SESSION_HANDOFF {
        symptom: GorgiasSymptom::HandoffRouting,
        cause: "session-handoff",
        title: "The ticket's session shows the handoff (so routing is Gorgias's side)",
        looks_at: "The ticket's OpenCX session: a handoff event means OpenCX did its part and reassigned the ticket; the \
                   routing after that is up to Gorgias's rules.",
        fix: "If the session shows a handoff, fix the Gorgias rule and team above (Gorgias: Settings → Rules, Settings → Teams); if it does not, the AI never handed off — \
              see the session's last events for why.",
        docs: DOCS,
        needs_target: true,
        requires: [super::ai_silent::TICKET, crate::checks::opencx::credentials::API_KEY],
        reads: [SessionEvidence],
        run: session_handoff,
    }
}

async fn session_handoff(cx: Arc<Ctx>) -> Result<Outcome, CheckError> {
    let evidence = match super::ticket_sessions(&cx).await? {
        Ok(evidence) => evidence,
        Err(outcome) => return Ok(outcome),
    };
    let handed: Vec<_> = evidence.sessions.iter().filter(|s| s.is_handed_off()).collect();
    Ok(match (handed.first(), evidence.sessions.is_empty()) {
        (Some(s), _) => Outcome::info(format!(
            "session {} was handed off{}: OpenCX did its part, so the problem is Gorgias's routing",
            s.id,
            s.handed_off_at.as_deref().map(|t| format!(" at {t}")).unwrap_or_default()
        )),
        (None, true) => Outcome::info("no OpenCX session for this ticket, so no handoff happened in OpenCX"),
        (None, false) => {
            Outcome::info("the ticket's session was not handed off: the AI never handed this ticket to a human")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &str) -> Rule {
        Rule { code: Some(code.into()), ..Rule::default() }
    }

    #[test]
    fn team_routing_rules_are_recognised() {
        let team = TeamMention::new(12);
        assert!(team
            .in_rule(&rule("if (eq(message.from_agent, false)) { Action('setTeamAssignee', { assignee_team: 12 }) }")));
        assert!(
            team.in_rule(&rule("if (eq(ticket.assignee_team.id, 12)) { Action('setAssignee', {assignee_user: 5}) }"))
        );
        assert!(!team.in_rule(&rule("Action('setTeamAssignee', { assignee_team: 120 })")));
        assert!(!team.in_rule(&rule("Action('addTags', { tags: 'vip' }) // 12")));
    }
}
