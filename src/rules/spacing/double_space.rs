//! `double-space`: two or more spaces between words of a line
//! (`more  favorable`, `Source:  BELT`). Indentation, a line's end, two
//! spaces after a sentence (a typewriter's habit) and a line that aligns
//! columns with runs of spaces (a table, preformatted text) are left alone.

use std::ops::Range;

use serde::Deserialize;

use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// A `double-space` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct DoubleSpace {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(DoubleSpace { meta }))
}

impl Rule for DoubleSpace {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        for para in &cx.doc.paragraphs {
            // Most paragraphs hold no two spaces in a row: not split into lines.
            if memchr::memmem::find(text[para.clone()].as_bytes(), b"  ").is_none() {
                continue;
            }
            // Each line's one run of spaces between words, if it has exactly one.
            let mut lines: Vec<(usize, Option<Range<usize>>)> = Vec::new();
            let mut line_start = para.start;
            for line in text[para.clone()].split_inclusive('\n') {
                let base = line_start;
                let written = move |i: usize| cx.doc.written_space(base + i);
                lines.push((line_start, inner_run(line, written)));
                line_start += line.len();
            }
            for (k, (start, run)) in lines.iter().enumerate() {
                let Some(run) = run else {
                    continue;
                };
                // Runs on neighbouring lines align columns (a table, preformatted text).
                let aligned = |j: Option<usize>| {
                    j.and_then(|j| lines.get(j))
                        .is_some_and(|(_, r)| r.is_some())
                };
                if aligned(k.checked_sub(1)) || aligned(Some(k + 1)) {
                    continue;
                }
                let range = start + run.start..start + run.end;
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
                    None => format!("{} spaces between words", run.len()),
                };
                out.push(
                    self.meta
                        .diag(range, message)
                        .with_help("write one space")
                        .with_fix(" ", Applicability::Safe),
                );
            }
        }
    }
}

/// The one run of two or more spaces between words of `line` (offsets in
/// the line); `None` when it has none, or several, or a tab (columns), or
/// the run sets a separator apart (`Kyiv  •  UNN`).
fn inner_run(line: &str, written: impl Fn(usize) -> bool) -> Option<Range<usize>> {
    let body = line.trim_end();
    let lead = body.len() - body.trim_start().len();
    let inner = &body[lead..];
    if inner.contains('\t') {
        return None;
    }
    let bytes = inner.as_bytes();
    // Runs of two or more space bytes (a line of prose has few), and in
    // them the spaces the article wrote (markup blanked to spaces is not).
    let mut found: Option<Range<usize>> = None;
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&bytes[from..], b"  ") {
        let start = from + k;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b' ').count();
        let mut i = start;
        while i < end {
            if !written(lead + i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < end && written(lead + j) {
                j += 1;
            }
            if j - i >= 2 {
                if found.is_some() {
                    return None;
                }
                found = Some(i..j);
            }
            i = j;
        }
        from = end;
    }
    let run = found?;
    let sep =
        |c: Option<char>| c.is_some_and(|c| matches!(c, '•' | '|' | '·' | '/' | '–' | '—' | '-'));
    let before = inner[..run.start].chars().next_back();
    if sep(before) || sep(inner[run.end..].chars().next()) {
        return None;
    }
    // Two spaces after a sentence are a typewriter's habit some desks keep, not a slip.
    if before.is_some_and(|c| matches!(c, '.' | '!' | '?')) {
        return None;
    }
    Some(lead + run.start..lead + run.end)
}
