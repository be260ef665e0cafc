//! Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and most CI
//! dashboards. Every checked file is listed, those without findings empty.

use std::io::{self, Write};

use super::{xml_escape, Report};
use crate::check::FileFindings;
use crate::document::{LineIndex, PositionCursor};

pub fn write(report: &Report<impl FileFindings>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)?;
    for file in &report.files {
        let name = xml_escape(file.path());
        if file.diagnostics().is_empty() {
            writeln!(out, r#"  <file name="{name}"/>"#)?;
            continue;
        }
        writeln!(out, r#"  <file name="{name}">"#)?;
        let text = file.text();
        let index = LineIndex::new(&text);
        let mut cursor = PositionCursor::new(&index, &text);
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
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
