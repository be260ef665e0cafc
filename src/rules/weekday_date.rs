//! `weekday-date`: a weekday written with a date it does not fall on
//! (`Monday, March 3, 2024` — a Sunday), in the article's language
//! (`в понедельник, 3 марта 2024 года`, `am Montag, dem 3. März 2024`,
//! `3 March 2024 (Monday)`). A date without a year takes the article's year
//! (the one that puts it nearest the article's date); without an article
//! date such a date is not judged.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::document::dates::{self, DateMention};
use crate::document::Document;

/// The fields of a `weekday-date` rule (none besides the common ones).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {}

pub struct WeekdayDate {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(WeekdayDate { meta }))
}

/// Words that may stand between a weekday and its date: `am Montag, dem
/// 3. März`, `Monday the 3rd`, `le lundi 3 mars`, `el lunes, 3 de marzo`.
const BETWEEN: &[&str] = &["the", "dem", "den", "le", "el", "il", "o", "de"];

/// The weekday written with a date: before it (at most one small word and a
/// comma between), or right after it in brackets or, in Turkish, as the
/// next word (`3 Mart 2024 Pazartesi`).
fn weekday_of(doc: &Document<'_>, m: &DateMention) -> Option<(usize, u8)> {
    let lang = doc.language;
    let text = doc.text;
    let words = &doc.words;
    let clean =
        |gap: &str| gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == ',' || c == '\u{a0}');
    let capital = matches!(lang.code(), "en" | "de");
    let named = |i: usize| {
        let w = &text[words[i].range()];
        if capital && !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        dates::weekday_named(lang, w)
    };
    let first = m.words.start;
    if first >= 1 && clean(&text[words[first - 1].end..words[first].start]) {
        if let Some(d) = named(first - 1) {
            return Some((first - 1, d));
        }
        let small = &text[words[first - 1].range()];
        if first >= 2
            && BETWEEN.contains(&small.to_lowercase().as_str())
            && clean(&text[words[first - 2].end..words[first - 1].start])
        {
            if let Some(d) = named(first - 2) {
                return Some((first - 2, d));
            }
        }
    }
    let last = m.words.end;
    if last < words.len() {
        let gap = &text[words[last - 1].end..words[last].start];
        let bracketed = matches!(gap.trim(), "(" | ", (");
        if bracketed || (lang.code() == "tr" && clean(gap)) {
            if let Some(d) = named(last) {
                return Some((last, d));
            }
        }
    }
    None
}

/// The year that puts a month and day nearest the article's date.
fn nearest_year(doc: &Document<'_>, m: &DateMention) -> Option<i16> {
    let at = doc.date.as_ref()?.date;
    let y = at.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| m.date(y).map(|d| (y, d)))
        .min_by_key(|(_, d)| (d.to_jiff_date_days() - at.to_jiff_date_days()).abs())
        .map(|(y, _)| y)
}

trait Days {
    fn to_jiff_date_days(&self) -> i64;
}

impl Days for jiff::civil::Date {
    /// Days since 1 January of year 0 (only differences are used).
    fn to_jiff_date_days(&self) -> i64 {
        i64::from(self.year()) * 366 + i64::from(self.day_of_year())
    }
}

fn capitalize_like(word: &str, model: &str) -> String {
    if model.starts_with(|c: char| c.is_uppercase()) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        word.to_owned()
    }
}

impl Rule for WeekdayDate {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        if !dates::knows(doc.language) {
            return;
        }
        for m in dates::dates_in(doc.text, &doc.words, doc.language) {
            let Some((wi, written)) = weekday_of(doc, &m) else {
                continue;
            };
            let year = match m.year {
                Some(y) => y,
                None => match nearest_year(doc, &m) {
                    Some(y) => y,
                    None => continue,
                },
            };
            let Some(date) = m.date(year) else { continue };
            let actual = date.weekday().to_monday_zero_offset() as u8;
            if actual == written {
                continue;
            }
            let wrange = doc.words[wi].range();
            let found = doc.slice(&wrange);
            let right = doc
                .language
                .profile()
                .weekdays
                .get(actual as usize)
                .and_then(|forms| forms.first())
                .map(|f| capitalize_like(f, found))
                .unwrap_or_default();
            let english = date.strftime("%A, %-d %B %Y").to_string();
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found), ("expected", &right)]),
                None => format!("'{found}' does not fit the date: {english}"),
            };
            let mut d = self
                .meta
                .diag(wrange, message)
                .with_label(m.range.clone(), english.clone());
            if m.year.is_none() {
                if let Some(a) = &doc.date {
                    d = d.with_note(format!(
                        "the year is the article's ({}, from its {})",
                        a.date, a.origin
                    ));
                }
            }
            // Either the weekday or the day number is the slip: shown, never applied.
            d = d
                .with_help(format!(
                    "{} was a {}: write '{right}', or check the date",
                    date.strftime("%-d %B %Y"),
                    date.strftime("%A")
                ))
                .with_fix(right, Applicability::Display);
            out.push(d);
        }
    }
}
