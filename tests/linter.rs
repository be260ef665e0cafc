//! The library's entry point, used as an editor server or a web service
//! would: settings made in code, a `Linter` built once, texts checked.

use std::path::Path;
use std::sync::Arc;

use galley::config::{Config, Level, Settings};
use galley::linter::UnknownSelector;
use galley::{Format, Linter, LinterSettings, Selection, Severity};

const DOUBLED: &str = "typography/doubled-word";
const QUOTES: &str = "typography/mixed-quotes";
/// Both rules fire on it: a doubled word, and two kinds of quotes.
const TEXT: &str =
    "The the plant opened.\n\n“We agreed,” he said. Experts said \"do not worry\".\n";

fn rules_found(linter: &Linter, text: &str) -> Vec<(String, Severity)> {
    linter
        .check(Path::new("story.txt"), text, Format::Plain)
        .into_iter()
        .map(|d| (d.rule.to_string(), d.severity))
        .collect()
}

#[test]
fn both_rules_fire_without_settings() {
    let linter = Linter::new(LinterSettings::new(
        Settings::defaults().with_language(galley::Lang::ENGLISH),
    ))
    .expect("the shipped packs compile");
    let found = rules_found(&linter, TEXT);
    assert!(found.contains(&(DOUBLED.to_owned(), Severity::Warning)));
    assert!(found.contains(&(QUOTES.to_owned(), Severity::Info)));
}

#[test]
fn an_off_rule_does_not_run_and_a_level_is_applied() {
    let settings = Settings::defaults()
        .with_language(galley::Lang::ENGLISH)
        .with_level(DOUBLED, Level::Off)
        .with_level(QUOTES, Level::On(Severity::Error));
    let linter = Linter::new(LinterSettings::new(settings)).expect("the shipped packs compile");

    let found = rules_found(&linter, TEXT);
    assert!(found.iter().all(|(rule, _)| rule != DOUBLED), "{found:?}");
    assert!(
        found.contains(&(QUOTES.to_owned(), Severity::Error)),
        "{found:?}"
    );

    assert!(linter.rules().all(|m| &*m.id != DOUBLED));
    assert!(linter.rules().any(|m| &*m.id == QUOTES));
    // Still known, so that a severity key or a suppression may name it.
    assert!(linter.ruleset().rule(DOUBLED).is_some());
    assert!(linter
        .unknown_severity_keys(&Settings::defaults().with_level(DOUBLED, Level::Off))
        .is_none());
    let typo = Settings::defaults().with_level("typography/doubled-wrod", Level::Off);
    let errors = linter.unknown_severity_keys(&typo).expect("an unknown key");
    assert_eq!(
        errors.errors[0].help.as_deref(),
        Some("did you mean `typography/doubled-word`?")
    );
}

#[test]
fn a_category_turns_off_its_rules_and_an_id_beats_it() {
    let settings = Settings::defaults()
        .with_language(galley::Lang::ENGLISH)
        .with_level("typography", Level::Off)
        .with_level(QUOTES, Level::On(Severity::Warning));
    let linter = Linter::new(LinterSettings::new(settings)).expect("the shipped packs compile");
    assert!(linter
        .rules()
        .all(|m| m.category() != "typography" || &*m.id == QUOTES));
    assert_eq!(
        rules_found(&linter, TEXT),
        [(QUOTES.to_owned(), Severity::Warning)]
    );
}

#[test]
fn unselected_rules_do_not_run() {
    let selection = Selection::new(vec!["typography".into()], Vec::new(), vec![QUOTES.into()]);
    let linter = Linter::new(
        LinterSettings::new(Settings::defaults().with_language(galley::Lang::ENGLISH))
            .with_selection(selection),
    )
    .expect("the shipped packs compile");
    assert!(linter
        .rules()
        .all(|m| m.category() == "typography" && &*m.id != QUOTES));
    assert_eq!(
        rules_found(&linter, TEXT),
        [(DOUBLED.to_owned(), Severity::Warning)]
    );
}

#[test]
fn a_selector_naming_no_rule_is_reported_with_the_closest_name() {
    let linter = Linter::new(LinterSettings::default()).expect("the shipped packs compile");
    let selection = Selection::new(vec!["typografy".into()], Vec::new(), Vec::new());
    let err: UnknownSelector = selection
        .unknown(linter.ruleset().rules())
        .expect("unknown");
    assert_eq!(err.key, "typografy");
    assert_eq!(err.suggestion.as_deref(), Some("typography"));
}

#[test]
fn a_suppression_of_an_off_rule_is_judged_as_if_the_rule_ran() {
    let settings = Settings::defaults()
        .with_language(galley::Lang::ENGLISH)
        .with_level(DOUBLED, Level::Off);
    let linter = Linter::new(LinterSettings::new(settings)).expect("the shipped packs compile");
    let text = "<!-- galley-disable-next-line typography/doubled-word -->\nThe the plant opened.\n";
    assert_eq!(rules_found(&linter, text), []);
}

#[test]
fn a_configs_overrides_apply_by_the_path_hint() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = dir.path().join("galley.toml");
    std::fs::write(
        &config,
        r#"language = "en"

[severity]
"typography/doubled-word" = "off"

[[override]]
files = ["drafts/**"]
severity = { "typography/doubled-word" = "error" }
"#,
    )
    .expect("the config is written");
    let mut errors = Vec::new();
    let config = Arc::new(Config::load(&config, &mut errors).expect("the config loads"));
    assert!(errors.is_empty(), "{errors:?}");

    let story = dir.path().join("story.txt");
    let draft = dir.path().join("drafts/story.txt");
    let linter = Linter::new(LinterSettings::new(config.settings(&story)))
        .expect("the shipped packs compile");
    // Off at the top, on under drafts/: the rule runs, and is filtered by path.
    assert!(linter.rules().any(|m| &*m.id == DOUBLED));
    let found = |path: &Path| -> Vec<(String, Severity)> {
        linter
            .check(path, TEXT, Format::Plain)
            .into_iter()
            .filter(|d| &*d.rule == DOUBLED)
            .map(|d| (d.rule.to_string(), d.severity))
            .collect()
    };
    assert_eq!(found(&story), []);
    assert_eq!(found(&draft), [(DOUBLED.to_owned(), Severity::Error)]);
}
