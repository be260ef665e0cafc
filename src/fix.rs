//! Applying fixes to a text: in position order, the first of two
//! overlapping fixes wins and the other is left for a later run.

use crate::diagnostic::{Applicability, Diagnostic};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: usize,
    /// Fixes that overlapped an earlier one and were not applied.
    pub skipped: usize,
}

/// Applies the fixes of `diagnostics` whose applicability `accept` takes.
pub fn apply(
    text: &str,
    diagnostics: &[Diagnostic],
    accept: impl Fn(Applicability) -> bool,
) -> Fixed {
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (d.range.clone(), f)))
        .filter(|(r, f)| {
            accept(f.applicability)
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .collect();
    fixes.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = Fixed {
        text: String::with_capacity(text.len()),
        ..Fixed::default()
    };
    let mut at = 0;
    for (r, f) in fixes {
        if r.start < at {
            out.skipped += 1;
            continue;
        }
        out.text.push_str(&text[at..r.start]);
        out.text.push_str(&f.replacement);
        at = r.end;
        out.applied += 1;
    }
    out.text.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(r: std::ops::Range<usize>, rep: &str) -> Diagnostic {
        Diagnostic::new(&"x/y".into(), Severity::Warning, r, String::new())
            .with_fix(rep, Applicability::Safe)
    }

    #[test]
    fn overlapping_fixes_apply_once() {
        let text = "the the Belarussia";
        let d = [diag(8..18, "Belarus"), diag(0..7, "the"), diag(4..10, "zz")];
        let f = apply(text, &d, |a| a == Applicability::Safe);
        assert_eq!(f.text, "the Belarus");
        assert_eq!((f.applied, f.skipped), (2, 1));
    }
}
