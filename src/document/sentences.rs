//! Sentence boundaries inside one paragraph. A boundary is a terminal mark
//! (`.`, `!`, `?`, `…`), optional closing quotes or brackets, whitespace, and
//! then something that can open a sentence. A period does not end a sentence
//! after a known abbreviation of the article's language (`Mr.`, `z. B.`,
//! `Sra.`, `np.`, `им.`), after an initial (`A. Lukashenko`, `В. В. Путин`),
//! inside a number (`3.5` has no whitespace after the point, so it never
//! qualifies), or, in German, after an ordinal number (`am 3. Oktober`).

use std::ops::Range;

// The abbreviations, initials and ordinals of an article's language live
// in its profile (`[sentences]` in `languages/<code>.toml`). Only
// abbreviations that usually stand before a name, a noun or a number are
// listed there: one that usually ends a sentence (`usw.`, `и др.`) or is
// also a word (French `vol`, `sept`) is better split after. A
// language without a list gets initials and dotted acronyms only.
use crate::lang::{Lang, Sentences, WordSet};

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '“' | '‘' | '«' | '›' | '‹' | ')' | ']'
    )
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '“'
                | '„'
                | '«'
                | '»'
                | '‘'
                | '‚'
                | '‹'
                | '›'
                | '\''
                | '('
                | '['
                | '—'
                | '–'
                | '-'
                | '¿'
                | '¡'
        )
}

