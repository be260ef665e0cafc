//! The article as the repeat search compares it: its words, lowercased, with
//! case, white space, quotes and punctuation folded away, each kept as a hash
//! beside its byte range. Units and passages are ranges of this list, so
//! comparing two of them compares hashes, never text.

use std::ops::Range;

use crate::document::Document;

#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    /// Holds a letter (digits alone are counters, dates, scores).
    pub letters: bool,
    /// The paragraph it belongs to.
    pub para: u32,
}

/// Every word of every paragraph, in order: maximal runs of letters and
/// digits, so `Putin’s` and `Putin's` both read `putin s`.
pub fn words(doc: &Document<'_>) -> Vec<Word> {
    use crate::hash::{OFFSET_BASIS, PRIME};
    let mut out = Vec::with_capacity(doc.text.len() / 6);
    let mut lower = [0u8; 4];
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let para = u32::try_from(pi).unwrap_or(u32::MAX);
        let text = doc.slice(p);
        let bytes = text.as_bytes();
        // The word being read: where it started, its FNV-1a hash so far (of
        // its lowercased letters), whether it holds a letter.
        let mut current: Option<(usize, u64, bool)> = None;
        let mut push = |current: &mut Option<(usize, u64, bool)>, end: usize| {
            if let Some((s, hash, letters)) = current.take() {
                out.push(Word {
                    start: p.start + s,
                    end: p.start + end,
                    hash,
                    letters,
                    para,
                });
            }
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // Most words are ASCII: a byte at a time, no Unicode tables.
                if b.is_ascii_alphanumeric() {
                    let (_, h, letters) = current.get_or_insert((i, OFFSET_BASIS, false));
                    *letters |= b.is_ascii_alphabetic();
                    *h = (*h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
                } else {
                    push(&mut current, i);
                }
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                i += 1;
                continue;
            };
            if c.is_alphanumeric() {
                let (_, h, letters) = current.get_or_insert((i, OFFSET_BASIS, false));
                *letters |= c.is_alphabetic();
                for l in c.to_lowercase() {
                    for &lb in l.encode_utf8(&mut lower).as_bytes() {
                        *h = (*h ^ u64::from(lb)).wrapping_mul(PRIME);
                    }
                }
            } else {
                push(&mut current, i);
            }
            i += c.len_utf8();
        }
        push(&mut current, bytes.len());
    }
    out
}

/// The words a byte range holds, as an index range into `words`.
pub fn within(words: &[Word], r: &Range<usize>) -> Range<usize> {
    let from = words.partition_point(|w| w.start < r.start);
    let to = words.partition_point(|w| w.end <= r.end);
    from..to.max(from)
}

/// An order-sensitive hash of a run of words.
pub fn key(words: &[Word]) -> u64 {
    words.iter().fold(words.len() as u64, |h, w| {
        (h ^ w.hash)
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(5)
    })
}

pub fn same(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.hash == y.hash)
}

pub fn letter_words(words: &[Word]) -> usize {
    words.iter().filter(|w| w.letters).count()
}

/// How many words at the end are a counter or a date a page appended
/// (`… mouthpiece 27`, `… 09.02.24, 12:14`), when words with letters remain.
pub fn trailing_counter(words: &[Word]) -> usize {
    let n = words.iter().rev().take_while(|w| !w.letters).count();
    if n > 0 && letter_words(&words[..words.len() - n]) >= 2 {
        n
    } else {
        0
    }
}
