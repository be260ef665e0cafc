//! Function words: the cheap test that keeps whatlang off most sentences.

use std::ops::Range;
use std::sync::OnceLock;

use super::scripts::{home_script, Script};
use crate::document::fnv::WordMap;
use crate::document::Document;

/// Common function words of a language. A word on the lists of two
/// languages of one script tells neither (`в` is Russian and Ukrainian), so
/// each list also holds its language's words that look like another's
/// function words (`a`, `do`, `no` for English), to keep them from counting
/// for the other.
#[rustfmt::skip]
pub(super) const STOP_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "from", "by", "its", "has",
            "have", "had", "been", "this", "will", "said", "were", "are", "which", "who", "not",
            "but", "would", "they", "their", "he", "she", "it", "was", "on", "after", "a", "i",
            "in", "an", "at", "as", "or", "do", "no", "so", "we", "you", "all", "can", "also",
            "more", "than", "into", "about", "per", "non",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des",
            "auf", "für", "eine", "dem", "wird", "auch", "sind", "hat", "wurde", "werden", "er",
            "sie", "es", "im", "nach", "bei", "aus", "wie", "dass",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "du", "que", "qui", "dans", "pour",
            "sur", "pas", "au", "avec", "il", "ce", "sont", "été", "aux", "par", "elle", "ont",
            "cette", "mais", "ne",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "del", "que", "en", "por", "con", "una", "es", "para", "se",
            "su", "al", "fue", "como", "más", "lo", "sus", "pero", "ha",
        ],
    ),
    (
        "pt",
        &[
            "os", "do", "da", "dos", "das", "que", "em", "não", "com", "uma", "para", "por", "foi",
            "se", "é", "ao", "no", "na", "mais", "um", "ele", "ela", "seu", "sua",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "la", "per", "un", "una", "del", "della", "non", "sono", "è", "con",
            "gli", "le", "nel", "dei", "ha", "si", "da", "anche", "alla",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "nie", "na", "że", "się", "z", "do", "jest", "to", "od", "jak", "po",
            "przez", "jego", "oraz", "ale", "dla", "są", "był", "była",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "niet", "op", "dat", "zijn", "met", "voor",
            "te", "aan", "er", "ook", "die", "wordt", "werd", "naar",
        ],
    ),
    (
        "cs",
        &[
            "a", "je", "se", "na", "že", "v", "to", "s", "z", "do", "jsou", "by", "ale", "jak",
            "od", "pro", "byl", "byla", "také", "jeho",
        ],
    ),
    (
        "ru",
        &[
            "и", "что", "это", "как", "он", "она", "они", "его", "было", "был", "была", "были",
            "уже", "чтобы", "который", "которые", "также", "от", "при", "после", "года", "или",
            "если", "только", "тоже", "ещё", "еще", "более", "с", "в", "на", "не", "по", "за",
            "к", "о", "из", "до", "у", "а", "но", "же", "бы", "все", "так", "об", "для", "то",
            "да", "те", "та",
        ],
    ),
    (
        "uk",
        &[
            "і", "й", "що", "та", "це", "як", "його", "від", "але", "також", "він", "вона",
            "вони", "був", "була", "були", "вже", "щоб", "який", "які", "із", "або", "році",
            "в", "у", "на", "не", "з", "до", "за", "по", "а", "о", "про", "при", "для",
        ],
    ),
    (
        "be",
        &[
            "і", "ў", "што", "гэта", "як", "ад", "але", "таксама", "ён", "яна", "яны", "быў",
            "была", "былі", "ужо", "каб", "які", "годзе", "у", "на", "не", "з", "да", "за",
            "па", "а", "пра", "пры", "для",
        ],
    ),
    (
        "bg",
        &[
            "и", "че", "това", "се", "да", "са", "от", "той", "тя", "те", "беше", "бяха",
            "който", "още", "като", "след", "при", "в", "на", "не", "с", "за", "по", "до", "а",
            "о",
        ],
    ),
];

