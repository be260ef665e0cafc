//! `mixed-apostrophes`: straight (`'`) and typographic (`’`) apostrophes in
//! one article (`Russia's` beside `Ukraine’s`). Only an apostrophe between
//! two letters counts: quotation marks, `rock 'n' roll` and `the '90s` are
//! other marks. The minority form is reported, with the fix to the
//! majority; on a tie the straight ones are.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// A `mixed-apostrophes` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct MixedApostrophes {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(MixedApostrophes { meta }))
}

const STRAIGHT: char = '\'';
const TYPOGRAPHIC: char = '’';

/// Offsets of the apostrophes between two letters in `text`.
fn apostrophes(text: &str, paras: &[std::ops::Range<usize>], out: &mut Vec<(usize, char)>) {
    for para in paras {
        let Some(hay) = text.get(para.clone()) else {
            continue;
        };
        let mut prev: Option<char> = None;
        let mut it = hay.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if (c == STRAIGHT || c == TYPOGRAPHIC)
                && prev.is_some_and(char::is_alphabetic)
                && it.peek().is_some_and(|&(_, n)| n.is_alphabetic())
            {
                out.push((para.start + i, c));
            }
            prev = Some(c);
        }
    }
}

impl Rule for MixedApostrophes {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        // Most articles have no straight apostrophe at all.
        if !text.contains(STRAIGHT) || !text.contains(TYPOGRAPHIC) {
            return;
        }
        let mut found = Vec::new();
        apostrophes(text, &cx.doc.paragraphs, &mut found);
        let straight = found.iter().filter(|(_, c)| *c == STRAIGHT).count();
        let typographic = found.len() - straight;
        if straight == 0 || typographic == 0 {
            return;
        }
        let (minority, majority) = if straight <= typographic {
            (STRAIGHT, TYPOGRAPHIC)
        } else {
            (TYPOGRAPHIC, STRAIGHT)
        };
        let Some(&(first_kept, _)) = found.iter().find(|(_, c)| *c == majority) else {
            return;
        };
        let note = format!("{straight} straight, {typographic} typographic");
        for &(at, c) in found.iter().filter(|(_, c)| *c == minority) {
            // The whole word, so the finding reads `Russia's`.
            let start = text[..at]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| {
                    i + text[i..].chars().next().map_or(1, char::len_utf8)
                });
            let end = text[at + c.len_utf8()..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |i| at + c.len_utf8() + i);
            let range = start..end;
            let word = cx.doc.slice(&range);
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", word)]),
                None => format!(
                    "'{word}' has a {} apostrophe; the article writes {majority} elsewhere",
                    if c == STRAIGHT {
                        "straight"
                    } else {
                        "typographic"
                    }
                ),
            };
            out.push(
                self.meta
                    .diag(range, message)
                    .with_label(
                        first_kept..first_kept + majority.len_utf8(),
                        format!("{majority} here"),
                    )
                    .with_note(note.clone())
                    .with_help(format!("write {majority}"))
                    .with_fix_at(
                        at..at + c.len_utf8(),
                        majority.to_string(),
                        Applicability::Safe,
                    ),
            );
        }
    }
}
