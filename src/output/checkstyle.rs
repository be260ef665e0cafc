//! Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and most CI
//! dashboards. Every checked file is listed, those without findings empty.

use std::io::{self, Write};

use super::xml_escape;
use crate::check::FileFindings;
use crate::document::{LineIndex, PositionCursor};

pub(super) fn begin(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)
}

/// A file without findings: listed, empty.
pub(super) fn clean_file(file: &impl FileFindings, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"  <file name="{}"/>"#, xml_escape(file.path()))
}

/// A file with findings, one `error` element each.
pub(super) fn file(file: &impl FileFindings, text: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"  <file name="{}">"#, xml_escape(file.path()))?;
    let index = LineIndex::new(text);
    let mut cursor = PositionCursor::new(&index, text);
    for d in file.diagnostics() {
        let pos = cursor.position(d.range.start);
        writeln!(
            out,
            r#"    <error line="{}" column="{}" severity="{}" message="{}" source="galley.{}"/>"#,
            pos.line,
            pos.column,
            d.severity,
            xml_escape(&d.message),
            xml_escape(&d.rule)
        )?;
    }
    writeln!(out, "  </file>")
}

pub(super) fn finish(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</checkstyle>")
}
