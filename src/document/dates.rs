//! Calendar dates written in an article's language (`March 3, 2024`,
//! `3. März 2024`, `3 марта 2024 года`, `el 3 de marzo de 2024`,
//! `03.03.2024`) and the article's own date (front matter, HTML metadata,
//! a dateline). Month names are kept here, by language, beside the
//! weekday names of the language profiles; the calendar arithmetic is jiff's.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;

use super::line_shape::normalize;
use super::{Format, Word};
use crate::lang::Lang;

/// Month names and their inflected forms (genitive in Slavic languages),
/// January first, by language code. Abbreviations are left out where they
/// are words of the language (`mar`, `mai` stay: they only count next to a
/// day number).
const MONTHS: &[(&str, [&[&str]; 12])] = &[
    (
        "en",
        [
            &["january", "jan"],
            &["february", "feb"],
            &["march", "mar"],
            &["april", "apr"],
            &["may"],
            &["june", "jun"],
            &["july", "jul"],
            &["august", "aug"],
            &["september", "sep", "sept"],
            &["october", "oct"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "de",
        [
            &["januar", "jänner"],
            &["februar"],
            &["märz"],
            &["april"],
            &["mai"],
            &["juni"],
            &["juli"],
            &["august"],
            &["september"],
            &["oktober"],
            &["november"],
            &["dezember"],
        ],
    ),
    (
        "fr",
        [
            &["janvier"],
            &["février"],
            &["mars"],
            &["avril"],
            &["mai"],
            &["juin"],
            &["juillet"],
            &["août"],
            &["septembre"],
            &["octobre"],
            &["novembre"],
            &["décembre"],
        ],
    ),
    (
        "es",
        [
            &["enero"],
            &["febrero"],
            &["marzo"],
            &["abril"],
            &["mayo"],
            &["junio"],
            &["julio"],
            &["agosto"],
            &["septiembre", "setiembre"],
            &["octubre"],
            &["noviembre"],
            &["diciembre"],
        ],
    ),
    (
        "it",
        [
            &["gennaio"],
            &["febbraio"],
            &["marzo"],
            &["aprile"],
            &["maggio"],
            &["giugno"],
            &["luglio"],
            &["agosto"],
            &["settembre"],
            &["ottobre"],
            &["novembre"],
            &["dicembre"],
        ],
    ),
    (
        "pt",
        [
            &["janeiro"],
            &["fevereiro"],
            &["março"],
            &["abril"],
            &["maio"],
            &["junho"],
            &["julho"],
            &["agosto"],
            &["setembro"],
            &["outubro"],
            &["novembro"],
            &["dezembro"],
        ],
    ),
    (
        "nl",
        [
            &["januari"],
            &["februari"],
            &["maart"],
            &["april"],
            &["mei"],
            &["juni"],
            &["juli"],
            &["augustus"],
            &["september"],
            &["oktober"],
            &["november"],
            &["december"],
        ],
    ),
    (
        "pl",
        [
            &["stycznia", "styczeń"],
            &["lutego", "luty"],
            &["marca", "marzec"],
            &["kwietnia", "kwiecień"],
            &["maja", "maj"],
            &["czerwca", "czerwiec"],
            &["lipca", "lipiec"],
            &["sierpnia", "sierpień"],
            &["września", "wrzesień"],
            &["października", "październik"],
            &["listopada", "listopad"],
            &["grudnia", "grudzień"],
        ],
    ),
    (
        "cs",
        [
            &["ledna", "leden"],
            &["února", "únor"],
            &["března", "březen"],
            &["dubna", "duben"],
            &["května", "květen"],
            &["června", "červen"],
            &["července", "červenec"],
            &["srpna", "srpen"],
            &["září"],
            &["října", "říjen"],
            &["listopadu", "listopad"],
            &["prosince", "prosinec"],
        ],
    ),
    (
        "sk",
        [
            &["januára", "január"],
            &["februára", "február"],
            &["marca", "marec"],
            &["apríla", "apríl"],
            &["mája", "máj"],
            &["júna", "jún"],
            &["júla", "júl"],
            &["augusta", "august"],
            &["septembra", "september"],
            &["októbra", "október"],
            &["novembra", "november"],
            &["decembra", "december"],
        ],
    ),
    (
        "ru",
        [
            &["января", "январь"],
            &["февраля", "февраль"],
            &["марта", "март"],
            &["апреля", "апрель"],
            &["мая", "май"],
            &["июня", "июнь"],
            &["июля", "июль"],
            &["августа", "август"],
            &["сентября", "сентябрь"],
            &["октября", "октябрь"],
            &["ноября", "ноябрь"],
            &["декабря", "декабрь"],
        ],
    ),
    (
        "uk",
        [
            &["січня", "січень"],
            &["лютого", "лютий"],
            &["березня", "березень"],
            &["квітня", "квітень"],
            &["травня", "травень"],
            &["червня", "червень"],
            &["липня", "липень"],
            &["серпня", "серпень"],
            &["вересня", "вересень"],
            &["жовтня", "жовтень"],
            &["листопада", "листопад"],
            &["грудня", "грудень"],
        ],
    ),
    (
        "be",
        [
            &["студзеня", "студзень"],
            &["лютага", "люты"],
            &["сакавіка", "сакавік"],
            &["красавіка", "красавік"],
            &["мая", "май"],
            &["чэрвеня", "чэрвень"],
            &["ліпеня", "ліпень"],
            &["жніўня", "жнівень"],
            &["верасня", "верасень"],
            &["кастрычніка", "кастрычнік"],
            &["лістапада", "лістапад"],
            &["снежня", "снежань"],
        ],
    ),
    (
        "tr",
        [
            &["ocak"],
            &["şubat"],
            &["mart"],
            &["nisan"],
            &["mayıs"],
            &["haziran"],
            &["temmuz"],
            &["ağustos"],
            &["eylül"],
            &["ekim"],
            &["kasım"],
            &["aralık"],
        ],
    ),
];

/// Weekday forms the profiles do not hold: the accusative after a
/// preposition (`в среду`, `w środę`, `ve středu`), Monday first.
const WEEKDAY_CASES: &[(&str, [&[&str]; 7])] = &[
    (
        "ru",
        [&[], &[], &["среду"], &[], &["пятницу"], &["субботу"], &[]],
    ),
    (
        "uk",
        [
            &[],
            &[],
            &["середу"],
            &[],
            &["п’ятницю", "п'ятницю", "пʼятницю"],
            &["суботу"],
            &["неділю"],
        ],
    ),
    (
        "be",
        [
            &[],
            &[],
            &["сераду"],
            &[],
            &["пятніцу"],
            &["суботу"],
            &["нядзелю"],
        ],
    ),
    (
        "pl",
        [&[], &[], &["środę"], &[], &[], &["sobotę"], &["niedzielę"]],
    ),
    (
        "cs",
        [&[], &[], &["středu"], &[], &[], &["sobotu"], &["neděli"]],
    ),
    (
        "sk",
        [&[], &[], &["stredu"], &[], &[], &["sobotu"], &["nedeľu"]],
    ),
];

/// Words written between a day and its month or year: `3 de marzo de 2024`.
const JOINERS: &[&str] = &["de", "del"];

type Table = HashMap<&'static str, HashMap<String, u8>>;

static MONTH_TABLE: LazyLock<Table> = LazyLock::new(|| {
    MONTHS
        .iter()
        .map(|(code, months)| {
            let mut m = HashMap::new();
            for (i, forms) in months.iter().enumerate() {
                for f in *forms {
                    m.insert(normalize(f), i as u8 + 1);
                }
            }
            (*code, m)
        })
        .collect()
});

/// Full weekday names (a profile's first form, and longer forms; the short
/// abbreviations `mo`, `mar`, `sun` are words too) and their cases, Monday 0.
static WEEKDAY_TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut all: Table = HashMap::new();
    for lang in Lang::all() {
        let days = &lang.profile().weekdays;
        if days.len() != 7 {
            continue;
        }
        let m = all.entry(lang.code()).or_default();
        for (i, forms) in days.iter().enumerate() {
            for (j, f) in forms.iter().enumerate() {
                if j == 0 || f.chars().count() > 4 {
                    m.insert(normalize(f), i as u8);
                }
            }
        }
    }
    for (code, days) in WEEKDAY_CASES {
        let m = all.entry(code).or_default();
        for (i, forms) in days.iter().enumerate() {
            for f in *forms {
                m.insert(normalize(f), i as u8);
            }
        }
    }
    all
});

