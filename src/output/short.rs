//! `path:line:col: severity[rule] message`, one finding per line.

use std::io::{self, Write};

use super::Report;

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for (file, d) in report.diagnostics() {
        let pos = crate::document::LineIndex::new(&file.text).position(&file.text, d.range.start);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.path, pos.line, pos.column, d.severity, d.rule, d.message
        )?;
    }
    Ok(())
}
