//! `json-lines`: one JSON object per finding and line, each exactly an item
//! of the JSON format's `diagnostics[]`, for streaming into `jq` or a log
//! pipeline. No summary line: count the lines.

use std::io::{self, Write};

use super::json::each_diagnostic;
use super::Report;
use crate::check::FileFindings;

pub fn write(report: &Report<impl FileFindings>, out: &mut dyn Write) -> io::Result<()> {
    for file in report.files_with_findings() {
        each_diagnostic(file, &file.text(), |d| {
            serde_json::to_writer(&mut *out, &d)?;
            writeln!(out)
        })?;
    }
    Ok(())
}
