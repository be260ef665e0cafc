//! The typography kinds of issue 13 (quotation model, spacing, apostrophes,
//! stray marks), each firing and staying silent as docs/rules.md says, through
//! the library API with rules written for the test.

use galley::fix::apply;
use galley::packs::PackSource;
use galley::{check_text, Format, Ruleset};

fn rules(toml: &str) -> Ruleset {
    Ruleset::compile(vec![PackSource {
        name: "test.toml".into(),
        text: toml.into(),
    }])
    .unwrap_or_else(|e| panic!("{:?}", e.errors))
}

fn one(kind: &str, extra: &str) -> Ruleset {
    rules(&format!(
        "[[rule]]\nid = \"typography/t\"\nkind = \"{kind}\"\n{extra}\n"
    ))
}

/// What the rule flagged, as written in the text.
fn found(ruleset: &Ruleset, text: &str) -> Vec<String> {
    check_text(ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| text[d.range].to_owned())
        .collect()
}

fn fixed(ruleset: &Ruleset, text: &str) -> String {
    let d = check_text(ruleset, text, Format::Plain);
    apply(text, &d, |_| true).text
}

#[test]
fn quote_balance_pairs_the_language_s_marks() {
    let r = one("quote-balance", "");
    // A quotation that goes on in the next paragraph reopens without closing.
    assert!(found(
        &r,
        "“The first part goes on.\n\n“And ends here,” he said.\n"
    )
    .is_empty());
    // One that does not is unclosed.
    assert_eq!(found(&r, "“The first part goes on.\n\nHe left.\n"), ["“"]);
    // Apostrophes, inch marks and the '90s are no marks.
    assert!(found(
        &r,
        "The ’90s, rock ’n’ roll, Belarus’ economy and a 12\" pipe.\n"
    )
    .is_empty());
    // Russian: „…“ nested inside «…» is the convention.
    let ru = "«Он сказал: „нет“ и ушёл», — добавил он журналистам после встречи.\n";
    assert!(found(&r, ru).is_empty(), "{:?}", found(&r, ru));
    // »» closes two quotations: no doubled mark, but the inner one should be in „…“.
    let ru = "«Это решение «Газпрома»», — сказал он журналистам после встречи.\n";
    assert_eq!(found(&r, ru), ["«Газпрома»"]);
    // «… closed with “: the mismatched mark is reported, with the expected closer offered.
    assert_eq!(
        fixed(&r, "«We are grateful, “he told the leader.\n"),
        "«We are grateful, »he told the leader.\n"
    );
    // A doubled opener loses one mark.
    assert_eq!(
        fixed(&r, "““We agree,” he said.\n"),
        "“We agree,” he said.\n"
    );
    // A nested quotation in the same marks gets the nested ones.
    assert_eq!(
        fixed(&r, "“The head of the “DPR” spoke,” they said.\n"),
        "“The head of the ‘DPR’ spoke,” they said.\n"
    );
}

#[test]
fn quote_punctuation_moves_spaces_across_marks() {
    let r = one("quote-punctuation", "");
    assert_eq!(
        fixed(&r, "“It is done, ”he added.\n"),
        "“It is done,” he added.\n"
    );
    assert_eq!(
        fixed(&r, "“It is done, ” he added.\n"),
        "“It is done,” he added.\n"
    );
    assert_eq!(
        fixed(&r, "“It is done.”He left.\n"),
        "“It is done.” He left.\n"
    );
    // A question mark before a lower-case attribution is English.
    assert!(found(&r, "“Is it done?” he asked.\n").is_empty());
    // French sets spaces inside its guillemets.
    let fr = "« Nous sommes prêts », a déclaré le ministre. « Vraiment ? » a demandé un journaliste de la radio.\n";
    assert!(found(&r, fr).is_empty(), "{:?}", found(&r, fr));
}

#[test]
fn dash_attribution_needs_a_mark_or_a_reporting_verb() {
    let r = one("dash-attribution", "verbs = [\"said\"]");
    assert_eq!(
        fixed(&r, "“We will not allow this”, — said the mayor.\n"),
        "“We will not allow this,” said the mayor.\n"
    );
    assert_eq!(found(&r, "We hold the line, - said the mayor.\n"), ["-"]);
    // Without the verb the dash and its words are no attribution.
    assert!(found(&r, "We hold the line, - then the mayor left.\n").is_empty());
    assert!(found(&r, "The plan — said to cost millions — failed.\n").is_empty());
}

