//! `repeated-content`: a headline, standfirst, paragraph, caption, byline or
//! long sentence printed twice in one article, as scrapers and feeds do when
//! they take a page's title block or a photo caption twice. Units are
//! compared by their folded words (`rules::folded`, shared with the
//! lexicon): whole units in one pass
//! (`units`), then long passages shared by different sentences (`runs`).

mod runs;
mod units;
mod words;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::deletion::clean_deletion;
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Format;
use units::{Match, Repeat, Thresholds, UnitKind};

/// The fields of a `repeated-content` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Words with letters a paragraph or sentence needs for its repeat to
    /// count (the headline and a line printed twice in a row need fewer).
    min_words: Option<Spanned<i64>>,
}

/// Below this, a paragraph or sentence printed twice is more often a short
/// quotation, a list item or a label than a copy.
const MIN_WORDS: usize = 7;

pub struct RepeatedContent {
    meta: RuleMeta,
    min: Thresholds,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let anywhere = cx.bounded(raw.min_words, "min-words", 3..=100, MIN_WORDS)?;
    let min = Thresholds {
        anywhere,
        headline: 3,
        adjacent: 2,
    };
    Some(Box::new(RepeatedContent { meta, min }))
}

impl Rule for RepeatedContent {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let words = cx.words();
        let all = units::units(doc, words);
        let mut found = units::repeats(doc, words, &all, &self.min);
        for r in units::short_line_twice(doc, words, &all, &found) {
            if !found.iter().any(|f| overlaps(&f.copy, &r.copy)) {
                found.push(r);
            }
        }
        found.sort_by_key(|r| r.copy.start);
        if let Some(v) = units::reworded_headline(doc, words, &all, &found) {
            if !found.iter().any(|r| overlaps(&r.copy, &v.copy)) {
                found.push(v);
                found.sort_by_key(|r| r.copy.start);
            }
        }
        if let Some(b) = units::breadcrumb(doc, words, &all, &self.min) {
            if !found.iter().any(|r| overlaps(&r.copy, &b.copy)) {
                found.push(b);
                found.sort_by_key(|r| r.copy.start);
            }
        }
        let found = merge(doc.text, found);
        // The headline may be quoted by a body sentence; a reported copy is
        // not searched again.
        let mut blocked = vec![false; words.len()];
        let mut block = |r: &std::ops::Range<usize>| {
            for i in words::within(words, r) {
                blocked[i] = true;
            }
        };
        doc.headline
            .iter()
            .chain(doc.masthead.iter().map(|m| &m.range))
            .for_each(&mut block);
        found.iter().for_each(|r| block(&r.copy));
        let passages = runs::runs(words, &blocked);

        // In text order; only those the sink keeps are built.
        let mut order: Vec<(usize, Found<'_>)> = found
            .iter()
            .map(|r| (r.copy.start, Found::Unit(r)))
            .chain(passages.iter().map(|p| (p.copy.start, Found::Passage(p))))
            .collect();
        order.sort_by_key(|(start, _)| *start);
        let room = out.room();
        for (_, item) in order.iter().take(room) {
            let d = match item {
                Found::Unit(r) => self.unit(cx, r),
                Found::Passage(p) => {
                    let message = self.message(cx, &p.copy, || {
                        format!("these {} words repeat an earlier passage", p.words)
                    });
                    self.meta
                        .diag(p.copy.clone(), message)
                        .with_label(p.first.clone(), "first printed here")
                        .with_help("delete one of the two passages, or rewrite one")
                }
            };
            out.push(d);
        }
        out.left_out(order.len().saturating_sub(room));
    }
}

impl RepeatedContent {
    fn message(
        &self,
        cx: &Context<'_>,
        copy: &std::ops::Range<usize>,
        default: impl FnOnce() -> String,
    ) -> String {
        match &self.meta.message {
            Some(t) => render(t, &[("found", cx.doc.slice(copy))]),
            None => default(),
        }
    }

    fn unit(&self, cx: &Context<'_>, r: &Repeat) -> Diagnostic {
        let doc = cx.doc;
        let what = match r.kind {
            _ if r.how == Match::Reworded => {
                "this line is the headline again, with a few words changed"
            }
            _ if r.first_is_headline => "this line repeats the headline",
            UnitKind::Line => "this paragraph repeats an earlier one",
            UnitKind::Sentence => "this sentence repeats an earlier one",
        };
        let message = self.message(cx, &r.copy, || what.to_owned());
        let label = if r.first_is_headline {
            "the headline"
        } else {
            "first printed here"
        };
        let (help, applicability) = match r.how {
            Match::Same => ("delete the repeated copy", Applicability::Safe),
            Match::Counter => (
                "delete one copy, and the counter or date the page appended to it",
                Applicability::Unsafe,
            ),
            Match::Breadcrumb => (
                "the first copy ends a breadcrumb trail: delete the trail, or this copy",
                Applicability::Unsafe,
            ),
            Match::Reworded => (
                "delete this copy, after checking which wording is right",
                Applicability::Unsafe,
            ),
        };
        let d = self
            .meta
            .diag(r.copy.clone(), message)
            .with_label(r.first.clone(), label)
            .with_help(help);
        // A marked-up file's line breaks are markup: only the copy's text goes.
        if doc.format == Format::Plain {
            d.with_fix_at(
                clean_deletion(doc.text, &doc.lines, r.copy.clone()),
                "",
                applicability,
            )
        } else {
            d.with_fix("", Applicability::Unsafe)
        }
    }
}

/// A finding before it is built: a unit printed twice, or a passage.
enum Found<'a> {
    Unit(&'a Repeat),
    Passage(&'a runs::Run),
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Copies that follow each other, of firsts that follow each other in the
/// same order (two paragraphs printed twice, three sentences of a paragraph
/// copied into another), are one repeat.
fn merge(text: &str, found: Vec<Repeat>) -> Vec<Repeat> {
    let gap = |a: usize, b: usize| a <= b && text.get(a..b).is_some_and(|g| g.trim().is_empty());
    let mut out: Vec<Repeat> = Vec::with_capacity(found.len());
    for r in found {
        if let Some(last) = out.last_mut() {
            if last.how == Match::Same
                && r.how == Match::Same
                && last.first_is_headline == r.first_is_headline
                && gap(last.copy.end, r.copy.start)
                && gap(last.first.end, r.first.start)
                && r.first.end <= last.copy.start
            {
                last.copy.end = r.copy.end;
                last.first.end = r.first.end;
                if r.kind == UnitKind::Line {
                    last.kind = UnitKind::Line;
                }
                continue;
            }
        }
        out.push(r);
    }
    out
}
