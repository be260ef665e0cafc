//! `missing-space`: no space after a sentence's punctuation
//! (`stabilized.The`, `friends,family`) or between a word and the date
//! glued to it (`Ukraine09.02.24`). Links, e-mail addresses, initials
//! (`K.Marx`, `U.S.`), decimals and domains (`Tut.by`) are left alone.

use serde::Deserialize;

use super::in_link;
use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// A `missing-space` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct MissingSpace {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(MissingSpace { meta }))
}

/// How many lower-case letters end `s`.
fn lowercase_tail(s: &str) -> usize {
    // Callers ask for two at most: the rest of a long word is not read.
    s.chars()
        .rev()
        .take(2)
        .take_while(|c| c.is_lowercase())
        .count()
}

/// Whether `s` opens with a date written with dots: `09.02.24`, `9.2.2024`.
fn opens_with_date(s: &str) -> bool {
    let mut parts = s.split('.');
    let num = |p: Option<&str>, max: usize| {
        p.is_some_and(|p| {
            let digits = p.bytes().take_while(u8::is_ascii_digit).count();
            (1..=max).contains(&digits)
        })
    };
    let (a, b, c) = (parts.next(), parts.next(), parts.next());
    a.is_some_and(|a| a.len() <= 2 && a.bytes().all(|b| b.is_ascii_digit()))
        && b.is_some_and(|b| b.len() <= 2 && b.bytes().all(|b| b.is_ascii_digit()))
        && num(c, 4)
}

impl Rule for MissingSpace {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        for para in &cx.doc.paragraphs {
            let Some(hay) = text.get(para.clone()) else {
                continue;
            };
            // Only punctuation and digits can start a finding. The marks are
            // found with memchr; a digit only counts where a date (`09.02.24`)
            // is glued to a word, so its one or two digits end at a full stop
            // found among the marks. The characters around them are decoded
            // only there.
            let bytes = hay.as_bytes();
            let mut starts: Vec<usize> = memchr::memchr3_iter(b'.', b',', b';', bytes)
                .chain(memchr::memchr2_iter(b'!', b'?', bytes))
                .collect();
            let dates: Vec<usize> = starts
                .iter()
                .filter(|&&d| bytes[d] == b'.')
                .filter_map(|&d| {
                    let digits = bytes[..d]
                        .iter()
                        .rev()
                        .take(3)
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    (1..=2).contains(&digits).then(|| d - digits)
                })
                .collect();
            starts.extend(dates);
            starts.sort_unstable();
            for k in starts {
                let byte = bytes[k];
                let (i, c, j, next) = match byte {
                    b'.' | b'!' | b'?' | b',' | b';' => {
                        // A letter must follow; most marks are followed by a space.
                        if bytes
                            .get(k + 1)
                            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic())
                        {
                            continue;
                        }
                        let Some(next) = hay[k + 1..].chars().next() else {
                            continue;
                        };
                        (k, byte as char, k + 1, next)
                    }
                    b'0'..=b'9'
                        if k > 0 && (bytes[k - 1].is_ascii_lowercase() || bytes[k - 1] >= 0x80) =>
                    {
                        let Some(c) = hay[..k].chars().next_back() else {
                            continue;
                        };
                        (k - c.len_utf8(), c, k, byte as char)
                    }
                    _ => continue,
                };
                let at = para.start + i;
                let head = &text[para.start..at];
                let found = match c {
                    // What follows first: it is a space almost always.
                    '.' | '!' | '?' => {
                        next.is_uppercase()
                            && hay[j + next.len_utf8()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                            && lowercase_tail(head) >= 2
                    }
                    ',' | ';' => {
                        next.is_lowercase()
                            && lowercase_tail_len_after(&hay[j..]) >= 2
                            && lowercase_tail(head) >= 2
                    }
                    _ if c.is_lowercase() && next.is_ascii_digit() => {
                        lowercase_tail(head) >= 2 && opens_with_date(&hay[j..])
                    }
                    _ => false,
                };
                let entity = c == ';'
                    && head
                        .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                        .ends_with(['&', '#']);
                if !found || entity || in_link(text, at) {
                    continue;
                }
                let (range, what, fix) = if c.is_lowercase() {
                    (
                        at..para.start + j,
                        format!("no space between '{c}' and the date after it"),
                        format!("{c} "),
                    )
                } else {
                    (
                        at..at + c.len_utf8(),
                        format!("no space after '{c}'"),
                        format!("{c} "),
                    )
                };
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
                    None => what,
                };
                out.push(
                    self.meta
                        .diag(range, message)
                        .with_help("add a space")
                        .with_fix(fix, Applicability::Safe),
                );
            }
        }
    }
}

/// How many lower-case letters open `s`.
fn lowercase_tail_len_after(s: &str) -> usize {
    s.chars().take(2).take_while(|c| c.is_lowercase()).count()
}
