//! `galley house` on a fixture archive with a known house style
//! (`support/house_archive.rs`): every planted cluster found and no decoy,
//! the editor's decisions kept by a re-run, `check` reporting exactly the
//! planted articles, and `house --check` failing on drift.

#[path = "support/house_archive.rs"]
mod house_archive;

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use house_archive::{file_name, Plan, SITE_LINE};
use serde_json::Value;

const ARTICLES: usize = 300;
const SEED: u64 = 20;

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn learn(dir: &Path) -> String {
    let out = galley(dir)
        .args(["house", "archive"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(dir.join("house-style.toml")).expect("pack written")
}

fn pack(text: &str) -> toml::Table {
    text.parse().expect("the pack is TOML")
}

fn rule<'a>(pack: &'a toml::Table, kind: &str) -> &'a toml::Value {
    pack["rule"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["kind"].as_str() == Some(kind)))
        .unwrap_or_else(|| panic!("no {kind} rule"))
}

/// Each cluster as (prefer, its forms).
fn clusters(pack: &toml::Table) -> Vec<(String, BTreeSet<String>)> {
    rule(pack, "house-spelling")
        .get("cluster")
        .and_then(|c| c.as_array())
        .map(|cs| {
            cs.iter()
                .map(|c| {
                    let forms = c["forms"]
                        .as_table()
                        .expect("forms")
                        .keys()
                        .cloned()
                        .collect();
                    (c["prefer"].as_str().unwrap_or("").to_owned(), forms)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn set(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

fn setup() -> (tempfile::TempDir, Plan) {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = house_archive::write(dir.path(), ARTICLES, SEED);
    (dir, plan)
}

/// Files with a finding of `rule` in `check --format json` over the archive.
fn flagged(dir: &Path, rule: &str) -> BTreeSet<String> {
    let out = galley(dir)
        .args(["check", "archive", "--format", "json", "--select", rule])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    let files: BTreeSet<String> = diags
        .iter()
        .map(|d| d["path"].as_str().unwrap_or("").to_owned())
        .collect();
    // One finding per cluster (or aspect) per article at most.
    let mut keys: Vec<(String, String)> = diags
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_owned(),
                d["help"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "two findings of one cluster in one article");
    files
}

fn names(indices: &BTreeSet<usize>) -> BTreeSet<String> {
    indices.iter().map(|&i| file_name(i)).collect()
}

fn planted_clusters() -> Vec<(String, BTreeSet<String>)> {
    vec![
        ("Gomel".into(), set(&["Gomel", "Homel"])),
        ("Kyiv".into(), set(&["Kyiv", "Kiev"])),
        ("Lukashenko".into(), set(&["Lukashenko", "Lukashenka"])),
        (
            "Tsikhanouskaya".into(),
            set(&["Tsikhanouskaya", "Tikhanovskaya"]),
        ),
        ("Zhdanovich".into(), set(&["Zhdanovich", "Zhdanovych"])),
    ]
}

#[test]
fn house_finds_every_planted_cluster_and_no_decoy() {
    let (dir, _) = setup();
    let text = learn(dir.path());
    let p = pack(&text);
    let mut found = clusters(&p);
    found.sort();
    assert_eq!(found, planted_clusters(), "{text}");
    let typo = rule(&p, "house-typography");
    assert_eq!(typo["quote-style"].as_str(), Some("curly"));
    assert_eq!(typo["apostrophe-style"].as_str(), Some("curly"));
    assert_eq!(typo["currency-style"].as_str(), Some("no-space"));
    let lines: Vec<&str> = rule(&p, "house-boilerplate")["line"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["text"].as_str())
        .collect();
    assert_eq!(lines, vec![SITE_LINE]);
    // The minority files are named in the comments.
    assert!(
        text.contains("# Lukashenka (6 articles): archive/a"),
        "{text}"
    );
}

#[test]
fn check_reports_exactly_the_planted_articles() {
    let (dir, plan) = setup();
    learn(dir.path());
    std::fs::write(
        dir.path().join("galley.toml"),
        "rules = [\"house-style.toml\"]\n",
    )
    .unwrap();
    assert_eq!(
        flagged(dir.path(), "names/house-spelling"),
        names(&plan.names())
    );
    assert_eq!(
        flagged(dir.path(), "typography/house-style"),
        names(&plan.typography())
    );
    assert_eq!(
        flagged(dir.path(), "markers/house-boilerplate"),
        names(&plan.boilerplate)
    );
    galley(dir.path())
        .args(["house", "archive", "--check"])
        .assert()
        .code(0);
}

#[test]
fn the_editor_s_choices_survive_a_re_run() {
    let (dir, plan) = setup();
    let text = learn(dir.path());
    // The editor accepts Homel beside Gomel, makes the minority Zhdanovych the
    // house form, and keeps the site line.
    let edited = text
        .replace(
            "prefer = \"Gomel\"\naccept = []",
            "prefer = \"Gomel\"\naccept = [\"Homel\"]",
        )
        .replace("prefer = \"Zhdanovich\"", "prefer = \"Zhdanovych\"")
        .replace(
            &format!("text = \"{SITE_LINE}\"\narticles = 120\nkeep = false"),
            &format!("text = \"{SITE_LINE}\"\narticles = 120\nkeep = true"),
        );
    assert_ne!(edited, text);
    std::fs::write(dir.path().join("house-style.toml"), &edited).unwrap();
    // The archive grows: one more Lukashenko article changes the counts.
    std::fs::write(
        dir.path().join("archive/z-new.txt"),
        "New report\n\nPresident Lukashenko opened a plant in Gomel.\n",
    )
    .unwrap();
    let again = pack(&learn(dir.path()));
    let c = clusters(&again);
    assert!(c.contains(&("Gomel".into(), set(&["Gomel", "Homel"]))));
    assert!(c.contains(&("Zhdanovych".into(), set(&["Zhdanovich", "Zhdanovych"]))));
    let spelling = rule(&again, "house-spelling")["cluster"]
        .as_array()
        .unwrap()
        .clone();
    let gomel = spelling
        .iter()
        .find(|c| c["prefer"].as_str() == Some("Gomel"))
        .unwrap();
    assert_eq!(
        gomel["accept"].as_array().unwrap()[0].as_str(),
        Some("Homel")
    );
    let luk = spelling
        .iter()
        .find(|c| c["prefer"].as_str() == Some("Lukashenko"))
        .unwrap();
    let before = ARTICLES - ARTICLES / 5 - plan.lukashenka.iter().filter(|i| *i % 5 != 0).count();
    assert_eq!(
        luk["forms"]["Lukashenko"].as_integer(),
        Some(before as i64 + 1)
    );
    let line = &rule(&again, "house-boilerplate")["line"]
        .as_array()
        .unwrap()[0];
    assert_eq!(line["keep"].as_bool(), Some(true));

    std::fs::write(
        dir.path().join("galley.toml"),
        "rules = [\"house-style.toml\"]\n",
    )
    .unwrap();
    let mut expected = plan.names();
    for i in &plan.homel {
        if !plan.lukashenka.contains(i)
            && !plan.kiev.contains(i)
            && !plan.zhdanovych.contains(i)
            && !plan.tikhanovskaya.contains(i)
        {
            expected.remove(i);
        }
    }
    for i in &plan.zhdanovych {
        if !plan.lukashenka.contains(i)
            && !plan.kiev.contains(i)
            && !plan.homel.contains(i)
            && !plan.tikhanovskaya.contains(i)
        {
            expected.remove(i);
        }
    }
    expected.extend(&plan.zhdanovich);
    assert_eq!(
        flagged(dir.path(), "names/house-spelling"),
        names(&expected)
    );
    assert!(flagged(dir.path(), "markers/house-boilerplate").is_empty());
}

#[test]
fn house_check_fails_on_a_new_cluster_and_passes_once_it_is_decided() {
    let (dir, _) = setup();
    learn(dir.path());
    galley(dir.path())
        .args(["house", "archive", "--check"])
        .assert()
        .code(0);
    std::fs::write(
        dir.path().join("archive/z1.txt"),
        "Port report\n\nThe governor, Marchenko, said the port would reopen.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("archive/z2.txt"),
        "Port report again\n\nThe governor, Marchenka, said the port had reopened.\n",
    )
    .unwrap();
    let out = galley(dir.path())
        .args(["house", "archive", "--check"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!("house_check_drift", stderr);
    learn(dir.path());
    galley(dir.path())
        .args(["house", "archive", "--check"])
        .assert()
        .code(0);
}

#[test]
fn a_finding_names_the_house_form_and_the_archive_counts() {
    let (dir, plan) = setup();
    learn(dir.path());
    std::fs::write(
        dir.path().join("galley.toml"),
        "rules = [\"house-style.toml\"]\n",
    )
    .unwrap();
    let first = *plan.lukashenka.iter().next().unwrap();
    let out = galley(dir.path())
        .args([
            "check",
            &file_name(first),
            "--select",
            "names/house-spelling",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(
        "house_spelling_finding",
        String::from_utf8_lossy(&out.stdout)
    );
    // The fix is the house form, and safe.
    galley(dir.path())
        .args([
            "check",
            &file_name(first),
            "--select",
            "names/house-spelling",
            "--fix",
        ])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join(file_name(first))).unwrap();
    assert!(
        fixed.contains("President Lukashenko met") && !fixed.contains("Lukashenka"),
        "{fixed}"
    );
}

#[test]
fn a_broken_house_pack_is_an_error_pointed_at() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house-style.toml"),
        "[[rule]]\nid = \"names/house-spelling\"\nkind = \"house-spelling\"\narchive-articles = 3\n\n[[rule.cluster]]\nprefer = \"Gomel\"\nforms = { \"Homel\" = 1, \"Hommel\" = 2 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("galley.toml"),
        "rules = [\"house-style.toml\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Farmers near Homel.\n").unwrap();
    let out = galley(dir.path())
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not one of the cluster's forms"));
}

/// Writes the fixture archive where `HOUSE_ARCHIVE_DIR` says, to try the
/// workflow by hand: `HOUSE_ARCHIVE_DIR=/tmp/desk cargo test --test house -- --ignored`.
#[test]
#[ignore]
fn write_the_fixture_archive() {
    if let Some(dir) = std::env::var_os("HOUSE_ARCHIVE_DIR") {
        let plan = house_archive::write(Path::new(&dir), ARTICLES, SEED);
        println!("{plan:#?}");
    }
}

#[test]
fn the_pack_is_the_same_bytes_for_any_number_of_threads() {
    let (dir, _) = setup();
    galley(dir.path())
        .args(["house", "archive", "-j", "1", "--pack", "one.toml"])
        .assert()
        .code(0);
    galley(dir.path())
        .args(["house", "archive", "-j", "3", "--pack", "three.toml"])
        .assert()
        .code(0);
    let one = std::fs::read_to_string(dir.path().join("one.toml")).unwrap();
    let three = std::fs::read_to_string(dir.path().join("three.toml")).unwrap();
    assert_eq!(one, three);
}

/// An article writing both forms: every names rule keeps the house form
/// (target's first reason), even where the article's majority is the other.
#[test]
fn the_other_names_rules_keep_the_house_form() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house-style.toml"),
        "[[rule]]\nid = \"names/house-spelling\"\nkind = \"house-spelling\"\narchive-articles = 90\n\n\
         [[rule.cluster]]\nprefer = \"Lukashenko\"\nforms = { \"Lukashenko\" = 80, \"Lukashenka\" = 10 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("galley.toml"),
        "rules = [\"house-style.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks in Minsk\n\nPresident Lukashenka met the delegation. Lukashenka said the talks went well. Later, Lukashenko left.\n",
    )
    .unwrap();
    let out = galley(dir.path())
        .args(["check", "a.txt", "--format", "json", "--select", "names"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        let fix = d["fix"]["replacement"].as_str().unwrap_or("");
        assert_ne!(fix, "Lukashenka", "{d}");
        assert!(
            d["message"].as_str().unwrap_or("").contains("Lukashenka"),
            "{d}"
        );
    }
}
