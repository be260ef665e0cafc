//! The tokens of a sentence, classed by script against the article's.

use std::ops::Range;

use super::scripts::{script, Script};
use crate::document::{Document, Token, TokenKind, TokenScript};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// In the article's script.
    Home,
    /// Wholly in another script.
    Foreign(Script),
    /// Scripts mixed inside one word: `language/mixed-script`'s business.
    Mixed,
    /// Numbers, designations (`Су-30`), single letters (`α`), URLs and e-mail addresses.
    Neutral,
}

#[derive(Debug, Clone)]
pub(super) struct Classed {
    pub(super) range: Range<usize>,
    pub(super) class: Class,
    /// Written in lowercase only: in a Latin run, such words make prose
    /// rather than names, acronyms or models (`iPhone`, `NATO`).
    pub(super) lowercase: bool,
}

/// Whether a token holds a letter of another script than `home`: the cheap
/// test that spares the rest of the rule most paragraphs.
pub(super) fn any_foreign(tokens: &[Token], home: Script) -> bool {
    tokens.iter().any(|t| match t.script {
        TokenScript::One(s) => s != home,
        TokenScript::Mixed => true,
        TokenScript::None => false,
    })
}

/// The tokens of `range`, classed by script.
pub(super) fn classed(doc: &Document<'_>, range: &Range<usize>, home: Script) -> Vec<Classed> {
    doc.tokens_in(range)
        .iter()
        .map(|t| {
            let w = doc.slice(&t.range());
            let class = class(t, w, home);
            Classed {
                range: t.range(),
                class,
                // Only Latin runs ask; the Unicode lookup is spared for the rest.
                lowercase: class == Class::Foreign(Script::Latin)
                    && !w.chars().any(char::is_uppercase),
            }
        })
        .collect()
}

/// Numbers, designations and addresses are no prose in any language; nor
/// are code identifiers (`ERR_CONNECTION_REFUSED`, `user_id`), words holding
/// a digit (`25th`) or single letters.
fn class(t: &Token, w: &str, home: Script) -> Class {
    if t.kind != TokenKind::Word || t.script == TokenScript::None {
        return Class::Neutral;
    }
    let (mut home_letters, mut foreign) = (0usize, [0usize; Script::ALL.len()]);
    for c in w.chars() {
        match script(c) {
            Some(x) if x == home => home_letters += 1,
            Some(x) => foreign[x.index()] += 1,
            None if c.is_numeric() || c == '_' => return Class::Neutral,
            None => {}
        }
    }
    let foreign_letters: usize = foreign.iter().sum();
    if home_letters + foreign_letters < 2 {
        Class::Neutral
    } else if home_letters > 0 && foreign_letters > 0 {
        Class::Mixed
    } else if foreign_letters > 0 {
        let main = Script::ALL
            .into_iter()
            .max_by_key(|x| foreign[x.index()])
            .unwrap_or(Script::Latin);
        Class::Foreign(main)
    } else {
        Class::Home
    }
}

/// Latin words that read as prose, not as names, acronyms or models: three
/// or more, at least two of them in lowercase, and more lowercase words than
/// others (`the talks went well`, not `BBC News` or `The Art of the Deal`).
pub(super) fn reads_as_prose(tokens: &[&Classed]) -> bool {
    let lower = tokens.iter().filter(|t| t.lowercase).count();
    tokens.len() >= 3 && lower >= 2 && lower * 2 > tokens.len()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str, home: Script) -> Vec<(&str, Class)> {
        let doc = Document::plain(text);
        classed(&doc, &(0..text.len()), home)
            .into_iter()
            .map(|t| (&text[t.range.clone()], t.class))
            .collect()
    }

    #[test]
    fn words_are_classed_by_script() {
        use Class::*;
        let t = "The заседании, Mоscow and Су-30 α-particles (α) https://example.org/путь info@пример.рф.";
        assert_eq!(
            classes(t, Script::Latin),
            [
                ("The", Home),
                ("заседании", Foreign(Script::Cyrillic)),
                ("Mоscow", Mixed),
                ("and", Home),
                ("Су-30", Neutral),
                ("α-particles", Mixed),
                ("α", Neutral),
                ("https", Neutral),
                ("example", Neutral),
                ("org", Neutral),
                ("путь", Neutral),
                ("info", Neutral),
                ("пример", Neutral),
                ("рф", Neutral),
            ]
        );
        assert_eq!(
            classes("ERR_CONNECTION_REFUSED 25th Mr X", Script::Latin),
            [
                ("ERR_CONNECTION_REFUSED", Neutral),
                ("25th", Neutral),
                ("Mr", Home),
                ("X", Neutral),
            ]
        );
    }

    #[test]
    fn addresses_are_no_prose() {
        let t = "see https://a.b/c, www.x.org and bbabo.net or me@mail.ru. End.Next 3.5 т.д. docs.example.com/errors";
        let neutral: Vec<&str> = classes(t, Script::Cyrillic)
            .into_iter()
            .filter(|(_, c)| *c == Class::Neutral)
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            neutral,
            [
                "https", "a", "b", "c", "www", "x", "org", "bbabo", "net", "me", "mail", "ru",
                "End", "Next", "3.5", "т", "д", "docs", "example", "com", "errors"
            ]
        );
    }

    #[test]
    fn foreign_letters_are_found_past_ascii() {
        let foreign = |t: &str, home| any_foreign(Document::plain(t).tokens(), home);
        assert!(!foreign(
            "Plain “quoted” text — naïve Łukaszenka",
            Script::Latin
        ));
        assert!(foreign("Plain “quoted” text заседании", Script::Latin));
        assert!(foreign("Президент и NATO", Script::Cyrillic));
        assert!(!foreign("Президент и 30", Script::Cyrillic));
    }

    #[test]
    fn latin_prose_is_not_acronyms_brands_or_titles() {
        let prose = |t: &'static str| {
            let doc = Document::plain(t);
            let v = classed(&doc, &(0..t.len()), Script::Cyrillic);
            let refs: Vec<&Classed> = v
                .iter()
                .filter(|t| matches!(t.class, Class::Foreign(_)))
                .collect();
            reads_as_prose(&refs)
        };
        assert!(prose("the talks went well"));
        assert!(!prose("BBC News"));
        assert!(!prose("NATO iPhone"));
        assert!(!prose("The Art of the Deal"));
        assert!(!prose("Wall Street Journal"));
    }
}
