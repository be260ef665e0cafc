//! A codespan `Files` over windows of the lines a diagnostic points at.
//! Articles hold whole paragraphs on one 600-character line; the renderer
//! would print them whole. Each labelled stretch of a line becomes one
//! virtual line of at most `WIDTH` characters, elided with `…`, while
//! `line_number` and `column_number` still report the real position.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::document::{floor_char_boundary, LineIndex};

/// Characters of source shown per line, ellipses included: fits a
/// 100-column terminal beside the gutter.
pub const WIDTH: usize = 72;
/// Columns the renderer uses beside the source: gutter, margins, carets' slack.
pub const GUTTER: usize = 28;

/// The source width that fits a terminal of `columns` (never under 20).
pub fn width_for(columns: usize) -> usize {
    columns.saturating_sub(GUTTER).max(20)
}
/// A label longer than this is shown by its start.
const MAX_LABEL: usize = 50;
const ELLIPSIS: &str = "…";

struct VirtualLine {
    /// Range in `source`.
    range: Range<usize>,
    /// 1-based real line number.
    line: usize,
    /// 1-based real column of the first character after the prefix.
    column: usize,
    /// Bytes of the `…` prefix, 0 when the window starts the line.
    prefix: usize,
}

pub struct Window {
    name: String,
    source: String,
    lines: Vec<VirtualLine>,
}

/// A label's range clamped to its first line and to `MAX_LABEL` characters.
fn clamp(
    text: &str,
    index: &LineIndex,
    r: &Range<usize>,
    max_label: usize,
) -> (usize, Range<usize>) {
    let start = floor_char_boundary(text, r.start.min(text.len()));
    let line = index.line_of(start);
    let line_range = index.line_range(text, line);
    let mut end = floor_char_boundary(text, r.end.min(line_range.end).max(start));
    if let Some((i, _)) = text[start..end].char_indices().nth(max_label) {
        end = start + i;
    }
    (line, start..end)
}

impl Window {
    /// Builds the windows for `ranges`; returns the file and each range mapped into it.
    pub fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        ranges: &[Range<usize>],
    ) -> (Window, Vec<Range<usize>>) {
        Window::with_width(name, text, index, ranges, WIDTH)
    }

    /// As [`Window::new`], with windows of at most `width` characters.
    pub fn with_width(
        name: &str,
        text: &str,
        index: &LineIndex,
        ranges: &[Range<usize>],
        width: usize,
    ) -> (Window, Vec<Range<usize>>) {
        let width = width.max(20);
        let max_label = MAX_LABEL.min(width - 6);
        let clamped: Vec<(usize, Range<usize>)> = ranges
            .iter()
            .map(|r| clamp(text, index, r, max_label))
            .collect();
        // Cluster labels per line so that each cluster fits in one window.
        let mut order: Vec<usize> = (0..clamped.len()).collect();
        order.sort_by_key(|&i| (clamped[i].0, clamped[i].1.start));
        let mut clusters: Vec<(usize, Range<usize>, Vec<usize>)> = Vec::new();
        for i in order {
            let (line, r) = &clamped[i];
            if let Some((cl, span, members)) = clusters.last_mut() {
                let merged = span.start.min(r.start)..span.end.max(r.end);
                if *cl == *line && text[merged.clone()].chars().count() <= width - 2 {
                    *span = merged;
                    members.push(i);
                    continue;
                }
            }
            clusters.push((*line, r.clone(), vec![i]));
        }

        let mut window = Window {
            name: super::escape::visible(name).into_owned(),
            source: String::new(),
            lines: Vec::new(),
        };
        let mut mapped = vec![0..0; ranges.len()];
        for (line, span, members) in clusters {
            let line_range = index.line_range(text, line);
            let line_text = &text[line_range.clone()];
            let (from, to) = visible(
                line_text,
                span.start - line_range.start..span.end - line_range.start,
                width,
            );
            let prefix = if from > 0 { ELLIPSIS } else { "" };
            let suffix = if to < line_text.len() { ELLIPSIS } else { "" };
            let start = window.source.len();
            window.source.push_str(prefix);
            window
                .source
                .push_str(&super::escape::same_length(&line_text[from..to]));
            window.source.push_str(suffix);
            let end = window.source.len();
            window.source.push('\n');
            let real_start = line_range.start + from;
            for i in members {
                let r = &clamped[i].1;
                mapped[i] = start + prefix.len() + (r.start - real_start)
                    ..start + prefix.len() + (r.end - real_start);
            }
            window.lines.push(VirtualLine {
                range: start..end,
                line: line + 1,
                column: text[line_range.start..real_start]
                    .trim_start_matches('\u{feff}')
                    .chars()
                    .count()
                    + 1,
                prefix: prefix.len(),
            });
        }
        (window, mapped)
    }
}

