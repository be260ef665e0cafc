//! `--shard K/N`: which runner of a CI matrix checks which file.

/// The 1-based shard of `path` among `n`: FNV-1a of the path as displayed,
/// so every runner of a CI matrix agrees without talking to the others.
pub(super) fn shard_of(path: &std::path::Path, n: u64) -> u64 {
    crate::hash::fnv1a(crate::check::display_path(path).as_bytes()) % n + 1
}

#[cfg(test)]
mod tests {
    /// Runners of a CI matrix may run different builds of galley for a
    /// while: pinned so the files do not move between shards.
    #[test]
    fn shards_stay_where_they_were() {
        let shard = |p: &str, n| super::shard_of(std::path::Path::new(p), n);
        assert_eq!(shard("news/a.md", 4), 2);
        assert_eq!(shard("news/a.md", 7), 6);
        assert_eq!(shard("news/b.txt", 7), 3);
        assert_eq!(shard("articles/2026/12/story.md", 4), 3);
    }
}
