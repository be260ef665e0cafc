//! Byte offset → (line, column), computed only at the edge (output), from
//! line starts found once per document.

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    /// Byte range of a 0-based line, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line).min(text.len());
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let mut column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        // A byte order mark is no character an editor sees: the first letter is column 1.
        if line == 0 && offset > 0 && text.starts_with('\u{feff}') {
            column -= 1;
        }
        Position {
            line: line + 1,
            column,
        }
    }
}

/// Positions of offsets that mostly increase (diagnostics in order): each
/// column is counted from the previous offset on the same line, not from the
/// line start, so a 50 MB single-line file costs one pass, not one per finding.
/// An offset far from the previous one on a long line (a label pointing back
/// at a first copy) is counted from the nearest of checkpoints made once, on
/// the first such offset, every [`CHECKPOINT_BYTES`] of the text.
pub struct PositionCursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    last: Option<(usize, Position)>,
    /// Characters before each multiple of `CHECKPOINT_BYTES`.
    checkpoints: Option<Vec<usize>>,
}

/// Farther than this, a column is counted from a checkpoint.
const CHECKPOINT_BYTES: usize = 16 << 10;

/// Characters in valid UTF-8 `bytes`: the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> PositionCursor<'a> {
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        PositionCursor {
            index,
            text,
            last: None,
            checkpoints: None,
        }
    }

    pub fn position(&mut self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.line_of(offset);
        let pos = match self.last {
            Some((o, p)) if p.line == line + 1 && o <= offset && offset - o <= CHECKPOINT_BYTES => {
                Position {
                    line: p.line,
                    column: p.column + self.text[o..offset].chars().count(),
                }
            }
            _ if offset - self.index.line_start(line) > CHECKPOINT_BYTES => {
                let start = self.index.line_start(line);
                let mut column = self.chars_before(offset) - self.chars_before(start) + 1;
                if line == 0 && offset > 0 && self.text.starts_with('\u{feff}') {
                    column -= 1;
                }
                Position {
                    line: line + 1,
                    column,
                }
            }
            _ => self.index.position(self.text, offset),
        };
        self.last = Some((offset, pos));
        pos
    }

    /// Characters in `text[..offset]`, `offset` a character boundary.
    fn chars_before(&mut self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let checkpoints = self.checkpoints.get_or_insert_with(|| {
            let mut total = 0;
            let mut out = vec![0];
            for block in bytes.chunks(CHECKPOINT_BYTES) {
                total += chars_in(block);
                out.push(total);
            }
            out
        });
        let block = offset / CHECKPOINT_BYTES;
        let from = block * CHECKPOINT_BYTES;
        checkpoints.get(block).copied().unwrap_or(0) + chars_in(&bytes[from..offset])
    }
}

/// Where lines end: at `\n`, and at a lone `\r` (old Mac files, some
/// scrapers), which editors also show as a line break.
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(|(i, &b)| {
        (b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))).then_some(i)
    })
}

/// The largest char boundary not above `i` (str::floor_char_boundary is unstable).
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offsets asked in any order on a line far longer than a checkpoint's
    /// stretch get the columns a count from the line start gives.
    #[test]
    fn a_cursor_jumping_about_a_long_line_counts_right() {
        let line = "Ab cé Ж d’e ".repeat(9_000);
        let text = format!("\u{feff}first\n{line}\nlast é\n");
        let index = LineIndex::new(&text);
        let mut cursor = PositionCursor::new(&index, &text);
        let mut x: u64 = 7;
        for _ in 0..300 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let offset = floor_char_boundary(&text, (x >> 33) as usize % text.len());
            assert_eq!(
                cursor.position(offset),
                index.position(&text, offset),
                "{offset}"
            );
        }
        assert_eq!(
            cursor.position(text.len()),
            index.position(&text, text.len())
        );
    }

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "ab\n“cd” e\n\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let e = text.find('e').unwrap();
        assert_eq!(idx.position(text, e), Position { line: 2, column: 6 });
        let last = text.find("last").unwrap();
        assert_eq!(idx.position(text, last), Position { line: 4, column: 1 });
        assert_eq!(idx.line_count(), 4);
        assert_eq!(&text[idx.line_range(text, 1)], "“cd” e");
    }

    #[test]
    fn the_cursor_agrees_with_the_index() {
        let text = "ab\n“cd” e\n\nlast “x”";
        let idx = LineIndex::new(text);
        let mut cursor = PositionCursor::new(&idx, text);
        for offset in [0, 1, 3, 6, 4, 10, 9, 14, text.len(), 2] {
            assert_eq!(
                cursor.position(offset),
                idx.position(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let text = "one\rtwo\r\nthree";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(&text[idx.line_range(text, 0)], "one");
        assert_eq!(&text[idx.line_range(text, 1)], "two");
        let t = text.find("two").unwrap();
        assert_eq!(idx.position(text, t), Position { line: 2, column: 1 });
    }

    #[test]
    fn a_byte_order_mark_is_not_column_one() {
        let text = "\u{feff}Minsk is\nthe";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 3), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 9), Position { line: 1, column: 7 });
        let mut cursor = PositionCursor::new(&idx, text);
        assert_eq!(cursor.position(9).column, 7);
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let text = "one\r\ntwo";
        let idx = LineIndex::new(text);
        assert_eq!(&text[idx.line_range(text, 0)], "one");
        assert_eq!(&text[idx.line_range(text, 1)], "two");
    }
}
