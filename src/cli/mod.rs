//! The command line: clap definitions and the subcommands. The only module
//! that prints; the engine returns values and errors.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod check;
mod explain;
mod fix;
mod generate;
mod house;
mod init;
mod inputs;
mod pack_errors;
mod progress;
mod reorder;
mod report;
mod self_test;
mod shard;
mod show_config;
mod statistics;

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::output::OutputFormat;
use crate::rules::Ruleset;

#[derive(Debug, Parser)]
#[command(
    name = "galley",
    version = env!("GALLEY_VERSION"),
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
    Check(Box<CheckArgs>),
    /// List the rules in force here: galley.toml's packs and rule files (and --rules files).
    Rules(RulesArgs),
    /// Learn the archive's house style (names spelt several ways, quotation
    /// marks, currency spacing, site boilerplate) into a TOML pack to review;
    /// `--check` fails when the archive shows something the pack does not decide.
    House(HouseArgs),
    /// Write a commented starter galley.toml and an example rule file here.
    Init,
    /// Record today's findings so that `check --baseline` reports only new ones.
    /// (`--output FILE` says where; default `.galley-baseline.json`.)
    Baseline {
        #[command(flatten)]
        check: Box<CheckArgs>,
    },
    /// Explain a rule: what it finds, why, an example, what stays silent, the fix.
    /// With --score: how an article's quality score is computed.
    Explain {
        /// A rule id, e.g. names/variant-spelling.
        #[arg(required_unless_present = "score")]
        rule: Option<String>,
        /// Explain the quality score (the formula and the severity map) instead of a rule.
        #[arg(long, conflicts_with = "rule")]
        score: bool,
        /// Extra rule packs to load.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Run the rules' own cases ([[rule.test]], [rule.doc] example and silent).
    /// Default: the rule files of the galley.toml in force here, else the shipped packs.
    Test {
        /// Rule packs whose cases to run.
        #[arg(value_name = "PACK")]
        packs: Vec<PathBuf>,
    },
    /// Print a shell completion script, e.g. `galley completions bash > /etc/bash_completion.d/galley`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run the language server (LSP over standard input and output) for editors.
    Server,
    /// Print the man page galley(1); with --dir, write one page per subcommand there.
    Man {
        /// Write galley.1, galley-check.1, … into this directory.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SortBy {
    Path,
    Score,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("fixing").args(["fix", "diff"]).multiple(true))]
struct CheckArgs {
    /// Files and directories to check (directories are walked for .txt articles;
    /// `-` reads standard input). Default: the current directory.
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
    /// Fail the run (exit 1) when an article's quality score is above N
    /// (MQM penalty points per 1,000 words; `galley explain --score`).
    #[arg(long, value_name = "N")]
    max_score: Option<f64>,
    /// The order of the files in the report: by path, or worst score first.
    #[arg(long, value_enum, default_value_t = SortBy::Path)]
    sort: SortBy,
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
    /// Only these rules or categories (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    select: Vec<String>,
    /// Add these rules or categories to the selection.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    extend_select: Vec<String>,
    /// Leave out these rules or categories.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    ignore: Vec<String>,
    /// Print the number of findings per rule, most frequent first, instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read more paths from FILE, one per line (`-`: standard input), e.g. `git diff --name-only`.
    /// Listed files that are gone or are no articles are skipped with a note;
    /// blank lines and `#` lines are ignored.
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// The name to report and to find the config by when the article comes on standard input (`-`).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// Check only shard K of N (1-based): each file falls in exactly one shard, by its path.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    /// Walk only files matching these globs.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip walked files matching these globs.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply the config's `exclude` and --include/--exclude to files named on the
    /// command line too (pre-commit and editors name files one by one).
    #[arg(long)]
    force_exclude: bool,
    /// Walk hidden files and directories too.
    #[arg(long)]
    hidden: bool,
    /// Report only findings that the baseline FILE does not hold.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Set by `galley baseline`: record the findings in FILE instead of reporting them.
    #[arg(skip)]
    write_baseline: Option<PathBuf>,
    /// Apply the safe fixes, writing each changed file atomically.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply fixes that need an editor's eye (a majority spelling, a fact).
    #[arg(long, requires = "fixing")]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, and write nothing.
    #[arg(long)]
    diff: bool,
    /// Print nothing but the findings (no warnings on standard error).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// The articles' date (YYYY-MM-DD), over their own and galley.toml's `date`:
    /// facts that change with time (who held an office) are judged at it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a date: write YYYY-MM-DD, e.g. 2024-03-03"))
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (k, n) = s.split_once('/').ok_or("a shard is K/N, e.g. 2/5")?;
    let (k, n): (u64, u64) = (
        k.trim().parse().map_err(|_| "K is not a number")?,
        n.trim().parse().map_err(|_| "N is not a number")?,
    );
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: K must be from 1 to N"));
    }
    Ok((k, n))
}

