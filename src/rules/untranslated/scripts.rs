//! Scripts: which one an article is written in, and counting letters by script.

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
