//! `galley check`: find files, load their configs, build a linter per
//! distinct settings, check in parallel, fix, compare with the baseline, emit.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;

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
use crate::output::{self, Notification, OutputFormat, Report, RunInfo, Scores};
use crate::score::Score;

/// A temporary file of galley's this old is no live run's: reported after `--fix`.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// The settings with `--date` over the config's `date`.
fn with_date(mut settings: Settings, args: &CheckArgs) -> Settings {
    if let Some(d) = args.date {
        settings.date = Some((d, crate::config::Origin::caller()));
    }
    settings
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    if args.write_baseline.is_some() && (args.fix || args.diff) {
        eprintln!("error: `galley baseline` records findings and never fixes; run `galley check --fix` first");
        return Ok(2);
    }
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
        return failed_run(&args, vec!["standard input is not an article".into()]);
    };
    let crate::walk::Discovered {
        files: found,
        mut errors,
        skipped,
    } = crate::walk::discover(&inputs.paths, &inputs.listed, &inputs.walk);
    let listed: HashSet<&PathBuf> = inputs.listed.iter().collect();
    let mut notifications: Vec<Notification> = Vec::new();
    for s in &skipped {
        skip_note(&args, &mut notifications, &s.path, s.why);
    }
    let mut files: Vec<(PathBuf, Arc<Settings>)> = Vec::new();
    if let Some((name, _)) = &inputs.stdin {
        files.push((
            name.clone(),
            Arc::new(with_date(configs.settings(name), &args)),
        ));
    }
    let mut last: Option<Arc<Settings>> = None;
    for f in found {
        let settings = with_date(configs.settings(&f.path), &args);
        if settings.excluded.is_some() && (!f.explicit || args.force_exclude) {
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
        return failed_run(&args, pack_error_lines(&e));
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
                    return failed_run(&args, pack_error_lines(&e));
                }
                Err(e) => {
                    let message = format!("{:#}", anyhow::Error::from(e));
                    eprintln!("error: {message}");
                    return failed_run(&args, vec![message]);
                }
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
        return failed_run(&args, pack_error_lines(&e));
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
    let rule_ids: Vec<&str> = linters.rules().into_iter().map(|m| &*m.id).collect();
    for s in &distinct {
        for (key, origin) in &s.unfixable {
            if !rule_ids
                .iter()
                .any(|id| crate::rule_key::key_matches(key, id))
            {
                let message = format!(
                    "{}: `unfixable` names no rule or category: `{key}`",
                    origin.place
                );
                eprintln!("error: {message}; `galley rules` lists them");
                return failed_run(&args, vec![message]);
            }
        }
    }
    if let Some(e) = selection.unknown(linters.rules()) {
        super::say("error", format!("{e}; `galley rules` lists them"));
        return failed_run(&args, vec![e.to_string()]);
    }
    let baseline = match &args.baseline {
        Some(path) => match crate::baseline::Baseline::load(path) {
            Ok(b) => Some(b),
            Err(e) => {
                let message = format!("{:#}", anyhow::Error::from(e));
                eprintln!("error: {message}");
                return failed_run(&args, vec![message]);
            }
        },
        None => None,
    };
    // Baselined findings are hidden from the report and from --fix and --diff alike.
    let hide = |path: &std::path::Path, text: &str, diagnostics: &mut Vec<_>| {
        baseline
            .as_ref()
            .map_or(0, |b| b.filter(&b.key(path), text, diagnostics).hidden)
    };
    let jobs: Vec<(PathBuf, Arc<Linter>)> = files
        .into_iter()
        .map(|(path, _)| path)
        .zip(per_file)
        .collect();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    crate::rules::set_threads_per_file(pool.current_num_threads());
    let writing_baseline = args.write_baseline.is_some();
    // What needs every file before it can write keeps them all (see
    // docs/ARCHITECTURE.md); everything else is written file by file.
    let streaming = !(args.fix
        || args.diff
        || writing_baseline
        || args.statistics
        || args.sort == super::SortBy::Score
        || args.format == OutputFormat::Html
        || inputs.stdin.is_some());
    let progress = super::progress::Progress::new(jobs.len(), args.quiet);
    let check_one = |i: usize| -> Result<(CheckedFile, usize), FileError> {
        let (path, linter) = &jobs[i];
        let _tick = progress.tick();
        let mut r = match &inputs.stdin {
            Some((name, text)) if name == path => {
                let (diagnostics, words) =
                    linter.check_counted(name, text, Format::from_path(name));
                let mut report =
                    FileReport::new(crate::check::display_path(name), text.clone(), diagnostics);
                report.words = Some(words);
                CheckedFile::from(report)
            }
            _ => CheckedFile::from(linter.check_file(path)?),
        };
        let hidden = hide(path, &r.text, &mut r.diagnostics);
        // A run that keeps every file keeps no text it need not: fixing and
        // recording a baseline need it, rendering reads it again. A streamed
        // file is written within a window of files, text and all.
        if !(streaming || args.fix || args.diff || writing_baseline || is_stdin(&inputs, path)) {
            r.release(path);
        }
        Ok((r, hidden))
    };
    // Workers a few files ahead of the writer at most: enough to keep
    // every thread busy behind a slow file, few enough to hold little.
    let window = 4 * pool.current_num_threads();
    // Sorted: the hash map's order would change SARIF's ruleIndex from run to run.
    let rules: Vec<crate::rules::RuleMeta> = linters.rules().into_iter().cloned().collect();
    if streaming {
        let run = Streamed {
            args: &args,
            jobs: &jobs,
            listed: &listed,
            baseline: baseline.as_ref(),
            rules: &rules,
        };
        let done = run.run(&pool, window, &check_one, notifications, errors);
        progress.finish();
        return done;
    }
    let mut results: Vec<Result<(CheckedFile, usize), FileError>> = Vec::with_capacity(jobs.len());
    let Ok(()) = super::reorder::run_ordered(&pool, jobs.len(), window, check_one, |r| {
        results.push(r);
        Ok::<(), std::convert::Infallible>(())
    });
    progress.finish();
    let mut failed = false;
    let mut reports = Vec::new();
    let mut checked_paths = Vec::new();
    let mut hidden = 0;
    let (mut fixed, mut files_fixed, mut unwritten) = (0usize, 0usize, 0usize);
    let mut fixed_dirs: Vec<PathBuf> = Vec::new();
    let mut diff = Vec::new();
    let mut stdin_fixed: Option<String> = None;
    for ((path, linter), r) in jobs.iter().zip(results) {
        match r {
            Ok((mut report, h)) => {
                hidden += h;
                if (args.fix || args.diff) && !is_stdin(&inputs, path) {
                    let out: Option<&mut dyn Write> =
                        if args.diff { Some(&mut diff) } else { None };
                    let rechecked = |text: &str| {
                        let mut d = linter.check(path, text, Format::from_path(path));
                        hide(path, text, &mut d);
                        d
                    };
                    let (n, ok) = super::fix::fix_report(
                        &mut report,
                        &rechecked,
                        path,
                        args.unsafe_fixes,
                        out,
                    )?;
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
                if args.fix && is_stdin(&inputs, path) {
                    // Fix on save: the fixed text goes to standard output, as
                    // ruff and prettier give it to editors; findings that remain
                    // go to standard error.
                    let rechecked = |text: &str| {
                        let mut d = linter.check(path, text, Format::from_path(path));
                        hide(path, text, &mut d);
                        d
                    };
                    let n = super::fix::fix_in_memory(&mut report, &rechecked, args.unsafe_fixes);
                    fixed += n;
                    files_fixed += usize::from(n > 0);
                    stdin_fixed = Some(report.text.clone());
                }
                reports.push(report);
                checked_paths.push(path.clone());
            }
            Err(e) => file_error(&args, &listed, path, e, &mut notifications, &mut errors),
        }
    }
    if args.diff {
        io::stdout().write_all(&diff)?;
        if !args.quiet {
            eprintln!(
                "Would fix {} in {}",
                plural(fixed, "finding"),
                plural(files_fixed, "file")
            );
        }
        return Ok(if failed { 2 } else { u8::from(fixed > 0) });
    }
    failed |= say_errors(&args, &errors, !jobs.is_empty(), &mut notifications);
    for r in &reports {
        if r.is_blank() && !args.quiet {
            say_blank(&r.path);
        }
    }
    if let Some(path) = &args.write_baseline {
        let dir = path.parent().unwrap_or(std::path::Path::new("."));
        let baseline = crate::baseline::Baseline::record(
            checked_paths
                .iter()
                .zip(&reports)
                .map(|(p, r)| (p.as_path(), r.text.as_str(), r.diagnostics.as_slice())),
            dir,
        );
        let json = serde_json::to_string_pretty(&baseline)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!(
            "Recorded {} in {} to {}",
            plural(baseline.entries.len(), "finding"),
            plural(reports.len(), "file"),
            path.display()
        );
        return Ok(if failed { 2 } else { 0 });
    }
    if let Some(b) = &baseline {
        say_stale(&args, b, &checked_paths, hidden);
    }
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
        let remain = if remain == 1 {
            "1 remains".to_owned()
        } else {
            format!("{remain} remain")
        };
        eprintln!(
            "Fixed {} in {} ({remain}{unwritten})",
            plural(fixed, "finding"),
            plural(files_fixed, "file")
        );
    }
    let scores = scores_of(&reports);
    if args.sort == super::SortBy::Score {
        let value = |r: &CheckedFile| {
            scores
                .files
                .iter()
                .find(|(p, _)| *p == r.path)
                .map_or(0.0, |(_, s)| s.value)
        };
        // Stable: equal scores keep path order.
        reports.sort_by(|a, b| value(b).total_cmp(&value(a)));
    }
    let over_max = args
        .max_score
        .is_some_and(|max| scores.files.iter().any(|(_, s)| s.value > max));
    let mut run = RunInfo::new(threshold(args.fail_on));
    run.notifications = notifications;
    run.baseline_hidden = hidden;
    run.scores = Some(scores);
    run.columns = super::terminal_columns();
    let report = Report {
        files_checked: reports.len(),
        files: reports,
        rules,
        quiet: args.quiet,
        run,
    };
    let findings = over_max || report.diagnostics().any(|(_, d)| report.fails(d));
    print_timing();
    let code = if failed {
        2
    } else if findings {
        1
    } else {
        0
    };
    let emitted = match &stdin_fixed {
        Some(text) => {
            io::stdout().write_all(text.as_bytes())?;
            io::stdout().flush()?;
            emit_to(&args, &report, Box::new(io::stderr().lock()), &io::stderr())
        }
        None => emit(&args, &report),
    };
    match emitted {
        // A reader that stops early (`galley check | head`) is its choice:
        // the exit code still says what the run found.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            Ok(code)
        }
        Err(e) => Err(e),
        Ok(()) => Ok(code),
    }
}