#[test]
fn spacing_follows_the_language_s_conventions() {
    let before = one("space-before-punctuation", "");
    assert_eq!(found(&before, "He spoke , then left .\n"), [" ,", " ."]);
    // French sets a space before ? and :, not before a comma.
    let fr = "Le ministre a parlé à la presse , puis il est parti : qui a payé le voyage ? Personne ne le sait et le conseil se tait dans la ville.\n";
    assert_eq!(found(&before, fr), [" ,"]);
    let double = one("double-space", "");
    assert_eq!(found(&double, "The  talks resumed.\n"), ["  "]);
    assert!(found(&double, "Name     Votes\nSmith    1200\n").is_empty());
    // Markup blanked to spaces is not the article's: `**word**,` has no space before the comma.
    let md = "The **ministry**, said the *press* office.\n";
    assert!(check_text(&before, md, Format::Markdown).is_empty());
    assert!(check_text(&double, md, Format::Markdown).is_empty());
    let md = "The **ministry** , said the  office.\n";
    assert_eq!(check_text(&before, md, Format::Markdown).len(), 1);
    assert_eq!(check_text(&double, md, Format::Markdown).len(), 1);
    let missing = one("missing-space", "");
    assert_eq!(
        found(
            &missing,
            "It ended.Then see kremlin.ru and www.example.com/A.Page today.\n"
        ),
        ["."]
    );
}

#[test]
fn glued_words_read_the_article_s_own_words() {
    let r = one("glued-words", "allow = [\"goodwill\"]");
    assert_eq!(
        found(&r, "The staff reportedthat it reported no losses.\n"),
        ["reportedthat"]
    );
    // The first part must be a word of the article (or a function word).
    assert!(found(&r, "The staff reportedthat no losses occurred.\n").is_empty());
    // A glued form written twice is a name; an allowed compound is a word.
    assert!(found(
        &r,
        "ByteDance and InDesign, InDesign again; good goodwill.\n"
    )
    .is_empty());
}

#[test]
fn currency_convention_is_the_language_s() {
    let r = one("currency-spacing", "convention = true");
    assert_eq!(
        found(
            &r,
            "The bank lent $ 70 billion to the government this year.\n"
        ),
        ["$ "]
    );
    assert!(found(
        &r,
        "The bank lent $70 billion to the government this year.\n"
    )
    .is_empty());
    let de = "Die Regierung hat den Plan gebilligt, und das kostet 100 € pro Person und Jahr.\n";
    assert!(found(&r, de).is_empty());
    let de_tight =
        "Die Regierung hat den Plan gebilligt, und das kostet 100€ pro Person und Jahr.\n";
    assert_eq!(found(&r, de_tight), ["€"]);
}

#[test]
fn apostrophes_lost_and_mixed() {
    let r = one(
        "lost-apostrophe",
        "contractions = [\"didn’t\"]\nentity-types = [\"leader\"]\n[[entity]]\nname = \"Alexander Lukashenko\"\ntype = \"leader\"",
    );
    assert_eq!(found(&r, "He didnt go.\n"), ["didnt"]);
    assert_eq!(
        found(&r, "Lukashenko spoke. Then Lukashenkos aides left.\n"),
        ["Lukashenkos"]
    );
    // A plural of a name nobody writes with an apostrophe is left alone.
    assert!(found(&r, "Smith spoke. The Smiths were there.\n").is_empty());
    let m = one("mixed-apostrophes", "");
    assert_eq!(
        fixed(&m, "Russia’s and Ukraine’s leaders and Belarus's.\n"),
        "Russia’s and Ukraine’s leaders and Belarus’s.\n"
    );
}

#[test]
fn stray_marks_and_brackets() {
    let p = one("stray-period", "abbreviations = [\"approx\"]");
    assert_eq!(found(&p, "Units came from Kherson. direction.\n"), ["."]);
    assert!(found(
        &p,
        "He flew to St. Petersburg. U.S. officials said approx. five, e.g. the guards.\n"
    )
    .is_empty());
    let c = one("stray-capital", "");
    assert_eq!(
        found(&c, "as fast as possible On the battlefield itself.\n"),
        ["On"]
    );
    let b = one("bracket-balance", "");
    assert_eq!(found(&b, "The alliance (formed in 1949 met.\n"), ["("]);
    assert!(found(&b, "Two parts:\n1) one;\n2) two (see [1]). Fine :)\n").is_empty());
    let d = one("doubled-initial", "allow = [\"ll\"]");
    assert_eq!(found(&d, "It ddepends on the llama.\n"), ["ddepends"]);
}
