//! The article's language: given by the configuration, or detected from the
//! article's own prose. Packs declare a language and run only on articles in it.

use whatlang::{Lang, Script};

/// Prose sampled for detecting an article's language: enough for trigram
/// statistics to settle, little enough that a 50 MB file costs nothing extra.
const SAMPLE_BYTES: usize = 3 * 1024;

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

/// The commonest function words of the languages articles are most often
/// written in. News prose is full of them, so counting them settles most
/// articles at a fraction of the cost of trigram statistics.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said", "by",
            "from", "it", "as", "at", "are", "has", "will",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "dem", "auf",
            "ein", "eine", "für", "auch", "wird", "sagte", "nach", "bei",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "du", "au", "sur",
            "pas", "qui", "avec", "aux", "sont", "ces", "été",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "del", "que", "una", "por", "con", "para", "se", "al", "es",
            "su", "lo", "como", "más", "pero", "sus", "fue",
        ],
    ),
    (
        "pl",
        &[
            "się", "nie", "na", "że", "jest", "do", "od", "po", "oraz", "jak", "przez", "dla",
            "ale", "już", "także", "który", "która", "które", "był", "jego",
        ],
    ),
    (
        "ru",
        &[
            "и",
            "в",
            "не",
            "на",
            "что",
            "с",
            "по",
            "это",
            "как",
            "из",
            "для",
            "от",
            "о",
            "к",
            "за",
            "он",
            "его",
            "также",
            "было",
            "будет",
        ],
    ),
    (
        "uk",
        &[
            "і",
            "та",
            "що",
            "не",
            "на",
            "з",
            "до",
            "від",
            "це",
            "як",
            "для",
            "його",
            "також",
            "було",
            "буде",
            "які",
            "який",
            "її",
            "він",
            "й",
        ],
    ),
];

/// A language settled by function words: the clear winner among `FUNCTION_WORDS`.
fn by_function_words(sample: &str) -> Option<&'static str> {
    static INDEX: std::sync::OnceLock<super::fnv::WordMap<u8>> = std::sync::OnceLock::new();
    // word → the languages (bits, in FUNCTION_WORDS order) it is a function word of
    let index = INDEX.get_or_init(|| {
        let mut m = super::fnv::WordMap::default();
        for (i, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *list {
                *m.entry(*w).or_insert(0u8) |= 1 << i;
            }
        }
        m
    });
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // Function words are short: a long word is counted, never looked up.
        if w.len() > 12 {
            continue;
        }
        let bits = match index.get(w) {
            Some(b) => *b,
            None => {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                index.get(lower.as_str()).copied().unwrap_or(0)
            }
        };
        for (i, c) in counts.iter_mut().enumerate() {
            *c += usize::from(bits & (1 << i) != 0);
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.iter().copied().enumerate().collect();
    ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let (best, n) = ranked[0];
    let second = ranked[1].1;
    (words >= 30 && n * 8 >= words && n >= 3 * second.max(1)).then(|| FUNCTION_WORDS[best].0)
}

/// The language of an article's prose. Function words settle most articles;
/// else whatlang decides, and a guess it is unsure of falls back on the
/// script (Latin text is taken for English, Cyrillic for Russian), so that a
/// three-line brief still gets its language's rules.
pub fn detect(prose: &str) -> &'static str {
    let mut end = prose.len().min(SAMPLE_BYTES);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &prose[..end];
    if let Some(code) = by_function_words(sample) {
        return code;
    }
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
        let long = |s: &str| s.repeat(4);
        assert_eq!(by_function_words(&long("The delegation arrived in Minsk on Monday and met the president of the country to discuss trade. ")), Some("en"));
        assert_eq!(by_function_words(&long("Die Delegation ist am Montag in Minsk eingetroffen und sprach mit dem Präsidenten über den Handel. ")), Some("de"));
        assert_eq!(by_function_words(&long("Делегация прибыла в Минск в понедельник и обсудила с президентом торговлю, что было важно. ")), Some("ru"));
        assert_eq!(by_function_words(&long("La délégation est arrivée à Minsk lundi et a discuté avec le président des échanges. ")), Some("fr"));
        assert_eq!(by_function_words("Minsk Moscow Kyiv"), None);
        assert_eq!(detect(""), "en");
        assert_eq!(name_of("ru"), "Russian");
        assert!(is_known("de") && !is_known("xx"));
    }
}
