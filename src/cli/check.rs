//! `galley check`: find files, load their configs, build a linter per
//! distinct settings, check in parallel, fix, compare with the baseline, emit.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use rayon::prelude::*;

use super::inputs::Inputs;
use super::report::CheckedFile;
use super::shard::shard_of;
use super::{color_for, print_pack_errors, statistics, CheckArgs, FailOn};
use crate::check::{FileError, FileReport};
use crate::config::{Configs, Discovery, Settings};
use crate::diagnostic::Severity;
use crate::document::Format;
use crate::linter::{
    deprecated_severity_keys, unknown_severity_keys, Linter, LinterCache, LinterError, Selection,
};
use crate::output::{self, OutputFormat, Report};

/// A temporary file of galley's this old is no live run's: reported after `--fix`.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let discovery = match (&args.config, args.no_config) {
        (Some(path), _) => Discovery::Forced(path.clone()),
        (None, true) => Discovery::None,
        (None, false) => Discovery::Upward,
    };
    let mut configs = Configs::new(discovery);

    if let Some(path) = &args.show_config {
        let settings = configs.settings(path);
        if let Some(errors) = configs.into_errors() {
            print_pack_errors(&errors)?;
            return Ok(2);
        }
        super::show_config::print(path, &settings, &args.rules, args.config.is_some())?;
        return Ok(0);
    }

    let Some(inputs) = Inputs::gather(&args)? else {
        return Ok(2);
    };
    let (found, mut errors) = crate::walk::discover(&inputs.paths, &inputs.walk);
    let mut files: Vec<(PathBuf, Arc<Settings>)> = Vec::new();
    if let Some((name, _)) = &inputs.stdin {
        files.push((name.clone(), Arc::new(configs.settings(name))));
    }
    let mut last: Option<Arc<Settings>> = None;
    for f in found {
        let settings = configs.settings(&f.path);
        if settings.excluded.is_some() && !f.explicit {
            continue;
        }
        // Files in one directory mostly share their settings: one copy for all.
        let settings = match &last {
            Some(l) if l.same_as(&settings) => Arc::clone(l),
            _ => {
                let s = Arc::new(settings);
                last = Some(Arc::clone(&s));
                s
            }
        };
        files.push((f.path, settings));
    }
    if let Some((k, n)) = args.shard {
        files.retain(|(path, _)| shard_of(path, n) == k);
    }
    if !args.quiet {
        for note in &configs.ignored {
            super::say("warning", note);
        }
    }
    let sources = std::mem::take(&mut configs.sources);
    if let Some(mut e) = configs.into_errors() {
        e.sources = sources;
        print_pack_errors(&e)?;
        return Ok(2);
    }

    // One linter per distinct settings, one ruleset per distinct (packs, rule
    // files): all compiled before anything is checked.
    let selection = Selection::new(
        args.select.clone(),
        args.extend_select.clone(),
        args.ignore.clone(),
    );
    let mut linters = LinterCache::new(selection.clone(), args.rules.clone());
    let mut per_file: Vec<Arc<Linter>> = Vec::with_capacity(files.len());
    let mut last: Option<(Arc<Settings>, Arc<Linter>)> = None;
    for (_, settings) in &files {
        let linter = match &last {
            Some((s, l)) if Arc::ptr_eq(s, settings) => Arc::clone(l),
            _ => match linters.linter(settings) {
                Ok(l) => {
                    last = Some((Arc::clone(settings), Arc::clone(&l)));
                    l
                }
                Err(LinterError::Packs(e)) => {
                    print_pack_errors(&e)?;
                    return Ok(2);
                }
                Err(e) => return Err(e.into()),
            },
        };
        per_file.push(linter);
    }
    let checked = files
        .iter()
        .zip(&per_file)
        .map(|((_, settings), linter)| (&**settings, linter.ruleset()));
    if let Some(e) = unknown_severity_keys(checked) {
        print_pack_errors(&e)?;
        return Ok(2);
    }
    let mut distinct: Vec<&Arc<Settings>> = Vec::new();
    for (_, s) in &files {
        if !distinct.iter().any(|d| Arc::ptr_eq(d, s)) {
            distinct.push(s);
        }
    }
    for note in deprecated_severity_keys(distinct.iter().map(|s| &***s))
        .into_iter()
        .chain(selection.deprecations())
    {
        super::say("warning", note);
    }
    if let Some(e) = selection.unknown(linters.rules()) {
        super::say("error", format!("{e}; `galley rules` lists them"));
        return Ok(2);
    }
    let jobs: Vec<(PathBuf, Arc<Linter>)> = files
        .into_iter()
        .map(|(path, _)| path)
        .zip(per_file)
        .collect();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let results: Vec<Result<CheckedFile, FileError>> = pool.install(|| {
        jobs.par_iter()
            .map(|(path, linter)| match &inputs.stdin {
                Some((name, text)) if name == path => Ok(CheckedFile::from(FileReport::new(
                    crate::check::display_path(name),
                    text.clone(),
                    linter.check(name, text, Format::from_path(name)),
                ))),
                _ => linter.check_file(path).map(|r| {
                    let mut r = CheckedFile::from(r);
                    // Fixing needs the text; rendering reads it again when it must.
                    if !(args.fix || args.diff) {
                        r.release(path);
                    }
                    r
                }),
            })
            .collect()
    });
    let mut failed = false;
    let mut reports = Vec::new();
    let (mut fixed, mut files_fixed, mut unwritten) = (0usize, 0usize, 0usize);
    let mut fixed_dirs: Vec<PathBuf> = Vec::new();
    let mut diff = Vec::new();
    for ((path, linter), r) in jobs.iter().zip(results) {
        match r {
            Ok(mut report) => {
                let is_stdin = inputs.stdin.as_ref().is_some_and(|(name, _)| name == path);
                if (args.fix || args.diff) && !is_stdin {
                    let out: Option<&mut dyn Write> =
                        if args.diff { Some(&mut diff) } else { None };
                    let (n, ok) =
                        super::fix::fix_report(&mut report, linter, path, args.unsafe_fixes, out)?;
                    fixed += n;
                    files_fixed += usize::from(n > 0);
                    unwritten += usize::from(!ok);
                    failed |= !ok;
                    if args.fix {
                        let dir = std::fs::canonicalize(path)
                            .ok()
                            .and_then(|p| p.parent().map(PathBuf::from));
                        if let Some(dir) = dir.filter(|d| !fixed_dirs.contains(d)) {
                            fixed_dirs.push(dir);
                        }
                    }
                }
                reports.push(report);
            }
            Err(e) => errors.push(e),
        }
    }
    if args.diff {
        io::stdout().write_all(&diff)?;
        if !args.quiet {
            eprintln!("Would fix {fixed} findings in {files_fixed} files");
        }
        return Ok(if failed { 2 } else { u8::from(fixed > 0) });
    }
    let checked_any = !jobs.is_empty();
    for e in &errors {
        // An empty directory beside others that hold articles is worth a word, not a failure.
        let is_warning = (matches!(e, FileError::NoArticles { .. }) && checked_any)
            || matches!(e, FileError::LinkNotFollowed { .. });
        if !(is_warning && args.quiet) {
            super::say(if is_warning { "warning" } else { "error" }, e);
        }
        failed |= !is_warning;
    }
    for r in &reports {
        if r.is_blank() && !args.quiet {
            super::say(
                "warning",
                format!("{}: empty file, nothing to check", r.path),
            );
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = crate::baseline::Baseline::record(&reports);
        let json = serde_json::to_string_pretty(&baseline)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!(
            "Recorded {} findings in {} files to {}",
            baseline.entries.len(),
            reports.len(),
            path.display()
        );
        return Ok(if failed { 2 } else { 0 });
    }
    if let Some(path) = &args.baseline {
        let bytes = crate::check::read_bounded(path, crate::check::MAX_FILE_SIZE)
            .with_context(|| format!("cannot read baseline {}", path.display()))?;
        let text = String::from_utf8(bytes)
            .with_context(|| format!("{} is not a galley baseline", path.display()))?;
        let baseline: crate::baseline::Baseline = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a galley baseline", path.display()))?;
        let gone = baseline.filter(&mut reports);
        if gone > 0 && !args.quiet {
            eprintln!("{gone} baseline entries no longer occur; `galley baseline` records the current findings");
        }
    }
    // Sorted: the hash map's order would change SARIF's ruleIndex from run to run.
    let rules: Vec<crate::rules::RuleMeta> = linters.rules().into_iter().cloned().collect();
    if args.fix && !args.quiet {
        for dir in &fixed_dirs {
            for stale in crate::fix::stale_temp_files(dir, STALE_AFTER) {
                super::say(
                    "warning",
                    format!(
                        "{}: a temporary file left by an interrupted `galley check --fix`; delete it",
                        crate::check::display_path(&stale)
                    ),
                );
            }
        }
        let remain: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        let unwritten = match unwritten {
            0 => String::new(),
            1 => "; 1 file could not be written".into(),
            n => format!("; {n} files could not be written"),
        };
        eprintln!("Fixed {fixed} findings in {files_fixed} files ({remain} remain{unwritten})");
    }
    let report = Report {
        files_checked: reports.len(),
        files: reports,
        rules,
        quiet: args.quiet,
    };
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let findings = threshold.is_some_and(|t| report.diagnostics().any(|(_, d)| d.severity >= t));
    let code = if failed {
        2
    } else if findings {
        1
    } else {
        0
    };
    let to_terminal = args.output.is_none() && color_for(args.color, &io::stdout());
    let color = args.format == OutputFormat::Human && to_terminal;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let written = if args.statistics {
        statistics::write(&report, &mut out)
    } else {
        output::write(&report, args.format, color, &mut out)
    }
    .and_then(|()| out.flush());
    match written {
        // A reader that stops early (`galley check | head`) is its choice:
        // the exit code still says what the run found.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(code),
    }
}
