//! The keys the lexicon finds its patterns by: a pattern that starts with a
//! word is keyed by that word, or by its first two words when it has more
//! (`the kremlin`, `mig-25`), so that the 139 patterns that start with
//! `the` are not all compared wherever the text says "the". A word is a
//! maximal run of letters and digits (`char::is_alphanumeric`), hashed
//! with its ASCII letters lowercased, as the patterns are.
//!
//! Keys are only a first cut: two words may share one, and every pattern
//! under a key is compared with the text before it counts.

use crate::hash::{OFFSET_BASIS, PRIME};

/// Bits of the key filter: 2^16, 8 KiB, a few thousand keys set in it.
const FILTER_BITS: u32 = 16;

#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME)
}

fn word_hash(word: &[u8]) -> u64 {
    word.iter().fold(OFFSET_BASIS, |h, &b| step(h, b))
}

/// The key of two words in a row, whatever stands between them.
#[inline]
fn pair(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D
}

/// The words of `s` as byte ranges.
fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let bytes = s.as_bytes();
        while i < bytes.len() {
            let (alnum, width) = class(s, i);
            if alnum {
                let start = i;
                i += width;
                while i < bytes.len() {
                    let (alnum, width) = class(s, i);
                    if !alnum {
                        break;
                    }
                    i += width;
                }
                return Some((start, i));
            }
            i += width;
        }
        None
    })
}

/// Whether the character at byte `i` of `s` is a letter or digit, and its
/// width. `i` is always at a character's start.
#[inline]
fn class(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        _ => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// The key of a pattern that starts with a word; `None` for one that
/// starts with another character.
pub(super) fn pattern_key(pattern: &str) -> Option<u64> {
    let mut runs = words(pattern);
    let (start, end) = runs.next()?;
    if start != 0 {
        return None;
    }
    let first = word_hash(&pattern.as_bytes()[..end]);
    Some(match runs.next() {
        Some((s, e)) => pair(first, word_hash(&pattern.as_bytes()[s..e])),
        None => first,
    })
}

/// Calls `f(start, key)` for every place in `hay` a pattern could start and
/// the key it would have there: at each word, that word's key, and the key
/// of the word before it paired with this one. A word ending in `s` also
/// gives the keys without it (a plural `MiG-25s`, a genitive
/// `Lukaschenkos`; the lexicon's `whole_word` decides whether they count).
pub(super) fn for_each_key(hay: &str, mut f: impl FnMut(usize, u64)) {
    let bytes = hay.as_bytes();
    let mut previous: Option<(usize, u64)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (alnum, mut width) = class(hay, i);
        if !alnum {
            i += width;
            continue;
        }
        let start = i;
        let mut h = OFFSET_BASIS;
        let mut before_last;
        loop {
            before_last = h;
            for &b in &bytes[i..i + width] {
                h = step(h, b);
            }
            i += width;
            if i >= bytes.len() {
                break;
            }
            let (alnum, w) = class(hay, i);
            if !alnum {
                break;
            }
            width = w;
        }
        let without_s =
            (i - start > 1 && matches!(bytes[i - 1], b's' | b'S')).then_some(before_last);
        f(start, h);
        if let Some(h) = without_s {
            f(start, h);
        }
        if let Some((p, ph)) = previous {
            f(p, pair(ph, h));
            if let Some(h) = without_s {
                f(p, pair(ph, h));
            }
        }
        previous = Some((start, h));
    }
}

/// A bit per key, set for every key the lexicon holds.
#[derive(Debug)]
pub(super) struct KeyFilter(Vec<u64>);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter(vec![0; 1 << (FILTER_BITS - 6)])
    }
}

impl KeyFilter {
    #[inline]
    fn bit(key: u64) -> (usize, u64) {
        let n = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize;
        (n >> 6, 1 << (n & 63))
    }

    pub(super) fn insert(&mut self, key: u64) {
        let (word, bit) = Self::bit(key);
        if let Some(w) = self.0.get_mut(word) {
            *w |= bit;
        }
    }

    #[inline]
    pub(super) fn contains(&self, key: u64) -> bool {
        let (word, bit) = Self::bit(key);
        self.0.get(word).is_some_and(|w| w & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(usize, u64)> {
        let mut out = Vec::new();
        for_each_key(text, |s, k| out.push((s, k)));
        out
    }

    #[test]
    fn a_pattern_is_found_under_its_key_where_it_starts() {
        for (pattern, text, at) in [
            ("lukashenka", "Said LUKASHENKA.", 5),
            ("lukashenka", "Lukashenkas", 0),
            ("the kremlin", "in the  Kremlin", 3),
            ("mig-25", "two MiG-25s", 4),
            ("читайте также:", "x читайте также:", 2),
            // A letter beyond ASCII is compared as it is: the lexicon adds
            // a case form per spelling (`Łukaszenka` for `ŁUKASZENKA`).
            ("Łukaszenka", "ŁUKASZENKA", 0),
        ] {
            let key = pattern_key(pattern).unwrap();
            assert!(keys(text).contains(&(at, key)), "{pattern} in {text}");
        }
    }

    #[test]
    fn patterns_that_start_with_no_word_have_no_key() {
        assert_eq!(pattern_key("[ad]"), None);
        assert_eq!(pattern_key(""), None);
        assert_ne!(pattern_key("the kremlin"), pattern_key("the"));
    }

    #[test]
    fn the_filter_holds_what_was_put_in() {
        let mut f = KeyFilter::default();
        let k = pattern_key("minsk").unwrap();
        assert!(!f.contains(k));
        f.insert(k);
        assert!(f.contains(k));
    }
}
