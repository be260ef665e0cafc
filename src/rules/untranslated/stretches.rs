//! Stretches: sentences and paragraphs in another language.

use std::ops::Range;

use super::pass::{floor, sample, Pass, Stretch, Verdict};
use super::runs::{latin_is_prose, majority};
use super::scripts::{home_script, script, Script};
use super::tokens::{Class, Classed};
use super::words::{count_function_words, list_bit};
use crate::document::language;
use crate::lang::Lang;
use crate::rules::Sink;

/// A sentence this long (in words) whose function words are not the
/// article language's is worth asking whatlang about.
pub(super) const SUSPECT_MIN_WORDS: usize = 6;
/// A stretch in the article's own script is reported only when whatlang is
/// reliable on it and it holds this many words...
pub(super) const SAME_SCRIPT_MIN_WORDS: usize = 8;
/// ...or this many, when the two languages are close kin that whatlang
/// confuses (Russian and Ukrainian, Spanish and Portuguese).
pub(super) const KINDRED_MIN_WORDS: usize = 15;
/// A sentence with this many words in another script, and more letters in it
/// than in the article's, is an untranslated sentence rather than a run.
pub(super) const FOREIGN_SENTENCE_MIN_WORDS: usize = 3;

impl Pass<'_, '_> {
    /// A sentence worth asking whatlang about: six words or more, not in
    /// title case, holding two or more function words of another language
    /// of the article's script, and more of them than of the article
    /// language's own (`der`, `und` in an English article; `що`, `і` in a
    /// Russian one). Returns its word count.
    pub(super) fn suspect(&self, range: &Range<usize>) -> Option<usize> {
        if self.others == 0 {
            return None;
        }
        let doc = self.doc;
        let (mine, theirs) = count_function_words(
            doc,
            range,
            self.mine,
            self.others,
            &mut self.buf.borrow_mut(),
        );
        if theirs < 2 || theirs <= mine {
            return None;
        }
        let words = &doc.words[doc.word_index_from(range.start)..doc.word_index_from(range.end)];
        let mut n = 0;
        let mut caps = 0;
        for w in words {
            let word = doc.slice(&w.range());
            if word.chars().any(char::is_alphabetic) {
                n += 1;
                caps += usize::from(word.starts_with(char::is_uppercase));
            }
        }
        // Title case (a headline, a list of names) says nothing about language.
        (n >= SUSPECT_MIN_WORDS && caps * 10 <= n * 6).then_some(n)
    }

    /// A sentence mostly in another script: its script and word count. Latin
    /// in a non-Latin article counts only when it reads as prose.
    pub(super) fn foreign_sentence(
        &self,
        tokens: &[Classed],
        range: &Range<usize>,
    ) -> Option<(Script, usize)> {
        let text = self.doc.text;
        let foreign: Vec<&Classed> = tokens
            .iter()
            .filter(|t| matches!(t.class, Class::Foreign(_)))
            .collect();
        if foreign.len() < FOREIGN_SENTENCE_MIN_WORDS {
            return None;
        }
        let letters = |foreign: bool| -> usize {
            tokens
                .iter()
                .filter(|t| match t.class {
                    Class::Foreign(_) => foreign,
                    Class::Home => !foreign,
                    _ => false,
                })
                .map(|t| {
                    text[t.range.clone()]
                        .chars()
                        .filter(|c| script(*c).is_some())
                        .count()
                })
                .sum()
        };
        if letters(true) <= letters(false) {
            return None;
        }
        // A clause in the article's language (two of its words in a row)
        // makes the foreign part a run inside the sentence: "The ministry
        // wrote in Russian: …" is reported on what follows the colon. Single
        // words (a name) inside a foreign sentence do not.
        let mut block = 0;
        for t in tokens {
            match t.class {
                Class::Home => {
                    block += 1;
                    if block >= 2 {
                        return None;
                    }
                }
                Class::Neutral => {}
                _ => block = 0,
            }
        }
        let script = majority(&foreign);
        if script == Script::Latin && !latin_is_prose(&foreign, &text[range.clone()], self.lang) {
            return None;
        }
        Some((script, foreign.len()))
    }

    /// Reports a stretch unless it is kept on purpose; true when it is
    /// settled either way (its words are then not looked at as runs).
    pub(super) fn stretch(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        st: Stretch,
        out: &mut Sink,
    ) -> bool {
        let doc = self.doc;
        let lang = self.lang;
        let found = doc.slice(&st.range);
        // In another script the guess only names the language: less text will do.
        let guess = language::guess(match st.verdict {
            Verdict::Foreign(_) => &found[..floor(found, 400)],
            _ => sample(found),
        });
        let script = match st.verdict {
            Verdict::Foreign(s) => Some(s),
            Verdict::Suspect => {
                let Some(g) = guess else { return false };
                let min = if lang.is_related(g.code) {
                    KINDRED_MIN_WORDS
                } else {
                    SAME_SCRIPT_MIN_WORDS
                };
                // Another script's language is for the script tests to find.
                let guessed = Lang::parse(g.code);
                if g.code == lang.code()
                    || guessed.and_then(home_script) != Some(self.home)
                    || !g.reliable
                    || st.words < min
                {
                    return false;
                }
                // whatlang is sure of itself on short text more often than it
                // should be ("Various I/O functions support large files" reads
                // as French): the stretch must also hold that language's
                // function words, or be long.
                let theirs = guessed.map_or(0, list_bit);
                let (hits, _) =
                    count_function_words(doc, &st.range, theirs, 0, &mut self.buf.borrow_mut());
                if theirs == 0 || hits < 2 {
                    return false;
                }
                None
            }
            Verdict::Home => return false,
        };
        if self.legitimate(para, next_para, &st.range) {
            return true;
        }
        let expected = lang.name();
        let plural = st.sentences > 1 && !st.whole;
        let unit = if st.whole {
            if doc.headline.as_ref() == Some(para) {
                "the headline".to_owned()
            } else {
                "this paragraph".to_owned()
            }
        } else if plural {
            format!("these {} sentences", st.sentences)
        } else {
            "this sentence".to_owned()
        };
        let (verb, is) = if plural {
            ("read", "are")
        } else {
            ("reads", "is")
        };
        let (language, confidence) = super::pass::named(guess.as_ref());
        let default = match (guess, script) {
            (Some(g), _) if g.reliable => {
                format!("{unit} {verb} as {language} (confidence {confidence}), not {expected}")
            }
            (Some(_), Some(s)) => format!(
                "{unit} {is} in {} script (most likely {language}, confidence {confidence}), not {expected}",
                s.name()
            ),
            (None, Some(s)) => format!("{unit} {is} in {} script, not {expected}", s.name()),
            (_, None) => return false,
        };
        let message = self.message(
            default,
            found,
            (language, &confidence),
            script.unwrap_or(self.home),
        );
        out.push(self.rule.meta.diag(st.range, message).with_help(
            "translate it; an original kept on purpose (a quotation) should be followed by its translation in brackets",
        ));
        true
    }
}
