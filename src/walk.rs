//! Finding the articles under the paths given: files as given, directories
//! walked with .gitignore respected and hidden files skipped.

use std::path::PathBuf;

use crate::check::{display_path, FileError};
use crate::document::Format;

/// A file to check; `explicit` when named on the command line (config
/// `exclude` globs apply only to files found by walking, unless
/// `--force-exclude`). A file from a list (`--files-from`) is not explicit:
/// a list is what a tool found (`git diff --name-only`), like a walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: PathBuf,
    pub explicit: bool,
}

/// A listed path left out, and why: a list from `git diff` names deleted
/// files and images as well as articles, and that is no error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub why: &'static str,
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<Found>,
    pub errors: Vec<FileError>,
    pub skipped: Vec<Skipped>,
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
    /// `--force-exclude`: `include` and `exclude` apply to named files too.
    pub force_exclude: bool,
}

impl WalkOptions {
    fn keeps(&self, path: &std::path::Path) -> bool {
        let rel = path.strip_prefix(".").unwrap_or(path);
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// Whether a path names an article by its extension.
fn is_article(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| Format::EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// The files to check, sorted and deduplicated, the paths that failed, and
/// the listed ones left out. `paths` were named by the user: one that does
/// not exist is an error. `listed` came from a list: one that is gone or is
/// no article (by its extension) is skipped, and the walk's `include` and
/// `exclude` apply to it.
pub fn discover(paths: &[PathBuf], listed: &[PathBuf], options: &WalkOptions) -> Discovered {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    for path in listed {
        let display = display_path(path);
        if std::fs::metadata(path).is_err() {
            skipped.push(Skipped {
                path: display,
                why: "no such file (deleted, or renamed)",
            });
        } else if path.is_dir() {
            walk(path, options, &mut files, &mut errors);
        } else if !is_article(path) {
            skipped.push(Skipped {
                path: display,
                why: "not an article (by its extension)",
            });
        } else if options.keeps(path) {
            files.push(Found {
                path: path.clone(),
                explicit: false,
            });
        }
    }
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
            if !options.force_exclude || options.keeps(path) {
                files.push(Found {
                    path: path.clone(),
                    explicit: true,
                });
            }
            continue;
        }
        walk(path, options, &mut files, &mut errors);
    }
    files.sort();
    // A file both named and found by a walk counts as named.
    files.dedup_by(|b, a| {
        let same = a.path == b.path;
        a.explicit |= same && b.explicit;
        same
    });
    Discovered {
        files,
        errors,
        skipped,
    }
}

/// The articles under the directory `path`.
fn walk(
    path: &std::path::Path,
    options: &WalkOptions,
    files: &mut Vec<Found>,
    errors: &mut Vec<FileError>,
) {
    let display = display_path(path);
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
                let article = e.file_type().is_some_and(|t| t.is_file()) && is_article(e.path());
                if article && options.keeps(e.path()) {
                    files.push(Found {
                        path: e.into_path(),
                        explicit: false,
                    });
                } else if e.path_is_symlink() && is_article(e.path()) {
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
