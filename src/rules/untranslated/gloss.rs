//! Glosses: the patterns by which an editor keeps an original on purpose
//! (its translation in brackets after it, or the original in brackets after
//! the translation).

use std::ops::Range;

use super::pass::{floor, Pass};
use super::scripts::{letter_counts, script, Script};

/// How far a bracketed translation is looked for.
pub(super) const GLOSS_MAX_BYTES: usize = 600;

pub(super) const OPENING_QUOTES: &[char] = &['"', '“', '„', '«', '‘', '\'', '‹', '‚'];
pub(super) const CLOSING_QUOTES: &[char] = &['"', '”', '»', '’', '\'', '›', '“'];

/// Whether the text right after a stretch or run gives its translation: a
/// bracket holding text in the article's script, or — when the foreign text
/// is quoted — a dash followed by such text. `after` runs to the paragraph's end.
pub(super) fn glossed_after(after: &str, quoted: bool, home: Script) -> bool {
    let rest = after.trim_start_matches(|c: char| {
        c.is_whitespace() || CLOSING_QUOTES.contains(&c) || matches!(c, '.' | ',' | '!' | '?' | '…')
    });
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if let Some(close) = closing_bracket(first) {
        let inner = &rest[first.len_utf8()..];
        let inner = &inner[..floor(inner, inner.find(close).unwrap_or(inner.len()))];
        let inner = &inner[..floor(inner, GLOSS_MAX_BYTES)];
        let (h, f) = letter_counts(inner, home);
        return h >= 2 && h >= f;
    }
    if quoted && matches!(first, '—' | '–' | '-') {
        let tail = rest[first.len_utf8()..]
            .trim_start_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c));
        return tail
            .chars()
            .next()
            .and_then(script)
            .is_some_and(|s| s == home);
    }
    false
}

/// Whether a stretch or run sits inside brackets right after text in the
/// article's script — the original given after its translation or
/// romanization: `Belaya Rus (Белая Русь)`. `before` runs from the paragraph's start.
pub(super) fn glossed_before(before: &str, home: Script) -> bool {
    // The innermost bracket still open at the run's start.
    let mut open = None;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, ')' | ']') {
            return false;
        }
        if matches!(c, '(' | '[') {
            open = Some(i);
            break;
        }
        if before.len() - i > GLOSS_MAX_BYTES {
            return false;
        }
    }
    let Some(open) = open else {
        return false;
    };
    // "(in Russian: Белая Русь)", "(Belarusian: …)".
    if before[open..].trim_end().ends_with(':') {
        return true;
    }
    // Square brackets mark an editor's insertion, not an original given
    // after its translation: `could [могут произойти] happen` is left over.
    if before[open..].starts_with('[') {
        return false;
    }
    before[..open]
        .trim_end_matches(|c: char| c.is_whitespace() || CLOSING_QUOTES.contains(&c))
        .chars()
        .next_back()
        .and_then(script)
        .is_some_and(|s| s == home)
}

/// Whether a quoted original comes after a dash that follows its
/// translation: `"Long live Belarus!" – "Жыве Беларусь!"`. An unquoted run
/// after a dash is the sentence going on, not a translation.
pub(super) fn dashed_before(before: &str, quoted: bool, home: Script) -> bool {
    if !quoted {
        return false;
    }
    let head = before.trim_end_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c));
    let Some(head) = head
        .strip_suffix('—')
        .or_else(|| head.strip_suffix('–'))
        .or_else(|| head.strip_suffix(" -"))
    else {
        return false;
    };
    head.trim_end_matches(|c: char| {
        c.is_whitespace() || CLOSING_QUOTES.contains(&c) || matches!(c, '.' | ',' | '!' | '?' | '…')
    })
    .chars()
    .next_back()
    .and_then(script)
    .is_some_and(|s| s == home)
}

pub(super) fn closing_bracket(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    }
}

/// Whether foreign text starting at `start` of `para` opens with a quote.
pub(super) fn quoted(para: &str, start: usize) -> bool {
    para[..start]
        .trim_end()
        .ends_with(|c: char| OPENING_QUOTES.contains(&c))
        || para[start..].starts_with(|c: char| OPENING_QUOTES.contains(&c))
}

impl Pass<'_, '_> {
    /// The patterns by which an editor keeps an original on purpose.
    pub(super) fn legitimate(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        range: &Range<usize>,
    ) -> bool {
        let home = self.home;
        let p = self.doc.slice(para);
        let (start, end) = (range.start - para.start, range.end - para.start);
        let q = quoted(p, start);
        if glossed_after(&p[end..], q, home)
            || glossed_before(&p[..start], home)
            || dashed_before(&p[..start], q, home)
        {
            return true;
        }
        // The paragraph ends here, and the next one opens with the
        // translation: in brackets, or in quotes when this is a quotation.
        if !p[end..]
            .trim()
            .trim_matches(CLOSING_QUOTES)
            .trim()
            .is_empty()
        {
            return false;
        }
        let Some(next) = next_para else {
            return false;
        };
        let n = self.doc.slice(next);
        let opens = n.starts_with(['(', '[']) || (q && n.starts_with(OPENING_QUOTES));
        let (h, f) = letter_counts(&n[..floor(n, 300)], home);
        opens && h >= 2 && h > f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses() {
        let h = Script::Latin;
        assert!(glossed_after(" (White Rus) said", false, h));
        assert!(glossed_after("» (White Rus)", false, h));
        assert!(glossed_after("!\" (\"Long live Belarus!\")", true, h));
        assert!(glossed_after("!\" – Long live Belarus!", true, h));
        assert!(!glossed_after(" – and then he left", false, h));
        assert!(!glossed_after(" (Белая Русь)", false, h));
        assert!(!glossed_after(" said the president", false, h));
        assert!(glossed_before("the party Belaya Rus (", h));
        assert!(glossed_before("Belaya Rus («", h));
        assert!(glossed_before("Belaya Rus (in Russian: ", h));
        assert!(!glossed_before("(Minsk) said ", h));
        assert!(!glossed_before("He said ", h));
        assert!(!glossed_before("changes could [", h));
        assert!(glossed_before("changes could [in Russian: ", h));
        assert!(dashed_before(
            "the slogan \"Long live Belarus!\" – \"",
            true,
            h
        ));
        assert!(dashed_before("the slogan Long live Belarus — «", true, h));
        assert!(!dashed_before("He left — ", false, h));
        assert!(!dashed_before("«Жыве» — «", true, h));
    }
}
