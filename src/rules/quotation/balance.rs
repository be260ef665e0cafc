//! `quote-balance`: the quotation marks of a paragraph, paired. Reports a
//! quotation opened and never closed (unless it goes on in the next
//! paragraph, which then opens with the same mark: the convention for a
//! quotation over several paragraphs), a closing mark nothing opened, a
//! quotation opened with one mark and closed with another's opening mark
//! (`«… wasted, “he told`), a mark written twice (`““`), and a quotation
//! inside a quotation in the same double marks (`“… the “DPR” …”`).

use std::ops::Range;

use serde::Deserialize;

use super::{char_at, char_before, is_space, marks, Mark, MarkSet, Role};
use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// A `quote-balance` rule reads the language's marks from its profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct QuoteBalance {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(QuoteBalance { meta }))
}

/// What is wrong with a mark.
enum Problem {
    Unclosed,
    Unopened,
    /// Closes the quotation the mark at this offset opened.
    Mismatched(char),
    Doubled,
    /// A quotation inside one in the same marks: its range.
    NestedSame(Range<usize>),
    /// An opening mark with nothing after it in its paragraph.
    Stray,
}

impl Rule for QuoteBalance {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(set) = MarkSet::of(cx.doc.language) else {
            return;
        };
        let text = cx.doc.text;
        let paras = &cx.doc.paragraphs;
        let mut buf = Vec::new();
        let mut found = Vec::new();
        for (n, para) in paras.iter().enumerate() {
            marks(text, para, &set, &mut buf);
            if buf.is_empty() {
                continue;
            }
            let next_opens = paras
                .get(n + 1)
                .and_then(|p| text.get(p.clone()))
                .and_then(|s| s.chars().next());
            found.clear();
            pair_paragraph(text, para, &buf, &set, next_opens, &mut found);
            for (mark, problem) in found.drain(..) {
                self.report(cx, &set, mark, problem, out);
            }
        }
    }
}

/// Pairs one paragraph's marks; `next_opens` is the first character of the
/// next paragraph.
fn pair_paragraph(
    text: &str,
    para: &Range<usize>,
    marks: &[Mark],
    set: &MarkSet,
    next_opens: Option<char>,
    found: &mut Vec<(Mark, Problem)>,
) {
    // Open quotations: the mark, and a same-mark quotation found inside it.
    let mut stack: Vec<(Mark, Option<Range<usize>>)> = Vec::new();
    let mut straight: Option<Mark> = None;
    let mut skip_to = 0;
    for m in marks {
        if m.at < skip_to {
            continue;
        }
        match m.role {
            Role::Straight => {
                // An inch mark after a number (`a 12" pipe`) is no quotation.
                let after_digit = char_before(text, m.at).is_some_and(|c| c.is_ascii_digit());
                if straight.take().is_none() && !after_digit {
                    straight = Some(*m);
                }
            }
            Role::Open(_) => {
                if char_at(text, m.end()) == Some(m.ch) {
                    found.push((Mark { at: m.end(), ..*m }, Problem::Doubled));
                    skip_to = m.end() + m.ch.len_utf8();
                }
                stack.push((*m, None));
            }
            Role::Close(p) => {
                if char_at(text, m.end()) == Some(m.ch) && !set.is_single(p) {
                    // `»»` closes two quotations in Russian practice; a doubled
                    // closer with only one open is the slip.
                    let open_same = stack
                        .iter()
                        .filter(|(o, _)| o.role == Role::Open(p))
                        .count();
                    if open_same < 2 {
                        found.push((Mark { at: m.end(), ..*m }, Problem::Doubled));
                        skip_to = m.end() + m.ch.len_utf8();
                    }
                }
                match stack.iter().rposition(|(o, _)| o.role == Role::Open(p)) {
                    Some(k) => {
                        // Marks opened above it and never closed are left to the end.
                        let (open, nested) = stack.remove(k);
                        if let Some(inner) = nested {
                            found.push((open, Problem::NestedSame(inner)));
                        }
                        if let Some((below, slot)) = stack[..k].last_mut() {
                            if below.role == open.role && slot.is_none() {
                                *slot = Some(open.at..m.end());
                            }
                        }
                    }
                    None if set.is_single(p) => {} // an apostrophe, most likely
                    None => found.push((*m, Problem::Unopened)),
                }
            }
        }
    }
    let end_of_para = |m: &Mark| text[m.end()..para.end].chars().all(is_space);
    let goes_on = |m: &Mark| next_opens == Some(m.ch);
    let mut i = 0;
    while i < stack.len() {
        let m = stack[i].0;
        // `«… wasted, “he told`: the next mark left open is another pair's
        // opener set where a quotation ends, after its punctuation and a space.
        if let Some((next, _)) = stack.get(i + 1) {
            let ends_sentence = char_before(text, next.at).is_some_and(is_space)
                && text[..next.at]
                    .trim_end_matches(is_space)
                    .ends_with([',', '.', '!', '?', '…']);
            if next.role != m.role && ends_sentence {
                found.push((*next, Problem::Mismatched(m.ch)));
                i += 2;
                continue;
            }
        }
        if end_of_para(&m) {
            found.push((m, Problem::Stray));
        } else if !goes_on(&m) {
            found.push((m, Problem::Unclosed));
        }
        i += 1;
    }
    if let Some(m) = straight {
        if end_of_para(&m) {
            found.push((m, Problem::Stray));
        } else if !goes_on(&m) {
            found.push((m, Problem::Unclosed));
        }
    }
}

