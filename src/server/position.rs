//! Byte offsets ↔ LSP positions. The protocol counts columns in UTF-16 code
//! units (unless the client negotiates otherwise, which galley does not ask
//! for); galley's ranges are byte offsets into the text. Both directions go
//! through one line table built per text.

use lsp_types::{Position, Range};

use crate::document::{floor_char_boundary, LineIndex};

pub struct Positions<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Positions {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The LSP position of a byte offset (clamped into the text, onto a character).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.line_of(offset);
        let start = self.index.line_start(line).min(offset);
        let column: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(column))
    }

    pub fn range(&self, r: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(r.start), self.position(r.end))
    }

    /// The byte offset of an LSP position: a column past the line's end is
    /// the line's end, a line past the text is the text's end, and a column
    /// inside a surrogate pair is the start of its character.
    pub fn offset(&self, p: Position) -> usize {
        let line = p.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let range = self.index.line_range(self.text, line);
        let mut units = 0usize;
        for (i, c) in self.text[range.clone()].char_indices() {
            let next = units + c.len_utf16();
            if next > p.character as usize {
                return range.start + i;
            }
            units = next;
        }
        range.end
    }

    pub fn offsets(&self, r: Range) -> std::ops::Range<usize> {
        let (a, b) = (self.offset(r.start), self.offset(r.end));
        a.min(b)..b.max(a)
    }

    /// Byte offset of the start of the line holding `offset`.
    pub fn line_start_of(&self, offset: usize) -> usize {
        self.index.line_start(self.index.line_of(offset))
    }

    /// The position just past the text.
    pub fn end(&self) -> Position {
        self.position(self.text.len())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_not_bytes_or_characters() {
        // 'é' is 2 bytes and 1 unit; '𝔸' is 4 bytes and 2 units (a surrogate pair).
        let text = "Minsk\nCafé 𝔸 Lukashenka said\n";
        let p = Positions::new(text);
        let at = text.find("Lukashenka").unwrap();
        assert_eq!(p.position(at), Position::new(1, 8));
        assert_eq!(p.offset(Position::new(1, 8)), at);
        // Inside the surrogate pair: the character's start.
        let pair = text.find('𝔸').unwrap();
        assert_eq!(p.offset(Position::new(1, 6)), pair);
        assert_eq!(p.offset(Position::new(1, 5)), pair);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let p = Positions::new(text);
        assert_eq!(p.offset(Position::new(0, 99)), 2);
        assert_eq!(p.offset(Position::new(9, 0)), text.len());
        assert_eq!(p.position(999), Position::new(1, 2));
        assert_eq!(p.end(), Position::new(1, 2));
    }
}
