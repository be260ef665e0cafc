//! The article's language: given by the configuration, or detected from the
//! article's own prose. Packs declare a language and run only on articles in it.

use std::sync::LazyLock;

use crate::hash::WordMap;
use crate::lang::Lang;

/// Prose sampled for detecting an article's language: enough for trigram
/// statistics to settle, little enough that a 50 MB file costs nothing extra.
const SAMPLE_BYTES: usize = 3 * 1024;

/// The code of a language whatlang names: ISO 639-1 for a language galley
/// has a profile for, else whatlang's ISO 639-3 code.
pub fn code_of(lang: whatlang::Lang) -> &'static str {
    Lang::from_whatlang(lang).code()
}

/// The English name of a language code, for messages ("Russian"); the code
/// itself for a language galley has no profile for.
pub fn name_of(code: &str) -> &str {
    match Lang::parse(code) {
        Some(l) => l.name(),
        None => code,
    }
}

/// Whether galley knows this language code (a pack or config naming another is an error).
pub fn is_known(code: &str) -> bool {
    Lang::parse(code).is_some()
}

/// A language guess for a stretch of text, with whatlang's confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub code: &'static str,
    pub confidence: f64,
    pub reliable: bool,
}

pub fn guess(text: &str) -> Option<Guess> {
    let info = whatlang::detect(text)?;
    Some(Guess {
        code: code_of(info.lang()),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The languages whose profiles list detection words, and each such word
/// with the languages (bits, in that order) it is a detection word of.
struct DetectionIndex {
    languages: Vec<Lang>,
    words: WordMap<u64>,
}

fn detection_index() -> &'static DetectionIndex {
    static INDEX: LazyLock<DetectionIndex> = LazyLock::new(|| {
        let languages: Vec<Lang> = Lang::all()
            .filter(|l| !l.profile().function_words.detection.is_empty())
            // A bit each in a u64: a 65th language would go uncounted (a test keeps them fewer).
            .take(64)
            .collect();
        let mut words = WordMap::default();
        for (i, l) in languages.iter().enumerate() {
            for w in &l.profile().function_words.detection {
                *words.entry(&**w).or_insert(0u64) |= 1 << i;
            }
        }
        DetectionIndex { languages, words }
    });
    &INDEX
}

/// The runs of letters of `text`: ASCII a byte at a time, other
/// characters by their Unicode class.
fn letter_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let letter_at = move |i: usize| -> (bool, usize) {
        match bytes.get(i) {
            Some(b) if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
            _ => text
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (letter, width) = letter_at(i);
            if !letter {
                i += width;
                continue;
            }
            let start = i;
            i += width;
            while i < bytes.len() {
                let (letter, width) = letter_at(i);
                if !letter {
                    break;
                }
                i += width;
            }
            return text.get(start..i);
        }
        None
    })
}

/// A language settled by function words: the clear winner among the
/// profiles' detection words. News prose is full of them, so counting them
/// settles most articles at a fraction of the cost of trigram statistics.
fn by_function_words(sample: &str) -> Option<Lang> {
    let index = detection_index();
    let mut counts = [0usize; 64];
    let mut words = 0usize;
    let mut lower = String::new();
    for w in letter_words(sample) {
        words += 1;
        // Function words are short: a long word is counted, never looked up.
        if w.len() > 12 {
            continue;
        }
        let mut bits = match index.words.get(w) {
            Some(b) => *b,
            // Most words are lower-case ASCII already: not copied, not asked twice.
            None if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) => 0,
            None => {
                lower.clear();
                if w.is_ascii() {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(w.chars().flat_map(char::to_lowercase));
                }
                index.words.get(lower.as_str()).copied().unwrap_or(0)
            }
        };
        while bits != 0 {
            counts[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }
    let counts = &counts[..index.languages.len()];
    // The first language with the most words, and the most any other has.
    let (best, n) =
        counts.iter().copied().enumerate().fold(
            (0, 0),
            |(bi, bn), (i, n)| if n > bn { (i, n) } else { (bi, bn) },
        );
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    (words >= 30 && n * 8 >= words && n >= 3 * second.max(1))
        .then(|| index.languages.get(best).copied())
        .flatten()
}

/// The language of an article's prose. Function words settle most articles;
/// else whatlang decides, and a guess it is unsure of falls back on the
/// script (the profiles name the language a short text in their script is
/// taken for: English for Latin, Russian for Cyrillic), so that a three-line
/// brief still gets its language's rules.
pub fn detect(prose: &str) -> Lang {
    let mut end = prose.len().min(SAMPLE_BYTES);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &prose[..end];
    if let Some(lang) = by_function_words(sample) {
        return lang;
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() => Lang::from_whatlang(info.lang()),
        Some(info) => unicode_script::Script::from_full_name(info.script().name())
            .and_then(Lang::default_for_script)
            .unwrap_or_else(|| Lang::from_whatlang(info.lang())),
        None => Lang::ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_article_language_and_falls_back_on_the_script() {
        assert_eq!(
            detect("The delegation arrived in Minsk on Monday and met the president to discuss trade and energy."),
            "en"
        );
        assert_eq!(
            detect("Die Delegation traf am Montag in Minsk ein und sprach mit dem Präsidenten über Handel und Energie."),
            "de"
        );
        assert_eq!(
            detect("Делегация прибыла в Минск в понедельник и обсудила с президентом торговлю и энергетику."),
            "ru"
        );
        assert_eq!(detect("Minsk"), "en");
        let long = |s: &str| s.repeat(4);
        assert_eq!(by_function_words(&long("The delegation arrived in Minsk on Monday and met the president of the country to discuss trade. ")), Lang::parse("en"));
        assert_eq!(by_function_words(&long("Die Delegation ist am Montag in Minsk eingetroffen und sprach mit dem Präsidenten über den Handel. ")), Lang::parse("de"));
        assert_eq!(by_function_words(&long("Делегация прибыла в Минск в понедельник и обсудила с президентом торговлю, что было важно. ")), Lang::parse("ru"));
        assert_eq!(by_function_words(&long("La délégation est arrivée à Minsk lundi et a discuté avec le président des échanges. ")), Lang::parse("fr"));
        assert_eq!(by_function_words("Minsk Moscow Kyiv"), None);
        assert_eq!(by_function_words(""), None);
        assert_eq!(detect(""), "en");
        assert_eq!(name_of("ru"), "Russian");
        assert!(is_known("de") && !is_known("xx"));
    }
}
