//! `untranslated`: text left in another language than the article's.
//!
//! Two kinds of finding:
//!
//! - a **stretch**: a paragraph, or adjacent sentences, in another language —
//!   certain when the script differs from the article's (a Cyrillic sentence
//!   in an English article), otherwise only when whatlang is reliable on a
//!   long enough stretch (a German paragraph in an English article);
//! - a **run**: a word or phrase in another script inside a sentence of the
//!   article's language (`'заседании'` in an English sentence).
//!
//! Latin text in an article of another script (a Russian article) is held to
//! a stricter test, since acronyms, brands and model names (NATO, iPhone,
//! Su-30SM, BBC News) are normal there: only Latin that reads as prose is
//! reported. A stretch or run followed by its translation in brackets (or,
//! when quoted, after a dash), or given in brackets right after its
//! translation or romanization, is how an editor keeps an original on
//! purpose, and stays silent. docs/rules.md lists every choice.
//!
//! Cheap filters come first, so that whatlang runs on few sentences: a scan
//! for letters of another script (ASCII text skips it byte-wise), and a count
//! of function words — only a sentence holding more of another language's
//! (of the same script) than of the article language's is asked about.

use crate::document::fnv::WordMap;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::document::language::{self, Guess};
use crate::document::Document;

/// The fields of an `untranslated` rule.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    allow: Option<toml::Spanned<Vec<String>>>,
}

pub struct Untranslated {
    meta: RuleMeta,
    /// Words and phrases in another script that are fine (lowercased).
    allow: Vec<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let allow = super::compile::allow_lowercase(raw.allow);
    Some(Box::new(Untranslated { meta, allow }))
}

/// A sentence this long (in words) whose function words are not the
/// article language's is worth asking whatlang about.
const SUSPECT_MIN_WORDS: usize = 6;
/// A stretch in the article's own script is reported only when whatlang is
/// reliable on it and it holds this many words...
const SAME_SCRIPT_MIN_WORDS: usize = 8;
/// ...or this many, when the two languages are close kin that whatlang
/// confuses (Russian and Ukrainian, Spanish and Portuguese).
const KINDRED_MIN_WORDS: usize = 15;
/// A sentence with this many words in another script, and more letters in it
/// than in the article's, is an untranslated sentence rather than a run.
const FOREIGN_SENTENCE_MIN_WORDS: usize = 3;
/// Latin words in a non-Latin article: a run this long that reads as prose
/// is reported even when whatlang cannot tell its language.
const LATIN_SENTENCE_WORDS: usize = 6;
/// How far a bracketed translation is looked for.
const GLOSS_MAX_BYTES: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
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
    fn name(self) -> &'static str {
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

    const ALL: [Script; 10] = [
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

    fn index(self) -> usize {
        self as usize
    }
}

