//! `house-typography`: the archive's way with double quotation marks,
//! apostrophes and the space after a currency sign, as `galley house`
//! learned it (the way most articles write it) or an editor set it. An
//! article that writes one of them another way gets one finding per
//! aspect, at the first such mark.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::archive_note;
use super::marks::{find, Aspect};
use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::{Context, Rule, Sink};

/// The fields of a `house-typography` rule: per aspect, the house style and
/// the articles that write each style.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    archive_articles: Option<Spanned<i64>>,
    quote_style: Option<Spanned<String>>,
    quote_articles: Option<BTreeMap<String, i64>>,
    apostrophe_style: Option<Spanned<String>>,
    apostrophe_articles: Option<BTreeMap<String, i64>>,
    currency_style: Option<Spanned<String>>,
    currency_articles: Option<BTreeMap<String, i64>>,
}

struct House {
    aspect: Aspect,
    style: usize,
    counts: String,
}

pub struct HouseTypography {
    meta: RuleMeta,
    archive: Option<u64>,
    house: Vec<House>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let archive = cx
        .bounded(
            raw.archive_articles,
            "archive-articles",
            0..=u32::MAX as usize,
            0,
        )
        .map(|n| n as u64);
    let mut ok = archive.is_some();
    let mut house = Vec::new();
    for (aspect, style, counts) in [
        (Aspect::Quotes, raw.quote_style, raw.quote_articles),
        (
            Aspect::Apostrophes,
            raw.apostrophe_style,
            raw.apostrophe_articles,
        ),
        (Aspect::Currency, raw.currency_style, raw.currency_articles),
    ] {
        let Some(style) = style else { continue };
        let Some(i) = aspect.style_index(style.get_ref()) else {
            cx.error(
                style.span(),
                format!(
                    "`{}-style` is one of {}",
                    aspect.key(),
                    aspect
                        .styles()
                        .iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            ok = false;
            continue;
        };
        let mut counts: Vec<(String, i64)> = counts.unwrap_or_default().into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        house.push(House {
            aspect,
            style: i,
            counts: counts
                .iter()
                .map(|(s, n)| format!("{n} × {s}"))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    ok.then(|| {
        Box::new(HouseTypography {
            meta,
            archive: archive.filter(|&n| n > 0),
            house,
        }) as Box<dyn Rule>
    })
}

impl Rule for HouseTypography {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if self.house.is_empty() {
            return;
        }
        let marks = find(cx.doc.text);
        for h in &self.house {
            let Some(m) = marks
                .iter()
                .find(|m| m.aspect == h.aspect && m.style != h.style)
            else {
                continue;
            };
            let count = marks
                .iter()
                .filter(|o| o.aspect == h.aspect && o.style == m.style)
                .count();
            let styles = h.aspect.styles();
            let mut d = self.meta.diag(
                m.range.clone(),
                format!(
                    "{} is not the house style: the archive writes {}",
                    h.aspect.shows(m.style),
                    h.aspect.shows(h.style)
                ),
            );
            d = d.with_note(format!(
                "{count} such in this article; articles writing each {}: {}{}",
                h.aspect.key(),
                if h.counts.is_empty() {
                    "—"
                } else {
                    &h.counts
                },
                archive_note(self.archive)
            ));
            let help = format!(
                "write {} ({}, the house style)",
                h.aspect.shows(h.style),
                styles[h.style]
            );
            // A quotation mark's replacement depends on whether it opens or
            // closes; apostrophes and the currency space have one answer.
            d = match (h.aspect, h.style) {
                (Aspect::Apostrophes, s) => d
                    .with_help(help)
                    .with_fix(if s == 0 { "'" } else { "’" }, Applicability::Safe),
                (Aspect::Currency, 0) => {
                    let sign = cx.doc.slice(&m.range).trim_end().to_owned();
                    d.with_help(help).with_fix(sign, Applicability::Safe)
                }
                (Aspect::Currency, _) => {
                    let sign = cx.doc.slice(&m.range).to_owned();
                    d.with_help(help)
                        .with_fix(format!("{sign} "), Applicability::Safe)
                }
                (Aspect::Quotes, _) => d.with_help(help),
            };
            out.push(d);
        }
    }
}