#[derive(Debug, clap::Args)]
struct HouseArgs {
    /// The archive: files and directories of articles. Default: the current directory.
    paths: Vec<PathBuf>,
    /// The house pack to write, and to read the editor's decisions from.
    #[arg(long, value_name = "FILE", default_value = "house-style.toml")]
    pack: PathBuf,
    /// Write nothing; exit 1 when the archive shows a name spelt a new way (or
    /// a new recurring line) that the pack does not decide yet.
    #[arg(long)]
    check: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Read only the shipped packs, not galley.toml's.
    #[arg(long)]
    no_config: bool,
    /// Print nothing but errors.
    #[arg(long, short = 'q')]
    quiet: bool,
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
        Command::Check(args) => check::run(*args),
        Command::House(args) => house::run(args),
        Command::Init => init::run(std::path::Path::new(".")),
        Command::Baseline { mut check } => {
            check.write_baseline = Some(
                check
                    .output
                    .take()
                    .unwrap_or_else(|| PathBuf::from(".galley-baseline.json")),
            );
            check::run(*check)
        }
        Command::Test { packs } => self_test::run(&packs),
        Command::Server => {
            crate::server::run_stdio()?;
            Ok(0)
        }
        Command::Completions { shell } => {
            generate::completions(shell)?;
            Ok(0)
        }
        Command::Man { dir } => {
            generate::man(dir.as_deref())?;
            Ok(0)
        }
        Command::Rules(args) => {
            let Some(ruleset) = load_ruleset(&args.rules)? else {
                return Ok(2);
            };
            explain::list(&ruleset, args.format == ListFormat::Json)?;
            Ok(0)
        }
        Command::Explain { rule, score, rules } => {
            let Some(rule) = rule.filter(|_| !score) else {
                print!("{}", crate::score::EXPLANATION);
                return Ok(0);
            };
            let Some(ruleset) = load_ruleset(&rules)? else {
                return Ok(2);
            };
            explain::explain(&ruleset, &rule)
        }
    }
}

/// Prints `level: message` on standard error, the message made visible
/// (file names and values from untrusted input hold control characters).
fn say(level: &str, message: impl std::fmt::Display) {
    eprintln!("{level}: {}", visible(&message.to_string()));
}

pub(crate) use crate::output::escape::visible;

fn print_pack_errors(errors: &crate::packs::PackErrors) -> io::Result<()> {
    pack_errors::print(errors, color_for(ColorChoice::Auto, &io::stderr()))
}

/// The rules in force here: the packs and rule files of the galley.toml that
/// applies in the working directory (else every shipped pack), plus `extra`;
/// `None` when a config or pack has errors (already printed).
fn load_ruleset(extra: &[PathBuf]) -> anyhow::Result<Option<Ruleset>> {
    let mut configs = crate::config::Configs::new(crate::config::Discovery::Upward);
    // Settings for a file in this directory: discovery starts here.
    let settings = configs.settings(std::path::Path::new("galley.toml"));
    let config_sources = std::mem::take(&mut configs.sources);
    if let Some(mut errors) = configs.into_errors() {
        errors.sources = config_sources;
        print_pack_errors(&errors)?;
        return Ok(None);
    }
    let mut sources = crate::packs::shipped_by_name(&settings.packs.0);
    let files: Vec<PathBuf> = settings.rules.iter().map(|(p, _)| p.clone()).collect();
    sources.extend(crate::linter::read_rule_files(&files)?);
    sources.extend(crate::linter::read_rule_files(extra)?);
    match Ruleset::compile(sources) {
        Ok(r) => Ok(Some(r)),
        Err(errors) => {
            print_pack_errors(&errors)?;
            Ok(None)
        }
    }
}

fn color_for(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // NO_COLOR wins, then FORCE_COLOR / CLICOLOR_FORCE (a pager or CI
        // log that shows colour), then whether the stream is a terminal.
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("FORCE_COLOR") || set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => stream.is_terminal(),
    }
}

/// The width human output fits: `COLUMNS`, else the terminal's (standard
/// output's), else 100.
fn terminal_columns() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
    {
        if n > 0 {
            return n;
        }
    }
    terminal_size::terminal_size_of(io::stdout()).map_or(100, |(w, _)| usize::from(w.0))
}
