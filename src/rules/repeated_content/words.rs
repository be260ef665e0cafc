//! The article as the repeat search compares it: its words, lowercased, with
//! case, white space, quotes and punctuation folded away, each kept as a hash
//! beside its byte range. Units and passages are ranges of this list, so
//! comparing two of them compares hashes, never text.

use std::ops::Range;

use crate::document::Document;

/// One word in 20 bytes: an article of a million bytes holds some 170,000,
/// and the list is the rule's largest structure. Offsets are `u32` (the
/// rule reads no text past 4 GiB, see [`words`]); whether the word holds a
/// letter is the paragraph index's top bit.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    hash: [u32; 2],
    start: u32,
    end: u32,
    para_letters: u32,
}

const LETTERS_BIT: u32 = 1 << 31;

impl Word {
    pub fn new(range: Range<usize>, hash: u64, letters: bool, para: u32) -> Word {
        Word {
            hash: [hash as u32, (hash >> 32) as u32], // the two halves
            start: u32::try_from(range.start).unwrap_or(u32::MAX),
            end: u32::try_from(range.end).unwrap_or(u32::MAX),
            para_letters: (para & !LETTERS_BIT) | if letters { LETTERS_BIT } else { 0 },
        }
    }

    pub fn hash(&self) -> u64 {
        u64::from(self.hash[0]) | (u64::from(self.hash[1]) << 32)
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Holds a letter (digits alone are counters, dates, scores).
    pub fn letters(&self) -> bool {
        self.para_letters & LETTERS_BIT != 0
    }

    /// The paragraph it belongs to.
    pub fn para(&self) -> u32 {
        self.para_letters & !LETTERS_BIT
    }
}

/// Every word of every paragraph, in order: maximal runs of letters and
/// digits, so `Putin’s` and `Putin's` both read `putin s`. A text past
/// 4 GiB has no words here (offsets are `u32`): the rule finds nothing in it.
pub fn words(doc: &Document<'_>) -> Vec<Word> {
    if u32::try_from(doc.text.len()).is_err() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(doc.text.len() / 6);
    // The folded bytes of a word with a character beyond ASCII.
    let mut folded = Vec::new();
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
            // Most words are ASCII letters and digits to their end: found
            // with one table read a byte, then hashed eight bytes at a time.
            let mut seen = 0;
            while i < bytes.len() {
                let class = CLASS[usize::from(bytes[i])];
                if class & ALNUM == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            if bytes
                .get(i)
                .is_none_or(|&b| CLASS[usize::from(b)] == SEPARATOR)
            {
                out.push(Word::new(
                    p.start + start..p.start + i,
                    hash_folded(bytes, start..i, ASCII_LOWER),
                    seen & LETTER != 0,
                    para,
                ));
                continue;
            }
            // A character beyond ASCII: the word is read a character at a
            // time and its lowercase gathered, then hashed the same way.
            folded.clear();
            folded.extend(bytes[start..i].iter().map(|b| b | 0x20));
            let mut letters = seen & LETTER != 0;
            while i < bytes.len() {
                let b = bytes[i];
                match CLASS[usize::from(b)] {
                    SEPARATOR => break,
                    // `| 0x20` lowercases an ASCII letter and leaves a digit as it is.
                    DIGIT => {
                        folded.push(b | 0x20);
                        i += 1;
                        continue;
                    }
                    LETTER => {
                        letters = true;
                        folded.push(b | 0x20);
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
                    folded.extend_from_slice(l.encode_utf8(&mut lower).as_bytes());
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
            out.push(Word::new(
                p.start + start..p.start + i,
                hash_folded(&folded, 0..folded.len(), 0),
                letters,
                para,
            ));
        }
    }
    out
}

const SEPARATOR: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const ALNUM: u8 = DIGIT | LETTER;
const NOT_ASCII: u8 = 4;

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

/// OR-ed into eight ASCII letters and digits, lowercases the letters and
/// leaves the digits as they are.
const ASCII_LOWER: u64 = 0x2020_2020_2020_2020;

/// A word's hash from its folded bytes, `bytes[range]`, `mask` OR-ed into
/// each (the ASCII words are folded in the same step): eight bytes are
/// mixed at once, which is several times cheaper than a multiply per byte.
/// The values are compared within one article only.
fn hash_folded(bytes: &[u8], range: Range<usize>, mask: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = 0u64;
    let mut at = range.start;
    while at < range.end {
        let n = (range.end - at).min(8);
        let present = u64::MAX >> (64 - 8 * n);
        h = (h ^ ((load(bytes, at, n) & present) | (mask & present)))
            .wrapping_mul(K)
            .rotate_left(29);
        at += n;
    }
    let h = (h ^ ((range.len() as u64) << 56)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// `n` (1 to 8) bytes at `at`, little-endian, the bytes past them in the
/// top of the value when the slice has them (the caller masks them off):
/// one load rather than a copy of a word's last few bytes.
fn load(bytes: &[u8], at: usize, n: usize) -> u64 {
    match bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
    {
        Some(eight) => u64::from_le_bytes(eight),
        None => bytes
            .get(at..at + n)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0, |v, &b| (v << 8) | u64::from(b)),
    }
}

/// The words a byte range holds, as an index range into `words`.
pub fn within(words: &[Word], r: &Range<usize>) -> Range<usize> {
    let from = words.partition_point(|w| w.start() < r.start);
    let to = words.partition_point(|w| w.end() <= r.end);
    from..to.max(from)
}

/// [`within`] for ranges asked in text order (by start), as the units are
/// built: each search starts where the last one ended and gallops, instead
/// of two binary searches over the whole article per unit. A range asked
/// out of order starts over from the first word, still right.
pub struct WithinInOrder<'w> {
    words: &'w [Word],
    from: usize,
    last_start: usize,
}

impl<'w> WithinInOrder<'w> {
    pub fn new(words: &'w [Word]) -> Self {
        WithinInOrder {
            words,
            from: 0,
            last_start: 0,
        }
    }

    pub fn get(&mut self, r: &Range<usize>) -> Range<usize> {
        if r.start < self.last_start {
            self.from = 0;
        }
        self.last_start = r.start;
        let words = self.words;
        self.from += gallop(&words[self.from..], |w| w.start() < r.start);
        let from = self.from;
        let to = from + gallop(&words[from..], |w| w.end() <= r.end);
        from..to
    }
}

/// `partition_point` for a predicate true on a prefix that is usually
/// short: doubling steps find a bracket, a binary search the point in it.
fn gallop(words: &[Word], before: impl Fn(&Word) -> bool) -> usize {
    let mut lo = 0;
    let mut step = 1;
    while lo + step <= words.len() && before(&words[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(words.len());
    lo + words[lo..hi].partition_point(before)
}

/// An order-sensitive hash of a run of words.
pub fn key(words: &[Word]) -> u64 {
    words.iter().fold(words.len() as u64, |h, w| {
        (h ^ w.hash())
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(5)
    })
}

pub fn same(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.hash == y.hash)
}

pub fn letter_words(words: &[Word]) -> usize {
    words.iter().filter(|w| w.letters()).count()
}

/// How many words at the end are a counter or a date a page appended
/// (`… mouthpiece 27`, `… 09.02.24, 12:14`), when words with letters remain.
pub fn trailing_counter(words: &[Word]) -> usize {
    let n = words.iter().rev().take_while(|w| !w.letters()).count();
    if n > 0 && letter_words(&words[..words.len() - n]) >= 2 {
        n
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ASCII word hashed from the text with the lowercasing mask, and
    /// the same word folded first (the path of a word with a letter beyond
    /// ASCII), hash alike at every length around the eight-byte loads,
    /// wherever the word ends in its slice.
    #[test]
    fn the_two_paths_hash_a_word_alike() {
        let text = b"Abcdefghijklmnopq0123456789 Z";
        for len in 1..=17 {
            for start in [0, 3, 10] {
                let word = &text[start..start + len];
                let folded: Vec<u8> = word.iter().map(|b| b | 0x20).collect();
                let lower = hash_folded(&folded, 0..folded.len(), 0);
                assert_eq!(
                    hash_folded(text, start..start + len, ASCII_LOWER),
                    lower,
                    "{len} at {start}"
                );
                // The word at the very end of its slice: no bytes past it.
                assert_eq!(hash_folded(word, 0..len, ASCII_LOWER), lower);
            }
        }
        assert_ne!(
            hash_folded(b"ab", 0..2, ASCII_LOWER),
            hash_folded(b"abc", 0..3, ASCII_LOWER)
        );
        assert_ne!(hash_folded(b"ab\0", 0..3, 0), hash_folded(b"ab", 0..2, 0));
    }

    #[test]
    fn a_word_keeps_its_fields_in_twenty_bytes() {
        assert_eq!(std::mem::size_of::<Word>(), 20);
        let w = Word::new(7..12, 0x1234_5678_9abc_def0, true, 41);
        assert_eq!((w.start(), w.end(), w.para()), (7, 12, 41));
        assert!(w.letters());
        assert_eq!(w.hash(), 0x1234_5678_9abc_def0);
        assert!(!Word::new(0..1, 0, false, 3).letters());
    }
}
