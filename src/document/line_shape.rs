//! The shapes a short line of a page can have that no sentence has: a clock,
//! a numeric date, a URL slug, a separator between menu items. Read both by
//! the headline finder (a clock line is never the headline) and by
//! `markers/page-residue` (which reports such lines), so the two agree.

use std::sync::LazyLock;

use crate::lang::{Lang, Profile, WordSet};

/// Characters that join the items of a breadcrumb or a meta line.
pub fn is_separator(s: &str) -> bool {
    matches!(s, "»" | "›" | "|" | "•" | "·" | "/" | ">" | "—" | "–")
}

/// A word of a line as the shapes read it: lowercase, punctuation trimmed,
/// a Latin `i` inside a Cyrillic word read as the Ukrainian `і` (scraped
/// Ukrainian pages mix them).
pub fn normalize(piece: &str) -> String {
    let w = piece.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    if lower.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        lower.replace('i', "і")
    } else {
        lower
    }
}

pub fn is_number(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
}

/// `19:46`, `9:05`: an hour and its minutes, nothing more.
pub fn is_clock(piece: &str) -> bool {
    let p = piece.trim_end_matches([',', ';']);
    let Some((h, m)) = p.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && is_number(h)
        && is_number(m)
        && h.parse::<u8>().is_ok_and(|h| h < 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

/// `03.12.2026`, `3/12/26`: a numeric date.
pub fn is_date(piece: &str) -> bool {
    let p = piece.trim_end_matches([',', ';']);
    let parts: Vec<&str> = p.split(['.', '/']).collect();
    parts.len() == 3
        && parts.iter().all(|x| is_number(x))
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && matches!(parts[2].len(), 2 | 4)
}

/// `2023`, `1998,`: a year of the last century or this one.
pub fn is_year(piece: &str) -> bool {
    let p = piece.trim_end_matches([',', ';', '.']);
    p.len() == 4 && is_number(p) && (p.starts_with("19") || p.starts_with("20"))
}

/// `words-joined-by-hyphens`: lowercase letters and digits in 3 or more
/// parts, long enough not to be a compound word on a line of its own.
pub fn is_slug(line: &str) -> bool {
    let parts: Vec<&str> = line.split('-').collect();
    parts.len() >= 3
        && (parts.len() >= 4 || line.len() >= 24)
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c.is_lowercase()))
        && parts
            .iter()
            .filter(|p| p.chars().any(char::is_alphabetic))
            .count()
            >= 3
}

/// The line reads as a sentence: it ends as one, or quotes one.
pub fn ends_as_sentence(line: &str) -> bool {
    let last = line.chars().last();
    match last {
        Some('.' | '!' | '?' | '…' | ';' | '"' | '”' | '“' | '’' | ')') => {
            // "(27)" and "(7 photos)" close a counter, not a sentence; "Go to ..."
            // is a link.
            let counter = last == Some(')') && line.contains('(');
            !counter && !line.ends_with("...")
        }
        Some('»') => line.contains('«'),
        _ => false,
    }
}

/// The day of the week (0 = Monday) a word names in one language, by name or
/// abbreviation.
pub fn weekday_in(lang: Lang, word: &str) -> Option<u8> {
    weekday_of(lang, &normalize(word))
}

/// [`weekday_in`] for a word already normalized.
fn weekday_of(lang: Lang, w: &str) -> Option<u8> {
    lang.profile()
        .weekdays
        .iter()
        .position(|forms| forms.iter().any(|f| **f == *w))
        .and_then(|d| u8::try_from(d).ok())
}

/// A row of a calendar: five or more weekday names or abbreviations of one
/// language, each a different day (`Sun Mon Tue Wed Thu Fri Sat`, `Mo Di Mi
/// Do Fr Sa So`). A calendar grid keeps its source site's language. Seven
/// days at most: each piece is normalized once, not once per language.
pub fn is_weekday_row(pieces: &[&str]) -> bool {
    if !(5..=7).contains(&pieces.len()) {
        return false;
    }
    // Most lines of five to seven words open with no weekday in any
    // language: one set lookup turns them away.
    static WEEKDAYS: LazyLock<WordSet> = LazyLock::new(|| {
        Lang::all()
            .flat_map(|l| {
                l.profile()
                    .weekdays
                    .iter()
                    .flatten()
                    .map(|f| Box::from(&**f))
            })
            .collect()
    });
    if !WEEKDAYS.contains(normalize(pieces[0]).as_str()) {
        return false;
    }
    let words: Vec<String> = pieces.iter().map(|p| normalize(p)).collect();
    Lang::all().any(|lang| {
        let mut seen = [false; 7];
        words.iter().all(|w| match weekday_of(lang, w) {
            Some(d) if !seen[usize::from(d)] => {
                seen[usize::from(d)] = true;
                true
            }
            _ => false,
        })
    })
}

/// One list of every profile's words, all languages at once: a translated
/// page keeps its source site's interface, credits and bylines.
fn every_language(list: fn(&'static Profile) -> &'static WordSet) -> WordSet {
    Lang::all()
        .flat_map(|l| list(l.profile()).iter().map(Box::from))
        .collect()
}

/// Every profile's `ui-words`.
pub fn ui_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| every_language(|p| &p.ui_words));
    &WORDS
}

/// Every profile's `credit-words`.
pub fn credit_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| every_language(|p| &p.credit_words));
    &WORDS
}

/// Every profile's `byline-words`.
pub fn byline_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| every_language(|p| &p.byline_words));
    &WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_single_pieces() {
        assert!(is_clock("19:46") && is_clock("9:05,"));
        assert!(!is_clock("24:00") && !is_clock("2:1") && !is_clock("19:460"));
        assert!(is_date("03.12.2026") && is_date("3/12/26"));
        assert!(!is_date("1.5") && !is_date("2024/2025"));
        assert!(is_year("2023") && is_year("1998,"));
        assert!(!is_year("2300") && !is_year("123"));
        assert!(is_slug("talks-resume-in-minsk"));
        assert!(!is_slug("state-of-art") && !is_slug("Talks-Resume-In-Minsk"));
    }

    #[test]
    fn weekdays_of_every_language() {
        let de = Lang::parse("de").expect("German");
        assert_eq!(weekday_in(Lang::ENGLISH, "Mon"), Some(0));
        assert_eq!(weekday_in(de, "Sonntag"), Some(6));
        assert_eq!(weekday_in(Lang::ENGLISH, "Minsk"), None);
        assert!(is_weekday_row(&[
            "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
        ]));
        assert!(is_weekday_row(&["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]));
        assert!(is_weekday_row(&["Пн", "Вт", "Ср", "Чт", "Пт"]));
        assert!(!is_weekday_row(&["Mon", "Mon", "Tue", "Wed", "Thu"]));
        assert!(!is_weekday_row(&["Mon,", "Tue", "and", "Wed", "are"]));
    }

    #[test]
    fn odd_lines_do_not_panic() {
        for s in [
            "",
            ":",
            "»",
            "é:",
            "1:",
            ":12",
            "--",
            "a-b-",
            "ß-é-ü-ö",
            "(",
            "(1",
        ] {
            let _ = (
                is_clock(s),
                is_date(s),
                is_year(s),
                is_slug(s),
                ends_as_sentence(s),
                normalize(s),
                weekday_in(Lang::ENGLISH, s),
            );
        }
    }
}
