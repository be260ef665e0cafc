//! The article's capitalised words, each distinct word once with what the
//! name rules ask of its occurrences. `names/near-miss`,
//! `names/romanization-variant`, `typography/lost-possessive` and
//! `typography/stray-capital` read the same words; walking every word of
//! the article was most of their cost, so the walk is done once per
//! document (`Context::capitalized`) and each rule reads the distinct words.

use std::collections::BTreeSet;
use std::ops::Range;

use super::entities::EntityBase;
use super::lexicon::Hit;
use super::name_forms::is_given_name;
use super::text::{is_all_caps, is_capitalized, strip_possessive};
use crate::document::Document;
use crate::hash::FastMap;

/// One capitalised word of letters (a possessive suffix cut off), and its occurrences.
#[derive(Debug)]
pub struct Capitalized<'a> {
    pub word: &'a str,
    pub lower: String,
    /// Its letters counted (not its bytes).
    pub chars: usize,
    /// In capitals throughout (`NATO`).
    pub caps: bool,
    pub ranges: Vec<Range<usize>>,
    /// The index in `Document::words` of each occurrence, beside `ranges`.
    pub words: Vec<usize>,
    /// Some occurrence is not sentence-initial: the capital says "name".
    pub proper: bool,
    /// Some occurrence is followed by another capitalised word, as a given name is.
    pub followed: bool,
    /// Every occurrence is.
    pub always_followed: bool,
    /// The capitalised words that follow it (the surnames of a given name),
    /// each once: a handful, kept in a list rather than a tree.
    pub followers: Vec<&'a str>,
    /// The given names written right before it.
    pub before: BTreeSet<&'a str>,
    /// A lexicon hit overlaps some occurrence.
    pub overlapped: bool,
    /// Some occurrence is a term of its own, or inside a phrase a rule lists
    /// (an exception such as `Odessa Steps`); a person's full name in the
    /// entity base says nothing of how its surname may be spelt alone.
    pub term: bool,
}

/// Every capitalised word of letters, in order of first occurrence.
pub fn capitalized<'a>(
    doc: &Document<'a>,
    hits: &[Hit],
    entities: &EntityBase,
) -> Vec<Capitalized<'a>> {
    let names = entities.name_index();
    let text: &'a str = doc.text;
    let slice = |r: Range<usize>| -> &'a str { text.get(r).unwrap_or("") };
    let mut hits = hits.iter().peekable();
    let mut out: Vec<Capitalized<'a>> = Vec::new();
    let mut by_word: FastMap<&'a str, usize> = FastMap::default();
    for (i, w) in doc.words.iter().enumerate() {
        while hits.next_if(|h| h.range.end <= w.start).is_some() {}
        // Most words open with a lower-case ASCII letter or a digit: no name.
        if text
            .as_bytes()
            .get(w.start)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            continue;
        }
        let word = strip_possessive(slice(w.range()));
        if !is_capitalized(word) || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let end = w.start + word.len();
        let overlapped = hits.peek().is_some_and(|h| h.range.start < w.end);
        let term = hits
            .clone()
            .take_while(|h| h.range.start < w.end)
            .any(|h| h.range == (w.start..end) || !entities.is_entity_term(h.term));
        let next = doc.words.get(i + 1).filter(|n| {
            slice(w.end..n.start).trim().is_empty() && is_capitalized(slice(n.range()))
        });
        let k = *by_word.entry(word).or_insert_with(|| {
            out.push(Capitalized {
                word,
                lower: word.to_lowercase(),
                chars: word.chars().count(),
                caps: is_all_caps(word),
                ranges: Vec::new(),
                words: Vec::new(),
                proper: false,
                followed: false,
                always_followed: true,
                followers: Vec::new(),
                before: BTreeSet::new(),
                overlapped: false,
                term: false,
            });
            out.len() - 1
        });
        let c = &mut out[k];
        c.ranges.push(w.start..end);
        c.words.push(i);
        c.proper |= !w.sentence_initial;
        c.followed |= next.is_some();
        c.always_followed &= next.is_some();
        c.overlapped |= overlapped;
        c.term |= term;
        if let Some(n) = next {
            let follower = slice(n.range());
            if !c.followers.contains(&follower) {
                c.followers.push(follower);
            }
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| doc.words.get(p)) {
            let prev = slice(p.range());
            if slice(p.end..w.start).trim().is_empty()
                && is_capitalized(prev)
                && is_given_name(names, prev)
            {
                c.before.insert(prev);
            }
        }
    }
    out
}
