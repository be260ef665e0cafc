//! `--format html`: escaping of hostile article text and file names, one
//! highlight per finding, no external assets, the bundled fixtures' report
//! under 2 MB, and the page rendered by headless Chromium (Debian's
//! `chromium`), whose DOM holds one `<mark>` per finding.

use std::path::Path;
use std::process::Command;

const ARTICLE: &str = "Lukashenko met the delegation in Minsk\n\nMinsk (, - President Lukashenko said on Monday that Belarus will expand exports.\nLater, Lukashenka added that Belarussia is ready to build the the new plant.\n";
const HOSTILE_NAME: &str = "<b>evil</b>\"onload=alert(2).txt";
const HOSTILE: &str = "Title\n\n<script>alert(1)</script> Belarussia grew. <img src=x \"onload=alert(3)\"> Belarussia again.\n";

fn galley(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_galley"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("galley runs")
}

fn findings(dir: &Path, path: &str) -> usize {
    let out = galley(dir, &["check", "--no-config", "--format", "json", path]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().len()
}

fn hostile_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    // The name holds a `/`: `<b>evil<` is a directory.
    let hostile = dir.path().join(HOSTILE_NAME);
    std::fs::create_dir_all(hostile.parent().unwrap()).unwrap();
    std::fs::write(hostile, HOSTILE).unwrap();
    dir
}

#[test]
fn hostile_text_and_names_are_escaped_and_every_finding_is_marked() {
    let dir = hostile_tree();
    let n = findings(dir.path(), ".");
    assert!(n >= 5, "the fixture gives findings: {n}");
    let out = galley(
        dir.path(),
        &["check", "--no-config", "--format", "html", "."],
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for raw in ["<script>alert(1)", "<b>evil", "\"onload=", "<img src=x"] {
        assert!(!html.contains(raw), "{raw} reached the page unescaped");
    }
    assert!(html.contains("&lt;b&gt;evil&lt;/b&gt;&quot;onload=alert(2).txt"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(!regex::Regex::new(r#"(src|href)=["']?(https?:)?//"#)
        .unwrap()
        .is_match(&html));
    assert_eq!(html.matches("<mark ").count(), n);
    assert_eq!(html.matches("</mark>").count(), n);
    // The worst article comes first: a.txt has more and graver findings.
    let worst = html.find("<h2>a.txt</h2>").unwrap();
    let other = html
        .find("&lt;b&gt;evil&lt;/b&gt;&quot;onload=alert(2).txt</h2>")
        .unwrap();
    assert!(worst < other);
}

#[test]
fn the_bundled_fixtures_report_is_under_2_mb() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = galley(
        root,
        &["check", "--no-config", "--format", "html", "fixtures"],
    );
    let n = findings(root, "fixtures");
    assert!(n > 100);
    assert!(
        out.stdout.len() < 2 * 1024 * 1024,
        "{} bytes",
        out.stdout.len()
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .matches("<mark ")
            .count(),
        n
    );
}

/// Debian's package installs `chromium`; other systems name it otherwise.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn headless_chromium_renders_one_highlight_per_finding() {
    let Some(browser) = chromium() else {
        // Not installed here (`apt-get install -y chromium`): the checks above
        // still hold on the page's text; nothing below can run.
        eprintln!(
            "headless_chromium_renders_one_highlight_per_finding: no chromium on PATH, not run"
        );
        return;
    };
    let dir = hostile_tree();
    let n = findings(dir.path(), ".");
    let report = dir.path().join("report.html");
    let out = galley(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "html",
            "-o",
            "report.html",
            ".",
        ],
    );
    assert!(report.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let profile = tempfile::tempdir().unwrap();
    let dom = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", report.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("<main>"),
        "chromium printed no DOM: {dom:.200}"
    );
    // What the browser built, not what galley wrote: one element per finding.
    let marks = regex::Regex::new(r"<mark id=")
        .unwrap()
        .find_iter(&dom)
        .count();
    assert_eq!(marks, n, "highlights in the DOM");
    let items = dom.matches("<li id=\"f").count();
    assert_eq!(items, n, "finding entries in the DOM");
    // The hostile text stayed text: no element was made of it.
    assert!(
        !dom.contains("<b>evil") && !dom.contains("<img"),
        "an element was built from article text"
    );
}

/// Articles are shown in the order of their quality score, worst first: a
/// short article with one error comes before a long one with two, whose
/// penalty per 1,000 words is lower (weighted findings alone would put the
/// long one first).
#[test]
fn articles_are_ordered_by_quality_score() {
    let dir = tempfile::tempdir().unwrap();
    let filler: Vec<String> = (0..60)
        .map(|i| format!("In meeting {i} the officials discussed trade and transport."))
        .collect();
    let filler = filler.join(" ");
    std::fs::write(
        dir.path().join("a-long.txt"),
        format!("Talks in Minsk\n\nBelarus (, - the talks went on. {filler}\n\nBelarus (, - more talks followed.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-short.txt"),
        "Talks in Minsk\n\nBelarus (, - the talks went on.\n",
    )
    .unwrap();
    let json = galley(
        dir.path(),
        &["check", "--no-config", "--format", "json", "."],
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let score = |name: &str| {
        v["scores"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["path"].as_str().unwrap().ends_with(name))
            .map(|s| s["score"].as_f64().unwrap())
            .unwrap()
    };
    assert!(score("b-short.txt") > score("a-long.txt"), "{v}");
    let out = galley(
        dir.path(),
        &["check", "--no-config", "--format", "html", "."],
    );
    let html = String::from_utf8(out.stdout).unwrap();
    let short = html
        .find("<h2>b-short.txt")
        .or_else(|| html.find("b-short.txt</h2>"));
    let long = html
        .find("<h2>a-long.txt")
        .or_else(|| html.find("a-long.txt</h2>"));
    let (Some(short), Some(long)) = (short, long) else {
        panic!("both articles have a heading: {html}");
    };
    assert!(short < long, "the short article (higher score) comes first");
}
