//! `--statistics`: the count of findings per rule instead of the findings.

use std::io::{self, Write};

use super::report::CheckedFile;
use crate::diagnostic::Severity;
use crate::output::Report;

/// Findings per rule, most frequent first.
pub(super) fn write(report: &Report<CheckedFile>, out: &mut dyn Write) -> io::Result<()> {
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
