//! Scripts: which one an article is written in, and counting letters by script.

pub(super) use crate::document::script::{script, Script};
use crate::document::Document;
use crate::lang::Lang;

/// The script an article in `lang` is written in; `None` when the language
/// does not settle it (Serbian is written in both) or galley has no profile
/// for it. The scripts of Chinese, Japanese and Korean are one to this rule.
pub(super) fn home_script(lang: Lang) -> Option<Script> {
    Script::of_unicode(lang.profile().script()?)
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
