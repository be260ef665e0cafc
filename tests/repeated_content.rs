//! `markers/repeated-content` on its fixture articles in English, German and
//! Russian: each pattern fires once on its second copy, the look-alikes stay
//! silent, and `--fix` leaves an article with no run of blank lines.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use galley::{check_text, Format, Ruleset};

const ID: &str = "markers/repeated-content";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules/markers/repeated-content")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Line of each finding, the copy's text, and the label's line.
fn findings(text: &str) -> Vec<(usize, String, usize)> {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    check_text(&ruleset, text, Format::Plain)
        .into_iter()
        .filter(|d| &*d.rule == ID)
        .map(|d| {
            let label = d.labels.first().map_or(0, |l| line(l.range.start));
            (line(d.range.start), text[d.range].to_owned(), label)
        })
        .collect()
}

fn lines_of(text: &str) -> Vec<(usize, usize)> {
    findings(text).into_iter().map(|(l, _, f)| (l, f)).collect()
}

#[test]
fn each_copy_is_reported_once_with_its_first() {
    // headline, byline in a row, caption in a row, a sentence inside a
    // paragraph, the headline again at the end
    assert_eq!(
        lines_of(&read("fires.txt")),
        [(3, 1), (7, 5), (15, 13), (17, 11), (21, 1)]
    );
    assert_eq!(lines_of(&read("fires-counter.txt")), [(5, 1)]);
    assert_eq!(lines_of(&read("fires-breadcrumb.txt")), [(3, 1)]);
    assert_eq!(lines_of(&read("fires-de.txt")), [(3, 1), (9, 7)]);
    assert_eq!(lines_of(&read("fires-ru.txt")), [(5, 1), (11, 9)]);
    let passage = findings(&read("fires-passage.txt"));
    assert_eq!(passage.len(), 1);
    assert!(passage[0].1.starts_with("the former mayor") && passage[0].1.ends_with("law"));
}

#[test]
fn look_alikes_stay_silent() {
    for name in ["silent.txt", "silent-de.txt", "silent-ru.txt"] {
        assert_eq!(findings(&read(name)), [], "{name}");
    }
}

#[test]
fn short_units_count_as_the_headline_in_a_row_or_a_line_printed_twice() {
    // A byline printed twice apart is a copy; the headline at the end too.
    let text = "Talks in Minsk resume\n\nBy Ivan Petrov\n\nThe talks resumed on Monday.\n\nBy Ivan Petrov\n\nTalks in Minsk resume\n";
    assert_eq!(lines_of(text), [(7, 3), (9, 1)]);
    // Printed three times, it is the article's own recurring line.
    let thrice = "Talks in Minsk resume\n\nBy Ivan Petrov\n\nThe talks resumed on Monday.\n\nBy Ivan Petrov\n\nThey went on on Tuesday.\n\nBy Ivan Petrov\n";
    assert_eq!(lines_of(thrice), []);
    let in_a_row = "Talks resume\n\nIvan Petrov\nIvan Petrov\n\nYes\n\nYes\n";
    assert_eq!(lines_of(in_a_row), [(4, 3)]);
}

#[test]
fn numbers_at_the_end_differ_unless_one_copy_alone_has_them() {
    let text = "Head\n\nThe number of people detained since the protests began rose to 120\n\nThe number of people detained since the protests began rose to 135\n";
    assert_eq!(lines_of(text), []);
}

#[test]
fn copies_that_follow_each_other_are_one_finding() {
    let text = "Head line here\n\nThe first paragraph of the article says something long enough.\n\nThe second paragraph of the article says something else entirely.\n\nThe first paragraph of the article says something long enough.\n\nThe second paragraph of the article says something else entirely.\n\nEnd.\n";
    let found = findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 7);
    assert!(found[0].1.ends_with("else entirely."));
}

