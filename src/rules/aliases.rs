//! Spellings an article declares equivalent: `Lukashenka (also spelled
//! Lukashenko)`, `Kyiv (Kiev)`. Two such spellings are the writer's choice,
//! not an inconsistency.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use super::text::strip_possessive;
use crate::document::Document;

fn pattern() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        // A name of up to three capitalised words: "Alexander Lukashenko (Alyaksandr Lukashenka)".
        let name = r"(\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u{a0}]\p{Lu}[\p{L}\p{M}'’-]*){0,2})";
        // English, then German, French, Spanish and Polish: "auch Kiew", "ou Kiev", "dawniej Kijów".
        let intro = r"(?:also\s+(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered|known\s+as)|or|aka|a\.k\.a\.|alternatively|formerly|previously|in\s+\p{L}+[:,]?|\p{L}+:|auch(?:\s+(?:bekannt\s+als|geschrieben|genannt|transkribiert))?|oder|bzw\.|früher|vormals|ehemals|ou|aussi|anciennement|o|también|antes|lub|albo|dawniej|inaczej)";
        Regex::new(&format!(r"{name}\s*(?:\(\s*(?:{intro}\s+)?|,\s*{intro}\s+){name}")).ok()
    })
    .as_ref()
}

/// The declared pairs, lowercased, each in both orders.
pub fn declared(doc: &Document<'_>) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    let Some(re) = pattern() else {
        return out;
    };
    for para in &doc.paragraphs {
        for caps in re.captures_iter(doc.slice(para)) {
            let (Some(a), Some(b)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let a: Vec<&str> = a.as_str().split([' ', '\u{a0}']).collect();
            let b: Vec<&str> = b.as_str().split([' ', '\u{a0}']).collect();
            // The whole names, and word for word from the end: a surname
            // with a surname, a given name with a given name ("President"
            // before a name has nothing to pair with).
            let mut pairs = vec![(a.join(" "), b.join(" "))];
            for (x, y) in a.iter().rev().zip(b.iter().rev()) {
                pairs.push(((*x).to_owned(), (*y).to_owned()));
            }
            for (a, b) in pairs {
                let a = strip_possessive(&a).to_lowercase();
                let b = strip_possessive(&b).to_lowercase();
                out.insert((b.clone(), a.clone()));
                out.insert((a, b));
            }
        }
    }
    out
}

pub fn is_declared(set: &HashSet<(String, String)>, a: &str, b: &str) -> bool {
    !set.is_empty() && set.contains(&(a.to_lowercase(), b.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-word pairs declared (whole multi-word names are pairs too).
    fn pairs(text: &str) -> Vec<(String, String)> {
        let doc = Document::plain(text);
        let mut v: Vec<_> = declared(&doc)
            .into_iter()
            .filter(|(a, b)| a < b && !a.contains(' ') && !b.contains(' '))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn recognizes_declarations() {
        assert_eq!(
            pairs("Alexander Lukashenka (also spelled Lukashenko) spoke."),
            [("lukashenka".into(), "lukashenko".into())]
        );
        assert_eq!(
            pairs("in Kyiv (Kiev) today"),
            [("kiev".into(), "kyiv".into())]
        );
        assert_eq!(
            pairs("Hrodna, also known as Grodno, is"),
            [("grodno".into(), "hrodna".into())]
        );
        assert_eq!(
            pairs("Homel (Russian: Gomel) is"),
            [("gomel".into(), "homel".into())]
        );
    }

    #[test]
    fn recognizes_declarations_in_other_languages() {
        assert_eq!(
            pairs("Der Präsident Lukaschenko (auch Lukaschenka) sprach."),
            [("lukaschenka".into(), "lukaschenko".into())]
        );
        assert_eq!(
            pairs("in Kyjiw (früher Kiew) heute"),
            [("kiew".into(), "kyjiw".into())]
        );
        assert_eq!(
            pairs("à Kyiv (ou Kiev) aujourd'hui"),
            [("kiev".into(), "kyiv".into())]
        );
        assert_eq!(
            pairs("Homel (russisch: Gomel) liegt"),
            [("gomel".into(), "homel".into())]
        );
    }

    #[test]
    fn full_names_declare_their_parts() {
        let p = pairs("Sergei Ivanov (Siarhei Ivanou) spoke.");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p.contains(&("ivanou".into(), "ivanov".into())), "{p:?}");
        assert!(p.contains(&("sergei".into(), "siarhei".into())), "{p:?}");
    }

    #[test]
    fn ordinary_brackets_are_not_declarations() {
        assert!(pairs("Minsk (the capital) hosted it.").is_empty());
    }
}