/// The month (1–12) a word names in a language.
pub fn month_in(lang: Lang, word: &str) -> Option<u8> {
    MONTH_TABLE.get(lang.code())?.get(&normalize(word)).copied()
}

/// The weekday (0 = Monday) a full weekday name names in a language.
pub fn weekday_named(lang: Lang, word: &str) -> Option<u8> {
    WEEKDAY_TABLE
        .get(lang.code())?
        .get(&normalize(word))
        .copied()
}

/// Whether the language's dates are written with month names galley knows.
pub fn knows(lang: Lang) -> bool {
    MONTH_TABLE.contains_key(lang.code()) && WEEKDAY_TABLE.contains_key(lang.code())
}

/// A calendar date written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// From the first word of the date to its last (the year when written).
    pub range: Range<usize>,
    /// Index in `words` of the date's first and last word.
    pub words: Range<usize>,
    pub year: Option<i16>,
    pub month: u8,
    pub day: u8,
}

impl DateMention {
    /// The civil date, with `year` when the text gives none.
    pub fn date(&self, year: i16) -> Option<Date> {
        Date::new(self.year.unwrap_or(year), self.month as i8, self.day as i8).ok()
    }
}

/// A day number: `3`, `03`, `3rd` (English ordinals).
fn day_number(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i16> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// `03.03.2024` (day first, as every shipped language but English writes it).
fn numeric(w: &str) -> Option<(u8, u8, i16)> {
    let mut parts = w.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((day, month, year_number(y)?))
}

/// What lies between two words of one date: spaces, a full stop after a
/// day (`3. März`), a comma before the year.
fn tight(gap: &str) -> bool {
    gap.len() <= 3
        && !gap.is_empty()
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || c == '.' || c == ',')
        && gap.contains([' ', '\u{a0}'])
}

