//! Every dictionary term of every rule, looked up once per document by the
//! words of the text. Rules register terms at compile time and get back a
//! `TermId`; per document they read the resolved hits.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

use crate::document::Document;
use crate::hash::FastMap;
use crate::lang::Lang;
use crate::packs::schema::Text;
use crate::rules::folded::Word;

mod words;

pub type TermId = u32;

/// How a term's letter case must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseMode {
    /// As written, or in capitals throughout (a headline in caps): names.
    Exact,
    /// Any ASCII case: designations (`Mig-25`) and common phrases.
    Insensitive,
}

/// The languages of the articles a term is looked up in: those of the packs
/// whose rules registered it, or every language (`None`: an entity name, or
/// a term of a pack for any language).
type Languages = Option<Vec<Lang>>;

#[derive(Debug, Default)]
pub struct LexiconBuilder {
    terms: Vec<(Text, CaseMode)>,
    languages: Vec<Languages>,
    /// Each term's id per case mode (`Exact`, `Insensitive`). Hashed with
    /// foldhash and looked up by `&str`: the packs register 7,000 terms at
    /// start-up.
    ids: crate::hash::FastMap<Text, [Option<TermId>; 2]>,
    /// The language of the pack whose rules are being compiled.
    language: Option<Lang>,
}

impl LexiconBuilder {
    /// Terms added from now on belong to packs for `language` (`None`: any).
    pub fn set_language(&mut self, language: Option<Lang>) {
        self.language = language;
    }

    pub fn add(&mut self, term: &str, mode: CaseMode) -> TermId {
        self.insert(term, mode, || Text::Owned(term.to_owned()))
    }

    /// [`LexiconBuilder::add`] for a term that may be borrowed from the
    /// binary (a shipped entity's name): kept without a copy.
    pub fn add_shared(&mut self, term: &Text, mode: CaseMode) -> TermId {
        self.insert(term, mode, || term.clone())
    }

    /// `keep` gives the text to keep of a term not seen before.
    fn insert(&mut self, term: &str, mode: CaseMode, keep: impl FnOnce() -> Text) -> TermId {
        let slot = match mode {
            CaseMode::Exact => 0,
            CaseMode::Insensitive => 1,
        };
        let known = self.ids.get(term).and_then(|ids| ids[slot]);
        if let Some(id) = known {
            let langs = &mut self.languages[id as usize];
            match (langs.as_mut(), &self.language) {
                (Some(list), Some(l)) if !list.contains(l) => list.push(*l),
                (Some(_), None) => *langs = None,
                _ => {}
            }
            return id;
        }
        let id = self.terms.len() as TermId;
        let text = keep();
        self.terms.push((text.clone(), mode));
        self.languages.push(self.language.map(|l| vec![l]));
        self.ids.entry(text).or_default()[slot] = Some(id);
        id
    }

