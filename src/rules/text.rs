//! Small text helpers the rules share.

use std::sync::LazyLock;

use crate::lang::Lang;

/// `Lukashenka’s` → `Lukashenka`: the possessive suffixes of the profiles
/// (`[names]`), of every language, since a name's possessive is written in
/// the language it is quoted from.
pub fn strip_possessive(word: &str) -> &str {
    static SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut all: Vec<&'static str> = Lang::all()
            .flat_map(|l| l.profile().names.possessive_suffixes.iter().map(|s| &**s))
            .collect();
        // "'s" before "'": the longer suffix is tried first.
        all.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        all.dedup();
        all
    });
    for suffix in SUFFIXES.iter() {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// `replacement` written in the case of `found`: `BELARUS` for `BELARUSSIA`,
/// `Moscow` for a capitalised `moscow`-style find.
pub fn keep_case(found: &str, replacement: &str) -> String {
    if is_all_caps(found) && found.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return replacement.to_uppercase();
    }
    if is_capitalized(found) && !is_capitalized(replacement) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_owned()
}

/// `"a", "b" and "c"`.
pub fn quoted_list(items: &[&str]) -> String {
    let q: Vec<String> = items.iter().map(|s| format!("'{s}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        n => format!("{} and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Fills `{name}` placeholders of a pack's message template.
pub fn render(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// `a, b or c`.
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The plural of an entity type: `aircraft`, `makers`.
pub fn plural(noun: &str) -> String {
    if noun.ends_with("craft") || noun.ends_with('s') {
        noun.to_owned()
    } else {
        format!("{noun}s")
    }
}

/// A sentence with more capitalised words than this share is in title case,
/// where capitals say nothing about names.
const TITLE_CASE_SHARE: f32 = 0.6;

/// Whether the sentence holding `offset` is written in title case.
pub fn in_title_case(doc: &crate::document::Document<'_>, offset: usize) -> bool {
    let Some(s) = doc.sentence_at(offset) else {
        return false;
    };
    let sentence = &doc.sentences[s];
    let words = &doc.words[doc.word_index_from(sentence.start)..doc.word_index_from(sentence.end)];
    let caps = words
        .iter()
        .filter(|w| is_capitalized(doc.slice(&w.range())))
        .count();
    words.len() >= 3 && caps as f32 > TITLE_CASE_SHARE * words.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_and_case() {
        assert_eq!(strip_possessive("Lukashenka’s"), "Lukashenka");
        assert_eq!(strip_possessive("Belarus'"), "Belarus");
        assert_eq!(strip_possessive("'"), "'");
        assert_eq!(keep_case("BELARUSSIA", "Belarus"), "BELARUS");
        assert_eq!(keep_case("Belarussia", "Belarus"), "Belarus");
        assert_eq!(keep_case("Read", "read"), "Read");
        assert_eq!(quoted_list(&["a", "b", "c"]), "'a', 'b' and 'c'");
    }
}