/// Every date with a month name (or all in figures) in `words` of `text`.
/// Only words starting with a digit are looked at first, so the cost is
/// the article's numbers, not its words.
pub fn dates_in(text: &str, words: &[Word], lang: Lang) -> Vec<DateMention> {
    let Some(months) = MONTH_TABLE.get(lang.code()) else {
        return Vec::new();
    };
    let word = |i: usize| words.get(i).map(|w| &text[w.range()]);
    let gap = |i: usize| match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => &text[a.end..b.start],
        _ => "",
    };
    // English and German write month names with a capital: `may 3` is a verb.
    let capital = matches!(lang.code(), "en" | "de");
    let month_at = |i: usize| {
        word(i)
            .filter(|w| !capital || w.starts_with(|c: char| c.is_uppercase()))
            .and_then(|w| months.get(&normalize(w)).copied())
    };
    let joiner = |i: usize| word(i).is_some_and(|w| JOINERS.contains(&w));
    // The year after word `i`, directly or after `de`: its word index.
    let year_after = |i: usize| -> Option<(usize, i16)> {
        if tight(gap(i)) {
            if let Some(y) = word(i + 1).and_then(year_number) {
                return Some((i + 1, y));
            }
            if joiner(i + 1) && tight(gap(i + 1)) {
                return word(i + 2).and_then(year_number).map(|y| (i + 2, y));
            }
        }
        None
    };
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !text.as_bytes().get(w.start).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let s = &text[w.range()];
        if lang.code() != "en" {
            if let Some((day, month, year)) = numeric(s) {
                out.push(DateMention {
                    range: w.range(),
                    words: i..i + 1,
                    year: Some(year),
                    month,
                    day,
                });
                continue;
            }
        }
        let Some(day) = day_number(s) else { continue };
        // Month first: `March 3, 2024`.
        if i > 0 && tight(gap(i - 1)) && !gap(i - 1).contains([',', '.']) {
            if let Some(month) = month_at(i - 1) {
                let year = year_after(i);
                let last = year.map_or(i, |(j, _)| j);
                out.push(DateMention {
                    range: words[i - 1].start..words[last].end,
                    words: i - 1..last + 1,
                    year: year.map(|(_, y)| y),
                    month,
                    day,
                });
                continue;
            }
        }
        // Day first: `3 March 2024`, `3. März`, `3 de marzo de 2024`.
        let (m, ok) = if joiner(i + 1) && tight(gap(i)) && tight(gap(i + 1)) {
            (i + 2, true)
        } else {
            (i + 1, tight(gap(i)) && !gap(i).contains(','))
        };
        if ok {
            if let Some(month) = month_at(m) {
                let year = year_after(m);
                let last = year.map_or(m, |(j, _)| j);
                out.push(DateMention {
                    range: w.start..words[last].end,
                    words: i..last + 1,
                    year: year.map(|(_, y)| y),
                    month,
                    day,
                });
            }
        }
    }
    out
}

