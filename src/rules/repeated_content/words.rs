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
    let mut out = Vec::with_capacity(doc.text.len() / 6);
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let para = u32::try_from(pi).unwrap_or(u32::MAX);
        let text = doc.slice(p);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if CLASS[usize::from(bytes[i])] == SEPARATOR {
                i += 1;
                continue;
            }
            let start = i;
            let mut h = WordHash::default();
            let mut letters = false;
            // The word runs while bytes are letters or digits; most are ASCII,
            // read a byte at a time with no Unicode tables.
            while i < bytes.len() {
                let b = bytes[i];
                match CLASS[usize::from(b)] {
                    SEPARATOR => break,
                    // `| 0x20` lowercases an ASCII letter and leaves a digit as it is.
                    DIGIT => {
                        h.push(b | 0x20);
                        i += 1;
                        continue;
                    }
                    LETTER => {
                        letters = true;
                        h.push(b | 0x20);
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    i += 1;
                    continue;
                };
                if !c.is_alphanumeric() {
                    break;
                }
                letters |= c.is_alphabetic();
                let mut lower = [0u8; 4];
                for l in c.to_lowercase() {
                    for &lb in l.encode_utf8(&mut lower).as_bytes() {
                        h.push(lb);
                    }
                }
                i += c.len_utf8();
            }
            if i == start {
                // A non-ASCII character that is no letter or digit.
                i += text
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8);
                continue;
            }
            out.push(Word {
                start: p.start + start,
                end: p.start + i,
                hash: h.finish(),
                letters,
                para,
            });
        }
    }
    out
}

const SEPARATOR: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const NOT_ASCII: u8 = 3;

/// Each byte's class, one table read instead of a chain of range tests.
static CLASS: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => SEPARATOR,
        };
        b += 1;
    }
    t
};

/// A word's hash, eight bytes at a time: the bytes are gathered into a
/// machine word and mixed once per eight, which is several times cheaper
/// than a multiply per byte. The values are compared within one article only.
#[derive(Default)]
struct WordHash {
    h: u64,
    pending: u64,
    len: u32,
}

impl WordHash {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn push(&mut self, b: u8) {
        self.pending = (self.pending << 8) | u64::from(b);
        self.len += 1;
        if self.len % 8 == 0 {
            self.h = (self.h ^ self.pending)
                .wrapping_mul(Self::K)
                .rotate_left(29);
            self.pending = 0;
        }
    }

    fn finish(&self) -> u64 {
        let h = (self.h ^ self.pending ^ (u64::from(self.len) << 56)).wrapping_mul(Self::K);
        h ^ (h >> 32)
    }
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
