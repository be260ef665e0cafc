//! `lost-apostrophe`: an apostrophe the engine dropped. Two kinds, both
//! closed: a contraction of the pack's list written without it (`didnt`,
//! `hasnt`), and a possessive `s` glued to a person's name (`Lukashenkas
//! complaints`) where the name is a leader of the knowledge base or one the
//! article writes with its apostrophe elsewhere, and a lower-case word
//! follows (a plural of a surname, `the Kennedys were`, is followed by a
//! verb too: the possessive is reported as info, its fix unsafe).

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
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
    /// `didnt` → (`didn`, `t`): the parts either side of the apostrophe.
    contractions: HashMap<String, usize>,
    /// Surnames of the knowledge base's people, as written.
    surnames: HashSet<String>,
    /// Whether possessives are checked (`entity-types` given).
    possessives: bool,
    /// The last letters of the contractions, and the longest one's length.
    ends: Vec<u8>,
    longest: usize,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let mut contractions = HashMap::new();
    if let Some(list) = raw.contractions {
        let span = list.span();
        for c in list.into_inner() {
            let Some(k) = c.find(['\'', '’']) else {
                cx.error(span.clone(), format!("contraction `{c}` has no apostrophe"));
                return None;
            };
            let apostrophe = c[k..].chars().next().map_or(1, char::len_utf8);
            let bare = format!("{}{}", &c[..k], &c[k + apostrophe..]).to_lowercase();
            contractions.insert(bare, k);
        }
    }
    let possessives = raw.entity_types.is_some();
    let types: Vec<String> = raw.entity_types.map(|t| t.into_inner()).unwrap_or_default();
    let mut surnames = HashSet::new();
    for (_, e) in cx.entities.iter() {
        if !types.contains(&e.kind) {
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
    let mut ends: Vec<u8> = contractions
        .keys()
        .filter_map(|c| c.as_bytes().last().copied())
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let longest = contractions.keys().map(String::len).max().unwrap_or(0);
    Some(Box::new(LostApostrophe {
        meta,
        contractions,
        surnames,
        possessives,
        ends,
        longest,
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
        for (n, word) in words.iter().enumerate() {
            let w = &text[word.range()];
            // Cheap shape tests first: a contraction is a short word ending
            // in a letter some listed contraction ends in; a lost possessive
            // ends in `s`.
            let Some(&last) = w.as_bytes().last() else {
                continue;
            };
            let last = last.to_ascii_lowercase();
            let contraction_shape = w.len() <= self.longest && self.ends.contains(&last);
            if w.len() < 4
                || !(contraction_shape || self.possessives && last == b's')
                || !w.bytes().all(|b| b.is_ascii_alphabetic())
            {
                continue;
            }
            // A contraction: `didnt`, `Hasnt`.
            // Lower-cased on the stack: no allocation per word.
            let mut buf = [0u8; 16];
            let lower = match buf.get_mut(..w.len()) {
                Some(b) if contraction_shape => {
                    b.copy_from_slice(w.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).ok()
                }
                _ => None,
            };
            if let Some(&k) = lower.and_then(|l| self.contractions.get(l)) {
                let fixed = format!("{}{apostrophe}{}", &w[..k], &w[k..]);
                self.push(word.range(), w, &fixed, "contraction", out);
                continue;
            }
            if !self.possessives {
                continue;
            }
            // A possessive: `Lukashenkas complaints`.
            let Some(stem) = w.strip_suffix('s') else {
                continue;
            };
            if word.sentence_initial || !stem.starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
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
