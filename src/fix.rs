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
        .filter_map(|d| {
            d.fix
                .as_ref()
                .map(|f| (f.range.clone().unwrap_or_else(|| d.range.clone()), f))
        })
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

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: changed on disk since galley read it; not written")]
    Changed { path: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Writes `new` over `path` so that the file holds either its old or its new
/// content at every moment: a temporary file in the same directory, flushed
/// and synced, given the original's permissions, then renamed over it. A
/// file whose bytes are no longer `old` is left alone.
pub fn write_atomic(
    path: &std::path::Path,
    display: &str,
    old: &str,
    new: &str,
) -> Result<(), WriteError> {
    use std::io::Write as _;
    let io = |source| WriteError::Io {
        path: display.to_owned(),
        source,
    };
    let current = std::fs::read(path).map_err(io)?;
    if current != old.as_bytes() {
        return Err(WriteError::Changed {
            path: display.to_owned(),
        });
    }
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "article".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.galley-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(new.as_bytes())?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, permissions)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
