//! `lost-apostrophe`: an apostrophe the engine dropped. Two kinds, both
//! closed: a contraction of the pack's list written without it (`didnt`,
//! `hasnt`), and a possessive `s` glued to a person's name (`Lukashenkas
//! complaints`) where the name is a leader of the knowledge base or one the
//! article writes with its apostrophe elsewhere, and a lower-case word
//! follows (a plural of a surname, `the Kennedys were`, is followed by a
//! verb too: the possessive is reported as info, its fix unsafe).

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::lexicon::{CaseMode, TermId};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `lost-apostrophe` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Contractions as written with their apostrophe: `didn’t`.
    contractions: Option<Spanned<Vec<String>>>,
    /// Entity types whose names take a possessive: `["leader"]`.
    entity_types: Option<Spanned<Vec<String>>>,
}

pub struct LostApostrophe {
    meta: RuleMeta,
    /// `didnt` → (`didn`, `t`): the parts either side of the apostrophe,
    /// by the lexicon term that finds the bare form, sorted by term. The
    /// lexicon scans every article once anyway: a fixed list of whole words
    /// costs this rule nothing per word.
    contractions: Vec<(TermId, usize)>,
    /// Surnames of the knowledge base's people, as written.
    surnames: HashSet<String>,
    /// Whether possessives are checked (`entity-types` given).
    possessives: bool,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let mut contractions = Vec::new();
    if let Some(list) = raw.contractions {
        let span = list.span();
        for c in list.into_inner() {
            let Some(k) = c.find(['\'', '’']) else {
                cx.error(span.clone(), format!("contraction `{c}` has no apostrophe"));
                return None;
            };
            let apostrophe = c[k..].chars().next().map_or(1, char::len_utf8);
            let bare = format!("{}{}", &c[..k], &c[k + apostrophe..]).to_lowercase();
            contractions.push((cx.lexicon.add(&bare, CaseMode::Insensitive), k));
        }
    }
    let possessives = raw.entity_types.is_some();
    let types: Vec<String> = raw.entity_types.map(|t| t.into_inner()).unwrap_or_default();
    let mut surnames = HashSet::new();
    for (_, e) in cx.entities.iter() {
        if !types.iter().any(|t| *t == *e.kind) {
            continue;
        }
        for name in e.names() {
            if let Some(last) = name.split_whitespace().next_back() {
                if last.chars().count() >= 4 && !last.ends_with('s') {
                    surnames.insert(last.to_owned());
                }
            }
        }
    }
    contractions.sort_unstable();
    contractions.dedup_by_key(|&mut (t, _)| t);
    Some(Box::new(LostApostrophe {
        meta,
        contractions,
        surnames,
        possessives,
    }))
}

impl Rule for LostApostrophe {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let apostrophe = if text.contains('’') || !text.contains('\'') {
            '’'
        } else {
            '\''
        };
        let words = &cx.doc.words;
        // The names the article writes with `’s`: found at the first candidate.
        let mut seen: Option<HashSet<&str>> = None;
        for h in cx.hits() {
            let Ok(i) = self.contractions.binary_search_by_key(&h.term, |&(t, _)| t) else {
                continue;
            };
            // A whole word of the article, not a part of `didnt.com` or `didnts`.
            let Some(word) = words.get(cx.doc.word_index_from(h.range.start)) else {
                continue;
            };
            if word.range() != h.range || h.range.len() < 4 {
                continue;
            }
            let w = &text[word.range()];
            let k = self.contractions[i].1;
            let fixed = format!("{}{apostrophe}{}", &w[..k], &w[k..]);
            self.push(word.range(), w, &fixed, "contraction", out);
        }
        if !self.possessives {
            return;
        }
        // Candidates are capitalised words: the article's are walked once
        // for every rule that reads them (`Context::capitalized`).
        let candidates = cx.capitalized().iter().filter(|c| {
            let wb = c.word.as_bytes();
            wb.len() >= 4
                && wb.last() == Some(&b's')
                && wb[0].is_ascii_uppercase()
                && wb.iter().all(u8::is_ascii_alphabetic)
        });
        let occurrences = candidates.flat_map(|c| c.words.iter().map(move |&n| (c.word, n)));
        for (w, n) in occurrences {
            let Some(word) = words.get(n) else {
                continue;
            };
            // The whole word, no possessive cut off it (`Lukashenkas’s` is
            // not one), mid-sentence. A possessive: `Lukashenkas complaints`.
            if word.sentence_initial || text[word.range()] != *w {
                continue;
            }
            let stem = &w[..w.len() - 1];
            let next_lower = words.get(n + 1).is_some_and(|next| {
                text[word.end..next.start].chars().all(|c| c == ' ')
                    && text[next.range()].starts_with(|c: char| c.is_lowercase())
            });
            if !next_lower {
                continue;
            }
            // Names the article writes with `’s`, found once with memmem (no word set).
            let possessed = seen.get_or_insert_with(|| {
                let mut possessed = HashSet::new();
                for suffix in ["'s", "’s"] {
                    for at in memchr::memmem::find_iter(text.as_bytes(), suffix) {
                        let head = &text[..at];
                        let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
                            i + head[i..].chars().next().map_or(1, char::len_utf8)
                        });
                        possessed.insert(&text[start..at]);
                    }
                }
                possessed
            });
            let known = self.surnames.contains(stem) || possessed.contains(stem);
            // The name itself also stands alone in the article (rare: scanned only then).
            let alone = known && words.iter().any(|x| &text[x.range()] == stem);
            if alone {
                let fixed = format!("{stem}{apostrophe}s");
                self.push(word.range(), w, &fixed, "possessive", out);
            }
        }
    }
}

impl LostApostrophe {
    fn push(
        &self,
        range: std::ops::Range<usize>,
        found: &str,
        fixed: &str,
        what: &str,
        out: &mut Sink,
    ) {
        let message = match &self.meta.message {
            Some(t) => render(t, &[("found", found)]),
            None => format!("'{found}' has lost the apostrophe of its {what}"),
        };
        let possessive = what == "possessive";
        let d = self
            .meta
            .diag(range, message)
            .with_help(format!("write '{fixed}'"))
            .with_fix(
                fixed.to_owned(),
                if possessive {
                    Applicability::Unsafe
                } else {
                    Applicability::Safe
                },
            );
        out.push(d);
    }
}
