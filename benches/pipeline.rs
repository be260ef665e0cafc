//! Micro-benchmarks of galley's pipeline, with divan:
//!
//! ```sh
//! cargo bench --bench pipeline                 # everything
//! cargo bench --bench pipeline -- stages       # a filter: one group
//! ```
//!
//! Inputs come from the benchmark's corpus generator
//! (`examples/gen_corpus/corpus.rs`, seed 42): a typical plain-text article,
//! a typical Markdown one, a long one (~256 KB in paragraphs), and a 16 KB
//! article on a single line (the cliff case of `bench/run.sh`).
//!
//! - `check_text`: one article end to end with the shipped ruleset, compiled
//!   once outside the timed loop.
//! - `compile_shipped`: `Ruleset::shipped()`, galley's start-up cost;
//!   `startup_one_line`: that and the first check of a one-line article
//!   (the indexes rules build on first use).
//! - `stages`: `Source::read` (the Markdown reader), `Document::new` (with and
//!   without language detection), `sentences::split`, and the shipped
//!   lexicon scan (`Ruleset::check` with every rule switched off).
//! - `rule`: `Ruleset::check` with the shipped ruleset cut down to one rule;
//!   it includes the lexicon scan, so subtract `stages::lexicon_scan`.

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use galley::document::sentences;
use galley::{check_text, Document, Format, Ruleset, Source};

fn main() {
    divan::main();
}

const INPUTS: &[&str] = &["typical-txt", "typical-md", "long-256k", "line-16k"];

struct Inputs {
    typical_txt: String,
    typical_md: String,
    long: String,
    line: String,
}

static ARTICLES: LazyLock<Inputs> = LazyLock::new(|| {
    let typical = |ext: &str| {
        corpus::Generator::new(8 << 20, 42)
            .skip(1)
            .find(|a| {
                a.path.ends_with(ext)
                    && a.defects.is_empty()
                    && (3 << 10..6 << 10).contains(&a.text.len())
            })
            .expect("a typical article")
            .text
    };
    let mut long = String::new();
    for a in corpus::Generator::new(64 << 20, 42).skip(1) {
        if a.path.ends_with(".txt") && long.len() < 256 << 10 {
            long.push_str(&a.text);
            long.push('\n');
        }
        if long.len() >= 256 << 10 {
            break;
        }
    }
    // The first article is the single-line one: 1% of the corpus size.
    let line = corpus::Generator::new((16 << 10) * 100, 42)
        .next()
        .expect("the cliff article")
        .text;
    Inputs {
        typical_txt: typical(".txt"),
        typical_md: typical(".md"),
        long,
        line,
    }
});

fn input(name: &str) -> (&'static str, Format) {
    let a = &*ARTICLES;
    match name {
        "typical-txt" => (&a.typical_txt, Format::Plain),
        "typical-md" => (&a.typical_md, Format::Markdown),
        "long-256k" => (&a.long, Format::Plain),
        "line-16k" => (&a.line, Format::Plain),
        other => panic!("no input {other}"),
    }
}

static SHIPPED: LazyLock<Ruleset> =
    LazyLock::new(|| Ruleset::shipped().expect("the shipped packs compile"));

/// The shipped ruleset with only the rules `keep` names (none: the lexicon scan alone).
fn only(keep: Option<&str>) -> Ruleset {
    let mut r = Ruleset::shipped().expect("the shipped packs compile");
    r.configure(|m| (Some(&*m.id) == keep).then_some(m.severity));
    r
}

#[divan::bench(args = INPUTS)]
fn check_text_shipped(bencher: Bencher, name: &str) {
    let (text, format) = input(name);
    let ruleset = &*SHIPPED;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check_text(ruleset, black_box(text), format));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn compile_shipped() -> Ruleset {
    Ruleset::shipped().expect("the shipped packs compile")
}

/// The start-up of a one-file run (a pre-commit hook, an editor's save):
/// the shipped packs compiled and one line checked, each rule's first-use
/// indexes and regexes included (they belong to the new ruleset). What the
/// process itself costs (loading, arguments, config) is `bench/run.sh`'s
/// start-up figure; docs/benchmarks.md gives both. Printed, not asserted:
/// a timing threshold would fail on a busy machine.
#[divan::bench(args = ["en", "ru"], sample_count = 20, sample_size = 1)]
fn startup_one_line(language: &str) -> usize {
    let line = match language {
        "ru" => "Президент встретился с премьер-министром в Киеве в понедельник.\n",
        _ => "The president met the prime minister in Kyiv on Monday.\n",
    };
    let ruleset = Ruleset::shipped().expect("the shipped packs compile");
    check_text(&ruleset, black_box(line), Format::Plain).len()
}

mod stages {
    use super::*;

    /// The Markdown reader (a plain-text source is the text itself).
    #[divan::bench(args = ["typical-md"])]
    fn source_read(bencher: Bencher, name: &str) {
        let (text, format) = input(name);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| Source::read(black_box(text), format).text().len());
    }

    #[divan::bench(args = INPUTS)]
    fn document_new_detect_language(bencher: Bencher, name: &str) {
        let (text, format) = input(name);
        let source = Source::read(text, format);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| Document::new(black_box(&source), None).words.len());
    }

    #[divan::bench(args = INPUTS)]
    fn document_new_english(bencher: Bencher, name: &str) {
        let (text, format) = input(name);
        let source = Source::read(text, format);
        bencher.counter(BytesCount::of_str(text)).bench(|| {
            Document::new(black_box(&source), Some(galley::Lang::ENGLISH))
                .words
                .len()
        });
    }

    #[divan::bench(args = INPUTS)]
    fn sentences_split(bencher: Bencher, name: &str) {
        let (text, format) = input(name);
        let source = Source::read(text, format);
        let doc = Document::new(&source, Some(galley::Lang::ENGLISH));
        bencher.counter(BytesCount::of_str(text)).bench(|| {
            doc.paragraphs
                .iter()
                .map(|p| {
                    sentences::split(black_box(doc.text), p.clone(), galley::Lang::ENGLISH).len()
                })
                .sum::<usize>()
        });
    }

    #[divan::bench(args = INPUTS)]
    fn lexicon_scan(bencher: Bencher, name: &str) {
        let (text, format) = input(name);
        let source = Source::read(text, format);
        let doc = Document::new(&source, Some(galley::Lang::ENGLISH));
        let none = only(None);
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| none.check(black_box(&doc)));
    }
}

mod rule {
    use super::*;

    fn ids() -> Vec<String> {
        SHIPPED.rules().map(|m| m.id.to_string()).collect()
    }

    /// One shipped rule (plus the lexicon scan) on the long article.
    #[divan::bench(args = ids())]
    fn long_256k(bencher: Bencher, id: &str) {
        let (text, format) = input("long-256k");
        let source = Source::read(text, format);
        let doc = Document::new(&source, Some(galley::Lang::ENGLISH));
        let one = only(Some(id));
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| one.check(black_box(&doc)));
    }

    /// One shipped rule (plus the lexicon scan) on the single-line article.
    #[divan::bench(args = ids())]
    fn line_16k(bencher: Bencher, id: &str) {
        let (text, format) = input("line-16k");
        let source = Source::read(text, format);
        let doc = Document::new(&source, Some(galley::Lang::ENGLISH));
        let one = only(Some(id));
        bencher
            .counter(BytesCount::of_str(text))
            .bench(|| one.check(black_box(&doc)));
    }
}