/// Where the article's date was read from, for the help lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub origin: &'static str,
}

/// An ISO date at the start of `s`: `2024-03-03`, `2024-03-03T10:00:00Z`.
pub fn iso_prefix(s: &str) -> Option<Date> {
    let s = s.trim_start().trim_start_matches(['"', '\'']);
    let head = s.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i16 = head.get(..4)?.parse().ok()?;
    let month: i8 = head.get(5..7)?.parse().ok()?;
    let day: i8 = head.get(8..10)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Front matter keys that hold the publication date.
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishdate",
    "pubdate",
    "date_published",
];

fn front_matter_date(original: &str) -> Option<Date> {
    let delim = if original.starts_with("---") {
        "---"
    } else if original.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    for line in original.lines().skip(1).take(200) {
        if line.trim_end() == delim {
            break;
        }
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        if DATE_KEYS.contains(&key.as_str()) {
            if let Some(d) = iso_prefix(value) {
                return Some(d);
            }
        }
    }
    None
}

/// HTML metadata of the publication date: Open Graph's
/// `article:published_time`, `<meta name="date">`, schema.org's
/// `datePublished`, or the first `<time datetime>`.
fn html_date(original: &str) -> Option<Date> {
    let head = &original[..super::floor_char_boundary(original, original.len().min(256 * 1024))];
    for marker in [
        "article:published_time",
        "name=\"date\"",
        "\"datePublished\"",
        "itemprop=\"datePublished\"",
        "<time datetime=",
    ] {
        let Some(at) = head.find(marker) else {
            continue;
        };
        let rest = &head[at + marker.len()..];
        let rest = &rest[..super::floor_char_boundary(rest, rest.len().min(300))];
        // The value is the first ISO date after the marker, inside its tag.
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let window = if marker == "\"datePublished\"" {
            rest
        } else {
            &rest[..tag_end]
        };
        for (i, _) in window.match_indices(|c: char| c.is_ascii_digit()) {
            if let Some(d) = window.get(i..).and_then(iso_prefix) {
                return Some(d);
            }
        }
    }
    None
}