/// The script of a letter; `None` for anything else (digits, punctuation,
/// symbols, letters of scripts galley does not tell apart).
fn script(c: char) -> Option<Script> {
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

/// The script an article in `code` is written in; `None` when the language
/// does not settle it (Serbian is written in both) or galley does not know it.
fn home_script(code: &str) -> Option<Script> {
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
fn majority_script(doc: &Document<'_>) -> Script {
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

/// Common function words of a language. A word on the lists of two
/// languages of one script tells neither (`в` is Russian and Ukrainian), so
/// each list also holds its language's words that look like another's
/// function words (`a`, `do`, `no` for English), to keep them from counting
/// for the other.
#[rustfmt::skip]
const STOP_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "from", "by", "its", "has",
            "have", "had", "been", "this", "will", "said", "were", "are", "which", "who", "not",
            "but", "would", "they", "their", "he", "she", "it", "was", "on", "after", "a", "i",
            "in", "an", "at", "as", "or", "do", "no", "so", "we", "you", "all", "can", "also",
            "more", "than", "into", "about", "per", "non",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "des",
            "auf", "für", "eine", "dem", "wird", "auch", "sind", "hat", "wurde", "werden", "er",
            "sie", "es", "im", "nach", "bei", "aus", "wie", "dass",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "du", "que", "qui", "dans", "pour",
            "sur", "pas", "au", "avec", "il", "ce", "sont", "été", "aux", "par", "elle", "ont",
            "cette", "mais", "ne",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "del", "que", "en", "por", "con", "una", "es", "para", "se",
            "su", "al", "fue", "como", "más", "lo", "sus", "pero", "ha",
        ],
    ),
    (
        "pt",
        &[
            "os", "do", "da", "dos", "das", "que", "em", "não", "com", "uma", "para", "por", "foi",
            "se", "é", "ao", "no", "na", "mais", "um", "ele", "ela", "seu", "sua",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "la", "per", "un", "una", "del", "della", "non", "sono", "è", "con",
            "gli", "le", "nel", "dei", "ha", "si", "da", "anche", "alla",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "nie", "na", "że", "się", "z", "do", "jest", "to", "od", "jak", "po",
            "przez", "jego", "oraz", "ale", "dla", "są", "był", "była",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "niet", "op", "dat", "zijn", "met", "voor",
            "te", "aan", "er", "ook", "die", "wordt", "werd", "naar",
        ],
    ),
    (
        "cs",
        &[
            "a", "je", "se", "na", "že", "v", "to", "s", "z", "do", "jsou", "by", "ale", "jak",
            "od", "pro", "byl", "byla", "také", "jeho",
        ],
    ),
    (
        "ru",
        &[
            "и", "что", "это", "как", "он", "она", "они", "его", "было", "был", "была", "были",
            "уже", "чтобы", "который", "которые", "также", "от", "при", "после", "года", "или",
            "если", "только", "тоже", "ещё", "еще", "более", "с", "в", "на", "не", "по", "за",
            "к", "о", "из", "до", "у", "а", "но", "же", "бы", "все", "так", "об", "для", "то",
            "да", "те", "та",
        ],
    ),
    (
        "uk",
        &[
            "і", "й", "що", "та", "це", "як", "його", "від", "але", "також", "він", "вона",
            "вони", "був", "була", "були", "вже", "щоб", "який", "які", "із", "або", "році",
            "в", "у", "на", "не", "з", "до", "за", "по", "а", "о", "про", "при", "для",
        ],
    ),
    (
        "be",
        &[
            "і", "ў", "што", "гэта", "як", "ад", "але", "таксама", "ён", "яна", "яны", "быў",
            "была", "былі", "ужо", "каб", "які", "годзе", "у", "на", "не", "з", "да", "за",
            "па", "а", "пра", "пры", "для",
        ],
    ),
    (
        "bg",
        &[
            "и", "че", "това", "се", "да", "са", "от", "той", "тя", "те", "беше", "бяха",
            "който", "още", "като", "след", "при", "в", "на", "не", "с", "за", "по", "до", "а",
            "о",
        ],
    ),
];

/// Every function word of every list, lowercased, with the bit of each list it is in.
fn function_words() -> &'static WordMap<u16> {
    static INDEX: OnceLock<WordMap<u16>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: WordMap<u16> = WordMap::default();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            for w in *words {
                *m.entry(w).or_default() |= 1 << i;
            }
        }
        m
    })
}

/// The bit of a language's function-word list.
fn list_bit(code: &str) -> u16 {
    STOP_WORDS
        .iter()
        .position(|(c, _)| *c == code)
        .map_or(0, |i| 1 << i)
}

/// The lists of the languages written in `script`.
fn lists_in(script: Script) -> u16 {
    STOP_WORDS
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| home_script(c) == Some(script))
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// Function words of `home` and of the other languages of its script
/// (`others`) among the words of `range`. A word in both counts for neither
/// (`в` is Russian and Ukrainian alike).
fn count_function_words(
    doc: &Document<'_>,
    range: &Range<usize>,
    home: u16,
    others: u16,
    buf: &mut String,
) -> (usize, usize) {
    let index = function_words();
    let (mut mine, mut theirs) = (0, 0);
    for w in &doc.words[doc.word_index_from(range.start)..doc.word_index_from(range.end)] {
        let word = doc.slice(&w.range());
        if word.len() > MAX_FUNCTION_WORD_BYTES {
            continue;
        }
        // Most words are in lowercase already; only a capitalised one is lowercased.
        let found = index.get(word).or_else(|| {
            if !word.starts_with(|c: char| c.is_uppercase()) {
                return None;
            }
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            index.get(buf.as_str())
        });
        let Some(&lists) = found else {
            continue;
        };
        match (lists & home != 0, lists & others != 0) {
            (true, false) => mine += 1,
            (false, true) => theirs += 1,
            _ => {}
        }
        // Settled early: plainly the article's language, or (counting one
        // language alone) two of its words found.
        if (others != 0 && mine >= 3 && theirs == 0) || (others == 0 && mine >= 2) {
            break;
        }
    }
    (mine, theirs)
}

/// Languages whatlang confuses with one another on ordinary text.
const KINDRED: &[&[&str]] = &[
    &["ru", "uk", "be", "bg", "sr", "mk"],
    &["es", "pt", "cat", "glg"],
    &["cs", "sk"],
    &["da", "sv", "nob"],
    &["de", "nl", "afr"],
    &["hrv", "srp", "bos", "slv"],
];

