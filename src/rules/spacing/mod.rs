//! Spaces in prose, by the language's conventions (`[typography]` in its
//! profile): a space before punctuation (`Pushilin ,`), two spaces inside a
//! line (`more  favorable`), no space after a sentence's punctuation or
//! between two words (`stabilized.The`, `reportedthat`, `ByJohn`).
//!
//! In Markdown and HTML the markup is blanked to spaces of its length
//! (`**word**,` reads `  word  ,`): only the spaces the article wrote count
//! (`Document::written_space`).

pub mod before_punctuation;
pub mod double_space;
pub mod missing_space;

/// The whitespace-delimited run around `at` in `line`: a URL, an e-mail
/// address or a path is no prose.
pub fn in_link(text: &str, at: usize) -> bool {
    let start = text[..at]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i);
    let run = &text[start..end];
    run.contains("://") || run.contains('@') || run.contains('/') || run.starts_with("www.")
}
