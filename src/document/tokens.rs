//! Tokens: the words of an article as the rules that care about scripts read
//! them, each classified once when the Document is built — its kind (word,
//! number, designation, part of an address) and the script of its letters.
//!
//! Tokens are not `Document::words`. Those are UAX #29 word segments, which
//! split `MiG-25` and `e-mail` at the hyphen and keep `U.S` and `3.5` whole,
//! and which the word rules (doubled words, near misses, function words)
//! need as they are. A token runs over hyphens and apostrophes (`Su-30SM`,
//! `Telegram-канал`, `l'Ukraine`), over underscores (`user_id`, code rather
//! than prose), and over invisible characters, so that a zero-width space
//! or a soft hyphen stays inside the word it hides in. It stops at any
//! other punctuation (`U.S.` is `U` and `S`), except the point or comma
//! inside a number (`3.5`, `1,000`).

use std::ops::Range;

use super::script::{script, Script};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with hyphens or apostrophes inside (`e-mail`, `O'Brien`);
    /// also what starts with a digit (`25th`, `2-year-old`).
    Word,
    /// Digits, with a point or comma between two of them (`1,000`, `3.5`).
    Number,
    /// A piece of a web address (`https`, `example`, `org`, `путь` in
    /// `https://example.org/путь`). An address is a token per piece, not one
    /// token, so that a look-alike letter in one of them is still seen.
    Url,
    /// A piece of an e-mail address (`info`, `mail`, `ru` in `info@mail.ru`).
    Email,
    /// A piece of a bare host name (`bbabo.net`; also `End.Next`, a missing
    /// space, which is no prose either).
    Host,
    /// A letter first, then letters and digits: a model name (`MiG-25`,
    /// `MiG-25s`, `Su-30SM`, `Tu-154M`, `A320`, `МС-21`).
    Designation,
}

/// The script of a token's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenScript {
    /// No letter of a script galley tells apart (`25`, an Amharic word).
    None,
    One(Script),
    /// Letters of two scripts or more (`Mоscow` with a Cyrillic о, `Su-30СМ`,
    /// `Telegram-канал`).
    Mixed,
}

impl TokenScript {
    fn with(self, s: Script) -> TokenScript {
        match self {
            TokenScript::None => TokenScript::One(s),
            TokenScript::One(t) if t == s => self,
            _ => TokenScript::Mixed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub script: TokenScript,
    /// First token of its sentence.
    pub sentence_initial: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A piece of a URL, an e-mail address or a host name.
    pub fn is_address(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Url | TokenKind::Email | TokenKind::Host
        )
    }
}

/// Zero-width characters, the soft hyphen, bidi controls and the byte-order
/// mark: invisible in an editor, they break search and spell checking.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Hyphens and apostrophes: inside a token, never at its ends.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

/// Combining marks (an accent typed apart, a Cyrillic titlo).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}')
}

fn is_part(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_joiner(c) || is_mark(c) || is_invisible(c)
}

fn kind(letters: bool, first_is_letter: bool, digits: bool) -> TokenKind {
    match (letters, digits) {
        (false, _) => TokenKind::Number,
        (true, true) if first_is_letter => TokenKind::Designation,
        _ => TokenKind::Word,
    }
}

/// The tokens of an article's paragraphs, in order.
pub(super) fn build(
    text: &str,
    paragraphs: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for p in paragraphs {
        if let Some(para) = text.get(p.clone()) {
            paragraph(para, p.start, &mut tokens);
        }
    }
    let mut k = 0;
    for s in sentences {
        k += tokens[k..].partition_point(|t| t.start < s.start);
        if let Some(t) = tokens.get_mut(k) {
            t.sentence_initial = true;
        }
    }
    tokens
}

fn push(tokens: &mut Vec<Token>, r: Range<usize>, kind: TokenKind, script: TokenScript) {
    tokens.push(Token {
        start: r.start,
        end: r.end,
        kind,
        script,
        sentence_initial: false,
    });
}

