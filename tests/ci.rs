//! What an editorial repository's CI relies on: stdin, file lists, shards,
//! selection, statistics, suppressions, the baseline, and parallel runs
//! giving the same bytes as one thread.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const ARTICLE: &str = "Lukashenko met the delegation in Minsk\n\nMinsk (, - President Lukashenko said on Monday that Belarus will expand exports.\nLater, Lukashenka added that Belarussia is ready to build the the new plant.\n";

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..12 {
        let sub = dir.path().join(format!("desk{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("a{i}.txt")), ARTICLE).unwrap();
    }
    dir
}

fn json(dir: &Path, args: &[&str], stdin: Option<&str>) -> Value {
    let mut c = galley(dir);
    c.args(["check", "--format", "json"]).args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().expect("runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn paths(v: &Value) -> Vec<String> {
    let mut p: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    p.dedup();
    p
}

#[test]
fn stdin_takes_its_name_and_config_from_stdin_filename() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("news")).unwrap();
    std::fs::write(
        dir.path().join("news/galley.toml"),
        "[severity]\n\"typography\" = \"off\"\n",
    )
    .unwrap();
    let v = json(
        dir.path(),
        &["--stdin-filename", "news/x.txt", "-"],
        Some(ARTICLE),
    );
    assert_eq!(paths(&v), ["news/x.txt"]);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"names/variant-spelling")
            && !rules.iter().any(|r| r.starts_with("typography/")),
        "{rules:?}"
    );
}

#[test]
fn files_from_reads_a_list() {
    let dir = tree();
    let v = json(
        dir.path(),
        &["--files-from", "-"],
        Some("desk0/a0.txt\n\ndesk1/a1.txt\n"),
    );
    assert_eq!(paths(&v), ["desk0/a0.txt", "desk1/a1.txt"]);
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let dir = tree();
    let mut seen = Vec::new();
    for k in 1..=4 {
        seen.extend(paths(&json(
            dir.path(),
            &["--shard", &format!("{k}/4"), "."],
            None,
        )));
    }
    seen.sort();
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(seen, unique, "a file in two shards");
    assert_eq!(seen.len(), 12);
    galley(dir.path())
        .args(["check", "--shard", "5/4", "."])
        .assert()
        .code(2);
}

#[test]
fn parallel_output_is_byte_for_byte_the_one_thread_output() {
    let dir = tree();
    let one = galley(dir.path())
        .args(["check", "--format", "json", "--jobs", "1", "."])
        .output()
        .unwrap();
    let many = galley(dir.path())
        .args(["check", "--format", "json", "--jobs", "4", "."])
        .output()
        .unwrap();
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn select_ignore_and_statistics() {
    let dir = tree();
    let v = json(
        dir.path(),
        &[
            "--select",
            "names",
            "--ignore",
            "names/known-misspelling",
            "desk0/a0.txt",
        ],
        None,
    );
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["names/variant-spelling"]);
    galley(dir.path())
        .args(["check", "--select", "nmes", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `names`"));
    let out = galley(dir.path())
        .args(["check", "--statistics", "."])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap_or_default();
    assert!(first.trim_start().starts_with("12 "), "{text}");
}

#[test]
fn suppressions_and_stale_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Title\n\n<!-- galley-disable-next-line typography/doubled-word -->\nIt is is fine.\n\n<!-- galley-disable-next-line names -->\nAll clear here.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let v = json(dir.path(), &["a.txt"], None);
    let found: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("galley/unused-suppression", "info")]);
}

#[test]
fn a_baseline_survives_lines_inserted_above_and_counts_what_is_gone() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    galley(dir.path())
        .args(["baseline", "--output", "base.json", "a.txt"])
        .assert()
        .code(0);
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Editor's note: updated.\n\n{ARTICLE}"),
    )
    .unwrap();
    let v = json(dir.path(), &["--baseline", "base.json", "a.txt"], None);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    // A new finding is reported; a fixed one is counted as gone.
    std::fs::write(
        dir.path().join("a.txt"),
        ARTICLE
            .replace("Belarussia", "Belarus")
            .replace("build the", "build a new plant. It is is"),
    )
    .unwrap();
    let out = galley(dir.path())
        .args([
            "check",
            "--format",
            "short",
            "--baseline",
            "base.json",
            "a.txt",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("'is' is written twice"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no longer occur"));
}
