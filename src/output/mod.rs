//! Emitting a run's findings: one module per output format, written file by
//! file through `stream`. Files come in report order; nothing is printed
//! from worker threads.

mod checkstyle;
pub mod escape;
mod github;
mod gitlab;
mod html;
mod human;
mod json;
mod json_lines;
mod junit;
mod sarif;
mod short;
pub mod stream;
pub mod window;

use std::io::{self, Write};

use crate::check::{FileFindings, FileReport};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleMeta;

pub use github::{escape_data as github_escape_data, escape_property as github_escape_property};
pub use human::{render as render_human, render_width as render_human_width};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[non_exhaustive]
pub enum OutputFormat {
    Human,
    Short,
    Json,
    /// One JSON object per finding and line (the JSON format's `diagnostics[]` items).
    JsonLines,
    /// SARIF 2.1.0, as GitHub code scanning uploads it.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// Checkstyle XML, as Jenkins and most CI dashboards read it.
    Checkstyle,
    /// JUnit XML: one failing test case per finding.
    Junit,
    /// One self-contained HTML page for reviewers: articles worst first, findings highlighted.
    Html,
}

/// All findings of a run, files in path order, diagnostics in position order.
/// A file is a [`FileReport`], or whatever else can give its text when it is
/// rendered (the command line's reads it again from disk).
pub struct Report<F: FileFindings = FileReport> {
    pub files: Vec<F>,
    pub files_checked: usize,
    /// Every rule the run could report, in a stable order (by id), each id
    /// once; with several rulesets in one run (per-directory configs), their
    /// union. Formats that describe the tool (SARIF's `tool.driver.rules`)
    /// read it; the others ignore it. A finding whose rule is missing here
    /// is still reported.
    pub rules: Vec<RuleMeta>,
    /// `--quiet`: the findings only, no closing summary line.
    pub quiet: bool,
    /// What else the run has to say beside the findings.
    pub run: RunInfo,
}

/// What a run says beside its findings: files it could not check (SARIF's
/// `toolExecutionNotifications`, JUnit's errors), the threshold the exit code
/// follows, and what the baseline hid.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RunInfo {
    pub notifications: Vec<Notification>,
    /// `--fail-on`: findings at or above it fail the run; `None` for `never`.
    /// JUnit counts only these as failures.
    pub fail_on: Option<Severity>,
    /// Findings the baseline hid.
    pub baseline_hidden: usize,
    /// The terminal's width: human output's source windows fit it (default 100).
    pub columns: usize,
    /// The articles' quality scores (`crate::score`), when the run counted words.
    pub scores: Option<Scores>,
}

/// Every checked file's score in report order, and the run's.
#[derive(Debug, Clone)]
pub struct Scores {
    pub files: Vec<(String, crate::score::Score)>,
    pub run: crate::score::Score,
}

/// One file's score as JSON and SARIF write it.
#[derive(Debug, serde::Serialize)]
struct ScoreRow<'a> {
    path: &'a str,
    words: usize,
    penalty: u32,
    score: f64,
}

/// The scores as JSON and SARIF write them: the run's, and each file's, in report order.
#[derive(Debug, serde::Serialize)]
struct ScoreSummary<'a> {
    score: f64,
    words: usize,
    penalty: u32,
    scores: Vec<ScoreRow<'a>>,
}

