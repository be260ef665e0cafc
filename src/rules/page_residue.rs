//! `page-residue`: a line the scraper kept from the page's interface rather
//! than the article — a breadcrumb (`Home » World »`), a clock line
//! (`Minsk 19:46`), a counter (`• 1200 views`), a bare number pair (`11 0`),
//! a URL slug, an empty label (`Date:`), a menu line (`All news`).
//!
//! Found by structure, line by line: a line is residue only when it is short,
//! is no sentence (no final punctuation, hardly any function words of the
//! article's language) and has one of these shapes. The interface words are
//! data: each language profile's `ui-words`, all languages at once, since a
//! translated page keeps the interface of the site it came from.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::deletion::clean_deletion;
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::document::line_shape::{
    byline_words, credit_words, ends_as_sentence, is_clock, is_date, is_number, is_separator,
    is_slug, is_weekday_row, normalize, ui_words,
};

/// The fields of a `page-residue` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Lines of more words are taken for prose, whatever their shape.
    max_words: Option<Spanned<i64>>,
}

const DEFAULT_MAX_WORDS: usize = 8;
/// Longer lines are prose or a headline: never scanned for a shape.
const MAX_LINE_BYTES: usize = 400;

pub struct PageResidue {
    meta: RuleMeta,
    max_words: usize,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let max_words = cx.bounded(raw.max_words, "max-words", 1..=40, DEFAULT_MAX_WORDS)?;
    Some(Box::new(PageResidue { meta, max_words }))
}

/// The shapes of residue, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Slug,
    Counter,
    NumberPair,
    Clock,
    Breadcrumb,
    EmptyLabel,
    Menu,
    Credit,
    Calendar,
    Placeholder,
    Script,
    EmptyByline,
    Teaser,
}

impl Shape {
    fn describe(self) -> &'static str {
        match self {
            Shape::Slug => "a URL slug",
            Shape::Counter => "a view or comment counter",
            Shape::NumberPair => "a bare pair of counters",
            Shape::Clock => "a clock or date line",
            Shape::Breadcrumb => "a breadcrumb or menu path",
            Shape::EmptyLabel => "an empty label",
            Shape::Menu => "a menu or section label",
            Shape::Credit => "a photo credit",
            Shape::Calendar => "a calendar's row of weekdays",
            Shape::Placeholder => "a template placeholder",
            Shape::Script => "a piece of the page's script",
            Shape::EmptyByline => "a byline with no name",
            Shape::Teaser => "another article's link with its date and counter",
        }
    }
}

/// A photo credit opening a line: `© Agency` up to its comma (the caption
/// or the lede may follow on the same line), or a credit word and a
/// separator before a short source (`Photo: example.org`, `Фото – ТАСС`).
fn credit(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let s = &text[line.clone()];
    if let Some(rest) = s.strip_prefix('©').or_else(|| s.strip_prefix("(c) ")) {
        let head = rest
            .find([',', ';', '.', '|'])
            .map_or(rest, |end| &rest[..end]);
        let words = head.split_whitespace().count();
        if (1..=4).contains(&words) {
            let end = s.len() - rest.len() + head.trim_end().len();
            return Some(line.start..line.start + end);
        }
        return None;
    }
    // A credit's label is a word or two ("Photo", "Source") before a colon
    // or a dash: a line of prose is left at its third word, unread beyond.
    let mut words = 0;
    let mut in_word = false;
    let mut split = None;
    for (i, c) in s.char_indices() {
        if matches!(c, ':' | '–' | '—' | '-') {
            split = Some((i, c));
            break;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > 2 {
                return None;
            }
        }
    }
    let (at, mark) = split?;
    let (label, rest) = (&s[..at], &s[at + mark.len_utf8()..]);
    if words == 0 {
        return None;
    }
    let label_words: Vec<String> = label.split_whitespace().map(normalize).collect();
    let tail = rest.split_whitespace().count();
    let is_credit = !label_words.is_empty()
        && label_words.len() <= 2
        && credit_words().contains(label_words.join(" ").as_str())
        && (1..=4).contains(&tail)
        && !ends_as_sentence(s);
    is_credit.then_some(line)
}

/// A template's slot name printed in place of its content: the same
/// identifier repeated (`banner1 banner1`), letters joined to digits or an
/// underscore.
fn is_placeholder(pieces: &[&str]) -> bool {
    let Some(first) = pieces.first() else {
        return false;
    };
    let identifier = first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && first.chars().any(|c| c.is_ascii_alphabetic())
        && first.chars().any(|c| c.is_ascii_digit() || c == '_');
    pieces.len() >= 2 && identifier && pieces.iter().all(|p| p == first)
}

/// Script text printed as a line: a statement's `;` next to a brace
/// (`Advertisement'; }`, `});`).
fn is_script(s: &str) -> bool {
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    [";}", "};", "});", "');", "\";", "{var", "function("]
        .iter()
        .any(|m| squeezed.contains(m))
}

