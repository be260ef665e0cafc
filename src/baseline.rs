//! The baseline: today's findings of an archive, recorded so that CI reports
//! only new ones (eslint's and alint's baselines work the same way).
//!
//! Version 2, written today: an entry is the file's path relative to the
//! baseline file's directory (so `cd articles && galley check --baseline
//! ../bl.json .` finds the same entries), the rule, and a fingerprint of the
//! rule, the finding's own text and its occurrence index among the equal
//! findings of its file. Nothing around the finding takes part, so an edit
//! elsewhere in the file, even on the same line, leaves it alone.
//!
//! Version 1 baselines (paths relative to the working directory, context
//! fingerprints of [`crate::fingerprint::fingerprint`]) are still read: the
//! old fingerprint is cheap to compute, and a team should not have to
//! re-record its baseline on upgrading.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::fingerprint::{finding_fingerprints, fingerprint};

/// The version [`Baseline::record`] writes.
pub const VERSION: u32 = 2;

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

/// Why a baseline file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    #[error("cannot read baseline {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a galley baseline")]
    Format {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "{path}: baseline version {version} is newer than this galley reads (up to {VERSION})"
    )]
    Version { path: String, version: u32 },
}

/// What filtering one file's findings did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Filtered {
    /// Findings hidden.
    pub hidden: usize,
}

/// A baseline read for filtering: entries by path, each with how many times it occurs.
#[derive(Debug)]
pub struct Loaded {
    version: u32,
    /// The directory paths are relative to (version 2).
    dir: PathBuf,
    by_path: HashMap<String, HashMap<(String, String), usize>>,
    total: usize,
}

impl Baseline {
    /// Records the findings of `files` (each a path as the filesystem knows
    /// it, its text and its findings) for a baseline file in `dir`.
    pub fn record<'a>(
        files: impl IntoIterator<Item = (&'a Path, &'a str, &'a [Diagnostic])>,
        dir: &Path,
    ) -> Baseline {
        let dir = normalize(dir);
        let mut entries: Vec<Entry> = Vec::new();
        for (path, text, diagnostics) in files {
            let key = relative_key(path, &dir);
            for (d, fp) in diagnostics
                .iter()
                .zip(finding_fingerprints(text, diagnostics))
            {
                entries.push(Entry {
                    path: key.clone(),
                    rule: d.rule.to_string(),
                    fingerprint: fp,
                });
            }
        }
        entries.sort_by(|a, b| {
            (&a.path, &a.rule, &a.fingerprint).cmp(&(&b.path, &b.rule, &b.fingerprint))
        });
        Baseline {
            version: VERSION,
            entries,
        }
    }

