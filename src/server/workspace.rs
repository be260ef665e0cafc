//! Which linter checks a document: its workspace folder's configs (the
//! closest galley.toml upward from the document, as `galley check` finds
//! it) and a linter cache per folder. A changed config or rule file drops
//! the folder's caches; the next check reads them again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Configs, Discovery, Settings};
use crate::linter::{Linter, LinterCache, Selection};

/// One workspace folder (or, for documents outside every folder, none).
pub struct Folder {
    pub root: Option<PathBuf>,
    configs: Configs,
    linters: LinterCache,
}

/// What checking a document under its folder's settings needs to know.
pub struct Resolved {
    /// `None` only if even the shipped packs failed to compile.
    pub linter: Option<Arc<Linter>>,
    /// The config file in force, if any (where "accept this spelling" writes).
    pub config: Option<PathBuf>,
    /// The config excludes this path: nothing is reported.
    pub excluded: bool,
    /// Errors in the config or its rule files, as one message; the defaults were used.
    pub error: Option<String>,
}

impl Folder {
    pub fn new(root: Option<PathBuf>) -> Self {
        Folder {
            root,
            configs: Configs::new(Discovery::Upward),
            linters: LinterCache::new(Selection::default(), Vec::new()),
        }
    }

    /// Forgets every config and compiled rule file: they are read again on the next check.
    pub fn reload(&mut self) {
        *self = Folder::new(self.root.take());
    }

    pub fn contains(&self, path: &Path) -> bool {
        self.root.as_deref().is_some_and(|r| path.starts_with(r))
    }

    /// The linter for a document at `path` (`None`: an unsaved buffer, checked with the defaults).
    pub fn resolve(&mut self, path: Option<&Path>) -> Resolved {
        let mut error = None;
        let settings = match path {
            Some(p) => {
                let s = self.configs.settings(p);
                if self.configs.errors.is_empty() {
                    s
                } else {
                    let errors = std::mem::take(&mut self.configs.errors);
                    error = Some(join_errors(
                        errors.iter().map(|e| format!("{}: {}", e.file, e.message)),
                    ));
                    Settings::defaults()
                }
            }
            None => Settings::defaults(),
        };
        let config = settings.config.as_ref().map(|c| c.path.clone());
        let excluded = settings.excluded.is_some();
        let linter = match self.linters.linter(&settings) {
            Ok(l) => Some(l),
            Err(e) => {
                error = Some(match &e {
                    crate::linter::LinterError::Packs(p) => join_errors(
                        p.errors
                            .iter()
                            .map(|e| format!("{}: {}", e.file, e.message)),
                    ),
                    other => other.to_string(),
                });
                self.linters.linter(&Settings::defaults()).ok()
            }
        };
        Resolved {
            linter,
            config,
            excluded,
            error,
        }
    }
}

fn join_errors(errors: impl Iterator<Item = String>) -> String {
    let all: Vec<String> = errors.collect();
    let shown = all.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
    match all.len() {
        n if n > 3 => format!(
            "galley: {shown} (and {} more; `galley check` shows them all)",
            n - 3
        ),
        _ => format!("galley: {shown}"),
    }
}

/// Whether a changed file can change what the linter does: a config or a rule file.
pub fn is_config_or_rules(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == "galley.toml" || name == ".galley.toml" || name.ends_with(".toml")
}
