//! The lines that recur across an archive, found in bounded memory: a
//! Misra–Gries summary (the "frequent items" counter). It keeps at most
//! `CAPACITY` lines; any line printed in more than 1/`CAPACITY` of all the
//! lines counted is certain to be among them, and its count is low by at
//! most that share. Two summaries merge into one with the same guarantee
//! (Agarwal et al., "Mergeable summaries", 2012), so each worker keeps
//! its own. An archive with fewer distinct lines than the capacity is
//! counted exactly (`exact`). Written here: the algorithm is twenty lines,
//! and the crates that offer it count hashes, not the lines we must print.

use std::collections::HashMap;

/// Lines kept per summary: 16,384 lines of at most 200 bytes, a few MB.
pub const CAPACITY: usize = 16_384;

#[derive(Debug, Clone)]
pub struct HeavyLines {
    capacity: usize,
    counts: HashMap<String, u32>,
    /// No line was ever dropped: the counts are exact.
    pub exact: bool,
}

impl Default for HeavyLines {
    fn default() -> Self {
        HeavyLines::with_capacity(CAPACITY)
    }
}

impl HeavyLines {
    pub fn with_capacity(capacity: usize) -> Self {
        HeavyLines {
            capacity: capacity.max(1),
            counts: HashMap::new(),
            exact: true,
        }
    }

    pub fn add(&mut self, line: &str) {
        if let Some(c) = self.counts.get_mut(line) {
            *c += 1;
        } else if self.counts.len() < self.capacity {
            self.counts.insert(line.to_owned(), 1);
        } else {
            // Full: the new line and one count of every kept line cancel out.
            self.exact = false;
            self.counts.retain(|_, c| {
                *c -= 1;
                *c > 0
            });
        }
    }

    pub fn merge(&mut self, other: HeavyLines) {
        self.exact &= other.exact;
        for (line, n) in other.counts {
            *self.counts.entry(line).or_default() += n;
        }
        if self.counts.len() > self.capacity {
            let mut values: Vec<u32> = self.counts.values().copied().collect();
            let (_, cut, _) = values.select_nth_unstable_by(self.capacity, |a, b| b.cmp(a));
            let cut = *cut;
            self.exact = false;
            self.counts.retain(|_, c| {
                *c = c.saturating_sub(cut);
                *c > 0
            });
        }
    }

    /// The lines counted at least `min` times, most first.
    pub fn at_least(&self, min: u32) -> Vec<(String, u32)> {
        let mut out: Vec<(String, u32)> = self
            .counts
            .iter()
            .filter(|(_, &n)| n >= min)
            .map(|(l, &n)| (l.clone(), n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    pub fn count(&self, line: &str) -> Option<u32> {
        self.counts.get(line).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frequent_line_survives_a_stream_of_unique_ones() {
        let mut h = HeavyLines::with_capacity(8);
        for i in 0..1000 {
            h.add(&format!("unique line {i}"));
            if i % 4 == 0 {
                h.add("Subscribe to our channel");
            }
        }
        assert!(!h.exact);
        let top = h.at_least(100);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].0, "Subscribe to our channel");
        // Low by at most (all counted) / (capacity + 1).
        assert!(top[0].1 >= 250 - 1250 / 9);
    }

    #[test]
    fn merged_summaries_keep_the_frequent_line_and_small_ones_stay_exact() {
        let (mut a, mut b) = (HeavyLines::with_capacity(4), HeavyLines::with_capacity(4));
        for i in 0..40 {
            a.add(&format!("a{i}"));
            b.add(&format!("b{i}"));
            a.add("site line");
            b.add("site line");
        }
        a.merge(b);
        assert_eq!(a.at_least(20)[0].0, "site line");
        let mut small = HeavyLines::default();
        small.add("x y z");
        small.add("x y z");
        assert!(small.exact);
        assert_eq!(small.count("x y z"), Some(2));
    }
}
