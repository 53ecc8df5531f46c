//! "Did you mean …?" for names typed by hand (check ids, settings, scenarios), with strsim's
//! Jaro-Winkler similarity, as cargo and clap do.

/// The candidate closest to `typed`, if it is close enough to be a typo of it.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(typed, c), c))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `; did you mean X?` or nothing.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(typed, candidates).map(|c| format!("; did you mean {c}?")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_its_name_and_nonsense_finds_none() {
        let ids = ["gorgias.webhook.trigger", "gorgias.webhook.active", "intercom.credentials.token"];
        assert_eq!(closest("gorgias.webhok.trigger", ids), Some("gorgias.webhook.trigger"));
        assert_eq!(closest("zzz", ids), None);
        assert_eq!(did_you_mean("gorgias.webhook.activ", ids), "; did you mean gorgias.webhook.active?");
    }
}
