//! `--fix`, `--unsafe-fixes` and `--diff`: apply fixes until none applies,
//! then write atomically, or print a unified diff and write nothing.

use std::io::Write;
use std::path::Path;

use super::report::CheckedFile;
use crate::diagnostic::Applicability;
use crate::diagnostic::Diagnostic;
use crate::fix::{apply, write_atomic};

/// Rounds of fixing: a fix skipped for overlapping an earlier one applies next round.
const ROUNDS: usize = 8;

/// Applies fixes to the report's text until none applies (its diagnostics
/// become the fixed text's); returns the fixes applied. Writes nothing:
/// `--fix` on standard input prints the result.
pub fn fix_in_memory(
    report: &mut CheckedFile,
    recheck: &dyn Fn(&str) -> Vec<Diagnostic>,
    unsafe_fixes: bool,
) -> usize {
    let accept =
        |a: Applicability| a == Applicability::Safe || (unsafe_fixes && a == Applicability::Unsafe);
    let mut applied = 0;
    for _ in 0..ROUNDS {
        let fixed = apply(&report.text, &report.diagnostics, accept);
        if fixed.applied == 0 || fixed.text == report.text {
            break;
        }
        applied += fixed.applied;
        report.text = fixed.text;
        report.diagnostics = recheck(&report.text);
    }
    applied
}

/// Fixes one report in place (its text and diagnostics become the fixed file's,
/// checked again by `recheck` after each round: the linter, less what the
/// baseline hides); returns the fixes applied and whether the file could be written.
pub fn fix_report(
    report: &mut CheckedFile,
    recheck: &dyn Fn(&str) -> Vec<Diagnostic>,
    path: &Path,
    unsafe_fixes: bool,
    diff: Option<&mut dyn Write>,
) -> std::io::Result<(usize, bool)> {
    let original = report.text.clone();
    let found = report.diagnostics.clone();
    let applied = fix_in_memory(report, recheck, unsafe_fixes);
    if report.text == original {
        return Ok((0, true));
    }
    if let Some(out) = diff {
        let d = similar::TextDiff::from_lines(&original, &report.text);
        write!(
            out,
            "{}",
            d.unified_diff()
                .context_radius(2)
                .header(&report.path, &report.path)
        )?;
        // Nothing is written: the report shows the file as it is on disk.
        report.text = original;
        report.diagnostics.clear();
        return Ok((applied, true));
    }
    match write_atomic(path, &report.path, &original, &report.text) {
        Ok(()) => Ok((applied, true)),
        Err(e) => {
            super::say("error", &e);
            // Nothing was written: the findings are those of the file as it is on disk.
            report.text = original;
            report.diagnostics = found;
            Ok((0, false))
        }
    }
}
