//! A finding's identity that survives edits elsewhere in the file.
//!
//! [`fingerprint`]: the rule, the flagged text and up to 40 characters around
//! it on its line, hashed (FNV-1a, 64 bits). Line numbers are left out on
//! purpose, so a line inserted above a finding does not change it. Used by
//! SARIF `partialFingerprints` and version 1 baselines.
//!
//! [`finding_fingerprints`]: the rule, the flagged text alone and its
//! occurrence index among the file's equal findings, so that an edit on the
//! finding's own line leaves it too. Used by version 2 baselines.

use std::ops::Range;

use crate::document::floor_char_boundary;
use crate::hash;

const CONTEXT: usize = 40;

/// FNV-1a of the parts, each ended by a NUL so that moving text from one
/// part to the next changes the hash.
fn fnv1a(parts: &[&str]) -> u64 {
    parts.iter().fold(hash::OFFSET_BASIS, |h, part| {
        hash::fnv1a_continue(hash::fnv1a_continue(h, part.as_bytes()), &[0])
    })
}

pub fn fingerprint(text: &str, rule: &str, range: &Range<usize>) -> String {
    let start = floor_char_boundary(text, range.start);
    let end = floor_char_boundary(text, range.end.max(start));
    // At most CONTEXT characters each side, stopping at the line's ends: walking no
    // further keeps a 50 MB single-line file linear in its findings.
    let from = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT)
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT)
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    let (before, after) = (&text[from..start], &text[end..to]);
    format!(
        "{:016x}",
        fnv1a(&[
            rule,
            before.trim_start(),
            &text[start..end],
            after.trim_end()
        ])
    )
}

/// The fingerprints of one file's findings (in `text`, in order): rule,
/// flagged text and how many equal findings (same rule and text) came before.
pub fn finding_fingerprints(text: &str, diagnostics: &[crate::Diagnostic]) -> Vec<String> {
    let mut seen: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let start = floor_char_boundary(text, d.range.start);
            let end = floor_char_boundary(text, d.range.end.max(start));
            let own = &text[start..end];
            let n = seen.entry((&d.rule, own)).or_default();
            let index = n.to_string();
            *n += 1;
            format!("{:016x}", fnv1a(&[&d.rule, own, &index]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_fingerprints_ignore_the_line_and_count_equal_findings() {
        use crate::{Diagnostic, Severity};
        let rule: std::sync::Arc<str> = "x/y".into();
        let at = |t: &str, n: usize| {
            let i = t.match_indices("the the").nth(n).unwrap().0;
            Diagnostic::new(&rule, Severity::Warning, i..i + 7, "m".into())
        };
        let a = "So the the end.\n\nAnd the the start.\n";
        let b = "Edited: so the the end came.\n\nAnd the the start.\n";
        let fa = finding_fingerprints(a, &[at(a, 0), at(a, 1)]);
        let fb = finding_fingerprints(b, &[at(b, 0), at(b, 1)]);
        assert_eq!(fa, fb);
        assert_ne!(fa[0], fa[1]);
        assert_eq!(fa[0], format!("{:016x}", fnv1a(&["x/y", "the the", "0"])));
    }

    #[test]
    fn survives_lines_above_and_changes_with_the_text() {
        let a = "Title\n\nThe the end.\n";
        let b = "Editor's note.\n\nTitle\n\nThe the end.\n";
        let at = |t: &str| t.find("The the").unwrap()..t.find("The the").unwrap() + 7;
        assert_eq!(fingerprint(a, "x/y", &at(a)), fingerprint(b, "x/y", &at(b)));
        assert_ne!(fingerprint(a, "x/y", &at(a)), fingerprint(a, "x/z", &at(a)));
        let c = "Title\n\nThe the start.\n";
        assert_ne!(fingerprint(a, "x/y", &at(a)), fingerprint(c, "x/y", &at(c)));
    }

    /// Baselines and SARIF `partialFingerprints` store these values: pinned
    /// so a change of the hashing shows here before it orphans a baseline.
    #[test]
    fn values_stay_what_baselines_stored() {
        assert_eq!(
            fnv1a(&["typography/doubled-word", "Title", "The the", "end."]),
            0x63cf_236b_ee86_5dfa
        );
        let text = "Title\n\nThe the end.\n";
        let at = text.find("The the").unwrap();
        assert_eq!(fingerprint(text, "x/y", &(at..at + 7)), "a0e6b9a9dd5aa298");
    }
}
