//! JUnit XML, for CI systems that show test reports and nothing else: each
//! finding is a test case, failing when it fails the run (`--fail-on`) and
//! passing with the finding as its output otherwise, so the report and the
//! exit code agree; a file without findings is one passing test case named
//! after the file; a file the run could not check is an error.

use std::io::{self, Write};

use super::stream::{Body, Totals};
use super::{xml_escape, RunInfo};
use crate::check::FileFindings;
use crate::diagnostic::Severity;
use crate::document::{LineIndex, PositionCursor};

/// The head (its counts are the run's), the files the run could not check,
/// the test cases spilled file by file, the end.
pub(super) fn finish(
    totals: &Totals,
    run: &RunInfo,
    body: Body,
    out: &mut dyn Write,
) -> io::Result<()> {
    let errors: Vec<_> = run
        .notifications
        .iter()
        .filter(|n| n.level == Severity::Error)
        .collect();
    let failures = totals.failures;
    let tests = totals.findings() + totals.clean + errors.len();
    let errs = errors.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="galley" tests="{tests}" failures="{failures}" errors="{errs}">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="galley" tests="{tests}" failures="{failures}" errors="{errs}" skipped="0">"#
    )?;
    for e in &errors {
        let name = xml_escape(e.path.as_deref().unwrap_or("galley"));
        writeln!(out, r#"    <testcase classname="{name}" name="{name}">"#)?;
        writeln!(
            out,
            r#"      <error message="{}" type="galley"/>"#,
            xml_escape(&e.message)
        )?;
        writeln!(out, "    </testcase>")?;
    }
    body.spill.copy_to(out)?;
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// A file without findings: one passing test case named after it.
pub(super) fn clean_file(file: &impl FileFindings, out: &mut dyn Write) -> io::Result<()> {
    let path = xml_escape(file.path());
    writeln!(out, r#"    <testcase classname="{path}" name="{path}"/>"#)
}

/// A test case per finding of `file`, failing when it fails the run.
pub(super) fn file(
    file: &impl FileFindings,
    text: &str,
    fail_on: Option<Severity>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let path = xml_escape(file.path());
    let index = LineIndex::new(text);
    let mut cursor = PositionCursor::new(&index, text);
    for d in file.diagnostics() {
        let pos = cursor.position(d.range.start);
        let rule = xml_escape(&d.rule);
        writeln!(
            out,
            r#"    <testcase classname="{path}" name="{rule} {}:{}">"#,
            pos.line, pos.column
        )?;
        let fails = fail_on.is_some_and(|t| d.severity >= t);
        if fails {
            writeln!(
                out,
                r#"      <failure message="{}" type="{rule}">"#,
                xml_escape(&d.message)
            )?;
        } else {
            writeln!(out, "      <system-out>")?;
        }
        let mut body = format!(
            "{}:{}:{}: {}[{}] {}",
            file.path(),
            pos.line,
            pos.column,
            d.severity,
            d.rule,
            d.message
        );
        for note in &d.notes {
            body.push_str("\nnote: ");
            body.push_str(note);
        }
        if let Some(help) = &d.help {
            body.push_str("\nhelp: ");
            body.push_str(help);
        }
        // Element text may hold line breaks as they are.
        let body: Vec<_> = body.split('\n').map(xml_escape).collect();
        writeln!(out, "{}", body.join("\n"))?;
        writeln!(
            out,
            "      </{}>",
            if fails { "failure" } else { "system-out" }
        )?;
        writeln!(out, "    </testcase>")?;
    }
    Ok(())
}
