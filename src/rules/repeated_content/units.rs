//! Whole units printed twice: paragraphs, the lines of a paragraph, and
//! sentences, compared by the hash of their folded words in one pass over
//! the article (a map from a unit's key to its first copy).

use crate::hash::HashKeyMap;
use std::ops::Range;

use super::words::{
    key, letter_words, same, trailing_counter, within, Prefix, WithinInOrder, Word,
};
use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UnitKind {
    /// A paragraph, or a line of one: it stands on its own line.
    Line,
    Sentence,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub range: Range<usize>,
    pub words: Range<usize>,
    pub kind: UnitKind,
}

/// How a copy matched its first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Same,
    /// One of the two ends in a counter or date the other lacks.
    Counter,
    /// The first is a breadcrumb trail ending in the headline (`Home » World » …`).
    Breadcrumb,
    /// The copy is the headline with a few words changed, just under it.
    Reworded,
}

#[derive(Debug, Clone)]
pub struct Repeat {
    pub copy: Range<usize>,
    pub first: Range<usize>,
    pub kind: UnitKind,
    pub how: Match,
    pub first_is_headline: bool,
}

/// Words with letters a unit needs to count as repeated anywhere in the article.
pub struct Thresholds {
    pub anywhere: usize,
    /// A copy of the headline.
    pub headline: usize,
    /// A line printed twice in a row (a byline, a caption).
    pub adjacent: usize,
}

/// The paragraphs, the lines of paragraphs of several lines, and the sentences,
/// in text order, containers first; one unit per range.
pub fn units(doc: &Document<'_>, words: &[Word]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(doc.paragraphs.len() + doc.sentences.len());
    let mut lines = WithinInOrder::new(words);
    let mut sentences = WithinInOrder::new(words);
    let push = |out: &mut Vec<Unit>, range: Range<usize>, kind, w: Range<usize>| {
        // A unit without a space is one token: a URL slug spells the headline
        // (`talks-in-minsk-resume`) without printing it twice.
        if !w.is_empty() && spaced(doc, &words[w.clone()], &range) {
            out.push(Unit {
                range,
                words: w,
                kind,
            });
        }
    };
    let order = |u: &Unit| (u.range.start, std::cmp::Reverse(u.range.end), u.kind);
    let mut next_sentence = 0;
    // A paragraph, then its lines, then its sentences: in order already for
    // a paragraph of one line; a paragraph of several has its few sorted.
    for p in &doc.paragraphs {
        let first = out.len();
        push(&mut out, p.clone(), UnitKind::Line, lines.get(p));
        let text = doc.slice(p);
        let several = text.contains('\n');
        if several {
            let mut at = p.start;
            for line in text.split_inclusive('\n') {
                let lead = line.len() - line.trim_start().len();
                let body = line.trim();
                if !body.is_empty() {
                    let r = at + lead..at + lead + body.len();
                    let w = lines.get(&r);
                    push(&mut out, r, UnitKind::Line, w);
                }
                at += line.len();
            }
        }
        while let Some(s) = doc.sentences.get(next_sentence).filter(|s| s.start < p.end) {
            push(&mut out, s.clone(), UnitKind::Sentence, sentences.get(s));
            next_sentence += 1;
        }
        if several {
            out[first..].sort_by_key(order);
        }
    }
    for s in doc.sentences.get(next_sentence..).unwrap_or_default() {
        push(&mut out, s.clone(), UnitKind::Sentence, sentences.get(s));
    }
    // A sentence outside its paragraph would break the order: then sorted.
    if !out.is_sorted_by_key(order) {
        out.sort_by_key(order);
    }
    // A one-sentence paragraph is one unit, a line of its own.
    out.dedup_by(|b, a| a.words == b.words);
    out
}

/// Whether `range`, holding `words`, holds white space: looked for between
/// its first words, where it almost always is, before the whole range.
fn spaced(doc: &Document<'_>, words: &[Word], range: &Range<usize>) -> bool {
    words.windows(2).take(2).any(|p| {
        doc.slice(&(p[0].end()..p[1].start()))
            .contains(char::is_whitespace)
    }) || doc.slice(range).contains(char::is_whitespace)
}

