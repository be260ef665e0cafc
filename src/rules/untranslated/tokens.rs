//! The words of a sentence, classed by script against the article's.

use std::ops::Range;

use super::scripts::{script, Script};

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
pub(super) struct Token {
    pub(super) range: Range<usize>,
    pub(super) class: Class,
    /// Written in lowercase only: in a Latin run, such words make prose
    /// rather than names, acronyms or models (`iPhone`, `NATO`).
    pub(super) lowercase: bool,
}

pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}')
}

/// Identifiers from code and logs (`ERR_CONNECTION_REFUSED`, `user_id`) hold underscores.
pub(super) fn is_code(c: char) -> bool {
    c == '_'
}

pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

/// Web and mail addresses, and domain names, among the whitespace-separated
/// chunks of `text`: their words are not prose (`https://example.org/путь`).
pub(super) fn addresses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += chunk.len();
        let c = chunk.trim_end();
        if !c.contains(['.', '/', '@']) {
            continue;
        }
        let c = c.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '/');
        let address = c.contains("://")
            || c.starts_with("www.")
            || c.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.starts_with('.')
            })
            || c.split('/')
                .next()
                .unwrap_or(c)
                .rsplit_once('.')
                .is_some_and(|(head, tld)| {
                    head.chars().last().is_some_and(char::is_alphanumeric)
                        && tld.chars().count() >= 2
                        && tld.chars().all(char::is_alphabetic)
                        && !head.contains(char::is_whitespace)
                });
        if address {
            out.push(start..start + chunk.trim_end().len());
        }
    }
    out
}

/// The words of `range` in `text`, classed by script.
pub(super) fn tokens(text: &str, range: Range<usize>, home: Script) -> Vec<Token> {
    let s = &text[range.clone()];
    let masked = addresses(s);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let part = c.is_ascii_alphanumeric()
            || script(c).is_some()
            || is_joiner(c)
            || is_code(c)
            || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                spans.push(b..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        spans.push(b..s.len());
    }
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        let w = &s[sp.clone()];
        let lead = w.len() - w.trim_start_matches(is_joiner).len();
        let w = w.trim_matches(is_joiner);
        if w.is_empty() {
            continue;
        }
        let r = sp.start + lead..sp.start + lead + w.len();
        let (mut home_letters, mut foreign) = (0usize, [0usize; Script::ALL.len()]);
        let mut digit = false;
        for c in w.chars() {
            match script(c) {
                Some(x) if x == home => home_letters += 1,
                Some(x) => foreign[x.index()] += 1,
                None => digit |= c.is_numeric(),
            }
        }
        let foreign_letters: usize = foreign.iter().sum();
        let class = if digit
            || w.contains(is_code)
            || home_letters + foreign_letters < 2
            || masked.iter().any(|m| m.start < r.end && r.start < m.end)
        {
            Class::Neutral
        } else if home_letters > 0 && foreign_letters > 0 {
            Class::Mixed
        } else if foreign_letters > 0 {
            let main = Script::ALL
                .into_iter()
                .max_by_key(|x| foreign[x.index()])
                .unwrap_or(Script::Latin);
            Class::Foreign(main)
        } else if home_letters > 0 {
            Class::Home
        } else {
            Class::Neutral
        };
        out.push(Token {
            range: range.start + r.start..range.start + r.end,
            class,
            // Only Latin runs ask; the Unicode lookup is spared for the rest.
            lowercase: class == Class::Foreign(Script::Latin) && !w.chars().any(char::is_uppercase),
        });
    }
    out
}

/// Latin words that read as prose, not as names, acronyms or models: three
/// or more, at least two of them in lowercase, and more lowercase words than
/// others (`the talks went well`, not `BBC News` or `The Art of the Deal`).
pub(super) fn reads_as_prose(tokens: &[&Token]) -> bool {
    let lower = tokens.iter().filter(|t| t.lowercase).count();
    tokens.len() >= 3 && lower >= 2 && lower * 2 > tokens.len()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str, home: Script) -> Vec<(&str, Class)> {
        tokens(text, 0..text.len(), home)
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
    }

    #[test]
    fn addresses_are_found() {
        let t = "see https://a.b/c, www.x.org and bbabo.net or me@mail.ru. End.Next 3.5 т.д. docs.example.com/errors";
        let found: Vec<&str> = addresses(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            [
                "https://a.b/c,",
                "www.x.org",
                "bbabo.net",
                "me@mail.ru.",
                "End.Next",
                "docs.example.com/errors"
            ]
        );
    }

    #[test]
    fn latin_prose_is_not_acronyms_brands_or_titles() {
        let toks = |t: &'static str| tokens(t, 0..t.len(), Script::Cyrillic);
        let prose = |t: &'static str| {
            let v = toks(t);
            let refs: Vec<&Token> = v
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