    /// Room for `terms` more terms.
    pub fn reserve(&mut self, terms: usize) {
        self.terms.reserve(terms);
        self.languages.reserve(terms);
        self.ids.reserve(terms);
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn build(self) -> Result<Lexicon, aho_corasick::BuildError> {
        // The automaton is built over ASCII-lowercased patterns and searches
        // an ASCII-lowercased copy of the text: the same matches as
        // `ascii_case_insensitive`, whose build keeps a set of every state
        // it queued (a third of the start-up of a one-file run). A term
        // with other letters also gets the case forms its kind accepts
        // (`ŁUKASZENKA`, `читайте также`).
        let mut patterns = Patterns::with_capacity(
            self.terms.len(),
            self.terms.iter().map(|(t, _)| t.len()).sum(),
        );
        let mut owners: Vec<TermId> = Vec::with_capacity(self.terms.len());
        for (id, (term, mode)) in self.terms.iter().enumerate() {
            if term.is_ascii() {
                patterns.push(term);
                owners.push(id as TermId);
                continue;
            }
            let folded = term.to_ascii_lowercase();
            let mut forms = vec![term.to_uppercase().to_ascii_lowercase()];
            if *mode == CaseMode::Insensitive {
                let lower = term.to_lowercase();
                let mut chars = lower.chars();
                let capitalized: String = match chars.next() {
                    Some(c) => c.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                };
                forms.extend([lower, capitalized.to_ascii_lowercase()]);
            }
            forms.sort();
            forms.dedup();
            patterns.push(&folded);
            owners.push(id as TermId);
            for f in forms {
                if f != folded && !f.is_empty() {
                    patterns.push(&f);
                    owners.push(id as TermId);
                }
            }
        }
        // A pattern that starts with a letter or digit can only be a whole
        // word where a word of the text starts (`whole_word`), so it is
        // looked up there by its first word, or by its first two words when
        // it has more: a hash of each word of the text, made while the words
        // are found, a bit test that turns away almost every word, and a
        // pattern compare for the rest. That costs a fraction of an
        // automaton step per byte, and next to nothing to build. The few
        // patterns that start with another character (`[ad]`) go through a
        // small automaton.
        let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(patterns.len());
        let mut loose: Vec<&str> = Vec::new();
        let mut loose_owners: Vec<u32> = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match words::pattern_key(p) {
                Some(key) => keyed.push((key, i as u32)),
                // An empty pattern would match everywhere: no term is one.
                None if p.is_empty() => {}
                None => {
                    loose.push(p);
                    loose_owners.push(i as u32);
                }
            }
        }
        keyed.sort_unstable();
        let mut filter = words::KeyFilter::default();
        let mut groups: FastMap<u64, (u32, u32)> = FastMap::default();
        groups.reserve(keyed.len());
        let mut start = 0;
        while start < keyed.len() {
            let key = keyed[start].0;
            let end = start + keyed[start..].iter().take_while(|(k, _)| *k == key).count();
            filter.insert(key);
            groups.insert(key, (start as u32, end as u32));
            start = end;
        }
        let keyed_patterns: Vec<u32> = keyed.iter().map(|&(_, i)| i).collect();
        let loose = if loose.is_empty() {
            None
        } else {
            let mut first_bytes: Vec<u8> = loose.iter().filter_map(|p| p.bytes().next()).collect();
            first_bytes.sort_unstable();
            first_bytes.dedup();
            Some(Loose {
                automaton: AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&loose)?,
                patterns: loose_owners,
                first_bytes,
            })
        };
        Ok(Lexicon {
            filter,
            groups,
            keyed_patterns,
            loose,
            patterns,
            owners,
            terms: self.terms,
            languages: self.languages,
        })
    }
}

/// The patterns, ASCII-lowercased, in one buffer: one allocation for the
/// 7,600 of them rather than one each.
#[derive(Debug)]
struct Patterns {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Patterns {
    fn with_capacity(patterns: usize, bytes: usize) -> Self {
        Patterns {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(patterns),
        }
    }

    /// Adds `pattern` with its ASCII letters lowercased.
    fn push(&mut self, pattern: &str) {
        let start = self.text.len();
        self.text.push_str(pattern);
        self.text[start..].make_ascii_lowercase();
        self.spans.push((start as u32, self.text.len() as u32));
    }

