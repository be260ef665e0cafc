//! The Document: one article's original text and its structure (words,
//! sentences, paragraphs, headline), built once and read by every rule.
//! Every range is a byte range into the original text.

mod line_index;
mod plain;
pub mod sentences;

use std::ops::Range;

pub use line_index::{floor_char_boundary, LineIndex, Position, PositionCursor};
use unicode_segmentation::UnicodeSegmentation;

/// The input formats galley knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
}

impl Format {
    /// Article extensions checked when walking a directory.
    pub const EXTENSIONS: &'static [&'static str] = &["txt", "text"];

    pub fn from_path(_path: &std::path::Path) -> Format {
        Format::Plain
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// First word of its sentence: its capital letter says nothing about it being a name.
    pub sentence_initial: bool,
}

impl Word {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub format: Format,
    pub lines: LineIndex,
    /// Maximal runs of non-blank lines, trimmed.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, never crossing a paragraph boundary, in order.
    pub sentences: Vec<Range<usize>>,
    /// Words in order (UAX #29 word segments holding a letter or digit).
    pub words: Vec<Word>,
    /// The article's headline, where one can be told.
    pub headline: Option<Range<usize>>,
    /// Non-empty lines above the headline (site names, scraper residue).
    pub masthead: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str, format: Format) -> Self {
        match format {
            Format::Plain => plain::parse(text),
        }
    }

    fn from_parts(
        text: &'a str,
        format: Format,
        paragraphs: Vec<Range<usize>>,
        headline: Option<Range<usize>>,
        masthead: Vec<Range<usize>>,
    ) -> Self {
        let lines = LineIndex::new(text);
        let mut sentences_out = Vec::new();
        for p in &paragraphs {
            sentences_out.extend(sentences::split(text, p.clone()));
        }
        let words = tokenize(text, &paragraphs, &sentences_out);
        Document {
            text,
            format,
            lines,
            paragraphs,
            sentences: sentences_out,
            words,
            headline,
            masthead,
        }
    }

    pub fn slice(&self, r: &Range<usize>) -> &'a str {
        self.text.get(r.clone()).unwrap_or("")
    }

    /// Index of the sentence holding `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        containing(&self.sentences, offset)
    }

    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        containing(&self.paragraphs, offset)
    }

    /// Index of the first word starting at or after `offset`.
    pub fn word_index_from(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.start < offset)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

fn containing(ranges: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.start <= offset);
    let i = i.checked_sub(1)?;
    (offset < ranges[i].end).then_some(i)
}

fn tokenize(text: &str, paragraphs: &[Range<usize>], sentences: &[Range<usize>]) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut next_sentence = 0;
    for p in paragraphs {
        for (i, w) in text[p.clone()].split_word_bound_indices() {
            if !w.chars().any(char::is_alphanumeric) {
                continue;
            }
            let start = p.start + i;
            let mut sentence_initial = false;
            while next_sentence < sentences.len() && sentences[next_sentence].start <= start {
                sentence_initial = true;
                next_sentence += 1;
            }
            words.push(Word {
                start,
                end: start + w.len(),
                sentence_initial,
            });
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_sentences_and_paragraphs_point_into_the_original() {
        let text = "Headline here\n\nLukashenka’s plan. The MiG-25 flew.\nSecond line.\n\nLast.";
        let doc = Document::parse(text, Format::Plain);
        let para: Vec<_> = doc.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            para,
            [
                "Headline here",
                "Lukashenka’s plan. The MiG-25 flew.\nSecond line.",
                "Last."
            ]
        );
        let sent: Vec<_> = doc.sentences.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            sent,
            [
                "Headline here",
                "Lukashenka’s plan.",
                "The MiG-25 flew.",
                "Second line.",
                "Last."
            ]
        );
        let words: Vec<_> = doc.words.iter().map(|w| &text[w.range()]).collect();
        assert_eq!(words[2], "Lukashenka’s");
        assert!(words.contains(&"MiG") && words.contains(&"25"));
        let initial: Vec<_> = doc
            .words
            .iter()
            .filter(|w| w.sentence_initial)
            .map(|w| &text[w.range()])
            .collect();
        assert_eq!(
            initial,
            ["Headline", "Lukashenka’s", "The", "Second", "Last"]
        );
        assert_eq!(doc.sentence_at(text.find("plan").unwrap()), Some(1));
        assert_eq!(doc.paragraph_at(text.find("Last").unwrap()), Some(2));
        assert_eq!(doc.paragraph_at(text.find("\n\nLast").unwrap()), None);
    }
}
