//! `markers/site-boilerplate` on its fixture pages: each masthead pattern is
//! reported with the message its role calls for, and the look-alikes (a
//! standfirst, a speaker after a dash, a short headline, a headline that
//! holds a site word) stay silent.

use std::path::{Path, PathBuf};

use galley::{check_text, Format, Ruleset};

const ID: &str = "markers/site-boilerplate";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules/markers/site-boilerplate")
}

/// Line, text and message of each finding of the rule.
fn findings(name: &str) -> Vec<(usize, String, String)> {
    let text = std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    check_text(&ruleset, &text, Format::Plain)
        .into_iter()
        .filter(|d| &*d.rule == ID)
        .map(|d| {
            let line = text[..d.range.start].matches('\n').count() + 1;
            (line, text[d.range].to_owned(), d.message.clone())
        })
        .collect()
}

fn found(name: &str) -> Vec<(usize, String)> {
    findings(name).into_iter().map(|(l, t, _)| (l, t)).collect()
}

#[test]
fn a_site_name_its_tagline_and_share_bar_sit_above_the_headline() {
    // The share bar (line 7) is the boilerplate catalogue's: one finding
    // per line of debris, and the catalogue's comes first.
    let got = findings("fires-tagline.txt");
    let lines: Vec<usize> = got.iter().map(|(l, _, _)| *l).collect();
    assert_eq!(lines, [3, 5], "{got:#?}");
    assert!(got[0].2.contains("looks like a site name"), "{got:#?}");
    assert!(got[1].2.contains("tagline"), "{got:#?}");
}

#[test]
fn a_tag_above_a_longer_headline_is_a_label() {
    let got = findings("fires-label.txt");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].1, "Maria Kalesnikava");
    assert!(got[0].2.contains("tag or section label"), "{got:#?}");
}

#[test]
fn a_site_name_appended_to_the_headline() {
    assert_eq!(
        found("fires-suffix.txt"),
        [(1, "| Baltic Morning".to_owned())]
    );
    assert_eq!(
        found("fires-suffix-dash.txt"),
        [(1, "– breaking news from the region today".to_owned())]
    );
}

#[test]
fn a_section_path_glued_before_a_headline_printed_again() {
    assert_eq!(
        found("fires-breadcrumb.txt"),
        [(1, "Home Business".to_owned())]
    );
    assert_eq!(found("fires-ru.txt"), [(1, "Главная Экономика".to_owned())]);
}

#[test]
fn german_site_name_and_suffix() {
    assert_eq!(
        found("fires-de.txt"),
        [
            (1, "Tagesblatt Nachrichten".to_owned()),
            (3, "| Abendpost".to_owned())
        ]
    );
}

#[test]
fn look_alikes_stay_silent() {
    for name in [
        "silent.txt",
        "silent-standfirst.txt",
        "silent-speaker.txt",
        "silent-short-headline.txt",
        "silent-quoted.txt",
    ] {
        assert_eq!(findings(name), [], "{name}");
    }
}

#[test]
fn the_headline_rules_read_the_headline_without_its_suffix() {
    // The body prints the headline again without the site's name: once the
    // suffix is cut, the copy is the headline repeated.
    let text = "Grodno opens a new bridge over the Neman | Baltic Morning\n\nGrodno opens a new bridge over the Neman\n\nThe bridge opened on Monday after two years of work.\n";
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let rules: Vec<String> = check_text(&ruleset, text, Format::Plain)
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect();
    assert!(
        rules.contains(&"markers/repeated-content".to_owned()),
        "{rules:?}"
    );
}
