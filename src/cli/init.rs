//! `galley init`: a commented starter `galley.toml` and an example rule file.

use std::path::Path;

const CONFIG: &str = r#"# galley configuration. Found from each checked file's directory upward;
# the closest galley.toml (or .galley.toml) wins. See docs/rules.md.

# The articles' language (ISO 639-1: en, de, fr, es, pl, ru, uk …): packs
# for it and for any language run. Without this line each article's
# language is detected from its text.
language = "en"

# Shipped rule packs by name: core-any, core, core-de, core-fr, core-es,
# core-pl, core-ru, core-uk, markup, language, names, names-de, names-world,
# facts-aircraft, facts-leaders, or "default" for all of them. A name also loads its
# language editions ("core" loads core-any and every core-XX).
packs = ["default"]

# Your own rule files, relative to this file.
rules = ["house-rules.toml"]

# Files not to check when walking directories (globs, relative to this file).
exclude = ["archive/**"]

# Severity by rule id or whole category: error, warning, info or off.
[severity]
# "typography" = "off"
# "names/variant-spelling" = "error"

# Settings for some paths only.
# [[override]]
# files = ["opinion/**"]
# severity = { "facts" = "info" }
"#;

const RULES: &str = r#"# House rules for galley. Each [[rule]] has an id (category/name) and a kind.
# `galley check --rules house-rules.toml FILE` tries them without any config.

[pack]
name = "house"
description = "Our house style"

# One spelling chosen by the house: `prefer` makes the fix safe. (The shipped
# packs already know name variants such as Kyiv/Kiev; a house rule adds what
# they do not.) `galley test house-rules.toml` runs the rule's own cases.
[[rule]]
id = "style/house-email"
kind = "consistency"
variants = ["email", "e-mail"]
prefer = "email"
[[rule.test]]
fires = "Send an email.\n\nOr an e-mail."
fixed = "Send an email.\n\nOr an email."
[[rule.test]]
silent = "Send an email.\n\nOr another email."

# A phrase that should never reach print.
[[rule]]
id = "markers/agency-tag"
kind = "existence"
pattern = '\((?:BelTA|TASS|RIA Novosti)\)'
message = "agency tag '{found}' left in the text"
severity = "info"
"#;

pub fn run(dir: &Path) -> anyhow::Result<u8> {
    let files = [("galley.toml", CONFIG), ("house-rules.toml", RULES)];
    let existing: Vec<&str> = files
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| dir.join(n).exists())
        .collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already exists; galley init does not overwrite",
            existing.join(" and ")
        );
        return Ok(2);
    }
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
        println!("wrote {name}");
    }
    Ok(0)
}
