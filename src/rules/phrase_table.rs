//! `phrase-table`: a table of phrases, each with its own explanation, help
//! and guards, found in the one lexicon pass. It holds what a translation
//! engine leaves behind phrase by phrase: the calques of the source's news
//! formulae (`Recall that`, `within the framework of`) and its acronyms
//! left transliterated (`OVA`, `SVO`).
//!
//! A regex per formula would scan every sentence once per formula; the
//! phrases and their spellings go into the shared Aho–Corasick automaton
//! instead, and the guards below run only on its hits:
//! - `position = "sentence-start"`: the phrase opens its sentence (`Recall
//!   that …`, but not `I recall that day`);
//! - `not-before` / `not-after`: the word right after / before the phrase
//!   is none of these (`the head of state visit`);
//! - `explained-by`: an acronym is silent where one of its occurrences is
//!   spelled out close by (any of these phrases, in any case) or glossed in
//!   brackets (`OVA (regional military administration)`, `… administration
//!   (OVA)`); `bracket-gloss = false` for a relay language's acronym;
//! - `once`: only the first occurrence is reported, the others as labels.
//!
//! Each entry carries a fixture sentence (`example`) and a look-alike
//! (`silent`); both become the rule's own cases, run by `galley test` and
//! `cargo test` like every `[rule.doc]` example.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::lexicon::{resolve, CaseMode, TermId};
use super::self_test::{Expect, RuleTest};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::document::{floor_char_boundary, Document};

/// The fields of a `phrase-table` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entries: Option<Spanned<Vec<Spanned<RawEntry>>>>,
}

/// One phrase of the table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEntry {
    /// The phrase as the translation writes it.
    phrase: String,
    /// Other spellings of the same phrase (`Let’s recall that`).
    forms: Option<Vec<String>>,
    /// What it translates literally (`ru «Напомним, что»`), or what an acronym stands for.
    source: String,
    /// Why it reads as translated.
    why: String,
    /// The rewrite, as help.
    rewrite: String,
    /// A mechanical replacement; `""` deletes the phrase and capitalizes what follows.
    fix: Option<String>,
    /// `sentence-start` or `anywhere` (the default).
    position: Option<Spanned<String>>,
    not_before: Option<Vec<String>>,
    not_after: Option<Vec<String>>,
    /// Match the letter case as written (acronyms), not any case.
    exact_case: Option<bool>,
    explained_by: Option<Vec<String>>,
    /// Whether a gloss in brackets next to it explains it (default true; a
    /// relay language's acronym is wrong even when glossed).
    bracket_gloss: Option<bool>,
    once: Option<bool>,
    /// A sentence where it fires, and a look-alike where it must not.
    example: Spanned<String>,
    silent: Spanned<String>,
    /// `example` once the fix is applied.
    fixed: Option<String>,
}

struct Entry {
    source: String,
    why: String,
    rewrite: String,
    fix: Option<String>,
    sentence_start: bool,
    not_before: Vec<String>,
    not_after: Vec<String>,
    explained_by: Vec<String>,
    bracket_gloss: bool,
    once: bool,
    /// Matched in its letter case: an acronym, never part of a designation (`ZSU-23-4`).
    exact_case: bool,
}

