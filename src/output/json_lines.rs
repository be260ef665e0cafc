//! `json-lines`: one JSON object per finding and line, each exactly an item
//! of the JSON format's `diagnostics[]`, for streaming into `jq` or a log
//! pipeline. No summary line: count the lines.

use std::io::{self, Write};

use super::json::each_diagnostic;
use crate::check::FileFindings;

/// One line per finding of `file`.
pub(super) fn file(file: &impl FileFindings, text: &str, out: &mut dyn Write) -> io::Result<()> {
    each_diagnostic(file, text, |d| {
        serde_json::to_writer(&mut *out, &d)?;
        writeln!(out)
    })
}
