//! `quote-punctuation`: spaces and punctuation on the wrong side of a
//! typeset quotation mark, as machine translation leaves them:
//! `resolved, ”he added` (the space before the closing mark, none after),
//! `trade, ” Putin said` (a space before it), `country.”he` (none after),
//! `work.” said` (a quotation closed with a full stop, then a lower-case
//! attribution), `“ We` (a space after the opening mark). A language that
//! sets spaces inside its marks (French `« texte »`) is left alone there.
//! Straight quotes say nothing of their side and are not read.

use std::ops::Range;

use serde::Deserialize;

use super::{char_at, char_before, is_space, marks, Mark, MarkSet, Role};
use crate::diagnostic::Applicability;
use crate::lang::WordSet;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// A `quote-punctuation` rule reads the language's marks from its profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct QuotePunctuation {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(QuotePunctuation { meta }))
}

/// Punctuation that ends the words a closing mark follows.
fn is_closing_punct(c: char) -> bool {
    matches!(c, ',' | '.' | '!' | '?' | '…' | ';' | ':')
}

impl Rule for QuotePunctuation {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(set) = MarkSet::of(cx.doc.language) else {
            return;
        };
        let text = cx.doc.text;
        let abbreviations = &cx.doc.language.profile().sentences.abbreviations;
        let mut buf = Vec::new();
        for para in &cx.doc.paragraphs {
            marks(text, para, &set, &mut buf);
            for m in &buf {
                match m.role {
                    Role::Close(p) if !set.is_single(p) => {
                        self.closing(cx, m, set.spaced, abbreviations, out)
                    }
                    Role::Open(p) if !set.is_single(p) && !set.spaced => self.opening(cx, m, out),
                    _ => {}
                }
            }
        }
    }
}

impl QuotePunctuation {
    fn push(
        &self,
        cx: &Context<'_>,
        range: Range<usize>,
        message: String,
        help: &str,
        fix: (String, Applicability),
        out: &mut Sink,
    ) {
        let message = match &self.meta.message {
            Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
            None => message,
        };
        out.push(
            self.meta
                .diag(range, message)
                .with_help(help)
                .with_fix(fix.0, fix.1),
        );
    }

    fn closing(
        &self,
        cx: &Context<'_>,
        m: &Mark,
        spaced: bool,
        abbreviations: &WordSet,
        out: &mut Sink,
    ) {
        let text = cx.doc.text;
        let ch = m.ch;
        let before = char_before(text, m.at);
        let after = char_at(text, m.end());
        let after_letter = after.is_some_and(char::is_alphanumeric);
        if before.is_some_and(|c| c == ' ') && !spaced {
            let space = m.at - 1;
            let word_before = char_before(text, space).is_some_and(|c| !is_space(c) && c != '\n');
            if !word_before {
                return;
            }
            if after_letter {
                // `, ”he`: the space belongs after the mark.
                self.push(
                    cx,
                    space..m.end(),
                    format!("the space before {ch} belongs after it"),
                    "move the space after the closing mark",
                    (format!("{ch} "), Applicability::Safe),
                    out,
                );
            } else {
                let after_punct = char_before(text, space).is_some_and(is_closing_punct);
                self.push(
                    cx,
                    space..m.end(),
                    format!("space before the closing mark {ch}"),
                    "delete the space",
                    (
                        ch.to_string(),
                        if after_punct {
                            Applicability::Safe
                        } else {
                            Applicability::Unsafe
                        },
                    ),
                    out,
                );
            }
            return;
        }
        let glued = after_letter && (spaced || before.is_some_and(|c| !is_space(c)));
        // `work.” said`, `country.”he`: a full stop ends the sentence, so what
        // follows opens one.
        let runs_on = before == Some('.')
            && !ends_with_abbreviation(text, m.at - 1, abbreviations)
            && text[m.end()..]
                .trim_start_matches(is_space)
                .starts_with(char::is_lowercase);
        if runs_on {
            let period = m.at - 1;
            let next = text[m.end()..].trim_start_matches(is_space);
            let word_end = next
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(next.len());
            let start = text.len() - next.len();
            let word = &next[..word_end];
            self.push(
                cx,
                period..start + word_end,
                "a quotation closed with a full stop runs on in lower case".to_owned(),
                "end the quotation with a comma when the sentence goes on, or start a new sentence",
                (format!(",{ch} {word}"), Applicability::Unsafe),
                out,
            );
        } else if glued {
            // `country.”He`; French `»` glued to the next word is as wrong.
            self.push(
                cx,
                m.at..m.end(),
                format!("no space after the closing mark {ch}"),
                "add a space after the closing mark",
                (format!("{ch} "), Applicability::Safe),
                out,
            );
        }
    }

    fn opening(&self, cx: &Context<'_>, m: &Mark, out: &mut Sink) {
        let text = cx.doc.text;
        let ch = m.ch;
        let before = char_before(text, m.at);
        let after = char_at(text, m.end());
        // `“ We`: the space after the opening mark, the mark after a space or the line's start.
        if after == Some(' ')
            && before.is_none_or(|c| is_space(c) || c == '\n' || c == '(')
            && char_at(text, m.end() + 1).is_some_and(char::is_alphanumeric)
        {
            self.push(
                cx,
                m.at..m.end() + 1,
                format!("space after the opening mark {ch}"),
                "delete the space",
                (ch.to_string(), Applicability::Safe),
                out,
            );
        }
    }
}

/// Whether the full stop at `period` ends an abbreviation or initials
/// (`U.S.`, `Inc.`): then it need not end the sentence.
pub(crate) fn ends_with_abbreviation(text: &str, period: usize, abbreviations: &WordSet) -> bool {
    let head = &text[..period];
    let word_start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    if word.contains('.') || word.chars().count() == 1 {
        return true;
    }
    abbreviations.contains(&word.to_lowercase())
}