/// Every unit that repeats an earlier one, in text order; the units inside a
/// reported copy are not reported again.
pub fn repeats(
    doc: &Document<'_>,
    words: &[Word],
    units: &[Unit],
    min: &Thresholds,
) -> Vec<Repeat> {
    let text = doc.text;
    let headline = doc.headline.as_ref();
    let headline_words = headline
        .filter(|h| h.start < doc.body_start)
        .map(|h| &words[within(words, h)]);
    let mut first: HashKeyMap<usize> = HashKeyMap::default();
    first.reserve(units.len());
    let mut first_with_counter: HashKeyMap<usize> = HashKeyMap::default();
    let mut out = Vec::new();
    let mut covered_until = 0;
    // The headline's line less what the masthead cut from it (a section
    // path before it, a site name after it): the words its copies repeat.
    let unit_words = |u: &Unit| match headline {
        Some(h) if u.range.start <= h.start && h.end <= u.range.end && *h != u.range => {
            &words[within(words, h)]
        }
        _ => &words[u.words.clone()],
    };
    let prefix = Prefix::new(words);
    let headline_range = headline.map(|h| within(words, h));
    for (i, u) in units.iter().enumerate() {
        if u.range.start < covered_until {
            continue;
        }
        let span = match (headline, &headline_range) {
            (Some(h), Some(hr))
                if u.range.start <= h.start && h.end <= u.range.end && *h != u.range =>
            {
                hr.clone()
            }
            _ => u.words.clone(),
        };
        let letters = prefix.letters(span.clone());
        if letters < min.adjacent.min(min.headline) {
            continue;
        }
        let w = &words[span.clone()];
        let counter = trailing_counter(w);
        let stripped = &w[..w.len() - counter];
        let stripped_key = (counter > 0).then(|| prefix.key(span.start..span.end - counter));
        let earlier = |f: &usize| units[*f].range.end <= u.range.start;
        let k = prefix.key(span);
        let found = first
            .get(&k)
            .filter(|f| earlier(f) && same(unit_words(&units[**f]), w))
            .map(|&f| (f, Match::Same))
            .or_else(|| {
                stripped_key
                    .and_then(|ks| first.get(&ks))
                    .filter(|f| earlier(f) && same(unit_words(&units[**f]), stripped))
                    .map(|&f| (f, Match::Counter))
            })
            .or_else(|| {
                first_with_counter
                    .get(&k)
                    .filter(|f| {
                        let fw = unit_words(&units[**f]);
                        earlier(f) && same(&fw[..fw.len() - trailing_counter(fw)], w)
                    })
                    .map(|&f| (f, Match::Counter))
            });
        let Some((f, how)) = found else {
            first.entry(k).or_insert(i);
            if let Some(ks) = stripped_key {
                first_with_counter.entry(ks).or_insert(i);
            }
            continue;
        };
        let fu = &units[f];
        // A title in the front matter or the head, printed as the body's
        // heading: the body's copy is the one later copies repeat.
        if fu.range.start < doc.body_start && u.range.start >= doc.body_start {
            first.insert(k, i);
            continue;
        }
        // The headline, or the body's heading that prints a title given above.
        let first_is_headline = headline
            .is_some_and(|h| fu.range.start <= h.start && h.end <= fu.range.end)
            || headline_words.is_some_and(|h| same(h, unit_words(fu)));
        let adjacent = u.kind == UnitKind::Line
            && fu.kind == UnitKind::Line
            && text
                .get(fu.range.end..u.range.start)
                .is_some_and(|gap| gap.trim().is_empty());
        let needed = if first_is_headline {
            min.headline
        } else if adjacent {
            min.adjacent
        } else {
            min.anywhere
        };
        if letters >= needed {
            covered_until = u.range.end;
            out.push(Repeat {
                copy: u.range.clone(),
                first: fu.range.clone(),
                kind: u.kind,
                how,
                first_is_headline,
            });
        }
    }
    out
}

/// Separators of a breadcrumb trail.
const CRUMBS: &[char] = &['»', '›', '>', '/', '|', '→', '\\'];

