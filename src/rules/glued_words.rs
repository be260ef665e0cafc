//! `glued-words`: two words written as one, as a scraper or an engine joins
//! them: `ByJohn` (a function word of the language glued to a capitalised
//! word), `reportedthat`, `inthe` (a word the article writes on its own, or
//! a function word, glued to a function word of three letters or more).
//! Only the article's own vocabulary and the profile's function words are
//! read: no guessing from a dictionary. A glued form the article writes
//! twice is taken for a name (`InDesign`), and `allow` lists compounds made
//! of such parts (`goodwill`, `herewith`).

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{allow_lowercase, Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::hash::FastMap;

/// The fields of a `glued-words` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    allow: Option<Spanned<Vec<String>>>,
}

pub struct GluedWords {
    meta: RuleMeta,
    allow: HashSet<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(GluedWords {
        meta,
        allow: allow_lowercase(raw.allow),
    }))
}

/// The shortest word a glued word may be split into when the article's
/// vocabulary, not the function words, vouches for it.
const MIN_PART: usize = 4;

/// The longest function word read.
const MAX_FUNCTION: usize = 5;

impl Rule for GluedWords {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let profile = cx.doc.language.profile();
        let function: &[Box<str>] = &profile.function_words.detection;
        if function.is_empty() {
            return;
        }
        let set = &profile.function_words.detection_set;
        // The words asked about are runs of ASCII letters (see below).
        let is_function =
            |w: &str| w.len() <= MAX_FUNCTION && set.contains_ascii_letters(w.as_bytes());
        let text = cx.doc.text;
        // The last two letters of the function words a lower-case word can
        // end in (`lower_split`): most words end otherwise, and are not looked up.
        let mut tails = [0u64; 11];
        for f in function {
            let f = f.as_bytes();
            if let (3..=5, Some(i)) = (f.len(), tail_index(f)) {
                tails[i / 64] |= 1 << (i % 64);
            }
        }
        let may_end_in_function_word =
            |w: &[u8]| tail_index(w).is_some_and(|i| tails[i / 64] & (1 << (i % 64)) != 0);
        // Candidates first; the article's vocabulary is read only for the
        // strings they ask about (screened by length and first letter).
        let mut candidates: Vec<(&crate::document::Word, usize, bool)> = Vec::new();
        let bytes = text.as_bytes();
        for word in &cx.doc.words {
            let Some(wb) = bytes.get(word.range()) else {
                continue;
            };
            if wb.len() < 5 {
                continue;
            }
            // Cheap gates first. A camel-case split (`ByJohn`) puts a function
            // word first, so its capital is among the first six letters; a
            // lower-case split ends in a function word of three to five
            // letters, so the word ends in one's last two (`tails`).
            let camel_shape = wb[1..wb.len().min(MAX_FUNCTION + 1)]
                .iter()
                .any(u8::is_ascii_uppercase);
            if !camel_shape && !may_end_in_function_word(wb)
                || !wb.iter().all(u8::is_ascii_alphabetic)
            {
                continue;
            }
            let w = &text[word.range()];
            let camel = camel_split(w, &is_function);
            let Some(k) = camel.or_else(|| lower_split(w, &is_function)) else {
                continue;
            };
            if self.allow.contains(&w.to_ascii_lowercase()) {
                continue;
            }
            candidates.push((word, k, camel.is_some()));
        }
        if candidates.is_empty() {
            return;
        }
        // The strings the candidates ask about, each counted among the
        // article's words: the glued form, its parts, and the parts capitalised.
        let capitalized = |part: &str| {
            let mut cap = part[..1].to_ascii_uppercase();
            cap.push_str(&part[1..]);
            cap
        };
        let caps: Vec<String> = candidates
            .iter()
            .flat_map(|(word, k, _)| {
                let w = &text[word.range()];
                [&w[..*k], &w[*k..]]
            })
            .filter(|part| part.len() >= MIN_PART)
            .map(capitalized)
            .collect();
        let mut asked = Screen::default();
        let mut v: FastMap<&str, usize> = FastMap::default();
        for (word, k, _) in &candidates {
            let w = &text[word.range()];
            for s in [w, &w[..*k], &w[*k..]] {
                asked.add(s);
                v.insert(s, 0);
            }
        }
        for cap in &caps {
            v.insert(cap, 0);
        }
        for x in &cx.doc.words {
            let s = &text[x.range()];
            if asked.may_hold(s) {
                if let Some(n) = v.get_mut(s) {
                    *n += 1;
                }
            }
        }
        let seen = |s: &str| v.get(s).is_some_and(|&n| n > 0);
        for (word, k, camel) in candidates {
            let w = &text[word.range()];
            let (left, right) = w.split_at(k);
            // A glued form written twice is a name (`InDesign`).
            if v.get(w).is_some_and(|&n| n > 1) {
                continue;
            }
            // Parts longer than function words must be the article's own words.
            let known = |part: &str| {
                if is_function(part) {
                    return true;
                }
                if part.len() < MIN_PART {
                    return false;
                }
                seen(part) || seen(&capitalized(part))
            };
            // A capitalised part after a function word is a name: no vocabulary vouches for it.
            if !(known(left) && (camel || known(right))) {
                continue;
            }
            let range = word.range();
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", w)]),
                None => format!("'{left}' and '{right}' are written as one word"),
            };
            out.push(
                self.meta
                    .diag(range, message)
                    .with_help(format!("write '{left} {right}'"))
                    .with_fix(format!("{left} {right}"), Applicability::Unsafe),
            );
        }
    }
}

/// `ByJohn`: a function word, then a capital and at least two lower-case letters.
fn camel_split(w: &str, is_function: &impl Fn(&str) -> bool) -> Option<usize> {
    let b = w.as_bytes();
    let k = (1..b.len()).find(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())?;
    let right = &w[k..];
    let rest_lower = right.len() >= 3 && right.bytes().skip(1).all(|c| c.is_ascii_lowercase());
    (rest_lower && is_function(&w[..k])).then_some(k)
}

/// `reportedthat`, `inthe`: all lower case, ending in a function word of
/// three letters or more.
fn lower_split(w: &str, is_function: &impl Fn(&str) -> bool) -> Option<usize> {
    if !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    (3..=5)
        .filter(|&n| n + 2 <= w.len())
        .map(|n| w.len() - n)
        .find(|&k| is_function(&w[k..]))
}

/// The last two letters of a word (either case) as a number below 676.
fn tail_index(w: &[u8]) -> Option<usize> {
    let [.., a, b] = w else {
        return None;
    };
    let letter = |c: u8| {
        let c = c.to_ascii_lowercase();
        c.is_ascii_lowercase().then(|| usize::from(c - b'a'))
    };
    Some(letter(*a)? * 26 + letter(*b)?)
}

/// A screen over the strings candidates ask about: by length and first
/// letter (either case), 1,024 bits. It may let other words through, never
/// keeps one of them out.
#[derive(Default)]
struct Screen([u64; 16]);

impl Screen {
    fn slot(len: usize, first: u8) -> usize {
        (len.wrapping_mul(31) + usize::from(first.to_ascii_lowercase())) % 1024
    }

    fn add(&mut self, s: &str) {
        if let Some(&b) = s.as_bytes().first() {
            let i = Self::slot(s.len(), b);
            self.0[i / 64] |= 1 << (i % 64);
        }
    }

    fn may_hold(&self, s: &str) -> bool {
        s.as_bytes().first().is_some_and(|&b| {
            let i = Self::slot(s.len(), b);
            self.0[i / 64] & (1 << (i % 64)) != 0
        })
    }
}