/// Byte bounds within `line` of a window of at most `WIDTH` characters
/// around `span`, a third of the spare room before it. Only the characters
/// near the span are visited, so a 50 MB line costs no more than a short one.
fn visible(line: &str, span: Range<usize>, width: usize) -> (usize, usize) {
    let span_chars = line[span.clone()].chars().count();
    // Offsets of the characters before the span, nearest first, and after it.
    let before: Vec<usize> = line[..span.start]
        .char_indices()
        .rev()
        .take(width + 1)
        .map(|(i, _)| i)
        .collect();
    let after: Vec<usize> = line[span.end..]
        .char_indices()
        .take(width + 1)
        .map(|(i, _)| span.end + i)
        .collect();
    if before.len() + span_chars + after.len() <= width {
        return (0, line.len());
    }
    let room = width.saturating_sub(2 + span_chars);
    let b = (room / 3).min(before.len());
    let a = (room - b).min(after.len());
    let b = (room - a).min(before.len());
    let from = if b == 0 { span.start } else { before[b - 1] };
    let to = after.get(a).copied().unwrap_or(line.len());
    (from, to)
}

impl<'a> Files<'a> for Window {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .lines
            .partition_point(|l| l.range.end < byte_index)
            .min(self.lines.len().saturating_sub(1)))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        self.lines
            .get(line_index)
            .map(|l| l.range.start..l.range.end + 1)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.lines.len(),
            })
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self
            .lines
            .get(line_index)
            .map_or(line_index + 1, |l| l.line))
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let Some(l) = self.lines.get(line_index) else {
            return Ok(1);
        };
        let body = l.range.start + l.prefix;
        let upto = byte_index.clamp(body, l.range.end);
        Ok(l.column + self.source[body..upto].chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_windowed_with_real_columns() {
        let text = format!("short line\n{}TARGET{}\n", "a".repeat(300), "b".repeat(300));
        let index = LineIndex::new(&text);
        let at = text.find("TARGET").unwrap();
        let (w, mapped) = Window::new("f.txt", &text, &index, &[at..at + 6, 0..5]);
        assert_eq!(&w.source[mapped[0].clone()], "TARGET");
        assert_eq!(&w.source[mapped[1].clone()], "short");
        let line = w.line_index((), mapped[0].start).unwrap();
        assert_eq!(w.line_number((), line).unwrap(), 2);
        assert_eq!(w.column_number((), line, mapped[0].start).unwrap(), 301);
        for l in w.source.lines() {
            assert!(l.chars().count() <= WIDTH, "{l}");
        }
        assert!(w.source.contains('…'));
    }

    #[test]
    fn labels_far_apart_on_one_line_get_two_windows() {
        let text = format!("X{}Y", "-".repeat(500));
        let index = LineIndex::new(&text);
        let (w, mapped) = Window::new("f", &text, &index, &[0..1, 501..502]);
        assert_eq!(&w.source[mapped[0].clone()], "X");
        assert_eq!(&w.source[mapped[1].clone()], "Y");
        assert_eq!(w.source.lines().count(), 2);
    }
}