#[test]
fn no_panic_on_degenerate_articles() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let long_line = "Лукашенко сказал это снова. ".repeat(40_000);
    let same = "The same sentence is printed again and again here.\n\n".repeat(5_000);
    for text in ["", "\n\n\n", "a", "é\n\né", &long_line, &same] {
        let _ = check_text(&ruleset, text, Format::Plain);
        let _ = check_text(&ruleset, text, Format::Markdown);
        let _ = check_text(&ruleset, text, Format::Html);
    }
}

#[test]
fn fix_leaves_no_run_of_blank_lines() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("article.txt");
    std::fs::write(&path, read("fires.txt")).expect("write");
    Command::cargo_bin("galley")
        .expect("binary builds")
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--no-config",
            "--fix",
            "--select",
            ID,
            "article.txt",
        ])
        .assert()
        .success();
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(!fixed.contains("\n\n\n"), "{fixed}");
    assert!(
        fixed.ends_with(".\n") && !fixed.ends_with("\n\n"),
        "{fixed}"
    );
    assert_eq!(fixed.matches("Anna Kovalenko").count(), 1);
    assert_eq!(fixed.matches("opens its tenth shop").count(), 1);
    assert_eq!(findings(&fixed), []);
}

#[test]
fn the_old_id_still_names_the_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("article.txt"), read("fires-counter.txt")).expect("write");
    std::fs::write(
        tmp.path().join("galley.toml"),
        "[severity]\n\"markers/repeated-headline\" = \"off\"\n",
    )
    .expect("write");
    let out = Command::cargo_bin("galley")
        .expect("binary builds")
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .args(["check", "--format", "short", "article.txt"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains(ID), "{stdout}");
    assert!(
        stderr.contains("part of `markers/repeated-content`"),
        "{stderr}"
    );
}

#[test]
fn a_url_slug_of_the_headline_is_not_a_copy() {
    let text =
        "talks-in-minsk-resume-after-two-weeks\n\nTalks in Minsk resume after two weeks\n\nBody.\n";
    assert_eq!(lines_of(text), []);
}

#[test]
fn a_front_matter_title_printed_as_the_body_s_heading_is_not_a_copy() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let text = "---\ntitle: Brest crossing reopens for lorries today\n---\n\n# Brest crossing reopens for lorries today\n\nBody text here.\n\nBrest crossing reopens for lorries today\n";
    let found: Vec<_> = check_text(&ruleset, text, Format::Markdown)
        .into_iter()
        .filter(|d| &*d.rule == ID)
        .map(|d| {
            (
                text[..d.range.start].lines().count() + 1,
                d.fix.map(|f| f.applicability),
            )
        })
        .collect();
    assert_eq!(found, [(9, Some(galley::Applicability::Unsafe))]);
}

#[test]
fn min_words_is_checked_and_raises_the_bar() {
    use galley::packs::PackSource;
    let pack = |min: i64| {
        Ruleset::compile(vec![PackSource {
            name: "test.toml".into(),
            text: format!(
                "[[rule]]\nid = \"markers/twice\"\nkind = \"repeated-content\"\nmin-words = {min}\n"
            )
            .into(),
        }])
    };
    assert!(pack(2).is_err());
    let text = "Talks resume\n\nThe delegation left Minsk for Moscow on Monday.\n\nMore text.\n\nThe delegation left Minsk for Moscow on Monday.\n\nThe end.\n";
    let count = |r: &Ruleset| check_text(r, text, Format::Plain).len();
    assert_eq!(count(&pack(7).expect("compiles")), 1);
    assert_eq!(count(&pack(10).expect("compiles")), 0);
}

#[test]
fn a_reworded_headline_just_under_the_headline() {
    let got = findings(&read("fires-reworded.txt"));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!((got[0].0, got[0].2), (3, 1));
}

#[test]
fn a_caption_printed_twice_apart() {
    assert_eq!(lines_of(&read("fires-caption-twice.txt")), [(9, 3)]);
}

#[test]
fn a_standfirst_and_an_interview_s_speakers_are_not_copies() {
    assert_eq!(findings(&read("silent-reworded.txt")), []);
}
