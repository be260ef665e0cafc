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
    // blocked_before[i]: blocked words among the first i.
    let mut blocked_before = Vec::with_capacity(n + 1);
    blocked_before.push(0u32);
    for (i, b) in blocked.iter().enumerate().take(n) {
        blocked_before.push(blocked_before[i] + u32::from(*b));
    }
    let usable = |i: usize| {
        i + RUN_WORDS <= n
            && words[i].para == words[i + RUN_WORDS - 1].para
            && blocked_before[i + RUN_WORDS] == blocked_before[i]
    };
    // The hash of every window of RUN_WORDS words in O(1) each, from prefix
    // hashes (a polynomial hash, wrapping): P[k+1] = P[k]·B + h(k), and a
    // window's hash is P[i+L] − P[i]·B^L. Equal windows are confirmed word
    // by word below, so a collision costs a comparison, never a finding.
    const BASE: u64 = 0x0000_0100_0000_01b3;
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0u64);
    for (k, w) in words.iter().enumerate() {
        prefix.push(prefix[k].wrapping_mul(BASE).wrapping_add(w.hash));
    }
    let base_pow = (0..RUN_WORDS).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let window = |i: usize| prefix[i + RUN_WORDS].wrapping_sub(prefix[i].wrapping_mul(base_pow));
    let free = |i: usize| !blocked.get(i).copied().unwrap_or(true);
    // Most windows occur once. A first pass counts the windows per slot of
    // a byte table (saturating at 2); a window alone in its slot has no
    // equal anywhere and is not remembered, so the map holds the few that
    // may repeat, not a machine word per word of the article.
    let slots = (4 * n).next_power_of_two().clamp(1024, 1 << 22);
    let slot = |h: u64| (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (slots - 1);
    let mut count = vec![0u8; slots];
    for i in (0..n).filter(|&i| usable(i)) {
        let c = &mut count[slot(window(i))];
        *c = (*c + 1).min(2);
    }
    let mut seen: HashKeyMap<usize> = HashKeyMap::default();
    let mut i = 0;
    while i < n {
        if !usable(i) {
            i += 1;
            continue;
        }
        let h = window(i);
        if count[slot(h)] < 2 {
            i += 1;
            continue;
        }
        let Some(&p) = seen.get(&h) else {
            seen.insert(h, i);
            i += 1;
            continue;
        };
        let mut len = 0;
        while p + len < i
            && i + len < n
            && words[p + len].hash == words[i + len].hash
            && words[p + len].para == words[p].para
            && words[i + len].para == words[i].para
            && free(p + len)
            && free(i + len)
        {
            len += 1;
        }
        if len < RUN_WORDS {
            i += 1;
            continue;
        }
        out.push(Run {
            copy: words[i].start..words[i + len - 1].end,
            first: words[p].start..words[p + len - 1].end,
            words: len,
        });
        i += len;
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
            .map(|(i, (&hash, &para))| Word {
                start: i * 2,
                end: i * 2 + 1,
                hash,
                letters: true,
                para,
            })
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