/// A space inside French guillemets: `« Nous partons. »`.
fn is_inner_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The word just before byte `dot` (the period's position), as written.
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The letters-and-digits word ending right before byte `end`, skipping spaces.
fn previous_word(text: &str, end: usize) -> &str {
    let head = text[..end].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The letters of the word at the start of `rest`.
fn next_word(rest: &str) -> &str {
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn is_abbreviation(word: &str, rules: &Sentences, lower: &mut String) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    // A single letter is an initial: "A. Lukashenko", "Vladimir V. Putin", "В. В. Путин".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    holds_lowercase(&rules.abbreviations, word, lower)
        // Dotted acronyms: "U.S.", "e.g.", "z.B.", "т.е.".
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
}

/// Whether `set` holds `word` lowercased. Most words are in lowercase or
/// ASCII already: only what is not is copied, into `buf`.
fn holds_lowercase(set: &WordSet, word: &str, buf: &mut String) -> bool {
    if set.is_empty() {
        return false;
    }
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return set.contains(word);
        }
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    set.contains(buf.as_str())
}

/// German `am 3. Oktober`: the number before `dot` is an ordinal.
fn is_ordinal(
    para: &str,
    dot: usize,
    number: &str,
    rest: &str,
    rules: &Sentences,
    lower: &mut String,
) -> bool {
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    holds_lowercase(
        &rules.before_ordinal,
        previous_word(para, dot - number.len()),
        lower,
    ) || holds_lowercase(&rules.after_ordinal, next_word(rest), lower)
}

/// Splits `range` of `text`, an article in `language`, into sentence
/// ranges, each trimmed of surrounding whitespace.
pub fn split(text: &str, range: Range<usize>, language: Lang) -> Vec<Range<usize>> {
    let rules = &language.profile().sentences;
    let ordinals = rules.has_ordinals();
    let mut lower = String::new();
    let mut out = Vec::new();
    let para = &text[range.clone()];
    let base = range.start;
    let mut start = 0;
    let bytes = para.as_bytes();
    // The terminal marks are found a memchr at a time; only a paragraph
    // with an ellipsis character is read a byte at a time.
    let ellipsis = memchr::memmem::find(bytes, "…".as_bytes()).is_some();
    let mut pos = 0;
    while let Some(i) = next_mark(bytes, pos, ellipsis) {
        let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        // Swallow a run of terminal marks ("?!", "...") and closing quotes.
        let mut end = i + c.len_utf8();
        for d in para[end..].chars() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        // A French closing guillemet after a space: "« Nous partons. » Il".
        // (A German "»" before a word opens the next quotation instead.)
        let spaced = para[end..].trim_start_matches(is_inner_space);
        if spaced.len() < para.len() - end {
            let mut chars = spaced.chars();
            if chars.next() == Some('»') && chars.next().is_none_or(|n| !n.is_alphanumeric()) {
                end = para.len() - spaced.len() + '»'.len_utf8();
            }
        }
        pos = end;
        let rest = &para[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            continue; // no whitespace after: "3.5", "bbabo.net", "U.S.-led"
        }
        let Some(next) = trimmed.chars().next() else {
            continue;
        };
        if !is_opener(next) {
            continue;
        }
        let single_period = c == '.' && para[i..end].trim_end_matches(is_closer) == ".";
        if single_period {
            let word = word_before(para, i);
            if is_abbreviation(word, rules, &mut lower)
                || (ordinals && is_ordinal(para, i, word, trimmed, rules, &mut lower))
            {
                continue;
            }
        }
        push_trimmed(&mut out, para, base, start..end);
        start = end;
    }
    push_trimmed(&mut out, para, base, start..para.len());
    out
}

/// The next terminal mark (`.`, `!`, `?`, `…`) at or after `from`.
fn next_mark(bytes: &[u8], from: usize, ellipsis: bool) -> Option<usize> {
    let hay = bytes.get(from..)?;
    if !ellipsis {
        return memchr::memchr3(b'.', b'!', b'?', hay).map(|i| from + i);
    }
    let e = "…".as_bytes();
    hay.iter()
        .enumerate()
        .find(|&(i, &b)| matches!(b, b'.' | b'!' | b'?') || hay[i..].starts_with(e))
        .map(|(i, _)| from + i)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, base: usize, r: Range<usize>) {
    let s = &para[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(base + r.start + lead..base + r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentences_in(text, "en")
    }

    fn sentences_in<'t>(text: &'t str, language: &str) -> Vec<&'t str> {
        split(
            text,
            0..text.len(),
            Lang::parse(language).expect("a shipped language"),
        )
        .into_iter()
        .map(|r| &text[r])
        .collect()
    }

    #[test]
    fn splits_on_terminal_marks() {
        assert_eq!(
            sentences("It rained. Did it? Yes! Fine."),
            ["It rained.", "Did it?", "Yes!", "Fine."]
        );
    }

    #[test]
    fn survives_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Mr. Smith met A. Lukashenko in the U.S. on Feb. 3. Growth was 3.5 percent. Done."
            ),
            [
                "Mr. Smith met A. Lukashenko in the U.S. on Feb. 3.",
                "Growth was 3.5 percent.",
                "Done."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We agreed.” He left. \"Fine,\" she said."),
            ["“We agreed.”", "He left.", "\"Fine,\" she said."]
        );
    }

    #[test]
    fn lowercase_after_period_is_not_a_boundary() {
        assert_eq!(
            sentences("See fig. 2 and p. three. Next."),
            ["See fig. 2 and p. three.", "Next."]
        );
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in ["", ".", "...", " . . ", "…", "a.\u{0301}B", "?!\"'"] {
            let _ = sentences(t);
        }
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        assert_eq!(
            sentences_in(
                "Am 3. Oktober sprach Dr. Weber mit Prof. Schulz, z. B. über Nr. 5 bzw. ca. 300 Betriebe. Der 20. Parteitag beginnt im 3. Quartal. Die Zahl stieg auf 42. Danach sank sie.",
                "de"
            ),
            [
                "Am 3. Oktober sprach Dr. Weber mit Prof. Schulz, z. B. über Nr. 5 bzw. ca. 300 Betriebe.",
                "Der 20. Parteitag beginnt im 3. Quartal.",
                "Die Zahl stieg auf 42.",
                "Danach sank sie."
            ]
        );
        // German quotations: „…“ and »…«.
        assert_eq!(
            sentences_in(
                "Er sagte: „Wir bleiben.“ Dann ging er. »Gut.« Sie nickte.",
                "de"
            ),
            [
                "Er sagte: „Wir bleiben.“",
                "Dann ging er.",
                "»Gut.«",
                "Sie nickte."
            ]
        );
    }

    #[test]
    fn french_abbreviations_and_guillemets() {
        assert_eq!(
            sentences_in(
                "M. Macron a reçu Mme Dupont et MM. Martin. « Nous partons. » Il est parti\u{a0}! Le vol. Le reste.",
                "fr"
            ),
            [
                "M. Macron a reçu Mme Dupont et MM. Martin.",
                "« Nous partons. »",
                "Il est parti\u{a0}!",
                "Le vol.",
                "Le reste."
            ]
        );
    }

    #[test]
    fn spanish_abbreviations() {
        assert_eq!(
            sentences_in(
                "El Sr. García y la Sra. López viajaron a EE. UU. El viaje duró dos días. ¿Volverán? ¡Sí!",
                "es"
            ),
            [
                "El Sr. García y la Sra. López viajaron a EE. UU.",
                "El viaje duró dos días.",
                "¿Volverán?",
                "¡Sí!"
            ]
        );
    }

    #[test]
    fn polish_abbreviations() {
        assert_eq!(
            sentences_in(
                "Spotkanie odbyło się przy ul. Marszałkowskiej, np. z udziałem tzw. ekspertów i prof. Nowaka. Dr Kowalski wyszedł. Potem wrócił.",
                "pl"
            ),
            [
                "Spotkanie odbyło się przy ul. Marszałkowskiej, np. z udziałem tzw. ekspertów i prof. Nowaka.",
                "Dr Kowalski wyszedł.",
                "Potem wrócił."
            ]
        );
    }

    #[test]
    fn russian_and_ukrainian_abbreviations_and_initials() {
        assert_eq!(
            sentences_in(
                "В. В. Путин выступил в 2022 г. на заседании, т. е. в театре им. Пушкина на ул. Ленина. Заседание закончилось.",
                "ru"
            ),
            [
                "В. В. Путин выступил в 2022 г. на заседании, т. е. в театре им. Пушкина на ул. Ленина.",
                "Заседание закончилось."
            ]
        );
        assert_eq!(
            sentences_in(
                "Зустріч відбулася на вул. Хрещатик. Вона тривала годину.",
                "uk"
            ),
            [
                "Зустріч відбулася на вул. Хрещатик.",
                "Вона тривала годину."
            ]
        );
    }

    #[test]
    fn abbreviations_of_one_language_do_not_hold_in_another() {
        // French "vol" (flight) and "est" (is) end sentences; English "est." does not.
        assert_eq!(
            sentences_in("Il est. Le vol. Fin.", "fr"),
            ["Il est.", "Le vol.", "Fin."]
        );
        assert_eq!(
            sentences_in("Die Zahl ist 42. Danach.", "en"),
            ["Die Zahl ist 42.", "Danach."]
        );
        // Without a list of its own, a language gets initials and dotted acronyms only.
        assert_eq!(
            sentences_in("Poi A. Bianchi è arrivato. Fine.", "it"),
            ["Poi A. Bianchi è arrivato.", "Fine."]
        );
    }
}
