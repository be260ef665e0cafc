//! `mixed-script`: a word that mixes scripts — a Cyrillic or Greek look-alike
//! letter inside a Latin word (`Mоscow` with a Cyrillic о), a designation
//! typed with Cyrillic letters (`МС-21`, `Su-30СМ`) — or that hides an
//! invisible character (zero-width space, soft hyphen, bidi control).
//! Invisible to editors, it breaks search and spell checking. The message
//! names the code points; the fix swaps each look-alike for the letter of
//! the word's main script, or deletes the invisible character.

use serde::Deserialize;
use unicode_script::UnicodeScript;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::document::tokens::is_invisible as invisible;

/// A `mixed-script` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct MixedScript {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(MixedScript { meta }))
}

/// Cyrillic and Greek letters that look like Latin ones, and their Latin twin.
const CONFUSABLES: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('һ', 'h'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('ο', 'o'),
    ('α', 'a'),
    ('ν', 'v'),
    ('ι', 'i'),
    ('Ο', 'O'),
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Χ', 'X'),
    ('Υ', 'Y'),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Script {
    // The common letters, without the Unicode property lookup.
    match c {
        'a'..='z' | 'A'..='Z' => return Script::Latin,
        '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => return Script::Latin,
        '\u{400}'..='\u{52f}' => return Script::Cyrillic,
        _ if c.is_ascii() => return Script::Other,
        _ => {}
    }
    match UnicodeScript::script(&c) {
        unicode_script::Script::Latin => Script::Latin,
        unicode_script::Script::Cyrillic => Script::Cyrillic,
        unicode_script::Script::Greek => Script::Greek,
        _ => Script::Other,
    }
}

/// How a Cyrillic look-alike is romanized, where that differs from its shape.
fn transliterate(c: char) -> Option<char> {
    match c {
        'С' => Some('S'),
        'с' => Some('s'),
        'Р' => Some('R'),
        'р' => Some('r'),
        'В' => Some('V'),
        'Н' => Some('N'),
        'у' => Some('u'),
        _ => latin_twin(c),
    }
}

fn latin_twin(c: char) -> Option<char> {
    CONFUSABLES.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
}

/// The Cyrillic letter a Latin one looks like, for words of a Cyrillic article.
fn cyrillic_twin(c: char) -> Option<char> {
    CONFUSABLES
        .iter()
        .find(|(k, v)| *v == c && script(*k) == Script::Cyrillic)
        .map(|(k, _)| *k)
}

fn letters_of(part: &str, which: Script) -> usize {
    part.chars().filter(|&c| script(c) == which).count()
}

/// `Telegram-канал`, `IT-компания`: a Latin word and a Cyrillic word joined by
/// a hyphen are a compound, each part in one script, not a look-alike.
fn is_compound(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
    let pure = |p: &&str, which: Script| {
        let letters = p.chars().filter(|c| c.is_alphabetic()).count();
        letters > 0 && letters_of(p, which) == letters && !p.chars().any(|c| c.is_ascii_digit())
    };
    parts.len() > 1
        && parts
            .iter()
            .all(|p| letters_of(p, Script::Latin) == 0 || letters_of(p, Script::Cyrillic) == 0)
        && parts.iter().any(|p| pure(p, Script::Latin))
        && parts
            .iter()
            .any(|p| pure(p, Script::Cyrillic) && p.chars().count() >= 2)
}

/// A Cyrillic word with Latin look-alikes (`Mинск` with a Latin M, `коментарiв`
/// with a Latin i): the finding, with the Cyrillic spelling as its fix.
fn latin_in_cyrillic(word: &str) -> Option<(Vec<char>, String)> {
    let latin: Vec<char> = word
        .chars()
        .filter(|&c| script(c) == Script::Latin)
        .collect();
    let cyrillic = letters_of(word, Script::Cyrillic);
    if latin.is_empty() || cyrillic <= latin.len() || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let fixed: Option<String> = word
        .chars()
        .map(|c| {
            if script(c) == Script::Latin {
                cyrillic_twin(c)
            } else {
                Some(c)
            }
        })
        .collect();
    Some((latin, fixed?))
}

impl Rule for MixedScript {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        // An ASCII word can mix no scripts and hide nothing: only the tokens
        // holding a byte beyond ASCII are read, found by a byte scan.
        // In a language written in Cyrillic a Latin letter is the intruder.
        let cyrillic_article = cx
            .doc
            .language
            .profile()
            .writes_in(unicode_script::Script::Cyrillic);
        let bytes = cx.doc.text.as_bytes();
        let (mut from, mut k) = (0, 0);
        while let Some(i) = bytes
            .get(from..)
            .and_then(|b| b.iter().position(|&b| b >= 0x80))
            .map(|i| from + i)
        {
            // Curly quotes, dashes and the like hold no letter and hide nothing:
            // a finding needs a letter beyond ASCII or an invisible character,
            // so only those send the rule to the tokens (built on first use).
            if let Some(c) = cx.doc.text.get(i..).and_then(|s| s.chars().next()) {
                if crate::document::script::script(c).is_none() && !invisible(c) {
                    from = i + c.len_utf8();
                    continue;
                }
            }
            let tokens = cx.doc.tokens();
            k += tokens[k..].partition_point(|t| t.end <= i);
            let Some(t) = tokens.get(k).filter(|t| t.start <= i) else {
                from = i + 1;
                continue;
            };
            from = t.end;
            let word = cx.doc.slice(&t.range());
            let range = t.range();
            if word.chars().any(invisible)
                && word.chars().any(char::is_alphanumeric)
                && !word.starts_with('\u{feff}')
            {
                let codes: Vec<String> = word
                    .chars()
                    .filter(|&c| invisible(c))
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                let clean: String = word.chars().filter(|&c| !invisible(c)).collect();
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", word)]),
                    None => format!(
                        "'{clean}' hides an invisible character ({})",
                        codes.join(", ")
                    ),
                };
                out.push(
                    self.meta
                        .diag(range, message)
                        .with_help("delete the invisible character")
                        .with_fix(clean, Applicability::Safe),
                );
                continue;
            }
            if is_compound(word) {
                continue;
            }
            // A Cyrillic word with a Latin look-alike is one in any article:
            // in an English one too, a UI word left in Ukrainian hides a Latin
            // `i` (`коментарiв`), and language/untranslated leaves mixed words to this rule.
            {
                if let Some((intruders, fixed)) = latin_in_cyrillic(word) {
                    let codes: Vec<String> = intruders
                        .iter()
                        .map(|&c| format!("'{c}' U+{:04X}", c as u32))
                        .collect();
                    let message = match &self.meta.message {
                        Some(t) => render(t, &[("found", word)]),
                        None => format!(
                            "'{word}' mixes Cyrillic with Latin look-alike letters: {}",
                            codes.join(", ")
                        ),
                    };
                    out.push(
                        self.meta
                            .diag(range, message)
                            .with_help(format!("write '{fixed}' in Cyrillic letters"))
                            .with_fix(fixed, Applicability::Safe),
                    );
                    continue;
                }
            }
            // Designations typed in Cyrillic (МС-21, Су-30СМ) are right in a Cyrillic article.
            if cyrillic_article && !word.chars().any(|c| script(c) == Script::Latin) {
                continue;
            }
            let latin = word.chars().filter(|&c| script(c) == Script::Latin).count();
            let foreign: Vec<char> = word
                .chars()
                .filter(|&c| matches!(script(c), Script::Cyrillic | Script::Greek))
                .collect();
            let has_digit = word.chars().any(|c| c.is_ascii_digit());
            // A Latin word with look-alikes, or a designation (letters and digits) typed in Cyrillic.
            let designation = latin == 0
                && has_digit
                && !foreign.is_empty()
                && foreign.iter().all(|&c| latin_twin(c).is_some());
            // A Greek letter with no Latin twin is a symbol, not a slip: γ-ray, μm-scale.
            let greek_symbol = foreign
                .iter()
                .any(|&c| script(c) == Script::Greek && latin_twin(c).is_none());
            if foreign.is_empty()
                || greek_symbol
                || (latin == 0 && !designation)
                || (latin > 0 && foreign.len() > latin)
            {
                continue;
            }
            let codes: Vec<String> = foreign
                .iter()
                .map(|&c| format!("'{c}' U+{:04X}", c as u32))
                .collect();
            let fixed: Option<String> = word
                .chars()
                .map(|c| {
                    if matches!(script(c), Script::Cyrillic | Script::Greek) {
                        latin_twin(c)
                    } else {
                        Some(c)
                    }
                })
                .collect();
            let kind = if foreign.iter().any(|&c| script(c) == Script::Greek) {
                "Greek"
            } else {
                "Cyrillic"
            };
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", word)]),
                None if latin == 0 => format!(
                    "'{word}' is typed with {kind} letters that look Latin: {}",
                    codes.join(", ")
                ),
                None => format!(
                    "'{word}' mixes Latin with {kind} look-alike letters: {}",
                    codes.join(", ")
                ),
            };
            let mut d = self.meta.diag(range, message);
            // A designation may be meant by shape (МС-21 → MC-21) or by sound
            // (Su-30СМ → Su-30SM): the one the knowledge base knows is safe.
            let by_sound: Option<String> = has_digit.then(|| {
                word.chars()
                    .map(|c| transliterate(c).unwrap_or(c))
                    .collect()
            });
            let known = |s: &String| cx.entities.by_name(s).is_some();
            let choice = match (fixed, by_sound) {
                (Some(f), _) if known(&f) || !has_digit => Some((f, Applicability::Safe)),
                (_, Some(t)) if known(&t) => Some((t, Applicability::Safe)),
                (Some(f), _) => Some((f, Applicability::Unsafe)),
                (None, _) => None,
            };
            if let Some((f, applicability)) = choice {
                d = d
                    .with_help(format!("write '{f}' in Latin letters"))
                    .with_fix(f, applicability);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_and_cyrillic_words_with_latin_letters() {
        assert!(is_compound("Telegram-канал") && is_compound("IT-компания"));
        assert!(!is_compound("Su-30СМ") && !is_compound("МС-21") && !is_compound("M\u{43e}scow"));
        assert_eq!(
            latin_in_cyrillic("Mинск"),
            Some((vec!['M'], "Минск".to_owned()))
        );
        assert_eq!(latin_in_cyrillic("Минск"), None);
        assert_eq!(latin_in_cyrillic("iPhone"), None);
        assert_eq!(
            latin_in_cyrillic("Зеленскийz"),
            None,
            "no Cyrillic twin for z"
        );
    }

    #[test]
    fn the_languages_written_in_cyrillic() {
        let cyrillic: Vec<&str> = crate::lang::Lang::all()
            .filter(|l| l.profile().writes_in(unicode_script::Script::Cyrillic))
            .map(|l| l.code())
            .collect();
        assert_eq!(cyrillic, ["be", "bg", "mk", "ru", "sr", "uk"]);
    }

    #[test]
    fn scripts_past_the_fast_paths() {
        assert_eq!(script('ệ'), Script::Latin);
        assert_eq!(script('ο'), Script::Greek);
        assert_eq!(script('ἀ'), Script::Greek);
        assert_eq!(script('ᲀ'), Script::Cyrillic);
        assert_eq!(script('×'), Script::Other);
        assert_eq!(script('中'), Script::Other);
    }

    #[test]
    fn tokens_keep_designations_whole() {
        let t = "Su-30СМ and М\u{43e}scow.";
        let doc = crate::document::Document::plain(t);
        let words: Vec<&str> = doc.tokens().iter().map(|w| &t[w.range()]).collect();
        assert_eq!(words, ["Su-30СМ", "and", "М\u{43e}scow"]);
    }
}
