//! The quality score per article, through the command line, on three of our
//! own articles: one clean, one with a single calque, one with several
//! calques, an untranslated acronym and a doubled word.

use assert_cmd::Command;
use serde_json::Value;

fn galley() -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

fn json(args: &[&str]) -> Value {
    let out = galley()
        .args(["check", "--no-config", "--format", "json"])
        .args(args)
        .output()
        .expect("galley runs");
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn score_of<'v>(v: &'v Value, file: &str) -> &'v Value {
    v["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .find(|s| s["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .unwrap_or_else(|| panic!("no score for {file}"))
}

#[test]
fn three_articles_score_clean_light_heavy_in_that_order() {
    let v = json(&["fixtures/score/"]);
    let clean = score_of(&v, "clean.txt");
    let light = score_of(&v, "light.txt");
    let heavy = score_of(&v, "heavy.txt");
    // Clean: nothing found, nothing counted.
    assert_eq!(clean["penalty"], 0);
    assert_eq!(clean["score"], 0.0);
    // Light: one calque (style, info: minor, 1 point) in 127 words.
    assert_eq!(light["penalty"], 1);
    assert_eq!(light["words"], 127);
    assert_eq!(light["score"], 7.9);
    // Heavy: six calques (6 x minor 1), an unexplained acronym (language
    // warning: major 5) and a doubled word (typography warning: minor 1) in 105 words.
    assert_eq!(heavy["penalty"], 12);
    assert_eq!(heavy["words"], 105);
    assert_eq!(heavy["score"], 114.3);
    // The run: 13 points in 357 words.
    assert_eq!(v["summary"]["score"], 36.4);
    for s in [clean, light, heavy] {
        let expected =
            s["penalty"].as_f64().unwrap() * 1000.0 / s["words"].as_f64().unwrap().max(100.0);
        assert!((s["score"].as_f64().unwrap() - expected).abs() < 0.05);
    }
}

#[test]
fn the_summary_lists_the_worst_first_and_sort_score_orders_the_report() {
    let out = galley()
        .args([
            "check",
            "--no-config",
            "--sort",
            "score",
            "--format",
            "human",
        ])
        .arg("fixtures/score/")
        .output()
        .expect("galley runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let summary = text
        .split("worst first:\n")
        .nth(1)
        .expect("a score summary");
    let heavy = summary.find("heavy.txt").expect("heavy listed");
    let light = summary.find("light.txt").expect("light listed");
    assert!(heavy < light, "{summary}");
    assert!(
        !summary.contains("clean.txt"),
        "a clean file has no score line"
    );
    assert!(summary.contains("114.3  fixtures/score/heavy.txt (12 points, 105 words)"));
    // --sort score: the heavy article's findings come before the light one's.
    let first_heavy = text.find("heavy.txt:").expect("heavy findings");
    let first_light = text.find("light.txt:").expect("light findings");
    assert!(first_heavy < first_light);
    let by_path = galley()
        .args(["check", "--no-config", "--format", "short"])
        .arg("fixtures/score/")
        .output()
        .expect("galley runs");
    let by_path = String::from_utf8(by_path.stdout).expect("UTF-8");
    assert!(by_path.find("heavy.txt:") < by_path.find("light.txt:"));
    let sorted = galley()
        .args([
            "check",
            "--no-config",
            "--format",
            "short",
            "--sort",
            "score",
        ])
        .args(["fixtures/score/light.txt", "fixtures/score/heavy.txt"])
        .output()
        .expect("galley runs");
    let sorted = String::from_utf8(sorted.stdout).expect("UTF-8");
    assert!(sorted.find("heavy.txt:") < sorted.find("light.txt:"));
}

#[test]
fn max_score_fails_the_run_above_the_threshold() {
    let run = |max: &str| {
        galley()
            .args([
                "check",
                "--no-config",
                "--fail-on",
                "never",
                "--max-score",
                max,
            ])
            .arg("fixtures/score/")
            .output()
            .expect("galley runs")
            .status
            .code()
    };
    assert_eq!(run("200"), Some(0));
    assert_eq!(run("114.3"), Some(0));
    assert_eq!(run("114"), Some(1));
    assert_eq!(run("5"), Some(1));
}

#[test]
fn sarif_carries_the_scores_in_its_run_properties() {
    let out = galley()
        .args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "fixtures/score/",
        ])
        .output()
        .expect("galley runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let props = &v["runs"][0]["properties"];
    assert_eq!(props["score"], 36.4);
    assert_eq!(props["scores"].as_array().map(Vec::len), Some(3));
}

#[test]
fn explain_score_prints_the_formula_and_the_map() {
    let out = galley()
        .args(["explain", "--score"])
        .output()
        .expect("galley runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("x 1000 / max(words, 100)"));
    assert!(text.contains("minor 1, major 5, critical 25"));
}
