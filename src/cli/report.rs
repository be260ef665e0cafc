//! A checked file as the command line holds it until output: a run over an
//! archive keeps the texts of the files with findings on disk, not in
//! memory, and reads each again when its findings are rendered.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::check::{FileFindings, FileReport};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct CheckedFile {
    pub path: String,
    /// The file's text; empty once released (see [`CheckedFile::release`]).
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Words of prose, counted before the text is released (`score::word_count`).
    pub words: usize,
    released: Option<Released>,
}

/// Where a released text can be read again, and how to know it is the same.
#[derive(Debug)]
struct Released {
    file: PathBuf,
    len: usize,
    hash: u64,
    blank: bool,
}

/// A hash of the whole text: with the length, what tells that the file
/// read again to render is the file that was checked. Only the first and
/// last KiB once, which missed a same-length edit in the middle; the file is
/// read whole to render anyway, and hashing it costs less than reading it.
fn text_hash(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a(bytes)
}

impl From<FileReport> for CheckedFile {
    fn from(r: FileReport) -> Self {
        CheckedFile {
            path: r.path,
            text: r.text,
            diagnostics: r.diagnostics,
            words: r.words.unwrap_or(0),
            released: None,
        }
    }
}

impl CheckedFile {
    /// Drops the text, to be read again from `file` when a finding is
    /// rendered: a run over an archive then holds one file's text at a
    /// time, not the archive's.
    pub fn release(&mut self, file: &Path) {
        let blank = self.text.trim().is_empty();
        self.released = Some(if self.diagnostics.is_empty() {
            // Nothing will be rendered: the text is never read again.
            Released {
                file: PathBuf::new(),
                len: 0,
                hash: 0,
                blank,
            }
        } else {
            Released {
                file: file.to_owned(),
                len: self.text.len(),
                hash: text_hash(self.text.as_bytes()),
                blank,
            }
        });
        self.text = String::new();
    }

    /// Whether the file held nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.released
            .as_ref()
            .map_or_else(|| self.text.trim().is_empty(), |r| r.blank)
    }
}

impl FileFindings for CheckedFile {
    fn path(&self) -> &str {
        &self.path
    }

    fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    fn diagnostics_mut(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.diagnostics
    }

    /// The text, read again if it was released. A file that changed since
    /// it was checked is not rendered from its new content: positions would
    /// point at other words, so blanks of the checked length stand in.
    fn text(&self) -> Cow<'_, str> {
        let Some(r) = &self.released else {
            return Cow::Borrowed(&self.text);
        };
        match crate::check::read_bounded(&r.file, r.len as u64) {
            Ok(bytes) if bytes.len() == r.len && text_hash(&bytes) == r.hash => {
                Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| " ".repeat(r.len)))
            }
            _ => Cow::Owned(" ".repeat(r.len)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn a_same_length_edit_in_the_middle_is_not_rendered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text = format!(
            "Title\n\n{}the the end.\n{}",
            "x".repeat(4000),
            "y".repeat(4000)
        );
        std::fs::write(&path, &text).unwrap();
        let d = Diagnostic::new(&"x/y".into(), Severity::Warning, 4007..4014, String::new());
        let mut f = CheckedFile::from(FileReport::new("a.txt".into(), text.clone(), vec![d]));
        f.release(&path);
        assert_eq!(f.text(), text);
        // Same length, first and last KiB untouched: only a hash of the whole text sees it.
        std::fs::write(&path, text.replace("the the", "THE THE")).unwrap();
        assert_eq!(f.text(), " ".repeat(text.len()));
    }
}