fn kindred(a: &str, b: &str) -> bool {
    KINDRED.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The longest function word, in bytes (`таксама`).
const MAX_FUNCTION_WORD_BYTES: usize = 16;

/// Whether any letter of `text` is in a script other than `home`.
fn has_foreign_letter(text: &str, home: Script) -> bool {
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
fn letter_counts(text: &str, home: Script) -> (usize, usize) {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// In the article's script.
    Home,
    /// Wholly in another script.
    Foreign(Script),
    /// Scripts mixed inside one word: `language/mixed-script`'s business.
    Mixed,
    /// Numbers, designations (`Су-30`), single letters (`α`), URLs and e-mail addresses.
    Neutral,
}

#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    class: Class,
    /// Written in lowercase only: in a Latin run, such words make prose
    /// rather than names, acronyms or models (`iPhone`, `NATO`).
    lowercase: bool,
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}')
}

/// Identifiers from code and logs (`ERR_CONNECTION_REFUSED`, `user_id`) hold underscores.
fn is_code(c: char) -> bool {
    c == '_'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

/// Web and mail addresses, and domain names, among the whitespace-separated
/// chunks of `text`: their words are not prose (`https://example.org/путь`).
fn addresses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += chunk.len();
        let c = chunk.trim_end();
        if !c.contains(['.', '/', '@']) {
            continue;
        }
        let c = c.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '/');
        let address = c.contains("://")
            || c.starts_with("www.")
            || c.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.starts_with('.')
            })
            || c.split('/')
                .next()
                .unwrap_or(c)
                .rsplit_once('.')
                .is_some_and(|(head, tld)| {
                    head.chars().last().is_some_and(char::is_alphanumeric)
                        && tld.chars().count() >= 2
                        && tld.chars().all(char::is_alphabetic)
                        && !head.contains(char::is_whitespace)
                });
        if address {
            out.push(start..start + chunk.trim_end().len());
        }
    }
    out
}

/// The words of `range` in `text`, classed by script.
fn tokens(text: &str, range: Range<usize>, home: Script) -> Vec<Token> {
    let s = &text[range.clone()];
    let masked = addresses(s);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let part = c.is_ascii_alphanumeric()
            || script(c).is_some()
            || is_joiner(c)
            || is_code(c)
            || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                spans.push(b..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        spans.push(b..s.len());
    }
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        let w = &s[sp.clone()];
        let lead = w.len() - w.trim_start_matches(is_joiner).len();
        let w = w.trim_matches(is_joiner);
        if w.is_empty() {
            continue;
        }
        let r = sp.start + lead..sp.start + lead + w.len();
        let (mut home_letters, mut foreign) = (0usize, [0usize; Script::ALL.len()]);
        let mut digit = false;
        for c in w.chars() {
            match script(c) {
                Some(x) if x == home => home_letters += 1,
                Some(x) => foreign[x.index()] += 1,
                None => digit |= c.is_numeric(),
            }
        }
        let foreign_letters: usize = foreign.iter().sum();
        let class = if digit
            || w.contains(is_code)
            || home_letters + foreign_letters < 2
            || masked.iter().any(|m| m.start < r.end && r.start < m.end)
        {
            Class::Neutral
        } else if home_letters > 0 && foreign_letters > 0 {
            Class::Mixed
        } else if foreign_letters > 0 {
            let main = Script::ALL
                .into_iter()
                .max_by_key(|x| foreign[x.index()])
                .unwrap_or(Script::Latin);
            Class::Foreign(main)
        } else if home_letters > 0 {
            Class::Home
        } else {
            Class::Neutral
        };
        out.push(Token {
            range: range.start + r.start..range.start + r.end,
            class,
            // Only Latin runs ask; the Unicode lookup is spared for the rest.
            lowercase: class == Class::Foreign(Script::Latin) && !w.chars().any(char::is_uppercase),
        });
    }
    out
}

/// Latin words that read as prose, not as names, acronyms or models: three
/// or more, at least two of them in lowercase, and more lowercase words than
/// others (`the talks went well`, not `BBC News` or `The Art of the Deal`).
fn reads_as_prose(tokens: &[&Token]) -> bool {
    let lower = tokens.iter().filter(|t| t.lowercase).count();
    tokens.len() >= 3 && lower >= 2 && lower * 2 > tokens.len()
}