/// Every function word of every list, lowercased, with the bit of each list it is in.
pub(super) fn function_words() -> &'static WordMap<u16> {
    static INDEX: OnceLock<WordMap<u16>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: WordMap<u16> = WordMap::default();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            for w in *words {
                *m.entry(w).or_default() |= 1 << i;
            }
        }
        m
    })
}

/// The bit of a language's function-word list.
pub(super) fn list_bit(code: &str) -> u16 {
    STOP_WORDS
        .iter()
        .position(|(c, _)| *c == code)
        .map_or(0, |i| 1 << i)
}

/// The lists of the languages written in `script`.
pub(super) fn lists_in(script: Script) -> u16 {
    STOP_WORDS
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| home_script(c) == Some(script))
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// Function words of `home` and of the other languages of its script
/// (`others`) among the words of `range`. A word in both counts for neither
/// (`в` is Russian and Ukrainian alike).
pub(super) fn count_function_words(
    doc: &Document<'_>,
    range: &Range<usize>,
    home: u16,
    others: u16,
    buf: &mut String,
) -> (usize, usize) {
    let index = function_words();
    let (mut mine, mut theirs) = (0, 0);
    for w in &doc.words[doc.word_index_from(range.start)..doc.word_index_from(range.end)] {
        let word = doc.slice(&w.range());
        if word.len() > MAX_FUNCTION_WORD_BYTES {
            continue;
        }
        // Most words are in lowercase already; only a capitalised one is lowercased.
        let found = index.get(word).or_else(|| {
            if !word.starts_with(|c: char| c.is_uppercase()) {
                return None;
            }
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            index.get(buf.as_str())
        });
        let Some(&lists) = found else {
            continue;
        };
        match (lists & home != 0, lists & others != 0) {
            (true, false) => mine += 1,
            (false, true) => theirs += 1,
            _ => {}
        }
        // Settled early: plainly the article's language, or (counting one
        // language alone) two of its words found.
        if (others != 0 && mine >= 3 && theirs == 0) || (others == 0 && mine >= 2) {
            break;
        }
    }
    (mine, theirs)
}

/// Languages whatlang confuses with one another on ordinary text.
pub(super) const KINDRED: &[&[&str]] = &[
    &["ru", "uk", "be", "bg", "sr", "mk"],
    &["es", "pt", "cat", "glg"],
    &["cs", "sk"],
    &["da", "sv", "nob"],
    &["de", "nl", "afr"],
    &["hrv", "srp", "bos", "slv"],
];

pub(super) fn kindred(a: &str, b: &str) -> bool {
    KINDRED.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The longest function word, in bytes (`таксама`).
pub(super) const MAX_FUNCTION_WORD_BYTES: usize = 16;
#[cfg(test)]
mod tests {
    use super::super::pass::article;
    use super::*;
    #[test]
    fn kindred_languages_need_a_longer_stretch() {
        assert!(kindred("ru", "uk") && kindred("es", "pt") && !kindred("en", "de"));
        assert!(!kindred("ru", "en"));
    }

    #[test]
    fn stop_words_match_in_any_case() {
        let text =
            "Президент України заявив, що переговори пройшли, і сторони домовилися. Что в Минске?";
        let doc = Document::plain(text);
        let mut buf = String::new();
        let (ru, uk) = (list_bit("ru"), list_bit("uk"));
        let r = |a: &str| {
            let s = text.find(a).unwrap_or(0);
            s..s + a.len()
        };
        // "що" and "і" are Ukrainian; "в" is both, and counts for neither.
        assert_eq!(
            count_function_words(
                &doc,
                &r("Президент України заявив, що переговори пройшли, і сторони"),
                ru,
                uk,
                &mut buf
            ),
            (0, 2)
        );
        assert_eq!(
            count_function_words(&doc, &r("Что в Минске?"), ru, uk, &mut buf),
            (1, 0)
        );
        assert_eq!(article("English"), "an");
        assert_eq!(article("Ukrainian"), "a");
    }
}
