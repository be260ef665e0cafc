//! Spaces in prose, by the language's conventions (`[typography]` in its
//! profile): a space before punctuation (`Pushilin ,`), two spaces inside a
//! line (`more  favorable`), no space after a sentence's punctuation or
//! between two words (`stabilized.The`, `reportedthat`, `ByJohn`).
//!
//! Spaces are only read in plain text: in Markdown and HTML the markup is
//! blanked to spaces of its length (`**word**,` reads `  word  ,`), so a run of
//! spaces there says nothing of the article's own.

pub mod before_punctuation;
pub mod double_space;
pub mod missing_space;

use crate::document::{Document, Format};

/// Whether the spaces of `doc`'s text are the article's own.
pub fn spaces_are_written(doc: &Document<'_>) -> bool {
    doc.format == Format::Plain
}

/// The whitespace-delimited run around `at` in `line`: a URL, an e-mail
/// address or a path is no prose.
pub fn in_link(text: &str, at: usize) -> bool {
    let start = text[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let run = &text[start..end];
    run.contains("://") || run.contains('@') || run.contains('/') || run.starts_with("www.")
}
