//! `mixed-quotes`: straight (`"`) and typeset double quotes in one article.
//! The typeset quotes are the language's: `“ ”` by default, `„ “` or `» «`
//! in German, `« »` in French and Russian, `„ ”` in Polish (`quotes`). The
//! minority style is reported, one finding per quoted span, with the fix to
//! the majority style.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `mixed-quotes` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    quotes: Option<Spanned<Vec<String>>>,
    nested_quotes: Option<Spanned<String>>,
}

/// An opening and a closing quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pair {
    open: char,
    close: char,
}

const CURLY: Pair = Pair {
    open: '“',
    close: '”',
};

impl Pair {
    /// How messages name the style: `curly quotes`, `« » quotes`.
    fn style(self) -> String {
        if self == CURLY {
            "curly quotes".to_owned()
        } else {
            format!("{} {} quotes", self.open, self.close)
        }
    }
}

pub struct MixedQuotes {
    meta: RuleMeta,
    /// The language's double quotes; the first is the default form.
    pairs: Vec<Pair>,
    /// Offered for a straight quotation inside a typeset one.
    nested: Pair,
}

fn parse_pair(cx: &mut Compiler<'_>, s: &str, span: Range<usize>) -> Option<Pair> {
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(open), Some(close), None)
            if !open.is_alphanumeric()
                && !close.is_alphanumeric()
                && !open.is_whitespace()
                && !close.is_whitespace()
                && open != '"'
                && close != '"' =>
        {
            Some(Pair { open, close })
        }
        _ => {
            cx.error_help(
                span,
                format!("invalid quotation marks `{s}`"),
                "write the opening and the closing mark, two characters, neither a straight quote: \"“”\", \"„“\", \"«»\"",
            );
            None
        }
    }
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let mut ok = true;
    let pairs = match raw.quotes {
        None => vec![CURLY],
        Some(q) => {
            let span = q.span();
            let mut pairs = Vec::new();
            for s in q.into_inner() {
                match parse_pair(cx, &s, span.clone()) {
                    Some(p) => pairs.push(p),
                    None => ok = false,
                }
            }
            if ok && pairs.is_empty() {
                cx.error(
                    span.clone(),
                    "`quotes` needs at least one pair of quotation marks",
                );
                ok = false;
            }
            // A mark that opens one pair and closes another ("„“" with "“”") cannot be paired.
            let ambiguous = pairs.iter().any(|a| {
                pairs
                    .iter()
                    .any(|b| a != b && (a.open == b.close || a.close == b.open))
            });
            if ok && ambiguous {
                cx.error_help(
                    span,
                    "a quotation mark in `quotes` opens one pair and closes another",
                    "list only the pairs of one convention, e.g. [\"„“\", \"»«\"] for German",
                );
                ok = false;
            }
            pairs
        }
    };
    let nested = match raw.nested_quotes {
        None => Pair {
            open: '‘',
            close: '’',
        },
        Some(n) => {
            let span = n.span();
            parse_pair(cx, n.get_ref(), span)?
        }
    };
    ok.then(|| {
        Box::new(MixedQuotes {
            meta,
            pairs,
            nested,
        }) as Box<dyn Rule>
    })
}

/// A quoted span in one style: its range, the typeset pair it uses (none:
/// straight quotes), and whether it sits inside a quotation of the other
/// style (then the fix needs the nested marks).
struct Quoted {
    range: Range<usize>,
    pair: Option<Pair>,
    closed: bool,
    nested: bool,
}

/// The straight quotations of a paragraph, and how deep each sits in typeset ones.
fn straight_spans(text: &str, para: &Range<usize>, pairs: &[Pair]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    // Open typeset quotations, per pair (a pair whose marks are equal toggles).
    let mut depth = vec![0i32; pairs.len()];
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        if c == '"' {
            match open.take() {
                Some((start, nested)) => out.push(Quoted {
                    range: start..at + 1,
                    pair: None,
                    closed: true,
                    nested,
                }),
                None => open = Some((at, depth.iter().any(|d| *d > 0))),
            }
            continue;
        }
        for (p, d) in pairs.iter().zip(depth.iter_mut()) {
            if p.open == p.close && c == p.open {
                *d = if *d > 0 { 0 } else { 1 };
            } else if c == p.open {
                *d += 1;
            } else if c == p.close {
                *d -= 1;
            }
        }
    }
    if let Some((start, nested)) = open {
        out.push(Quoted {
            range: start..start + 1,
            pair: None,
            closed: false,
            nested,
        });
    }
    out
}

