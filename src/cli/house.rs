//! `galley house`: reads the archive in parallel, one article at a time
//! (counts kept, texts dropped), and writes the house pack, keeping the
//! editor's decisions of the last run; `--check` writes nothing and fails
//! when the archive shows what the pack does not decide yet.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use super::{print_pack_errors, say, HouseArgs};
use crate::check::{display_path, read_article, FileError};
use crate::document::{Document, Format, Source};
use crate::house::{self, ArchiveStats, Knowledge, Learned, Previous};
use crate::packs::PackSource;
use crate::rules::Ruleset;
use crate::walk::{discover, WalkOptions};

/// The packs in force here (as `galley rules` reads them), their sources
/// kept for the variant groups, and the configured language.
fn packs_here(no_config: bool) -> anyhow::Result<Option<(Vec<PackSource>, Option<crate::Lang>)>> {
    if no_config {
        return Ok(Some((crate::packs::shipped_sources(), None)));
    }
    let mut configs = crate::config::Configs::new(crate::config::Discovery::Upward);
    let settings = configs.settings(Path::new("galley.toml"));
    let config_sources = std::mem::take(&mut configs.sources);
    if let Some(mut errors) = configs.into_errors() {
        errors.sources = config_sources;
        print_pack_errors(&errors)?;
        return Ok(None);
    }
    let mut sources = crate::packs::shipped_by_name(&settings.packs.0);
    let files: Vec<PathBuf> = settings.rules.iter().map(|(p, _)| p.clone()).collect();
    sources.extend(crate::linter::read_rule_files(&files)?);
    Ok(Some((sources, settings.language.map(|(l, _)| l))))
}

pub fn run(args: HouseArgs) -> anyhow::Result<u8> {
    let Some((sources, language)) = packs_here(args.no_config)? else {
        return Ok(2);
    };
    let ruleset = match Ruleset::compile(sources.clone()) {
        Ok(r) => r,
        Err(errors) => {
            print_pack_errors(&errors)?;
            return Ok(2);
        }
    };
    let pack_display = display_path(&args.pack);
    let previous = match std::fs::read_to_string(&args.pack) {
        Ok(text) => Previous::read(&text).with_context(|| format!("cannot read {pack_display}"))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if args.check {
                say(
                    "error",
                    format!("{pack_display} does not exist: run `galley house` first, review it and commit it"),
                );
                return Ok(2);
            }
            Previous::default()
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {pack_display}")),
    };
    let knowledge = Knowledge::new(&sources, ruleset.entities().name_index());

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let found = discover(&paths, &[], &WalkOptions::default());
    let mut errors: Vec<FileError> = found.errors;
    let files: Vec<PathBuf> = found
        .files
        .into_iter()
        .map(|f| f.path)
        .filter(|p| p.canonicalize().ok() != args.pack.canonicalize().ok())
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let (mut stats, read_errors) = pool.install(|| {
        files
            .par_iter()
            .enumerate()
            .fold(
                || (ArchiveStats::default(), Vec::new()),
                |(mut stats, mut errors), (i, path)| {
                    match read_article(path, &display_path(path)) {
                        Ok(text) => {
                            let source = Source::read(&text, Format::from_path(path));
                            let doc = Document::new(&source, language);
                            stats.observe(&knowledge, i as u32, &doc);
                        }
                        Err(e) => errors.push(e),
                    }
                    (stats, errors)
                },
            )
            .reduce(
                || (ArchiveStats::default(), Vec::new()),
                |(a, mut ea), (b, eb)| {
                    ea.extend(eb);
                    (a.merge(b), ea)
                },
            )
    });
    stats.finish();
    errors.extend(read_errors);
    errors.sort_by(|a, b| a.path().cmp(b.path()));
    for e in &errors {
        say("error", e);
    }

    let display: Vec<String> = files.iter().map(|p| display_path(p)).collect();
    let clusters = house::clusters(&stats, &knowledge);
    let source = paths
        .iter()
        .map(|p| display_path(p))
        .collect::<Vec<_>>()
        .join(" ");
    let learned = Learned {
        stats: &stats,
        clusters: &clusters,
        lines: stats
            .lines
            .at_least(house::boilerplate_threshold(stats.articles)),
        paths: &display,
        source: &source,
    };
    let (decided, drift) = house::decide(&learned, &previous);
    let failed = u8::from(!errors.is_empty()) * 2;

    if args.check {
        if drift.is_empty() {
            if !args.quiet {
                say(
                    "info",
                    format!(
                        "{} articles hold to {pack_display}: nothing new to decide",
                        stats.articles
                    ),
                );
            }
            return Ok(failed);
        }
        for d in &drift {
            say("error", format!("{d}: {pack_display} does not decide it"));
        }
        say(
            "help",
            format!(
                "run `galley house` to add {} to {pack_display}, review the new entries and commit them",
                if drift.len() == 1 { "it" } else { "them" }
            ),
        );
        return Ok(failed.max(1));
    }

    let text = house::render(&learned, &previous, &decided);
    write_pack(&args.pack, &text).with_context(|| format!("cannot write {pack_display}"))?;
    if !args.quiet {
        let new = drift.len();
        say(
            "info",
            format!(
                "wrote {pack_display}: {} articles, {} spelling clusters, {} boilerplate lines; {new} new since the last run",
                stats.articles,
                decided.len(),
                learned.lines.len(),
            ),
        );
    }
    Ok(failed)
}

/// Writes the pack through a temporary file beside it, renamed over it: a
/// reader never sees half a pack.
fn write_pack(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
