//! Long passages printed twice inside different sentences: a lede copied
//! into a quotation, a standfirst repeated as a body paragraph with its first
//! words changed. Every window of `RUN_WORDS` words is hashed once; a window
//! seen before, further back, starts a repeat that is extended word by word
//! and then skipped, so the pass stays linear in the article's length.

use std::ops::Range;

use super::words::Word;
use crate::hash::HashKeyMap;

/// Words a passage must share, in a row, to count as printed twice: longer
/// than any headline a body sentence may quote, and than the quotations two
/// sentences may share.
pub const RUN_WORDS: usize = 20;

/// The base of the windows' polynomial hash.
const BASE: u64 = 0x0000_0100_0000_01b3;

pub struct Run {
    pub copy: Range<usize>,
    pub first: Range<usize>,
    pub words: usize,
}

/// Repeated runs of at least `RUN_WORDS` words within paragraphs, none using
/// a word `blocked` marks (the copies already reported, the headline).
pub fn runs(words: &[Word], blocked: &[bool]) -> Vec<Run> {
    let n = words.len();
    let mut out = Vec::new();
    if n < RUN_WORDS * 2 {
        return out;
    }
    // The hash of every window of RUN_WORDS words in O(1) each, rolled
    // along the words (a polynomial hash, wrapping): the next window's is
    // (h − first·B^(L−1))·B + next. Equal windows are confirmed word by
    // word below, so a collision costs a comparison, never a finding. A
    // window is usable when it stays in one paragraph and holds no
    // blocked word.
    let top = (1..RUN_WORDS).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let free = |i: usize| !blocked.get(i).copied().unwrap_or(true);
    let is_blocked = |i: usize| usize::from(!free(i));
    // Most windows occur once. A first pass counts the windows per slot of
    // a byte table (saturating at 2); a window alone in its slot has no
    // equal anywhere and is not remembered, so the map holds the few that
    // may repeat, not a machine word per word of the article.
    let slots = (4 * n).next_power_of_two().clamp(1024, 1 << 22);
    // The window hash's top bits: every word of the window reaches them.
    let shift = 64 - slots.trailing_zeros();
    let slot = |h: u64| (h >> shift) as usize;
    let mut count = vec![0u8; slots];
    // The windows are rolled once, a paragraph at a time (a paragraph
    // shorter than a window has none), and the second pass reads them back.
    let mut all: Vec<(u64, u32)> = Vec::with_capacity(n);
    let mut i = 0;
    while i + RUN_WORDS <= n {
        let para = words[i].para();
        let last = i + RUN_WORDS - 1;
        if words[last].para() != para {
            // The next paragraph's first word.
            i += (i..=last)
                .position(|k| words[k].para() != para)
                .unwrap_or(RUN_WORDS);
            continue;
        }
        let mut hash = 0u64;
        let mut blocked_in = 0;
        for (k, w) in words.iter().enumerate().take(last + 1).skip(i) {
            hash = hash.wrapping_mul(BASE).wrapping_add(w.hash());
            blocked_in += is_blocked(k);
        }
        loop {
            if blocked_in == 0 {
                let c = &mut count[slot(hash)];
                *c = (*c + 1).min(2);
                all.push((hash, i as u32));
            }
            let next = i + RUN_WORDS;
            if next >= n || words[next].para() != para {
                i = next;
                break;
            }
            hash = hash
                .wrapping_sub(words[i].hash().wrapping_mul(top))
                .wrapping_mul(BASE)
                .wrapping_add(words[next].hash());
            blocked_in = blocked_in + is_blocked(next) - is_blocked(i);
            i += 1;
        }
    }
    let mut seen: HashKeyMap<usize> = HashKeyMap::default();
    // Windows starting inside a reported copy are passed over.
    let mut resume = 0;
    for &(h, i) in &all {
        let i = i as usize;
        if i < resume || count[slot(h)] < 2 {
            continue;
        }
        let Some(&p) = seen.get(&h) else {
            seen.insert(h, i);
            continue;
        };
        let mut len = 0;
        while p + len < i
            && i + len < n
            && words[p + len].hash() == words[i + len].hash()
            && words[p + len].para() == words[p].para()
            && words[i + len].para() == words[i].para()
            && free(p + len)
            && free(i + len)
        {
            len += 1;
        }
        if len < RUN_WORDS {
            continue;
        }
        out.push(Run {
            copy: words[i].start()..words[i + len - 1].end(),
            first: words[p].start()..words[p + len - 1].end(),
            words: len,
        });
        resume = i + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_list(hashes: &[u64], para: &[u32]) -> Vec<Word> {
        hashes
            .iter()
            .zip(para)
            .enumerate()
            .map(|(i, (&hash, &para))| Word::new(i * 2..i * 2 + 1, hash, true, para))
            .collect()
    }

    #[test]
    fn a_long_run_is_found_once_and_a_short_one_not_at_all() {
        let passage: Vec<u64> = (100..125).collect();
        let mut hashes: Vec<u64> = passage.clone();
        hashes.extend([1, 2, 3]);
        hashes.extend(&passage);
        let para: Vec<u32> = (0..hashes.len())
            .map(|i| u32::from(i >= passage.len()))
            .collect();
        let w = word_list(&hashes, &para);
        let found = runs(&w, &vec![false; w.len()]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].words, 25);
        assert_eq!(found[0].first.start, 0);

        let short: Vec<u64> = (0..19).chain(50..60).chain(0..19).collect();
        let w = word_list(&short, &vec![0; short.len()]);
        assert!(runs(&w, &vec![false; w.len()]).is_empty());
    }

    #[test]
    fn one_word_repeated_at_length_is_linear_and_reported_by_halves() {
        let hashes = vec![7u64; 200_000];
        let w = word_list(&hashes, &vec![0; hashes.len()]);
        let found = runs(&w, &vec![false; w.len()]);
        assert!(!found.is_empty());
        assert!(found.iter().all(|r| r.copy.start >= r.first.end));
    }
}
