//! A hasher for the small static word tables looked up once per word: FNV-1a
//! hashes a short word in a few instructions, where the default SipHash,
//! built to resist flooding by hostile keys, costs several times that. The
//! keys here are fixed lists in the binary, so there is nothing to flood.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap` keyed by short static words.
pub type WordMap<V> = std::collections::HashMap<&'static str, V, BuildHasherDefault<Fnv>>;
