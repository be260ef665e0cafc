//! `galley test [PACK…]`: runs the rules' own cases (`[[rule.test]]`,
//! `[rule.doc]` example and look-alike) and reports a failing case like a
//! compiler error pointing at it in its pack.

use std::path::PathBuf;

use crate::config::{Configs, Discovery};
use crate::linter::read_rule_files;
use crate::packs::{PackErrors, PackSource};
use crate::rules::Ruleset;

/// Which packs' cases run: the packs named; else the rule files of the
/// galley.toml in force here; else the shipped packs.
pub fn run(packs: &[PathBuf]) -> anyhow::Result<u8> {
    let mine: Vec<PackSource> = if packs.is_empty() {
        let mut configs = Configs::new(Discovery::Upward);
        let settings = configs.settings(std::path::Path::new("galley.toml"));
        if let Some(errors) = configs.into_errors() {
            super::print_pack_errors(&errors)?;
            return Ok(2);
        }
        let files: Vec<PathBuf> = settings.rules.iter().map(|(p, _)| p.clone()).collect();
        read_rule_files(&files)?
    } else {
        read_rule_files(packs)?
    };
    let shipped_only = mine.is_empty();
    let names: Vec<String> = mine.iter().map(|s| s.name.clone()).collect();
    // Users' rules are compiled with the shipped packs, whose entities and
    // checks they may build on; only their own cases run.
    let mut sources = crate::packs::shipped_sources();
    sources.extend(mine);
    let kept = sources.clone();
    let ruleset = match Ruleset::compile(sources) {
        Ok(r) => r,
        Err(e) => {
            super::print_pack_errors(&e)?;
            return Ok(2);
        }
    };
    let outcome = ruleset.run_self_tests(|m| shipped_only || names.contains(&m.file));
    let failed = outcome.failures.len();
    if failed > 0 {
        let color = super::color_for(super::ColorChoice::Auto, &std::io::stderr());
        super::pack_errors::print_each(
            &PackErrors {
                errors: outcome.failures,
                sources: kept,
            },
            color,
        )?;
    }
    let total = outcome.passed + failed;
    if total == 0 {
        eprintln!("warning: no rule cases to run ([[rule.test]] or [rule.doc] example/silent)");
    }
    println!(
        "test result: {}. {} passed; {failed} failed",
        if failed == 0 { "ok" } else { "FAILED" },
        outcome.passed
    );
    Ok(u8::from(failed > 0))
}
