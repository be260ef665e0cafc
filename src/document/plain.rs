//! Plain-text articles: paragraphs are runs of non-blank lines; the headline
//! is the first short line, unless that line is a site name left by a scraper.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lang::{Lang, WordSet};

/// Domain labels that mark a short line as a site name (`Example NET`); the
/// words of each language that do (`News`, `Nachrichten`, `Новости`) are in
/// its profile's `site-words`.
const DOMAIN_WORDS: &[&str] = &["NET", "COM", "ORG", "INFO", "RU", "BY", "UA", "TV"];

/// Every word that marks a short line as a site or feed name. The masthead
/// is found before the article's language is known, so the words of every
/// language count.
fn site_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        DOMAIN_WORDS
            .iter()
            .map(|w| Box::from(*w))
            .chain(Lang::all().flat_map(|l| l.profile().site_words.iter().cloned()))
            .collect()
    });
    &WORDS
}

const TLDS: &[&str] = &[
    ".com", ".net", ".org", ".info", ".ru", ".by", ".ua", ".news", ".io", ".eu", ".uk", ".de",
    ".at", ".ch", ".fr", ".be", ".es", ".pl", ".kz", ".рф", ".бел", ".укр",
];
/// A headline longer than this is taken for an opening paragraph.
const HEADLINE_MAX_WORDS: usize = 30;

/// Paragraphs, headline and masthead of a plain-text article.
pub(super) fn structure(text: &str) -> Structure {
    let lines = non_blank_lines(text);
    let paragraphs = paragraphs(text, &lines);
    let (headline, masthead) = headline(text, &lines);
    (paragraphs, headline, masthead)
}

/// The same for a marked-up article, whose blocks are known. A headline the
/// markup names (front-matter title, `<h1>`) is taken as it is; the masthead
/// is then the site-name blocks of the body above it.
pub(super) fn structure_of_blocks(
    text: &str,
    blocks: &[Range<usize>],
    named: Option<Range<usize>>,
    body_start: usize,
) -> Structure {
    let body: Vec<Range<usize>> = blocks
        .iter()
        .filter(|b| b.start >= body_start)
        .cloned()
        .collect();
    let (headline, masthead) = match named {
        // A headline from the front matter stands above the body: the site
        // lines the body opens with are the masthead.
        Some(h) if h.start < body_start => {
            let masthead = body
                .iter()
                .take_while(|b| is_site_line(&text[(*b).clone()]))
                .cloned()
                .collect();
            (Some(h), masthead)
        }
        Some(h) => {
            let masthead = body
                .iter()
                .take_while(|b| b.end <= h.start)
                .filter(|b| is_site_line(&text[(*b).clone()]))
                .cloned()
                .collect();
            (Some(h), masthead)
        }
        None => headline(text, &body),
    };
    (blocks.to_vec(), headline, masthead)
}

pub(super) type Structure = (Vec<Range<usize>>, Option<Range<usize>>, Vec<Range<usize>>);

fn non_blank_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let s = start + trimmed_start;
            out.push(s..s + body.len());
        }
        start += line.len();
    }
    out
}

fn paragraphs(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for l in lines {
        match out.last_mut() {
            // Adjacent when only one line break lies between them.
            Some(p) if text[p.end..l.start].matches('\n').count() <= 1 => p.end = l.end,
            _ => out.push(l.clone()),
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_site_line(s: &str) -> bool {
    word_count(s) <= 4
        && !s.ends_with(['.', '!', '?', ':', ',', ';'])
        && s.split_whitespace().any(|w| {
            let lower = w.to_lowercase();
            site_words().contains(w)
                || TLDS
                    .iter()
                    .any(|t| lower.ends_with(t) && lower.len() > t.len())
        })
}

fn looks_like_headline(s: &str) -> bool {
    let words = word_count(s);
    (1..=HEADLINE_MAX_WORDS).contains(&words)
}

fn normalized(s: &str) -> String {
    s.trim_end_matches(['.', '!', '?', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn headline(text: &str, lines: &[Range<usize>]) -> (Option<Range<usize>>, Vec<Range<usize>>) {
    let Some(first) = lines.first() else {
        return (None, Vec::new());
    };
    // A scraper that repeats the headline at the end tells us which line it was.
    if lines.len() >= 3 {
        let last = normalized(&text[lines[lines.len() - 1].clone()]);
        for k in 1..lines.len().min(4) - 1 {
            let above = &lines[..k];
            if normalized(&text[lines[k].clone()]) == last
                && above.iter().all(|l| word_count(&text[l.clone()]) <= 6)
            {
                return (Some(lines[k].clone()), above.to_vec());
            }
        }
    }
    if lines.len() >= 2
        && is_site_line(&text[first.clone()])
        && looks_like_headline(&text[lines[1].clone()])
    {
        return (Some(lines[1].clone()), vec![first.clone()]);
    }
    let headline = looks_like_headline(&text[first.clone()]).then(|| first.clone());
    (headline, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<&str>, Vec<&str>) {
        let (_, headline, masthead) = structure(text);
        (
            headline.map(|r| &text[r]),
            masthead.into_iter().map(|r| &text[r]).collect(),
        )
    }

    #[test]
    fn first_short_line_is_the_headline() {
        assert_eq!(
            head("Minsk talks resume\n\nBody text here.\n"),
            (Some("Minsk talks resume"), vec![])
        );
    }

    #[test]
    fn a_site_name_above_the_headline_is_masthead() {
        assert_eq!(
            head("Example NET\n\nMinsk talks resume\n\nBody text.\n"),
            (Some("Minsk talks resume"), vec!["Example NET"])
        );
        assert_eq!(
            head("example.com\nMinsk talks resume\n\nBody.\n"),
            (Some("Minsk talks resume"), vec!["example.com"])
        );
    }

    #[test]
    fn site_names_in_other_languages() {
        assert_eq!(
            head("Новости Минска\n\nПереговоры возобновились\n\nТекст.\n"),
            (Some("Переговоры возобновились"), vec!["Новости Минска"])
        );
        assert_eq!(
            head("beispiel.de\nGespräche in Minsk\n\nText.\n"),
            (Some("Gespräche in Minsk"), vec!["beispiel.de"])
        );
    }

    #[test]
    fn a_repeated_last_line_names_the_headline() {
        assert_eq!(
            head("Feed 24\n\nMinsk talks resume\n\nBody.\n\nMinsk talks resume\n"),
            (Some("Minsk talks resume"), vec!["Feed 24"])
        );
    }

    #[test]
    fn a_byline_is_not_taken_for_a_site() {
        assert_eq!(
            head("Minsk talks resume\nBy Ivan Petrov\n\nBody.\n"),
            (Some("Minsk talks resume"), vec![])
        );
    }

    #[test]
    fn no_headline_when_the_article_opens_with_a_paragraph() {
        let long = "word ".repeat(40);
        assert_eq!(head(&long), (None, vec![]));
        assert_eq!(head(""), (None, vec![]));
    }
}
