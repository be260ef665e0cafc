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
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset}); galley reads UTF-8 articles only{}", encoding_hint(*guess))]
    NotUtf8 {
        path: String,
        offset: usize,
        /// The 8-bit encoding the bytes most likely are in, if they look like one.
        guess: Option<&'static str>,
    },
    #[error("{path}: looks like UTF-16 ({why}); convert it to UTF-8, e.g. `iconv -f {encoding} -t utf-8`")]
    Utf16 {
        path: String,
        why: &'static str,
        encoding: &'static str,
    },
    #[error("{path}: binary file (it holds NUL bytes), not an article")]
    Binary { path: String },
    #[error("{path}: file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: is a {kind}, not a regular file; galley reads only regular files")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: a symbolic link, not followed when walking a directory (it may lead out of the tree); name it on the command line to check it")]
    LinkNotFollowed { path: String },
    #[error("{path}: no articles found (looked for .{})", crate::document::Format::EXTENSIONS.join(", ."))]
    NoArticles { path: String },
}

impl FileError {
    /// The path the error is about, as displayed.
    pub fn path(&self) -> &str {
        match self {
            FileError::Io { path, .. }
            | FileError::NotUtf8 { path, .. }
            | FileError::Utf16 { path, .. }
            | FileError::Binary { path }
            | FileError::TooLarge { path, .. }
            | FileError::Missing { path }
            | FileError::NoArticles { path }
            | FileError::NotAFile { path, .. }
            | FileError::LinkNotFollowed { path } => path,
        }
    }
}

/// An I/O error as an editor reads it: what happened, without the OS error number.
pub(crate) fn describe(e: &std::io::Error) -> String {
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

fn encoding_hint(guess: Option<&'static str>) -> String {
    match guess {
        Some(g) => {
            format!("; it looks like {g}: convert it, e.g. `iconv -f {g} -t utf-8 FILE > FILE.new`")
        }
        None => String::new(),
    }
}

/// Why a bounded read gave no bytes.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A FIFO, device, socket or directory: never opened for reading (a FIFO
    /// would block the run, a device would never end).
    #[error("is a {0}, not a regular file")]
    NotAFile(&'static str),
    /// `size` is what the file's metadata says, or the limit plus one when
    /// the file grew while it was read.
    #[error("file is {size} bytes, larger than the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
}

/// What a file is when it is not a regular file.
fn special_kind(t: std::fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("FIFO (named pipe)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("device");
        }
        if t.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}

/// Reads a whole regular file of at most `limit` bytes: the one way galley
/// reads a file it was given (articles, configs, rule files, the baseline).
/// The size is checked on the opened file, not its name, and the read stops
/// at `limit + 1` bytes whatever the metadata said, so a file swapped or
/// grown meanwhile cannot make it read more. FIFOs and devices are refused
/// before they are opened, and opened non-blocking in case one replaced the
/// file in between.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    if let Some(kind) = special_kind(std::fs::metadata(path)?.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: limit + 1,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads standard input (or any stream), at most `limit` bytes.
pub fn read_stream_bounded(r: impl std::io::Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: limit + 1,
            limit,
        });
    }
    Ok(bytes)
}