/// A link to another article left in the body: a headline run into its
/// date or time and a counter (`… 09.02.24, 12:14 • 1200 views`), the line
/// ending in the counter.
fn is_teaser(pieces: &[&str]) -> bool {
    let n = pieces.len();
    if n < 6 {
        return false;
    }
    let ui = |p: &str| ui_words().contains(normalize(p).as_str());
    let counter_at_end = is_number(pieces[n - 2]) && ui(pieces[n - 1]);
    let tail = &pieces[n.saturating_sub(6)..n - 2];
    let dated = tail.iter().any(|p| is_clock(p) || is_date(p))
        || tail
            .iter()
            .any(|p| p.ends_with(|c: char| c.is_ascii_digit()) && p.contains(':'));
    let separated = tail.iter().any(|p| matches!(*p, "•" | "·" | "|"));
    counter_at_end && dated && separated
}

/// A breadcrumb the headline was glued onto: `Home » World » The talks…`.
/// Two or more short items, each closed by a `»` or `›` standing between
/// spaces, open the line; what follows is left alone. A quotation mark
/// hugs its words, so German `»Wir…«` is never read as one.
fn breadcrumb_prefix(
    text: &str,
    line: Range<usize>,
    function: &[Box<str>],
) -> Option<Range<usize>> {
    let s = &text[line.clone()];
    // `»` ends in 0xBB, `›` in 0xBA: one byte search for both.
    let b = s.as_bytes();
    let marked = memchr::memchr2_iter(0xBB, 0xBA, b).any(|i| {
        let before = &b[..i];
        if b[i] == 0xBB {
            before.ends_with(&[0xC2])
        } else {
            before.ends_with(&[0xE2, 0x80])
        }
    });
    if !marked {
        return None;
    }
    let mut items = 0;
    let mut words_in_item = 0;
    let mut end = None;
    let mut offset = 0;
    for piece in s.split(' ') {
        let here = offset;
        offset += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        if piece == "»" || piece == "›" {
            if words_in_item == 0 {
                break;
            }
            items += 1;
            words_in_item = 0;
            end = Some(here + piece.len());
            continue;
        }
        words_in_item += 1;
        // A function word makes the items a sentence's phrases, not menu entries.
        let word = normalize(piece);
        if words_in_item > 3
            || piece.ends_with(['.', ',', ':', ';'])
            || function.iter().any(|f| **f == *word)
        {
            break;
        }
    }
    let end = end?;
    (items >= 2 && end < s.len()).then(|| line.start..line.start + end)
}

impl PageResidue {
    /// `pieces` is scratch space, kept between lines.
    fn shape<'t>(
        &self,
        cx: &Context<'_>,
        text: &'t str,
        line: Range<usize>,
        alone: bool,
        pieces: &mut Vec<&'t str>,
    ) -> Option<Shape> {
        let s = &text[line.clone()];
        if s.len() > MAX_LINE_BYTES || ends_as_sentence(s) {
            return None;
        }
        pieces.clear();
        pieces.extend(s.split_whitespace());
        let pieces = &pieces[..];
        if pieces.len() == 1 && alone && is_slug(pieces[0]) {
            return Some(Shape::Slug);
        }
        if alone && is_weekday_row(pieces) {
            return Some(Shape::Calendar);
        }
        if is_placeholder(pieces) {
            return Some(Shape::Placeholder);
        }
        if pieces.len() <= 8 && is_script(s) {
            return Some(Shape::Script);
        }
        if pieces.len() >= 2
            && byline_words().contains(normalize(pieces[0]).as_str())
            && is_separator(pieces[1])
            && !pieces[0].ends_with(':')
        {
            return Some(Shape::EmptyByline);
        }
        if alone && is_teaser(pieces) {
            return Some(Shape::Teaser);
        }
        let words: Vec<String> = pieces
            .iter()
            .map(|p| normalize(p))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > self.max_words {
            return None;
        }
        let function = &cx.doc.language.profile().function_words.detection;
        let function_words = words
            .iter()
            .filter(|w| function.iter().any(|f| **f == **w))
            .count();
        if function_words >= 2 {
            return None;
        }
        let ui = ui_words();
        let is_ui = |w: &str| ui.contains(w);
        let numbers: Vec<usize> = (0..words.len()).filter(|&i| is_number(&words[i])).collect();

        // A number beside an interface word: "• 1200 views", "Comments (14)".
        let counter = numbers.iter().any(|&i| {
            (i > 0 && is_ui(&words[i - 1])) || words.get(i + 1).is_some_and(|w| is_ui(w))
        });
        // One number: two are a score or a range ("Home 3, Away 1").
        if counter && numbers.len() == 1 && words.len() <= 5 {
            return Some(Shape::Counter);
        }
        if alone && words.len() == 2 && numbers.len() == 2 && pieces.len() == 2 {
            return Some(Shape::NumberPair);
        }
        let times = pieces.iter().filter(|p| is_clock(p) || is_date(p)).count();
        // A paragraph alone: a schedule's lines ("10:00 Opening") are prose.
        if times >= 1 && alone && words.len() <= 3 + times && function_words == 0 {
            return Some(Shape::Clock);
        }
        // Breadcrumbs: short items between separators, none of them a number
        // (a row of a table), the line a paragraph of its own.
        let separators = pieces.iter().filter(|p| is_separator(p)).count();
        if separators >= 1 && alone && function_words == 0 {
            let items: Vec<usize> = s
                .split(|c: char| "»›|•·/>—–".contains(c))
                .map(|item| item.split_whitespace().count())
                .collect();
            let filled: Vec<&usize> = items.iter().filter(|&&n| n > 0).collect();
            let short = filled.iter().all(|&&n| n <= 3);
            let numeric_item = s.split(|c: char| "»›|•·/>—–".contains(c)).any(|item| {
                !item.trim().is_empty() && item.trim().chars().all(|c| !c.is_alphabetic())
            });
            let dangling = items.first() == Some(&0) || items.last() == Some(&0);
            let strong = pieces.iter().any(|p| matches!(*p, "»" | "›" | "•" | "·"));
            if short
                && !numeric_item
                && filled.len() >= 2
                && (separators >= 2 || dangling || (strong && words.len() <= 3))
            {
                return Some(Shape::Breadcrumb);
            }
        }
        let all_ui = words.iter().all(|w| is_ui(w)) || is_ui(&words.join(" "));
        if s.ends_with(':') && words.len() <= 3 && all_ui {
            return Some(Shape::EmptyLabel);
        }
        if alone && all_ui && numbers.is_empty() && words.len() <= 3 && !s.contains(':') {
            return Some(Shape::Menu);
        }
        None
    }
}