    fn get(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(s, e)| self.text.get(s as usize..e as usize))
            .unwrap_or("")
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// The patterns that do not start with a word, and the bytes they start with.
#[derive(Debug)]
struct Loose {
    automaton: AhoCorasick,
    /// Each automaton pattern's index in `Lexicon::patterns`.
    patterns: Vec<u32>,
    first_bytes: Vec<u8>,
}

impl Loose {
    /// Whether a pattern could start in `hay`: one memchr pass for the usual
    /// case of a paragraph without a `[`.
    fn could_match(&self, hay: &[u8]) -> bool {
        match self.first_bytes.as_slice() {
            [a] => memchr::memchr(*a, hay).is_some(),
            [a, b] => memchr::memchr2(*a, *b, hay).is_some(),
            [a, b, c] => memchr::memchr3(*a, *b, *c, hay).is_some(),
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub term: TermId,
    pub range: Range<usize>,
}

#[derive(Debug)]
pub struct Lexicon {
    /// The keys of `groups`, as bits: most words of a text are none.
    filter: words::KeyFilter,
    /// The patterns that start with a word, by their key (`words`): a range
    /// of `keyed_patterns`.
    groups: FastMap<u64, (u32, u32)>,
    keyed_patterns: Vec<u32>,
    loose: Option<Loose>,
    /// Every term's ASCII-lowercased case forms.
    patterns: Patterns,
    /// The term each pattern spells.
    owners: Vec<TermId>,
    terms: Vec<(Text, CaseMode)>,
    languages: Vec<Languages>,
}

impl Lexicon {
    pub fn term(&self, id: TermId) -> &str {
        self.terms.get(id as usize).map_or("", |(t, _)| t.as_ref())
    }

    /// Every whole-word match, overlapping ones included, by start and then
    /// longest first. Overlaps are resolved per rule (`resolve`): a full name
    /// in the entity base must not hide the surname a variant rule counts.
    /// Terms only packs for other languages use are left out: a German
    /// spelling in an English article is no known word there.
    pub fn scan(&self, doc: &Document<'_>, words: &[Word]) -> Vec<Hit> {
        let text = doc.text;
        let bytes = text.as_bytes();
        // A language that writes a name's genitive with a bare -s (German
        // "Selenskyjs Rede") says so in its profile.
        let genitive_s = doc.language.profile().names.genitive_s_not_after.as_deref();
        let mut found: Vec<Hit> = Vec::new();
        let mut accept = |pattern: usize, range: Range<usize>| {
            let id = self.owners[pattern];
            let (term, mode) = &self.terms[id as usize];
            let in_language = self.languages[id as usize]
                .as_ref()
                .is_none_or(|l| l.contains(&doc.language));
            if in_language
                && case_matches(term, *mode, &text[range.clone()])
                && whole_word(text, &range, term, *mode, genitive_s)
            {
                found.push(Hit { term: id, range });
            }
        };
        // The patterns are keyed by the hash of their folded first word, or
        // of their first two (`words::pattern_key`), and ASCII-lowercased
        // (see `build`): each word of the text is looked up by its own hash
        // and the pair it makes with the word before it in its paragraph,
        // and a pattern under the key is compared ignoring ASCII case. A
        // match stays within its paragraph.
        let mut lookup = |start: usize, key: u64, para_end: usize| {
            if !self.filter.contains(key) {
                return;
            }
            let Some(&(from, to)) = self.groups.get(&key) else {
                return;
            };
            let rest = bytes.get(start..para_end).unwrap_or_default();
            for &p in &self.keyed_patterns[from as usize..to as usize] {
                let pattern = self.patterns.get(p as usize).as_bytes();
                if rest.len() >= pattern.len()
                    && rest[..pattern.len()].eq_ignore_ascii_case(pattern)
                {
                    accept(p as usize, start..start + pattern.len());
                }
            }
        };
        words::for_each_key(text, words, |start, key, para| {
            if let Some(p) = doc.paragraphs.get(para as usize) {
                lookup(start, key, p.end);
            }
        });
        for para in &doc.paragraphs {
            let Some(hay) = text.get(para.clone()) else {
                continue;
            };
            let bytes = hay.as_bytes();
            if let Some(loose) = &self.loose {
                if loose.could_match(bytes) {
                    let folded = hay.to_ascii_lowercase();
                    for m in loose.automaton.find_overlapping_iter(&folded) {
                        let range = para.start + m.start()..para.start + m.end();
                        accept(loose.patterns[m.pattern().as_usize()] as usize, range);
                    }
                }
            }
        }
        found.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
                .then(a.term.cmp(&b.term))
        });
        // A term found through two of its case forms is one hit.
        found.dedup();
        found
    }
}

/// The hits a rule owns, the longest winning where two overlap (so
/// `Chicken Kiev` hides `Kiev`, and `Sukhoi Superjet 100` hides `Sukhoi`).
pub fn resolve<'h>(
    hits: impl IntoIterator<Item = &'h Hit>,
    owns: impl Fn(TermId) -> bool,
) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if owns(h.term)
            && out
                .last()
                .is_none_or(|last| h.range.start >= last.range.end)
        {
            out.push(h.clone());
        }
    }
    out
}

fn case_matches(term: &str, mode: CaseMode, found: &str) -> bool {
    match mode {
        CaseMode::Insensitive => term.is_ascii() || found.to_lowercase() == term.to_lowercase(),
        CaseMode::Exact => {
            found == term
                || (found.chars().any(char::is_alphabetic) && found == term.to_uppercase())
        }
    }
}