const OPENING_QUOTES: &[char] = &['"', '“', '„', '«', '‘', '\'', '‹', '‚'];
const CLOSING_QUOTES: &[char] = &['"', '”', '»', '’', '\'', '›', '“'];

/// Whether the text right after a stretch or run gives its translation: a
/// bracket holding text in the article's script, or — when the foreign text
/// is quoted — a dash followed by such text. `after` runs to the paragraph's end.
fn glossed_after(after: &str, quoted: bool, home: Script) -> bool {
    let rest = after.trim_start_matches(|c: char| {
        c.is_whitespace() || CLOSING_QUOTES.contains(&c) || matches!(c, '.' | ',' | '!' | '?' | '…')
    });
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if let Some(close) = closing_bracket(first) {
        let inner = &rest[first.len_utf8()..];
        let inner = &inner[..floor(inner, inner.find(close).unwrap_or(inner.len()))];
        let inner = &inner[..floor(inner, GLOSS_MAX_BYTES)];
        let (h, f) = letter_counts(inner, home);
        return h >= 2 && h >= f;
    }
    if quoted && matches!(first, '—' | '–' | '-') {
        let tail = rest[first.len_utf8()..]
            .trim_start_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c));
        return tail
            .chars()
            .next()
            .and_then(script)
            .is_some_and(|s| s == home);
    }
    false
}

/// Whether a stretch or run sits inside brackets right after text in the
/// article's script — the original given after its translation or
/// romanization: `Belaya Rus (Белая Русь)`. `before` runs from the paragraph's start.
fn glossed_before(before: &str, home: Script) -> bool {
    // The innermost bracket still open at the run's start.
    let mut open = None;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, ')' | ']') {
            return false;
        }
        if matches!(c, '(' | '[') {
            open = Some(i);
            break;
        }
        if before.len() - i > GLOSS_MAX_BYTES {
            return false;
        }
    }
    let Some(open) = open else {
        return false;
    };
    // "(in Russian: Белая Русь)", "(Belarusian: …)".
    if before[open..].trim_end().ends_with(':') {
        return true;
    }
    before[..open]
        .trim_end_matches(|c: char| c.is_whitespace() || CLOSING_QUOTES.contains(&c))
        .chars()
        .next_back()
        .and_then(script)
        .is_some_and(|s| s == home)
}

/// Whether a quoted original comes after a dash that follows its
/// translation: `"Long live Belarus!" – "Жыве Беларусь!"`. An unquoted run
/// after a dash is the sentence going on, not a translation.
fn dashed_before(before: &str, quoted: bool, home: Script) -> bool {
    if !quoted {
        return false;
    }
    let head = before.trim_end_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c));
    let Some(head) = head
        .strip_suffix('—')
        .or_else(|| head.strip_suffix('–'))
        .or_else(|| head.strip_suffix(" -"))
    else {
        return false;
    };
    head.trim_end_matches(|c: char| {
        c.is_whitespace() || CLOSING_QUOTES.contains(&c) || matches!(c, '.' | ',' | '!' | '?' | '…')
    })
    .chars()
    .next_back()
    .and_then(script)
    .is_some_and(|s| s == home)
}

fn closing_bracket(c: char) -> Option<char> {
    match c {
        '(' => Some(')'),
        '[' => Some(']'),
        _ => None,
    }
}

/// The start of a long stretch, enough for whatlang to settle: it costs in
/// proportion to the text it reads.
fn sample(text: &str) -> &str {
    &text[..floor(text, 1024)]
}

fn floor(s: &str, at: usize) -> usize {
    crate::document::floor_char_boundary(s, at.min(s.len()))
}

/// Whether foreign text starting at `start` of `para` opens with a quote.
fn quoted(para: &str, start: usize) -> bool {
    para[..start]
        .trim_end()
        .ends_with(|c: char| OPENING_QUOTES.contains(&c))
        || para[start..].starts_with(|c: char| OPENING_QUOTES.contains(&c))
}

/// "an English article", "a Russian article", "a Ukrainian article".
fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O']) {
        "an"
    } else {
        "a"
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// In the article's language, or nothing to say.
    Home,
    /// Long, with another language's function words: whatlang decides.
    Suspect,
    /// Mostly in another script.
    Foreign(Script),
}

struct Sentence {
    range: Range<usize>,
    verdict: Verdict,
    words: usize,
    tokens: Vec<Token>,
}

/// One article being checked: the rule, the document, and what is known of
/// the article's language.
struct Pass<'r, 'd> {
    rule: &'r Untranslated,
    doc: &'r Document<'d>,
    lang: &'r str,
    home: Script,
    /// The bit of the article language's function-word list (0: none).
    mine: u16,
    /// The lists of the other languages of its script.
    others: u16,
    /// A buffer for lowercasing words.
    buf: RefCell<String>,
}

