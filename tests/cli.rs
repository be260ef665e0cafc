//! The command line, run as users run it: exit codes, formats, bad input.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn galley() -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = galley()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap_or(-1))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

#[test]
fn human_output_of_an_article() {
    let out = galley()
        .args(["check", "fixtures/articles/minsk-talks.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    insta::assert_snapshot!(stdout);
}

/// Findings in a Markdown and an HTML article point into the file as
/// written: front matter, markup and entities included.
#[test]
fn human_output_of_markdown_and_html_articles() {
    for article in ["brest-border.md", "grodno-page.html"] {
        let out = galley()
            .args(["check", &format!("fixtures/articles/{article}")])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        insta::assert_snapshot!(article, stdout);
    }
}

#[test]
fn human_output_fits_a_100_column_terminal() {
    let out = galley()
        .args(["check", "fixtures/articles"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    for line in stdout.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn short_format_is_one_line_per_finding() {
    let out = galley()
        .args([
            "check",
            "--format",
            "short",
            "fixtures/articles/kyiv-forum.txt",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    insta::assert_snapshot!(stdout);
}

#[test]
fn json_follows_the_contract() {
    let (v, code) = json(&["fixtures/articles/minsk-talks.txt"]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    assert_eq!(v["files_checked"], 1);
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles/minsk-talks.txt"),
    )
    .unwrap();
    let diags = v["diagnostics"].as_array().expect("diagnostics array");
    assert!(!diags.is_empty());
    for d in diags {
        for key in [
            "path", "rule", "category", "severity", "message", "range", "labels", "notes", "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let rule = d["rule"].as_str().unwrap();
        assert_eq!(
            d["category"].as_str().unwrap(),
            rule.split('/').next().unwrap()
        );
        // Offsets, lines and columns agree with the file.
        let (s, e) = (&d["range"]["start"], &d["range"]["end"]);
        let (so, eo) = (
            s["offset"].as_u64().unwrap() as usize,
            e["offset"].as_u64().unwrap() as usize,
        );
        let line_start = text[..so].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            s["line"].as_u64().unwrap() as usize,
            text[..so].matches('\n').count() + 1
        );
        assert_eq!(
            s["column"].as_u64().unwrap() as usize,
            text[line_start..so].chars().count() + 1
        );
        assert!(so <= eo && eo <= text.len());
    }
    let lukashenka = diags
        .iter()
        .find(|d| d["rule"] == "names/variant-spelling")
        .expect("variant finding");
    let (so, eo) = (
        lukashenka["range"]["start"]["offset"].as_u64().unwrap() as usize,
        lukashenka["range"]["end"]["offset"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[so..eo], "Lukashenka");
    assert_eq!(lukashenka["labels"][0]["range"]["start"]["line"], 4);
    assert_eq!(lukashenka["fix"]["replacement"], "Lukashenko");
    assert_eq!(lukashenka["fix"]["applicability"], "unsafe");
    let summary = &v["summary"];
    let total: u64 = ["error", "warning", "info"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, diags.len());
}

#[test]
fn exit_codes() {
    galley()
        .args(["check", "fixtures/articles/grodno-fair.txt"])
        .assert()
        .code(0);
    galley()
        .args(["check", "fixtures/articles/kyiv-forum.txt"])
        .assert()
        .code(1);
    galley()
        .args([
            "check",
            "--fail-on",
            "error",
            "fixtures/articles/kyiv-forum.txt",
        ])
        .assert()
        .code(0);
    galley()
        .args([
            "check",
            "--fail-on",
            "never",
            "fixtures/articles/minsk-talks.txt",
        ])
        .assert()
        .code(0);
    galley()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no/such/file.txt"));
    galley()
        .args(["check", "--format", "nope", "fixtures"])
        .assert()
        .code(2);
}

#[test]
fn bad_files_are_named_and_the_others_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "good.txt",
        b"Exports grow\n\nBelarussia exported more.\n",
    );
    write(dir.path(), "latin1.txt", b"Caf\xe9 in Minsk\n");
    write(
        dir.path(),
        "binary.txt",
        &(0..=255u8).cycle().take(4096).collect::<Vec<_>>(),
    );
    write(dir.path(), "utf16.txt", &[0xFF, 0xFE, b'M', 0, b'i', 0]);
    write(dir.path(), "empty.txt", b"");
    let out = galley()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, why) in [
        ("latin1.txt", "not valid UTF-8"),
        ("binary.txt", "binary"),
        ("utf16.txt", "UTF-16"),
        ("empty.txt", "empty"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(why)),
            "{name}: {stderr}"
        );
    }
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["files_checked"], 2, "good.txt and empty.txt");
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"].as_str().unwrap().ends_with("good.txt")));
}

#[test]
fn a_directory_without_articles_is_an_error_when_nothing_else_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "notes.pdf", b"%PDF");
    galley()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no articles found"));
    galley()
        .arg("check")
        .arg(dir.path())
        .arg("fixtures/articles/grodno-fair.txt")
        .assert()
        .code(0)
        .stderr(predicates::str::contains("warning"));
}

#[test]
fn directories_are_walked_recursively_and_gitignore_is_respected() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
    write(
        &dir.path().join("a/b"),
        "deep.txt",
        b"Title\n\nThe the end.\n",
    );
    write(
        &dir.path().join("a"),
        "skip.txt",
        b"Title\n\nThe the end.\n",
    );
    write(dir.path(), ".gitignore", b"a/skip.txt\n");
    let out = galley()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["files_checked"], 1);
    assert!(v["diagnostics"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("a/b/deep.txt"));
}

#[test]
fn rules_and_explain() {
    let out = galley()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "names/variant-spelling",
        "names/known-misspelling",
        "markers/broken-attribution",
        "facts/aircraft-role",
        "typography/doubled-word",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    let out = galley()
        .args(["explain", "names/romanization-variant"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## Example") && text.contains("Navalny/Navalnaya"));
    galley()
        .args(["explain", "names/variant-speling"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "did you mean `names/variant-spelling`",
        ));
}

#[test]
fn a_broken_rule_pack_stops_the_run_with_its_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "bad.toml",
        b"[[rule]]\nid = \"markers/x\"\nkind = \"existence\"\npattern = \"(unclosed\"\n",
    );
    write(dir.path(), "a.txt", b"Some text.\n");
    let out = galley()
        .current_dir(dir.path())
        .args(["check", "--rules", "bad.toml", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.toml:4"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing checked");
}
