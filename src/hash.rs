//! FNV-1a, 64 bits: the one hash behind finding fingerprints (baselines,
//! SARIF `partialFingerprints`, GitLab reports), CI shard numbers and the
//! static word tables.
//!
//! Written out here rather than taken from a crate because its values are
//! stored: baselines and code-scanning services keep the fingerprints, CI
//! matrices rely on the shards, so the exact function is part of galley's
//! output and must not move with a dependency. FNV-1a is fixed by its
//! specification and fits in a few lines. It is no defence against chosen
//! keys, and needs none: the maps keyed with it hold fixed word lists from
//! the binary, and for those short keys it is several times cheaper than
//! the standard library's SipHash.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The FNV-1a 64 offset basis: the hash of no bytes.
pub const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a 64 prime.
pub const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continue(OFFSET_BASIS, bytes)
}

/// The hash of what `h` hashed followed by `bytes`: hashing in pieces gives
/// the value of the whole.
pub fn fnv1a_continue(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// FNV-1a as a [`std::hash::Hasher`], for [`WordMap`].
#[derive(Clone, Copy, Debug)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(OFFSET_BASIS)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_continue(self.0, bytes);
    }
}

/// A map keyed by an article's words: foldhash is several times faster than
/// the standard SipHash on short keys and is still seeded per process, so
/// an article cannot be written to make its words collide.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashMap` keyed by short static words.
pub type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<FnvHasher>>;

/// A hasher for keys that are hashes already (of an article's words, of a
/// run of them): hashing them again, as SipHash would, only costs time.
#[derive(Clone, Copy, Debug, Default)]
pub struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by a hash.
pub type HashKeyMap<V> = HashMap<u64, V, BuildHasherDefault<PrehashedHasher>>;

#[cfg(test)]
mod tests {
    use std::hash::Hasher as _;

    use super::*;

    /// The published FNV-1a 64 test vectors: baselines, SARIF and GitLab
    /// fingerprints and CI shards store values of this function.
    #[test]
    fn matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn continuing_equals_hashing_the_whole() {
        assert_eq!(fnv1a_continue(fnv1a(b"foo"), b"bar"), fnv1a(b"foobar"));
        let mut h = FnvHasher::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), fnv1a(b"foobar"));
    }
}
