//! The prose of a marked-up article, and the way back to the original file.
//!
//! Rules read text, not markup. A reader (Markdown, HTML) walks the original
//! file in order and says, for each stretch, whether it is prose to keep,
//! prose to replace by its decoded form (an HTML entity), or markup. Markup
//! becomes blanks of the same byte length (line breaks kept), so that most
//! offsets in the prose equal offsets in the original and lines stay lines;
//! only replaced stretches shift offsets, and `OffsetMap` undoes that shift.

use std::ops::Range;

/// Maps offsets in the prose back to offsets in the original file.
#[derive(Debug, Default, Clone)]
pub struct OffsetMap {
    /// Replaced stretches in order: (range in the prose, range in the original).
    replaced: Vec<(Range<usize>, Range<usize>)>,
}

impl OffsetMap {
    pub fn is_identity(&self) -> bool {
        self.replaced.is_empty()
    }

    /// The original range of a prose range. A range that starts or ends inside
    /// a replaced stretch grows to cover the whole of it in the original.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        if self.replaced.is_empty() {
            return r;
        }
        let start = self.offset(r.start, false);
        let end = self.offset(r.end, true).max(start);
        start..end
    }

    fn offset(&self, at: usize, is_end: bool) -> usize {
        // The last stretch starting at or before `at` (for an end, strictly before).
        let i = self
            .replaced
            .partition_point(|(p, _)| if is_end { p.start < at } else { p.start <= at });
        let Some((p, o)) = i.checked_sub(1).map(|i| &self.replaced[i]) else {
            return at;
        };
        if at < p.end || (is_end && at == p.end) {
            return if is_end && at > p.start {
                o.end
            } else {
                o.start
            };
        }
        at - p.end + o.end
    }
}

/// Builds the prose of a marked-up file, front to back.
pub struct ProseBuilder<'a> {
    original: &'a str,
    text: String,
    /// How far the original has been consumed.
    cursor: usize,
    map: OffsetMap,
    blocks: Vec<Range<usize>>,
    open_block: Option<usize>,
}

impl<'a> ProseBuilder<'a> {
    pub fn new(original: &'a str) -> Self {
        ProseBuilder {
            original,
            text: String::with_capacity(original.len()),
            cursor: 0,
            map: OffsetMap::default(),
            blocks: Vec::new(),
            open_block: None,
        }
    }

    /// Where the next byte of prose will go.
    pub fn position(&self) -> usize {
        self.text.len()
    }

    /// How far the original has been read.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Keeps the original bytes of `r` as prose; what lies between the last
    /// kept stretch and `r` is markup and becomes blank. Ranges must come in
    /// order; one that overlaps what was consumed keeps only its new part.
    pub fn keep(&mut self, r: Range<usize>) {
        let Some(r) = self.clamp(r) else { return };
        self.blank_to(r.start);
        self.ensure_block();
        self.text.push_str(&self.original[r.clone()]);
        self.cursor = r.end;
    }

    /// Puts `decoded` in the prose in place of the original bytes of `r`.
    /// A second replacement of the same original stretch (an entity that
    /// decodes to two characters) extends the first.
    pub fn replace(&mut self, r: Range<usize>, decoded: &str) {
        if let Some((p, o)) = self.map.replaced.last_mut() {
            if *o == r && p.end == self.text.len() {
                self.text.push_str(decoded);
                p.end = self.text.len();
                return;
            }
        }
        let Some(r) = self.clamp(r) else { return };
        self.blank_to(r.start);
        self.ensure_block();
        let start = self.text.len();
        self.text.push_str(decoded);
        self.map.replaced.push((start..self.text.len(), r.clone()));
        self.cursor = r.end;
    }

    /// Starts a block of prose (a paragraph, a heading, a list item, a cell).
    pub fn open_block(&mut self) {
        self.close_block();
        self.open_block = Some(self.text.len());
    }

    /// Prose outside any block element (text straight in `<body>`) is a block of its own.
    fn ensure_block(&mut self) {
        if self.open_block.is_none() {
            self.open_block = Some(self.text.len());
        }
    }

    /// Ends the current block, if one is open.
    pub fn close_block(&mut self) {
        if let Some(start) = self.open_block.take() {
            let r = trimmed(&self.text, start..self.text.len());
            if !r.is_empty() {
                self.blocks.push(r);
            }
        }
    }

    pub fn finish(mut self) -> Prose {
        self.close_block();
        self.blank_to(self.original.len());
        Prose {
            text: self.text,
            map: self.map,
            blocks: self.blocks,
            headline: None,
            body_start: 0,
        }
    }

    fn clamp(&self, r: Range<usize>) -> Option<Range<usize>> {
        let start = r.start.max(self.cursor);
        let end = r.end.min(self.original.len());
        (start < end
            && self.original.is_char_boundary(start)
            && self.original.is_char_boundary(end))
        .then_some(start..end)
    }

    /// Markup between the cursor and `to` becomes blanks, line breaks kept.
    fn blank_to(&mut self, to: usize) {
        if to <= self.cursor {
            return;
        }
        let gap = &self.original.as_bytes()[self.cursor..to];
        self.text
            .extend(gap.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }));
        self.cursor = to;
    }
}

/// The prose of a marked-up file.
#[derive(Debug, Default)]
pub struct Prose {
    pub text: String,
    pub map: OffsetMap,
    /// Blocks of prose, in order, trimmed: the paragraphs of the article.
    pub blocks: Vec<Range<usize>>,
    pub headline: Option<Range<usize>>,
    /// Where the body begins: blocks before it (front matter, `<title>`)
    /// describe the article and are never taken for a masthead.
    pub body_start: usize,
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_blank_and_entities_map_back() {
        let html = "<p>AT&amp;T and Lukashenka</p>";
        let mut b = ProseBuilder::new(html);
        b.open_block();
        b.keep(3..5);
        b.replace(5..10, "&");
        b.keep(10..html.len() - 4);
        b.close_block();
        let p = b.finish();
        assert_eq!(p.text, "   AT&T and Lukashenka    ");
        let name = p.text.find("Lukashenka").unwrap();
        let back = p.map.range(name..name + "Lukashenka".len());
        assert_eq!(&html[back], "Lukashenka");
        let amp = p.text.find('&').unwrap();
        assert_eq!(&html[p.map.range(amp..amp + 1)], "&amp;");
        assert_eq!(&html[p.map.range(amp - 2..amp + 2)], "AT&amp;T");
        assert_eq!(&p.text[p.blocks[0].clone()], "AT&T and Lukashenka");
    }

    #[test]
    fn out_of_order_and_off_boundary_ranges_are_ignored() {
        let s = "héllo";
        let mut b = ProseBuilder::new(s);
        b.keep(0..2);
        b.keep(0..1);
        b.keep(4..99);
        let p = b.finish();
        assert_eq!(p.text.len(), s.len());
        assert!(p.map.is_identity());
    }
}
