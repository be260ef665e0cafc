//! A language profile: the file format of `languages/<code>.toml`, read into
//! lookups built once (docs/languages.md describes each field).

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use serde::Deserialize;
use unicode_script::Script;

use crate::hash::FnvHasher;

/// Words looked up once per word of an article: hashed with FNV (fixed keys,
/// nothing to flood), and a word longer than the longest not hashed at all.
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    words: HashSet<Box<str>, BuildHasherDefault<FnvHasher>>,
    longest: usize,
    /// The words of at most eight ASCII letters as integers (`pack`),
    /// sorted: asked about every word of an article, a few integer
    /// compares beat hashing it.
    packed: Vec<u64>,
}

/// A word of one to eight ASCII letters as one integer, lowercased.
fn pack(word: &[u8]) -> Option<u64> {
    (!word.is_empty() && word.len() <= 8 && word.iter().all(u8::is_ascii_alphabetic)).then(|| {
        word.iter()
            .fold(0u64, |k, &b| (k << 8) | u64::from(b | 0x20))
    })
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        word.len() <= self.longest && self.words.contains(word)
    }

    /// Whether `word`, a run of one to eight ASCII letters in any case, is
    /// one of the set's words: `contains` of its lowercase form, without
    /// lowercasing or hashing it.
    pub fn contains_ascii_letters(&self, word: &[u8]) -> bool {
        match pack(word) {
            Some(k) => self.packed.binary_search(&k).is_ok(),
            None => std::str::from_utf8(word).is_ok_and(|w| self.contains(&w.to_ascii_lowercase())),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }
}

impl FromIterator<Box<str>> for WordSet {
    fn from_iter<I: IntoIterator<Item = Box<str>>>(iter: I) -> Self {
        let words: HashSet<Box<str>, BuildHasherDefault<FnvHasher>> = iter.into_iter().collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let mut packed: Vec<u64> = words.iter().filter_map(|w| pack(w.as_bytes())).collect();
        packed.sort_unstable();
        WordSet {
            words,
            longest,
            packed,
        }
    }
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("languages/{code}.toml: {message}")]
pub struct ProfileError {
    pub code: String,
    pub message: String,
}

/// An opening and a closing quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: char,
    pub close: char,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotes {
    /// The language's double quotes, the usual form first.
    pub primary: Vec<QuotePair>,
    /// The marks of a quotation inside a quotation.
    pub nested: QuotePair,
    /// The language sets a space inside its marks (French `« texte »`).
    pub spaced: bool,
}

/// Whether a currency symbol is spaced from its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrencySpacing {
    /// `$300`
    Tight,
    /// `100 €`
    Spaced,
}

/// The language's spacing conventions around punctuation and symbols.
#[derive(Debug, Default)]
pub struct Typography {
    /// Marks the language sets after a space (French `;` `:` `!` `?`).
    pub space_before: Vec<char>,
    /// How a currency symbol before its number is spaced (`None`: no convention known).
    pub currency_before: Option<CurrencySpacing>,
    /// How a currency symbol after its number is spaced.
    pub currency_after: Option<CurrencySpacing>,
}

/// The function-word lists, one per use: each use needs a different cut (see
/// the comments in the profiles), and changing one must not change the others.
#[derive(Debug, Default)]
pub struct FunctionWords {
    /// Counted to detect an article's language: as many for every language.
    pub detection: Vec<Box<str>>,
    /// Counted to tell a stretch of another language of the same script from
    /// the article's; holds look-alikes of other languages' function words.
    pub distinguishing: Vec<Box<str>>,
    /// Short words no reduplicated name is made of.
    pub not_names: Vec<Box<str>>,
    /// `detection` lowercased, for asking whether one word is among them.
    pub detection_set: WordSet,
}

#[derive(Debug, Default)]
pub struct Sentences {
    /// Abbreviations (lowercase, without their period) a period does not end a sentence after.
    pub abbreviations: WordSet,
    /// Words after which a number and its period are an ordinal (German `am 3. Oktober`).
    pub before_ordinal: WordSet,
    /// Words before which a number and its period are an ordinal (`3. Oktober`).
    pub after_ordinal: WordSet,
}

impl Sentences {
    /// Whether the language writes ordinals as a number and a period.
    pub fn has_ordinals(&self) -> bool {
        !self.before_ordinal.is_empty() || !self.after_ordinal.is_empty()
    }
}