/// A file the run could not check: a note if it was listed and is gone or
/// not an article, an error otherwise.
fn file_error(
    args: &CheckArgs,
    listed: &HashSet<&PathBuf>,
    path: &PathBuf,
    e: FileError,
    notifications: &mut Vec<Notification>,
    errors: &mut Vec<FileError>,
) {
    let gone_or_not_article = matches!(&e, FileError::Missing { .. } | FileError::Binary { .. })
        || matches!(&e, FileError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound);
    if listed.contains(path) && gone_or_not_article {
        let why = if matches!(e, FileError::Binary { .. }) {
            "not an article (a binary file)"
        } else {
            "no such file (deleted while galley ran)"
        };
        skip_note(args, notifications, &crate::check::display_path(path), why);
    } else {
        errors.push(e);
    }
}

/// Says each error on standard error and adds it to the report's
/// notifications; whether any fails the run.
fn say_errors(
    args: &CheckArgs,
    errors: &[FileError],
    checked_any: bool,
    notifications: &mut Vec<Notification>,
) -> bool {
    let mut failed = false;
    for e in errors {
        // An empty directory beside others that hold articles is worth a word, not a failure.
        let is_warning = (matches!(e, FileError::NoArticles { .. }) && checked_any)
            || matches!(e, FileError::LinkNotFollowed { .. });
        if !(is_warning && args.quiet) {
            super::say(if is_warning { "warning" } else { "error" }, e);
        }
        failed |= !is_warning;
        notifications.push(Notification::new(
            if is_warning {
                Severity::Warning
            } else {
                Severity::Error
            },
            e.to_string(),
            Some(e.path().to_owned()),
        ));
    }
    failed
}

