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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_letter_ranges_hold_only_letters() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{400}'..='\u{52f}') {
            assert_eq!(script(c).is_some(), c.is_alphabetic(), "{c:?}");
        }
    }
}