/// A stretch of adjacent sentences with one verdict.
struct Stretch {
    range: Range<usize>,
    words: usize,
    verdict: Verdict,
    /// It is the whole paragraph.
    whole: bool,
    sentences: usize,
}

impl Pass<'_, '_> {
    fn message(&self, default: String, values: &[(&str, &str)]) -> String {
        match &self.rule.meta.message {
            Some(t) => render(t, values),
            None => default,
        }
    }

    /// A sentence worth asking whatlang about: six words or more, not in
    /// title case, holding two or more function words of another language
    /// of the article's script, and more of them than of the article
    /// language's own (`der`, `und` in an English article; `що`, `і` in a
    /// Russian one). Returns its word count.
    fn suspect(&self, range: &Range<usize>) -> Option<usize> {
        if self.others == 0 {
            return None;
        }
        let doc = self.doc;
        let (mine, theirs) = count_function_words(
            doc,
            range,
            self.mine,
            self.others,
            &mut self.buf.borrow_mut(),
        );
        if theirs < 2 || theirs <= mine {
            return None;
        }
        let words = &doc.words[doc.word_index_from(range.start)..doc.word_index_from(range.end)];
        let mut n = 0;
        let mut caps = 0;
        for w in words {
            let word = doc.slice(&w.range());
            if word.chars().any(char::is_alphabetic) {
                n += 1;
                caps += usize::from(word.starts_with(char::is_uppercase));
            }
        }
        // Title case (a headline, a list of names) says nothing about language.
        (n >= SUSPECT_MIN_WORDS && caps * 10 <= n * 6).then_some(n)
    }

    fn paragraph(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        sentences: &[Range<usize>],
        out: &mut Sink,
    ) {
        let text = self.doc.text;
        let foreign_here = has_foreign_letter(self.doc.slice(para), self.home);
        let mut sents: Vec<Sentence> = Vec::with_capacity(sentences.len());
        for r in sentences {
            let mut s = Sentence {
                range: r.clone(),
                verdict: Verdict::Home,
                words: 0,
                tokens: Vec::new(),
            };
            if foreign_here && has_foreign_letter(&text[r.clone()], self.home) {
                s.tokens = tokens(text, r.clone(), self.home);
                if let Some((script, words)) = self.foreign_sentence(&s.tokens, r) {
                    s.verdict = Verdict::Foreign(script);
                    s.words = words;
                }
            }
            if s.verdict == Verdict::Home {
                if let Some(n) = self.suspect(r) {
                    s.verdict = Verdict::Suspect;
                    s.words = n;
                }
            }
            sents.push(s);
        }

        // Adjacent sentences of one verdict make one stretch.
        let mut reported = vec![false; sents.len()];
        let mut i = 0;
        while i < sents.len() {
            let v = sents[i].verdict;
            let mut j = i + 1;
            while j < sents.len()
                && match (v, sents[j].verdict) {
                    (Verdict::Foreign(_), Verdict::Foreign(_)) => true,
                    (a, b) => a == b && a == Verdict::Suspect,
                }
            {
                j += 1;
            }
            if v != Verdict::Home {
                let stretch = Stretch {
                    range: sents[i].range.start..sents[j - 1].range.end,
                    words: sents[i..j].iter().map(|s| s.words).sum(),
                    verdict: v,
                    whole: i == 0 && j == sents.len(),
                    sentences: j - i,
                };
                if self.stretch(para, next_para, stretch, out) {
                    reported[i..j].iter_mut().for_each(|r| *r = true);
                }
            }
            i = j;
        }

        if !foreign_here {
            return;
        }
        for (s, done) in sents.iter().zip(reported) {
            if !done {
                self.runs(para, &s.tokens, out);
            }
        }
    }

