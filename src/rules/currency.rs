//! `currency-spacing`: one article writing a currency amount both with and
//! without a space after the symbol (`$300` and `$ 300`).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::packs::schema::RawRule;

pub const FIELDS: &[&str] = &[];

pub struct CurrencySpacing {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: RawRule, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(CurrencySpacing { meta }))
}

fn amount() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|[^\p{L}\p{N}])([$€£₽¥₴])([ \u{a0}]?)\d").ok())
        .as_ref()
}

impl Rule for CurrencySpacing {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let Some(re) = amount() else {
            return;
        };
        // (symbol and the space after it, spaced?)
        let mut found: Vec<(Range<usize>, bool)> = Vec::new();
        for p in &cx.doc.paragraphs {
            for c in re.captures_iter(cx.doc.slice(p)) {
                if let (Some(sym), Some(space)) = (c.get(1), c.get(2)) {
                    found.push((
                        p.start + sym.start()..p.start + space.end(),
                        !space.is_empty(),
                    ));
                }
            }
        }
        let spaced = found.iter().filter(|(_, s)| *s).count();
        let tight = found.len() - spaced;
        if spaced == 0 || tight == 0 {
            return;
        }
        // English writes the symbol against the number; on a tie, keep that.
        let flag_spaced = spaced <= tight;
        let Some((first_kept, _)) = found.iter().find(|(_, s)| *s != flag_spaced) else {
            return;
        };
        let note = format!("{tight} without a space, {spaced} with one");
        for (r, s) in found.iter().filter(|(_, s)| *s == flag_spaced) {
            let text = cx.doc.slice(r);
            let symbol = text.trim_end();
            let (message, fix, label) = if *s {
                (
                    format!("'{symbol}' is spaced from its amount, unlike elsewhere"),
                    symbol.to_owned(),
                    "no space here",
                )
            } else {
                (
                    format!("'{symbol}' is not spaced from its amount, unlike elsewhere"),
                    format!("{symbol} "),
                    "a space here",
                )
            };
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", text)]),
                None => message,
            };
            out.push(
                self.meta
                    .diag(r.clone(), message)
                    .with_label(first_kept.clone(), label)
                    .with_note(note.clone())
                    .with_help("write every amount the same way")
                    .with_fix(fix, Applicability::Safe),
            );
        }
    }
}
