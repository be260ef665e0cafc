//! Sentence boundaries inside one paragraph. A boundary is a terminal mark
//! (`.`, `!`, `?`, `…`), optional closing quotes or brackets, whitespace, and
//! then something that can open a sentence. A period does not end a sentence
//! after a known abbreviation, an initial (`A. Lukashenko`) or inside a
//! number (`3.5` has no whitespace after the point, so it never qualifies).

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
    "dept", "fig", "vol", "pp", "ca", "cf", "mt", "ft", "km", "e.g", "i.e", "u.s", "u.k", "u.n",
    "a.m", "p.m", "ph.d", "bros",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '“' | '„' | '«' | '‘' | '\'' | '(' | '[' | '—' | '–' | '-'
        )
}

/// The word just before byte `dot` (the period's position), lowercased.
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    // A single letter is an initial: "A. Lukashenko", "Vladimir V. Putin".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        // Dotted acronyms: "U.S.", "e.g.".
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2))
}

/// Splits `range` of `text` into sentence ranges, each trimmed of surrounding whitespace.
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
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
        if single_period && is_abbreviation(word_before(para, i)) {
            continue;
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
        split(text, 0..text.len())
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
}
