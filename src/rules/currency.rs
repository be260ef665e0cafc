//! `currency-spacing`: one article writing currency amounts both with and
//! without a space between the symbol and the number: `$300` and `$ 300`
//! (symbol first, as in English), or `100 €` and `100€` (symbol after the
//! number, as German, French, Polish and Russian write it). Each position
//! is compared with itself: `100 €` in a German article is the standard
//! form, not an inconsistency with `$300` in the same text. With
//! `convention = true` the rule instead reports amounts that are all
//! written one way against the language's convention (`$ 70 billion` in
//! English).

use std::ops::Range;

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::lang::CurrencySpacing as Spacing;

/// The fields of a `currency-spacing` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    /// Instead of a mix, report amounts written one way against the
    /// language's convention (its profile's `typography.currency-before`
    /// and `currency-after`).
    convention: Option<toml::Spanned<bool>>,
}

pub struct CurrencySpacing {
    meta: RuleMeta,
    convention: bool,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let convention = raw.convention.is_some_and(|c| *c.get_ref());
    Some(Box::new(CurrencySpacing { meta, convention }))
}

const SYMBOLS: [char; 6] = ['$', '€', '£', '₽', '¥', '₴'];

/// One amount: the symbol and the space between it and the number (the
/// range the fix rewrites), whether there is a space, and where the symbol is.
struct Amount {
    range: Range<usize>,
    spaced: bool,
    symbol_first: bool,
}

const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The amounts of a paragraph: a symbol before its number (`$300`, `$ 300`,
/// the symbol not glued to a word before it) or after it (`100 €`, `100€`).
/// Found by looking at the characters around each symbol, which a byte
/// search finds: most paragraphs hold none.
fn amounts(text: &str, para: &Range<usize>) -> Vec<Amount> {
    let hay = &text[para.clone()];
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for (at, sym) in symbols(hay) {
        let end = at + sym.len_utf8();
        let prev = hay[..at].chars().next_back();
        // Before its number: one optional space, then a digit.
        if !prev.is_some_and(char::is_alphanumeric) {
            let rest = &hay[end..];
            let space = rest.chars().next().filter(|c| SPACES.contains(c));
            let digit_at = end + space.map_or(0, char::len_utf8);
            if hay[digit_at..].starts_with(|c: char| c.is_ascii_digit()) {
                first.push(Amount {
                    range: para.start + at..para.start + digit_at,
                    spaced: space.is_some(),
                    symbol_first: true,
                });
            }
        }
        // After its number: a digit, one optional space, the symbol.
        let space = prev.filter(|c| SPACES.contains(c));
        let number_end = at - space.map_or(0, char::len_utf8);
        if !hay[..number_end].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // "in 2020 $ 300 million": the symbol belongs to the number after it.
        let rest = hay[end..].trim_start_matches(SPACES);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // "100 €uro"-like words are not amounts.
        if rest.len() == hay.len() - end && rest.starts_with(char::is_alphanumeric) {
            continue;
        }
        last.push(Amount {
            range: para.start + number_end..para.start + end,
            spaced: space.is_some(),
            symbol_first: false,
        });
    }
    first.append(&mut last);
    first
}

/// Where the currency symbols of `hay` are: `$` is one byte, the others
/// start with 0xC2 or 0xE2, which one `memchr3` finds.
fn symbols(hay: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'$', 0xC2, 0xE2, hay.as_bytes()).filter_map(move |at| {
        let c = hay.get(at..)?.chars().next()?;
        SYMBOLS.contains(&c).then_some((at, c))
    })
}

impl Rule for CurrencySpacing {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        // Most articles hold no currency symbol: skip the regexes.
        if symbols(cx.doc.text).next().is_none() {
            return;
        }
        let found: Vec<Amount> = cx
            .doc
            .paragraphs
            .iter()
            .flat_map(|p| amounts(cx.doc.text, p))
            .collect();
        for symbol_first in [true, false] {
            let same: Vec<&Amount> = found
                .iter()
                .filter(|a| a.symbol_first == symbol_first)
                .collect();
            self.report(cx, &same, symbol_first, out);
        }
    }
}