/// The quotations of a paragraph in one typeset pair.
fn typeset_spans(text: &str, para: &Range<usize>, pair: Pair) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[para.clone()].char_indices() {
        let at = para.start + i;
        if c == pair.open && open.is_none() {
            open = Some(at);
        } else if c == pair.close {
            if let Some(start) = open.take() {
                out.push(Quoted {
                    range: start..at + c.len_utf8(),
                    pair: Some(pair),
                    closed: true,
                    nested: false,
                });
            }
        }
    }
    if let Some(start) = open {
        out.push(Quoted {
            range: start..start + pair.open.len_utf8(),
            pair: Some(pair),
            closed: false,
            nested: false,
        });
    }
    out
}

fn first_char(text: &str, r: &Range<usize>) -> Range<usize> {
    r.start..r.start + text[r.start..].chars().next().map_or(0, char::len_utf8)
}

/// Spaces written inside quotation marks: French `« texte »`.
fn is_inner_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The space the article writes inside its typeset quotes, if any.
fn inner_space(text: &str, q: &Quoted) -> Option<char> {
    let mut chars = text[q.range.clone()].chars();
    chars.next();
    chars.next().filter(|c| is_inner_space(*c))
}

impl Rule for MixedQuotes {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let straight: Vec<Quoted> = cx
            .doc
            .paragraphs
            .iter()
            .flat_map(|p| straight_spans(text, p, &self.pairs))
            .collect();
        if straight.is_empty() {
            return;
        }
        let by_pair: Vec<Vec<Quoted>> = self
            .pairs
            .iter()
            .map(|&pair| {
                cx.doc
                    .paragraphs
                    .iter()
                    .flat_map(|p| typeset_spans(text, p, pair))
                    .collect()
            })
            .collect();
        let typeset_count: usize = by_pair.iter().map(Vec::len).sum();
        if typeset_count == 0 {
            return;
        }
        // The pair the article uses most (the first listed on a tie) is what straight quotes become.
        let main = by_pair
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (v.len(), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        let main_pair = self.pairs[main];
        let space = by_pair[main]
            .iter()
            .find(|q| q.closed)
            .and_then(|q| inner_space(text, q));
        // Typeset quotes are the typeset form: on a tie, the straight ones are reported.
        let flag_straight = straight.len() <= typeset_count;
        let typeset: Vec<Quoted> = by_pair.into_iter().flatten().collect();
        let (flagged, first_kept) = if flag_straight {
            (
                &straight,
                typeset
                    .iter()
                    .filter(|q| q.pair == Some(main_pair))
                    .min_by_key(|q| q.range.start),
            )
        } else {
            (&typeset, straight.first())
        };
        let Some(first_kept) = first_kept else {
            return;
        };
        let quotations = |n: usize| {
            if n == 1 {
                "1 quotation".to_owned()
            } else {
                format!("{n} quotations")
            }
        };
        let mut counts = vec![format!("{} in straight quotes", quotations(straight.len()))];
        for p in &self.pairs {
            let n = typeset.iter().filter(|q| q.pair == Some(*p)).count();
            if n > 0 {
                counts.push(format!("{} in {}", quotations(n), p.style()));
            }
        }
        let note = counts.join(", ");
        for q in flagged {
            let found = &text[q.range.clone()];
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found)]),
                None => match q.pair {
                    None => format!(
                        "straight quotes in an article that uses {}",
                        main_pair.style()
                    ),
                    Some(p) => format!("{} in an article that uses straight quotes", p.style()),
                },
            };
            let label = if flag_straight {
                format!("{} here", main_pair.style())
            } else {
                "straight quotes here".to_owned()
            };
            let mut d = self
                .meta
                .diag(q.range.clone(), message)
                .with_label(first_char(text, &first_kept.range), label)
                .with_note(note.clone());
            if q.closed {
                let mut chars = found.chars();
                chars.next();
                chars.next_back();
                let inner = chars.as_str();
                let (replacement, applicability) = match (flag_straight, q.nested) {
                    (true, false) => {
                        let s = space.map(String::from).unwrap_or_default();
                        let inner = if space.is_some() {
                            inner.trim_matches(is_inner_space)
                        } else {
                            inner
                        };
                        (
                            format!("{}{s}{inner}{s}{}", main_pair.open, main_pair.close),
                            Applicability::Safe,
                        )
                    }
                    (true, true) => (
                        format!("{}{inner}{}", self.nested.open, self.nested.close),
                        Applicability::Unsafe,
                    ),
                    (false, _) => (
                        format!("\"{}\"", inner.trim_matches(is_inner_space)),
                        Applicability::Safe,
                    ),
                };
                let (open, close) = if flag_straight && !q.nested {
                    (main_pair.open, main_pair.close)
                } else if flag_straight {
                    (self.nested.open, self.nested.close)
                } else {
                    ('"', '"')
                };
                d = d
                    .with_help(format!("write {open}{close}"))
                    .with_fix(replacement, applicability);
            } else {
                d = d.with_help("this quotation is never closed");
            }
            out.push(d);
        }
    }
}
