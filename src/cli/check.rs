//! `galley check`: find files, load their configs, compile each distinct
//! ruleset once, check in parallel, apply configured severities, emit.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use rayon::prelude::*;

use super::{color_for, load_rule_files, print_pack_errors, CheckArgs, FailOn};
use crate::check::{check_file, FileError, FileReport};
use crate::config::{Configs, Discovery, Level, Settings};
use crate::diagnostic::Severity;
use crate::output::{self, OutputFormat, Report};
use crate::packs::{PackError, PackErrors};
use crate::rules::Ruleset;

type RulesetKey = (Vec<String>, Vec<PathBuf>);

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
    let sources = std::mem::take(&mut configs.sources);
    if let Some(mut e) = configs.into_errors() {
        e.sources = sources;
        print_pack_errors(&e)?;
        return Ok(2);
    }

    // One ruleset per distinct (packs, rule files); compiled before anything is checked.
    let mut rulesets: HashMap<RulesetKey, Arc<Ruleset>> = HashMap::new();
    for (_, settings) in &files {
        let key = settings.ruleset_key();
        if rulesets.contains_key(&key) {
            continue;
        }
        let mut pack_sources = crate::packs::shipped_by_name(&key.0);
        let rule_files: Vec<PathBuf> = key.1.iter().chain(&args.rules).cloned().collect();
        pack_sources.extend(load_rule_files(&rule_files)?);
        match Ruleset::compile(pack_sources) {
            Ok(r) => {
                rulesets.insert(key, Arc::new(r));
            }
            Err(e) => {
                print_pack_errors(&e)?;
                return Ok(2);
            }
        }
    }
    if let Some(e) = unknown_severity_keys(&files, &rulesets) {
        print_pack_errors(&e)?;
        return Ok(2);
    }
    let selection = Selection::new(&args);
    if let Some(msg) = selection.unknown(rulesets.values()) {
        eprintln!("error: {msg}");
        return Ok(2);
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let results: Vec<Result<FileReport, FileError>> = pool.install(|| {
        files
            .par_iter()
            .map(|(path, settings)| {
                let ruleset = &rulesets[&settings.ruleset_key()];
                let report = match &inputs.stdin {
                    Some((name, text)) if name == path => Ok(FileReport::new(
                        crate::check::display_path(name),
                        text.clone(),
                        crate::check::check_article(
                            ruleset,
                            text,
                            crate::document::Format::from_path(name),
                            settings.language(),
                        ),
                    )),
                    _ => check_file(ruleset, path, settings.language()).map(|mut r| {
                        // Fixing needs the text; rendering reads it again when it must.
                        if !(args.fix || args.diff) {
                            r.release(path);
                        }
                        r
                    }),
                };
                report.map(|mut report| {
                    apply_levels(&mut report, settings);
                    report.diagnostics.retain(|d| selection.keeps(&d.rule));
                    report
                })
            })
            .collect()
    });
    let mut failed = false;
    let mut reports = Vec::new();
    let (mut fixed, mut files_fixed) = (0usize, 0usize);
    let mut diff = Vec::new();
    for ((path, settings), r) in files.iter().zip(results) {
        match r {
            Ok(mut report) => {
                let is_stdin = inputs.stdin.as_ref().is_some_and(|(name, _)| name == path);
                if (args.fix || args.diff) && !is_stdin {
                    let keep = |r: &mut FileReport| {
                        apply_levels(r, settings);
                        r.diagnostics.retain(|d| selection.keeps(&d.rule));
                    };
                    let ruleset = &rulesets[&settings.ruleset_key()];
                    let out: Option<&mut dyn Write> =
                        if args.diff { Some(&mut diff) } else { None };
                    let (n, ok) = super::fix::fix_report(
                        &mut report,
                        ruleset,
                        (path, settings.language()),
                        args.unsafe_fixes,
                        out,
                        &keep,
                    )?;
                    fixed += n;
                    files_fixed += usize::from(n > 0);
                    failed |= !ok;
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
    let checked_any = !files.is_empty();
    for e in &errors {
        // An empty directory beside others that hold articles is worth a word, not a failure.
        let is_warning = matches!(e, FileError::NoArticles { .. }) && checked_any;
        if !(is_warning && args.quiet) {
            eprintln!("{}: {e}", if is_warning { "warning" } else { "error" });
        }
        failed |= !is_warning;
    }
    for r in &reports {
        if r.is_blank() && !args.quiet {
            eprintln!("warning: {}: empty file, nothing to check", r.path);
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
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read baseline {}", path.display()))?;
        let baseline: crate::baseline::Baseline = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a galley baseline", path.display()))?;
        let gone = baseline.filter(&mut reports);
        if gone > 0 && !args.quiet {
            eprintln!("{gone} baseline entries no longer occur; `galley baseline` records the current findings");
        }
    }
    // Sorted: the hash map's order would change SARIF's ruleIndex from run to run.
    let mut rules: Vec<crate::rules::RuleMeta> = rulesets
        .values()
        .flat_map(|r| r.checks().cloned())
        .collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules.dedup_by(|a, b| a.id == b.id);
    if args.fix && !args.quiet {
        let remain: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        eprintln!("Fixed {fixed} findings in {files_fixed} files ({remain} remain)");
    }
    let report = Report {
        files_checked: reports.len(),
        files: reports,
        rules,
        quiet: args.quiet,
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
    if args.statistics {
        write_statistics(&report, &mut out)?;
    } else {
        output::write(&report, args.format, color, &mut out)?;
    }
    out.flush()?;

    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let findings = threshold.is_some_and(|t| report.diagnostics().any(|(_, d)| d.severity >= t));
    Ok(if failed {
        2
    } else if findings {
        1
    } else {
        0
    })
}

/// Configured severities: a level replaces the rule's, `off` removes the finding.
fn apply_levels(report: &mut FileReport, settings: &Settings) {
    if settings.severity.iter().all(Vec::is_empty) {
        return;
    }
    report
        .diagnostics
        .retain_mut(|d| match settings.level(&d.rule) {
            Some(Level::Off) => false,
            Some(Level::On(s)) => {
                d.severity = s;
                true
            }
            None => true,
        });
}

/// A severity key that names no rule and no category of the rules in force
/// is a mistake in the config, pointed at like any other.
fn unknown_severity_keys(
    files: &[(PathBuf, Arc<Settings>)],
    rulesets: &HashMap<RulesetKey, Arc<Ruleset>>,
) -> Option<PackErrors> {
    let mut errors: Vec<PackError> = Vec::new();
    let mut sources = Vec::new();
    let mut deprecated: Vec<(String, String)> = Vec::new();
    for (_, settings) in files {
        let ruleset = &rulesets[&settings.ruleset_key()];
        for (key, _, origin) in settings.severity_keys() {
            if let Some(note) = crate::rules::ids::deprecation(key) {
                if !deprecated.contains(&(origin.file.clone(), key.clone())) {
                    eprintln!("warning: {}: {note}", origin.file);
                    deprecated.push((origin.file.clone(), key.clone()));
                }
            }
            let known = ruleset
                .checks()
                .any(|m| crate::rules::ids::key_matches(key, &m.id));
            if known
                || errors
                    .iter()
                    .any(|e| e.span == origin.span && e.file == origin.file)
            {
                continue;
            }
            let names: Vec<String> = ruleset
                .checks()
                .flat_map(|m| [m.id.to_string(), m.category().to_owned()])
                .collect();
            let mut e = PackError::new(
                &origin.file,
                origin.span.clone(),
                format!("no rule or category is named `{key}`"),
            );
            e.help = crate::rules::suggest(key, names.iter().map(String::as_str))
                .map(|s| format!("did you mean `{s}`?"));
            errors.push(e);
            if let Some(c) = &settings.config {
                if !sources
                    .iter()
                    .any(|s: &crate::packs::PackSource| s.name == c.source.name)
                {
                    sources.push(c.source.clone());
                }
            }
        }
    }
    (!errors.is_empty()).then_some(PackErrors { errors, sources })
}

/// What the command line asks to check: paths (with `--files-from`), the
/// article on standard input, and how to walk directories.
struct Inputs {
    paths: Vec<PathBuf>,
    stdin: Option<(PathBuf, String)>,
    walk: crate::walk::WalkOptions,
}

impl Inputs {
    fn gather(args: &CheckArgs) -> anyhow::Result<Option<Inputs>> {
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

/// The 1-based shard of `path` among `n`: FNV-1a of the path as displayed,
/// so every runner of a CI matrix agrees without talking to the others.
fn shard_of(path: &std::path::Path, n: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in crate::check::display_path(path).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % n + 1
}

/// `--select`, `--extend-select` and `--ignore`, by rule id or category.
struct Selection {
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    fn new(args: &CheckArgs) -> Selection {
        let mut select = args.select.clone();
        if !select.is_empty() {
            select.extend(args.extend_select.iter().cloned());
        }
        for key in select.iter().chain(&args.ignore) {
            if let Some(note) = crate::rules::ids::deprecation(key) {
                eprintln!("warning: {note}");
            }
        }
        Selection {
            select,
            ignore: args.ignore.clone(),
        }
    }

    fn matches(key: &str, rule: &str) -> bool {
        crate::rules::ids::key_matches(key, rule)
    }

    fn keeps(&self, rule: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|k| Self::matches(k, rule)))
            && !self.ignore.iter().any(|k| Self::matches(k, rule))
    }

    /// A selector naming no rule and no category of any ruleset in force.
    fn unknown<'r>(
        &self,
        rulesets: impl Iterator<Item = &'r Arc<Ruleset>> + Clone,
    ) -> Option<String> {
        let names: Vec<String> = rulesets
            .flat_map(|r| {
                r.checks()
                    .flat_map(|m| [m.id.to_string(), m.category().to_owned()])
                    .collect::<Vec<_>>()
            })
            .collect();
        self.select
            .iter()
            .chain(&self.ignore)
            .find(|k| !names.iter().any(|n| n == crate::rules::ids::canonical(k)))
            .map(|k| {
                let hint = crate::rules::suggest(k, names.iter().map(String::as_str))
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                format!("no rule or category is named `{k}`{hint}; `galley rules` lists them")
            })
    }
}

/// Findings per rule, most frequent first.
fn write_statistics(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<(&str, Severity), usize> = Default::default();
    for (_, d) in report.diagnostics() {
        *counts.entry((&d.rule, d.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((rule, severity), n) in rows {
        writeln!(out, "{n:>6}  {rule:<34} {severity}")?;
    }
    Ok(())
}