/// The headline line printed as a breadcrumb trail that ends in the headline
/// (`Home » World » Talks resume`, `Home Economy Talks resume`), then the
/// headline alone on one of the next lines: the second is the copy.
pub fn breadcrumb(
    doc: &Document<'_>,
    words: &[Word],
    units: &[Unit],
    min: &Thresholds,
) -> Option<Repeat> {
    let h = doc.headline.as_ref()?;
    let hw = &words[within(words, h)];
    let after = units
        .iter()
        .filter(|u| u.kind == UnitKind::Line && u.range.start >= h.end)
        .take(3);
    for u in after {
        let w = &words[u.words.clone()];
        if w.len() >= hw.len() || letter_words(w) < min.headline.max(3) {
            continue;
        }
        let prefix = &hw[..hw.len() - w.len()];
        if !same(&hw[prefix.len()..], w) || prefix.len() > 5 {
            continue;
        }
        let lead = doc.slice(&(h.start..hw[prefix.len()].start()));
        let separated = lead.contains(CRUMBS);
        let capitalized = prefix.iter().all(|p| {
            doc.slice(&(p.start()..p.end()))
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        let punctuated = lead
            .chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace() && !CRUMBS.contains(&c));
        if (separated || capitalized) && !punctuated {
            return Some(Repeat {
                copy: u.range.clone(),
                first: h.clone(),
                kind: UnitKind::Line,
                how: Match::Breadcrumb,
                first_is_headline: true,
            });
        }
    }
    None
}

/// How many lines under the headline a reworded copy of it is looked for in.
const REWORDED_WITHIN: usize = 3;

/// A line just under the headline that is the headline with a word or two
/// changed (a scraper keeping the page title, the headline and the social
/// title, each edited separately): as long as the headline give or take two
/// words, no sentence, and sharing in order at least 70 % of its words.
pub fn reworded_headline(
    doc: &Document<'_>,
    words: &[Word],
    units: &[Unit],
    reported: &[Repeat],
) -> Option<Repeat> {
    let h = doc.headline.as_ref()?;
    let hw = &words[within(words, h)];
    if hw.len() < 6 {
        return None;
    }
    let after = units
        .iter()
        .filter(|u| u.kind == UnitKind::Line && u.range.start >= h.end)
        .take(REWORDED_WITHIN);
    for u in after {
        let w = &words[u.words.clone()];
        let line = doc.slice(&u.range);
        if w.len() + 2 < hw.len()
            || w.len() > hw.len() + 2
            || line
                .trim_end_matches(['"', '”', '’', '»', ')'])
                .ends_with(['.', '!', '?'])
            || reported.iter().any(|r| r.copy == u.range)
            || same(w, hw)
        {
            continue;
        }
        let common = common_in_order(hw, w);
        if common * 10 >= hw.len().max(w.len()) * 7 {
            return Some(Repeat {
                copy: u.range.clone(),
                first: h.clone(),
                kind: UnitKind::Line,
                how: Match::Reworded,
                first_is_headline: true,
            });
        }
    }
    None
}

/// The longest run of words two lines share in order (not necessarily
/// adjacent): a table of (a+1)×(b+1) cells over two headlines' words.
fn common_in_order(a: &[Word], b: &[Word]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x.hash() == y.hash() {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// A short line standing alone as a paragraph — a caption, a byline, a
/// credit — printed exactly twice, anywhere: two to six words, no sentence.
/// A line printed three times or more, or two such lines, are the article's
/// own device (an interview's speakers, a recurring label), not a scraper's
/// copy.
pub fn short_line_twice(
    doc: &Document<'_>,
    words: &[Word],
    units: &[Unit],
    reported: &[Repeat],
) -> Vec<Repeat> {
    let is_short_line = |u: &Unit| {
        let line = doc.slice(&u.range);
        u.kind == UnitKind::Line
            && (2..=6).contains(&(u.words.end - u.words.start))
            && !line.contains('\n')
            // A dateline (`GRODNO, March 4`) opens several reports of a page.
            && !line.contains(|c: char| c == ',' || c.is_ascii_digit())
            && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '»', '…'])
            && doc
                .paragraphs
                .binary_search_by_key(&u.range.start, |p| p.start)
                .is_ok_and(|i| doc.paragraphs[i] == u.range)
            && !doc.headline.as_ref().is_some_and(|h| u.range.start <= h.start && h.end <= u.range.end)
    };
    let mut seen: HashKeyMap<(usize, usize)> = HashKeyMap::default();
    let candidates: Vec<&Unit> = units.iter().filter(|u| is_short_line(u)).collect();
    for (i, u) in candidates.iter().enumerate() {
        let entry = seen.entry(key(&words[u.words.clone()])).or_insert((i, 0));
        entry.1 += 1;
    }
    // Two speakers' names taking turns, a label recurring: the article's
    // own layout, where no copy is a scraper's.
    let repeated: Vec<usize> = seen.values().map(|&(_, n)| n).filter(|&n| n >= 2).collect();
    if repeated.len() != 1 || repeated[0] != 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, u) in candidates.iter().enumerate() {
        let w = &words[u.words.clone()];
        let Some(&(first, count)) = seen.get(&key(w)) else {
            continue;
        };
        let f = candidates[first];
        if count != 2 || first == i || !same(&words[f.words.clone()], w) {
            continue;
        }
        if reported.iter().any(|r| r.copy == u.range) {
            continue;
        }
        out.push(Repeat {
            copy: u.range.clone(),
            first: f.range.clone(),
            kind: UnitKind::Line,
            how: Match::Same,
            first_is_headline: false,
        });
    }
    out
}
