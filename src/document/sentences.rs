//! Sentence boundaries inside one paragraph. A boundary is a terminal mark
//! (`.`, `!`, `?`, `…`), optional closing quotes or brackets, whitespace, and
//! then something that can open a sentence. A period does not end a sentence
//! after a known abbreviation of the article's language (`Mr.`, `z. B.`,
//! `Sra.`, `np.`, `им.`), after an initial (`A. Lukashenko`, `В. В. Путин`),
//! inside a number (`3.5` has no whitespace after the point, so it never
//! qualifies), or, in German, after an ordinal number (`am 3. Oktober`).

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence, by language
/// (lowercase, without their final period). Only abbreviations that usually
/// stand before a name, a noun or a number are listed: one that usually ends
/// a sentence (`etc.`, `usw.`, `itd.`, `и др.`) or is also a word (French
/// `vol`, `sept`; German `mag`; Russian `рис`) is better split after. A
/// language without a list gets initials and dotted acronyms only.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm",
            "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc",
            "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "approx", "est", "dept", "fig", "vol", "pp", "ca", "cf", "mt", "ft",
            "km", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "ph.d", "bros",
        ],
    ),
    (
        "de",
        &[
            "dr", "prof", "nr", "ca", "bzw", "vgl", "sog", "ggf", "evtl", "inkl", "exkl", "bzgl",
            "zzgl", "insb", "bspw", "ehem", "stellv", "hr", "fr", "st", "str", "mio", "mrd", "geb",
            "gest", "jh", "jhd", "dipl", "ing", "abs", "tel", "feb", "apr", "jun", "jul", "aug",
            "sep", "sept", "okt", "nov", "dez", "co", "inc", "ltd",
        ],
    ),
    (
        "fr",
        &[
            "mm", "mme", "mmes", "mlle", "mgr", "dr", "pr", "st", "ste", "gén", "lt", "cdt", "av",
            "apr", "bd", "boul", "env", "cf", "chap", "éd", "janv", "févr", "avr", "juil", "oct",
            "nov", "déc", "cie",
        ],
    ),
    (
        "es",
        &[
            "sr", "sra", "srta", "sres", "dr", "dra", "lic", "ing", "prof", "gral", "cnel", "tte",
            "excmo", "excma", "sto", "sta", "ud", "uds", "vd", "vds", "ee", "ff", "av", "avda",
            "aprox", "ej", "núm", "pág", "tel", "ene", "feb", "abr", "jun", "jul", "ago", "sept",
            "oct", "nov", "dic",
        ],
    ),
    (
        "pl",
        &[
            "np", "tzw", "tj", "tzn", "ul", "al", "pl", "os", "dr", "prof", "mgr", "inż", "hab",
            "gen", "płk", "ppłk", "mjr", "kpt", "por", "ks", "św", "im", "ok", "wg", "ws", "ds",
            "woj", "pow", "gm", "godz", "zob", "ang", "ros", "ukr", "nr", "art", "ust", "pkt",
            "poz", "tel",
        ],
    ),
    (
        "ru",
        &[
            "им",
            "ул",
            "пр",
            "просп",
            "пл",
            "пер",
            "наб",
            "св",
            "акад",
            "проф",
            "ген",
            "тов",
            "см",
            "ср",
            "ст",
            "стр",
            "гл",
            "тел",
        ],
    ),
    (
        "uk",
        &[
            "ім",
            "вул",
            "просп",
            "пл",
            "пров",
            "наб",
            "св",
            "акад",
            "проф",
            "ген",
            "див",
            "ст",
            "стор",
            "гл",
            "тел",
        ],
    ),
];

/// German ordinals (`am 3. Oktober`, `der 20. Parteitag`): a number of one to
/// three digits and its period, after one of these words or before one of the
/// nouns below, is an ordinal, not the end of a sentence. (`bis`, `seit`, `ab`
/// are left out: `von 9 bis 17. Danach` ends a sentence; `bis 3. Oktober` is
/// caught by the month.)
const DE_BEFORE_ORDINAL: &[&str] = &[
    "am", "im", "vom", "zum", "beim", "zur", "der", "die", "das", "den", "dem", "des", "ihr",
    "ihre", "ihrem", "ihren", "ihrer", "sein", "seine", "seinem", "seinen", "seiner", "jeder",
    "jedem", "jeden", "jedes", "unser", "unsere", "unserem", "unseren",
];
const DE_AFTER_ORDINAL: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "mal",
    "jahrhundert",
    "jahrhunderts",
    "jahrtausend",
    "jahrestag",
    "geburtstag",
    "todestag",
    "platz",
    "stock",
    "etage",
    "runde",
    "spieltag",
    "klasse",
    "liga",
    "armee",
    "division",
    "brigade",
    "kongress",
    "parteitag",
    "sitzung",
    "legislaturperiode",
    "amtszeit",
    "quartal",
    "halbjahr",
    "weltkrieg",
    "weltkriegs",
];

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

fn abbreviations(language: &str) -> &'static [&'static str] {
    ABBREVIATIONS
        .iter()
        .find(|(l, _)| *l == language)
        .map_or(&[], |(_, list)| list)
}

fn is_abbreviation(word: &str, language: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    // A single letter is an initial: "A. Lukashenko", "Vladimir V. Putin", "В. В. Путин".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    let lower = word.to_lowercase();
    abbreviations(language).contains(&lower.as_str())
        // Dotted acronyms: "U.S.", "e.g.", "z.B.", "т.е.".
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
}

/// German `am 3. Oktober`: the number before `dot` is an ordinal.
fn is_german_ordinal(para: &str, dot: usize, number: &str, rest: &str) -> bool {
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = previous_word(para, dot - number.len()).to_lowercase();
    let after = next_word(rest).to_lowercase();
    DE_BEFORE_ORDINAL.contains(&before.as_str()) || DE_AFTER_ORDINAL.contains(&after.as_str())
}

/// Splits `range` of `text`, an article in `language` (ISO 639-1), into
/// sentence ranges, each trimmed of surrounding whitespace.
pub fn split(text: &str, range: Range<usize>, language: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let para = &text[range.clone()];
    let base = range.start;
    let mut start = 0;
    let mut iter = para.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Swallow a run of terminal marks ("?!", "...") and closing quotes.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
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
                while iter.peek().is_some_and(|&(j, _)| j < end) {
                    iter.next();
                }
            }
        }
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
            if is_abbreviation(word, language)
                || (language == "de" && is_german_ordinal(para, i, word, trimmed))
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
        split(text, 0..text.len(), language)
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
