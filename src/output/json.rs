//! The JSON contract of DESIGN.md: fields may be added, none renamed or
//! removed without bumping `version`.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::diagnostic::{Applicability, Severity};
use crate::document::{LineIndex, PositionCursor};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
    offset: usize,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    replacement: &'a str,
    applicability: Applicability,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    category: &'a str,
    severity: Severity,
    message: &'a str,
    range: Range,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [String],
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
}

fn range(cursor: &mut PositionCursor<'_>, r: &std::ops::Range<usize>) -> Range {
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

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for file in &report.files {
        let index = LineIndex::new(&file.text);
        // Primary ranges come in order; labels point anywhere, so they get their own cursor.
        let mut primary = PositionCursor::new(&index, &file.text);
        let mut labels = PositionCursor::new(&index, &file.text);
        for d in &file.diagnostics {
            diagnostics.push(JsonDiagnostic {
                path: &file.path,
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
                }),
            });
        }
    }
    let output = Output {
        version: 1,
        files_checked: report.files_checked,
        diagnostics,
        summary: Summary {
            error: report.count(Severity::Error),
            warning: report.count(Severity::Warning),
            info: report.count(Severity::Info),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
