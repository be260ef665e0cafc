//! What to delete so that removing a stretch of plain text leaves a clean
//! article: a line that held nothing else goes with its line break, and the
//! blank lines that separated it go too, so no run of blank lines is left; a
//! sentence inside a line goes with the space that joined it to the next.

use std::ops::Range;

use crate::document::LineIndex;

/// The range whose deletion removes `r` from `text` cleanly. Only ASCII
/// white space is added to `r`, so its ends stay on character boundaries.
/// Lines are found through `lines`, never by scanning: an article of one
/// long line may hold a million copies.
pub fn clean_deletion(text: &str, lines: &LineIndex, r: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    if r.start > r.end
        || r.end > bytes.len()
        || !text.is_char_boundary(r.start)
        || !text.is_char_boundary(r.end)
    {
        return r;
    }
    let line_start = lines.line_start(lines.line_of(r.start));
    // Where the line holding `r.end` breaks (its `\n`), or the text's end.
    let line_end = {
        let next = lines.line_start(lines.line_of(r.end) + 1);
        if next > r.end {
            next - 1
        } else {
            bytes.len()
        }
    };
    let before = &text[line_start..r.start];
    let after = &text[r.end..line_end];
    if !before.trim().is_empty() || !after.trim().is_empty() {
        return within_line(bytes, r, line_start, line_end);
    }
    // The line holds `r` alone. Attached to a line above (one paragraph):
    // delete the break before it, keeping whatever separates it from below.
    if line_start > 0 {
        let prev_break = break_start(bytes, line_start - 1);
        let prev_line = lines.line_start(lines.line_of(line_start - 1));
        if !text[prev_line..prev_break].trim().is_empty() {
            return prev_break..line_end_without_cr(bytes, line_start, line_end);
        }
    }
    // Blank lines (or the text's start) above: delete through the blank lines
    // below, up to the next line with text.
    let mut line = lines.line_of(r.end) + 1;
    while line < lines.line_count() {
        let below = lines.line_range(text, line);
        if !text[below.clone()].trim().is_empty() {
            return line_start..lines.line_start(line);
        }
        line += 1;
    }
    // Nothing below: delete from the end of the last line with text above,
    // keeping its own line break.
    let above = text[..line_start].trim_end();
    if above.is_empty() {
        return 0..bytes.len();
    }
    let keep = text[above.len()..]
        .find('\n')
        .map_or(above.len(), |i| above.len() + i + 1);
    keep.min(line_start)..bytes.len()
}

/// A sentence sharing its line: it goes with the spaces after it, or, last
/// on its line, with the spaces before it.
fn within_line(bytes: &[u8], r: Range<usize>, line_start: usize, line_end: usize) -> Range<usize> {
    let blank = |b: u8| b == b' ' || b == b'\t';
    let mut end = r.end;
    while end < line_end && blank(bytes[end]) {
        end += 1;
    }
    if end > r.end && end < line_end && !bytes[end].is_ascii_whitespace() {
        return r.start..end;
    }
    let mut start = r.start;
    while start > line_start && blank(bytes[start - 1]) {
        start -= 1;
    }
    start..r.end
}

/// Where the line break ending at `newline` begins (`\r\n` counts as one).
fn break_start(bytes: &[u8], newline: usize) -> usize {
    if newline > 0 && bytes[newline - 1] == b'\r' {
        newline - 1
    } else {
        newline
    }
}

/// The end of a line's content, before a `\r` that ends it.
fn line_end_without_cr(bytes: &[u8], line_start: usize, line_end: usize) -> usize {
    if line_end > line_start && bytes[line_end - 1] == b'\r' {
        line_end - 1
    } else {
        line_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delete(text: &str, part: &str, nth: usize) -> String {
        let start = text
            .match_indices(part)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("part in text");
        let r = clean_deletion(text, &LineIndex::new(text), start..start + part.len());
        format!("{}{}", &text[..r.start], &text[r.end..])
    }

    #[test]
    fn a_paragraph_goes_with_the_blank_lines_after_it() {
        assert_eq!(delete("A\n\nCOPY\n\nB\n", "COPY", 0), "A\n\nB\n");
        assert_eq!(delete("COPY\n\n\nA\n", "COPY", 0), "A\n");
        assert_eq!(delete("A\n\nCOPY\n", "COPY", 0), "A\n");
        assert_eq!(delete("A\n\n\nCOPY", "COPY", 0), "A\n");
        assert_eq!(delete("COPY", "COPY", 0), "");
    }

    #[test]
    fn a_line_of_a_paragraph_keeps_the_paragraph_break() {
        assert_eq!(delete("A\nCOPY\nB\n", "COPY", 0), "A\nB\n");
        assert_eq!(delete("A\nCOPY\n\nB\n", "COPY", 0), "A\n\nB\n");
        assert_eq!(
            delete("A\r\nCOPY\r\n\r\nB\r\n", "COPY", 0),
            "A\r\n\r\nB\r\n"
        );
        assert_eq!(delete("A\r\n\r\nCOPY\r\n\r\nB", "COPY", 0), "A\r\n\r\nB");
    }

    #[test]
    fn a_sentence_goes_with_its_space() {
        assert_eq!(delete("One. Two. Three.\n", "Two.", 0), "One. Three.\n");
        assert_eq!(delete("One. Two.\n", "Two.", 0), "One.\n");
        assert_eq!(delete("Two. One.", "Two.", 0), "One.");
    }

    #[test]
    fn odd_ranges_are_left_alone() {
        assert_eq!(clean_deletion("abc", &LineIndex::new("abc"), 2..9), 2..9);
        assert_eq!(clean_deletion("", &LineIndex::new(""), 0..0), 0..0);
        assert_eq!(clean_deletion("é\n", &LineIndex::new("é\n"), 1..2), 1..2);
    }
}