impl Rule for PageResidue {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let function = &cx.doc.language.profile().function_words.detection;
        let mut pieces = Vec::new();
        for para in &cx.doc.paragraphs {
            let mut start = para.start;
            let ptext = &text[para.clone()];
            // Most paragraphs are one line: no line is counted then.
            let lines_in = if memchr::memchr(b'\n', ptext.as_bytes()).is_none() {
                usize::from(!ptext.trim().is_empty())
            } else {
                ptext.lines().filter(|l| !l.trim().is_empty()).count()
            };
            for raw in text[para.clone()].split_inclusive('\n') {
                let line_end = start + raw.len();
                let content = raw.trim_end_matches(['\n', '\r']);
                let lead = content.len() - content.trim_start().len();
                let trimmed = content.trim();
                let range = start + lead..start + lead + trimmed.len();
                start = line_end;
                if trimmed.is_empty() || range.start < cx.doc.body_start {
                    continue;
                }
                let (shape, range) =
                    match self.shape(cx, text, range.clone(), lines_in == 1, &mut pieces) {
                        Some(shape) => (shape, range),
                        None => match credit(text, range.clone()) {
                            Some(credit) => (Shape::Credit, credit),
                            None => match breadcrumb_prefix(text, range, function) {
                                Some(prefix) => (Shape::Breadcrumb, prefix),
                                None => continue,
                            },
                        },
                    };
                let found = &text[range.clone()];
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", found)]),
                    None => format!(
                        "'{found}' is {} left from the page, not a line of the article",
                        shape.describe()
                    ),
                };
                let mut d = self.meta.diag(range.clone(), message);
                // Deleting the line is certainly right only where nothing of
                // it can be the article's: a slug, a counter of interface
                // words and numbers alone.
                let certain = match shape {
                    Shape::Slug => true,
                    Shape::Counter => found
                        .split_whitespace()
                        .map(normalize)
                        .filter(|w| !w.is_empty())
                        .all(|w| is_number(&w) || ui_words().contains(&w)),
                    _ => false,
                };
                if certain {
                    let del = clean_deletion(text, &cx.doc.lines, range);
                    d = d.with_help("delete the line").with_fix_at(
                        del,
                        String::new(),
                        Applicability::Safe,
                    );
                } else {
                    d = d.with_help("delete the line if the article does not need it");
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_breadcrumb_prefix_needs_two_short_items() {
        let f: Vec<Box<str>> = vec!["the".into(), "in".into()];
        fn cut<'a>(s: &'a str, f: &[Box<str>]) -> Option<&'a str> {
            breadcrumb_prefix(s, 0..s.len(), f).map(|r| &s[r])
        }
        let prefix = |s: &'static str| cut(s, &f);
        assert_eq!(
            prefix("Home » World » Talks resume"),
            Some("Home » World »")
        );
        assert_eq!(prefix("Home » Talks resume"), None);
        assert_eq!(prefix("The plan » in short » growth"), None);
        assert_eq!(prefix("» » ×"), None);
        assert_eq!(prefix("Дом » Мир »"), None);
    }
}