    /// A sentence mostly in another script: its script and word count. Latin
    /// in a non-Latin article counts only when it reads as prose.
    fn foreign_sentence(&self, tokens: &[Token], range: &Range<usize>) -> Option<(Script, usize)> {
        let text = self.doc.text;
        let foreign: Vec<&Token> = tokens
            .iter()
            .filter(|t| matches!(t.class, Class::Foreign(_)))
            .collect();
        if foreign.len() < FOREIGN_SENTENCE_MIN_WORDS {
            return None;
        }
        let letters = |foreign: bool| -> usize {
            tokens
                .iter()
                .filter(|t| match t.class {
                    Class::Foreign(_) => foreign,
                    Class::Home => !foreign,
                    _ => false,
                })
                .map(|t| {
                    text[t.range.clone()]
                        .chars()
                        .filter(|c| script(*c).is_some())
                        .count()
                })
                .sum()
        };
        if letters(true) <= letters(false) {
            return None;
        }
        // A clause in the article's language (two of its words in a row)
        // makes the foreign part a run inside the sentence: "The ministry
        // wrote in Russian: …" is reported on what follows the colon. Single
        // words (a name) inside a foreign sentence do not.
        let mut block = 0;
        for t in tokens {
            match t.class {
                Class::Home => {
                    block += 1;
                    if block >= 2 {
                        return None;
                    }
                }
                Class::Neutral => {}
                _ => block = 0,
            }
        }
        let script = majority(&foreign);
        if script == Script::Latin && !latin_is_prose(&foreign, &text[range.clone()], self.lang) {
            return None;
        }
        Some((script, foreign.len()))
    }

    /// Reports a stretch unless it is kept on purpose; true when it is
    /// settled either way (its words are then not looked at as runs).
    fn stretch(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        st: Stretch,
        out: &mut Sink,
    ) -> bool {
        let doc = self.doc;
        let lang = self.lang;
        let found = doc.slice(&st.range);
        // In another script the guess only names the language: less text will do.
        let guess = language::guess(match st.verdict {
            Verdict::Foreign(_) => &found[..floor(found, 400)],
            _ => sample(found),
        });
        let script = match st.verdict {
            Verdict::Foreign(s) => Some(s),
            Verdict::Suspect => {
                let Some(g) = guess else { return false };
                let min = if kindred(lang, g.code) {
                    KINDRED_MIN_WORDS
                } else {
                    SAME_SCRIPT_MIN_WORDS
                };
                // Another script's language is for the script tests to find.
                if g.code == lang
                    || home_script(g.code) != Some(self.home)
                    || !g.reliable
                    || st.words < min
                {
                    return false;
                }
                // whatlang is sure of itself on short text more often than it
                // should be ("Various I/O functions support large files" reads
                // as French): the stretch must also hold that language's
                // function words, or be long.
                let theirs = list_bit(g.code);
                let (hits, _) =
                    count_function_words(doc, &st.range, theirs, 0, &mut self.buf.borrow_mut());
                if theirs == 0 || hits < 2 {
                    return false;
                }
                None
            }
            Verdict::Home => return false,
        };
        if self.legitimate(para, next_para, &st.range) {
            return true;
        }
        let expected = language::name_of(lang);
        let plural = st.sentences > 1 && !st.whole;
        let unit = if st.whole {
            if doc.headline.as_ref() == Some(para) {
                "the headline".to_owned()
            } else {
                "this paragraph".to_owned()
            }
        } else if plural {
            format!("these {} sentences", st.sentences)
        } else {
            "this sentence".to_owned()
        };
        let (verb, is) = if plural {
            ("read", "are")
        } else {
            ("reads", "is")
        };
        let (language, confidence) = guess.map_or(("unknown", String::new()), |g| {
            (language::name_of(g.code), format!("{:.2}", g.confidence))
        });
        let default = match (guess, script) {
            (Some(g), _) if g.reliable => {
                format!("{unit} {verb} as {language} (confidence {confidence}), not {expected}")
            }
            (Some(_), Some(s)) => format!(
                "{unit} {is} in {} script (most likely {language}, confidence {confidence}), not {expected}",
                s.name()
            ),
            (None, Some(s)) => format!("{unit} {is} in {} script, not {expected}", s.name()),
            (_, None) => return false,
        };
        let message = self.message(
            default,
            &[
                ("found", found),
                ("language", language),
                ("confidence", &confidence),
                ("expected", expected),
                ("script", script.unwrap_or(self.home).name()),
            ],
        );
        out.push(self.rule.meta.diag(st.range, message).with_help(
            "translate it; an original kept on purpose (a quotation) should be followed by its translation in brackets",
        ));
        true
    }

