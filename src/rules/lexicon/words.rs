//! The keys the lexicon finds its patterns by: a pattern that starts with a
//! word is keyed by that word, or by its first two words when it has more
//! (`the kremlin`, `mig-25`), so that the 139 patterns that start with
//! `the` are not all compared wherever the text says "the". A word is a
//! maximal run of letters and digits (`char::is_alphanumeric`), hashed
//! lowercased: the text's words come from the shared pass
//! (`rules::folded`), the patterns' are hashed the same way.
//!
//! Keys are only a first cut: two words may share one, and every pattern
//! under a key is compared with the text before it counts.

use crate::rules::folded::{fold_hash, Word};

/// Bits of the key filter: 2^19, 64 KiB, a few thousand keys set in it: one
/// word in a hundred or so passes it without a key behind it.
const FILTER_BITS: u32 = 19;

/// The key of two words in a row, whatever stands between them.
#[inline]
fn pair(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D
}

/// The runs of letters and digits of `s`, as byte ranges.
fn runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The key of a pattern that starts with a word; `None` for one that
/// starts with another character.
pub(super) fn pattern_key(pattern: &str) -> Option<u64> {
    let mut runs = runs(pattern);
    let (start, end) = runs.next()?;
    if start != 0 {
        return None;
    }
    let first = fold_hash(&pattern[..end]);
    Some(match runs.next() {
        Some((s, e)) => pair(first, fold_hash(&pattern[s..e])),
        None => first,
    })
}

/// Calls `f(start, key, paragraph)` for every place in `text` a pattern
/// could start and the key it would have there: at each of `words` (the
/// text's, `folded::words`), that word's key, and the key of the word
/// before it in its paragraph paired with this one. A word ending in `s`
/// also gives the keys without it (a plural `MiG-25s`, a genitive
/// `Lukaschenkos`; the lexicon's `whole_word` decides whether they count).
pub(super) fn for_each_key(text: &str, words: &[Word], mut f: impl FnMut(usize, u64, u32)) {
    let bytes = text.as_bytes();
    let mut previous: Option<(&Word, u64)> = None;
    for w in words {
        let (start, end, para) = (w.start(), w.end(), w.para());
        let h = w.hash();
        let without_s = (end - start > 1 && matches!(bytes.get(end - 1), Some(b's' | b'S')))
            .then(|| text.get(start..end - 1).map(fold_hash))
            .flatten();
        f(start, h, para);
        if let Some(hs) = without_s {
            f(start, hs, para);
        }
        if let Some((p, ph)) = previous.filter(|(p, _)| p.para() == para) {
            f(p.start(), pair(ph, h), para);
            if let Some(hs) = without_s {
                f(p.start(), pair(ph, hs), para);
            }
        }
        previous = Some((w, h));
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
        let doc = crate::document::Document::plain(text);
        let words = crate::rules::folded::words(&doc);
        let mut out = Vec::new();
        for_each_key(text, &words, |s, k, _| out.push((s, k)));
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
            // Keys fold case beyond ASCII too; the compare under the key
            // does not (the lexicon adds a case form per spelling).
            ("Łukaszenka", "ŁUKASZENKA", 0),
            ("Лукашенко", "ЛУКАШЕНКО сказал", 0),
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
