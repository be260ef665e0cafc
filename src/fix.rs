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
#[non_exhaustive]
pub enum WriteError {
    #[error("{path}: changed on disk since galley read it (an editor, or another `galley check --fix`, wrote it); not written, run galley again")]
    Changed { path: String },
    #[error("{path}: changed on disk while galley wrote its fixes; the other program's version is kept, galley's not written; run galley again")]
    ChangedDuringWrite { path: String },
    #[error("{path}: has {links} hard links; writing a fixed copy would split them, so it is not written (fix it by hand, or break the links first)")]
    HardLinks { path: String, links: u64 },
    #[error("{path}: owned by another user, and galley cannot give its fixed copy that owner; not written")]
    Owner { path: String },
    #[error("{path}: {}", crate::check::describe(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Temporary files of `--fix` are named `.galley-XXXXXX.tmp` (random,
/// created with `O_EXCL`): short, so an article whose name is near the
/// file-name limit can still be fixed, and recognisable when a killed run
/// leaves one behind ([`stale_temp_files`]).
pub const TEMP_PREFIX: &str = ".galley-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Writes `new` over `path` so that the file holds either its old or its new
/// content at every moment, and never loses someone else's edit:
///
/// - a symbolic link is written through: its target gets the fixes and the
///   link stays a link; a file with several hard links is refused (a copy
///   renamed over one name would split them);
/// - the fixed text goes to a new temporary file in the target's directory
///   (random name, `O_EXCL`: a planted file or link there is never
///   followed), with the original's owner and mode (refused when the owner
///   cannot be kept, so no setuid or setgid bit survives a change of owner),
///   flushed and synced;
/// - the file is compared with `old` again after that write, and swapped in
///   atomically; on Linux the swap is an exchange, and what it took out is
///   checked once more: an edit that landed in between is swapped back.
///
/// Every error path removes the temporary file.
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
    let changed = || WriteError::Changed {
        path: display.to_owned(),
    };
    let target = std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(&target).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::HardLinks {
                path: display.to_owned(),
                links: meta.nlink(),
            });
        }
    }
    if !same_content(&target, &meta, old) {
        return Err(changed());
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(new.as_bytes()).map_err(io)?;
    keep_owner_and_mode(tmp.as_file(), &meta).map_err(|e| match e {
        OwnerError::Owner => WriteError::Owner {
            path: display.to_owned(),
        },
        OwnerError::Io(e) => io(e),
    })?;
    tmp.as_file().sync_all().map_err(io)?;
    // Compared again now that the slow part is done: an edit saved while
    // the copy was written is not overwritten.
    if !same_content(&target, &meta, old) {
        return Err(changed());
    }
    swap_in(tmp.into_temp_path(), &target, &meta, old).map_err(|e| match e {
        SwapError::Changed => WriteError::ChangedDuringWrite {
            path: display.to_owned(),
        },
        SwapError::Io(e) => io(e),
    })
}

/// Whether `file` is still the file galley read (same inode) with `old` in it.
fn same_content(file: &std::path::Path, read: &std::fs::Metadata, old: &str) -> bool {
    let Ok(now) = std::fs::metadata(file) else {
        return false;
    };
    same_inode(read, &now)
        && now.len() == old.len() as u64
        && crate::check::read_bounded(file, old.len() as u64).is_ok_and(|b| b == old.as_bytes())
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

enum OwnerError {
    Owner,
    Io(std::io::Error),
}

impl From<std::io::Error> for OwnerError {
    fn from(e: std::io::Error) -> Self {
        OwnerError::Io(e)
    }
}

/// Gives the temporary copy the original's owner, group and mode. A group
/// that cannot be kept (the user is not in it) drops the setgid bit; an
/// owner that cannot be kept refuses the write.
#[cfg(unix)]
fn keep_owner_and_mode(
    file: &std::fs::File,
    original: &std::fs::Metadata,
) -> Result<(), OwnerError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mine = file.metadata()?;
    let mut mode = original.mode() & 0o7777;
    if (mine.uid(), mine.gid()) != (original.uid(), original.gid())
        && std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid())).is_err()
    {
        if mine.uid() != original.uid() {
            return Err(OwnerError::Owner);
        }
        mode &= !0o2000;
    }
    file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    Ok(())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(
    file: &std::fs::File,
    original: &std::fs::Metadata,
) -> Result<(), OwnerError> {
    file.set_permissions(original.permissions())?;
    Ok(())
}

enum SwapError {
    Changed,
    Io(std::io::Error),
}

/// Puts the temporary file in `target`'s place. On Linux, an atomic
/// exchange: the temporary name then holds what was in place, which must
/// still be the file galley read; if it is not (an editor saved in the last
/// instant), the exchange is undone. Elsewhere, or on a file system that
/// cannot exchange, a rename.
fn swap_in(
    tmp: tempfile::TempPath,
    target: &std::path::Path,
    read: &std::fs::Metadata,
    old: &str,
) -> Result<(), SwapError> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        match exchange(&tmp, target) {
            Ok(()) => {
                // `tmp` now names the file that was in place; dropping it removes it.
                let taken = std::fs::metadata(&tmp).map_err(SwapError::Io)?;
                if same_inode(read, &taken)
                    && crate::check::read_bounded(&tmp, old.len() as u64 + 1)
                        .is_ok_and(|b| b == old.as_bytes())
                {
                    return Ok(());
                }
                exchange(&tmp, target).map_err(SwapError::Io)?;
                return Err(SwapError::Changed);
            }
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
                ) => {}
            Err(e) => return Err(SwapError::Io(e)),
        }
    }
    let _ = (read, old);
    tmp.persist(target).map_err(|e| SwapError::Io(e.error))
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &std::path::Path, b: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &std::path::Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// galley's temporary files in `dir` older than `age`: left by a run that
/// was killed between creating and renaming them.
pub fn stale_temp_files(
    dir: &std::path::Path,
    age: std::time::Duration,
) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = std::time::SystemTime::now();
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            // Today's names, and those of galley 0.1 (`.NAME.galley-PID.tmp`).
            (name.starts_with(TEMP_PREFIX) || name.starts_with('.') && name.contains(".galley-"))
                && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|d| d >= age)
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}
