//! Articles in the languages galley ships packs for: each is detected in its
//! language, gets the language-neutral rules and its own language's, and no
//! rule written for another language.

use std::path::Path;

use galley::document::language;
use galley::{check_article, check_text, Format, Ruleset};

fn articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("article"))
        })
        .collect();
    out.sort();
    out
}

/// `de-minsk.txt` is German; articles without a language prefix are English.
fn expected_language(name: &str) -> &str {
    match name.split_once('-') {
        Some((l, _)) if l.len() == 2 => l,
        _ => "en",
    }
}

#[test]
fn every_fixture_article_is_detected_in_its_language() {
    for (name, text) in articles() {
        assert_eq!(language::detect(&text), expected_language(&name), "{name}");
    }
}

#[test]
fn findings_on_articles_in_other_languages() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut all = String::new();
    for (name, text) in articles() {
        if expected_language(&name) == "en" {
            continue;
        }
        let doc_lines: Vec<&str> = text.lines().collect();
        all.push_str(&format!("=== {name}\n"));
        for d in check_text(&ruleset, &text, Format::Plain) {
            let line = text[..d.range.start].matches('\n').count();
            let found = &text[d.range.clone()];
            all.push_str(&format!(
                "{}:{} {} {:?}\n",
                line + 1,
                d.rule,
                d.severity.as_str(),
                found
            ));
            assert!(line < doc_lines.len());
        }
    }
    insta::assert_snapshot!(all);
}

#[test]
fn rules_for_one_language_stay_silent_on_another() {
    // A check's language editions share its id, so each pack is compiled alone
    // to tell which edition fired.
    for source in galley::packs::shipped_sources() {
        let ruleset =
            Ruleset::compile(vec![source.clone()]).expect("a shipped pack compiles alone");
        for (name, text) in articles() {
            let language = expected_language(&name);
            for d in check_text(&ruleset, &text, Format::Plain) {
                let meta = ruleset.rule(&d.rule).expect("a rule of the pack");
                assert!(
                    meta.language.is_none_or(|l| l.code() == language),
                    "{name}: {} of {} ({:?}) fired on an article in {language}",
                    d.rule,
                    source.name,
                    meta.language
                );
            }
        }
    }
}

#[test]
fn german_nouns_and_romanizations_are_not_taken_for_misspelt_names() {
    // German capitalises every noun, and writes Antonow, Tupolew, Suchoi,
    // Mikojan for the English Antonov, Tupolev, Sukhoi, Mikoyan: the English
    // name heuristics must not run here.
    let text = "Flugzeugbau in der Ukraine\n\n\
        Die Mieter der Halle zahlen pro Meter mehr als früher. Die Boote lagen am Kai, der Bote kam spät. \
        Antonow baute die An-124, Tupolew die Tu-154, Suchoi die Su-25 und Mikojan die MiG-29. \
        Die Lieder handeln von Leder, die Staaten von Staten Island.\n";
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let found: Vec<_> = check_text(&ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| format!("{} {:?}", d.rule, &text[d.range]))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_german_spelling_in_an_english_article_is_not_a_known_word_there() {
    // names-de knows Lukaschenko; in an English article that must not hide
    // the second romanization from names/romanization-variant.
    let text = "Talks in Minsk\n\nPresident Lukashenko met the delegation on Monday. \
        Later Lukaschenko said the plan was sound, and the delegation agreed.\n";
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let rules: Vec<_> = check_text(&ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect();
    assert_eq!(rules, ["names/romanization-variant"]);
}

#[test]
fn a_forced_language_runs_that_language_s_packs() {
    // The config's `language` wins over detection: a German teaser in an
    // article the config calls German, however short.
    let text = "Kurz\n\nLesen Sie auch: Minsk\n";
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let forced: Vec<_> = check_article(&ruleset, text, Format::Plain, galley::Lang::parse("de"))
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect();
    assert_eq!(forced, ["markers/boilerplate"]);
    let english: Vec<_> = check_article(&ruleset, text, Format::Plain, galley::Lang::parse("en"))
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect();
    assert!(english.is_empty(), "{english:?}");
}

/// In a Cyrillic article the Latin letter is the intruder: `Mинск` with a
/// Latin M is fixed to Cyrillic, while `МС-21` typed in Cyrillic and a
/// `Telegram-канал` compound are right.
#[test]
fn mixed_script_in_a_russian_article_works_the_other_way() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let text = "Переговоры в Минске\n\nДелегация прибыла в Mинск в понедельник. Об этом сообщил Telegram-канал правительства, а также производитель самолёта МС-21.\n";
    let found: Vec<(String, Option<String>)> = check_article(&ruleset, text, Format::Plain, None)
        .into_iter()
        .filter(|d| &*d.rule == "language/mixed-script")
        .map(|d| (text[d.range].to_owned(), d.fix.map(|f| f.replacement)))
        .collect();
    assert_eq!(found, [("Mинск".to_owned(), Some("Минск".to_owned()))]);
    // The same words in an English article: МС-21 is the finding there.
    let en = "Talks in Minsk\n\nThe delegation discussed the МС-21 airliner and a Telegram-канал post on Monday.\n";
    let found: Vec<String> = check_text(&ruleset, en, Format::Plain)
        .into_iter()
        .filter(|d| &*d.rule == "language/mixed-script")
        .map(|d| en[d.range].to_owned())
        .collect();
    assert_eq!(found, ["МС-21"]);
}
