//! The Document: one article's original text and its structure (words,
//! tokens, sentences, paragraphs, headline), built once and read by every rule.
//! Every range is a byte range into the original text.

mod ascii_words;
pub mod dates;
mod front_matter;
mod html;
pub mod language;
mod line_index;
pub mod line_shape;
mod markdown;
mod masthead;
mod plain;
pub mod prose;
pub mod script;
pub mod sentences;
pub mod tokens;

use std::ops::Range;

use crate::lang::{Lang, WordSet};
pub use line_index::{floor_char_boundary, LineIndex, Position, PositionCursor};
pub use masthead::{MastheadLine, MastheadRole};
pub use tokens::{Token, TokenKind, TokenScript};
use unicode_segmentation::UnicodeSegmentation;

/// The input formats galley knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// Article extensions checked when walking a directory.
    pub const EXTENSIONS: &'static [&'static str] =
        &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

    /// The format an extension names; any other file given by name is read as plain text.
    pub fn from_path(path: &std::path::Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// An article as read from its file: the original text and, for marked-up
/// formats, its prose with the way back to the original.
#[derive(Debug)]
pub struct Source<'a> {
    pub original: &'a str,
    pub format: Format,
    prose: Option<prose::Prose>,
}

impl<'a> Source<'a> {
    pub fn read(original: &'a str, format: Format) -> Self {
        let prose = match format {
            Format::Plain => None,
            Format::Markdown => Some(markdown::read(original)),
            Format::Html => Some(html::read(original)),
        };
        Source {
            original,
            format,
            prose,
        }
    }

    /// The text rules read: the original, or the prose of a marked-up file.
    pub fn text(&self) -> &str {
        self.prose.as_ref().map_or(self.original, |p| &p.text)
    }

    /// Whether the rules read prose extracted from markup rather than the file itself.
    pub fn is_marked_up(&self) -> bool {
        self.prose.is_some()
    }

    /// The original range of a range in `text()`.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        match &self.prose {
            Some(p) => p.map.range(r),
            None => r,
        }
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
    /// The text rules read (for marked-up formats, the prose with markup blanked).
    pub text: &'a str,
    pub format: Format,
    /// The article's language: configured or detected.
    pub language: Lang,
    pub lines: LineIndex,
    /// Maximal runs of non-blank lines, trimmed.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, never crossing a paragraph boundary, in order.
    pub sentences: Vec<Range<usize>>,
    /// Words in order (UAX #29 word segments holding a letter or digit).
    pub words: Vec<Word>,
    /// Tokens in order, each knowing its kind and script (`tokens`): the
    /// words as the script-aware rules read them (`MiG-25` whole). Built on
    /// first use: an ASCII article in a Latin-script language needs none.
    tokens: std::sync::OnceLock<Vec<Token>>,
    /// The article's headline, where one can be told.
    pub headline: Option<Range<usize>>,
    /// The site's lines above the headline or glued to it (its name, its
    /// tagline, a label, a breadcrumb, a name appended to the headline).
    pub masthead: Vec<MastheadLine>,
    /// Where the body begins: after a Markdown file's front matter or an HTML
    /// file's head, whose title the body may print as its heading (0 in plain text).
    pub body_start: usize,
    /// The article's date: configured (`--date`, galley.toml), else read
    /// from its front matter, HTML metadata or dateline.
    pub date: Option<dates::ArticleDate>,
    /// A marked-up file's original text and the way back to it, so a rule can
    /// tell a space the article wrote from markup blanked to one.
    markup: Option<(&'a str, &'a prose::OffsetMap)>,
}

impl<'a> Document<'a> {
    /// Builds the document of a source; `language` forces the article's
    /// language, else it is detected from the prose.
    pub fn new(source: &'a Source<'_>, language: Option<Lang>) -> Self {
        let text = source.text();
        let (paragraphs, headline, masthead) = match &source.prose {
            None => plain::structure(text),
            Some(p) => {
                plain::structure_of_blocks(text, &p.blocks, p.headline.clone(), p.body_start)
            }
        };
        let language = match language {
            Some(l) => l,
            None => language::detect(&prose_sample(text, &paragraphs)),
        };
        let mut doc = Document::from_parts(
            text,
            source.format,
            language,
            paragraphs,
            headline,
            masthead,
        );
        doc.body_start = source.prose.as_ref().map_or(0, |p| p.body_start);
        doc.markup = source.prose.as_ref().map(|p| (source.original, &p.map));
        doc.date = dates::article_date(
            source.original,
            source.format,
            text,
            &doc.words,
            doc.language,
        );
        doc
    }

