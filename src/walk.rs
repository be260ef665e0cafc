//! Finding the articles under the paths given: files as given, directories
//! walked with .gitignore respected and hidden files skipped.

use std::path::PathBuf;

use crate::check::{display_path, FileError};
use crate::document::Format;

/// A file to check; `explicit` when named on the command line (config
/// `exclude` globs apply only to files found by walking).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: PathBuf,
    pub explicit: bool,
}

/// How directories are walked.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct WalkOptions {
    /// Also walk hidden files and directories.
    pub hidden: bool,
    /// When non-empty, walked files must match one of these globs.
    pub include: Option<globset::GlobSet>,
    /// Walked files matching these globs are skipped.
    pub exclude: Option<globset::GlobSet>,
}

impl WalkOptions {
    fn keeps(&self, path: &std::path::Path) -> bool {
        let rel = path.strip_prefix(".").unwrap_or(path);
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

fn has_article_extension(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| Format::EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// The files to check, sorted and deduplicated, and the paths that failed.
pub fn discover(paths: &[PathBuf], options: &WalkOptions) -> (Vec<Found>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let display = display_path(path);
        if let Err(e) = std::fs::metadata(path) {
            // A dangling link or a link loop exists but cannot be followed: say why.
            errors.push(match std::fs::symlink_metadata(path) {
                Ok(_) => FileError::Io {
                    path: display,
                    source: e,
                },
                Err(_) => FileError::Missing { path: display },
            });
            continue;
        }
        if !path.is_dir() {
            files.push(Found {
                path: path.clone(),
                explicit: true,
            });
            continue;
        }
        let before = files.len();
        let walker = ignore::WalkBuilder::new(path)
            .hidden(!options.hidden)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let is_article = e.file_type().is_some_and(|t| t.is_file())
                        && has_article_extension(e.path());
                    if is_article && options.keeps(e.path()) {
                        files.push(Found {
                            path: e.into_path(),
                            explicit: false,
                        });
                    } else if e.path_is_symlink() && has_article_extension(e.path()) {
                        // Not followed (it may lead out of the tree, or loop); said, not silent.
                        errors.push(FileError::LinkNotFollowed {
                            path: display_path(e.path()),
                        });
                    }
                }
                Err(err) => errors.push(FileError::Io {
                    path: display.clone(),
                    source: std::io::Error::other(err.to_string()),
                }),
            }
        }
        if files.len() == before {
            errors.push(FileError::NoArticles { path: display });
        }
    }
    files.sort();
    // A file both named and found by a walk counts as named.
    files.dedup_by(|b, a| {
        let same = a.path == b.path;
        a.explicit |= same && b.explicit;
        same
    });
    (files, errors)
}
