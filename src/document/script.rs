//! Scripts: which script a letter is in. Unicode data, not language data:
//! a token knows the script of its letters (`tokens`), and rules compare it
//! with the script an article's language is written in.

/// A script galley tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
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
    pub fn name(self) -> &'static str {
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

    pub const ALL: [Script; 10] = [
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

    pub fn index(self) -> usize {
        self as usize
    }
}

impl Script {
    /// The script galley tells apart that a Unicode script belongs to: the
    /// scripts of Chinese, Japanese and Korean are one, `Cjk`.
    pub fn of_unicode(s: unicode_script::Script) -> Option<Script> {
        use unicode_script::Script as U;
        Some(match s {
            U::Latin => Script::Latin,
            U::Greek => Script::Greek,
            U::Cyrillic => Script::Cyrillic,
            U::Armenian => Script::Armenian,
            U::Hebrew => Script::Hebrew,
            U::Arabic => Script::Arabic,
            U::Devanagari => Script::Devanagari,
            U::Thai => Script::Thai,
            U::Georgian => Script::Georgian,
            U::Han | U::Hiragana | U::Katakana | U::Hangul => Script::Cjk,
            _ => return None,
        })
    }
}

/// The script of a letter; `None` for anything else (digits, punctuation,
/// symbols, letters of scripts galley does not tell apart).
pub fn script(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    // The common letters, without the Unicode property lookup.
    match c {
        '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => return Some(Script::Latin),
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => return Some(Script::Cyrillic),
        _ => {}
    }
    if !c.is_alphabetic() {
        return None;
    }
    use unicode_script::{Script as U, UnicodeScript};
    match c.script() {
        // A letter shared by scripts, as the Japanese length mark `ー` is by
        // Hiragana and Katakana.
        U::Common | U::Inherited => {
            let ext = c.script_extension();
            [U::Han, U::Hiragana, U::Katakana, U::Hangul]
                .into_iter()
                .any(|s| ext.contains_script(s))
                .then_some(Script::Cjk)
        }
        s => Script::of_unicode(s),
    }
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
    fn letters_past_the_fast_ranges() {
        assert_eq!(script('ệ'), Some(Script::Latin));
        assert_eq!(script('ἀ'), Some(Script::Greek));
        assert_eq!(script('ა'), Some(Script::Georgian));
        assert_eq!(script('ー'), Some(Script::Cjk));
        assert_eq!(script('中'), Some(Script::Cjk));
        assert_eq!(script('한'), Some(Script::Cjk));
        assert_eq!(script('。'), None);
        assert_eq!(script('\u{301}'), None);
    }
}
