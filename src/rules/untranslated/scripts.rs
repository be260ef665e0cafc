//! Scripts: which script a letter is in, which one an article is written in.

use crate::document::language;
pub(super) use crate::document::script::{script, Script};
use crate::document::Document;

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