    /// Whether the byte at `at` of `text` is a space the article wrote: in
    /// Markdown and HTML, markup is blanked to spaces (`**word**,` reads
    /// `  word  ,`), which are not.
    pub fn written_space(&self, at: usize) -> bool {
        if self.text.as_bytes().get(at) != Some(&b' ') {
            return false;
        }
        match self.markup {
            None => true,
            Some((original, map)) => {
                let r = map.range(at..at + 1);
                original.get(r) == Some(" ")
            }
        }
    }

    /// A plain-text document in English (for tests of rule logic).
    pub fn plain(text: &'a str) -> Self {
        Document::plain_in(text, Lang::ENGLISH)
    }

    /// A plain-text document in the given language.
    pub fn plain_in(text: &'a str, language: Lang) -> Self {
        let (paragraphs, headline, masthead) = plain::structure(text);
        Document::from_parts(
            text,
            Format::Plain,
            language,
            paragraphs,
            headline,
            masthead,
        )
    }

    fn from_parts(
        text: &'a str,
        format: Format,
        language: Lang,
        paragraphs: Vec<Range<usize>>,
        headline: Option<Range<usize>>,
        masthead: Vec<MastheadLine>,
    ) -> Self {
        let lines = LineIndex::new(text);
        let mut sentences_out = Vec::new();
        for p in &paragraphs {
            sentences_out.extend(sentences::split(text, p.clone(), language));
        }
        let words = tokenize(text, &paragraphs, &sentences_out, language);
        Document {
            text,
            format,
            language,
            lines,
            paragraphs,
            sentences: sentences_out,
            words,
            tokens: std::sync::OnceLock::new(),
            headline,
            masthead,
            body_start: 0,
            markup: None,
            date: None,
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

    /// Every token, in order, classified once (on the first call).
    pub fn tokens(&self) -> &[Token] {
        self.tokens
            .get_or_init(|| tokens::build(self.text, &self.paragraphs, &self.sentences))
    }

    /// The tokens starting in `range`.
    pub fn tokens_in(&self, range: &Range<usize>) -> &[Token] {
        let tokens = self.tokens();
        let from = tokens.partition_point(|t| t.start < range.start);
        let to = tokens.partition_point(|t| t.start < range.end);
        &tokens[from..to.max(from)]
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset)
    }
}

/// The start of an article's paragraphs, joined, for language detection
/// (markup blanks would only dilute the statistics).
fn prose_sample(text: &str, paragraphs: &[Range<usize>]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        if out.len() >= 3 * 1024 {
            break;
        }
        out.push_str(&text[p.clone()]);
        out.push('\n');
    }
    out
}

fn containing(ranges: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.start <= offset);
    let i = i.checked_sub(1)?;
    (offset < ranges[i].end).then_some(i)
}

/// The length of an elided word and its apostrophe at the start of `w`
/// (French `l'Ukraine`, `d’Alexandre`, `qu'il`: a word of their own), in a
/// language whose profile lists elisions. Other words holding an apostrophe
/// stay whole (`aujourd’hui`, `presqu’île`, `O'Brien`).
fn elision(w: &str, elisions: &WordSet, lower: &mut String) -> Option<usize> {
    if elisions.is_empty() {
        return None;
    }
    let (i, apostrophe) = w.char_indices().find(|&(_, c)| c == '\'' || c == '’')?;
    let head = &w[..i];
    let rest = &w[i + apostrophe.len_utf8()..];
    lower.clear();
    lower.extend(head.chars().flat_map(char::to_lowercase));
    (elisions.contains(lower.as_str()) && rest.chars().next().is_some_and(char::is_alphanumeric))
        .then_some(i + apostrophe.len_utf8())
}

fn tokenize(
    text: &str,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
    language: Lang,
) -> Vec<Word> {
    let elisions = &language.profile().elisions;
    let mut lower = String::new();
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut next_sentence = 0;
    let mut push = |start: usize, end: usize, words: &mut Vec<Word>| {
        let mut sentence_initial = false;
        while next_sentence < sentences.len() && sentences[next_sentence].start <= start {
            sentence_initial = true;
            next_sentence += 1;
        }
        words.push(Word {
            start,
            end,
            sentence_initial,
        });
    };
    for p in paragraphs {
        // Words never cross ASCII white space, so each stretch between
        // spaces is segmented alone: ASCII ones by the fast path (unless
        // the language elides), the others by UAX #29.
        let para = &text[p.clone()];
        let bytes = para.as_bytes();
        // An ASCII paragraph is segmented whole: white space is no joiner
        // of `ascii_words`, so this is the stretches' segmentation in one
        // pass instead of three (find the stretch, test it, segment it).
        if elisions.is_empty() && para.is_ascii() {
            ascii_words::words(bytes, |r| {
                push(p.start + r.start, p.start + r.end, &mut words)
            });
            continue;
        }
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at].is_ascii_whitespace() {
                at += 1;
                continue;
            }
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |i| at + i);
            let chunk = &para[at..end];
            let base = p.start + at;
            if chunk.is_ascii() && elisions.is_empty() {
                ascii_words::words(chunk.as_bytes(), |r| {
                    push(base + r.start, base + r.end, &mut words);
                });
            } else {
                for (i, w) in chunk.split_word_bound_indices() {
                    if !w.chars().any(char::is_alphanumeric) {
                        continue;
                    }
                    let start = base + i;
                    match elision(w, elisions, &mut lower) {
                        Some(cut) => {
                            push(start, start + cut, &mut words);
                            push(start + cut, start + w.len(), &mut words);
                        }
                        None => push(start, start + w.len(), &mut words),
                    }
                }
            }
            at = end;
        }
    }
    words
}

