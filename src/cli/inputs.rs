//! What `galley check` is asked to check: paths on the command line and in
//! `--files-from`, an article on standard input, and how to walk directories.

use std::io;
use std::path::PathBuf;

use anyhow::Context as _;

use super::CheckArgs;

/// What the command line asks to check: paths (with `--files-from`), the
/// article on standard input, and how to walk directories.
pub(super) struct Inputs {
    pub paths: Vec<PathBuf>,
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
        if let Some(list) = &args.files_from {
            let text = if list.as_os_str() == "-" {
                io::read_to_string(io::stdin())
                    .context("cannot read the file list from standard input")?
            } else {
                std::fs::read_to_string(list)
                    .with_context(|| format!("cannot read {}", list.display()))?
            };
            paths.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from),
            );
        }
        let stdin = if wants_stdin {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut bytes)
                .context("cannot read standard input")?;
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            let text = match crate::check::decode(&crate::check::display_path(&name), bytes) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {e}");
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
        };
        Ok(Some(Inputs { paths, stdin, walk }))
    }
}
