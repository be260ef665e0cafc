//! Per-thread memos of answers that depend only on a word (a name's
//! romanization skeletons, the gazetteer's nearest name): the capitalised
//! words of an archive repeat from article to article, so most answers are
//! computed once per thread. Bounded, so memory stays flat on an archive of
//! many distinct names.

use std::cell::RefCell;
use std::thread::LocalKey;

use crate::hash::FastMap;

/// How many words' answers a memo keeps before it starts again.
const MEMO_WORDS: usize = 1 << 16;

/// A thread's memo: word → answer.
pub(crate) type WordMemo<V> = RefCell<FastMap<Box<str>, V>>;

/// The remembered answer for `word` if `fits` accepts it, else `compute`'s,
/// remembered. The memo is not borrowed while `compute` runs, so it may use
/// other memos (or this one).
pub(crate) fn remembered<V: Clone>(
    memo: &'static LocalKey<WordMemo<V>>,
    word: &str,
    fits: impl Fn(&V) -> bool,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(found) = memo.with(|m| m.borrow().get(word).filter(|v| fits(v)).cloned()) {
        return found;
    }
    let answer = compute();
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_WORDS {
            m.clear();
        }
        m.insert(word.into(), answer.clone());
    });
    answer
}