/// Random texts made of `pieces` for the tests that compare a fast path with
/// a reference (xorshift, seeded: the same texts on every run); `len` gives
/// each text's number of pieces from the generator's state.
#[cfg(test)]
pub(crate) fn random_texts<'p>(
    pieces: &'p [&'p str],
    count: usize,
    len: impl Fn(u64) -> usize + 'p,
) -> impl Iterator<Item = String> + 'p {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..count).map(move |_| {
        let n = len(x);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                pieces[(x % pieces.len() as u64) as usize]
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizing_by_stretches_equals_uax29_on_whole_paragraphs() {
        let pieces = [
            "Lukashenka’s",
            " ",
            "MiG-25",
            "“quoted”",
            "3.5",
            "1,000",
            "can't",
            "\n",
            "Минск",
            "a\u{301}",
            "\u{301}",
            "l'Ukraine",
            "$300",
            "(, -",
            "\t",
            "x_y",
            "İstanbul",
            "😀",
        ];
        for text in super::random_texts(&pieces, 5_000, |_| 12) {
            let whole = std::slice::from_ref(&(0..text.len())).to_vec();
            let fast: Vec<&str> = tokenize(&text, &whole, &[], Lang::ENGLISH)
                .iter()
                .map(|w| &text[w.range()])
                .collect();
            let reference: Vec<&str> = text
                .split_word_bounds()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            assert_eq!(fast, reference, "{text:?}");
        }
    }

    #[test]
    fn words_sentences_and_paragraphs_point_into_the_original() {
        let text = "Headline here\n\nLukashenka’s plan. The MiG-25 flew.\nSecond line.\n\nLast.";
        let doc = Document::plain(text);
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

    fn lang(code: &str) -> Lang {
        Lang::parse(code).expect("a shipped language")
    }

    fn words_in<'t>(text: &'t str, language: &str) -> Vec<&'t str> {
        let doc = Document::plain_in(text, lang(language));
        doc.words.iter().map(|w| &text[w.range()]).collect()
    }

    #[test]
    fn words_keep_diacritics_and_french_elisions_are_words_of_their_own() {
        assert_eq!(
            words_in(
                "Aujourd’hui, l'Ukraine et d’Alexandre Loukachenko qu'il rencontre à Paris.",
                "fr"
            ),
            [
                "Aujourd’hui",
                "l'",
                "Ukraine",
                "et",
                "d’",
                "Alexandre",
                "Loukachenko",
                "qu'",
                "il",
                "rencontre",
                "à",
                "Paris"
            ]
        );
        // Other languages keep a word with an apostrophe whole.
        assert_eq!(
            words_in("O'Brien met l'Ukraine", "en"),
            ["O'Brien", "met", "l'Ukraine"]
        );
        assert_eq!(
            words_in("Łukaszenka spotkał się z Zełenskim.", "pl"),
            ["Łukaszenka", "spotkał", "się", "z", "Zełenskim"]
        );
        assert_eq!(
            words_in("Größere Straßen in Weißrussland", "de"),
            ["Größere", "Straßen", "in", "Weißrussland"]
        );
        assert_eq!(
            words_in("Лукашенко и Зеленский встретились в Киеве.", "ru"),
            ["Лукашенко", "и", "Зеленский", "встретились", "в", "Киеве"]
        );
    }

    #[test]
    fn sentence_initial_words_in_other_languages() {
        let text = "Am 3. Oktober traf Dr. Weber ein. Er sprach.";
        let doc = Document::plain_in(text, lang("de"));
        let initial: Vec<_> = doc
            .words
            .iter()
            .filter(|w| w.sentence_initial)
            .map(|w| &text[w.range()])
            .collect();
        assert_eq!(initial, ["Am", "Er"]);
        let text = "Elle parle. L'Ukraine attend.";
        let doc = Document::plain_in(text, lang("fr"));
        let initial: Vec<_> = doc
            .words
            .iter()
            .filter(|w| w.sentence_initial)
            .map(|w| &text[w.range()])
            .collect();
        assert_eq!(initial, ["Elle", "L'"]);
    }
}
