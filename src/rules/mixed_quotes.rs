//! `mixed-quotes`: straight (`"`) and curly (`“ ”`) double quotes in one
//! article. The minority style is reported, one finding per quoted span,
//! with the fix to the majority style.

use std::ops::Range;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::packs::schema::RawRule;

pub const FIELDS: &[&str] = &[];

pub struct MixedQuotes {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: RawRule, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(MixedQuotes { meta }))
}

/// A quoted span in one style: its range, and whether it sits inside a
/// quotation of the other style (then the fix needs single quotes).
struct Quoted {
    range: Range<usize>,
    closed: bool,
    nested: bool,
}

fn spans(text: &str, para: &Range<usize>, curly: bool) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<(usize, i32)> = None;
    let mut depth = 0i32; // depth of the other style
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        let (is_open, is_close, other_open, other_close) = if curly {
            (c == '“', c == '”', false, false)
        } else {
            (
                c == '"' && open.is_none(),
                c == '"' && open.is_some(),
                c == '“',
                c == '”',
            )
        };
        if other_open {
            depth += 1;
        } else if other_close {
            depth -= 1;
        } else if is_open && open.is_none() {
            open = Some((at, depth));
        } else if is_close {
            if let Some((start, d)) = open.take() {
                out.push(Quoted {
                    range: start..at + c.len_utf8(),
                    closed: true,
                    nested: d > 0,
                });
            }
        }
    }
    if let Some((start, d)) = open {
        let len = text[start..].chars().next().map_or(1, char::len_utf8);
        out.push(Quoted {
            range: start..start + len,
            closed: false,
            nested: d > 0,
        });
    }
    out
}

fn first_char(text: &str, r: &Range<usize>) -> Range<usize> {
    r.start..r.start + text[r.start..].chars().next().map_or(0, char::len_utf8)
}

impl Rule for MixedQuotes {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let straight: Vec<Quoted> = cx
            .doc
            .paragraphs
            .iter()
            .flat_map(|p| spans(text, p, false))
            .collect();
        let curly: Vec<Quoted> = cx
            .doc
            .paragraphs
            .iter()
            .flat_map(|p| spans(text, p, true))
            .collect();
        if straight.is_empty() || curly.is_empty() {
            return;
        }
        // Curly quotes are the typeset form: on a tie, the straight ones are reported.
        let flag_straight = straight.len() <= curly.len();
        let (flagged, kept) = if flag_straight {
            (&straight, &curly)
        } else {
            (&curly, &straight)
        };
        let quotations = |n: usize| {
            if n == 1 {
                "1 quotation".to_owned()
            } else {
                format!("{n} quotations")
            }
        };
        let note = format!(
            "{} in straight quotes, {} in curly quotes",
            quotations(straight.len()),
            quotations(curly.len())
        );
        for q in flagged {
            let found = &text[q.range.clone()];
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found)]),
                None if flag_straight => {
                    "straight quotes in an article that uses curly quotes".to_owned()
                }
                None => "curly quotes in an article that uses straight quotes".to_owned(),
            };
            let mut d = self
                .meta
                .diag(q.range.clone(), message)
                .with_label(
                    first_char(text, &kept[0].range),
                    if flag_straight {
                        "curly quotes here"
                    } else {
                        "straight quotes here"
                    },
                )
                .with_note(note.clone());
            if q.closed {
                let mut chars = found.chars();
                chars.next();
                chars.next_back();
                let inner = chars.as_str();
                let (open, close, applicability) = match (flag_straight, q.nested) {
                    (true, false) => ('“', '”', Applicability::Safe),
                    (true, true) => ('‘', '’', Applicability::Unsafe),
                    (false, _) => ('"', '"', Applicability::Safe),
                };
                d = d
                    .with_help(format!("write {open}{close}"))
                    .with_fix(format!("{open}{inner}{close}"), applicability);
            } else {
                d = d.with_help("this quotation is never closed");
            }
            out.push(d);
        }
    }
}
