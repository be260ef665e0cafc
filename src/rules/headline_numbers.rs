//! `headline-numbers`: an amount or count in the headline (or standfirst)
//! that the body states for the same thing at least ten times larger or
//! smaller: `a million dollar loan` over `$500 million loan`, `$1.5 billion`
//! over `$15 billion`. Amounts are paired by what they count: the same
//! currency and the same noun after them (`loan`, `troops`). A headline
//! that rounds (`$2 billion` over `$1.9 billion`) or sums (`$1 billion`
//! over two `$500 million` tranches) is within a factor of ten and silent.

use std::ops::Range;

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::document::{Document, Word};

/// The fields of a `headline-numbers` rule (none besides the common ones).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {}

pub struct HeadlineNumbers {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(HeadlineNumbers { meta }))
}

/// How far apart two statements of one amount must be to be a slip, not
/// rounding or a sum: a tenfold or named-unit slip (million for billion).
const FACTOR: f64 = 9.5;

fn scale(w: &str) -> Option<f64> {
    Some(match w.to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        "million" | "millions" | "mln" | "mn" => 1e6,
        "billion" | "billions" | "bln" | "bn" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// A currency written as a word after the amount.
fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w.to_ascii_lowercase().as_str() {
        "dollar" | "dollars" | "usd" => "$",
        "euro" | "euros" | "eur" => "€",
        "pound" | "pounds" | "gbp" => "£",
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => "₽",
        "hryvnia" | "hryvnias" | "hryvnias'" | "uah" => "₴",
        "yuan" | "cny" => "¥",
        _ => return None,
    })
}

/// Words after an amount that are not what it counts.
const NOT_NOUNS: &[&str] = &[
    "in", "of", "to", "for", "and", "or", "the", "a", "an", "worth", "from", "by", "on", "at",
    "per", "more", "than", "over", "with", "as", "this", "that", "each", "under", "into", "until",
    "was", "were", "is", "are", "will", "would", "had", "has", "have", "be", "been", "it", "its",
    "percent", "per cent", "years", "year", "ago", "since", "last", "next",
];

#[derive(Debug)]
struct Amount {
    range: Range<usize>,
    value: f64,
    currency: &'static str,
    noun: String,
}

/// A number word: `500`, `1,500`, `1.5`, `500m`, `1.5bn`, with the scale glued to it.
fn number(w: &str) -> Option<(f64, Option<f64>)> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let glued = &w[digits.len()..];
    let glued_scale = match glued {
        "" => None,
        "m" => Some(1e6),
        "k" => Some(1e3),
        s => Some(scale(s)?),
    };
    if digits.is_empty()
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let v: f64 = digits.replace(',', "").parse().ok()?;
    Some((v, glued_scale))
}

fn amounts(doc: &Document<'_>, words: &[Word]) -> Vec<Amount> {
    let text = doc.text;
    let word = |i: usize| words.get(i).map(|w| &text[w.range()]);
    // Between the parts of one amount: a space or a hyphen (`million-dollar`).
    let joined = |i: usize| match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => matches!(&text[a.end..b.start], " " | "-" | "\u{a0}"),
        _ => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let s = &text[w.range()];
        let first = s.as_bytes()[0];
        let (value, mut mult) = if first.is_ascii_digit() {
            match number(s) {
                Some(n) => n,
                None => {
                    i += 1;
                    continue;
                }
            }
        } else if matches!(s, "a" | "A" | "one" | "One")
            && joined(i)
            && word(i + 1).and_then(scale).is_some()
        {
            (1.0, None)
        } else {
            i += 1;
            continue;
        };
        let start = w.start;
        let before = &text[..start];
        let mut currency = if before.ends_with('$') {
            "$"
        } else if before.ends_with('€') {
            "€"
        } else if before.ends_with('£') {
            "£"
        } else {
            ""
        };
        let mut j = i;
        if mult.is_none() && joined(j) {
            if let Some(m) = word(j + 1).and_then(scale) {
                mult = Some(m);
                j += 1;
            }
        }
        if currency.is_empty() && joined(j) {
            if let Some(c) = word(j + 1).and_then(currency_word) {
                currency = c;
                j += 1;
            }
        }
        let noun = (joined(j))
            .then(|| word(j + 1))
            .flatten()
            .filter(|n| {
                n.len() >= 3 && n.chars().all(|c| c.is_ascii_lowercase()) && !NOT_NOUNS.contains(n)
            })
            .map(|n| n.trim_end_matches('s').to_owned());
        let total = value * mult.unwrap_or(1.0);
        // A year, a day or a small count is not an amount to compare.
        let counts = !currency.is_empty() || mult.is_some() || total >= 1000.0 && !s.len().eq(&4);
        if let (Some(noun), true) = (noun, counts) {
            // The amount with what it counts: `$500 million loan`.
            let end = words.get(j + 1).map_or(words[j].end, |w| w.end);
            out.push(Amount {
                range: if !currency.is_empty() && before.ends_with(currency) {
                    start - currency.len()..end
                } else {
                    start..end
                },
                value: total,
                currency,
                noun,
            });
        }
        i = j + 1;
    }
    out
}

