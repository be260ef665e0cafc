//! `doubled-word`: the same word twice in a row (`the the`), a typing or
//! post-editing slip. Doubles that the language's grammar allows (`had had`,
//! German `die die`, French `nous nous`) are listed in the pack's `allow`.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::lang::{Lang, WordSet};

/// The fields of a `doubled-word` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    allow: Option<Spanned<Vec<String>>>,
}

/// Short words no reduplicated name is made of (each profile's
/// `function-words.not-names`): `The The` or `Der Der` is a slip even with
/// capitals. Those of every language count, since an article quotes others.
fn not_names() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        Lang::all()
            .flat_map(|l| l.profile().function_words.not_names.iter().cloned())
            .collect()
    });
    &WORDS
}

pub struct DoubledWord {
    meta: RuleMeta,
    allow: HashSet<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let allow = super::compile::allow_lowercase(raw.allow);
    Some(Box::new(DoubledWord { meta, allow }))
}

impl Rule for DoubledWord {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        // Read only once a doubled word is found: most articles have none,
        // and a run of this rule alone then needs no lexicon scan.
        let mut hits = None;
        for pair in cx.doc.words.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            // Two words whose first letters differ (as nearly all do) are
            // not the same word: one byte compare before any other work.
            let first = |i: usize| text.as_bytes().get(i).copied().unwrap_or(0);
            let (fa, fb) = (first(a.start), first(b.start));
            if fa.is_ascii() && fb.is_ascii() && !fa.eq_ignore_ascii_case(&fb) {
                continue;
            }
            let gap = &text[a.end..b.start];
            // Only spaces between: "Bora Bora" aside, punctuation or a line
            // break between two equal words is deliberate ("No, no").
            if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                continue;
            }
            let (wa, wb) = (&text[a.range()], &text[b.range()]);
            let same = if wa.is_ascii() && wb.is_ascii() {
                wa.eq_ignore_ascii_case(wb)
            } else {
                wa.chars()
                    .flat_map(char::to_lowercase)
                    .eq(wb.chars().flat_map(char::to_lowercase))
            };
            if !same {
                continue;
            }
            if wa.chars().any(|c| c.is_numeric()) || self.allow.contains(&wa.to_lowercase()) {
                continue;
            }
            // "что что-то", "in in-depth": the second word begins a compound.
            let mut after = text[b.end..].chars();
            if matches!(after.next(), Some('-' | '\u{2010}' | '\u{2011}'))
                && after.next().is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // "An An-24": the second word begins a known name.
            let hits = hits.get_or_insert_with(|| cx.hits().iter().peekable());
            while hits.next_if(|h| h.range.end <= b.start).is_some() {}
            if hits
                .peek()
                .is_some_and(|h| h.range.start <= b.start && b.start < h.range.end)
            {
                continue;
            }
            // Reduplicated names ("Bora Bora", "Duran Duran", "Boutros Boutros-Ghali") keep
            // their capitals, even opening a sentence; "The The" is still a slip.
            if wa == wb
                && wa.chars().next().is_some_and(char::is_uppercase)
                && !not_names().contains(wa.to_lowercase().as_str())
            {
                continue;
            }
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", wa)]),
                None => format!("'{wa}' is written twice"),
            };
            out.push(
                self.meta
                    .diag(a.start..b.end, message)
                    .with_help(format!("delete the second '{wb}'"))
                    .with_fix(wa.to_owned(), Applicability::Safe),
            );
        }
    }
}