fn say_blank(path: &str) {
    super::say("warning", format!("{path}: empty file, nothing to check"));
}

/// Baseline entries no finding of this run matched, if any.
fn say_stale(
    args: &CheckArgs,
    b: &crate::baseline::Loaded,
    checked_paths: &[PathBuf],
    hidden: usize,
) {
    // Entries of files this run did not check are not stale: a shard or a
    // `--files-from` list checks some files only.
    let stale = b.stale(checked_paths.iter().map(PathBuf::as_path), hidden);
    if stale > 0 && !args.quiet {
        let entries = if stale == 1 {
            "1 baseline entry no longer occurs"
        } else {
            "baseline entries no longer occur"
        };
        let count = if stale == 1 {
            String::new()
        } else {
            format!("{stale} ")
        };
        eprintln!("{count}{entries}; `galley baseline` records the current findings");
    }
}

/// A run written file by file (`output::stream`): what it needs besides
/// the checking.
struct Streamed<'a> {
    args: &'a CheckArgs,
    jobs: &'a [(PathBuf, Arc<Linter>)],
    listed: &'a HashSet<&'a PathBuf>,
    baseline: Option<&'a crate::baseline::Loaded>,
    rules: &'a [crate::rules::RuleMeta],
}

/// What a streamed run keeps of each file: the report's end and the exit code need it.
#[derive(Default)]
struct Kept {
    files_checked: usize,
    hidden: usize,
    blank: Vec<String>,
    /// Only with a baseline, which tells stale entries from them.
    checked_paths: Vec<PathBuf>,
    scores: Vec<(String, Score)>,
    fails: bool,
}

