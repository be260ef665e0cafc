//! What reaches a terminal or a CI log from an untrusted repository: file
//! names, article text, values from configs and packs. A control character
//! there is an instruction to the terminal (ESC starts a colour, a title
//! change or a cursor move), a line break forges a line of output (a GitHub
//! workflow command), a bidirectional override reorders what is shown. Every
//! human-facing stream (standard error, human, short, github) passes such
//! text through this module; JSON, SARIF and the XML formats escape for
//! their own syntax.

use std::borrow::Cow;

/// Characters shown escaped: C0 controls but tab, DEL, C1 controls, and the
/// bidirectional embeddings, overrides and isolates (Trojan Source).
fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every hostile character written as a Rust-style escape (`\n`,
/// `\r`, `\u{1b}`), so it prints on one line as text: for file names and
/// messages, where the length does not matter.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_hostile(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` (one line of an article or a rule file, without its line break) with
/// every hostile character replaced by one of the same UTF-8 length: `?` for
/// one byte, `¿` for two, U+FFFD for three. Byte offsets into the line stay
/// valid, so the snippet's carets still point at the right words.
pub fn same_length(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                c if !is_hostile(c) => c,
                c if c.len_utf8() == 1 => '?',
                c if c.len_utf8() == 2 => '¿',
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(visible("plain Минск.txt"), "plain Минск.txt");
        assert_eq!(
            visible("x\n::error file=a::b\r\u{1b}[31m\u{202e}"),
            "x\\n::error file=a::b\\r\\u{1b}[31m\\u{202e}"
        );
        assert_eq!(visible("a\tb"), "a\tb");
    }

    #[test]
    fn same_length_keeps_offsets() {
        for s in ["a\u{1b}[2Jb", "c\u{85}d", "e\u{202e}f", "Минск"] {
            let t = same_length(s);
            assert_eq!(t.len(), s.len(), "{s:?}");
            assert!(!t.chars().any(is_hostile));
        }
    }
}
