//! One article being checked: what is known of its language, and the walk
//! over its paragraphs that finds stretches and runs.

use std::cell::RefCell;
use std::ops::Range;

use super::scripts::script;
use super::scripts::Script;
use super::tokens::{any_foreign, classed, Classed};
use super::words::Lists;
use super::Untranslated;
use crate::document::Document;
use crate::lang::Lang;
use crate::rules::text::render;
use crate::rules::Sink;

/// The start of a long stretch, enough for whatlang to settle: it costs in
/// proportion to the text it reads.
pub(super) fn sample(text: &str) -> &str {
    &text[..floor(text, 1024)]
}

pub(super) fn floor(s: &str, at: usize) -> usize {
    crate::document::floor_char_boundary(s, at.min(s.len()))
}

/// "an English article", "a Russian article", "a Ukrainian article".
pub(super) fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O']) {
        "an"
    } else {
        "a"
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// In the article's language, or nothing to say.
    Home,
    /// Long, with another language's function words: whatlang decides.
    Suspect,
    /// Mostly in another script.
    Foreign(Script),
}

pub(super) struct Sentence {
    pub(super) range: Range<usize>,
    pub(super) verdict: Verdict,
    pub(super) words: usize,
    pub(super) tokens: Vec<Classed>,
}

/// One article being checked: the rule, the document, and what is known of
/// the article's language.
pub(super) struct Pass<'r, 'd> {
    pub(super) rule: &'r Untranslated,
    pub(super) doc: &'r Document<'d>,
    pub(super) lang: Lang,
    pub(super) home: Script,
    /// The bit of the article language's function-word list (0: none).
    pub(super) mine: Lists,
    /// The lists of the other languages of its script.
    pub(super) others: Lists,
    /// A buffer for lowercasing words.
    pub(super) buf: RefCell<String>,
}

/// A stretch of adjacent sentences with one verdict.
pub(super) struct Stretch {
    pub(super) range: Range<usize>,
    pub(super) words: usize,
    pub(super) verdict: Verdict,
    /// It is the whole paragraph.
    pub(super) whole: bool,
    pub(super) sentences: usize,
}

impl Pass<'_, '_> {
    /// The pack's message with the rule's placeholders filled in, else `default`.
    pub(super) fn message(
        &self,
        default: String,
        found: &str,
        (language, confidence): (&str, &str),
        script: Script,
    ) -> String {
        match &self.rule.meta.message {
            Some(t) => render(
                t,
                &[
                    ("found", found),
                    ("language", language),
                    ("confidence", confidence),
                    ("expected", self.lang.name()),
                    ("script", script.name()),
                ],
            ),
            None => default,
        }
    }

    pub(super) fn paragraph(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        sentences: &[Range<usize>],
        out: &mut Sink,
    ) {
        let doc = self.doc;
        // A foreign token holds a letter of another script: a paragraph without
        // one needs no tokens (they are built on first use, for the article).
        let foreign_here = has_foreign_letter(doc.slice(para), self.home)
            && any_foreign(doc.tokens_in(para), self.home);
        let mut sents: Vec<Sentence> = Vec::with_capacity(sentences.len());
        for r in sentences {
            let mut s = Sentence {
                range: r.clone(),
                verdict: Verdict::Home,
                words: 0,
                tokens: Vec::new(),
            };
            if foreign_here && any_foreign(doc.tokens_in(r), self.home) {
                s.tokens = classed(doc, r, self.home);
                if let Some((script, words)) = self.foreign_sentence(&s.tokens, r) {
                    s.verdict = Verdict::Foreign(script);
                    s.words = words;
                }
            }
            if s.verdict == Verdict::Home {
                if let Some(n) = self.suspect(r) {
                    s.verdict = Verdict::Suspect;
                    s.words = n;
                }
            }
            sents.push(s);
        }

        // Adjacent sentences of one verdict make one stretch.
        let mut reported = vec![false; sents.len()];
        let mut i = 0;
        while i < sents.len() {
            let v = sents[i].verdict;
            let mut j = i + 1;
            while j < sents.len()
                && match (v, sents[j].verdict) {
                    (Verdict::Foreign(_), Verdict::Foreign(_)) => true,
                    (a, b) => a == b && a == Verdict::Suspect,
                }
            {
                j += 1;
            }
            if v != Verdict::Home {
                let stretch = Stretch {
                    range: sents[i].range.start..sents[j - 1].range.end,
                    words: sents[i..j].iter().map(|s| s.words).sum(),
                    verdict: v,
                    whole: i == 0 && j == sents.len(),
                    sentences: j - i,
                };
                if self.stretch(para, next_para, stretch, out) {
                    reported[i..j].iter_mut().for_each(|r| *r = true);
                }
            }
            i = j;
        }

        if !foreign_here {
            return;
        }
        for (s, done) in sents.iter().zip(reported) {
            if !done {
                self.runs(para, &s.tokens, out);
            }
        }
    }
}

/// Whether `text` holds a letter of a script other than `home`. ASCII letters
/// are Latin, so in a Latin-script article only the other bytes are read.
fn has_foreign_letter(text: &str, home: Script) -> bool {
    if home == Script::Latin {
        !text.is_ascii()
            && text
                .chars()
                .any(|c| !c.is_ascii() && script(c).is_some_and(|s| s != home))
    } else {
        text.chars().any(|c| script(c).is_some_and(|s| s != home))
    }
}

/// A guess as messages name it: the language, and its confidence to two places.
pub(super) fn named(guess: Option<&crate::document::language::Guess>) -> (&'static str, String) {
    guess.map_or(("unknown", String::new()), |g| {
        (
            crate::document::language::name_of(g.code),
            format!("{:.2}", g.confidence),
        )
    })
}