impl Scores {
    fn summary(&self) -> ScoreSummary<'_> {
        ScoreSummary {
            score: self.run.value,
            words: self.run.words,
            penalty: self.run.penalty,
            scores: self
                .files
                .iter()
                .map(|(path, s)| ScoreRow {
                    path,
                    words: s.words,
                    penalty: s.penalty,
                    score: s.value,
                })
                .collect(),
        }
    }

    /// The files with a penalty, worst first (ties in path order).
    pub fn worst_first(&self) -> Vec<&(String, crate::score::Score)> {
        let mut v: Vec<_> = self.files.iter().filter(|(_, s)| s.penalty > 0).collect();
        v.sort_by(|a, b| b.1.value.total_cmp(&a.1.value).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

impl RunInfo {
    pub fn new(fail_on: Option<Severity>) -> RunInfo {
        RunInfo {
            notifications: Vec::new(),
            fail_on,
            baseline_hidden: 0,
            scores: None,
            columns: 100,
        }
    }
}

/// As `galley check` runs by default: warnings and errors fail.
impl Default for RunInfo {
    fn default() -> Self {
        RunInfo::new(Some(Severity::Warning))
    }
}

/// Something the run could not do, or left out: a file it could not read, a
/// config with errors.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Notification {
    /// `Error` stops the run from passing; `Info` is a note (a listed file skipped).
    pub level: Severity,
    pub message: String,
    /// The file it is about, as reported.
    pub path: Option<String>,
}

impl Notification {
    pub fn new(level: Severity, message: impl Into<String>, path: Option<String>) -> Self {
        Notification {
            level,
            message: message.into(),
            path,
        }
    }
}

impl<F: FileFindings> Report<F> {
    pub fn diagnostics(&self) -> impl Iterator<Item = (&F, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| f.diagnostics().iter().map(move |d| (f, d)))
    }

    /// The files with something to render; a text held on disk is read again only for these.
    pub fn files_with_findings(&self) -> impl Iterator<Item = &F> {
        self.files.iter().filter(|f| !f.diagnostics().is_empty())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .filter(|(_, d)| d.severity == severity)
            .count()
    }

    /// Whether `d` fails the run under `--fail-on`.
    pub fn fails(&self, d: &Diagnostic) -> bool {
        self.run.fail_on.is_some_and(|t| d.severity >= t)
    }

    /// Findings `--fix` would fix (safe fixes), and those `--unsafe-fixes` adds.
    pub fn fixable(&self) -> (usize, usize) {
        use crate::diagnostic::Applicability;
        self.diagnostics()
            .filter_map(|(_, d)| d.fix.as_ref())
            .fold((0, 0), |(safe, unsafe_), f| match f.applicability {
                Applicability::Safe => (safe + 1, unsafe_),
                Applicability::Unsafe => (safe, unsafe_ + 1),
                Applicability::Display => (safe, unsafe_),
            })
    }
}

/// Writes a whole report: [`stream::ReportWriter`] over its files, but
/// for HTML, which orders articles worst first and so needs them all.
pub fn write(
    report: &Report<impl FileFindings>,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == OutputFormat::Html {
        return html::write(report, out);
    }
    let begin = stream::Begin {
        format,
        color,
        rules: &report.rules,
        fail_on: report.run.fail_on,
        columns: report.run.columns,
        quiet: report.quiet,
        spill_to_disk: false,
    };
    let mut writer = stream::ReportWriter::begin(begin, out)?;
    for file in &report.files {
        writer.file(file)?;
    }
    writer.finish(report.files_checked, &report.run)
}

/// Stable identities of one file's findings, in order: `crate::fingerprint`
/// (rule, flagged text and its context on the line, never line numbers),
/// with `:2`, `:3`… appended to the second and later findings that share one,
/// so that every finding of a file has its own.
fn fingerprints(file: &impl FileFindings, text: &str) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    file.diagnostics()
        .iter()
        .map(|d| {
            let fp = crate::fingerprint::fingerprint(text, &d.rule, &d.range);
            let n = seen.entry(fp.clone()).or_insert(0usize);
            *n += 1;
            if *n == 1 {
                fp
            } else {
                format!("{fp}:{n}")
            }
        })
        .collect()
}

/// Text escaped for an XML attribute or element: the five predefined
/// entities, line breaks and tabs as character references (attribute values
/// would otherwise be normalised to spaces), and the control characters XML
/// 1.0 cannot hold at all replaced by U+FFFD.
fn xml_escape(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| {
        matches!(
            c,
            '&' | '<' | '>' | '"' | '\'' | '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'
        )
    };
    if !s.chars().any(needs) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_covers_entities_breaks_and_forbidden_characters() {
        assert_eq!(xml_escape("plain Минск"), "plain Минск");
        assert_eq!(
            xml_escape("a & b < c > d \"e\" 'f'"),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;"
        );
        assert_eq!(xml_escape("x\ny\r\tz\u{1}"), "x&#10;y&#13;&#9;z\u{fffd}");
    }
}
