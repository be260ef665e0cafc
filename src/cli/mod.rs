//! The command line: clap definitions and the subcommands. The only module
//! that prints; the engine returns values and errors.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod explain;
mod pack_errors;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::check::{check_file, FileError};
use crate::diagnostic::Severity;
use crate::output::{self, OutputFormat, Report};
use crate::packs::PackSource;
use crate::rules::Ruleset;

#[derive(Debug, Parser)]
#[command(
    name = "galley",
    version,
    about = "A lint for translated news articles",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles and report what is wrong with them.
    Check(CheckArgs),
    /// List the rules of the shipped packs (and of --rules files).
    Rules(RulesArgs),
    /// Explain a rule: what it finds, why, an example, what stays silent, the fix.
    Explain {
        /// A rule id, e.g. names/variant-spelling.
        rule: String,
        /// Extra rule packs to load.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and directories to check (directories are walked for .txt articles).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// When to colour human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Extra rule packs (TOML) to load beside the shipped ones.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// The lowest severity that makes the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

#[derive(Debug, clap::Args)]
struct RulesArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    /// Extra rule packs to load.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

/// Runs galley and returns the exit code (0 clean, 1 findings, 2 errors).
pub fn run() -> anyhow::Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => {
            let Some(ruleset) = load_ruleset(&args.rules)? else {
                return Ok(2);
            };
            explain::list(&ruleset, args.format == ListFormat::Json)?;
            Ok(0)
        }
        Command::Explain { rule, rules } => {
            let Some(ruleset) = load_ruleset(&rules)? else {
                return Ok(2);
            };
            explain::explain(&ruleset, &rule)
        }
    }
}

/// The shipped packs plus `extra`; `None` when a pack has errors (already printed).
fn load_ruleset(extra: &[PathBuf]) -> anyhow::Result<Option<Ruleset>> {
    let mut sources = crate::packs::shipped_sources();
    for path in extra {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read rule file {}", path.display()))?;
        sources.push(PackSource {
            name: crate::check::display_path(path),
            text: text.into(),
        });
    }
    match Ruleset::compile(sources) {
        Ok(r) => Ok(Some(r)),
        Err(errors) => {
            pack_errors::print(&errors, color_for(ColorChoice::Auto, &io::stderr()))?;
            Ok(None)
        }
    }
}

fn color_for(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let Some(ruleset) = load_ruleset(&args.rules)? else {
        return Ok(2);
    };
    let (files, mut errors) = crate::walk::discover(&args.paths);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let ruleset = Arc::new(ruleset);
    let results: Vec<_> =
        pool.install(|| files.par_iter().map(|f| check_file(&ruleset, f)).collect());
    let mut reports = Vec::new();
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(e) => errors.push(e),
        }
    }
    // An empty directory beside others that hold articles is worth a word, not a failure.
    let checked_any = !reports.is_empty() || !files.is_empty();
    let mut failed = false;
    for e in &errors {
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