impl Rule for HeadlineNumbers {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let Some(headline) = doc.headline.clone() else {
            return;
        };
        let text = doc.text;
        // Cheap test first: a headline without a digit or a scale word has no amount.
        let h = &text[headline.clone()];
        if !h.bytes().any(|b| b.is_ascii_digit()) && !h.contains("illion") {
            return;
        }
        let in_range = |r: &Range<usize>| {
            let lo = doc.words.partition_point(|w| w.start < r.start);
            let hi = doc.words.partition_point(|w| w.start < r.end);
            &doc.words[lo..hi]
        };
        let top = amounts(doc, in_range(&headline));
        if top.is_empty() {
            return;
        }
        let body_range = headline.end..text.len();
        let body = amounts(doc, in_range(&body_range));
        for a in &top {
            let same: Vec<&Amount> = body
                .iter()
                .filter(|b| b.currency == a.currency && b.noun == a.noun && b.value > 0.0)
                .collect();
            if same.is_empty() || a.value <= 0.0 {
                continue;
            }
            let close = same.iter().any(|b| {
                let r = a.value / b.value;
                (1.0 / FACTOR..FACTOR).contains(&r)
            });
            if close {
                continue;
            }
            let Some(b) = same.first() else { continue };
            let found = doc.slice(&a.range);
            let body_text = doc.slice(&b.range);
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found), ("expected", body_text)]),
                None => format!("the headline says '{found}'; the body says '{body_text}'"),
            };
            out.push(
                self.meta
                    .diag(a.range.clone(), message)
                    .with_label(b.range.clone(), "the body's amount")
                    .with_help(format!(
                        "the two differ {}-fold: check which one the source gives",
                        format_ratio(a.value, b.value)
                    )),
            );
        }
    }
}

fn format_ratio(a: f64, b: f64) -> String {
    let r = if a > b { a / b } else { b / a };
    if r >= 100.0 {
        format!("{r:.0}")
    } else {
        format!("{:.0}", r.round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, f64, &'static str, String)> {
        let doc = Document::plain(text);
        amounts(&doc, &doc.words)
            .into_iter()
            .map(|a| (text[a.range].to_owned(), a.value, a.currency, a.noun))
            .collect()
    }

    #[test]
    fn amounts_are_read_with_their_currency_and_noun() {
        assert_eq!(
            found("a million dollar loan"),
            [("a million dollar loan".into(), 1e6, "$", "loan".into())]
        );
        assert_eq!(
            found("a $500 million loan"),
            [("$500 million loan".into(), 5e8, "$", "loan".into())]
        );
        assert_eq!(
            found("$1.5 billion deal"),
            [("$1.5 billion deal".into(), 1.5e9, "$", "deal".into())]
        );
        assert_eq!(
            found("10,000 troops"),
            [("10,000 troops".into(), 1e4, "", "troop".into())]
        );
        assert!(found("in 2024 talks").is_empty());
        assert!(found("5 ministers met").is_empty());
    }
}
