//! `doctor checks` and `doctor explain`: the catalogue, read from the same declarations the
//! runner uses.

use comfy_table::{presets, Table};
use serde_json::json;

use crate::checks;
use crate::config::Config;
use crate::integration::Integration;
use crate::report::Format;

pub fn list(g: &Config, integration: Option<Integration>) -> anyhow::Result<u8> {
    let all: Vec<_> =
        checks::catalogue().into_iter().filter(|c| integration.is_none_or(|i| c.integration() == i)).collect();
    let text = match g.format {
        Format::Json => {
            let items: Vec<_> = all
                .iter()
                .map(|c| json!({"id": c.id, "integration": c.integration(), "symptom": c.symptom.slug, "title": c.title, "needs_target": c.needs_target, "requires": c.requires.iter().map(|r| r.id).collect::<Vec<_>>(), "docs": c.docs}))
                .collect();
            format!("{}\n", serde_json::to_string_pretty(&items)?)
        }
        _ => {
            let mut table = Table::new();
            table.load_preset(presets::ASCII_MARKDOWN);
            table.set_header(["id", "integration", "symptom", "title"]);
            for c in &all {
                let title = if c.needs_target {
                    format!("{} (needs {})", c.title, c.integration().target_flag().unwrap_or("an id"))
                } else {
                    c.title.to_string()
                };
                table.add_row([c.id, c.integration().slug(), c.symptom.slug, &title]);
            }
            format!("{table}\n{} checks. `doctor explain ID` tells what one looks at and how to fix it.\n", all.len())
        }
    };
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(0)
}

pub fn explain(g: &Config, id: &str) -> anyhow::Result<u8> {
    let Some(check) = checks::find(id) else {
        let near: Vec<&str> = checks::catalogue()
            .into_iter()
            .map(|c| c.id)
            .filter(|c| c.contains(id) || id.contains(c))
            .take(8)
            .collect();
        if near.is_empty() {
            let ids: Vec<&str> = checks::catalogue().into_iter().map(|c| c.id).collect();
            if let Some(close) = crate::suggest::closest(id, ids) {
                anyhow::bail!("no check has the id '{id}'; did you mean {close}?");
            }
            anyhow::bail!("no check has the id '{id}' (run `doctor checks` for the list)");
        }
        anyhow::bail!("no check has the id '{id}'; did you mean: {}?", near.join(", "));
    };
    if g.format == Format::Json {
        let doc = json!({
            "id": check.id,
            "integration": check.integration(),
            "symptom": check.symptom.slug,
            "symptom_label": check.symptom.label,
            "title": check.title,
            "looks_at": check.looks_at,
            "fix": check.fix,
            "docs": check.docs,
            "needs_target": check.needs_target,
            "target_flag": check.needs_target.then(|| check.integration().target_flag()).flatten(),
            "requires": check.requires.iter().map(|r| r.id).collect::<Vec<_>>(),
            "source": format!("{}:{}", check.file, check.line),
        });
        crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&doc)?), g.output.as_deref())?;
        return Ok(0);
    }
    if g.format == Format::Markdown {
        let mut text = format!(
            "## `{}`\n\n**{}** ({} · {} — {})\n\n",
            check.id,
            check.title,
            check.integration().name(),
            check.symptom.slug,
            check.symptom.label
        );
        text.push_str(&format!(
            "**What it looks at.** {}\n\n**How to fix what it finds.** {}\n",
            check.looks_at, check.fix
        ));
        if let Some(docs) = check.docs {
            text.push_str(&format!("\nDocs: <{docs}>\n"));
        }
        crate::output::emit(&text, g.output.as_deref())?;
        return Ok(0);
    }
    let mut text = format!(
        "{id}\n  {title}\n\nIntegration: {integration}\nSymptom:     {slug} — {symptom}\n",
        id = check.id,
        title = check.title,
        integration = check.integration().name(),
        slug = check.symptom.slug,
        symptom = check.symptom.label,
    );
    if check.needs_target {
        text.push_str(&format!("Needs:       {} ID\n", check.integration().target_flag().unwrap_or("an id")));
    }
    if !check.requires.is_empty() {
        text.push_str(&format!(
            "Runs after:  {} (skipped if one of them does not pass)\n",
            check.requires.iter().map(|r| r.id).collect::<Vec<_>>().join(", ")
        ));
    }
    text.push_str(&format!(
        "\nWhat it looks at:\n  {}\n\nHow to fix what it finds:\n  {}\n",
        check.looks_at, check.fix
    ));
    if let Some(docs) = check.docs {
        text.push_str(&format!("\nDocs: {docs}\n"));
    }
    crate::output::emit(&text, g.output.as_deref())?;
    Ok(0)
}