/// A dateline: a short line near the top of the article that holds a date
/// with its year (`March 3, 2024`, `03.03.2024`, `2024-03-03`), alone or
/// after a place and a comma. A date inside a long line is news, not the
/// article's own date.
fn dateline(text: &str, words: &[Word], lang: Lang) -> Option<Date> {
    let top: usize = text
        .split_inclusive('\n')
        .take(12)
        .map(str::len)
        .sum::<usize>();
    let n = words.partition_point(|w| w.start < top);
    let mut line_start = 0;
    for line in text[..top].split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let l = line.trim();
        if l.is_empty() || l.chars().count() > 80 {
            continue;
        }
        if let Some(d) = l
            .find(|c: char| c.is_ascii_digit())
            .and_then(|i| iso_prefix(&l[i..]))
        {
            return Some(d);
        }
        let lo = words.partition_point(|w| w.start < at);
        let hi = words[..n].partition_point(|w| w.start < line_start);
        for m in dates_in(text, &words[lo..hi], lang) {
            if let (Some(y), Some(first)) = (m.year, words.get(lo + m.words.start)) {
                // The date opens the line, or follows `PLACE,` / `PLACE —`.
                let before = text[at..first.start].trim();
                let place = before.is_empty()
                    || (before.ends_with([',', '—', '-', '–'])
                        && before.split_whitespace().count() <= 4);
                if place {
                    return Date::new(y, m.month as i8, m.day as i8).ok();
                }
            }
        }
        if let Some((d, mo, y)) = l
            .split_whitespace()
            .find_map(|w| numeric(w.trim_matches(|c: char| !c.is_ascii_digit())))
        {
            return Date::new(y, mo as i8, d as i8).ok();
        }
    }
    None
}

/// The article's date: its front matter, its HTML metadata, else a dateline.
pub fn article_date(
    original: &str,
    format: Format,
    text: &str,
    words: &[Word],
    lang: Lang,
) -> Option<ArticleDate> {
    let found = match format {
        Format::Markdown => front_matter_date(original).map(|d| (d, "front matter")),
        Format::Html => html_date(original).map(|d| (d, "HTML metadata")),
        Format::Plain => None,
    };
    found
        .or_else(|| dateline(text, words, lang).map(|d| (d, "dateline")))
        .map(|(date, origin)| ArticleDate { date, origin })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn dates(text: &str, lang: &str) -> Vec<(Option<i16>, u8, u8)> {
        let lang = Lang::parse(lang).unwrap();
        let doc = Document::plain_in(text, lang);
        dates_in(text, &doc.words, lang)
            .into_iter()
            .map(|d| (d.year, d.month, d.day))
            .collect()
    }

    #[test]
    fn dates_in_each_language_format() {
        assert_eq!(
            dates("On Monday, March 3, 2024, they met.", "en"),
            [(Some(2024), 3, 3)]
        );
        assert_eq!(
            dates("On 3 March 2024 (Monday) they met.", "en"),
            [(Some(2024), 3, 3)]
        );
        assert_eq!(
            dates("Am Montag, dem 3. März 2024, kamen sie.", "de"),
            [(Some(2024), 3, 3)]
        );
        assert_eq!(
            dates("в понедельник, 3 марта 2024 года", "ru"),
            [(Some(2024), 3, 3)]
        );
        assert_eq!(
            dates("el lunes 3 de marzo de 2024", "es"),
            [(Some(2024), 3, 3)]
        );
        assert_eq!(dates("le lundi 3 mars", "fr"), [(None, 3, 3)]);
        assert_eq!(dates("am 03.03.2024", "de"), [(Some(2024), 3, 3)]);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(dates("He scored 3 goals in 2024.", "en").is_empty());
        assert!(dates("Chapter 3, March of history", "en").is_empty());
        assert!(dates("It may 3 times fail.", "en").is_empty());
    }

    #[test]
    fn article_dates() {
        let md = "---\ntitle: T\ndate: 2010-05-12\n---\n\n# T\n";
        assert_eq!(front_matter_date(md), Date::new(2010, 5, 12).ok());
        let html = "<html><head><meta property=\"article:published_time\" content=\"2023-01-02T10:00:00Z\"></head>";
        assert_eq!(html_date(html), Date::new(2023, 1, 2).ok());
        let text = "Talks in Minsk\n\nMINSK, March 4, 2024 — The talks began.\n";
        let doc = Document::plain(text);
        assert_eq!(
            dateline(text, &doc.words, Lang::ENGLISH),
            Date::new(2024, 3, 4).ok()
        );
        let news = "Talks in Minsk\n\nThe treaty signed on March 4, 2010 was discussed at length by the two delegations today.\n";
        let doc = Document::plain(news);
        assert_eq!(dateline(news, &doc.words, Lang::ENGLISH), None);
    }
}
