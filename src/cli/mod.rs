//! The command line: clap definitions and the subcommands. The only module
//! that prints; the engine returns values and errors.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod check;
mod explain;
mod init;
mod pack_errors;
mod show_config;

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::output::OutputFormat;
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
    /// Write a commented starter galley.toml and an example rule file here.
    Init,
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
    /// Use this config for every file instead of discovering galley.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every galley.toml.
    #[arg(long)]
    no_config: bool,
    /// Print the settings in force for PATH, and where each came from, then exit.
    #[arg(long, value_name = "PATH")]
    show_config: Option<PathBuf>,
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
        Command::Check(args) => check::run(args),
        Command::Init => init::run(std::path::Path::new(".")),
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

/// Reads rule files given on the command line or in a config.
fn load_rule_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PackSource>> {
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read rule file {}", path.display()))?;
            Ok(PackSource {
                name: crate::check::display_path(path),
                text: text.into(),
            })
        })
        .collect()
}

fn print_pack_errors(errors: &crate::packs::PackErrors) -> io::Result<()> {
    pack_errors::print(errors, color_for(ColorChoice::Auto, &io::stderr()))
}

/// The shipped packs plus `extra`; `None` when a pack has errors (already printed).
fn load_ruleset(extra: &[PathBuf]) -> anyhow::Result<Option<Ruleset>> {
    let mut sources = crate::packs::shipped_sources();
    sources.extend(load_rule_files(extra)?);
    match Ruleset::compile(sources) {
        Ok(r) => Ok(Some(r)),
        Err(errors) => {
            print_pack_errors(&errors)?;
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