pub struct PhraseTable {
    meta: RuleMeta,
    entries: Vec<Entry>,
    terms: HashMap<TermId, usize>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, mut meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let Some(entries) = raw.entries else {
        cx.error(
            cx.id.clone(),
            "a `phrase-table` rule needs `entries` ([[rule.entries]] with phrase, source, why, rewrite, example, silent)",
        );
        return None;
    };
    let mut ok = true;
    let mut table = Vec::new();
    let mut terms = HashMap::new();
    for spanned in entries.into_inner() {
        let span = spanned.span();
        let e = spanned.into_inner();
        let sentence_start = match e.position.as_ref().map(|p| p.get_ref().as_str()) {
            None | Some("anywhere") => false,
            Some("sentence-start") => true,
            Some(other) => {
                let at = e.position.as_ref().map_or(span.clone(), Spanned::span);
                cx.error_help(
                    at,
                    format!("unknown position `{other}`"),
                    "a position is `sentence-start` or `anywhere`",
                );
                ok = false;
                continue;
            }
        };
        let mut spellings = vec![e.phrase.clone()];
        spellings.extend(e.forms.clone().unwrap_or_default());
        spellings.retain(|s| !s.trim().is_empty());
        if spellings.is_empty() {
            cx.error(span.clone(), "an entry needs a `phrase`");
            ok = false;
            continue;
        }
        let mode = if e.exact_case.unwrap_or(false) {
            CaseMode::Exact
        } else {
            CaseMode::Insensitive
        };
        let index = table.len();
        for s in &spellings {
            terms.insert(cx.lexicon.add(s, mode), index);
        }
        let fixed = e.fixed.as_ref().map(|f| (f.clone(), e.example.span()));
        meta.tests.push(RuleTest {
            expect: Expect::Fires,
            text: e.example.get_ref().clone(),
            fixed,
            span: e.example.span(),
            origin: "[[rule.entries]] example",
        });
        meta.tests.push(RuleTest {
            expect: Expect::Silent,
            text: e.silent.get_ref().clone(),
            fixed: None,
            span: e.silent.span(),
            origin: "[[rule.entries]] silent",
        });
        let lower = |v: Option<Vec<String>>| -> Vec<String> {
            v.unwrap_or_default()
                .iter()
                .map(|w| w.to_lowercase())
                .collect()
        };
        table.push(Entry {
            source: e.source,
            why: e.why,
            rewrite: e.rewrite,
            fix: e.fix,
            sentence_start,
            not_before: lower(e.not_before),
            not_after: lower(e.not_after),
            explained_by: lower(e.explained_by),
            bracket_gloss: e.bracket_gloss.unwrap_or(true),
            once: e.once.unwrap_or(false),
            exact_case: e.exact_case.unwrap_or(false),
        });
    }
    ok.then(|| {
        Box::new(PhraseTable {
            meta,
            entries: table,
            terms,
        }) as Box<dyn Rule>
    })
}

/// Whether nothing but punctuation and spaces stands between the start of
/// the sentence holding `at` and `at` (a quotation mark may open it).
fn opens_sentence(doc: &Document<'_>, at: usize) -> bool {
    let start = doc
        .sentence_at(at)
        .and_then(|i| doc.sentences.get(i))
        .map_or(0, |s| s.start);
    doc.text
        .get(start..at)
        .is_some_and(|lead| !lead.chars().any(char::is_alphanumeric))
}

