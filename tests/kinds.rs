//! The kinds no shipped rule uses (or uses only one way), each firing and
//! staying silent as docs/rules.md says, through the library API.

use galley::packs::PackSource;
use galley::{check_text, Format, Ruleset};

fn rules(toml: &str) -> Ruleset {
    Ruleset::compile(vec![PackSource {
        name: "test.toml".into(),
        text: toml.into(),
    }])
    .unwrap_or_else(|e| panic!("{:?}", e.errors))
}

fn found(ruleset: &Ruleset, text: &str) -> Vec<String> {
    check_text(ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| format!("{} {}", d.rule, &text[d.range]))
        .collect()
}

#[test]
fn occurrence_counts_terms_and_sentence_length() {
    let r = rules(
        r#"
[[rule]]
id = "style/very"
kind = "occurrence"
words = ["very"]
max = 2

[[rule]]
id = "style/long"
kind = "occurrence"
max-words = 8
"#,
    );
    assert_eq!(
        found(
            &r,
            "Title\n\nIt was very good. Very nice. And very, very late.\n"
        ),
        ["style/very very", "style/very very"]
    );
    assert_eq!(
        found(
            &r,
            "Title\n\nThis sentence has exactly nine words in it, friend.\n"
        ),
        ["style/long This"]
    );
    assert!(found(&r, "Title\n\nIt was very good. Short one.\n").is_empty());
}

#[test]
fn conditional_wants_an_acronym_defined_before_its_first_use() {
    let r = rules(
        r#"
[[rule]]
id = "style/acronym"
kind = "conditional"
if = '\b([A-Z]{2,6})\b'
then = '\(\s*$1\s*\)'
position = "before"
ignore = ["NATO", "EU"]
"#,
    );
    assert_eq!(
        found(&r, "Title\n\nThe CSTO met. NATO and the EU watched.\n"),
        ["style/acronym CSTO"]
    );
    assert!(found(
        &r,
        "Title\n\nThe Collective Security Treaty Organization (CSTO) met. The CSTO agreed.\n"
    )
    .is_empty());
}

#[test]
fn conditional_anywhere_wants_an_agency_when_a_quote_is_attributed() {
    let r = rules(
        r#"
[[rule]]
id = "markers/unsourced-quote"
kind = "conditional"
if = '”,? (?:he|she) said'
then = '\b(?:Reuters|TASS|BelTA|Interfax)\b'
"#,
    );
    assert_eq!(found(&r, "Title\n\n“We agree,” he said.\n").len(), 1);
    assert!(found(&r, "Title\n\n“We agree,” he said, according to BelTA.\n").is_empty());
}

#[test]
fn near_miss_with_its_own_term_list() {
    let r = rules(
        r#"
[[rule]]
id = "names/house-near"
kind = "near-miss"
terms = ["Tsikhanouskaya"]
"#,
    );
    assert_eq!(
        found(&r, "Title\n\nThe opposition leader Tsikhanouskya spoke.\n"),
        ["names/house-near Tsikhanouskya"]
    );
    assert!(found(&r, "Title\n\nThe opposition leader Tsikhanouskaya spoke.\n").is_empty());
}

#[test]
fn attribute_over_a_small_knowledge_base() {
    let r = rules(
        r#"
[[entity]]
name = "Siemens"
type = "maker"

[[entity]]
name = "Stadler"
type = "maker"

[[entity]]
name = "Sapsan"
type = "train"
maker = "Siemens"
role = ["high-speed"]

[[rule]]
id = "facts/train-maker"
kind = "attribute"
entity-type = "train"
attribute = "maker"
window = "adjacent"

[[rule]]
id = "facts/train-role"
kind = "attribute"
entity-type = "train"
attribute = "role"
window = "sentence"
values = { "high-speed train" = "high-speed", "freight train" = "freight" }
"#,
    );
    assert_eq!(
        found(&r, "Title\n\nThe Stadler Sapsan left.\n"),
        ["facts/train-maker Sapsan"]
    );
    assert_eq!(
        found(&r, "Title\n\nThe Sapsan, a freight train, left.\n"),
        ["facts/train-role Sapsan"]
    );
    assert!(found(
        &r,
        "Title\n\nThe Siemens Sapsan, a high-speed train, left. Stadler builds others.\n"
    )
    .is_empty());
}