#[derive(Debug, Default)]
pub struct Names {
    /// A possessive written onto a name (`’s`), longest first.
    pub possessive_suffixes: Vec<Box<str>>,
    /// A genitive written as a bare `s` onto a name (German `Selenskyjs`),
    /// except after these letters; `None` when the language does not.
    pub genitive_s_not_after: Option<Vec<char>>,
}

#[derive(Debug, Default)]
pub struct Profile {
    pub code: Box<str>,
    pub name: Box<str>,
    /// The language as whatlang names it (`None`: whatlang cannot detect it).
    pub whatlang: Option<whatlang::Lang>,
    /// The scripts of the language's letters, used together in one text; the first is the main one.
    pub scripts: Vec<Script>,
    /// Scripts a whole text may be written in instead (Serbian: Latin).
    pub alternative_scripts: Vec<Script>,
    /// A short text in the main script that detection is unsure of is taken for this language.
    pub default_for_script: bool,
    /// Languages whatlang confuses with this one, by their codes.
    pub related: Vec<Box<str>>,
    /// Words that mark a short line as a site or feed name, matched as written.
    pub site_words: Vec<Box<str>>,
    /// A page's interface words (`views`, `all news`), lowercase; an entry may be a phrase.
    pub ui_words: WordSet,
    /// Words that open a photo credit (`Photo:`, `Фото –`), lowercase.
    pub credit_words: WordSet,
    /// Words that open a byline (`By`, `Von`, `Автор`), lowercase.
    pub byline_words: WordSet,
    /// The days of the week, Monday first, each with its written forms
    /// (names and abbreviations), lowercase.
    pub weekdays: Vec<Vec<Box<str>>>,
    /// Elided words written against the next with an apostrophe (French `l'`), lowercase.
    pub elisions: WordSet,
    pub function_words: FunctionWords,
    pub sentences: Sentences,
    pub quotes: Option<Quotes>,
    pub names: Names,
    pub typography: Typography,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    name: String,
    whatlang: Option<String>,
    scripts: Vec<String>,
    #[serde(default)]
    alternative_scripts: Vec<String>,
    #[serde(default)]
    default_for_script: bool,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    site_words: Vec<String>,
    #[serde(default)]
    ui_words: Vec<String>,
    #[serde(default)]
    credit_words: Vec<String>,
    #[serde(default)]
    byline_words: Vec<String>,
    #[serde(default)]
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    elisions: Vec<String>,
    #[serde(default)]
    function_words: RawFunctionWords,
    #[serde(default)]
    sentences: RawSentences,
    quotes: Option<RawQuotes>,
    #[serde(default)]
    names: RawNames,
    #[serde(default)]
    typography: RawTypography,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTypography {
    #[serde(default)]
    space_before: Vec<String>,
    currency_before: Option<String>,
    currency_after: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFunctionWords {
    #[serde(default)]
    detection: Vec<String>,
    #[serde(default)]
    distinguishing: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSentences {
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    before_ordinal: Vec<String>,
    #[serde(default)]
    after_ordinal: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawQuotes {
    primary: Vec<String>,
    nested: String,
    #[serde(default)]
    spaced: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawNames {
    #[serde(default)]
    possessive_suffixes: Vec<String>,
    genitive_s_not_after: Option<Vec<String>>,
}

impl Profile {
    /// The profile of a language whose file could not be read: its code for a name, nothing else.
    pub(super) fn named(code: &str) -> Profile {
        Profile {
            code: code.into(),
            name: code.into(),
            ..Profile::default()
        }
    }

    /// Reads the profile of `code` from its file's text.
    pub fn parse(code: &str, text: &str) -> Result<Profile, ProfileError> {
        let err = |message: String| ProfileError {
            code: code.to_owned(),
            message,
        };
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(err("the file's name is not an ISO 639-1 code".into()));
        }
        let raw: Raw = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let whatlang = match &raw.whatlang {
            None => None,
            Some(w) => Some(
                whatlang::Lang::from_code(w.as_str())
                    .ok_or_else(|| err(format!("whatlang has no language `{w}`")))?,
            ),
        };
        let scripts = script_list(&raw.scripts).map_err(&err)?;
        if scripts.is_empty() {
            return Err(err("`scripts` names no script".into()));
        }
        let alternative_scripts = script_list(&raw.alternative_scripts).map_err(&err)?;
        for r in &raw.related {
            let known = super::Lang::parse(r).is_some();
            if !known && whatlang::Lang::from_code(r.as_str()).is_none() {
                return Err(err(format!(
                    "related language `{r}` is neither a galley language nor one whatlang knows"
                )));
            }
        }
        if !raw.weekdays.is_empty() && raw.weekdays.len() != 7 {
            return Err(err(format!(
                "`weekdays` lists {} days, not 7",
                raw.weekdays.len()
            )));
        }
        let weekdays = raw
            .weekdays
            .into_iter()
            .map(|forms| forms.into_iter().map(|f| f.to_lowercase().into()).collect())
            .collect();
        let quotes = match &raw.quotes {
            None => None,
            Some(q) => Some(Quotes {
                primary: q
                    .primary
                    .iter()
                    .map(|p| pair(p).map_err(&err))
                    .collect::<Result<_, _>>()?,
                nested: pair(&q.nested).map_err(&err)?,
                spaced: q.spaced,
            }),
        };
        let genitive_s_not_after = match &raw.names.genitive_s_not_after {
            None => None,
            Some(letters) => Some(
                letters
                    .iter()
                    .map(|l| single_char(l).ok_or_else(|| err(format!("`{l}` is not one letter"))))
                    .collect::<Result<_, _>>()?,
            ),
        };
        let space_before = raw
            .typography
            .space_before
            .iter()
            .map(|m| single_char(m).ok_or_else(|| err(format!("`{m}` is not one mark"))))
            .collect::<Result<_, _>>()?;
        let currency = |v: &Option<String>| match v.as_deref() {
            None => Ok(None),
            Some("tight") => Ok(Some(CurrencySpacing::Tight)),
            Some("spaced") => Ok(Some(CurrencySpacing::Spaced)),
            Some(o) => Err(err(format!("`{o}` is neither \"tight\" nor \"spaced\""))),
        };
        let typography = Typography {
            space_before,
            currency_before: currency(&raw.typography.currency_before)?,
            currency_after: currency(&raw.typography.currency_after)?,
        };
        let mut possessive_suffixes = boxed(raw.names.possessive_suffixes);
        // "'s" before "'": the longer suffix is tried first.
        possessive_suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        Ok(Profile {
            code: code.into(),
            name: raw.name.into(),
            whatlang,
            scripts,
            alternative_scripts,
            default_for_script: raw.default_for_script,
            related: boxed(raw.related),
            site_words: boxed(raw.site_words),
            ui_words: lowercase_set(raw.ui_words),
            credit_words: lowercase_set(raw.credit_words),
            byline_words: lowercase_set(raw.byline_words),
            weekdays,
            elisions: lowercase_set(raw.elisions),
            function_words: FunctionWords {
                detection_set: lowercase_set(raw.function_words.detection.clone()),
                detection: boxed(raw.function_words.detection),
                distinguishing: boxed(raw.function_words.distinguishing),
                not_names: boxed(raw.function_words.not_names),
            },
            sentences: Sentences {
                abbreviations: lowercase_set(raw.sentences.abbreviations),
                before_ordinal: lowercase_set(raw.sentences.before_ordinal),
                after_ordinal: lowercase_set(raw.sentences.after_ordinal),
            },
            quotes,
            names: Names {
                possessive_suffixes,
                genitive_s_not_after,
            },
            typography,
        })
    }

    /// The script the language's text is in, when the language settles it:
    /// `None` for one written in alternative scripts (Serbian), whose
    /// articles' letters must tell.
    pub fn script(&self) -> Option<Script> {
        if self.alternative_scripts.is_empty() {
            self.scripts.first().copied()
        } else {
            None
        }
    }

    /// Whether the language is written in `script`, alone or among others.
    pub fn writes_in(&self, script: Script) -> bool {
        self.scripts.contains(&script) || self.alternative_scripts.contains(&script)
    }
}

fn boxed(words: Vec<String>) -> Vec<Box<str>> {
    words.into_iter().map(String::into_boxed_str).collect()
}

fn lowercase_set(words: Vec<String>) -> WordSet {
    words.into_iter().map(|w| w.to_lowercase().into()).collect()
}

fn script_list(names: &[String]) -> Result<Vec<Script>, String> {
    names
        .iter()
        .map(|n| {
            Script::from_full_name(n).ok_or_else(|| format!("`{n}` is not a Unicode script name"))
        })
        .collect()
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn pair(s: &str) -> Result<QuotePair, String> {
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(open), Some(close), None) => Ok(QuotePair { open, close }),
        _ => Err(format!(
            "quotation marks `{s}` are not two characters, the opening and the closing one"
        )),
    }
}