impl Streamed<'_> {
    fn run(
        &self,
        pool: &rayon::ThreadPool,
        window: usize,
        check_one: &(dyn Fn(usize) -> Result<(CheckedFile, usize), FileError> + Sync),
        mut notifications: Vec<Notification>,
        mut errors: Vec<FileError>,
    ) -> anyhow::Result<u8> {
        let args = self.args;
        let out: Box<dyn Write + Send> = match &args.output {
            Some(path) => Box::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot write {}", path.display()))?,
            ),
            None => Box::new(io::stdout()),
        };
        let color = args.format == OutputFormat::Human
            && args.output.is_none()
            && color_for(args.color, &io::stdout());
        let threshold = threshold(args.fail_on);
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let begin = output::stream::Begin {
            format: args.format,
            color,
            rules: self.rules,
            fail_on: threshold,
            columns: super::terminal_columns(),
            quiet: args.quiet,
            spill_to_disk: true,
        };
        // A write that fails (a reader that stopped early) stops the writing,
        // not the run: the exit code still says what every file holds.
        let mut write_error: Option<io::Error> = None;
        let mut writer = match output::stream::ReportWriter::begin(begin, &mut out) {
            Ok(w) => Some(w),
            Err(e) => {
                write_error = Some(e);
                None
            }
        };
        let mut kept = Kept::default();
        let mut index = 0;
        // A file's part that depends on it alone is rendered by the worker
        // that checked it, in parallel: writing, in turn under a lock, then
        // only copies bytes.
        let alone = begin.renders_alone();
        let check = |i: usize| {
            check_one(i).map(|(report, hidden)| {
                let part = alone.then(|| begin.render(&report));
                (report, hidden, part)
            })
        };
        let Ok(()) = super::reorder::run_ordered(pool, self.jobs.len(), window, check, |r| {
            let path = &self.jobs[index].0;
            index += 1;
            match r {
                Ok((report, h, part)) => {
                    kept.files_checked += 1;
                    kept.hidden += h;
                    if report.is_blank() {
                        kept.blank.push(report.path.clone());
                    }
                    if self.baseline.is_some() {
                        kept.checked_paths.push(path.clone());
                    }
                    kept.fails |= report
                        .diagnostics
                        .iter()
                        .any(|d| threshold.is_some_and(|t| d.severity >= t));
                    kept.scores.push((
                        report.path.clone(),
                        Score::new(report.words, crate::score::penalty(&report.diagnostics)),
                    ));
                    if let Some(w) = &mut writer {
                        let written = match part {
                            Some(part) => part.and_then(|p| w.rendered(&report, &p)),
                            None => w.file(&report),
                        };
                        if let Err(e) = written {
                            write_error = Some(e);
                            writer = None;
                        }
                    }
                }
                Err(e) => file_error(args, self.listed, path, e, &mut notifications, &mut errors),
            }
            Ok::<(), std::convert::Infallible>(())
        });
        let failed = say_errors(args, &errors, !self.jobs.is_empty(), &mut notifications);
        if !args.quiet {
            for path in &kept.blank {
                say_blank(path);
            }
        }
        if let Some(b) = self.baseline {
            say_stale(args, b, &kept.checked_paths, kept.hidden);
        }
        let run_score = crate::score::run_score(kept.scores.iter().map(|(_, s)| *s));
        let over_max = args
            .max_score
            .is_some_and(|max| kept.scores.iter().any(|(_, s)| s.value > max));
        let mut run = RunInfo::new(threshold);
        run.notifications = notifications;
        run.baseline_hidden = kept.hidden;
        run.scores = Some(Scores {
            files: kept.scores,
            run: run_score,
        });
        run.columns = super::terminal_columns();
        print_timing();
        if let Some(w) = writer {
            if let Err(e) = w
                .finish(kept.files_checked, &run)
                .and_then(|()| out.flush())
            {
                write_error = Some(e);
            }
        }
        let code = if failed {
            2
        } else if kept.fails || over_max {
            1
        } else {
            0
        };
        match write_error {
            // A reader that stops early (`galley check | head`) is its choice.
            Some(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
            Some(e) => Err(e.into()),
            None => Ok(code),
        }
    }
}

