//! `--select`, `--extend-select` and `--ignore`: which rules a run reports,
//! by rule id or category.

use crate::rule_key::key_matches;
use crate::rules::RuleMeta;

/// The rules a run is restricted to; the default selects every rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

/// A selector that names no rule and no category of the rules in force.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no rule or category is named `{key}`{}", did_you_mean(suggestion.as_deref()))]
#[non_exhaustive]
pub struct UnknownSelector {
    pub key: String,
    /// The closest rule id or category, if one is close.
    pub suggestion: Option<String>,
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

impl Selection {
    /// `select` (empty: every rule), widened by `extend_select` when it is
    /// not empty, minus `ignore`.
    pub fn new(select: Vec<String>, extend_select: Vec<String>, ignore: Vec<String>) -> Self {
        let mut select = select;
        if !select.is_empty() {
            select.extend(extend_select);
        }
        Selection { select, ignore }
    }

    /// Notes for selectors that still use an old id (they name the whole check now).
    pub fn deprecations(&self) -> Vec<String> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter_map(|k| crate::rules::ids::deprecation(k))
            .collect()
    }

    /// Whether every rule is selected.
    pub fn is_all(&self) -> bool {
        self.select.is_empty() && self.ignore.is_empty()
    }

    /// Whether findings of `rule_id` are reported.
    pub fn keeps(&self, rule_id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|k| key_matches(k, rule_id)))
            && !self.ignore.iter().any(|k| key_matches(k, rule_id))
    }

    /// The first selector naming none of `rules` (the rules of every ruleset
    /// in force), with the closest name.
    pub fn unknown<'r>(
        &self,
        rules: impl IntoIterator<Item = &'r RuleMeta>,
    ) -> Option<UnknownSelector> {
        let rules: Vec<&RuleMeta> = rules.into_iter().collect();
        let key = self
            .select
            .iter()
            .chain(&self.ignore)
            .find(|k| !rules.iter().any(|m| key_matches(k, &m.id)))?;
        let names: Vec<&str> = rules.iter().flat_map(|m| [&*m.id, m.category()]).collect();
        Some(UnknownSelector {
            key: key.clone(),
            suggestion: crate::rules::suggest(key, names.iter().copied()).map(str::to_owned),
        })
    }
}