    /// The patterns by which an editor keeps an original on purpose.
    fn legitimate(
        &self,
        para: &Range<usize>,
        next_para: Option<&Range<usize>>,
        range: &Range<usize>,
    ) -> bool {
        let home = self.home;
        let p = self.doc.slice(para);
        let (start, end) = (range.start - para.start, range.end - para.start);
        let q = quoted(p, start);
        if glossed_after(&p[end..], q, home)
            || glossed_before(&p[..start], home)
            || dashed_before(&p[..start], q, home)
        {
            return true;
        }
        // The paragraph ends here, and the next one opens with the
        // translation: in brackets, or in quotes when this is a quotation.
        if !p[end..]
            .trim()
            .trim_matches(CLOSING_QUOTES)
            .trim()
            .is_empty()
        {
            return false;
        }
        let Some(next) = next_para else {
            return false;
        };
        let n = self.doc.slice(next);
        let opens = n.starts_with(['(', '[']) || (q && n.starts_with(OPENING_QUOTES));
        let (h, f) = letter_counts(&n[..floor(n, 300)], home);
        opens && h >= 2 && h > f
    }

    /// Runs of words in another script inside a sentence of the article's language.
    fn runs(&self, para: &Range<usize>, tokens: &[Token], out: &mut Sink) {
        let text = self.doc.text;
        let mut run: Vec<&Token> = Vec::new();
        let mut last_end = 0;
        for t in tokens {
            if !run.is_empty() && text[last_end..t.range.start].contains(['(', ')', '[', ']', '\n'])
            {
                self.run(para, &run, out);
                run.clear();
            }
            match t.class {
                Class::Foreign(_) => {
                    run.push(t);
                    last_end = t.range.end;
                }
                Class::Neutral => {}
                Class::Home | Class::Mixed => {
                    self.run(para, &run, out);
                    run.clear();
                }
            }
        }
        self.run(para, &run, out);
    }

    fn run(&self, para: &Range<usize>, run: &[&Token], out: &mut Sink) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let doc = self.doc;
        let allow = &self.rule.allow;
        let range = first.range.start..last.range.end;
        let found = doc.slice(&range);
        if allow.contains(&found.to_lowercase())
            || run
                .iter()
                .all(|t| allow.contains(&doc.slice(&t.range).to_lowercase()))
        {
            return;
        }
        let script = majority(run);
        if script == Script::Latin && !latin_is_prose(run, found, self.lang) {
            return;
        }
        if self.legitimate(para, None, &range) {
            return;
        }
        let expected = language::name_of(self.lang);
        let guess = language::guess(found);
        let (language, confidence) = guess.map_or(("unknown", String::new()), |g| {
            (language::name_of(g.code), format!("{:.2}", g.confidence))
        });
        let default = match guess {
            Some(g) if script == Script::Latin && g.reliable => format!(
                "'{found}' reads as {language} (confidence {confidence}) in {} {expected} article",
                article(expected)
            ),
            _ => format!(
                "'{found}' is in {} script in {} {expected} article",
                script.name(),
                article(expected)
            ),
        };
        let message = self.message(
            default,
            &[
                ("found", found),
                ("language", language),
                ("confidence", &confidence),
                ("expected", expected),
                ("script", script.name()),
            ],
        );
        let help = if script == Script::Latin {
            "translate it; to keep the original, give its translation in brackets after it"
        } else {
            "translate or romanize it; to keep the original, give its translation or romanization in brackets next to it"
        };
        out.push(self.rule.meta.diag(range, message).with_help(help));
    }
}

/// The script most of the tokens are in.
fn majority(tokens: &[&Token]) -> Script {
    let mut counts = [0usize; Script::ALL.len()];
    for t in tokens {
        if let Class::Foreign(s) = t.class {
            counts[s.index()] += 1;
        }
    }
    Script::ALL
        .into_iter()
        .max_by_key(|s| counts[s.index()])
        .unwrap_or(Script::Latin)
}

/// Latin words in a non-Latin article that are untranslated prose: they read
/// as prose, and whatlang reliably calls them another language, or they are
/// as long as a sentence.
fn latin_is_prose(tokens: &[&Token], text: &str, lang: &str) -> bool {
    if !reads_as_prose(tokens) {
        return false;
    }
    tokens.len() >= LATIN_SENTENCE_WORDS
        || language::guess(sample(text)).is_some_and(|g: Guess| g.reliable && g.code != lang)
}