fn whole_word(
    text: &str,
    range: &Range<usize>,
    term: &str,
    mode: CaseMode,
    genitive_s: Option<&[char]>,
) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let starts_word = term.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = term.chars().next_back().is_some_and(char::is_alphanumeric);
    let left_ok = !starts_word || !before.is_some_and(char::is_alphanumeric);
    let right_ok = !ends_word
        || match after {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            // A plural of a designation ("two MiG-25s") or of a phrase ("bombers"),
            // a genitive ("Lukaschenkos") in a language that writes one so.
            Some('s') => {
                (term.ends_with(|c: char| c.is_ascii_digit())
                    || mode == CaseMode::Insensitive
                    || genitive_s.is_some_and(|not_after| !term.ends_with(not_after)))
                    && !text[range.end + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            }
            Some(_) => false,
        };
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(terms: &[(&str, CaseMode)], text: &str) -> Vec<String> {
        let mut b = LexiconBuilder::default();
        for (t, m) in terms {
            b.add(t, *m);
        }
        let lex = b.build().unwrap();
        let doc = Document::plain(text);
        resolve(&lex.scan(&doc, &crate::rules::folded::words(&doc)), |_| {
            true
        })
        .into_iter()
        .map(|h| text[h.range].to_owned())
        .collect()
    }

    #[test]
    fn whole_words_and_possessives_only() {
        let t = [
            ("Belarus", CaseMode::Exact),
            ("Lukashenka", CaseMode::Exact),
        ];
        assert_eq!(
            scan(
                &t,
                "Belarus and Belarusian; Lukashenka’s aide, Lukashenka's, Lukashenkas."
            ),
            ["Belarus", "Lukashenka", "Lukashenka"]
        );
    }

    #[test]
    fn longest_match_wins_and_case_modes_hold() {
        let t = [
            ("Kiev", CaseMode::Exact),
            ("Chicken Kiev", CaseMode::Exact),
            ("MiG-25", CaseMode::Insensitive),
        ];
        assert_eq!(
            scan(
                &t,
                "Chicken Kiev in Kiev, KIEV, kiev. Two Mig-25s and a MIG-25."
            ),
            ["Chicken Kiev", "Kiev", "KIEV", "Mig-25", "MIG-25"]
        );
    }

    #[test]
    fn terms_beyond_ascii_match_in_their_case_forms() {
        let t = [
            ("Łukaszenka", CaseMode::Exact),
            ("Читайте также:", CaseMode::Insensitive),
            ("Weißrussland", CaseMode::Exact),
        ];
        assert_eq!(
            scan(
                &t,
                "ŁUKASZENKA, Łukaszenka, łukaszenka. ЧИТАЙТЕ ТАКЖЕ: и читайте также: \
                 WEISSRUSSLAND, Weißrussland, Weissrussland."
            ),
            [
                "ŁUKASZENKA",
                "Łukaszenka",
                "ЧИТАЙТЕ ТАКЖЕ:",
                "читайте также:",
                "WEISSRUSSLAND",
                "Weißrussland"
            ]
        );
    }

    #[test]
    fn terms_of_packs_for_other_languages_are_not_found() {
        let mut b = LexiconBuilder::default();
        b.add("Minsk", CaseMode::Exact);
        b.set_language(Lang::parse("de"));
        b.add("Kiew", CaseMode::Exact);
        b.add("Lukaschenko", CaseMode::Exact);
        b.set_language(Lang::parse("en"));
        b.add("Lukaschenko", CaseMode::Exact);
        let lex = b.build().unwrap();
        let found = |text: &str, language: &str| -> Vec<String> {
            let doc = Document::plain_in(text, Lang::parse(language).expect("a shipped language"));
            lex.scan(&doc, &crate::rules::folded::words(&doc))
                .into_iter()
                .map(|h| text[h.range].to_owned())
                .collect()
        };
        let text = "Minsk, Kiew, Lukaschenko";
        assert_eq!(found(text, "en"), ["Minsk", "Lukaschenko"]);
        assert_eq!(found(text, "de"), ["Minsk", "Kiew", "Lukaschenko"]);
        assert_eq!(found(text, "fr"), ["Minsk"]);
    }

    #[test]
    fn a_german_genitive_counts_as_the_name() {
        let mut b = LexiconBuilder::default();
        b.add("Selenskyj", CaseMode::Exact);
        b.add("Belarus", CaseMode::Exact);
        let lex = b.build().unwrap();
        let found = |text: &str, language: &str| -> Vec<String> {
            let doc = Document::plain_in(text, Lang::parse(language).expect("a shipped language"));
            lex.scan(&doc, &crate::rules::folded::words(&doc))
                .into_iter()
                .map(|h| text[h.range].to_owned())
                .collect()
        };
        assert_eq!(
            found("Selenskyjs Rede, Selenskyj, Belaruss", "de"),
            ["Selenskyj", "Selenskyj"]
        );
        assert_eq!(found("Selenskyjs Rede", "en"), Vec::<String>::new());
    }
}
