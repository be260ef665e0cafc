//! The house style of an archive: the kinds that hold one article to what
//! `galley house` learned from all of them and an editor reviewed
//! (`house-spelling`, `house-typography`, `house-boilerplate`), and the
//! reading of marks the learning and the checking share (`marks`).

pub mod boilerplate;
pub mod marks;
pub mod spelling;
pub mod typography;

/// ` of N in the archive`, when the pack says how many articles it read.
fn archive_note(archive: Option<u64>) -> String {
    archive.map_or(String::new(), |n| format!(" (of {n} in the archive)"))
}
