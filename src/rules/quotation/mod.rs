//! The quotation model: the article language's quotation marks, which of
//! them open and which close, read once per paragraph. `quote-balance`
//! pairs them (unclosed, unopened, mismatched, doubled, nested marks),
//! `quote-punctuation` reads the spaces and punctuation around them, and
//! `dash-attribution` the dash a Russian-style attribution puts after them.

pub mod balance;
pub mod dash;
pub mod punctuation;

use crate::lang::{Lang, QuotePair};

/// The marks a language quotes with: its primary pairs, its nested pair, and
/// guillemets where the language does not use them (an English article with
/// `«…“` has a quotation opened with one mark and closed with another).
#[derive(Debug, Clone)]
pub struct MarkSet {
    pairs: Vec<QuotePair>,
    /// The language sets a space inside its marks (French).
    pub spaced: bool,
}

/// What a quotation mark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Opens a quotation of the pair at this index.
    Open(usize),
    /// Closes one.
    Close(usize),
    /// `"`: opens or closes by its place.
    Straight,
}

const GUILLEMETS: QuotePair = QuotePair {
    open: '«',
    close: '»',
};

impl MarkSet {
    /// The marks of `lang`'s profile; `None` for a language without `[quotes]`.
    pub fn of(lang: Lang) -> Option<MarkSet> {
        let q = lang.profile().quotes.as_ref()?;
        let mut pairs: Vec<QuotePair> = q.primary.clone();
        if !pairs.contains(&q.nested) {
            pairs.push(q.nested);
        }
        let uses = |c: char| pairs.iter().any(|p| p.open == c || p.close == c);
        if !uses('«') && !uses('»') {
            pairs.push(GUILLEMETS);
        }
        Some(MarkSet {
            pairs,
            spaced: q.spaced,
        })
    }

    pub fn pair(&self, i: usize) -> QuotePair {
        self.pairs[i]
    }

    /// The role of `c`, if it is a quotation mark of this set.
    pub fn role(&self, c: char) -> Option<Role> {
        if c == '"' {
            return Some(Role::Straight);
        }
        // A mark that opens no pair and closes one (or the reverse) has one role;
        // the sets the profiles hold never give a mark both.
        for (i, p) in self.pairs.iter().enumerate() {
            if c == p.open {
                return Some(Role::Open(i));
            }
            if c == p.close {
                return Some(Role::Close(i));
            }
        }
        None
    }

    /// A single mark (`‘’`, `‚‘`): its closing form is also the apostrophe or
    /// looks like one, so a closing single mark nobody opened says nothing.
    pub fn is_single(&self, i: usize) -> bool {
        let p = self.pairs[i];
        matches!(p.open, '‘' | '‚' | '‹' | '›') || matches!(p.close, '’' | '‘' | '›' | '‹')
    }
}

/// One quotation mark of a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub at: usize,
    pub ch: char,
    pub role: Role,
}

impl Mark {
    pub fn end(&self) -> usize {
        self.at + self.ch.len_utf8()
    }
}

/// The quotation marks of `text[para]`, in order, into `out` (cleared first).
/// An apostrophe inside a word (`don’t`, `‘90s`) is no mark.
pub fn marks(text: &str, para: &std::ops::Range<usize>, set: &MarkSet, out: &mut Vec<Mark>) {
    out.clear();
    let Some(hay) = text.get(para.clone()) else {
        return;
    };
    // Every mark is `"` or starts with 0xC2 (« ») or 0xE2 (“ ” „ ‘ ’ ‚ ‹ ›):
    // memchr skips the rest of the paragraph at memory speed.
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, hay.as_bytes()) {
        let Some(c) = hay.get(i..).and_then(|s| s.chars().next()) else {
            continue;
        };
        let Some(role) = set.role(c) else {
            continue;
        };
        let single = match role {
            Role::Open(p) | Role::Close(p) => set.is_single(p),
            Role::Straight => false,
        };
        if single {
            let prev = hay[..i].chars().next_back();
            let next = hay[i + c.len_utf8()..].chars().next();
            let in_word =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            let before_digit = next.is_some_and(|n| n.is_ascii_digit());
            if in_word || before_digit {
                continue;
            }
        }
        out.push(Mark {
            at: para.start + i,
            ch: c,
            role,
        });
    }
}

/// Spaces a text sets around marks: ordinary, no-break and narrow no-break.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')
}

/// The character before byte `at`.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

/// The character at byte `at`.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}
