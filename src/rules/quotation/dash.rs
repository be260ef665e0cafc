//! `dash-attribution`: an attribution set off with a dash, as Russian and
//! Ukrainian punctuate direct speech (`«…», — сказал он`), left in a
//! language that does not: `this”, — said Pushilin`, `” – noted`,
//! `direction, " - said`, and a quotation that lost its marks and ends
//! `…, - declares the minister.` or stands alone as `- Umerov summarized.`
//! The marks are the language's closing ones and the straight quote; the
//! attribution after a dash with no mark must hold one of the pack's
//! reporting `verbs` and end the paragraph within a few words.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{char_before, is_space, MarkSet, Role};
use crate::diagnostic::Applicability;
use crate::rules::compile::{allow_lowercase, Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// The fields of a `dash-attribution` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Reporting verbs (`said`, `noted`): what makes a dash and a few words
    /// with no quotation mark before them an attribution.
    verbs: Option<Spanned<Vec<String>>>,
}

pub struct DashAttribution {
    meta: RuleMeta,
    verbs: HashSet<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(DashAttribution {
        meta,
        verbs: allow_lowercase(raw.verbs),
    }))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// Words of an attribution after a dash that has no quotation mark before it.
const MAX_TAIL_WORDS: usize = 6;
/// Bytes of such an attribution, generously: six long words in any script.
const MAX_TAIL_BYTES: usize = 200;

impl Rule for DashAttribution {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let set = MarkSet::of(cx.doc.language);
        let is_closer = |c: char| {
            c == '"'
                || set
                    .as_ref()
                    .is_some_and(|s| matches!(s.role(c), Some(Role::Close(_))))
        };
        let text = cx.doc.text;
        for para in &cx.doc.paragraphs {
            let Some(hay) = text.get(para.clone()) else {
                continue;
            };
            // Every dash is `-` or starts with the byte 0xE2 (U+2012 to U+2015).
            for i in memchr::memchr2_iter(b'-', 0xE2, hay.as_bytes()) {
                let Some(c) = hay.get(i..).and_then(|t| t.chars().next()) else {
                    continue;
                };
                if !is_dash(c) {
                    continue;
                }
                let at = para.start + i;
                let dash_end = at + c.len_utf8();
                // The dash is followed by a space and a lower-case word (`— said`).
                let rest = &text[dash_end..para.end];
                let trimmed = rest.trim_start_matches(is_space);
                if trimmed.len() == rest.len() {
                    continue;
                }
                let lower = trimmed.chars().next().is_some_and(char::is_lowercase);
                let tail_start = para.end - trimmed.len();
                // Before it: a closing mark, perhaps a comma, perhaps spaces.
                let head = text[para.start..at].trim_end_matches(is_space);
                let head_wo_comma = head.strip_suffix(',').unwrap_or(head);
                let mark = head_wo_comma.chars().next_back().filter(|&m| is_closer(m));
                if let Some(m) = mark {
                    if !lower {
                        continue;
                    }
                    let mark_at = para.start + head_wo_comma.len() - m.len_utf8();
                    // A straight quote after a space opens rather than closes,
                    // unless punctuation before it shows a quotation ending.
                    if m == '"'
                        && char_before(text, mark_at).is_some_and(is_space)
                        && !text[..mark_at]
                            .trim_end_matches(is_space)
                            .ends_with([',', '.', '!', '?', '…'])
                    {
                        continue;
                    }
                    self.report_after_mark(cx, mark_at, m, tail_start, out);
                } else if self.is_bare_attribution(head, trimmed, lower) {
                    self.push(
                        cx,
                        at..dash_end,
                        "an attribution set off with a dash, and no quotation marks".to_owned(),
                        "put the quotation in quotation marks and write the attribution after a comma",
                        None,
                        out,
                    );
                }
            }
        }
    }
}

impl DashAttribution {
    /// `…”, — said`: the fix keeps the mark and writes the comma before it.
    fn report_after_mark(
        &self,
        cx: &Context<'_>,
        mark_at: usize,
        mark: char,
        tail_start: usize,
        out: &mut Sink,
    ) {
        let text = cx.doc.text;
        let range = mark_at..tail_start;
        let before_mark = text[..mark_at].trim_end_matches(is_space);
        let punct_inside = before_mark.ends_with([',', '.', '!', '?', '…']);
        let replacement = if punct_inside {
            format!("{mark} ")
        } else {
            format!(",{mark} ")
        };
        // A space before the mark goes too: `kettlebell ” - said` → `kettlebell,” said`.
        let fix_start = mark_at - (text[..mark_at].len() - before_mark.len());
        self.push(
            cx,
            range,
            format!("an attribution set off with a dash after the closing mark {mark}"),
            "write the attribution after a comma inside the quotation, without a dash",
            Some((fix_start..tail_start, replacement)),
            out,
        );
    }

    /// `…, - declares the minister.` or a paragraph `- Umerov summarized.`:
    /// a few words after the dash, with a reporting verb, end the paragraph.
    fn is_bare_attribution(&self, head: &str, tail: &str, lower: bool) -> bool {
        // A few words only: a long tail is no attribution (and is not split per dash).
        if tail.len() > MAX_TAIL_BYTES {
            return false;
        }
        let at_start = head.is_empty() || head.ends_with('\n');
        let after_clause = lower && head.ends_with([',', '.', '!', '?', '…']);
        if !(at_start || after_clause) {
            return false;
        }
        let tail = tail.trim_end();
        if !tail.ends_with('.') {
            return false;
        }
        let words: Vec<&str> = tail
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= MAX_TAIL_WORDS
            && words
                .iter()
                .take(3)
                .any(|w| self.verbs.contains(&w.to_lowercase()))
    }

    fn push(
        &self,
        cx: &Context<'_>,
        range: Range<usize>,
        message: String,
        help: &str,
        fix: Option<(Range<usize>, String)>,
        out: &mut Sink,
    ) {
        let message = match &self.meta.message {
            Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
            None => message,
        };
        let mut d = self.meta.diag(range, message).with_help(help);
        if let Some((r, rep)) = fix {
            d = d.with_fix_at(r, rep, Applicability::Unsafe);
        }
        out.push(d);
    }
}
