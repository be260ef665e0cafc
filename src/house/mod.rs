//! An archive's own house style, learned from the archive (`galley house`):
//! the names it spells several ways (`cluster`), the way most of its
//! articles write quotation marks, apostrophes and currency amounts, and
//! the lines so many articles print that they are the site's (`heavy`).
//! `learn` reads articles one at a time into mergeable counts; `pack` writes
//! them as a rule pack an editor reviews, keeping the editor's decisions
//! from the last run, and says what is new (drift). The kinds that check
//! articles against the pack are in `rules::house`.

pub mod cluster;
pub mod heavy;
pub mod learn;
pub mod pack;

pub use cluster::{clusters, Cluster};
pub use learn::{ArchiveStats, Knowledge};
pub use pack::{decide, render, Decided, Drift, HouseError, Learned, Previous};

/// Articles a line must be printed in (at their top or bottom) to be
/// boilerplate: 5 % of the archive, and never fewer than five.
pub fn boilerplate_threshold(articles: u32) -> u32 {
    (articles / 20).max(5)
}