/// The tokens of a paragraph. Tokens never cross ASCII white space, and the
/// stretches between it are read byte-wise with a table, in one pass over
/// the paragraph; a stretch holding a byte beyond ASCII is read again from
/// its start, char by char (`unicode`).
fn paragraph(para: &str, base: usize, tokens: &mut Vec<Token>) {
    let s = para.as_bytes();
    let class = |b: u8| BYTE_CLASS[usize::from(b)];
    // The stretch being read: where it starts, its first token, and whether
    // it holds a `.`, `/` or `@` (only then can it be an address).
    let (mut from, mut first, mut marks) = (0, tokens.len(), 0);
    let mut i = 0;
    loop {
        let c = s.get(i).map_or(SPACE, |&b| class(b));
        if c & SPACE != 0 {
            if marks & ADDRESS != 0 {
                if let Some(kind) = address(&para[from..i]) {
                    tokens[first..].iter_mut().for_each(|t| t.kind = kind);
                }
            }
            if i >= s.len() {
                return;
            }
            i += 1;
            (from, first, marks) = (i, tokens.len(), 0);
            continue;
        }
        if c & NON_ASCII != 0 {
            tokens.truncate(first);
            let end = s[i..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(s.len(), |k| i + k);
            unicode(&para[from..end], base + from, tokens);
            i = end;
            marks = 0;
            continue;
        }
        if c & PART == 0 {
            marks |= c;
            i += 1;
            continue;
        }
        let mut start = i;
        let mut seen = 0;
        loop {
            while i < s.len() && class(s[i]) & PART != 0 {
                seen |= class(s[i]);
                i += 1;
            }
            // `3.5`, `1,000`: a number goes on across a point or comma between digits.
            if seen & LETTER == 0
                && i + 1 < s.len()
                && matches!(s[i], b'.' | b',')
                && s[i - 1].is_ascii_digit()
                && s[i + 1].is_ascii_digit()
            {
                marks |= class(s[i]);
                i += 1;
                continue;
            }
            break;
        }
        if seen & (LETTER | DIGIT) == 0 {
            continue;
        }
        let mut end = i;
        while class(s[start]) == JOINER {
            start += 1;
        }
        while class(s[end - 1]) == JOINER {
            end -= 1;
        }
        let letters = seen & LETTER != 0;
        let script = if letters {
            TokenScript::One(Script::Latin)
        } else {
            TokenScript::None
        };
        let kind = kind(letters, s[start].is_ascii_alphabetic(), seen & DIGIT != 0);
        push(tokens, base + start..base + end, kind, script);
    }
}

/// The tokens of a stretch holding no ASCII white space but some text
/// beyond ASCII.
fn unicode(s: &str, base: usize, tokens: &mut Vec<Token>) {
    // An address ends at any white space, a no-break space too.
    let mut at = 0;
    for piece in s.split_inclusive(char::is_whitespace) {
        let address = address(piece);
        let offset = base + at;
        chars(piece, |r, kind, script| {
            let kind = address.unwrap_or(kind);
            push(tokens, offset + r.start..offset + r.end, kind, script);
        });
        at += piece.len();
    }
}

/// Whether a stretch between white space is a web or mail address or a
/// host name, and which.
fn address(s: &str) -> Option<TokenKind> {
    let s = s
        .trim_end()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    // Most stretches hold none of these (`word.` does not, trimmed): a byte
    // test spares them the rest.
    let b = s.as_bytes();
    if !b.iter().any(|&b| matches!(b, b'.' | b'/' | b'@')) {
        return None;
    }
    if b.windows(3).any(|w| w == b"://") || s.starts_with("www.") {
        return Some(TokenKind::Url);
    }
    if s.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.')
    }) {
        return Some(TokenKind::Email);
    }
    let host = s.split('/').next().unwrap_or(s);
    let is_host = host.rsplit_once('.').is_some_and(|(head, tld)| {
        head.chars().last().is_some_and(char::is_alphanumeric)
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
    });
    match is_host {
        true if host.len() < s.len() => Some(TokenKind::Url),
        true => Some(TokenKind::Host),
        false => None,
    }
}

