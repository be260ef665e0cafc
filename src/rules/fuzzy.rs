//! A symmetric deletion index (the SymSpell idea, Wolf Garbe 2012): each
//! name is stored under the hashes of itself with up to `depth` letters
//! deleted; a query looks up its own deletions. Two words within `depth`
//! edits (insertions, deletions, substitutions, adjacent transpositions)
//! share a key, so candidates come from a few hash lookups instead of a
//! scan of every name; the caller confirms them with an edit distance.
//!
//! Chosen over a BK-tree (whose build costs a distance per level per name
//! and whose queries at distance 2 visit much of a tree of short names)
//! and over an `fst` Levenshtein automaton (a DFA built per query word,
//! milliseconds at distance 2, where this article's distinct capitalised
//! words number in the hundreds). Only hashes are stored: a collision
//! costs one extra distance computation, never a wrong answer.

use crate::hash::{fnv1a, fnv1a_continue};

/// Sorted (key hash, id) pairs: one allocation for the whole index, built
/// in a few milliseconds for the packs' names, searched by binary search.
#[derive(Debug, Default)]
pub struct DeletionIndex {
    keys: Vec<(u64, u32)>,
    sorted: bool,
}

/// The hash of `word` with the chars at `skip` left out, computed without
/// building the string.
fn hash_without(word: &[char], skip: &[usize]) -> u64 {
    let mut h = fnv1a(&[]);
    let mut buf = [0u8; 4];
    for (i, c) in word.iter().enumerate() {
        if !skip.contains(&i) {
            h = fnv1a_continue(h, c.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
}

/// Calls `f` with the hash of every string made by deleting up to `depth`
/// (at most 2) chars of `word`, the word itself included (some twice).
fn deletions(word: &[char], depth: usize, f: &mut impl FnMut(u64)) {
    f(hash_without(word, &[]));
    if depth == 0 {
        return;
    }
    for i in 0..word.len() {
        if i > 0 && word[i] == word[i - 1] {
            continue; // deleting either of two equal letters gives one string
        }
        f(hash_without(word, &[i]));
        if depth >= 2 {
            for j in i + 1..word.len() {
                if j > i + 1 && word[j] == word[j - 1] {
                    continue;
                }
                f(hash_without(word, &[i, j]));
            }
        }
    }
}

impl DeletionIndex {
    /// Stores `id` under `word`'s deletions up to `depth` (1 or 2).
    pub fn insert(&mut self, word: &str, depth: usize, id: u32) {
        let chars: Vec<char> = word.chars().collect();
        let keys = &mut self.keys;
        deletions(&chars, depth, &mut |h| keys.push((h, id)));
        self.sorted = false;
    }

    /// Sorts the keys; `candidates` on an unfinished index finds nothing.
    pub fn finish(&mut self) {
        self.keys.sort_unstable();
        self.keys.dedup();
        self.sorted = true;
    }

    /// The ids stored under any of `word`'s deletions up to `depth`,
    /// sorted and without duplicates: candidates, to be confirmed.
    pub fn candidates(&self, word: &str, depth: usize) -> Vec<u32> {
        let mut out = Vec::new();
        if !self.sorted {
            return out;
        }
        let chars: Vec<char> = word.chars().collect();
        deletions(&chars, depth, &mut |h| {
            let from = self.keys.partition_point(|(k, _)| *k < h);
            out.extend(
                self.keys[from..]
                    .iter()
                    .take_while(|(k, _)| *k == h)
                    .map(|(_, id)| *id),
            );
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_within_its_depth_and_not_beyond() {
        let names = ["tikhanovsky", "umerov", "bandura", "syniehubov"];
        let mut index = DeletionIndex::default();
        for (i, n) in names.iter().enumerate() {
            index.insert(n, if n.len() >= 9 { 2 } else { 1 }, i as u32);
        }
        index.finish();
        // One edit of a short name, two of a long one, transpositions included.
        for (query, depth, want) in [
            ("umevrov", 1, 1),
            ("umreov", 1, 1),
            ("bandrura", 1, 2),
            ("tikanhovsky", 2, 0),
            ("synigubov", 2, 3),
        ] {
            let found = index.candidates(query, depth);
            assert!(found.contains(&want), "{query}: {found:?}");
            assert!(strsim::osa_distance(query, names[want as usize]) <= depth);
        }
        assert!(index.candidates("moscow", 1).is_empty());
    }
}
