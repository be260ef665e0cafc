//! `substitution`: a known wrong form and its right one (`Belarussia` →
//! `Belarus`). The fix is safe: the map says there is one right form.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::lexicon::{resolve, CaseMode, TermId};
use super::text::{keep_case, render};
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `substitution` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    swap: Option<Spanned<BTreeMap<String, String>>>,
}

pub struct Substitution {
    meta: RuleMeta,
    /// Wrong form → index into `right`.
    wrong: HashMap<TermId, usize>,
    /// Right forms, found too so the message can point at them.
    right: Vec<(String, TermId)>,
    right_terms: HashMap<TermId, usize>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let Some(swap) = raw.swap else {
        cx.error(
            cx.id.clone(),
            "a `substitution` rule needs a `swap` table of wrong = right",
        );
        return None;
    };
    let span = swap.span();
    let mut rule = Substitution {
        meta,
        wrong: HashMap::new(),
        right: Vec::new(),
        right_terms: HashMap::new(),
    };
    for (wrong, right) in swap.into_inner() {
        if wrong.trim().is_empty() || wrong == right {
            cx.error(
                span.clone(),
                format!("`{wrong}` = `{right}` replaces nothing"),
            );
            continue;
        }
        let term = cx.lexicon.add(&right, CaseMode::Exact);
        let next = rule.right.len();
        let r = *rule.right_terms.entry(term).or_insert(next);
        if r == next {
            rule.right.push((right, term));
        }
        rule.wrong
            .insert(cx.lexicon.add(&wrong, CaseMode::Exact), r);
    }
    Some(Box::new(rule))
}

impl Rule for Substitution {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let mut right_seen: HashMap<usize, (std::ops::Range<usize>, usize)> = HashMap::new();
        let mut wrong_seen = Vec::new();
        let own = |t| self.wrong.contains_key(&t) || self.right_terms.contains_key(&t);
        for hit in &resolve(cx.hits(), own) {
            if let Some(&r) = self.wrong.get(&hit.term) {
                wrong_seen.push((hit.range.clone(), r));
            } else if let Some(&r) = self.right_terms.get(&hit.term) {
                right_seen.entry(r).or_insert((hit.range.clone(), 0)).1 += 1;
            }
        }
        for (range, r) in wrong_seen {
            let found = cx.doc.slice(&range);
            let expected = &self.right[r].0;
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found), ("expected", expected)]),
                None => format!("'{found}' is a misspelling of '{expected}'"),
            };
            let mut d = self
                .meta
                .diag(range, message)
                .with_help(format!("write '{expected}'"))
                .with_fix(keep_case(found, expected), Applicability::Safe);
            if let Some((first, count)) = right_seen.get(&r) {
                let times = if *count == 1 {
                    "once".to_owned()
                } else {
                    format!("{count} times")
                };
                d = d
                    .with_label(first.clone(), format!("'{expected}' here"))
                    .with_note(format!("this article also writes '{expected}' {times}"));
            }
            out.push(d);
        }
    }
}
