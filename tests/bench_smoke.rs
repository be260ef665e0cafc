//! Keeps the benchmark from rotting, with no timing in it: the corpus
//! generator of `bench/run.sh` (`examples/gen_corpus/corpus.rs`) is
//! deterministic, and galley finds every kind of defect it injects.

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assert_cmd::Command;
use corpus::Defect;

const SIZE: u64 = 1 << 20;

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let sa = corpus::write_corpus(a.path(), SIZE / 4, 7).expect("write");
    corpus::write_corpus(b.path(), SIZE / 4, 7).expect("write");
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert_eq!(ta.len(), sa.files);
    assert!(ta == tb, "two corpora from seed 7 differ");

    let other: Vec<String> = corpus::Generator::new(SIZE / 4, 8)
        .map(|a| a.text)
        .collect();
    let mine: Vec<String> = corpus::Generator::new(SIZE / 4, 7)
        .map(|a| a.text)
        .collect();
    assert_ne!(other, mine, "seeds 7 and 8 gave the same corpus");
}

#[test]
fn the_corpus_has_the_shape_the_benchmark_needs() {
    let articles: Vec<corpus::Article> = corpus::Generator::new(SIZE, 42).collect();
    let total: usize = articles.iter().map(|a| a.text.len()).sum();
    assert!(
        (SIZE as usize..SIZE as usize + (64 << 10)).contains(&total),
        "{total} bytes for a {SIZE}-byte corpus"
    );
    let cliff = &articles[0];
    assert_eq!(cliff.path, corpus::CLIFF_PATH);
    assert_eq!(
        cliff.text.trim_end().lines().count(),
        1,
        "the cliff file is one line"
    );
    let md = articles.iter().filter(|a| a.path.ends_with(".md")).count();
    assert!(md > articles.len() / 5, "{md} Markdown files");
    assert!(articles[1..]
        .iter()
        .all(|a| { a.path.starts_with("2025/") || a.path.starts_with("2026/") }));
    let clean = articles.iter().filter(|a| a.defects.is_empty()).count();
    let share = clean * 100 / articles.len();
    assert!((60..=80).contains(&share), "{share}% clean articles");
    for d in Defect::ALL {
        assert!(
            articles.iter().any(|a| a.defects.contains(&d)),
            "no article carries {d:?}"
        );
    }
    assert_eq!(corpus::parse_size("5MB"), Some(5 << 20));
    assert_eq!(corpus::parse_size("1GB"), Some(1 << 30));
    assert_eq!(corpus::parse_size("100"), Some(100));
    assert_eq!(corpus::parse_size("12XB"), None);
}

#[test]
fn galley_finds_every_injected_defect_class() {
    let dir = tempfile::tempdir().expect("tempdir");
    let summary = corpus::write_corpus(dir.path(), SIZE, 42).expect("write");

    let out = Command::cargo_bin("galley")
        .expect("binary builds")
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json", "--no-config"])
        .output()
        .expect("galley runs");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "galley exited {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        json["files_checked"].as_u64(),
        Some(summary.files as u64),
        "every generated file is an article galley checks"
    );

    // (path relative to the corpus, rule) of every finding.
    let root = dir.path().to_string_lossy().replace('\\', "/");
    let mut found: BTreeSet<(String, String)> = BTreeSet::new();
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        let path = d["path"].as_str().expect("path").replace('\\', "/");
        let rel = path
            .strip_prefix(&root)
            .map_or(path.as_str(), |p| p.trim_start_matches('/'))
            .to_owned();
        found.insert((rel, d["rule"].as_str().expect("rule").to_owned()));
    }

    let mut report = Vec::new();
    for class in Defect::ALL {
        let rule = class.rule();
        let injected: Vec<&String> = summary
            .manifest
            .iter()
            .filter(|(_, ds)| ds.contains(&class))
            .map(|(p, _)| p)
            .collect();
        let hits = injected
            .iter()
            .filter(|p| found.contains(&((**p).clone(), rule.to_owned())))
            .count();
        report.push(format!("{}: {hits}/{}", class.name(), injected.len()));
        assert!(
            !injected.is_empty() && hits > 0,
            "{} injected {} times, never reported as {rule}",
            class.name(),
            injected.len()
        );
    }
    let defective: BTreeSet<&String> = summary.manifest.iter().map(|(p, _)| p).collect();
    let in_clean = found.iter().filter(|(p, _)| !defective.contains(p)).count();
    eprintln!(
        "found per injected class: {}; findings in clean articles: {in_clean}",
        report.join(", ")
    );
}
