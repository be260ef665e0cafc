//! Plain-text articles: paragraphs are runs of non-blank lines; the headline
//! is the first short line, unless that line is a site name left by a scraper.

use std::ops::Range;

use super::masthead::{self, is_site_line, MastheadLine, MastheadRole};

/// Paragraphs, headline and masthead of a plain-text article.
pub(super) fn structure(text: &str) -> Structure {
    let lines = non_blank_lines(text);
    let paragraphs = paragraphs(text, &lines);
    let (headline, masthead) = masthead::head(text, &lines);
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
                .map(site_name)
                .collect();
            named_headline(text, h, masthead)
        }
        Some(h) => {
            let masthead = body
                .iter()
                .take_while(|b| b.end <= h.start)
                .filter(|b| is_site_line(&text[(*b).clone()]))
                .map(site_name)
                .collect();
            named_headline(text, h, masthead)
        }
        None => masthead::head(text, &body),
    };
    (blocks.to_vec(), headline, masthead)
}

fn site_name(r: &Range<usize>) -> MastheadLine {
    MastheadLine {
        range: r.clone(),
        role: MastheadRole::SiteName,
    }
}

/// A headline the markup names, less a site name its page title appended.
fn named_headline(
    text: &str,
    h: Range<usize>,
    masthead: Vec<MastheadLine>,
) -> (Option<Range<usize>>, Vec<MastheadLine>) {
    masthead::finish(text, std::slice::from_ref(&h), 0, masthead)
}

pub(super) type Structure = (Vec<Range<usize>>, Option<Range<usize>>, Vec<MastheadLine>);

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

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<&str>, Vec<&str>) {
        let (_, headline, masthead) = structure(text);
        (
            headline.map(|r| &text[r]),
            masthead.into_iter().map(|m| &text[m.range]).collect(),
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
