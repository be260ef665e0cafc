//! The article's language: given by the configuration, or detected from the
//! article's own prose. Packs declare a language and run only on articles in it.

use whatlang::{Lang, Script};

/// Prose sampled for detecting an article's language: enough for trigram
/// statistics to settle, little enough that a 50 MB file costs nothing extra.
const SAMPLE_BYTES: usize = 6 * 1024;

/// Languages galley knows by their ISO 639-1 codes, with whatlang's name for each.
const CODES: &[(&str, Lang)] = &[
    ("en", Lang::Eng),
    ("de", Lang::Deu),
    ("fr", Lang::Fra),
    ("es", Lang::Spa),
    ("pl", Lang::Pol),
    ("it", Lang::Ita),
    ("pt", Lang::Por),
    ("nl", Lang::Nld),
    ("cs", Lang::Ces),
    ("sk", Lang::Slk),
    ("sv", Lang::Swe),
    ("da", Lang::Dan),
    ("fi", Lang::Fin),
    ("hu", Lang::Hun),
    ("ro", Lang::Ron),
    ("tr", Lang::Tur),
    ("lt", Lang::Lit),
    ("lv", Lang::Lav),
    ("et", Lang::Est),
    ("ru", Lang::Rus),
    ("uk", Lang::Ukr),
    ("be", Lang::Bel),
    ("bg", Lang::Bul),
    ("sr", Lang::Srp),
    ("mk", Lang::Mkd),
    ("ka", Lang::Kat),
    ("hy", Lang::Hye),
    ("el", Lang::Ell),
    ("he", Lang::Heb),
    ("ar", Lang::Ara),
    ("zh", Lang::Cmn),
    ("ja", Lang::Jpn),
    ("ko", Lang::Kor),
];

/// The ISO 639-1 code of a language whatlang names, or its 639-3 code.
pub fn code_of(lang: Lang) -> &'static str {
    CODES
        .iter()
        .find(|(_, l)| *l == lang)
        .map_or(lang.code(), |(c, _)| c)
}

/// The English name of a language code, for messages ("Russian").
pub fn name_of(code: &str) -> &str {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, l)| l.eng_name())
}

/// Whether galley knows this language code (a pack or config naming another is an error).
pub fn is_known(code: &str) -> bool {
    CODES.iter().any(|(c, _)| *c == code)
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

/// The language of an article's prose. A guess whatlang is unsure of falls
/// back on the script: Latin text is taken for English, Cyrillic for Russian,
/// so that a three-line brief still gets its language's rules.
pub fn detect(prose: &str) -> &'static str {
    let mut end = prose.len().min(SAMPLE_BYTES);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &prose[..end];
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() => code_of(info.lang()),
        Some(info) => match info.script() {
            Script::Cyrillic => "ru",
            Script::Latin => "en",
            _ => code_of(info.lang()),
        },
        None => "en",
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
        assert_eq!(detect(""), "en");
        assert_eq!(name_of("ru"), "Russian");
        assert!(is_known("de") && !is_known("xx"));
    }
}
