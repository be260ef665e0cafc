//! Permissions, as an ordinary user: run as root, the tests drop to
//! `nobody` with `setpriv`; as another user they run as that user; where
//! neither works they say so and pass nothing off as tested.

#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const NOBODY: u32 = 65534;
const ARTICLE: &str = "Minsk talks\n\nThe the delegation met in Belarussia on Monday.\n";

fn euid() -> u32 {
    std::fs::metadata("/proc/self").map_or(1, |m| m.uid())
}

/// Runs galley as an ordinary user: `nobody` when we are root (None when
/// setpriv cannot do it), else as ourselves.
fn galley_as_user(dir: &Path, args: &[&str]) -> Option<Output> {
    let bin = assert_cmd::cargo::cargo_bin("galley");
    let mut c = if euid() == 0 {
        let ok = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    Some(
        c.current_dir(dir)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap(),
    )
}

fn open_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[test]
fn a_write_refused_by_permissions_says_so_and_keeps_the_findings() {
    let dir = open_dir();
    let sub = dir.path().join("ro");
    std::fs::create_dir(&sub).unwrap();
    let a = sub.join("a.txt");
    std::fs::write(&a, ARTICLE).unwrap();
    if euid() == 0 {
        std::os::unix::fs::chown(&a, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    // The directory is not the user's to write in: no temporary file can go there.
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    let Some(out) = galley_as_user(
        &sub,
        &[
            "check",
            "--no-config",
            "--fix",
            "--format",
            "short",
            "a.txt",
        ],
    ) else {
        eprintln!("skipped: running as root and setpriv cannot drop to nobody");
        return;
    };
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("a.txt: permission denied"), "{stderr}");
    assert!(stderr.contains("1 file could not be written"), "{stderr}");
    assert!(!stderr.contains("(0 remain"), "{stderr}");
    assert!(
        stdout.contains("a.txt:3:"),
        "the findings were hidden: {stdout}"
    );
    assert_eq!(std::fs::read_to_string(&a).unwrap(), ARTICLE);
}

#[test]
fn fix_by_another_user_does_not_take_over_the_file() {
    if euid() != 0 {
        eprintln!("skipped: needs root to make a file owned by another user");
        return;
    }
    // A shared directory (group-writable, as newsrooms have): nobody may
    // write there, but the article is root's, setuid bit and all.
    let dir = open_dir();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    let a = shared.join("a.txt");
    std::fs::write(&a, ARTICLE).unwrap();
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o4666)).unwrap();
    let Some(out) = galley_as_user(
        &shared,
        &[
            "check",
            "--no-config",
            "--fix",
            "--format",
            "short",
            "a.txt",
        ],
    ) else {
        eprintln!("skipped: setpriv cannot drop to nobody");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("owned by another user"), "{stderr}");
    let meta = std::fs::metadata(&a).unwrap();
    assert_eq!((meta.uid(), meta.mode() & 0o7777), (0, 0o4666));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), ARTICLE);
    let left: Vec<_> = std::fs::read_dir(&shared)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "a temporary file was left: {left:?}");
}
