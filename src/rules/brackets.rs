//! `bracket-balance`: round and square brackets of a paragraph, paired: a
//! closing bracket nothing opened (`a bracket closed twice))`) and an
//! opening one never closed. A list marker closing only (`1)`, `a)` at a
//! line's start) and an emoticon (`:)`) are no brackets; a bracket left open
//! by a stripped attribution (`Brest (, - The…`) is markers/broken-attribution's.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};

/// A `bracket-balance` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct BracketBalance {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(BracketBalance { meta }))
}

fn partner(close: u8) -> u8 {
    if close == b')' {
        b'('
    } else {
        b'['
    }
}

/// `1)`, `a)`, `iv)` at the start of a line: a list marker.
fn is_list_marker(line_head: &[u8]) -> bool {
    let head = line_head.trim_ascii_start();
    !head.is_empty() && head.len() <= 3 && head.iter().all(u8::is_ascii_alphanumeric)
}

impl Rule for BracketBalance {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        let mut stack: Vec<usize> = Vec::new();
        for para in &cx.doc.paragraphs {
            stack.clear();
            // A paragraph without a bracket (most) needs no walk.
            let hay = &bytes[para.clone()];
            if memchr::memchr2(b'(', b')', hay).is_none()
                && memchr::memchr2(b'[', b']', hay).is_none()
            {
                continue;
            }
            let mut line_start = para.start;
            for i in para.clone() {
                let b = bytes[i];
                match b {
                    b'\n' => line_start = i + 1,
                    b'(' | b'[' => stack.push(i),
                    b')' | b']' => {
                        if stack.last().is_some_and(|&o| bytes[o] == partner(b)) {
                            stack.pop();
                            continue;
                        }
                        let emoticon = i > 0 && matches!(bytes[i - 1], b':' | b';' | b'=');
                        if emoticon || (b == b')' && is_list_marker(&bytes[line_start..i])) {
                            continue;
                        }
                        self.push(cx, i, b, true, out);
                    }
                    _ => {}
                }
            }
            for &o in &stack {
                // `Brest (, - The…`: a stripped attribution, markers/broken-attribution's finding.
                let rest = text[o + 1..para.end].trim_start_matches([' ', '\u{a0}']);
                if rest.starts_with([',', ';', ':', '-', '–', '—']) {
                    continue;
                }
                self.push(cx, o, bytes[o], false, out);
            }
        }
    }
}

impl BracketBalance {
    fn push(&self, cx: &Context<'_>, at: usize, b: u8, closing: bool, out: &mut Sink) {
        let range = at..at + 1;
        let mark = b as char;
        let (message, help) = if closing {
            (
                format!("'{mark}' closes a bracket that was never opened"),
                "delete it, or open the bracket where it begins",
            )
        } else {
            (
                format!("'{mark}' is never closed in its paragraph"),
                "close the bracket where it ends",
            )
        };
        let message = match &self.meta.message {
            Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
            None => message,
        };
        out.push(self.meta.diag(range, message).with_help(help));
    }
}
