//! Checking articles: read bytes, decode, build the Document, run the rules.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format, Source};
use crate::lang::Lang;
use crate::rules::Ruleset;

/// Files larger than this are refused rather than read whole into memory.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Why one file could not be checked. The run goes on with the others.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    #[error("{path}: {}", describe(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset}); galley reads UTF-8 articles only")]
    NotUtf8 { path: String, offset: usize },
    #[error(
        "{path}: looks like UTF-16 (it starts with a UTF-16 byte order mark); convert it to UTF-8"
    )]
    Utf16 { path: String },
    #[error("{path}: binary file (it holds NUL bytes), not an article")]
    Binary { path: String },
    #[error("{path}: file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: no articles found (looked for .{})", crate::document::Format::EXTENSIONS.join(", ."))]
    NoArticles { path: String },
}

impl FileError {
    /// The path the error is about, as displayed.
    pub fn path(&self) -> &str {
        match self {
            FileError::Io { path, .. }
            | FileError::NotUtf8 { path, .. }
            | FileError::Utf16 { path }
            | FileError::Binary { path }
            | FileError::TooLarge { path, .. }
            | FileError::Missing { path }
            | FileError::NoArticles { path } => path,
        }
    }
}

/// An I/O error as an editor reads it: what happened, without the OS error number.
fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file (deleted while galley ran, or a broken link)".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_owned(),
                None => s,
            }
        }
    }
}

/// One checked file: its text and what the rules found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn new(path: String, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        FileReport {
            path,
            text,
            diagnostics,
        }
    }

    /// Whether the file held nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A checked file as reports read it (output formats, the baseline): its
/// name, its findings, and its text. A command line that checks an archive
/// may hold the text on disk rather than in memory until it is rendered.
pub trait FileFindings {
    /// The path as displayed.
    fn path(&self) -> &str;
    fn diagnostics(&self) -> &[Diagnostic];
    fn diagnostics_mut(&mut self) -> &mut Vec<Diagnostic>;
    /// The text the diagnostics' ranges point into.
    fn text(&self) -> std::borrow::Cow<'_, str>;
}

impl FileFindings for FileReport {
    fn path(&self) -> &str {
        &self.path
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn diagnostics_mut(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.diagnostics
    }

    fn text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(&self.text)
    }
}

/// Checks one text with a compiled ruleset, in the language detected from it.
pub fn check_text(ruleset: &Ruleset, text: &str, format: Format) -> Vec<Diagnostic> {
    check_article(ruleset, text, format, None)
}

/// Checks one text; `language` forces the article's
/// language instead of detecting it. Every range returned points into `text`.
pub fn check_article(
    ruleset: &Ruleset,
    text: &str,
    format: Format,
    language: Option<Lang>,
) -> Vec<Diagnostic> {
    check_enabled(ruleset, None, text, format, language)
}

/// [`check_article`] running only the rules `enabled` flags (see
/// [`Ruleset::check_enabled`]); suppressions still know every rule.
pub(crate) fn check_enabled(
    ruleset: &Ruleset,
    enabled: Option<&[bool]>,
    text: &str,
    format: Format,
    language: Option<Lang>,
) -> Vec<Diagnostic> {
    let source = Source::read(text, format);
    let doc = Document::new(&source, language);
    let mut diagnostics = ruleset.check_enabled(&doc, enabled);
    // Plain text is read as it is: only a marked-up file's findings move.
    if source.is_marked_up() {
        for d in &mut diagnostics {
            to_original(&source, d);
        }
    }
    let known = |k: &str| {
        ruleset
            .checks()
            .any(|m| crate::rule_key::key_matches(k, &m.id))
    };
    crate::suppress::apply(text, &mut diagnostics, &known);
    diagnostics
}

/// Moves a diagnostic found in a marked-up file's prose onto the original.
fn to_original(source: &Source<'_>, d: &mut Diagnostic) {
    d.range = source.original_range(d.range.clone());
    for l in &mut d.labels {
        l.range = source.original_range(l.range.clone());
    }
    if let Some(r) = d.fix.as_mut().and_then(|f| f.range.as_mut()) {
        *r = source.original_range(r.clone());
    }
    if source.format == Format::Html {
        if let Some(fix) = &mut d.fix {
            fix.replacement = escape_html(&fix.replacement);
        }
    }
}

/// A replacement written into HTML must not open markup or an entity.
fn escape_html(s: &str) -> String {
    if !s.contains(['&', '<', '>']) {
        return s.to_owned();
    }
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Decodes an article's bytes: UTF-8 (a BOM is allowed and kept), else a
/// clear refusal naming what the bytes look like.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError::Utf16 {
            path: path.to_owned(),
        });
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(FileError::Binary {
            path: path.to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

pub fn read_article(path: &Path, display: &str) -> Result<String, FileError> {
    let io = |source| FileError::Io {
        path: display.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(FileError::TooLarge {
            path: display.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_SIZE,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(display, bytes)
}

/// Reads and checks one file; `language` as in [`check_article`].
pub fn check_file(
    ruleset: &Ruleset,
    path: &Path,
    language: Option<Lang>,
) -> Result<FileReport, FileError> {
    let display = display_path(path);
    let text = read_article(path, &display)?;
    let diagnostics = check_article(ruleset, &text, Format::from_path(path), language);
    Ok(FileReport::new(display, text, diagnostics))
}

/// Paths as the user wrote them (absolute ones relative to the working
/// directory when under it), without a leading `./`, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    let path = relative.as_deref().unwrap_or(path);
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_refuses_what_is_not_utf8_text() {
        assert!(matches!(
            decode("a", vec![0xFF, 0xFE, b'a', 0]),
            Err(FileError::Utf16 { .. })
        ));
        assert!(matches!(
            decode("a", b"ab\0c".to_vec()),
            Err(FileError::Binary { .. })
        ));
        assert!(matches!(
            decode("a", b"Caf\xe9".to_vec()),
            Err(FileError::NotUtf8 { offset: 3, .. })
        ));
        assert_eq!(
            decode("a", "\u{feff}Minsk".as_bytes().to_vec()).unwrap(),
            "\u{feff}Minsk"
        );
        assert_eq!(decode("a", Vec::new()).unwrap(), "");
    }
}
