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

fn fixes(ruleset: &Ruleset, text: &str) -> Vec<(String, String)> {
    check_text(ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| {
            (
                text[d.range].to_owned(),
                d.fix.map(|f| f.replacement).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn mixed_quotes_with_the_language_s_marks() {
    let german = rules(
        r#"
[[rule]]
id = "typography/quotes-de"
kind = "mixed-quotes"
quotes = ["„“", "»«"]
nested-quotes = "‚‘"
"#,
    );
    // „…“ closes with the mark English opens with: still one German quotation each.
    assert_eq!(
        fixes(
            &german,
            "Titel\n\n„Wir bleiben“, sagte er. »Gut«, sagte sie. Andere sprachen von \"Erpressung\".\n"
        ),
        [("\"Erpressung\"".into(), "„Erpressung“".into())]
    );
    // A straight quotation inside a German one gets the nested marks.
    assert_eq!(
        fixes(
            &german,
            "Titel\n\n„Er sprach von \"Erpressung\" und ging“, sagte sie. „Gut“, sagte er.\n"
        ),
        [("\"Erpressung\"".into(), "‚Erpressung‘".into())]
    );
    let french = rules(
        r#"
[[rule]]
id = "typography/quotes-fr"
kind = "mixed-quotes"
quotes = ["«»"]
"#,
    );
    // The fix writes the space the article puts inside its guillemets.
    assert_eq!(
        fixes(
            &french,
            "Titre\n\n«\u{a0}Oui\u{a0}», dit-il. «\u{a0}Non\u{a0}», dit-elle. On parle de \"chantage\".\n"
        ),
        [("\"chantage\"".into(), "«\u{a0}chantage\u{a0}»".into())]
    );
    // The other way round, the guillemets and their spaces go.
    assert_eq!(
        fixes(
            &french,
            "Titre\n\n\"Oui\", dit-il. \"Non\", dit-elle. On parle de «\u{a0}chantage\u{a0}».\n"
        ),
        [("«\u{a0}chantage\u{a0}»".into(), "\"chantage\"".into())]
    );
    // Curly quotes are not French quotes: only « » and straight ones are compared.
    assert!(found(&french, "Titre\n\n“Oui”, dit-il. \"Non\", dit-elle.\n").is_empty());
}

#[test]
fn mixed_quotes_marks_are_checked() {
    for (quotes, message) in [
        (r#"quotes = ["„"]"#, "invalid quotation marks `„`"),
        (r#"quotes = ["\"\""]"#, "invalid quotation marks `\"\"`"),
        (r#"quotes = []"#, "`quotes` needs at least one pair"),
        (
            r#"quotes = ["„“", "“”"]"#,
            "opens one pair and closes another",
        ),
        (r#"nested-quotes = "abc""#, "invalid quotation marks `abc`"),
    ] {
        let toml = format!("[[rule]]\nid = \"typography/q\"\nkind = \"mixed-quotes\"\n{quotes}\n");
        let errors = Ruleset::compile(vec![PackSource {
            name: "test.toml".into(),
            text: toml.into(),
        }])
        .err()
        .unwrap_or_else(|| panic!("{quotes} compiled"))
        .errors;
        assert!(
            errors.iter().any(|e| e.message.contains(message)),
            "{quotes}: {:?}",
            errors.iter().map(|e| &e.message).collect::<Vec<_>>()
        );
    }
}

#[test]
fn currency_spacing_compares_each_position_with_itself() {
    let r = rules(
        r#"
[[rule]]
id = "typography/currency"
kind = "currency-spacing"
"#,
    );
    // "100 €" is the German form: next to "$300" it is no inconsistency.
    assert!(found(
        &r,
        "Titel\n\nEs kostet 100 € oder $300, danach 120 € und $450.\n"
    )
    .is_empty());
    // "100€" among "100 €" is; the fix writes the article's space (here a no-break one).
    assert_eq!(
        fixes(
            &r,
            "Titel\n\nEs kostet 100\u{a0}€, dann 120\u{a0}€, zuletzt 130€.\n"
        ),
        [("€".into(), "\u{a0}€".into())]
    );
    // On a tie, the symbol after the number keeps its space.
    assert_eq!(
        found(&r, "Titel\n\nEs kostet 100 €, dann 130€.\n"),
        ["typography/currency €"]
    );
    // "in 2020 $ 300": the symbol belongs to the number after it.
    assert_eq!(
        found(
            &r,
            "Title\n\nIn 2020 $ 300 million went in, in 2021 $400 million and $500 million.\n"
        ),
        ["typography/currency $ "]
    );
}

#[test]
fn doubled_word_skips_a_second_word_that_opens_a_compound() {
    let r = rules(
        r#"
[[rule]]
id = "typography/doubled"
kind = "doubled-word"
"#,
    );
    assert!(found(&r, "Title\n\nThey were in in-depth talks.\n").is_empty());
    assert!(found(
        &r,
        "Заголовок\n\nОн сказал, что что-то изменится, и ушел домой вечером.\n"
    )
    .is_empty());
    assert_eq!(
        found(
            &r,
            "Заголовок\n\nОн сказал сказал, что уйдет домой вечером.\n"
        ),
        ["typography/doubled сказал сказал"]
    );
    // "Der Der" is a slip even with its capitals: no reduplicated name is made of an article.
    assert_eq!(
        found(
            &r,
            "Titel\n\nDer Der Vertrag wurde am Montag unterzeichnet.\n"
        ),
        ["typography/doubled Der Der"]
    );
}

/// A pack's message is filled in one pass: article text that looks like a
/// placeholder is quoted as written, not filled in again.
#[test]
fn a_message_placeholder_in_the_article_is_not_filled_in() {
    let r = rules(
        r#"
[[rule]]
id = "style/braces"
kind = "occurrence"
pattern = '\{count\}'
max = 0
message = "'{found}' is written {count} times"
"#,
    );
    let text = "Title\n\nThe template said {count} here.\n";
    let messages: Vec<String> = check_text(&r, text, Format::Plain)
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(messages, ["'{count}' is written 1 times"]);
}

#[test]
fn page_residue_reads_lines_by_shape_and_max_words() {
    let r = rules(
        r#"
[[rule]]
id = "markers/interface"
kind = "page-residue"
max-words = 2
"#,
    );
    let text = "Talks resume in Minsk\n\n• 512 views\n\nHome » Politics » World »\n\nMinsk 08:15\n\nThe talks resumed on Monday at 10:30, the ministry said.\n";
    assert_eq!(
        found(&r, text),
        [
            "markers/interface • 512 views",
            "markers/interface Minsk 08:15"
        ]
    );
}

#[test]
fn phrase_table_guards_position_neighbours_case_and_explanations() {
    let ruleset = rules(
        r#"
[pack]
name = "test"
language = "en"

[[rule]]
id = "house/phrases"
kind = "phrase-table"
severity = "info"
message = "'{found}' ({source})"

[[rule.entries]]
phrase = "Recall that"
source = "an opener"
why = "it announces the fact"
rewrite = "state the fact"
fix = ""
position = "sentence-start"
example = "Recall that the port closed."
silent = "I recall that day."
fixed = "The port closed."

[[rule.entries]]
phrase = "the head of state"
source = "a second mention"
why = "English names him"
rewrite = "the president"
not-before = ["visit"]
example = "The head of state said so."
silent = "The head of state visit was cancelled."

[[rule.entries]]
phrase = "ZSU"
source = "the Armed Forces of Ukraine"
why = "an acronym"
rewrite = "the Armed Forces of Ukraine"
exact-case = true
once = true
explained-by = ["armed forces"]
example = "Units of the ZSU held the line."
silent = "A ZSU-23-4 gun fired."
"#,
    );
    assert_eq!(
        found(
            &ruleset,
            "Harbour news\n\nRecall that the port closed. I recall that day. The head of state said so; the head of state visit was cancelled.\n"
        ),
        ["house/phrases Recall that", "house/phrases The head of state"]
    );
    // Once per article; a hyphen makes it a designation; a spelled-out form
    // near an occurrence explains it, one in another paragraph does not.
    let text = "Front news\n\nThe ZSU held. The ZSU-23-4 fired. The ZSU left.\n\nThe armed forces regrouped.\n";
    let d = check_text(&ruleset, text, Format::Plain);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(&text[d[0].range.clone()], "ZSU");
    assert_eq!(d[0].labels.len(), 1);
    let explained = "Front news\n\nThe armed forces (ZSU) held. The ZSU left.\n";
    assert!(check_text(&ruleset, explained, Format::Plain).is_empty());
    // Its entries' examples and look-alikes are its own cases.
    let outcome = ruleset.run_self_tests(|_| true);
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    assert_eq!(outcome.passed, 6);
}
