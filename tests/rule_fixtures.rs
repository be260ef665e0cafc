//! Every shipped rule has documentation, a fixture with its defect and a
//! fixture with look-alikes that must stay silent; its fixes, applied, leave
//! nothing for it to report. A rule without these fails here (clippy's
//! `missing-test-files` habit).

use std::path::{Path, PathBuf};

use galley::fix::apply;
use galley::rules::RuleMeta;
use galley::{check_text, Applicability, Format, Ruleset};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

/// Each compiled rule with its fixture folder: `fixtures/rules/<id>/` for a
/// check's first definition, `fixtures/rules/<id>/<pack>/` for each language
/// edition another pack adds under the same id.
fn rules_with_fixtures(ruleset: &Ruleset) -> Vec<(&RuleMeta, PathBuf)> {
    let mut seen = std::collections::HashSet::new();
    ruleset
        .rules()
        .map(|m| {
            let dir = rules_dir().join(&*m.id);
            if seen.insert(m.id.clone()) {
                (m, dir)
            } else {
                (m, dir.join(&m.pack))
            }
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_shipped_rule_is_documented_and_has_both_fixtures() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut missing = Vec::new();
    for (meta, dir) in rules_with_fixtures(&ruleset) {
        for f in ["fires.txt", "silent.txt"] {
            if !dir.join(f).is_file() {
                missing.push(format!("{}/{f}", dir.display()));
            }
        }
        match &meta.doc {
            Some(d)
                if [&d.what, &d.why, &d.example, &d.silent, &d.fix]
                    .iter()
                    .all(|s| !s.trim().is_empty()) => {}
            _ => missing.push(format!(
                "{}: [rule.doc] with what, why, example, silent, fix",
                meta.id
            )),
        }
    }
    assert!(missing.is_empty(), "missing: {missing:#?}");
}

#[test]
fn fixtures_of_a_language_pack_are_detected_in_its_language() {
    // Otherwise a rule would be silent on silent.txt only because it does not run there.
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut wrong = Vec::new();
    for (meta, dir) in rules_with_fixtures(&ruleset) {
        let Some(language) = meta.language else {
            continue;
        };
        for f in ["fires.txt", "silent.txt"] {
            let text = read(&dir.join(f));
            let detected = galley::document::language::detect(&text);
            if detected != language {
                wrong.push(format!(
                    "{}/{f}: detected {detected}, pack is {language}",
                    meta.id
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn each_rule_fires_on_its_defect_and_is_silent_on_its_look_alikes() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut failures = Vec::new();
    for (meta, dir) in rules_with_fixtures(&ruleset) {
        let fires = read(&dir.join("fires.txt"));
        let found: Vec<_> = check_text(&ruleset, &fires, Format::Plain)
            .into_iter()
            .filter(|d| d.rule == meta.id)
            .collect();
        if found.is_empty() {
            failures.push(format!("{}: silent on fires.txt", dir.display()));
        }
        let silent = read(&dir.join("silent.txt"));
        for d in check_text(&ruleset, &silent, Format::Plain)
            .into_iter()
            .filter(|d| d.rule == meta.id)
        {
            failures.push(format!(
                "{}: fired on silent.txt at {:?}: {}",
                dir.display(),
                &silent[d.range.clone()],
                d.message
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn fixes_leave_nothing_for_their_rule_to_report() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    for (meta, dir) in rules_with_fixtures(&ruleset) {
        let text = read(&dir.join("fires.txt"));
        let mine: Vec<_> = check_text(&ruleset, &text, Format::Plain)
            .into_iter()
            .filter(|d| d.rule == meta.id)
            .collect();
        // Suggestions (display-only) are never applied: only fixes count here.
        let applies = |d: &galley::Diagnostic| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability != Applicability::Display)
        };
        if !mine.iter().any(applies) {
            continue;
        }
        let fixed = apply(&text, &mine, |a| a != Applicability::Display);
        let again = apply(&fixed.text, &[], |_| true);
        assert_eq!(again.text, fixed.text);
        let left: Vec<_> = check_text(&ruleset, &fixed.text, Format::Plain)
            .into_iter()
            .filter(|d| d.rule == meta.id && applies(d))
            .map(|d| fixed.text[d.range].to_owned())
            .collect();
        assert!(
            left.is_empty(),
            "{}: after fixing, still {left:?} in\n{}",
            meta.id,
            fixed.text
        );
    }
}

#[test]
fn fixed_fixtures_snapshot() {
    // The fixed text of each fires.txt, so a change in what a fix writes is reviewed.
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut all = String::new();
    for (meta, dir) in rules_with_fixtures(&ruleset) {
        let text = read(&dir.join("fires.txt"));
        let mine: Vec<_> = check_text(&ruleset, &text, Format::Plain)
            .into_iter()
            .filter(|d| d.rule == meta.id && d.fix.is_some())
            .collect();
        if mine.is_empty() {
            continue;
        }
        let fixed = apply(&text, &mine, |a| a != Applicability::Display);
        all.push_str(&format!(
            "=== {} ({} applied)\n{}\n",
            dir.strip_prefix(rules_dir()).unwrap_or(&dir).display(),
            fixed.applied,
            fixed.text
        ));
    }
    insta::assert_snapshot!(all);
}

/// A check that holds in every language (its pack has no language) and reads
/// the article language's conventions from the profile keeps fixtures written
/// in each language it was tuned for: `fixtures/rules/<id>/lang-<code>/`.
#[test]
fn language_neutral_rules_fire_and_stay_silent_in_each_language_fixture() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut failures = Vec::new();
    let mut seen = 0;
    for meta in ruleset.checks().filter(|m| m.language.is_none()) {
        let Ok(entries) = std::fs::read_dir(rules_dir().join(&*meta.id)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(code) = name.strip_prefix("lang-") else {
                continue;
            };
            let lang = galley::lang::Lang::parse(code)
                .unwrap_or_else(|| panic!("{}: no language `{code}`", entry.path().display()));
            for (file, must_fire) in [("fires.txt", true), ("silent.txt", false)] {
                let text = read(&entry.path().join(file));
                seen += 1;
                let detected = galley::document::language::detect(&text);
                if detected != lang {
                    failures.push(format!("{name}/{file} of {}: detected {detected}", meta.id));
                    continue;
                }
                let found: Vec<_> = check_text(&ruleset, &text, Format::Plain)
                    .into_iter()
                    .filter(|d| d.rule == meta.id)
                    .map(|d| format!("{:?} {}", &text[d.range.clone()], d.message))
                    .collect();
                if must_fire && found.is_empty() {
                    failures.push(format!("{} {name}: silent on fires.txt", meta.id));
                }
                if !must_fire && !found.is_empty() {
                    failures.push(format!(
                        "{} {name}: fired on silent.txt: {found:?}",
                        meta.id
                    ));
                }
            }
        }
    }
    assert!(seen > 0, "no language fixtures found");
    assert!(failures.is_empty(), "{failures:#?}");
}
