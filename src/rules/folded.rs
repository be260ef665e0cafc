//! The article's words folded for comparison, a pass shared by the rules
//! that compare words rather than text: the lexicon's lookup
//! (`Lexicon::scan`) and the repeat search (`repeated-content`). A word is
//! a maximal run of letters and digits (`char::is_alphanumeric`), so
//! `Putin’s` and `Putin's` both read `putin s`; it is kept as a hash of its
//! lowercase beside its byte range, found and hashed in one walk of each
//! paragraph. Computed once per document, on the first rule that asks
//! (`Context::words`).

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

/// Every word of every paragraph, in order. A text past 4 GiB (the CLI
/// reads at most 256 MiB) has no words here, since offsets are `u32`: the
/// rules that read them find nothing in it.
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
            // ASCII separators, eight bytes at a time, then byte by byte.
            while let Some(x) = load8(bytes, i) {
                let (_, alnum) = letters_and_alnum(x);
                let skip = leading(!x & HIGH & !alnum);
                i += skip;
                if skip < 8 {
                    break;
                }
            }
            if bytes
                .get(i)
                .is_some_and(|&b| CLASS[usize::from(b)] == SEPARATOR)
            {
                i += 1;
                continue;
            }
            if i >= bytes.len() {
                break;
            }
            let start = i;
            // Most words are ASCII letters and digits to their end: found
            // eight bytes at a time, then hashed eight bytes at a time.
            let mut seen = 0;
            while let Some(x) = load8(bytes, i) {
                let (letters, alnum) = letters_and_alnum(x);
                let run = leading(alnum);
                if letters & first_bytes(run) != 0 {
                    seen |= LETTER;
                }
                i += run;
                if run < 8 {
                    break;
                }
            }
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
                push_folded(&mut folded, c);
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

/// The top bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Eight bytes at `at`, the first the lowest, when there are eight.
#[inline]
fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(eight).ok().map(u64::from_le_bytes)
}

/// Per byte of `x7` (each below 0x80), the top bit set when it is within
/// `lo..=hi` (both below 0x80): the sums stay within a byte, so no carry
/// crosses into the next.
#[inline]
fn in_range(x7: u64, lo: u8, hi: u8) -> u64 {
    x7.wrapping_add(splat(0x80 - lo)) & !x7.wrapping_add(splat(0x7f - hi)) & HIGH
}

/// The top bit of each byte of `x` that is an ASCII letter, and of each
/// that is an ASCII letter or digit: eight bytes classed in a few
/// instructions, where the table is read a byte at a time.
#[inline]
fn letters_and_alnum(x: u64) -> (u64, u64) {
    let ascii = !x & HIGH;
    let x7 = x & !HIGH;
    let letters = in_range(x7 | splat(0x20), b'a', b'z') & ascii;
    let digits = in_range(x7, b'0', b'9') & ascii;
    (letters, letters | digits)
}

/// How many bytes from the first have their top bit set in `mask`.
#[inline]
fn leading(mask: u64) -> usize {
    ((!mask & HIGH).trailing_zeros() / 8) as usize
}

/// The top bits of the first `n` bytes (0 to 8).
#[inline]
fn first_bytes(n: usize) -> u64 {
    match n {
        8.. => HIGH,
        n => HIGH & ((1u64 << (8 * n)) - 1),
    }
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
pub(crate) const ASCII_LOWER: u64 = 0x2020_2020_2020_2020;

/// A word's hash from its folded bytes, `bytes[range]`, `mask` OR-ed into
/// each (the ASCII words are folded in the same step): eight bytes are
/// mixed at once, which is several times cheaper than a multiply per byte.
/// The values are compared within one article only.
pub(crate) fn hash_folded(bytes: &[u8], range: Range<usize>, mask: u64) -> u64 {
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

/// The hash [`words`] gives `s`, a run of letters and digits (a pattern's
/// first word, a word less its plural `s`).
pub fn fold_hash(s: &str) -> u64 {
    if s.is_ascii() {
        return hash_folded(s.as_bytes(), 0..s.len(), ASCII_LOWER);
    }
    let mut folded = Vec::with_capacity(s.len() + 4);
    for c in s.chars() {
        push_folded(&mut folded, c);
    }
    hash_folded(&folded, 0..folded.len(), 0)
}

/// A letter or digit as [`words`] folds it: an ASCII one with `| 0x20`
/// (which lowercases a letter and leaves a digit), another as its lowercase.
fn push_folded(folded: &mut Vec<u8>, c: char) {
    if c.is_ascii() {
        folded.push(c as u8 | 0x20);
    } else {
        let mut lower = [0u8; 4];
        for l in c.to_lowercase() {
            folded.extend_from_slice(l.encode_utf8(&mut lower).as_bytes());
        }
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
    fn fold_hash_is_the_hash_words_gives() {
        let text = "Said ŁUKASZENKA to Łukaszenka, and MiG-25s 1990s Straße STRASSE.";
        let doc = Document::plain(text);
        for w in words(&doc) {
            assert_eq!(
                fold_hash(&text[w.start()..w.end()]),
                w.hash(),
                "{}",
                &text[w.start()..w.end()]
            );
        }
        assert_eq!(fold_hash("ŁUKASZENKA"), fold_hash("łukaszenka"));
        assert_eq!(fold_hash("MiG"), fold_hash("mig"));
        assert_ne!(fold_hash("mig"), fold_hash("migs"));
    }

    /// Eight bytes classed at once agree with the table, byte by byte.
    #[test]
    fn eight_bytes_are_classed_as_the_table_classes_each() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for round in 0..20_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Every byte value at every position, and random mixes.
            let v = if round < 2048 {
                splat((round % 256) as u8).rotate_left((round / 256) as u32 * 8)
            } else {
                x
            };
            let (letters, alnum) = letters_and_alnum(v);
            for k in 0..8 {
                let b = (v >> (8 * k)) as u8;
                let class = CLASS[usize::from(b)];
                assert_eq!(letters >> (8 * k + 7) & 1 == 1, class == LETTER, "{b:#x}");
                assert_eq!(alnum >> (8 * k + 7) & 1 == 1, class & ALNUM != 0, "{b:#x}");
            }
            let run = leading(alnum);
            assert!((0..run).all(|k| CLASS[usize::from((v >> (8 * k)) as u8)] & ALNUM != 0));
            assert!(run == 8 || CLASS[usize::from((v >> (8 * run)) as u8)] & ALNUM == 0);
        }
        assert_eq!(
            (first_bytes(0), first_bytes(1), first_bytes(8)),
            (0, 0x80, HIGH)
        );
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