impl FileError {
    /// A bounded read's failure as the error of the file `path` (as displayed).
    pub fn from_read(path: &str, e: ReadError) -> FileError {
        let path = path.to_owned();
        match e {
            ReadError::Io(source) => FileError::Io { path, source },
            ReadError::NotAFile(kind) => FileError::NotAFile { path, kind },
            ReadError::TooLarge { size, limit } => FileError::TooLarge { path, size, limit },
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
    /// Words of prose (`score::word_count`), when the check counted them.
    pub words: Option<usize>,
}

impl FileReport {
    pub fn new(path: String, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        FileReport {
            path,
            text,
            diagnostics,
            words: None,
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
    check_counted(ruleset, None, text, format, language, None).0
}

/// [`check_article`] running only the rules `enabled` flags (see
/// [`Ruleset::check_enabled`]; suppressions still know every rule), with
/// the words of the article's prose counted (`score::word_count`) from the
/// prose already read, not read again.
pub(crate) fn check_counted(
    ruleset: &Ruleset,
    enabled: Option<&[bool]>,
    text: &str,
    format: Format,
    language: Option<Lang>,
    date: Option<jiff::civil::Date>,
) -> (Vec<Diagnostic>, usize) {
    let source = Source::read(text, format);
    let words = crate::score::count_words(source.text());
    let started = crate::rules::timing::start();
    let mut doc = Document::new(&source, language);
    crate::rules::timing::record("(document)", started);
    if let Some(date) = date {
        // The caller's date wins over what the article says of itself.
        doc.date = Some(crate::document::dates::ArticleDate {
            date,
            origin: "configured date",
        });
    }
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
    (diagnostics, words)
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
    let utf16 = |why, encoding| FileError::Utf16 {
        path: path.to_owned(),
        why,
        encoding,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(utf16("it starts with a UTF-16 byte order mark", "utf-16"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(utf16("it starts with a UTF-16 byte order mark", "utf-16"));
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        return Err(utf16(
            "every other byte is NUL, with no byte order mark",
            encoding,
        ));
    }
    // Anywhere in the file, not only its start: text after a NUL is no article either.
    if bytes.contains(&0) {
        return Err(FileError::Binary {
            path: path.to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        FileError::NotUtf8 {
            path: path.to_owned(),
            offset,
            guess: guess_8bit(e.as_bytes()),
        }
    })
}

/// UTF-16 text without a byte order mark: in the first 4 KiB, NUL bytes
/// stand on one side of most byte pairs (ASCII and Latin letters in
/// UTF-16), almost never on the other. Binary data has NULs on both sides.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let many = |n: usize| n * 10 >= pairs * 3;
    let few = |n: usize| n * 50 <= pairs;
    if many(odd) && few(even) {
        Some("utf-16le")
    } else if many(even) && few(odd) {
        Some("utf-16be")
    } else {
        None
    }
}

/// The 8-bit encoding that bytes which are not UTF-8 most likely are in.
/// Russian and Belarusian text in Windows-1251 is mostly bytes from 0xC0 up
/// (its letters), so they outnumber the ASCII letters' share a Western text
/// has; Latin-1 (Windows-1252) text is mostly ASCII with a few accented
/// letters. A guess for the hint only: the file is refused either way.
fn guess_8bit(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    if high == 0 {
        return None;
    }
    // Windows-1251 letters: А..я (0xC0..=0xFF), Ё ё Ў ў І і Ґ ґ Є є Ї ї.
    let cyrillic = sample
        .iter()
        .filter(|&&b| {
            b >= 0xC0
                || matches!(
                    b,
                    0xA8 | 0xB8
                        | 0xA1
                        | 0xA2
                        | 0xB2
                        | 0xB3
                        | 0xA5
                        | 0xB4
                        | 0xAA
                        | 0xBA
                        | 0xAF
                        | 0xBF
                )
        })
        .count();
    let ascii_letters = sample.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if cyrillic * 10 >= high * 9 && cyrillic * 2 >= ascii_letters {
        Some("windows-1251")
    } else {
        Some("latin1")
    }
}

pub fn read_article(path: &Path, display: &str) -> Result<String, FileError> {
    let bytes = read_bounded(path, MAX_FILE_SIZE).map_err(|e| FileError::from_read(display, e))?;
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
            Err(FileError::NotUtf8 {
                offset: 3,
                guess: Some("latin1"),
                ..
            })
        ));
        assert_eq!(
            decode("a", "\u{feff}Minsk".as_bytes().to_vec()).unwrap(),
            "\u{feff}Minsk"
        );
        assert_eq!(decode("a", Vec::new()).unwrap(), "");
    }

    #[test]
    fn a_nul_after_8_kib_is_binary() {
        let mut bytes = "Minsk. ".repeat(2000).into_bytes();
        bytes.extend(b"\0\0tail");
        assert!(matches!(decode("a", bytes), Err(FileError::Binary { .. })));
    }

    #[test]
    fn utf16_without_a_bom_is_named() {
        let le: Vec<u8> = "Minsk talks went on"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Minsk talks went on"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for (bytes, want) in [(le, "utf-16le"), (be, "utf-16be")] {
            match decode("a", bytes) {
                Err(e @ FileError::Utf16 { .. }) => assert!(e.to_string().contains(want), "{e}"),
                other => panic!("{other:?}"),
            }
        }
        // Binary data with NULs on both sides is still binary.
        assert!(matches!(
            decode("a", vec![0u8; 64]),
            Err(FileError::Binary { .. })
        ));
    }

    #[test]
    fn windows_1251_gets_a_hint() {
        // "Минск" in Windows-1251.
        let bytes = b"\xcc\xe8\xed\xf1\xea \xcc\xe8\xed\xf1\xea".to_vec();
        let e = decode("a", bytes).unwrap_err().to_string();
        assert!(e.contains("iconv -f windows-1251 -t utf-8"), "{e}");
    }
}
