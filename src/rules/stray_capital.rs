//! `stray-capital`: a function word of the language written with a capital
//! in the middle of a sentence, between lower-case words (`as possible On
//! the battlefield`): an engine's leftover of a line break or a title. A
//! title quoted in prose keeps its capitals (`the film Gone With the Wind`:
//! the word before is capitalised; `the song In the Air Tonight`: a capital
//! follows within two words) and stays silent. A guess: reported as info.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// A `stray-capital` rule reads the profile's function words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct StrayCapital {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(StrayCapital { meta }))
}

fn is_lower_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase()) && w.chars().all(char::is_alphabetic)
}

impl Rule for StrayCapital {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let function = &cx.doc.language.profile().function_words.detection;
        if function.is_empty() {
            return;
        }
        let text = cx.doc.text;
        let spaced = |a: &crate::document::Word, b: &crate::document::Word| {
            text.get(a.end..b.start) == Some(" ")
        };
        // A function word written with a capital: the article's capitalised
        // words are walked once for every rule that reads them.
        let words = &cx.doc.words;
        let occurrences = cx
            .capitalized()
            .iter()
            .filter(|c| function.iter().any(|f| **f == *c.lower))
            .flat_map(|c| c.words.iter().copied());
        for i in occurrences {
            let (Some(prev), Some(word), Some(n1), Some(n2)) = (
                i.checked_sub(1).and_then(|p| words.get(p)),
                words.get(i),
                words.get(i + 1),
                words.get(i + 2),
            ) else {
                continue;
            };
            let s = &text[word.range()];
            let mut chars = s.chars();
            let (Some(first), rest) = (chars.next(), chars.as_str()) else {
                continue;
            };
            if !first.is_uppercase()
                || rest.is_empty()
                || !rest.chars().all(char::is_lowercase)
                || word.sentence_initial
            {
                continue;
            }
            if !(spaced(prev, word) && spaced(word, n1) && spaced(n1, n2)) {
                continue;
            }
            if !(is_lower_word(&text[prev.range()])
                && is_lower_word(&text[n1.range()])
                && is_lower_word(&text[n2.range()]))
            {
                continue;
            }
            // A function word: the walk's words were chosen so above.
            let lower = s.to_lowercase();
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", s)]),
                None => format!("'{s}' has a capital in the middle of a sentence"),
            };
            out.push(
                self.meta
                    .diag(word.range(), message)
                    .with_help(format!("write '{lower}'"))
                    .with_fix(lower.clone(), Applicability::Unsafe),
            );
        }
    }
}
