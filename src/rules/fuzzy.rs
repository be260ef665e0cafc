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

use std::collections::HashMap;

use crate::hash::fnv1a;

#[derive(Debug, Default)]
pub struct DeletionIndex {
    keys: HashMap<u64, Vec<u32>>,
}

/// Calls `f` with every string made by deleting up to `depth` chars of
/// `word` (the word itself included; duplicates possible).
fn deletions(word: &[char], depth: usize, buf: &mut String, f: &mut impl FnMut(&str)) {
    buf.clear();
    buf.extend(word.iter());
    f(buf);
    if depth == 0 || word.len() <= 1 {
        return;
    }
    let mut shorter: Vec<char> = Vec::with_capacity(word.len());
    for i in 0..word.len() {
        if i > 0 && word[i] == word[i - 1] {
            continue; // deleting either of two equal letters gives one string
        }
        shorter.clear();
        shorter.extend_from_slice(&word[..i]);
        shorter.extend_from_slice(&word[i + 1..]);
        deletions(&shorter, depth - 1, buf, f);
    }
}

impl DeletionIndex {
    /// Stores `id` under `word`'s deletions up to `depth` (1 or 2).
    pub fn insert(&mut self, word: &str, depth: usize, id: u32) {
        let chars: Vec<char> = word.chars().collect();
        let mut buf = String::new();
        let keys = &mut self.keys;
        deletions(&chars, depth, &mut buf, &mut |s| {
            let v = keys.entry(fnv1a(s.as_bytes())).or_default();
            if v.last() != Some(&id) {
                v.push(id);
            }
        });
    }

    /// The ids stored under any of `word`'s deletions up to `depth`,
    /// sorted and without duplicates: candidates, to be confirmed.
    pub fn candidates(&self, word: &str, depth: usize) -> Vec<u32> {
        let chars: Vec<char> = word.chars().collect();
        let mut buf = String::new();
        let mut out = Vec::new();
        deletions(&chars, depth, &mut buf, &mut |s| {
            if let Some(ids) = self.keys.get(&fnv1a(s.as_bytes())) {
                out.extend_from_slice(ids);
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
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
