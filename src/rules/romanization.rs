//! `romanization-variants`: without a dictionary, two capitalised words in
//! one article that differ only the way romanizations of one Cyrillic name
//! differ (`Lukashenko`/`Lukashenka`, `Zelenskiy`/`Zelensky`,
//! `Tikhonovsky`/`Tihonovsky`). Each word is reduced to a skeleton that
//! erases exactly those differences; two words with one skeleton are variants.
//!
//! Precision comes from what the skeleton keeps: English endings (`-s`,
//! `-n`, `-ian`, `-ese`) change it, and so do gendered surname endings
//! (`-ov`/`-ova`, `-sky`/`-skaya`, `-y`/`-aya`), so `Russia`/`Russian` and
//! `Navalny`/`Navalnaya` never pair. Words the packs know (a variant group,
//! an entity) are left to the dictionary rules.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::aliases::is_declared;
use super::compile::{Compiler, RuleMeta};
use super::text::{is_all_caps, is_capitalized, quoted_list, render, strip_possessive};
use super::{Context, Rule, Sink};
use crate::diagnostic::{Applicability, Severity};

/// The fields of a `romanization-variants` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    min_length: Option<Spanned<i64>>,
    ignore: Option<Spanned<Vec<String>>>,
}

pub struct Romanization {
    meta: RuleMeta,
    min_length: usize,
    ignore: Vec<String>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let min_length = cx.bounded(raw.min_length, "min-length", 3..=64, 5)?;
    let ignore = raw.ignore.map(|i| i.into_inner()).unwrap_or_default();
    Some(Box::new(Romanization {
        meta,
        min_length,
        ignore,
    }))
}

