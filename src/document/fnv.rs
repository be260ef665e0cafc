//! Kept for the importers not yet moved to [`crate::hash`]; remove once none is left.

pub use crate::hash::{FnvHasher as Fnv, WordMap};
