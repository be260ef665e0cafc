//! One Aho–Corasick automaton over every dictionary term of every rule, run
//! once per document. Rules register terms at compile time and get back a
//! `TermId`; per document they read the resolved hits.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::document::Document;

pub type TermId = u32;

/// How a term's letter case must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseMode {
    /// As written, or in capitals throughout (a headline in caps): names.
    Exact,
    /// Any ASCII case: designations (`Mig-25`) and common phrases.
    Insensitive,
}

#[derive(Debug, Default)]
pub struct LexiconBuilder {
    terms: Vec<(String, CaseMode)>,
    ids: HashMap<(String, CaseMode), TermId>,
}

impl LexiconBuilder {
    pub fn add(&mut self, term: &str, mode: CaseMode) -> TermId {
        let key = (term.to_owned(), mode);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(key.clone());
        self.ids.insert(key, id);
        id
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn build(self) -> Result<Lexicon, aho_corasick::BuildError> {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(self.terms.iter().map(|(t, _)| t.as_str()))?;
        Ok(Lexicon {
            automaton,
            terms: self.terms,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub term: TermId,
    pub range: Range<usize>,
}

#[derive(Debug)]
pub struct Lexicon {
    automaton: AhoCorasick,
    terms: Vec<(String, CaseMode)>,
}

impl Lexicon {
    pub fn term(&self, id: TermId) -> &str {
        self.terms.get(id as usize).map_or("", |(t, _)| t.as_str())
    }

    /// Every whole-word match, overlapping ones included, by start and then
    /// longest first. Overlaps are resolved per rule (`resolve`): a full name
    /// in the entity base must not hide the surname a variant rule counts.
    pub fn scan(&self, doc: &Document<'_>) -> Vec<Hit> {
        let text = doc.text;
        let mut found: Vec<Hit> = Vec::new();
        for para in &doc.paragraphs {
            let hay = &text[para.clone()];
            for m in self.automaton.find_overlapping_iter(hay) {
                let range = para.start + m.start()..para.start + m.end();
                let (term, mode) = &self.terms[m.pattern().as_usize()];
                if case_matches(term, *mode, &text[range.clone()])
                    && whole_word(text, &range, term, *mode)
                {
                    found.push(Hit {
                        term: m.pattern().as_u32(),
                        range,
                    });
                }
            }
        }
        found.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        found
    }
}

/// The hits a rule owns, the longest winning where two overlap (so
/// `Chicken Kiev` hides `Kiev`, and `Sukhoi Superjet 100` hides `Sukhoi`).
pub fn resolve<'h>(
    hits: impl IntoIterator<Item = &'h Hit>,
    owns: impl Fn(TermId) -> bool,
) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if owns(h.term)
            && out
                .last()
                .is_none_or(|last| h.range.start >= last.range.end)
        {
            out.push(h.clone());
        }
    }
    out
}

fn case_matches(term: &str, mode: CaseMode, found: &str) -> bool {
    match mode {
        CaseMode::Insensitive => true,
        CaseMode::Exact => {
            found == term
                || (found.chars().any(char::is_alphabetic) && found == term.to_uppercase())
        }
    }
}

fn whole_word(text: &str, range: &Range<usize>, term: &str, mode: CaseMode) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let starts_word = term.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = term.chars().next_back().is_some_and(char::is_alphanumeric);
    let left_ok = !starts_word || !before.is_some_and(char::is_alphanumeric);
    let right_ok = !ends_word
        || match after {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            // A plural of a designation ("two MiG-25s") or of a phrase ("bombers").
            Some('s') => {
                (term.ends_with(|c: char| c.is_ascii_digit()) || mode == CaseMode::Insensitive)
                    && !text[range.end + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            }
            Some(_) => false,
        };
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(terms: &[(&str, CaseMode)], text: &str) -> Vec<String> {
        let mut b = LexiconBuilder::default();
        for (t, m) in terms {
            b.add(t, *m);
        }
        let lex = b.build().unwrap();
        let doc = Document::plain(text);
        resolve(&lex.scan(&doc), |_| true)
            .into_iter()
            .map(|h| text[h.range].to_owned())
            .collect()
    }

    #[test]
    fn whole_words_and_possessives_only() {
        let t = [
            ("Belarus", CaseMode::Exact),
            ("Lukashenka", CaseMode::Exact),
        ];
        assert_eq!(
            scan(
                &t,
                "Belarus and Belarusian; Lukashenka’s aide, Lukashenka's, Lukashenkas."
            ),
            ["Belarus", "Lukashenka", "Lukashenka"]
        );
    }

    #[test]
    fn longest_match_wins_and_case_modes_hold() {
        let t = [
            ("Kiev", CaseMode::Exact),
            ("Chicken Kiev", CaseMode::Exact),
            ("MiG-25", CaseMode::Insensitive),
        ];
        assert_eq!(
            scan(
                &t,
                "Chicken Kiev in Kiev, KIEV, kiev. Two Mig-25s and a MIG-25."
            ),
            ["Chicken Kiev", "Kiev", "KIEV", "Mig-25", "MIG-25"]
        );
    }
}
