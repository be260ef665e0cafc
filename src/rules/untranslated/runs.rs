//! Runs: words in another script inside a sentence of the article's language.

use std::ops::Range;

use super::pass::{article, sample, Pass};
use super::scripts::Script;
use super::tokens::{reads_as_prose, Class, Classed};
use crate::document::language::{self, Guess};
use crate::lang::Lang;
use crate::rules::Sink;

/// Latin words in a non-Latin article: a run this long that reads as prose
/// is reported even when whatlang cannot tell its language.
pub(super) const LATIN_SENTENCE_WORDS: usize = 6;

impl Pass<'_, '_> {
    /// Runs of words in another script inside a sentence of the article's language.
    pub(super) fn runs(&self, para: &Range<usize>, tokens: &[Classed], out: &mut Sink) {
        let text = self.doc.text;
        let mut run: Vec<&Classed> = Vec::new();
        let mut last_end = 0;
        for t in tokens {
            if !run.is_empty() && text[last_end..t.range.start].contains(['(', ')', '[', ']', '\n'])
            {
                self.run(para, &run, out);
                run.clear();
            }
            match t.class {
                Class::Foreign(_) => {
                    run.push(t);
                    last_end = t.range.end;
                }
                Class::Neutral => {}
                Class::Home | Class::Mixed => {
                    self.run(para, &run, out);
                    run.clear();
                }
            }
        }
        self.run(para, &run, out);
    }

    pub(super) fn run(&self, para: &Range<usize>, run: &[&Classed], out: &mut Sink) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let doc = self.doc;
        let allow = &self.rule.allow;
        let range = first.range.start..last.range.end;
        let found = doc.slice(&range);
        if allow.contains(&found.to_lowercase())
            || run
                .iter()
                .all(|t| allow.contains(&doc.slice(&t.range).to_lowercase()))
        {
            return;
        }
        let script = majority(run);
        if script == Script::Latin && !latin_is_prose(run, found, self.lang) {
            return;
        }
        if self.legitimate(para, None, &range) {
            return;
        }
        let expected = self.lang.name();
        let guess = language::guess(found);
        let (language, confidence) = super::pass::named(guess.as_ref());
        let default = match guess {
            Some(g) if script == Script::Latin && g.reliable => format!(
                "'{found}' reads as {language} (confidence {confidence}) in {} {expected} article",
                article(expected)
            ),
            _ => format!(
                "'{found}' is in {} script in {} {expected} article",
                script.name(),
                article(expected)
            ),
        };
        let message = self.message(default, found, (language, &confidence), script);
        let help = if script == Script::Latin {
            "translate it; to keep the original, give its translation in brackets after it"
        } else {
            "translate or romanize it; to keep the original, give its translation or romanization in brackets next to it"
        };
        out.push(self.rule.meta.diag(range, message).with_help(help));
    }
}

/// The script most of the tokens are in.
pub(super) fn majority(tokens: &[&Classed]) -> Script {
    let mut counts = [0usize; Script::ALL.len()];
    for t in tokens {
        if let Class::Foreign(s) = t.class {
            counts[s.index()] += 1;
        }
    }
    Script::ALL
        .into_iter()
        .max_by_key(|s| counts[s.index()])
        .unwrap_or(Script::Latin)
}

/// Latin words in a non-Latin article that are untranslated prose: they read
/// as prose, and whatlang reliably calls them another language, or they are
/// as long as a sentence.
pub(super) fn latin_is_prose(tokens: &[&Classed], text: &str, lang: Lang) -> bool {
    if !reads_as_prose(tokens) {
        return false;
    }
    tokens.len() >= LATIN_SENTENCE_WORDS
        || language::guess(sample(text)).is_some_and(|g: Guess| g.reliable && g.code != lang.code())
}