    /// Reads the baseline at `path`.
    pub fn load(path: &Path) -> Result<Loaded, BaselineError> {
        let display = crate::check::display_path(path);
        let bytes = crate::check::read_bounded(path, crate::check::MAX_FILE_SIZE).map_err(|e| {
            BaselineError::Read {
                path: display.clone(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
        let text = String::from_utf8(bytes).map_err(|e| BaselineError::Read {
            path: display.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let baseline: Baseline =
            serde_json::from_str(&text).map_err(|source| BaselineError::Format {
                path: display.clone(),
                source,
            })?;
        if baseline.version > VERSION {
            return Err(BaselineError::Version {
                path: display,
                version: baseline.version,
            });
        }
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        Ok(Loaded::new(baseline, &dir))
    }
}

impl Loaded {
    fn new(baseline: Baseline, dir: &Path) -> Loaded {
        let mut by_path: HashMap<String, HashMap<(String, String), usize>> = HashMap::new();
        let total = baseline.entries.len();
        for e in baseline.entries {
            *by_path
                .entry(e.path)
                .or_default()
                .entry((e.rule, e.fingerprint))
                .or_default() += 1;
        }
        Loaded {
            version: baseline.version,
            dir: normalize(dir),
            by_path,
            total,
        }
    }

    /// How many entries the baseline holds.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The key of `path` (a file as the filesystem knows it) in this baseline.
    pub fn key(&self, path: &Path) -> String {
        if self.version >= 2 {
            relative_key(path, &self.dir)
        } else {
            crate::check::display_path(path)
        }
    }

    /// Entries that no longer occur, after `hidden` findings of the files
    /// `checked` were hidden: those of checked files that hid nothing, and
    /// those of files that are gone. Files this run did not check (another
    /// shard's) keep their entries.
    pub fn stale<'p>(&self, checked: impl IntoIterator<Item = &'p Path>, hidden: usize) -> usize {
        let checked: std::collections::HashSet<String> =
            checked.into_iter().map(|p| self.key(p)).collect();
        let count = |m: &HashMap<(String, String), usize>| m.values().sum::<usize>();
        let of_checked: usize = checked
            .iter()
            .filter_map(|k| self.by_path.get(k))
            .map(count)
            .sum();
        let base = if self.version >= 2 {
            self.dir.clone()
        } else {
            PathBuf::new()
        };
        let of_gone: usize = self
            .by_path
            .iter()
            .filter(|(k, _)| !checked.contains(*k) && !base.join(k).exists())
            .map(|(_, m)| count(m))
            .sum();
        of_checked.saturating_sub(hidden) + of_gone
    }

    /// Drops from `diagnostics` (the findings of the file `key` on `text`)
    /// those the baseline holds. Calling it again on the same file (after a
    /// round of fixes) starts from the full baseline again.
    pub fn filter(&self, key: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Filtered {
        let Some(entries) = self.by_path.get(key) else {
            return Filtered::default();
        };
        let mut left = entries.clone();
        let before = diagnostics.len();
        if self.version >= 2 {
            let fps = finding_fingerprints(text, diagnostics);
            let mut fps = fps.into_iter();
            diagnostics.retain(|d| {
                let fp = fps.next().unwrap_or_default();
                !take(&mut left, &d.rule, fp)
            });
        } else {
            diagnostics.retain(|d| {
                // A version 1 baseline may hold a check's old per-language id,
                // in the entry and inside its fingerprint.
                let id: &str = &d.rule;
                let mut ids = vec![id];
                ids.extend(crate::rules::ids::former_ids(id));
                !ids.into_iter()
                    .any(|rule| take(&mut left, rule, fingerprint(text, rule, &d.range)))
            });
        }
        Filtered {
            hidden: before - diagnostics.len(),
        }
    }
}

/// Takes one occurrence of (rule, fingerprint) from `left`, if any is left.
fn take(left: &mut HashMap<(String, String), usize>, rule: &str, fp: String) -> bool {
    match left.get_mut(&(rule.to_owned(), fp)) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    }
}

/// `path` relative to `dir` (both made absolute and normalised), with `/`
/// separators; a path on another drive stays absolute.
fn relative_key(path: &Path, dir: &Path) -> String {
    let (path, dir) = (normalize(path), normalize(dir));
    let (p, d): (Vec<_>, Vec<_>) = (path.components().collect(), dir.components().collect());
    let common = p.iter().zip(&d).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let mut rel = PathBuf::new();
    for _ in common..d.len() {
        rel.push("..");
    }
    for c in &p[common..] {
        rel.push(c.as_os_str());
    }
    rel.to_string_lossy().replace('\\', "/")
}

/// An absolute path with `.` and `..` resolved by their names, not by the
/// filesystem: a baseline may be recorded for files that are gone.
fn normalize(path: &Path) -> PathBuf {
    // `Path::new("bl.json").parent()` is the empty path: the working directory.
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_relative_to_the_baseline_directory() {
        let root = Path::new("/news");
        assert_eq!(
            relative_key(Path::new("/news/articles/a.txt"), root),
            "articles/a.txt"
        );
        assert_eq!(
            relative_key(
                Path::new("/news/articles/../b.txt"),
                Path::new("/news/x/..")
            ),
            "b.txt"
        );
        assert_eq!(
            relative_key(Path::new("/news/a.txt"), Path::new("/news/ci")),
            "../a.txt"
        );
    }
}