/// Rewrites, in order, that erase transliteration-typical differences.
const FOLDS: &[(&str, &str)] = &[
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("iy", "i"),
    ("yy", "i"),
    ("ij", "i"),
    ("yi", "i"),
    ("ie", "e"),
    ("ye", "e"),
    ("je", "e"),
    ("yo", "e"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
];

/// The skeleton of a lowercase word; see the module comment.
pub fn skeleton(word: &str) -> String {
    let mut s = word.to_lowercase();
    for (from, to) in FOLDS {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // Belarusian -ka where Russian writes -ko (Lukashenka, Babaryka).
    if out.len() > 4 && (out.ends_with("ka") || out.ends_with("ko")) {
        out.truncate(out.len() - 1);
        out.push('_');
    }
    out
}

struct Form<'a> {
    word: &'a str,
    ranges: Vec<Range<usize>>,
    /// Followed by another capitalised word, as a given name is.
    given_name: bool,
    /// The capitalised words that follow it (the surnames of a given name).
    followers: std::collections::BTreeSet<&'a str>,
    /// Every occurrence is followed by a capitalised word.
    always_followed: bool,
    /// A term of some pack: pairs of two known words are the dictionary rules' business.
    known: bool,
}

impl Rule for Romanization {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let mut hits = cx.hits.iter().peekable();
        // spelling → form; then skeleton → spelling → form, one skeleton per spelling.
        let mut by_word: std::collections::HashMap<&str, Form<'_>> =
            std::collections::HashMap::new();
        for (i, w) in doc.words.iter().enumerate() {
            while hits.next_if(|h| h.range.end <= w.start).is_some() {}
            let word = strip_possessive(doc.slice(&w.range()));
            if !is_capitalized(word)
                || is_all_caps(word)
                || word.chars().count() < self.min_length
                || !word.chars().all(char::is_alphabetic)
                || self.ignore.iter().any(|x| x == word)
            {
                continue;
            }
            let known = hits.peek().is_some_and(|h| h.range.start < w.end);
            let next = doc.words.get(i + 1).filter(|n| {
                doc.text[w.end..n.start].trim().is_empty() && is_capitalized(doc.slice(&n.range()))
            });
            let next_capitalized = next.is_some();
            let form = by_word.entry(word).or_insert(Form {
                word,
                ranges: Vec::new(),
                given_name: false,
                followers: Default::default(),
                always_followed: true,
                known,
            });
            form.ranges.push(w.start..w.start + word.len());
            form.given_name |= next_capitalized;
            form.always_followed &= next_capitalized;
            form.known |= known;
            if let Some(n) = next {
                form.followers.insert(doc.slice(&n.range()));
            }
        }
        let mut by_skeleton: BTreeMap<String, BTreeMap<&str, Form<'_>>> = BTreeMap::new();
        for (word, form) in by_word {
            by_skeleton
                .entry(skeleton(word))
                .or_default()
                .insert(word, form);
        }
        for forms in by_skeleton.values() {
            if forms.len() < 2 {
                continue;
            }
            let mut forms: Vec<&Form<'_>> = forms.values().collect();
            // A proper noun: it occurs at least once where a capital says so.
            let proper = forms.iter().all(|f| {
                f.ranges.iter().any(|r| {
                    let idx = doc.word_index_from(r.start);
                    doc.words.get(idx).is_some_and(|w| !w.sentence_initial)
                })
            });
            if !proper {
                continue;
            }
            forms.sort_by(|a, b| {
                b.ranges
                    .len()
                    .cmp(&a.ranges.len())
                    .then(a.ranges[0].start.cmp(&b.ranges[0].start))
            });
            let keep = forms[0];
            let counts = forms
                .iter()
                .map(|f| format!("{} × {}", f.ranges.len(), f.word))
                .collect::<Vec<_>>()
                .join(", ");
            for f in &forms[1..] {
                if is_declared(cx.declared_aliases(), f.word, keep.word) || (f.known && keep.known)
                {
                    continue;
                }
                // "Dmitry Peskov" and "Dmitri Shostakovich": two given names, always
                // with surnames, never the same one, are two people.
                if f.always_followed
                    && keep.always_followed
                    && f.followers.is_disjoint(&keep.followers)
                {
                    continue;
                }
                // Given names vary between people ("Sergei Lavrov", "Sergey Shoigu"):
                // report them, but below the rule's level.
                let severity = if f.given_name || keep.given_name {
                    Severity::Info
                } else {
                    self.meta.severity
                };
                for r in &f.ranges {
                    let mut d = self
                        .meta
                        .diag(
                            r.clone(),
                            match &self.meta.message {
                                Some(t) => render(t, &[("found", f.word), ("expected", keep.word)]),
                                None => format!(
                                    "{} look like two romanizations of one name",
                                    quoted_list(&[f.word, keep.word])
                                ),
                            },
                        )
                        .with_label(keep.ranges[0].clone(), format!("'{}' here", keep.word))
                        .with_note(counts.clone())
                        .with_help(format!(
                            "if they name one person or place, use one spelling: '{}'",
                            keep.word
                        ))
                        .with_fix(keep.word.to_owned(), Applicability::Unsafe);
                    d.severity = severity.min(self.meta.severity);
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::skeleton;

    #[test]
    fn romanization_variants_share_a_skeleton() {
        for (a, b) in [
            ("Lukashenko", "Lukashenka"),
            ("Zelenskiy", "Zelensky"),
            ("Zelenskyy", "Zelensky"),
            ("Navalny", "Navalnyy"),
            ("Kharkov", "Harkov"),
            ("Tsepkalo", "Cepkalo"),
            ("Babariko", "Babaryka"),
            ("Mahilyow", "Mahilyov"),
            ("Mogilyov", "Mogilev"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn morphology_and_gender_change_the_skeleton() {
        for (a, b) in [
            ("Russia", "Russian"),
            ("Belarus", "Belarusian"),
            ("Ukraine", "Ukrainian"),
            ("Navalny", "Navalnaya"),
            ("Tikhanovsky", "Tikhanovskaya"),
            ("Ivanov", "Ivanova"),
            ("Putin", "Putina"),
            ("Roberto", "Roberta"),
            ("China", "Chinese"),
            ("Poland", "Polands"),
        ] {
            assert_ne!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }
}
