//! `near-miss`: a capitalised word one or two edits away from a known
//! entity name (`Sushoi` → `Sukhoi`) that is itself no known term.
//! Cheap filters first (capital, length, first letter), edit distance last.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::entities::EntityId;
use super::lexicon::CaseMode;
use super::text::{is_all_caps, is_capitalized, render, strip_possessive};
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `near-miss` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entity_types: Option<Spanned<Vec<String>>>,
    /// A term list of the rule's own, instead of the entity base's names.
    terms: Option<Spanned<Vec<String>>>,
    max_distance: Option<Spanned<i64>>,
    min_length: Option<Spanned<i64>>,
    ignore: Option<Spanned<Vec<String>>>,
}

struct Target {
    lower: String,
    name: String,
    entity: Option<EntityId>,
}

pub struct NearMiss {
    meta: RuleMeta,
    /// Targets by lowercase first letter.
    targets: HashMap<char, Vec<Target>>,
    max_distance: usize,
    min_length: usize,
    ignore: HashSet<String>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let types = raw.entity_types.map(|t| t.into_inner());
    let max_distance = match raw.max_distance {
        Some(d) if !(1..=2).contains(d.get_ref()) => {
            cx.error(
                d.span(),
                "`max-distance` must be 1 or 2 (2 applies to names of nine letters or more)",
            );
            return None;
        }
        Some(d) => *d.get_ref() as usize,
        None => 2,
    };
    let min_length = cx.bounded(raw.min_length, "min-length", 3..=64, 5)?;
    // A term list of the rule's own, or the names of the entity base.
    let names: Vec<(String, Option<EntityId>)> = match raw.terms {
        Some(terms) => terms
            .into_inner()
            .into_iter()
            .map(|t| {
                cx.lexicon.add(&t, CaseMode::Exact);
                (t, None)
            })
            .collect(),
        None => cx
            .entities
            .iter()
            .filter(|(_, e)| types.as_ref().is_none_or(|t| t.contains(&e.kind)))
            .flat_map(|(id, e)| e.names().map(move |n| (n.to_owned(), Some(id))))
            .collect(),
    };
    let mut targets: HashMap<char, Vec<Target>> = HashMap::new();
    for (name, entity) in names {
        if name.chars().count() < min_length || !name.chars().all(char::is_alphabetic) {
            continue;
        }
        let lower = name.to_lowercase();
        let Some(first) = lower.chars().next() else {
            continue;
        };
        targets.entry(first).or_default().push(Target {
            lower,
            name,
            entity,
        });
    }
    let ignore = raw
        .ignore
        .map(|i| i.into_inner())
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    Some(Box::new(NearMiss {
        meta,
        targets,
        max_distance,
        min_length,
        ignore,
    }))
}

/// Russian surnames take `-a` for women (`Kamova`); a plural takes `-s`.
fn is_inflection(candidate: &str, target: &str) -> bool {
    candidate
        .strip_prefix(target)
        .is_some_and(|rest| matches!(rest, "a" | "s" | "es"))
}

impl NearMiss {
    fn best(&self, lower: &str) -> Option<&Target> {
        let first = lower.chars().next()?;
        let len = lower.chars().count();
        let limit = if len >= 9 {
            self.max_distance.min(2)
        } else {
            self.max_distance.min(1)
        };
        self.targets
            .get(&first)?
            .iter()
            .filter(|t| t.lower.chars().count().abs_diff(len) <= limit)
            .filter(|t| !is_inflection(lower, &t.lower) && !is_inflection(&t.lower, lower))
            // Optimal string alignment: Damerau's adjacent transpositions
            // without its per-call hash map, several times faster.
            .map(|t| (strsim::osa_distance(lower, &t.lower), t))
            .filter(|(d, _)| (1..=limit).contains(d))
            .min_by_key(|(d, t)| (*d, t.entity))
            .map(|(_, t)| t)
    }
}

impl Rule for NearMiss {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if self.targets.is_empty() {
            return;
        }
        let mut hits = cx.hits.iter().peekable();
        let mut seen: std::collections::HashMap<String, Option<&Target>> =
            std::collections::HashMap::new();
        for w in &cx.doc.words {
            while hits.next_if(|h| h.range.end <= w.start).is_some() {}
            if w.sentence_initial {
                continue;
            }
            let word = strip_possessive(cx.doc.slice(&w.range()));
            if !is_capitalized(word)
                || is_all_caps(word)
                || word.chars().count() < self.min_length
                || !word.chars().all(char::is_alphabetic)
            {
                continue;
            }
            // Any term of any rule covering the word makes it known.
            if hits.peek().is_some_and(|h| h.range.start < w.end) {
                continue;
            }
            let lower = word.to_lowercase();
            if self.ignore.contains(&lower) {
                continue;
            }
            // An article repeats its names: each distinct word is looked up once.
            let found = match seen.get(&lower) {
                Some(t) => *t,
                None => {
                    let t = self.best(&lower);
                    seen.insert(lower, t);
                    t
                }
            };
            let Some(target) = found else {
                continue;
            };
            if super::text::in_title_case(cx.doc, w.start) {
                continue;
            }
            let range = w.start..w.start + word.len();
            let entity = target.entity.map(|id| cx.entities.get(id));
            let entity_name = entity.map_or(target.name.as_str(), |e| e.name.as_str());
            let message = match &self.meta.message {
                Some(t) => render(
                    t,
                    &[
                        ("found", word),
                        ("expected", &target.name),
                        ("entity", entity_name),
                    ],
                ),
                None => format!("'{word}' looks like a misspelling of '{}'", target.name),
            };
            let mut d = self
                .meta
                .diag(range, message)
                .with_help(format!("did you mean '{}'?", target.name));
            match entity {
                Some(e) if e.name != target.name => {
                    d = d.with_note(format!(
                        "'{}' is a name of {} ({})",
                        target.name, e.name, e.kind
                    ));
                }
                Some(e) => d = d.with_note(format!("'{}' is a known {}", target.name, e.kind)),
                None => {}
            }
            out.push(d.with_fix(target.name.clone(), Applicability::Unsafe));
        }
    }
}
