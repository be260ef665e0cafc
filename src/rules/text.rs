//! Small text helpers the rules share.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lang::Lang;

/// `Lukashenka’s` → `Lukashenka`: the possessive suffixes of the profiles
/// (`[names]`), of every language, since a name's possessive is written in
/// the language it is quoted from.
pub fn strip_possessive(word: &str) -> &str {
    // Called for every capitalised word by the name rules: most words end in
    // no suffix's last byte, and are let through without a string compare.
    static SUFFIXES: LazyLock<(Vec<&'static str>, [bool; 256])> = LazyLock::new(|| {
        let mut all: Vec<&'static str> = Lang::all()
            .flat_map(|l| l.profile().names.possessive_suffixes.iter().map(|s| &**s))
            .collect();
        // "'s" before "'": the longer suffix is tried first.
        all.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        all.dedup();
        let mut last = [false; 256];
        for s in &all {
            if let Some(&b) = s.as_bytes().last() {
                last[usize::from(b)] = true;
            }
        }
        (all, last)
    });
    let (suffixes, last) = &*SUFFIXES;
    match word.as_bytes().last() {
        Some(&b) if last[usize::from(b)] => {}
        _ => return word,
    }
    let bytes = word.as_bytes();
    for suffix in suffixes {
        let sb = suffix.as_bytes();
        // A byte loop, not `strip_suffix`: a libc memcmp call per suffix of one
        // to four bytes cost more than the compare.
        if bytes.len() > sb.len()
            && bytes[bytes.len() - sb.len()..]
                .iter()
                .zip(sb)
                .all(|(a, b)| a == b)
        {
            // Suffixes are whole characters, so the cut is a char boundary.
            return word.get(..bytes.len() - sb.len()).unwrap_or(word);
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

/// A pack's message template with its `{name}` placeholders found once, when
/// the rule is compiled: rendering fills them in one pass, so a value that
/// itself holds `{expected}` (article text can) is copied as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    text: String,
    /// Byte ranges of `text`, braces included, in order.
    placeholders: Vec<Range<usize>>,
}

impl Template {
    pub fn new(text: impl Into<String>) -> Template {
        let text = text.into();
        let mut placeholders = Vec::new();
        let mut at = 0;
        while let Some(open) = text[at..].find('{').map(|o| at + o) {
            let Some(close) = text[open..].find('}').map(|c| open + c) else {
                break;
            };
            placeholders.push(open..close + 1);
            at = close + 1;
        }
        Template { text, placeholders }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Each placeholder's byte offset (at its `{`) and name.
    pub fn placeholders(&self) -> impl Iterator<Item = (usize, &str)> {
        self.placeholders
            .iter()
            .map(|p| (p.start, &self.text[p.start + 1..p.end - 1]))
    }

    /// The text with each placeholder named in `values` replaced by its value;
    /// the others are kept as written.
    pub fn render(&self, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for p in &self.placeholders {
            out.push_str(&self.text[at..p.start]);
            let name = &self.text[p.start + 1..p.end - 1];
            match values.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => out.push_str(&self.text[p.clone()]),
            }
            at = p.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// Fills the placeholders of a pack's message template.
pub fn render(template: &Template, values: &[(&str, &str)]) -> String {
    template.render(values)
}

/// `a, b or c`.
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", init.join(", "), last.as_ref())
        }
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

/// Calls `f` with `word` lowercased: on the stack for a short ASCII word
/// (most words a rule asks about), allocated otherwise. For per-word
/// lookups in tables keyed by lowercase words.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if word.is_ascii() {
        if let Some(b) = buf.get_mut(..word.len()) {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(b) {
                return f(lower);
            }
        }
    }
    f(&word.to_lowercase())
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

    #[test]
    fn a_template_is_filled_in_one_pass() {
        let t = Template::new("use {expected}, not {found} ({found}){x");
        assert_eq!(
            t.placeholders().collect::<Vec<_>>(),
            [(4, "expected"), (20, "found"), (29, "found")]
        );
        // Article text holding a placeholder is not filled in again.
        assert_eq!(
            t.render(&[("found", "{expected}"), ("expected", "Kyiv")]),
            "use Kyiv, not {expected} ({expected}){x"
        );
        assert_eq!(t.render(&[]), t.as_str());
        assert_eq!(
            Template::new("{}").placeholders().collect::<Vec<_>>(),
            [(0, "")]
        );
        assert_eq!(Template::new("a}b{").render(&[("", "x")]), "a}b{");
    }
}
