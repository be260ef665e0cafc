//! `galley rules` and `galley explain`: the rule catalogue, from the docs
//! each rule carries in its pack.

use std::io::{self, Write};

use serde::Serialize;

use crate::rules::{RuleMeta, Ruleset};

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    category: &'a str,
    kind: &'a str,
    severity: &'a str,
    pack: &'a str,
    summary: Option<&'a str>,
}

fn summary(m: &RuleMeta) -> Option<&str> {
    m.description
        .as_deref()
        .or(m.doc.as_ref().map(|d| d.what.as_str()))
}

pub fn list(ruleset: &Ruleset, json: bool) -> io::Result<()> {
    let rows: Vec<RuleRow<'_>> = ruleset
        .checks()
        .map(|m| RuleRow {
            id: &m.id,
            category: m.category(),
            kind: m.kind,
            severity: m.severity.as_str(),
            pack: &m.pack,
            summary: summary(m),
        })
        .collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        return writeln!(out);
    }
    for r in rows {
        writeln!(
            out,
            "{:<34} {:<8} {}",
            r.id,
            r.severity,
            r.summary.unwrap_or("")
        )?;
    }
    Ok(())
}

pub fn explain(ruleset: &Ruleset, id: &str) -> anyhow::Result<u8> {
    if let Some(note) = crate::rules::ids::deprecation(id) {
        super::say("note", note);
    }
    let id = crate::rules::ids::canonical(id);
    let Some(m) = ruleset.rule(id) else {
        let ids: Vec<&str> = ruleset.checks().map(|m| &*m.id).collect();
        let hint = crate::rules::suggest(id, ids.iter().copied())
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        super::say(
            "error",
            format!("no rule `{id}`{hint}; `galley rules` lists them"),
        );
        return Ok(2);
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "# {}\n", m.id)?;
    writeln!(
        out,
        "Category: {}. Kind: {}. Default severity: {}. Pack: {}.\n",
        m.category(),
        m.kind,
        m.severity,
        m.pack
    )?;
    match &m.doc {
        Some(d) => {
            writeln!(out, "## What it does\n\n{}\n", d.what)?;
            writeln!(
                out,
                "## Why it matters in a translated article\n\n{}\n",
                d.why
            )?;
            writeln!(out, "## Example\n\n    {}\n", d.example)?;
            writeln!(out, "## Look-alikes that stay silent\n\n{}\n", d.silent)?;
            writeln!(out, "## Fix\n\n{}", d.fix)?;
        }
        None => writeln!(
            out,
            "{}",
            m.description
                .as_deref()
                .unwrap_or("This rule has no documentation.")
        )?,
    }
    let editions: Vec<&RuleMeta> = ruleset.editions(id).collect();
    if !editions.is_empty() {
        writeln!(
            out,
            "\n## Language editions\n\nThe same check, with its data for articles in one language; the id, severity key and suppressions are the same.\n"
        )?;
        for e in editions {
            let language = e.language.map_or("any language", crate::lang::Lang::name);
            writeln!(
                out,
                "- {language} (pack {}): {}",
                e.pack,
                summary(e).unwrap_or("")
            )?;
            if let Some(d) = &e.doc {
                writeln!(out, "\n      {}\n", d.example)?;
            }
        }
    }
    writeln!(
        out,
        "\n## Configure\n\nIn galley.toml, change its severity or turn it off, alone or with its whole category:\n\n    [severity]\n    \"{id}\" = \"off\"        # or \"error\", \"warning\", \"info\"\n    \"{cat}\" = \"info\"\n\nFor some paths only, put the same table in an [[override]] with `files` globs.",
        id = m.id,
        cat = m.category()
    )?;
    Ok(0)
}
