//! Chooses the checks of a run: the integration's checks (one symptom, or all), the OpenCX
//! checks that join every helpdesk run, `--only` and `--skip`, and the prerequisites of what
//! was chosen. The order is the catalogue's, where prerequisites come first.

use super::Check;
use crate::integration::Integration;
use crate::symptom::Symptom;

pub struct Selection<'a> {
    pub integration: Integration,
    pub symptom: Option<Symptom>,
    /// The helpdesk's credentials check: OpenCX checks that read the helpdesk object need it.
    pub gate: Option<&'static Check>,
    pub only: &'a [String],
    pub skip: &'a [String],
}

/// Whether an `--only`/`--skip` pattern names the check: its id, or a prefix of whole parts
/// (`gorgias.webhook` names every webhook check).
fn names(pattern: &str, id: &str) -> bool {
    id == pattern || id.strip_prefix(pattern).is_some_and(|rest| rest.starts_with('.'))
}

pub fn select(catalogue: &[&'static Check], selection: &Selection) -> Result<Vec<&'static Check>, String> {
    for pattern in selection.only.iter().chain(selection.skip) {
        if !catalogue.iter().any(|c| names(pattern, c.id)) {
            let mut names: Vec<String> = catalogue.iter().map(|c| c.id.to_string()).collect();
            names.extend(catalogue.iter().map(|c| format!("{}.{}", c.integration(), c.symptom.slug)));
            let hint = crate::suggest::did_you_mean(pattern, names.iter().map(String::as_str));
            return Err(format!("unknown check id '{pattern}'{hint} (run `doctor checks` for the list)"));
        }
    }
    let in_scope = |c: &Check| {
        (c.integration() == selection.integration && selection.symptom.is_none_or(|s| c.symptom == s))
            || (c.integration() == Integration::Opencx && selection.integration != Integration::Opencx)
    };
    let skipped = |c: &Check| selection.skip.iter().any(|p| names(p, c.id));
    let mut chosen: Vec<&'static Check> = catalogue
        .iter()
        .copied()
        .filter(|c| in_scope(c) && !skipped(c))
        .filter(|c| selection.only.is_empty() || selection.only.iter().any(|p| names(p, c.id)))
        .collect();
    // Prerequisites, transitively, unless skipped on purpose; OpenCX checks that read the
    // helpdesk object need the helpdesk's credentials check too.
    loop {
        let missing: Vec<&'static Check> = chosen
            .iter()
            .flat_map(|c| prerequisites(c, selection.gate))
            .filter(|p| !chosen.contains(p))
            .filter(|c| !skipped(c))
            .collect();
        if missing.is_empty() {
            break;
        }
        chosen.extend(missing);
    }
    let order = |c: &&Check| catalogue.iter().position(|x| x.id == c.id);
    chosen.sort_by_key(order);
    chosen.dedup_by_key(|c| c.id);
    Ok(chosen)
}

/// A check's prerequisites: its declared ones, and for an OpenCX check that reads the helpdesk
/// object, the helpdesk's credentials check (`gate`).
pub fn prerequisites(check: &'static Check, gate: Option<&'static Check>) -> impl Iterator<Item = &'static Check> {
    let extra = (check.integration() == Integration::Opencx && check.needs_target).then_some(gate).flatten();
    check.requires.iter().copied().chain(extra)
}
