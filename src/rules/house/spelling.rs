//! `house-spelling`: the archive's own spelling of each name it writes
//! several ways, from the pack `galley house` learned and an editor
//! reviewed. An article that writes a form the house does not (neither its
//! `prefer` nor one it `accept`s) gets one finding per name, at the first
//! such word, with the archive's counts in the note and the house form as
//! a safe fix (the house decided it).

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::archive_note;
use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::lexicon::{resolve, CaseMode, TermId};
use crate::rules::text::keep_case;
use crate::rules::{Context, Rule, Sink};

/// The fields of a `house-spelling` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    archive_articles: Option<Spanned<i64>>,
    cluster: Option<Vec<Spanned<RawCluster>>>,
}

/// One `[[rule.cluster]]`: a name's forms with the articles that write
/// each, the house form, and forms the editor accepts beside it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCluster {
    prefer: Spanned<String>,
    forms: Spanned<BTreeMap<String, i64>>,
    #[serde(default)]
    accept: Vec<String>,
}

struct Cluster {
    prefer: String,
    /// `n × form` by count, for the note.
    counts: String,
}

pub struct HouseSpelling {
    meta: RuleMeta,
    archive: Option<u64>,
    clusters: Vec<Cluster>,
    /// Term → (cluster, whether the house writes it).
    terms: HashMap<TermId, (usize, bool)>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let archive = cx
        .bounded(
            raw.archive_articles,
            "archive-articles",
            0..=u32::MAX as usize,
            0,
        )
        .map(|n| n as u64);
    let mut rule = HouseSpelling {
        meta,
        archive: archive.filter(|&n| n > 0),
        clusters: Vec::new(),
        terms: HashMap::new(),
    };
    let mut ok = archive.is_some();
    for c in raw.cluster.unwrap_or_default() {
        let span = c.span();
        let c = c.into_inner();
        let forms = c.forms.get_ref();
        let prefer = c.prefer.get_ref();
        if forms.len() < 2 {
            cx.error(span, "a cluster needs at least two forms");
            ok = false;
            continue;
        }
        if forms.keys().any(|f| f.trim().is_empty()) || forms.values().any(|&n| n < 0) {
            cx.error(
                c.forms.span(),
                "forms are non-empty words with article counts of 0 or more",
            );
            ok = false;
            continue;
        }
        if !forms.contains_key(prefer) {
            cx.error(
                c.prefer.span(),
                format!("`prefer = \"{prefer}\"` is not one of the cluster's forms"),
            );
            ok = false;
            continue;
        }
        if let Some(a) = c.accept.iter().find(|a| !forms.contains_key(*a)) {
            cx.error(
                span,
                format!("`accept` names \"{a}\", which is not one of the forms"),
            );
            ok = false;
            continue;
        }
        let k = rule.clusters.len();
        let mut by_count: Vec<(&String, &i64)> = forms.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let counts = by_count
            .iter()
            .map(|(f, n)| format!("{n} × {f}"))
            .collect::<Vec<_>>()
            .join(", ");
        for form in forms.keys() {
            let house = form == prefer || c.accept.contains(form);
            let term = cx.lexicon.add(form, CaseMode::Exact);
            if let Some((other, _)) = rule.terms.insert(term, (k, house)) {
                if other != k {
                    cx.error(
                        span.clone(),
                        format!("\"{form}\" is a form of cluster {} too", other + 1),
                    );
                    ok = false;
                }
            }
        }
        cx.house_forms.insert(prefer.clone());
        rule.clusters.push(Cluster {
            prefer: prefer.clone(),
            counts,
        });
    }
    ok.then(|| Box::new(rule) as Box<dyn Rule>)
}

impl Rule for HouseSpelling {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        // cluster → the words against the house form, in text order
        let mut against: BTreeMap<usize, Vec<std::ops::Range<usize>>> = BTreeMap::new();
        // A phrase a pack lists around the word (`Chicken Kiev`, an exception
        // of a variant group) is not the name; a person's full name is.
        let phrases: Vec<&std::ops::Range<usize>> = cx
            .hits()
            .iter()
            .filter(|h| !self.terms.contains_key(&h.term) && !cx.entities.is_entity_term(h.term))
            .map(|h| &h.range)
            .collect();
        for hit in &resolve(cx.hits(), |t| self.terms.contains_key(&t)) {
            let r = &hit.range;
            if phrases
                .iter()
                .any(|p| p.start <= r.start && r.end <= p.end && p.len() > r.len())
            {
                continue;
            }
            if let Some(&(k, false)) = self.terms.get(&hit.term) {
                against.entry(k).or_default().push(hit.range.clone());
            }
        }
        for (k, ranges) in against {
            let cluster = &self.clusters[k];
            let first = ranges[0].clone();
            let found = cx.doc.slice(&first);
            let mut d = self.meta.diag(
                first,
                format!(
                    "'{found}' is not the house spelling: the archive writes '{}'",
                    cluster.prefer
                ),
            );
            for r in ranges.iter().skip(1).take(4) {
                d = d.with_label(r.clone(), "here too");
            }
            d = d
                .with_note(format!(
                    "articles writing each form: {}{}",
                    cluster.counts,
                    archive_note(self.archive)
                ))
                .with_help(format!("write '{}' (the house style)", cluster.prefer))
                .with_fix(keep_case(found, &cluster.prefer), Applicability::Safe);
            out.push(d);
        }
    }
}
