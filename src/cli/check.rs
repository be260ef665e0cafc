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

    let (found, mut errors) = crate::walk::discover(&args.paths);
    let mut files: Vec<(PathBuf, Settings)> = Vec::new();
    for f in found {
        let settings = configs.settings(&f.path);
        if settings.excluded.is_some() && !f.explicit {
            continue;
        }
        files.push((f.path, settings));
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

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let results: Vec<Result<FileReport, FileError>> = pool.install(|| {
        files
            .par_iter()
            .map(|(path, settings)| {
                let ruleset = &rulesets[&settings.ruleset_key()];
                check_file(ruleset, path).map(|mut report| {
                    apply_levels(&mut report, settings);
                    report
                })
            })
            .collect()
    });
    let mut reports = Vec::new();
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(e) => errors.push(e),
        }
    }
    let checked_any = !files.is_empty();
    let mut failed = false;
    for e in &errors {
        // An empty directory beside others that hold articles is worth a word, not a failure.
        let is_warning = matches!(e, FileError::NoArticles { .. }) && checked_any;
        eprintln!("{}: {e}", if is_warning { "warning" } else { "error" });
        failed |= !is_warning;
    }
    for r in &reports {
        if r.text.trim().is_empty() {
            eprintln!("warning: {}: empty file, nothing to check", r.path);
        }
    }
    let report = Report {
        files_checked: reports.len(),
        files: reports,
    };
    let color = args.format == OutputFormat::Human && color_for(args.color, &io::stdout());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    output::write(&report, args.format, color, &mut out)?;
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
    files: &[(PathBuf, Settings)],
    rulesets: &HashMap<RulesetKey, Arc<Ruleset>>,
) -> Option<PackErrors> {
    let mut errors: Vec<PackError> = Vec::new();
    let mut sources = Vec::new();
    for (_, settings) in files {
        let ruleset = &rulesets[&settings.ruleset_key()];
        for (key, _, origin) in settings.severity_keys() {
            let known = ruleset
                .rules()
                .any(|m| &*m.id == key || m.category() == key);
            if known
                || errors
                    .iter()
                    .any(|e| e.span == origin.span && e.file == origin.file)
            {
                continue;
            }
            let names: Vec<String> = ruleset
                .rules()
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