/// `GALLEY_TIMING=1`: what each rule cost, on standard error (as ESLint's
/// `TIMING=1`), slowest first, with their share of the checked time.
fn print_timing() {
    let rows = crate::rules::timing::report();
    let total: f64 = rows.iter().map(|(_, d)| d.as_secs_f64()).sum();
    if rows.is_empty() || total <= 0.0 {
        return;
    }
    eprintln!("{:<40} {:>10} {:>7}", "rule", "time (ms)", "share");
    for (what, spent) in &rows {
        let s = spent.as_secs_f64();
        eprintln!("{what:<40} {:>10.1} {:>6.1}%", s * 1e3, 100.0 * s / total);
    }
}

/// Each file's quality score (`crate::score`) from its findings and words, and the run's.
fn scores_of(reports: &[CheckedFile]) -> Scores {
    let files: Vec<(String, Score)> = reports
        .iter()
        .map(|r| {
            (
                r.path.clone(),
                Score::new(r.words, crate::score::penalty(&r.diagnostics)),
            )
        })
        .collect();
    let run = crate::score::run_score(files.iter().map(|(_, s)| *s));
    Scores { files, run }
}

/// `1 finding`, `2 findings`: the word is a regular English plural.
pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

fn is_stdin(inputs: &Inputs, path: &std::path::Path) -> bool {
    inputs.stdin.as_ref().is_some_and(|(name, _)| name == path)
}

/// A listed file left out: a note on standard error and in the report.
fn skip_note(args: &CheckArgs, notifications: &mut Vec<Notification>, path: &str, why: &str) {
    if !args.quiet {
        eprintln!("note: {path}: skipped, {why}");
    }
    notifications.push(Notification::new(
        Severity::Info,
        format!("skipped: {why}"),
        Some(path.to_owned()),
    ));
}

/// Writes the report where `--output` (or standard output) says.
fn emit(args: &CheckArgs, report: &Report<CheckedFile>) -> anyhow::Result<()> {
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    emit_to(args, report, out, &io::stdout())
}

/// Writes the report to `out`, coloured when `terminal` (the stream `out`
/// writes to, unless `--output` names a file) is a terminal.
fn emit_to(
    args: &CheckArgs,
    report: &Report<CheckedFile>,
    out: Box<dyn Write + '_>,
    terminal: &impl io::IsTerminal,
) -> anyhow::Result<()> {
    let to_terminal = args.output.is_none() && color_for(args.color, terminal);
    let color = args.format == OutputFormat::Human && to_terminal;
    let mut out = io::BufWriter::new(out);
    if args.statistics {
        statistics::write(report, &mut out)?;
    } else {
        output::write(report, args.format, color, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

/// A run that stopped before checking anything (a config or pack error):
/// exit 2, and with `--output`, a report that holds no findings and says why,
/// so that a CI step uploading the file finds a valid one.
fn failed_run(args: &CheckArgs, messages: Vec<String>) -> anyhow::Result<u8> {
    if args.output.is_some() && args.write_baseline.is_none() {
        let mut run = RunInfo::new(threshold(args.fail_on));
        run.notifications = messages
            .into_iter()
            .map(|m| Notification::new(Severity::Error, m, None))
            .collect();
        let report = Report {
            files: Vec::new(),
            files_checked: 0,
            rules: Vec::new(),
            quiet: true,
            run,
        };
        emit(args, &report)?;
    }
    Ok(2)
}

/// Each pack or config error on one line, `file:line: message`, for reports.
fn pack_error_lines(errors: &crate::packs::PackErrors) -> Vec<String> {
    errors
        .errors
        .iter()
        .map(|e| {
            let line = e.span.as_ref().and_then(|span| {
                let source = errors.sources.iter().find(|s| s.name == e.file)?;
                let upto = source.text.get(..span.start)?;
                Some(upto.matches('\n').count() + 1)
            });
            match line {
                Some(l) => format!("{}:{l}: {}", e.file, e.message),
                None => format!("{}: {}", e.file, e.message),
            }
        })
        .collect()
}