impl CurrencySpacing {
    fn report(&self, cx: &Context<'_>, found: &[&Amount], symbol_first: bool, out: &mut Sink) {
        let spaced = found.iter().filter(|a| a.spaced).count();
        let tight = found.len() - spaced;
        if spaced == 0 || tight == 0 {
            if self.convention {
                self.report_convention(cx, found, symbol_first, out);
            }
            return;
        }
        if self.convention {
            return;
        }
        // On a tie, keep each position's usual form: `$300` (English), `100 €`
        // (German, French, Polish, Russian).
        let flag_spaced = if symbol_first {
            spaced <= tight
        } else {
            spaced < tight
        };
        let Some(first_kept) = found.iter().find(|a| a.spaced != flag_spaced) else {
            return;
        };
        let note = format!("{tight} without a space, {spaced} with one");
        for a in found.iter().filter(|a| a.spaced == flag_spaced) {
            let text = cx.doc.slice(&a.range);
            let symbol = text.trim_matches([' ', '\u{a0}', '\u{202f}']);
            let (message, fix, label) = match (a.spaced, symbol_first) {
                (true, _) => (
                    format!("'{symbol}' is spaced from its amount, unlike elsewhere"),
                    symbol.to_owned(),
                    "no space here",
                ),
                (false, true) => (
                    format!("'{symbol}' is not spaced from its amount, unlike elsewhere"),
                    format!("{symbol}{}", space_of(cx.doc.slice(&first_kept.range))),
                    "a space here",
                ),
                (false, false) => (
                    format!("'{symbol}' is not spaced from its amount, unlike elsewhere"),
                    // The space the article uses elsewhere (often a no-break one).
                    format!("{}{symbol}", space_of(cx.doc.slice(&first_kept.range))),
                    "a space here",
                ),
            };
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", text)]),
                None => message,
            };
            out.push(
                self.meta
                    .diag(a.range.clone(), message)
                    .with_label(first_kept.range.clone(), label)
                    .with_note(note.clone())
                    .with_help("write every amount the same way")
                    .with_fix(fix, Applicability::Safe),
            );
        }
    }
}

impl CurrencySpacing {
    /// Every amount of one position written one way, against the language's
    /// convention (profile `typography.currency-before`/`currency-after`):
    /// `$ 70 billion` in English, `100€` in German.
    fn report_convention(
        &self,
        cx: &Context<'_>,
        found: &[&Amount],
        symbol_first: bool,
        out: &mut Sink,
    ) {
        let t = &cx.doc.language.profile().typography;
        let convention = if symbol_first {
            t.currency_before
        } else {
            t.currency_after
        };
        let Some(convention) = convention else {
            return;
        };
        let want_space = convention == Spacing::Spaced;
        let language = cx.doc.language.name();
        for a in found.iter().filter(|a| a.spaced != want_space) {
            let text = cx.doc.slice(&a.range);
            let symbol = text.trim_matches([' ', '\u{a0}', '\u{202f}']);
            let (message, fix, example) = match (want_space, symbol_first) {
                (false, _) => (
                    format!("'{symbol}' is spaced from its amount"),
                    symbol.to_owned(),
                    if symbol_first {
                        format!("{symbol}300")
                    } else {
                        format!("300{symbol}")
                    },
                ),
                (true, true) => (
                    format!("'{symbol}' is not spaced from its amount"),
                    format!("{symbol}\u{a0}"),
                    format!("{symbol} 300"),
                ),
                (true, false) => (
                    format!("'{symbol}' is not spaced from its amount"),
                    format!("\u{a0}{symbol}"),
                    format!("300 {symbol}"),
                ),
            };
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", text)]),
                None => message,
            };
            out.push(
                self.meta
                    .diag(a.range.clone(), message)
                    .with_note(format!("{language} writes {example}"))
                    .with_help(format!("write {example}"))
                    .with_fix(fix, Applicability::Safe),
            );
        }
    }
}

/// The space character in a spaced amount's range (` `, no-break or narrow).
fn space_of(spaced: &str) -> char {
    spaced
        .chars()
        .find(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .unwrap_or(' ')
}
