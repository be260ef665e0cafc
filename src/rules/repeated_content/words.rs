//! The repeat search's view of the article's words (`rules::folded`):
//! units and passages are ranges of that list, so comparing two of them
//! compares hashes, never text.

use std::ops::Range;

pub use crate::rules::folded::Word;

/// The words a byte range holds, as an index range into `words`.
pub fn within(words: &[Word], r: &Range<usize>) -> Range<usize> {
    let from = words.partition_point(|w| w.start() < r.start);
    let to = words.partition_point(|w| w.end() <= r.end);
    from..to.max(from)
}

/// [`within`] for ranges asked in text order (by start), as the units are
/// built: each search starts where the last one began, instead of two
/// binary searches over the whole article per unit. A range asked out of
/// order is searched for, still right.
pub struct WithinInOrder<'w> {
    words: &'w [Word],
    from: usize,
    last_start: usize,
    /// The last range's end, and the first word past it.
    last_end: usize,
    to: usize,
}

impl<'w> WithinInOrder<'w> {
    pub fn new(words: &'w [Word]) -> Self {
        WithinInOrder {
            words,
            from: 0,
            last_start: 0,
            last_end: 0,
            to: 0,
        }
    }

    pub fn get(&mut self, r: &Range<usize>) -> Range<usize> {
        let words = self.words;
        if r.start < self.last_start {
            self.from = words.partition_point(|w| w.start() < r.start);
        } else if r.start >= self.last_end {
            // Every word before the last range's end starts before this
            // range: the search goes on from there (sentences, disjoint,
            // pass each word once).
            self.from = self.from.max(self.to);
        }
        self.last_start = r.start;
        // A step a word: the next unit starts where this one began, so each
        // word is passed over once per unit that holds it.
        while words.get(self.from).is_some_and(|w| w.start() < r.start) {
            self.from += 1;
        }
        let from = self.from;
        let mut to = from;
        while words.get(to).is_some_and(|w| w.end() <= r.end) {
            to += 1;
        }
        self.last_end = r.end;
        self.to = to;
        from..to
    }
}

/// An order-sensitive hash of a run of words.
pub fn key(words: &[Word]) -> u64 {
    words.iter().fold(words.len() as u64, |h, w| {
        (h ^ w.hash())
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(5)
    })
}

/// Running sums over the words: any run's key and its count of words with
/// letters in O(1), where folding a unit's words would read each word of
/// the article once per unit holding it (its paragraph, its line, its
/// sentence). The key is a polynomial hash of the run's word hashes.
pub struct Prefix {
    hash: Vec<u64>,
    letters: Vec<u32>,
}

/// The base of [`Prefix`]'s polynomial hash.
const PREFIX_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// `PREFIX_BASE` to the powers a sentence's or a paragraph's length takes.
static POWERS: [u64; 128] = {
    let mut t = [1u64; 128];
    let mut i = 1;
    while i < 128 {
        t[i] = t[i - 1].wrapping_mul(PREFIX_BASE);
        i += 1;
    }
    t
};

impl Prefix {
    pub fn new(words: &[Word]) -> Prefix {
        let mut hash = Vec::with_capacity(words.len() + 1);
        let mut letters = Vec::with_capacity(words.len() + 1);
        let (mut h, mut l) = (0u64, 0u32);
        hash.push(h);
        letters.push(l);
        for w in words {
            h = h.wrapping_mul(PREFIX_BASE).wrapping_add(w.hash());
            l += u32::from(w.letters());
            hash.push(h);
            letters.push(l);
        }
        Prefix { hash, letters }
    }

    /// The key of `words[r]`; equal runs have equal keys, and a collision
    /// is ruled out by comparing the runs ([`same`]).
    pub fn key(&self, r: Range<usize>) -> u64 {
        let len = r.len() as u32;
        let (Some(&to), Some(&from)) = (self.hash.get(r.end), self.hash.get(r.start)) else {
            return 0;
        };
        let power = POWERS
            .get(r.len())
            .copied()
            .unwrap_or_else(|| PREFIX_BASE.wrapping_pow(len));
        let h = to.wrapping_sub(from.wrapping_mul(power));
        h ^ u64::from(len).rotate_right(7)
    }

    /// Words with letters in `words[r]`.
    pub fn letters(&self, r: Range<usize>) -> usize {
        match (self.letters.get(r.end), self.letters.get(r.start)) {
            (Some(&to), Some(&from)) => to.saturating_sub(from) as usize,
            _ => 0,
        }
    }
}

pub fn same(a: &[Word], b: &[Word]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.hash() == y.hash())
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

    #[test]
    fn ranges_asked_in_any_order_get_the_words_within() {
        let words: Vec<Word> = (0..50)
            .map(|i| Word::new(i * 3..i * 3 + 2, i as u64, true, 0))
            .collect();
        let mut cursor = WithinInOrder::new(&words);
        let mut x: u64 = 3;
        let mut asks: Vec<Range<usize>> = (0..40).map(|i| i * 3..i * 3 + 7).collect();
        asks.extend([0..150, 10..20, 20..30, 29..31, 149..150, 0..0]);
        for _ in 0..200 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let a = (x >> 33) as usize % 160;
            asks.push(a..a + (x >> 50) as usize % 40);
        }
        for r in &asks {
            assert_eq!(cursor.get(r), within(&words, r), "{r:?}");
        }
    }

    #[test]
    fn a_runs_prefix_key_depends_on_its_words_alone() {
        let hashes = [11u64, 22, 33, 11, 22, 33, 44];
        let words: Vec<Word> = hashes
            .iter()
            .enumerate()
            .map(|(i, &h)| Word::new(i..i + 1, h, i != 2, 0))
            .collect();
        let p = Prefix::new(&words);
        assert_eq!(p.key(0..3), p.key(3..6));
        assert_eq!(p.key(0..2), p.key(3..5));
        assert_ne!(p.key(0..3), p.key(1..4));
        assert_ne!(p.key(0..2), p.key(0..3));
        assert_eq!((p.letters(0..3), p.letters(3..7)), (2, 4));
    }
}
