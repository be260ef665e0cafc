//! The marks an archive keeps one way across its articles: double quotation
//! marks, apostrophes inside words, and the space between a currency sign and
//! its amount. `galley house` counts which way each article writes them and
//! `house-typography` holds an article to the archive's way; both read the
//! text through [`find`], so what is learned is what is checked.

use std::ops::Range;

/// One thing an archive writes one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aspect {
    Quotes,
    Apostrophes,
    Currency,
}

impl Aspect {
    pub const ALL: [Aspect; 3] = [Aspect::Quotes, Aspect::Apostrophes, Aspect::Currency];

    /// Its key in the house pack (`quotes` → `quote-style`, `quote-articles`).
    pub fn key(self) -> &'static str {
        match self {
            Aspect::Quotes => "quote",
            Aspect::Apostrophes => "apostrophe",
            Aspect::Currency => "currency",
        }
    }

    /// The ways it can be written, as the pack names them.
    pub fn styles(self) -> &'static [&'static str] {
        match self {
            Aspect::Quotes => &["straight", "curly", "guillemets"],
            Aspect::Apostrophes => &["straight", "curly"],
            Aspect::Currency => &["no-space", "space"],
        }
    }

    /// What a style looks like, for messages.
    pub fn shows(self, style: usize) -> &'static str {
        match (self, style) {
            (Aspect::Quotes, 0) => "\"…\"",
            (Aspect::Quotes, 1) => "“…”",
            (Aspect::Quotes, _) => "«…»",
            (Aspect::Apostrophes, 0) => "'",
            (Aspect::Apostrophes, _) => "’",
            (Aspect::Currency, 0) => "$300",
            (Aspect::Currency, _) => "$ 300",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn style_index(self, name: &str) -> Option<usize> {
        self.styles().iter().position(|s| *s == name)
    }
}

/// One mark found: its aspect, the style it is written in, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub aspect: Aspect,
    pub style: usize,
    pub range: Range<usize>,
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£')
}

/// Every mark in `text`, in order: one pass over its characters, and none
/// at all for a text without a byte that can start one.
pub fn find(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Every mark starts with `"`, `'`, `$` or a lead byte of ’ “ ” „ « » € £.
    if !bytes
        .iter()
        .any(|b| matches!(b, b'"' | b'\'' | b'$' | 0xE2 | 0xC2))
    {
        return out;
    }
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let range = i..i + c.len_utf8();
        let between_letters =
            prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
        let mark = |aspect, style| Mark {
            aspect,
            style,
            range: range.clone(),
        };
        match c {
            '"' => out.push(mark(Aspect::Quotes, 0)),
            '“' | '”' | '„' => out.push(mark(Aspect::Quotes, 1)),
            '«' | '»' => out.push(mark(Aspect::Quotes, 2)),
            '\'' if between_letters => out.push(mark(Aspect::Apostrophes, 0)),
            '’' if between_letters => out.push(mark(Aspect::Apostrophes, 1)),
            c if is_currency(c) => {
                let rest = &text[range.end..];
                let digit_at = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
                if digit_at(rest) {
                    out.push(mark(Aspect::Currency, 0));
                } else if rest.starts_with(' ') && digit_at(&rest[1..]) {
                    out.push(Mark {
                        aspect: Aspect::Currency,
                        style: 1,
                        range: i..range.end + 1,
                    });
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

/// The style an article writes an aspect in: the one of most of its marks
/// (none on a tie or without marks).
pub fn dominant(marks: &[Mark], aspect: Aspect) -> Option<usize> {
    let mut counts = [0usize; 3];
    for m in marks.iter().filter(|m| m.aspect == aspect) {
        counts[m.style] += 1;
    }
    let max = *counts.iter().max()?;
    let mut top = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n == max && n > 0);
    match (top.next(), top.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_by_aspect_and_style() {
        let text = "He said “it’s $300” and \"don't\" cost $ 5, «da». A 'quote'.";
        let got: Vec<(Aspect, usize, &str)> = find(text)
            .into_iter()
            .map(|m| (m.aspect, m.style, &text[m.range]))
            .collect();
        assert_eq!(
            got,
            vec![
                (Aspect::Quotes, 1, "“"),
                (Aspect::Apostrophes, 1, "’"),
                (Aspect::Currency, 0, "$"),
                (Aspect::Quotes, 1, "”"),
                (Aspect::Quotes, 0, "\""),
                (Aspect::Apostrophes, 0, "'"),
                (Aspect::Quotes, 0, "\""),
                (Aspect::Currency, 1, "$ "),
                (Aspect::Quotes, 2, "«"),
                (Aspect::Quotes, 2, "»"),
            ]
        );
    }

    #[test]
    fn dominant_style_needs_a_majority() {
        let m = find("“a” \"b\" “c”");
        assert_eq!(dominant(&m, Aspect::Quotes), Some(1));
        assert_eq!(dominant(&find("“a” \"b\""), Aspect::Quotes), None);
        assert_eq!(dominant(&m, Aspect::Currency), None);
    }
}
