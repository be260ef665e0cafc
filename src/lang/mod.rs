//! The languages galley knows, each described by a profile in
//! `languages/<code>.toml` that the binary embeds (docs/languages.md): its
//! script, function words, abbreviations, elisions, quotation marks, site
//! words, genitive and related languages. What the engine knows of a
//! language is there, as data; the code only reads it.

mod profile;

use std::fmt;
use std::sync::LazyLock;

pub use profile::{
    CurrencySpacing, FunctionWords, Names, Profile, ProfileError, QuotePair, Quotes, Sentences,
    Typography, WordSet,
};

/// Every shipped profile: its code (the file's name) and its text, sorted by
/// code. Written by build.rs from the files in `languages/`.
const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped_languages.rs"));

// A u8 indexes the profiles and, after them, whatlang's other languages (whatlang 0.18 knows 70).
const _: () = assert!(SHIPPED.len() < 128, "Lang is a u8 index");

/// A language: one galley has a profile for (an ISO 639-1 code a config or
/// pack may name), or one whatlang can detect and galley has no profile for
/// (read as its ISO 639-3 code, with an empty profile), so that an article
/// detected as Croatian is neither English nor lost.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

impl Lang {
    /// The language a text with no letters to tell by is taken for.
    pub const ENGLISH: Lang = Lang::shipped("en");

    /// A shipped language by its code, settled at compile time.
    const fn shipped(code: &str) -> Lang {
        let mut i = 0;
        while i < SHIPPED.len() {
            if bytes_eq(SHIPPED[i].0.as_bytes(), code.as_bytes()) {
                return Lang(i as u8);
            }
            i += 1;
        }
        panic!("languages/ has no profile for a language the engine names")
    }

    /// The language of an ISO 639-1 code galley has a profile for.
    pub fn parse(code: &str) -> Option<Lang> {
        SHIPPED
            .binary_search_by(|(c, _)| (*c).cmp(code))
            .ok()
            .map(|i| Lang(i as u8))
    }

    /// Every language galley has a profile for, in the order of their codes.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..SHIPPED.len()).map(|i| Lang(i as u8))
    }

    /// The ISO 639-1 code; for a language without a profile, whatlang's ISO 639-3 code.
    pub fn code(self) -> &'static str {
        match self.unprofiled() {
            Some(w) => w.code(),
            None => SHIPPED.get(usize::from(self.0)).map_or("", |(c, _)| c),
        }
    }

    /// The English name, for messages ("Russian").
    pub fn name(self) -> &'static str {
        match self.unprofiled() {
            Some(w) => w.eng_name(),
            None => &self.profile().name,
        }
    }

    /// Everything galley knows of the language (an empty profile when it has none).
    pub fn profile(self) -> &'static Profile {
        profiles()
            .get(usize::from(self.0))
            .unwrap_or(&EMPTY_PROFILE)
    }

    /// Whether galley has a profile for the language (a config or pack may name it).
    pub fn is_profiled(self) -> bool {
        usize::from(self.0) < SHIPPED.len()
    }

    /// The languages galley has profiles for that whatlang confuses with this one.
    pub fn related(self) -> impl Iterator<Item = Lang> {
        self.profile().related.iter().filter_map(|c| Lang::parse(c))
    }

    /// Whether `code` (as a language guess names it: a [`Lang::code`]) is a
    /// language whatlang confuses with this one.
    pub fn is_related(self, code: &str) -> bool {
        self.profile().related.iter().any(|c| **c == *code)
    }

    /// The language whatlang names `lang`.
    pub fn from_whatlang(lang: whatlang::Lang) -> Lang {
        let by_profile = profiles().iter().position(|p| p.whatlang == Some(lang));
        let index = by_profile.or_else(|| {
            unprofiled()
                .iter()
                .position(|w| *w == lang)
                .map(|i| SHIPPED.len() + i)
        });
        // whatlang's languages are all in one of the two tables.
        Lang(index.map_or(Lang::ENGLISH.0, |i| i as u8))
    }

    /// The language a short text in `script` is taken for when detection is unsure.
    pub fn default_for_script(script: unicode_script::Script) -> Option<Lang> {
        Lang::all().find(|l| {
            let p = l.profile();
            p.default_for_script && p.scripts.first() == Some(&script)
        })
    }

    fn unprofiled(self) -> Option<whatlang::Lang> {
        let i = usize::from(self.0).checked_sub(SHIPPED.len())?;
        unprofiled().get(i).copied()
    }
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

static EMPTY_PROFILE: LazyLock<Profile> = LazyLock::new(Profile::default);

/// The shipped profiles, parsed once, in the order of `SHIPPED`. A profile
/// that does not parse is a bug the tests catch; at run time its language
/// gets an empty profile rather than a panic.
pub fn profiles() -> &'static [Profile] {
    static PROFILES: LazyLock<Vec<Profile>> = LazyLock::new(|| {
        SHIPPED
            .iter()
            .map(|(code, text)| Profile::parse(code, text).unwrap_or_else(|_| Profile::named(code)))
            .collect()
    });
    &PROFILES
}

/// The languages whatlang detects that no profile claims.
fn unprofiled() -> &'static [whatlang::Lang] {
    static UNPROFILED: LazyLock<Vec<whatlang::Lang>> = LazyLock::new(|| {
        whatlang::Lang::all()
            .iter()
            .copied()
            .filter(|w| !profiles().iter().any(|p| p.whatlang == Some(*w)))
            .collect()
    });
    &UNPROFILED
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

#[cfg(test)]
mod tests;
