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