/// The word right after `at` (spaces skipped), lower-cased; `None` after punctuation.
fn next_word(text: &str, at: usize) -> Option<String> {
    let rest = text.get(at..)?.trim_start_matches([' ', '\u{a0}']);
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// The word right before `at` (spaces skipped), lower-cased.
fn previous_word(text: &str, at: usize) -> Option<String> {
    let lead = text.get(..at)?.trim_end_matches([' ', '\u{a0}']);
    let mut word: Vec<char> = lead
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    word.reverse();
    let word: String = word.into_iter().collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// Whether a hyphen joins the match to a word or number (`ZSU-23-4`, `Su-SVO`):
/// a designation, not an acronym.
fn in_designation(text: &str, r: &Range<usize>) -> bool {
    let before = text.get(..r.start).and_then(|t| t.chars().next_back());
    let after = text.get(r.end..).and_then(|t| t.chars().next());
    before == Some('-') || after == Some('-')
}

/// How far around an acronym its spelled-out form counts as explaining it
/// (`the regional military administration (OVA)`, `the SBU, Ukraine's
/// security service`): a body named somewhere else in the article is not
/// tied to the acronym for the reader.
const EXPLAINED_WITHIN: usize = 100;

/// Whether one of the occurrences `at` is explained: glossed in brackets
/// next to it, or with the spelled-out form close by. `lower` is the text
/// in ASCII lower case (same byte offsets).
fn explained(doc: &Document<'_>, lower: &str, e: &Entry, at: &[Range<usize>]) -> bool {
    let text = doc.text;
    at.iter().any(|r| {
        let after = text.get(r.end..).unwrap_or("");
        let before = text.get(..r.start).unwrap_or("");
        if e.bracket_gloss
            && (after.starts_with(" (") || (before.ends_with('(') && after.starts_with(')')))
        {
            return true;
        }
        // Within its paragraph: the next paragraph's words explain nothing here.
        let para = doc
            .paragraph_at(r.start)
            .and_then(|i| doc.paragraphs.get(i))
            .map_or(0..text.len(), Clone::clone);
        let from = floor_char_boundary(
            text,
            r.start.saturating_sub(EXPLAINED_WITHIN).max(para.start),
        );
        let to = floor_char_boundary(text, (r.end + EXPLAINED_WITHIN).min(para.end));
        let near = lower.get(from..to).unwrap_or("");
        e.explained_by.iter().any(|p| near.contains(p.as_str()))
    })
}

/// The fix of a hit: the entry's replacement, or, for `""`, the phrase
/// deleted with the spaces after it and the next letter capitalized.
fn fix_of(text: &str, range: &Range<usize>, replacement: &str) -> Option<(Range<usize>, String)> {
    if !replacement.is_empty() {
        let found = text.get(range.clone())?;
        let capital = found.chars().next().is_some_and(char::is_uppercase);
        let mut out = replacement.to_owned();
        if capital {
            let mut chars = replacement.chars();
            out = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
        }
        return Some((range.clone(), out));
    }
    let rest = text.get(range.end..)?;
    let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let word: &str = rest[spaces..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .next()?;
    let mut chars = word.chars();
    let first = chars.next().filter(|c| c.is_alphabetic())?;
    let end = range.end + spaces + word.len();
    Some((
        range.start..end,
        first.to_uppercase().chain(chars).collect(),
    ))
}

impl Rule for PhraseTable {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let hits = resolve(cx.hits(), |t| self.terms.contains_key(&t));
        if hits.is_empty() {
            return;
        }
        // Built only when an acronym is found: the article in lower case.
        let mut lower: Option<String> = None;
        // Entry, range, and for a `once` entry its later occurrences.
        let mut found: Vec<(usize, Range<usize>, Vec<Range<usize>>)> = Vec::new();
        let mut first: HashMap<usize, usize> = HashMap::new();
        for hit in hits {
            let Some(&index) = self.terms.get(&hit.term) else {
                continue;
            };
            let e = &self.entries[index];
            let r = hit.range;
            if e.sentence_start && !opens_sentence(doc, r.start) {
                continue;
            }
            if e.exact_case && in_designation(doc.text, &r) {
                continue;
            }
            if !e.not_before.is_empty()
                && next_word(doc.text, r.end).is_some_and(|w| e.not_before.contains(&w))
            {
                continue;
            }
            if !e.not_after.is_empty()
                && previous_word(doc.text, r.start).is_some_and(|w| e.not_after.contains(&w))
            {
                continue;
            }
            if e.once {
                if let Some(&at) = first.get(&index) {
                    found[at].2.push(r);
                    continue;
                }
                first.insert(index, found.len());
            }
            found.push((index, r, Vec::new()));
        }
        for (index, r, again) in &found {
            let Some(e) = self.entries.get(*index) else {
                continue;
            };
            if e.once || !e.explained_by.is_empty() {
                let lower = lower.get_or_insert_with(|| doc.text.to_ascii_lowercase());
                let mut all = vec![r.clone()];
                all.extend(again.iter().cloned());
                if explained(doc, lower, e, &all) {
                    continue;
                }
            }
            let text = doc.slice(r);
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", text), ("source", &e.source)]),
                None => format!("'{text}' reads as translated: {}", e.source),
            };
            let mut d = self
                .meta
                .diag(r.clone(), message)
                .with_note(e.why.clone())
                .with_help(e.rewrite.clone());
            if !again.is_empty() {
                for m in again {
                    d = d.with_label(m.clone(), "and here");
                }
                d = d.with_note(format!("{} times in the article", again.len() + 1));
            }
            if let Some((range, replacement)) =
                e.fix.as_deref().and_then(|f| fix_of(doc.text, r, f))
            {
                d = d.with_fix_at(range, replacement, Applicability::Safe);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_opener_capitalizes_what_follows() {
        let text = "Recall that the talks failed.";
        assert_eq!(fix_of(text, &(0..11), ""), Some((0..15, "The".to_owned())));
        assert_eq!(fix_of("In turn, 5 left.", &(0..8), ""), None);
        assert_eq!(
            fix_of("Within the framework of X", &(0..23), "under"),
            Some((0..23, "Under".to_owned()))
        );
    }

    #[test]
    fn neighbouring_words() {
        let t = "the head of state visit";
        assert_eq!(next_word(t, 17).as_deref(), Some("visit"));
        assert_eq!(previous_word(t, 4).as_deref(), Some("the"));
        assert_eq!(next_word("state.", 5), None);
    }
}