const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const JOINER: u8 = 4;
const UNDERSCORE: u8 = 8;
const PART: u8 = LETTER | DIGIT | JOINER | UNDERSCORE;
/// Not part of a token, but of an address (`.`, `/`, `@`).
const ADDRESS: u8 = 16;
const SPACE: u8 = 32;
const NON_ASCII: u8 = 64;

/// What each byte is to a token.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            NON_ASCII
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'-' || c == b'\'' {
            JOINER
        } else if c == b'_' {
            UNDERSCORE
        } else if c == b'.' || c == b'/' || c == b'@' {
            ADDRESS
        } else if c.is_ascii_whitespace() {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Tokens of any text holding no white space but at its end.
fn chars(s: &str, mut push: impl FnMut(Range<usize>, TokenKind, TokenScript)) {
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !is_part(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
        let mut letter_script = script(c).map_or(TokenScript::None, TokenScript::One);
        let mut last = c;
        while let Some(&(i, c)) = it.peek() {
            let number_goes_on = !letters
                && matches!(c, '.' | ',')
                && last.is_ascii_digit()
                && s[i + 1..].starts_with(|d: char| d.is_ascii_digit());
            if !is_part(c) && !number_goes_on {
                break;
            }
            letters |= c.is_alphabetic();
            digits |= c.is_numeric();
            if let Some(s) = script(c) {
                letter_script = letter_script.with(s);
            }
            last = c;
            end = i + c.len_utf8();
            it.next();
        }
        if !letters && !digits {
            continue;
        }
        let token = &s[start..end];
        let trimmed = token.trim_start_matches(is_joiner);
        let from = start + token.len() - trimmed.len();
        let to = from + trimmed.trim_end_matches(is_joiner).len();
        let first_is_letter = trimmed.starts_with(char::is_alphabetic);
        push(
            from..to,
            kind(letters, first_is_letter, digits),
            letter_script,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind, TokenScript)> {
        build(text, std::slice::from_ref(&(0..text.len())), &[])
            .into_iter()
            .map(|t| (&text[t.range()], t.kind, t.script))
            .collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokens(text).into_iter().map(|(w, k, _)| (w, k)).collect()
    }

    const LATIN: TokenScript = TokenScript::One(Script::Latin);
    const CYRILLIC: TokenScript = TokenScript::One(Script::Cyrillic);

    #[test]
    fn each_kind() {
        assert_eq!(
            kinds("The e-mail of O'Brien: 3.5 or 1,000 MiG-25s, Su-30SM, F-16 and Tu-154M (25th)."),
            [
                ("The", Word),
                ("e-mail", Word),
                ("of", Word),
                ("O'Brien", Word),
                ("3.5", Number),
                ("or", Word),
                ("1,000", Number),
                ("MiG-25s", Designation),
                ("Su-30SM", Designation),
                ("F-16", Designation),
                ("and", Word),
                ("Tu-154M", Designation),
                ("25th", Word),
            ]
        );
        assert_eq!(
            kinds("U.S. officials, -hyphens- and 'quotes'"),
            [
                ("U", Word),
                ("S", Word),
                ("officials", Word),
                ("hyphens", Word),
                ("and", Word),
                ("quotes", Word),
            ]
        );
    }

    #[test]
    fn addresses_are_found_once_and_are_no_prose() {
        assert_eq!(
            kinds("see https://a.b/c, me@mail.ru. bbabo.net"),
            [
                ("see", Word),
                ("https", Url),
                ("a", Url),
                ("b", Url),
                ("c", Url),
                ("me", Email),
                ("mail", Email),
                ("ru", Email),
                ("bbabo", Host),
                ("net", Host),
            ]
        );
        assert_eq!(
            kinds("www.x.org docs.example.com/errors e.g. т.д. 3.5"),
            [
                ("www", Url),
                ("x", Url),
                ("org", Url),
                ("docs", Url),
                ("example", Url),
                ("com", Url),
                ("errors", Url),
                ("e", Word),
                ("g", Word),
                ("т", Word),
                ("д", Word),
                ("3.5", Number),
            ]
        );
        // A URL in brackets ends before the bracket; the next word is prose again.
        let text = "(https://example.org/путь) said";
        let found = tokens(text);
        let url: Vec<_> = found.iter().filter(|t| t.1 == Url).collect();
        assert_eq!(url.last().map(|t| t.0), Some("путь"));
        assert_eq!(found.last().map(|t| (t.0, t.1)), Some(("said", Word)));
        let end = build(text, std::slice::from_ref(&(0..text.len())), &[])
            .iter()
            .filter(|t| t.is_address())
            .map(|t| t.end)
            .max();
        assert_eq!(end, text.find(')'));
        // A no-break space ends an address too.
        assert_eq!(
            kinds("see\u{a0}example.com"),
            [("see", Word), ("example", Host), ("com", Host)]
        );
    }

    #[test]
    fn scripts_and_look_alikes() {
        assert_eq!(
            tokens("Mоscow Москва Su-30СМ МС-21 Telegram-канал α 25 x_y"),
            [
                ("Mоscow", Word, TokenScript::Mixed),
                ("Москва", Word, CYRILLIC),
                ("Su-30СМ", Designation, TokenScript::Mixed),
                ("МС-21", Designation, CYRILLIC),
                ("Telegram-канал", Word, TokenScript::Mixed),
                ("α", Word, TokenScript::One(Script::Greek)),
                ("25", Number, TokenScript::None),
                ("x_y", Word, LATIN),
            ]
        );
        // An invisible character stays inside the word it hides in.
        assert_eq!(
            tokens("Mo\u{200b}scow soft\u{ad}ware"),
            [
                ("Mo\u{200b}scow", Word, LATIN),
                ("soft\u{ad}ware", Word, LATIN)
            ]
        );
        // Letters of no script galley tells apart.
        assert_eq!(tokens("ሰላም"), [("ሰላም", Word, TokenScript::None)]);
        // A Cyrillic apostrophe word and a combining accent stay whole.
        assert_eq!(
            kinds("м'ясо за\u{301}мок"),
            [("м'ясо", Word), ("за\u{301}мок", Word)]
        );
    }

    #[test]
    fn sentence_initial_tokens() {
        let text = "The MiG-25 flew. It landed.";
        let t = build(
            text,
            std::slice::from_ref(&(0..text.len())),
            &[0..16, 17..text.len()],
        );
        let initial: Vec<_> = t
            .iter()
            .filter(|t| t.sentence_initial)
            .map(|t| &text[t.range()])
            .collect();
        assert_eq!(initial, ["The", "It"]);
    }

    /// Tokens as the general path reads them: each stretch between ASCII
    /// white space char by char.
    fn reference(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut at = 0;
        for piece in text.split_inclusive(|c: char| c.is_ascii_whitespace()) {
            let stretch = piece.trim_end_matches(|c: char| c.is_ascii_whitespace());
            if stretch.is_ascii() {
                let address = address(stretch);
                chars(stretch, |r, kind, script| {
                    let kind = address.unwrap_or(kind);
                    push(&mut out, at + r.start..at + r.end, kind, script);
                });
            } else {
                unicode(stretch, at, &mut out);
            }
            at += piece.len();
        }
        out
    }

    #[test]
    fn the_byte_path_equals_the_general_one() {
        let pieces = [
            "a", "Z", "0", "9", " ", "\n", ".", ",", ";", ":", "'", "_", "-", "/", "@", "(", ")",
            "\"", "ж", "“", "\u{a0}", "\u{200b}", "é", "www.", "://", "α",
        ];
        for s in crate::document::random_texts(&pieces, 30_000, |x| (x % 16) as usize) {
            let mut fast = Vec::new();
            paragraph(&s, 0, &mut fast);
            assert_eq!(fast, reference(&s), "{s:?}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in [
            "", "-", "'-'", "_", ".", "1.", ".1", "\u{200b}", "\u{301}", "a\u{a0}", "\u{a0}@.",
        ] {
            let _ = tokens(s);
        }
    }
}