impl QuoteBalance {
    fn report(&self, cx: &Context<'_>, set: &MarkSet, m: Mark, problem: Problem, out: &mut Sink) {
        let range = m.at..m.end();
        let ch = m.ch;
        let closing_of = |role: Role| match role {
            Role::Open(p) | Role::Close(p) => set.pair(p).close,
            Role::Straight => '"',
        };
        let (message, help, fix) = match problem {
            Problem::Unclosed => (
                format!("quotation opened with {ch} is never closed in its paragraph"),
                format!(
                    "close it with {} where the quotation ends",
                    closing_of(m.role)
                ),
                None,
            ),
            Problem::Unopened => (
                format!("{ch} closes a quotation that was never opened"),
                "open the quotation where it begins, or delete the mark".to_owned(),
                None,
            ),
            Problem::Mismatched(opened) => {
                let close = match set.role(opened) {
                    Some(r) => closing_of(r),
                    None => '"',
                };
                (
                    format!("quotation opened with {opened} is closed with {ch}"),
                    format!("write {close}"),
                    Some((range.clone(), close.to_string(), Applicability::Unsafe)),
                )
            }
            Problem::Doubled => (
                format!("{ch} is written twice"),
                format!("delete one {ch}"),
                Some((range.clone(), String::new(), Applicability::Safe)),
            ),
            Problem::NestedSame(inner) => {
                let nested = cx.doc.language.profile().quotes.as_ref().map(|q| q.nested);
                let fix = nested.and_then(|n| {
                    let s = cx.doc.text.get(inner.clone())?;
                    let mut chars = s.chars();
                    let first = chars.next()?;
                    let last = chars.next_back()?;
                    let body = &s[first.len_utf8()..s.len() - last.len_utf8()];
                    Some((
                        inner.clone(),
                        format!("{}{body}{}", n.open, n.close),
                        Applicability::Unsafe,
                    ))
                });
                let help = match nested {
                    Some(n) => format!("write the inner quotation in {}{}", n.open, n.close),
                    None => "write the inner quotation in other marks".to_owned(),
                };
                let message =
                    format!("a quotation inside a quotation is written in the same {ch} marks");
                let mut d = self
                    .meta
                    .diag(inner.clone(), self.message(cx, &inner, message))
                    .with_label(range, "the outer quotation opens here")
                    .with_help(help);
                if let Some((r, rep, a)) = fix {
                    d = d.with_fix_at(r, rep, a);
                }
                out.push(d);
                return;
            }
            Problem::Stray => (
                format!("{ch} opens nothing: it ends its paragraph"),
                "delete the mark, or close the quotation it was meant to close".to_owned(),
                None,
            ),
        };
        let message = self.message(cx, &range, message);
        let mut d = self.meta.diag(range, message).with_help(help);
        if let Some((r, rep, a)) = fix {
            d = d.with_fix_at(r, rep, a);
        }
        out.push(d);
    }

    fn message(&self, cx: &Context<'_>, range: &Range<usize>, default: String) -> String {
        match &self.meta.message {
            Some(t) => render(t, &[("found", cx.doc.slice(range))]),
            None => default,
        }
    }
}
