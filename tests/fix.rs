//! `--fix` and `--diff`: safe fixes written atomically, nothing fixable left
//! afterwards, permissions and line endings kept, a changed file left alone.

use std::path::Path;

use assert_cmd::Command;
use galley::fix::{write_atomic, WriteError};

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn fixing_the_fixture_tree_leaves_no_safe_fix_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        dir.path(),
    );
    galley(dir.path())
        .args(["check", "--fix", "--no-config", "."])
        .output()
        .unwrap();
    let out = galley(dir.path())
        .args(["check", "--no-config", "--format", "json", "."])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let safe: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["fix"]["applicability"] == "safe")
        .map(|d| format!("{} {}", d["path"], d["rule"]))
        .collect();
    assert!(safe.is_empty(), "{safe:?}");
    let again = galley(dir.path())
        .args(["check", "--fix", "--no-config", "."])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("Fixed 0 findings"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBelarussia grew.\n").unwrap();
    let out = galley(dir.path())
        .args(["check", "--diff", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("-Belarussia grew.") && diff.contains("+Belarus grew."),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Title\n\nBelarussia grew.\n"
    );
}

#[test]
fn crlf_bom_and_permissions_survive_a_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "\u{feff}Title\r\n\r\nThe the plant in Belarussia opened.\r\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    galley(dir.path())
        .args(["check", "--fix", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "\u{feff}Title\r\n\r\nThe plant in Belarus opened.\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn a_file_changed_since_it_was_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "edited by someone else\n").unwrap();
    let err = write_atomic(&path, "a.txt", "what galley read\n", "galley's fix\n").unwrap_err();
    assert!(matches!(err, WriteError::Changed { .. }));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "edited by someone else\n"
    );
}

#[test]
fn a_failed_write_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir/a.txt");
    assert!(write_atomic(&missing, "a.txt", "", "new").is_err());
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "old\n").unwrap();
    // A second name for the file: writing would split the links, so nothing is written.
    #[cfg(unix)]
    {
        std::fs::hard_link(&path, dir.path().join("b.txt")).unwrap();
        let err = write_atomic(&path, "a.txt", "old\n", "new\n").unwrap_err();
        assert!(
            matches!(err, WriteError::HardLinks { links: 2, .. }),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "a temporary file was left: {names:?}");
    }
}

#[test]
fn a_killed_fix_leaves_every_file_old_or_new_never_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let old = "Title\n\n".to_owned()
        + &"Belarussia grew, and the the plant opened. ".repeat(40_000)
        + "\n";
    let new =
        "Title\n\n".to_owned() + &"Belarus grew, and the plant opened. ".repeat(40_000) + "\n";
    let bin = assert_cmd::cargo::cargo_bin("galley");
    for delay_ms in [5u64, 20, 40, 80, 160] {
        for i in 0..6 {
            std::fs::write(dir.path().join(format!("a{i}.txt")), &old).unwrap();
        }
        let mut child = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .args([
                "check", "--fix", "--jobs", "1", "--quiet", "--format", "short", ".",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for i in 0..6 {
            let now = std::fs::read_to_string(dir.path().join(format!("a{i}.txt"))).unwrap();
            assert!(
                now == old || now == new,
                "a{i}.txt after a kill at {delay_ms} ms: {} bytes",
                now.len()
            );
        }
    }
}
