//! Reports are written file by file as the files finish (output/stream.rs,
//! cli/reorder.rs): the bytes must not depend on which thread finished first.

use std::path::Path;

use assert_cmd::Command;

const FORMATS: [&str; 10] = [
    "human",
    "short",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "checkstyle",
    "junit",
    "html",
];

/// ~200 articles made from the fixtures (with findings, in several
/// languages and formats), some clean, one empty, and two binary files,
/// which the run reports as errors.
fn corpus(dir: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut articles: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    articles.sort();
    for i in 0..196 {
        let from = &articles[i % articles.len()];
        let ext = from.extension().and_then(|e| e.to_str()).unwrap_or("txt");
        // Nested directories, so that path order is not one directory's.
        let sub = dir.join(format!("d{}", i % 5));
        std::fs::create_dir_all(&sub).expect("mkdir");
        let mut text = std::fs::read_to_string(from).expect("fixture");
        if i % 3 == 0 {
            // A second copy of the findings, further down: files of different lengths.
            let again = text.clone();
            text.push_str("\n\n");
            text.push_str(&again);
        }
        std::fs::write(sub.join(format!("a{i:03}.{ext}")), text).expect("write");
    }
    std::fs::write(
        dir.join("d1/clean.txt"),
        "Title\n\nThe council met on Tuesday and approved the budget.\n",
    )
    .expect("write");
    std::fs::write(dir.join("d2/empty.txt"), "").expect("write");
    std::fs::write(dir.join("d3/photo.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    std::fs::write(dir.join("d4/scan.txt"), [0u8; 64]).expect("write");
}

fn check(dir: &Path, format: &str, jobs: &str) -> (Option<i32>, Vec<u8>) {
    let out = Command::cargo_bin("galley")
        .expect("binary builds")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--format", format, "-j", jobs, "."])
        .output()
        .expect("runs");
    (out.status.code(), out.stdout)
}

#[test]
fn one_thread_and_eight_write_the_same_bytes_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    for format in FORMATS {
        let (code1, one) = check(dir.path(), format, "1");
        // The binary files are errors: exit 2, whatever the findings.
        assert_eq!(code1, Some(2), "{format}");
        assert!(one.len() > 1000, "{format}: {} bytes", one.len());
        for _ in 0..2 {
            let (code8, eight) = check(dir.path(), format, "8");
            assert_eq!(code8, code1, "{format}");
            assert!(
                one == eight,
                "{format}: -j1 and -j8 differ at byte {}",
                one.iter().zip(&eight).take_while(|(a, b)| a == b).count()
            );
        }
    }
}

#[test]
fn files_come_in_path_order_and_none_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    let (_, out) = check(dir.path(), "short", "8");
    let out = String::from_utf8(out).expect("utf-8");
    let mut paths: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once(':').map(|(p, _)| p))
        .collect();
    paths.dedup();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "not in path order");
    // Every file with findings is there: as many as checking each alone
    // says. A file's text is fixed by its index modulo 12 (the fixture, and
    // whether it is doubled), so the first twelve stand for all.
    let with_findings: Vec<bool> = (0..12)
        .map(|i| {
            let name = std::fs::read_dir(dir.path().join(format!("d{}", i % 5)))
                .expect("dir")
                .map(|e| e.expect("entry").path())
                .find(|p| {
                    p.file_stem()
                        .is_some_and(|s| s == format!("a{i:03}").as_str())
                })
                .expect("generated");
            let out = Command::cargo_bin("galley")
                .expect("binary builds")
                .current_dir(dir.path())
                .args(["check", "--no-config", "--format", "short"])
                .arg(name)
                .output()
                .expect("runs");
            !out.stdout.is_empty()
        })
        .collect();
    let expected = (0..196).filter(|i| with_findings[i % 12]).count();
    assert!(expected > 150, "{with_findings:?}");
    assert_eq!(paths.len(), expected, "{paths:?}");

    let (_, json) = check(dir.path(), "json", "8");
    let json: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    // The empty file is checked; the binary ones are not, and are notified.
    assert_eq!(json["files_checked"], 198);
    let notified: Vec<&str> = json["notifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .filter_map(|n| n["path"].as_str())
        .collect();
    assert!(
        notified.iter().any(|p| p.ends_with("photo.txt"))
            && notified.iter().any(|p| p.ends_with("scan.txt")),
        "{notified:?}"
    );
    let counted: u64 = ["error", "warning", "info"]
        .iter()
        .map(|s| json["summary"][s].as_u64().expect("count"))
        .sum();
    assert_eq!(
        counted,
        json["diagnostics"].as_array().expect("array").len() as u64
    );
    assert_eq!(json["scores"].as_array().expect("scores").len(), 198);
}

/// A reader that stops early does not change the exit code, nor hang the run.
#[test]
fn a_reader_that_stops_early_still_gets_the_exit_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    corpus(dir.path());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("galley"))
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "short", "-j", "2", "."])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(2));
}

/// A file of a megabyte or more has its rules spread over the run's
/// threads (`rules::set_threads_per_file`): its report, with findings of
/// many rules and more than a rule keeps, is the one a single thread makes.
#[test]
fn a_large_files_rules_on_several_threads_report_what_one_thread_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut articles: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    let mut text = String::new();
    while text.len() < 1_300_000 {
        for a in &articles {
            text.push_str(&std::fs::read_to_string(a).expect("fixture"));
            text.push_str("\n\n");
        }
    }
    std::fs::write(dir.path().join("dump.txt"), &text).expect("write");
    let (code1, one) = check(dir.path(), "json", "1");
    let (code4, four) = check(dir.path(), "json", "4");
    assert_eq!(code1, code4);
    let report = String::from_utf8(one.clone()).expect("utf-8");
    assert!(
        report.matches("\"rule\"").count() > 1000,
        "{} bytes",
        one.len()
    );
    assert!(report.contains("more findings of this rule"));
    assert!(one == four, "-j1 and -j4 differ");
}
