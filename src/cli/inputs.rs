//! What `galley check` is asked to check: paths on the command line and in
//! `--files-from`, an article on standard input, and how to walk directories.

use std::io;
use std::path::PathBuf;

use anyhow::Context as _;

use super::CheckArgs;

/// What the command line asks to check: paths (with `--files-from`), the
/// article on standard input, and how to walk directories.
pub(super) struct Inputs {
    /// Named on the command line: a missing one is an error.
    pub paths: Vec<PathBuf>,
    /// From `--files-from`: a missing one or one that is no article is skipped.
    pub listed: Vec<PathBuf>,
    pub stdin: Option<(PathBuf, String)>,
    pub walk: crate::walk::WalkOptions,
}

impl Inputs {
    pub fn gather(args: &CheckArgs) -> anyhow::Result<Option<Inputs>> {
        let mut paths: Vec<PathBuf> = args
            .paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect();
        let wants_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
        let mut listed = Vec::new();
        if let Some(list) = &args.files_from {
            let text = if list.as_os_str() == "-" {
                let bytes =
                    crate::check::read_stream_bounded(io::stdin(), crate::check::MAX_FILE_SIZE)
                        .context("cannot read the file list from standard input")?;
                String::from_utf8(bytes).context("the file list on standard input is not UTF-8")?
            } else {
                let bytes = crate::check::read_bounded(list, crate::check::MAX_FILE_SIZE)
                    .with_context(|| format!("cannot read {}", list.display()))?;
                String::from_utf8(bytes)
                    .with_context(|| format!("cannot read {}: not UTF-8", list.display()))?
            };
            listed.extend(list_entries(&text).map(PathBuf::from));
        }
        let stdin = if wants_stdin {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            let display = crate::check::display_path(&name);
            // Bounded like a file: an endless stream is refused, not read until memory runs out.
            let bytes =
                match crate::check::read_stream_bounded(io::stdin(), crate::check::MAX_FILE_SIZE) {
                    Ok(b) => b,
                    Err(e) => {
                        super::say("error", crate::check::FileError::from_read(&display, e));
                        return Ok(None);
                    }
                };
            let text = match crate::check::decode(&display, bytes) {
                Ok(t) => t,
                Err(e) => {
                    super::say("error", e);
                    return Ok(None);
                }
            };
            Some((name, text))
        } else {
            None
        };
        if paths.is_empty() && stdin.is_none() && args.files_from.is_none() {
            paths.push(PathBuf::from("."));
        }
        let globs = |list: &[String]| -> anyhow::Result<Option<globset::GlobSet>> {
            if list.is_empty() {
                return Ok(None);
            }
            let mut b = globset::GlobSetBuilder::new();
            for g in list {
                b.add(globset::Glob::new(g).with_context(|| format!("invalid glob {g:?}"))?);
            }
            Ok(Some(b.build()?))
        };
        let walk = crate::walk::WalkOptions {
            hidden: args.hidden,
            include: globs(&args.include)?,
            exclude: globs(&args.exclude)?,
            force_exclude: args.force_exclude,
        };
        Ok(Some(Inputs {
            paths,
            listed,
            stdin,
            walk,
        }))
    }
}

/// The paths of a `--files-from` list: one per line, blank lines and `#`
/// comments left out (a file whose name starts with `#` is written `./#name`).
fn list_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_skip_blank_lines_and_comments() {
        let list = "a.txt\n\n# changed today\n  b.md  \n./#c.txt\n";
        let got: Vec<&str> = super::list_entries(list).collect();
        assert_eq!(got, ["a.txt", "b.md", "./#c.txt"]);
    }
}
