//! Linters for the files of one run: one per distinct settings, sharing one
//! compiled ruleset per distinct (packs, rule files). Compiling is what
//! costs; a linter over a compiled ruleset is a few flags.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Linter, Selection};
use crate::config::Settings;
use crate::packs::{PackErrors, PackSource};
use crate::rules::{RuleMeta, Ruleset};

/// Why no linter could be built for some settings.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LinterError {
    #[error("cannot read rule file {}: {why}", path.display())]
    RuleFile { path: PathBuf, why: String },
    /// Errors in the packs or rule files, every one of them.
    #[error(transparent)]
    Packs(#[from] PackErrors),
}

/// Reads rule files, each named as the user wrote its path.
pub fn read_rule_files(paths: &[PathBuf]) -> Result<Vec<PackSource>, LinterError> {
    paths
        .iter()
        .map(|path| {
            let text = crate::config::read_text(path).map_err(|why| LinterError::RuleFile {
                path: path.clone(),
                why,
            })?;
            Ok(PackSource {
                name: crate::check::display_path(path),
                text: text.into(),
            })
        })
        .collect()
}

type RulesetKey = (Vec<String>, Vec<PathBuf>);

/// Builds linters on demand and keeps them.
pub struct LinterCache {
    selection: Selection,
    /// Rule files for every settings, after each settings' own (`--rules`).
    extra_rules: Vec<PathBuf>,
    rulesets: Vec<(RulesetKey, Arc<Ruleset>)>,
    linters: Vec<(Settings, Arc<Linter>)>,
}

impl LinterCache {
    pub fn new(selection: Selection, extra_rules: Vec<PathBuf>) -> Self {
        LinterCache {
            selection,
            extra_rules,
            rulesets: Vec::new(),
            linters: Vec::new(),
        }
    }

    /// The linter for `settings`: built on first use, its ruleset compiled
    /// (reading its rule files) only if no linter so far has the same packs
    /// and rule files.
    pub fn linter(&mut self, settings: &Settings) -> Result<Arc<Linter>, LinterError> {
        if let Some((_, l)) = self.linters.iter().find(|(s, _)| same_linter(s, settings)) {
            return Ok(Arc::clone(l));
        }
        let ruleset = self.ruleset(settings)?;
        let linter = Arc::new(Linter::with_ruleset(ruleset, settings, &self.selection));
        self.linters.push((settings.clone(), Arc::clone(&linter)));
        Ok(linter)
    }

    fn ruleset(&mut self, settings: &Settings) -> Result<Arc<Ruleset>, LinterError> {
        let (packs, mut rules) = settings.ruleset_key();
        rules.extend(self.extra_rules.iter().cloned());
        let key = (packs, rules);
        if let Some((_, r)) = self.rulesets.iter().find(|(k, _)| *k == key) {
            return Ok(Arc::clone(r));
        }
        let mut sources = crate::packs::shipped_by_name(&key.0);
        sources.extend(read_rule_files(&key.1)?);
        let ruleset = Arc::new(Ruleset::compile(sources)?);
        self.rulesets.push((key, Arc::clone(&ruleset)));
        Ok(ruleset)
    }

    /// Every rule of every ruleset compiled so far, each id once, by id:
    /// what a run could report, in an order that does not change between runs.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        let mut rules: Vec<&RuleMeta> =
            self.rulesets.iter().flat_map(|(_, r)| r.checks()).collect();
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        rules.dedup_by(|a, b| a.id == b.id);
        rules
    }
}

/// Whether one linter serves both settings: the same ruleset, language and
/// levels (which, with a config, that config resolves per path).
fn same_linter(a: &Settings, b: &Settings) -> bool {
    let levels = match (&a.config, &b.config) {
        (Some(x), Some(y)) => Arc::ptr_eq(x, y),
        (None, None) => a.severity == b.severity,
        _ => false,
    };
    levels
        && a.language() == b.language()
        && a.packs.0 == b.packs.0
        && same_paths(&a.rules, &b.rules)
        && a.unfixable == b.unfixable
        && a.accept == b.accept
        && a.date == b.date
}

fn same_paths<T>(a: &[(PathBuf, T)], b: &[(PathBuf, T)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|((x, _), (y, _))| Path::eq(x, y))
}
