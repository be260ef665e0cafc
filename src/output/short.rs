//! `path:line:col: severity[rule] message`, one finding per line; `[*]`
//! before the message marks a finding `--fix` fixes (ruff's mark).

use std::io::{self, Write};

use super::escape::visible;
use crate::check::FileFindings;
use crate::diagnostic::Applicability;
use crate::document::{LineIndex, PositionCursor};

/// One line per finding of `file`.
pub(super) fn file(file: &impl FileFindings, text: &str, out: &mut dyn Write) -> io::Result<()> {
    // One line per finding whatever the name and the message hold.
    let path = visible(file.path());
    let index = LineIndex::new(text);
    let mut cursor = PositionCursor::new(&index, text);
    for d in file.diagnostics() {
        let pos = cursor.position(d.range.start);
        let fixable = d
            .fix
            .as_ref()
            .is_some_and(|f| f.applicability == Applicability::Safe);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}{}",
            path,
            pos.line,
            pos.column,
            d.severity,
            d.rule,
            if fixable { "[*] " } else { "" },
            visible(&d.message)
        )?;
    }
    Ok(())
}
