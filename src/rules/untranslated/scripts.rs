//! Scripts: which script a letter is in, which one an article is written in.

use crate::document::language;
use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Thai,
    Georgian,
    Cjk,
}

impl Script {
    pub(super) fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Devanagari => "Devanagari",
            Script::Thai => "Thai",
            Script::Georgian => "Georgian",
            Script::Cjk => "Chinese, Japanese or Korean",
        }
    }

    pub(super) const ALL: [Script; 10] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Armenian,
        Script::Hebrew,
        Script::Arabic,
        Script::Devanagari,
        Script::Thai,
        Script::Georgian,
        Script::Cjk,
    ];

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The script of a letter; `None` for anything else (digits, punctuation,
/// symbols, letters of scripts galley does not tell apart).
pub(super) fn script(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    // The common letters, without the Unicode property lookup.
    match c {
        '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => return Some(Script::Latin),
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => return Some(Script::Cyrillic),
        _ => {}
    }
    let s = match c {
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Script::Latin,
        '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => Script::Greek,
        '\u{400}'..='\u{52f}'
        | '\u{1c80}'..='\u{1c8f}'
        | '\u{2de0}'..='\u{2dff}'
        | '\u{a640}'..='\u{a69f}' => Script::Cyrillic,
        '\u{530}'..='\u{58f}' => Script::Armenian,
        '\u{590}'..='\u{5ff}' | '\u{fb1d}'..='\u{fb4f}' => Script::Hebrew,
        '\u{600}'..='\u{6ff}'
        | '\u{750}'..='\u{77f}'
        | '\u{8a0}'..='\u{8ff}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefe}' => Script::Arabic,
        '\u{900}'..='\u{97f}' => Script::Devanagari,
        '\u{e00}'..='\u{e7f}' => Script::Thai,
        '\u{10a0}'..='\u{10ff}' | '\u{1c90}'..='\u{1cbf}' => Script::Georgian,
        '\u{1100}'..='\u{11ff}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3130}'..='\u{318f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}' => Script::Cjk,
        _ => return None,
    };
    c.is_alphabetic().then_some(s)
}

/// The script an article in `code` is written in; `None` when the language
/// does not settle it (Serbian is written in both) or galley does not know it.
pub(super) fn home_script(code: &str) -> Option<Script> {
    Some(match code {
        "ru" | "uk" | "be" | "bg" | "mk" => Script::Cyrillic,
        "el" => Script::Greek,
        "hy" => Script::Armenian,
        "he" => Script::Hebrew,
        "ar" => Script::Arabic,
        "ka" => Script::Georgian,
        "zh" | "ja" | "ko" => Script::Cjk,
        "sr" => return None,
        _ if language::is_known(code) => Script::Latin,
        _ => return None,
    })
}

/// The script most of the article's letters are in (its first paragraphs).
pub(super) fn majority_script(doc: &Document<'_>) -> Script {
    let mut counts = [0usize; Script::ALL.len()];
    let mut seen = 0;
    for p in &doc.paragraphs {
        for c in doc.slice(p).chars() {
            if let Some(s) = script(c) {
                counts[s.index()] += 1;
            }
        }
        seen += p.len();
        if seen > 6 * 1024 {
            break;
        }
    }
    Script::ALL
        .into_iter()
        .max_by_key(|s| (counts[s.index()], *s == Script::Latin))
        .unwrap_or(Script::Latin)
}

/// Whether any letter of `text` is in a script other than `home`.
pub(super) fn has_foreign_letter(text: &str, home: Script) -> bool {
    if home != Script::Latin {
        return text.chars().any(|c| script(c).is_some_and(|s| s != home));
    }
    // In a Latin-script article only non-ASCII characters can be foreign:
    // skip ASCII byte-wise and decode only what is left.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(p) = bytes[i..].iter().position(|&b| b >= 0x80) {
        let at = i + p;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if script(c).is_some_and(|s| s != home) {
            return true;
        }
        i = at + c.len_utf8();
    }
    false
}

/// Letters of the article's script and of others in `text`.
pub(super) fn letter_counts(text: &str, home: Script) -> (usize, usize) {
    let (mut h, mut f) = (0, 0);
    for c in text.chars() {
        match script(c) {
            Some(s) if s == home => h += 1,
            Some(_) => f += 1,
            None => {}
        }
    }
    (h, f)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_letter_ranges_hold_only_letters() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{400}'..='\u{52f}') {
            assert_eq!(script(c).is_some(), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn foreign_letters_are_found_past_ascii() {
        assert!(!has_foreign_letter(
            "Plain “quoted” text — naïve Łukaszenka",
            Script::Latin
        ));
        assert!(has_foreign_letter(
            "Plain “quoted” text заседании",
            Script::Latin
        ));
        assert!(has_foreign_letter("Президент и NATO", Script::Cyrillic));
        assert!(!has_foreign_letter("Президент и 30", Script::Cyrillic));
    }
}
