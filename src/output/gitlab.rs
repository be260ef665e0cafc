//! GitLab Code Quality: a JSON array of issues, shown in merge requests.
//! <https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>

use std::io::{self, Write};

use serde::Serialize;

use super::fingerprints;
use crate::check::FileFindings;
use crate::diagnostic::Severity;
use crate::document::{LineIndex, PositionCursor};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab wants fingerprints unique in the whole report, and the same words
/// in the same sentence may well be flagged in two articles: the path goes
/// into the hash beside the finding's own fingerprint.
fn unique(path: &str, fingerprint: &str) -> String {
    let h = crate::hash::fnv1a_continue(crate::hash::fnv1a(path.as_bytes()), &[0]);
    format!(
        "{:016x}",
        crate::hash::fnv1a_continue(h, fingerprint.as_bytes())
    )
}

/// One issue per finding of `file`, items of the report's array.
pub(super) fn file(
    file: &impl FileFindings,
    text: &str,
    any: &mut bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let index = LineIndex::new(text);
    let mut cursor = PositionCursor::new(&index, text);
    for (d, fp) in file.diagnostics().iter().zip(fingerprints(file, text)) {
        let issue = Issue {
            description: format!("{}: {}", d.rule, d.message),
            check_name: &d.rule,
            fingerprint: unique(file.path(), &fp),
            severity: match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            },
            location: Location {
                path: file.path(),
                lines: Lines {
                    begin: cursor.position(d.range.start).line,
                },
            },
        };
        super::stream::json_item(&issue, b"  ", any, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// GitLab compares these across pipelines: pinned so a change of the
    /// hashing shows here before every finding looks new.
    #[test]
    fn unique_stays_what_gitlab_stored() {
        assert_eq!(
            super::unique("news/a.md", "0123456789abcdef"),
            "65719d2c2d8bee97"
        );
    }
}
