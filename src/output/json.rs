//! The JSON contract of DESIGN.md: fields may be added, none renamed or
//! removed without bumping `version`.

use std::io::{self, Write};

use serde::Serialize;

use super::stream::{Body, Totals};
use super::RunInfo;
use crate::check::FileFindings;
use crate::diagnostic::{Applicability, Severity};
use crate::document::{LineIndex, PositionCursor};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files_checked: usize,
    /// Spliced in from the findings written file by file (`stream::splice`).
    diagnostics: Box<serde_json::value::RawValue>,
    summary: Summary,
    /// Each file's quality score, in report order (`galley explain --score`).
    #[serde(skip_serializing_if = "Option::is_none")]
    scores: Option<Vec<super::ScoreRow<'a>>>,
    /// Files the run could not check, skipped files, config errors: only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notifications: Vec<JsonNotification<'a>>,
}

#[derive(Serialize)]
struct JsonNotification<'a> {
    level: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
    /// The run's quality score: all penalty points per 1,000 of all words.
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

#[derive(Serialize)]
pub(super) struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

#[derive(Serialize)]
pub(super) struct Range {
    pub start: Pos,
    pub end: Pos,
}

#[derive(Serialize)]
pub(super) struct JsonLabel<'a> {
    pub message: &'a str,
    pub range: Range,
}

#[derive(Serialize)]
pub(super) struct JsonFix<'a> {
    pub replacement: &'a str,
    pub applicability: Applicability,
    /// What the replacement replaces, when it is not the finding's range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
}

/// One item of `diagnostics[]`; also one line of the `json-lines` format.
#[derive(Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    pub path: &'a str,
    pub rule: &'a str,
    pub category: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub range: Range,
    pub labels: Vec<JsonLabel<'a>>,
    pub notes: &'a [String],
    pub help: Option<&'a str>,
    pub fix: Option<JsonFix<'a>>,
}

/// Line and column of both ends of a byte range.
pub(super) fn range(cursor: &mut PositionCursor<'_>, r: &std::ops::Range<usize>) -> Range {
    let mut pos = |offset: usize| {
        let p = cursor.position(offset);
        Pos {
            line: p.line,
            column: p.column,
            offset,
        }
    };
    Range {
        start: pos(r.start),
        end: pos(r.end),
    }
}

/// Calls `f` with each diagnostic of `file`, in order, positions computed.
pub(super) fn each_diagnostic<'a>(
    file: &'a impl FileFindings,
    text: &str,
    mut f: impl FnMut(JsonDiagnostic<'a>) -> io::Result<()>,
) -> io::Result<()> {
    let index = LineIndex::new(text);
    // Primary ranges come in order; labels point anywhere, so they get their own cursor.
    let mut primary = PositionCursor::new(&index, text);
    let mut labels = PositionCursor::new(&index, text);
    for d in file.diagnostics() {
        f(JsonDiagnostic {
            path: file.path(),
            rule: &d.rule,
            category: d.category(),
            severity: d.severity,
            message: &d.message,
            range: range(&mut primary, &d.range),
            labels: d
                .labels
                .iter()
                .map(|l| JsonLabel {
                    message: &l.message,
                    range: range(&mut labels, &l.range),
                })
                .collect(),
            notes: &d.notes,
            help: d.help.as_deref(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                replacement: &f.replacement,
                applicability: f.applicability,
                range: f.range.as_ref().map(|r| range(&mut labels, r)),
            }),
        })?;
    }
    Ok(())
}

/// One file's items of `diagnostics[]`.
pub(super) fn file(
    file: &impl FileFindings,
    text: &str,
    any: &mut bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    each_diagnostic(file, text, |d| {
        super::stream::json_item(&d, b"    ", any, out)
    })
}

/// The document, the items spliced in after the counts only the end knows.
pub(super) fn finish(
    files_checked: usize,
    totals: &Totals,
    run: &RunInfo,
    body: Body,
    out: &mut dyn Write,
) -> io::Result<()> {
    let scores = run.scores.as_ref().map(|s| s.summary());
    let output = Output {
        version: 1,
        files_checked,
        diagnostics: super::stream::placeholder(),
        summary: Summary {
            error: totals.error,
            warning: totals.warning,
            info: totals.info,
            score: scores.as_ref().map(|s| s.score),
        },
        scores: scores.map(|s| s.scores),
        notifications: run
            .notifications
            .iter()
            .map(|n| JsonNotification {
                level: n.level,
                message: &n.message,
                path: n.path.as_deref(),
            })
            .collect(),
    };
    super::stream::splice(&output, body, b"  ", out)
}