impl Rule for Untranslated {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let pass = Pass {
            rule: self,
            doc,
            lang: &doc.language,
            home: home_script(&doc.language).unwrap_or_else(|| majority_script(doc)),
            mine: list_bit(&doc.language),
            others: 0,
            buf: RefCell::new(String::new()),
        };
        let pass = Pass {
            others: lists_in(pass.home) & !pass.mine,
            ..pass
        };
        let mut next = 0;
        for (pi, para) in doc.paragraphs.iter().enumerate() {
            let first = next;
            while next < doc.sentences.len() && doc.sentences[next].start < para.end {
                next += 1;
            }
            pass.paragraph(
                para,
                doc.paragraphs.get(pi + 1),
                &doc.sentences[first..next],
                out,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str, home: Script) -> Vec<(&str, Class)> {
        tokens(text, 0..text.len(), home)
            .into_iter()
            .map(|t| (&text[t.range.clone()], t.class))
            .collect()
    }

    #[test]
    fn words_are_classed_by_script() {
        use Class::*;
        let t = "The заседании, Mоscow and Су-30 α-particles (α) https://example.org/путь info@пример.рф.";
        assert_eq!(
            classes(t, Script::Latin),
            [
                ("The", Home),
                ("заседании", Foreign(Script::Cyrillic)),
                ("Mоscow", Mixed),
                ("and", Home),
                ("Су-30", Neutral),
                ("α-particles", Mixed),
                ("α", Neutral),
                ("https", Neutral),
                ("example", Neutral),
                ("org", Neutral),
                ("путь", Neutral),
                ("info", Neutral),
                ("пример", Neutral),
                ("рф", Neutral),
            ]
        );
    }

    #[test]
    fn addresses_are_found() {
        let t = "see https://a.b/c, www.x.org and bbabo.net or me@mail.ru. End.Next 3.5 т.д. docs.example.com/errors";
        let found: Vec<&str> = addresses(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            [
                "https://a.b/c,",
                "www.x.org",
                "bbabo.net",
                "me@mail.ru.",
                "End.Next",
                "docs.example.com/errors"
            ]
        );
    }

    #[test]
    fn latin_prose_is_not_acronyms_brands_or_titles() {
        let toks = |t: &'static str| tokens(t, 0..t.len(), Script::Cyrillic);
        let prose = |t: &'static str| {
            let v = toks(t);
            let refs: Vec<&Token> = v
                .iter()
                .filter(|t| matches!(t.class, Class::Foreign(_)))
                .collect();
            reads_as_prose(&refs)
        };
        assert!(prose("the talks went well"));
        assert!(!prose("BBC News"));
        assert!(!prose("NATO iPhone"));
        assert!(!prose("The Art of the Deal"));
        assert!(!prose("Wall Street Journal"));
    }

    #[test]
    fn glosses() {
        let h = Script::Latin;
        assert!(glossed_after(" (White Rus) said", false, h));
        assert!(glossed_after("» (White Rus)", false, h));
        assert!(glossed_after("!\" (\"Long live Belarus!\")", true, h));
        assert!(glossed_after("!\" – Long live Belarus!", true, h));
        assert!(!glossed_after(" – and then he left", false, h));
        assert!(!glossed_after(" (Белая Русь)", false, h));
        assert!(!glossed_after(" said the president", false, h));
        assert!(glossed_before("the party Belaya Rus (", h));
        assert!(glossed_before("Belaya Rus («", h));
        assert!(glossed_before("Belaya Rus (in Russian: ", h));
        assert!(!glossed_before("(Minsk) said ", h));
        assert!(!glossed_before("He said ", h));
        assert!(dashed_before(
            "the slogan \"Long live Belarus!\" – \"",
            true,
            h
        ));
        assert!(dashed_before("the slogan Long live Belarus — «", true, h));
        assert!(!dashed_before("He left — ", false, h));
        assert!(!dashed_before("«Жыве» — «", true, h));
    }

    #[test]
    fn the_fast_letter_ranges_hold_only_letters() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{400}'..='\u{52f}') {
            assert_eq!(script(c).is_some(), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn kindred_languages_need_a_longer_stretch() {
        assert!(kindred("ru", "uk") && kindred("es", "pt") && !kindred("en", "de"));
        assert!(!kindred("ru", "en"));
    }

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

    #[test]
    fn stop_words_match_in_any_case() {
        let text =
            "Президент України заявив, що переговори пройшли, і сторони домовилися. Что в Минске?";
        let doc = Document::plain(text);
        let mut buf = String::new();
        let (ru, uk) = (list_bit("ru"), list_bit("uk"));
        let r = |a: &str| {
            let s = text.find(a).unwrap_or(0);
            s..s + a.len()
        };
        // "що" and "і" are Ukrainian; "в" is both, and counts for neither.
        assert_eq!(
            count_function_words(
                &doc,
                &r("Президент України заявив, що переговори пройшли, і сторони"),
                ru,
                uk,
                &mut buf
            ),
            (0, 2)
        );
        assert_eq!(
            count_function_words(&doc, &r("Что в Минске?"), ru, uk, &mut buf),
            (1, 0)
        );
        assert_eq!(article("English"), "an");
        assert_eq!(article("Ukrainian"), "a");
    }
}
