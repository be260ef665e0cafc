//! GitHub Actions workflow commands, one per finding:
//! `::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//! The runner turns them into annotations on the pull request's diff.
//! Columns are 1-based Unicode scalar values, `endColumn` just past the span
//! (as in SARIF); a span over several lines gives lines only.

use std::io::{self, Write};

use super::json::each_diagnostic;
use crate::check::FileFindings;
use crate::diagnostic::Severity;

/// A command's message, escaped as the runner unescapes it; other control
/// characters (ESC) are written visibly, as in every human-facing stream.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => {
                let mut b = [0; 4];
                out.push_str(&super::escape::visible(c.encode_utf8(&mut b)));
            }
        }
    }
    out
}

/// A command property's value (`file=`, `title=`): as a message, and `:`
/// and `,`, which would otherwise end the value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding of `file`.
pub(super) fn file(file: &impl FileFindings, text: &str, out: &mut dyn Write) -> io::Result<()> {
    let path = escape_property(file.path());
    each_diagnostic(file, text, |d| {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (start, end) = (&d.range.start, &d.range.end);
        write!(out, "::{command} file={path},line={}", start.line)?;
        if start.line == end.line {
            write!(
                out,
                ",col={},endLine={},endColumn={}",
                start.column, end.line, end.column
            )?;
        } else {
            write!(out, ",endLine={}", end.line)?;
        }
        writeln!(
            out,
            ",title={}::{}",
            escape_property(d.rule),
            escape_data(d.message)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_unescapes() {
        let m = "100% sure: Kyiv, not Kiev\r\nsee below";
        assert_eq!(escape_data(m), "100%25 sure: Kyiv, not Kiev%0D%0Asee below");
        assert_eq!(
            escape_property(m),
            "100%25 sure%3A Kyiv%2C not Kiev%0D%0Asee below"
        );
        // `%` first, or the escapes themselves would be escaped again.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a\u{1b}[31m"), "a\\u{1b}[31m");
    }
}
