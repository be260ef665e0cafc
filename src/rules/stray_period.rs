//! `stray-period`: a full stop inside a sentence, before a lower-case word
//! (`units thrown from Kherson. direction`), as an engine leaves it where
//! the source had an abbreviation or a line break. A full stop after an
//! abbreviation of the language's profile or of the rule's `abbreviations`
//! (`approx. five`), after initials or a dotted acronym (`U.S. officials`),
//! after a single letter or a number, or in a link, is no stray one.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{allow_lowercase, Compiler, RuleMeta};
use super::quotation::punctuation::ends_with_abbreviation;
use super::spacing::in_link;
use super::text::render;
use super::{Context, Rule, Sink};

/// The fields of a `stray-period` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Abbreviations (lower case, without their full stop) often followed
    /// by a lower-case word, beyond the profile's: `approx`, `incl`.
    abbreviations: Option<Spanned<Vec<String>>>,
}

pub struct StrayPeriod {
    meta: RuleMeta,
    abbreviations: HashSet<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(StrayPeriod {
        meta,
        abbreviations: allow_lowercase(raw.abbreviations),
    }))
}

impl Rule for StrayPeriod {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let profile = &cx.doc.language.profile().sentences.abbreviations;
        let words = &cx.doc.words;
        // `word. next`: the full stop, one space, a lower-case word. Each
        // `. ` is found with memmem, then the words either side of it.
        for at in memchr::memmem::find_iter(text.as_bytes(), ". ") {
            let k = cx.doc.word_index_from(at + 2);
            let (Some(a), Some(b)) = (k.checked_sub(1).and_then(|i| words.get(i)), words.get(k))
            else {
                continue;
            };
            if a.end != at || b.start != at + 2 {
                continue;
            }
            let (wa, wb) = (&text[a.range()], &text[b.range()]);
            if !wb.starts_with(|c: char| c.is_lowercase())
                || wa.chars().count() < 3
                || !wa.chars().all(char::is_alphabetic)
            {
                continue;
            }
            let lower = wa.to_lowercase();
            if ends_with_abbreviation(text, a.end, profile)
                || self.abbreviations.contains(&lower)
                || in_link(text, a.end)
            {
                continue;
            }
            // `e.g. the`, `etc. and`: a run of initials before (`A.S. Bureau.` is other text).
            let range = a.end..a.end + 1;
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", wa)]),
                None => format!("full stop after '{wa}' before the lower-case '{wb}'"),
            };
            out.push(
                self.meta
                    .diag(range, message)
                    .with_label(b.range(), "the sentence goes on here")
                    .with_help("delete the full stop, or capitalise the next sentence"),
            );
        }
    }
}
