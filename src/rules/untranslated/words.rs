//! Function words: the cheap test that keeps whatlang off most sentences.

use std::ops::Range;
use std::sync::LazyLock;

use super::scripts::{home_script, Script};
use crate::document::Document;
use crate::hash::WordMap;
use crate::lang::Lang;

/// A set of function-word lists, one bit per language that has one, so that
/// a word on several lists is looked up once. Fewer than 128 profiles are
/// shipped (`Lang` is a u8 index below 128), so every list gets a bit.
pub(super) type Lists = u128;

/// The profiles' `distinguishing` function words, indexed once: each word
/// (as written there, in lowercase) with the lists it is on. A word on the
/// lists of two languages of one script tells neither (`в` is Russian and
/// Ukrainian), so each list also holds its language's words that look like
/// another's function words (`a`, `do`, `no` for English), to keep them
/// from counting for the other.
struct FunctionWords {
    words: WordMap<Lists>,
    /// Each language with a list, and its bit.
    lists: Vec<(Lang, Lists)>,
    /// The longest word, in bytes: a longer word is not looked up.
    longest: usize,
}

fn function_words() -> &'static FunctionWords {
    static INDEX: LazyLock<FunctionWords> = LazyLock::new(|| {
        let mut words: WordMap<Lists> = WordMap::default();
        let mut lists = Vec::new();
        let with_list =
            Lang::all().filter(|l| !l.profile().function_words.distinguishing.is_empty());
        for (i, lang) in with_list.enumerate().take(Lists::BITS as usize) {
            let bit: Lists = 1 << i;
            for w in &lang.profile().function_words.distinguishing {
                *words.entry(&**w).or_default() |= bit;
            }
            lists.push((lang, bit));
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        FunctionWords {
            words,
            lists,
            longest,
        }
    });
    &INDEX
}

/// The bit of a language's function-word list (0: it has none).
pub(super) fn list_bit(lang: Lang) -> Lists {
    function_words()
        .lists
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(0, |(_, bit)| *bit)
}

/// The lists of the languages written in `script`.
pub(super) fn lists_in(script: Script) -> Lists {
    function_words()
        .lists
        .iter()
        .filter(|(l, _)| home_script(*l) == Some(script))
        .fold(0, |m, (_, bit)| m | bit)
}

/// Function words of `home` and of the other languages of its script
/// (`others`) among the words of `range`. A word in both counts for neither
/// (`в` is Russian and Ukrainian alike).
pub(super) fn count_function_words(
    doc: &Document<'_>,
    range: &Range<usize>,
    home: Lists,
    others: Lists,
    buf: &mut String,
) -> (usize, usize) {
    let FunctionWords {
        words: index,
        longest,
        ..
    } = function_words();
    let (mut mine, mut theirs) = (0, 0);
    for w in &doc.words[doc.word_index_from(range.start)..doc.word_index_from(range.end)] {
        let word = doc.slice(&w.range());
        if word.len() > *longest {
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

#[cfg(test)]
mod tests {
    use super::super::pass::article;
    use super::*;
    #[test]
    fn kindred_languages_need_a_longer_stretch() {
        let kin = |a: &str, b: &str| Lang::parse(a).is_some_and(|l| l.is_related(b));
        assert!(kin("ru", "uk") && kin("es", "pt") && !kin("en", "de"));
        assert!(!kin("ru", "en"));
        // whatlang's codes for languages galley has no profile for.
        assert!(kin("es", "cat") && kin("da", "nob") && kin("de", "afr"));
        // whatlang has no Galician or Bosnian; Serbian is kin to Croatian and Slovene.
        assert!(!kin("es", "glg") && !kin("sr", "bos"));
        assert!(kin("sr", "hrv") && kin("sr", "slv"));
    }

    #[test]
    fn stop_words_match_in_any_case() {
        let text =
            "Президент України заявив, що переговори пройшли, і сторони домовилися. Что в Минске?";
        let doc = Document::plain(text);
        let mut buf = String::new();
        let lang = |c| Lang::parse(c).map_or(0, list_bit);
        let (ru, uk) = (lang("ru"), lang("uk"));
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
