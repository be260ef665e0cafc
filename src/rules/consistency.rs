//! `consistency`: groups of spellings of one name; two of a group in one
//! article is an inconsistency. The spelling kept is chosen by `target`
//! (house form, official form, headline, majority); each other spelling is
//! one finding, its every occurrence labelled.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::aliases::is_declared;
use super::compile::{Compiler, RuleMeta};
use super::lexicon::{resolve, CaseMode, TermId};
use super::target::{choose, Candidate, Why};
use super::text::{keep_case, quoted_list, render};
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::packs::schema::RawGroup;

/// The fields of a `consistency` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    variants: Option<Spanned<Vec<String>>>,
    prefer: Option<Spanned<String>>,
    except: Option<Spanned<Vec<String>>>,
    groups: Option<Spanned<Vec<Spanned<RawGroup>>>>,
}

struct Group {
    variants: Vec<String>,
    prefer: Option<usize>,
}

pub struct Consistency {
    meta: RuleMeta,
    groups: Vec<Group>,
    /// Term → (group, variant); exception phrases map to `None` and only
    /// serve to hide the variant inside them (`Chicken Kiev`).
    terms: HashMap<TermId, Option<(usize, usize)>>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let mut specs = Vec::new();
    if let Some(v) = raw.variants {
        let span = v.span();
        specs.push((
            v.into_inner(),
            raw.prefer,
            raw.except.map(|e| e.into_inner()).unwrap_or_default(),
            span,
        ));
    } else if let Some(p) = &raw.prefer {
        cx.error(
            p.span(),
            "`prefer` at rule level needs `variants` beside it",
        );
    }
    if let Some(groups) = raw.groups {
        for g in groups.into_inner() {
            let span = g.span();
            let g = g.into_inner();
            specs.push((
                g.variants.into_inner(),
                g.prefer,
                g.except.unwrap_or_default(),
                span,
            ));
        }
    }
    if specs.is_empty() {
        cx.error(
            cx.id.clone(),
            "a `consistency` rule needs `variants` or `groups`",
        );
        return None;
    }
    let mut rule = Consistency {
        meta,
        groups: Vec::new(),
        terms: HashMap::new(),
    };
    let mut ok = true;
    for (variants, prefer, except, span) in specs {
        if variants.len() < 2 || variants.iter().any(|v| v.trim().is_empty()) {
            cx.error(
                span,
                "a variant group needs at least two non-empty spellings",
            );
            ok = false;
            continue;
        }
        let prefer = match prefer {
            None => None,
            Some(p) => match variants.iter().position(|v| v == p.get_ref()) {
                Some(i) => Some(i),
                None => {
                    cx.error(
                        p.span(),
                        format!("`prefer = \"{}\"` is not one of the variants", p.get_ref()),
                    );
                    ok = false;
                    None
                }
            },
        };
        let g = rule.groups.len();
        for (i, v) in variants.iter().enumerate() {
            let term = cx.lexicon.add(v, CaseMode::Exact);
            if let Some(Some((other, _))) = rule.terms.insert(term, Some((g, i))) {
                cx.error(
                    span.clone(),
                    format!("`{v}` is already a variant in group {}", other + 1),
                );
                ok = false;
            }
        }
        for e in &except {
            rule.terms.insert(cx.lexicon.add(e, CaseMode::Exact), None);
        }
        rule.groups.push(Group { variants, prefer });
    }
    ok.then(|| Box::new(rule) as Box<dyn Rule>)
}

impl Rule for Consistency {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        // group → variant → occurrences, in text order
        let mut seen: HashMap<usize, HashMap<usize, Vec<std::ops::Range<usize>>>> = HashMap::new();
        for hit in &resolve(cx.hits(), |t| self.terms.contains_key(&t)) {
            if let Some(Some((g, v))) = self.terms.get(&hit.term) {
                seen.entry(*g)
                    .or_default()
                    .entry(*v)
                    .or_default()
                    .push(hit.range.clone());
            }
        }
        let mut groups: Vec<_> = seen.into_iter().filter(|(_, v)| v.len() > 1).collect();
        groups.sort_by_key(|(g, _)| *g);
        for (g, found) in groups {
            let group = &self.groups[g];
            let mut used: Vec<(usize, Vec<std::ops::Range<usize>>)> = found.into_iter().collect();
            used.sort_by_key(|(_, r)| r[0].start);
            let names = cx.entities.name_index();
            // The project's archive-wide house form (`galley house`) before the pack's own.
            let archive_house = used
                .iter()
                .any(|(v, _)| cx.house_forms.contains(&group.variants[*v]));
            let candidates: Vec<Candidate<'_>> = used
                .iter()
                .map(|(v, ranges)| Candidate {
                    ranges,
                    house: if archive_house {
                        cx.house_forms.contains(&group.variants[*v])
                    } else {
                        group.prefer == Some(*v)
                    },
                    official: names.is_official(&group.variants[*v].to_lowercase()),
                })
                .collect();
            let choice = choose(cx.doc, &candidates);
            let mut by_count: Vec<&(usize, Vec<std::ops::Range<usize>>)> = used.iter().collect();
            by_count.sort_by(|a, b| {
                b.1.len()
                    .cmp(&a.1.len())
                    .then(a.1[0].start.cmp(&b.1[0].start))
            });
            let counts = by_count
                .iter()
                .map(|(v, r)| format!("{} × {}", r.len(), group.variants[*v]))
                .collect::<Vec<_>>()
                .join(", ");
            // On a tie with nothing to decide it, every spelling but the first is
            // reported, without a fix.
            let keep = choice.map_or(0, |(i, _)| i);
            let (keep_variant, keep_at) = (&used[keep].0, &used[keep].1);
            let keep_word = &group.variants[*keep_variant];
            for (i, (v, ranges)) in used.iter().enumerate() {
                if i == keep || is_declared(cx.declared_aliases(), &group.variants[*v], keep_word) {
                    continue;
                }
                let word = &group.variants[*v];
                // One finding per place: a fix edits one range, and an editor
                // fixes each place; the note counts them all.
                for r in ranges {
                    let found = cx.doc.slice(r);
                    let mut d = self.meta.diag(
                        r.clone(),
                        match &self.meta.message {
                            Some(t) => render(
                                t,
                                &[
                                    ("found", found),
                                    ("expected", keep_word),
                                    ("count", &ranges.len().to_string()),
                                ],
                            ),
                            None => format!(
                                "{} spell the same name in this article",
                                quoted_list(&[word, keep_word])
                            ),
                        },
                    );
                    d = d
                        .with_label(keep_at[0].clone(), format!("'{keep_word}' here"))
                        .with_note(counts.clone());
                    d = match choice {
                    Some((_, why)) => {
                        // Safe only when the kept spelling is the house's own choice.
                        let applicability = if why == Why::House {
                            Applicability::Safe
                        } else {
                            Applicability::Unsafe
                        };
                        d.with_help(format!("use one spelling: '{keep_word}' ({})", why.describe()))
                            .with_fix(keep_case(found, keep_word), applicability)
                    }
                    None => d.with_help(
                        "use one spelling (no fix: a tie, and no house, official or headline form)",
                    ),
                };
                    out.push(d);
                }
            }
        }
    }
}
