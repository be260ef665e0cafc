//! `existence`: a regex or a phrase list that should not appear, within a
//! scope of the document (prose, headline, the lines above the headline …).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use serde::Deserialize;
use toml::Spanned;

use super::compile::MAX_REGEX_MEMORY;
use super::compile::{Compiler, RuleMeta};
use super::lexicon::{resolve, CaseMode, TermId};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::document::Document;

/// The fields of an `existence` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    pattern: Option<Spanned<String>>,
    patterns: Option<Spanned<Vec<Spanned<String>>>>,
    words: Option<Spanned<Vec<String>>>,
    scope: Option<Spanned<String>>,
}

/// Compiled regexes are bounded so that a pack from an untrusted repository
/// cannot make galley use unbounded memory.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The lazy DFA cache each regex may grow (per search thread); what is
/// counted for it in the run's budget (`compile::MAX_REGEX_MEMORY`).
pub const REGEX_CACHE_LIMIT: usize = 256 << 10;

/// What a compiled pattern costs: its size as the regex engine reports it
/// (the `regex` crate does not expose it, so the same pattern is built once
/// more with `regex-automata`, which `regex` is made of) plus its cache.
fn regex_cost(pattern: &str) -> usize {
    let built = regex_automata::meta::Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().multi_line(true))
        .configure(regex_automata::meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT)))
        .build(pattern);
    built.map_or(REGEX_SIZE_LIMIT, |re| re.memory_usage()) + REGEX_CACHE_LIMIT
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Prose,
    Headline,
    FirstLine,
    LastLine,
    AboveHeadline,
    Document,
}

const SCOPES: &[(&str, Scope)] = &[
    ("prose", Scope::Prose),
    ("sentence", Scope::Prose),
    ("headline", Scope::Headline),
    ("first-line", Scope::FirstLine),
    ("last-line", Scope::LastLine),
    ("above-headline", Scope::AboveHeadline),
    ("document", Scope::Document),
];

pub struct Existence {
    meta: RuleMeta,
    scope: Scope,
    /// The pattern sources; compiled on the first check that needs them
    /// (see [`Search`]), so a language's catalogue costs nothing in a run
    /// that never meets an article in that language.
    sources: Vec<String>,
    search: OnceLock<Search>,
    words: HashSet<TermId>,
}

/// The patterns as searched: those that can only match at the start of a
/// line (`(?m)^…`, the catalogue's whole-line phrases) are tried anchored
/// at each line start, where the automaton gives up after a few bytes on
/// a line of prose; the others scan the text, as one alternation when it
/// compiles within the limits (one pass instead of one per pattern), else
/// one by one.
///
/// The sources are parsed on first need; each group is compiled, the
/// larger cost, only once a line could match it, so an article none of
/// whose lines opens like a catalogue phrase compiles no catalogue.
struct Search {
    /// The line-start patterns, in their order, cut into runs.
    runs: Vec<LineRun>,
    /// No line-start pattern can match a line break, so each is searched
    /// within its line only: a line of prose the lazy automaton cannot
    /// read (a Unicode `\b` before a letter beyond ASCII) costs the slower
    /// engines that line, not the rest of the paragraph.
    within_line: bool,
    other: Vec<Hir>,
    anywhere: OnceLock<Vec<meta::Regex>>,
}

/// Consecutive line-start patterns alike in what a line must open with to
/// be searched (a few bytes, or any byte: `^[^\n]{1,40} on Facebook`) and
/// in whether they hold a Unicode `\b` (which sends the lazy automaton to
/// the slower engines at a byte beyond ASCII): one alternation each, so a
/// line of prose is passed by a byte test for most runs, and read by the
/// slow engines for none but the run that needs them. Tried in order at a
/// line start, the first run that matches gives the line's match, as the
/// whole group's alternation would (an anchored alternation prefers its
/// earlier branches).
struct LineRun {
    hirs: Vec<Hir>,
    /// The bytes a match can begin with (a bit per byte).
    first_bytes: [u64; 4],
    /// Matches the empty string: tried at every line, since its empty
    /// match there would end the search as the whole alternation's would.
    nullable: bool,
    /// A literal each pattern's every match holds (` on ` in
    /// `^(?:[^\n]{1,40}? on Facebook…){2,}`): a line without any of them
    /// is passed by a substring search. A run that can open with most
    /// bytes gets past the byte test on every line, and its automaton
    /// reads far into each; this gate keeps it off the lines of prose.
    needs: Option<Vec<memchr::memmem::Finder<'static>>>,
    regexes: OnceLock<Vec<meta::Regex>>,
}

impl LineRun {
    fn may_start(&self, byte: u8) -> bool {
        self.nullable || self.first_bytes[usize::from(byte >> 6)] >> (byte & 63) & 1 == 1
    }

    /// Whether `line` holds a literal the run's matches need (any line
    /// does when the run has none).
    fn may_hold(&self, line: &[u8]) -> bool {
        self.needs
            .as_ref()
            .is_none_or(|needs| needs.iter().any(|f| f.find(line).is_some()))
    }

    fn regexes(&self) -> &[meta::Regex] {
        self.regexes
            .get_or_init(|| group(&self.hirs, anchored_builder))
    }
}

/// Fewer first bytes than this make a run selective.
const SELECTIVE_BYTES: u32 = 128;

impl Search {
    fn parse(sources: &[String]) -> Search {
        let (line, other) = partition(sources);
        let within_line = !line.iter().any(can_match_line_break);
        let mut runs: Vec<LineRun> = Vec::new();
        let mut last_class = None;
        for hir in line {
            let (first, nullable) = first_bytes_of(&hir);
            let selective =
                !nullable && first.iter().map(|w| w.count_ones()).sum::<u32>() < SELECTIVE_BYTES;
            let class = (
                selective,
                hir.properties().look_set().contains_word_unicode(),
            );
            match runs.last_mut() {
                Some(run) if last_class == Some(class) => {
                    for (all, one) in run.first_bytes.iter_mut().zip(first) {
                        *all |= one;
                    }
                    run.nullable |= nullable;
                    run.needs = match (run.needs.take(), required_literal(&hir)) {
                        (Some(mut needs), Some(lit)) => {
                            needs.push(memchr::memmem::Finder::new(&lit).into_owned());
                            Some(needs)
                        }
                        _ => None,
                    };
                    run.hirs.push(hir);
                }
                _ => runs.push(LineRun {
                    needs: required_literal(&hir)
                        .map(|lit| vec![memchr::memmem::Finder::new(&lit).into_owned()]),
                    hirs: vec![hir],
                    first_bytes: first,
                    nullable,
                    regexes: OnceLock::new(),
                }),
            }
            last_class = Some(class);
        }
        Search {
            runs,
            within_line,
            other,
            anywhere: OnceLock::new(),
        }
    }

    /// The line-start patterns' matches in `text`, one line at a time.
    fn at_line_starts(&self, text: &str, mut push: impl FnMut(Range<usize>)) {
        if self.runs.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let line_end = memchr::memchr(b'\n', &bytes[start..]).map(|i| start + i);
            let end = match line_end {
                Some(e) if self.within_line => e,
                _ => bytes.len(),
            };
            let input = Input::new(text).range(start..end).anchored(Anchored::Yes);
            for run in &self.runs {
                // A line that cannot open a match of the run is passed by
                // this byte test.
                if !run.may_start(bytes[start])
                    || (self.within_line && !run.may_hold(&bytes[start..end]))
                {
                    continue;
                }
                let regexes = run.regexes();
                let mut matched = false;
                for re in regexes {
                    // Anchored: the match starts where the input does, so
                    // the forward search alone gives it.
                    if let Some(m) = re.search_half(&input) {
                        push(start..m.offset().max(start));
                        matched = true;
                    }
                }
                // One alternation: its match is the line's. (A run too
                // large to compile as one reports each of its patterns'
                // matches.)
                if matched && regexes.len() == 1 {
                    break;
                }
            }
            match line_end {
                Some(e) => start = e + 1,
                None => break,
            }
        }
    }

    fn anywhere(&self) -> &[meta::Regex] {
        self.anywhere.get_or_init(|| group(&self.other, builder))
    }
}

fn parse(src: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .build()
        .parse(src)
        .ok()
}

/// The patterns every match of which starts at a line start, and the rest
/// (a pattern that does not parse is in neither).
fn partition(sources: &[String]) -> (Vec<Hir>, Vec<Hir>) {
    let (mut line, mut other) = (Vec::new(), Vec::new());
    for hir in sources.iter().filter_map(|src| parse(src)) {
        if hir.properties().look_set_prefix().contains(Look::StartLF) {
            line.push(hir);
        } else {
            other.push(hir);
        }
    }
    (line, other)
}

/// Whether a match of the pattern may hold a `\n` (a class or a literal
/// with one).
fn can_match_line_break(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(rep) => can_match_line_break(&rep.sub),
        HirKind::Capture(cap) => can_match_line_break(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(can_match_line_break),
    }
}

/// The bytes a match of the pattern can begin with, and whether it can
/// match the empty string (then what follows it begins the match too).
/// Zero-width assertions begin nothing; a class's characters begin with
/// their UTF-8 lead bytes, which rise with the code point.
fn first_bytes_of(hir: &Hir) -> ([u64; 4], bool) {
    let mut set = [0u64; 4];
    let mut add = |lo: u8, hi: u8| {
        for b in lo..=hi {
            set[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    };
    let lead = |c: char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => return (set, true),
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => add(b, b),
            None => return (set, true),
        },
        HirKind::Class(Class::Unicode(c)) => {
            for r in c.ranges() {
                add(lead(r.start()), lead(r.end()));
            }
        }
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                add(r.start(), r.end());
            }
        }
        HirKind::Repetition(rep) => {
            let (sub, empty) = first_bytes_of(&rep.sub);
            return (sub, empty || rep.min == 0);
        }
        HirKind::Capture(cap) => return first_bytes_of(&cap.sub),
        HirKind::Concat(subs) => {
            for sub in subs {
                let (first, empty) = first_bytes_of(sub);
                for (all, one) in set.iter_mut().zip(first) {
                    *all |= one;
                }
                if !empty {
                    return (set, false);
                }
            }
            return (set, true);
        }
        HirKind::Alternation(subs) => {
            let mut any_empty = false;
            for sub in subs {
                let (first, empty) = first_bytes_of(sub);
                for (all, one) in set.iter_mut().zip(first) {
                    *all |= one;
                }
                any_empty |= empty;
            }
            return (set, any_empty);
        }
    }
    (set, false)
}

/// The longest literal every match of `hir` holds, of three bytes or more
/// (a literal inside a repetition that runs at least once, or a part of a
/// concatenation); `None` when no such literal is plain to see.
fn required_literal(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) => (lit.0.len() >= 3).then(|| lit.0.to_vec()),
        HirKind::Capture(cap) => required_literal(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required_literal(&rep.sub),
        HirKind::Concat(subs) => subs
            .iter()
            .filter_map(required_literal)
            .max_by_key(Vec::len),
        _ => None,
    }
}

fn builder() -> meta::Builder {
    let mut b = meta::Regex::builder();
    b.syntax(regex_automata::util::syntax::Config::new().multi_line(true))
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .hybrid_cache_capacity(REGEX_SIZE_LIMIT)
                // Only a match's span is read: the groups inside the
                // patterns need no capture states.
                .which_captures(WhichCaptures::Implicit),
        );
    b
}

/// The line-start group's: searched anchored at a line start only, where
/// neither a literal prefilter nor a one-pass automaton pays for its
/// compile.
fn anchored_builder() -> meta::Builder {
    let mut b = builder();
    b.configure(meta::Config::new().auto_prefilter(false).onepass(false));
    b
}

fn group(hirs: &[Hir], builder: fn() -> meta::Builder) -> Vec<meta::Regex> {
    if hirs.len() > 1 {
        let alternation = Hir::alternation(hirs.to_vec());
        if let Ok(re) = builder().build_from_hir(&alternation) {
            return vec![re];
        }
    }
    hirs.iter()
        .filter_map(|h| builder().build_from_hir(h).ok())
        .collect()
}

/// Longer pattern sources are refused before the regex parser sees them.
pub const MAX_PATTERN_BYTES: usize = 64 << 10;

pub fn compile_regex(cx: &mut Compiler<'_>, pattern: &str, span: Range<usize>) -> Option<Regex> {
    if pattern.len() > MAX_PATTERN_BYTES {
        cx.error(
            span,
            format!(
                "regex is {} bytes, more than the {MAX_PATTERN_BYTES}-byte limit",
                pattern.len()
            ),
        );
        return None;
    }
    match RegexBuilder::new(pattern)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_CACHE_LIMIT)
        .build()
    {
        Ok(re) => {
            if cx.regex_memory.exceeded {
                return None;
            }
            cx.regex_memory.used += regex_cost(pattern);
            if cx.regex_memory.used > MAX_REGEX_MEMORY {
                cx.regex_memory.exceeded = true;
                cx.error_help(
                    span,
                    format!(
                        "this regex takes the compiled regexes of all rules past {} MiB, the limit",
                        MAX_REGEX_MEMORY >> 20
                    ),
                    "fewer or simpler patterns: join word lists into `words`, or split the pack between configs",
                );
                return None;
            }
            Some(re)
        }
        Err(e) => {
            // The syntax error's last line names the problem; the span already points at the pattern.
            let text = e.to_string();
            let why = text
                .lines()
                .last()
                .unwrap_or(&text)
                .trim()
                .trim_start_matches("error: ");
            cx.error(span, format!("invalid regex: {why}"));
            None
        }
    }
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let scope = match &raw.scope {
        None => Scope::Prose,
        Some(s) => match SCOPES.iter().find(|(n, _)| n == s.get_ref()) {
            Some((_, scope)) => *scope,
            None => {
                let names: Vec<_> = SCOPES.iter().map(|(n, _)| *n).collect();
                cx.error_help(
                    s.span(),
                    format!("unknown scope `{}`", s.get_ref()),
                    format!("a scope is one of: {}", names.join(", ")),
                );
                return None;
            }
        },
    };
    let mut sources = Vec::new();
    if let Some(p) = raw.pattern {
        sources.push(p);
    }
    if let Some(ps) = raw.patterns {
        sources.extend(ps.into_inner());
    }
    let mut ok = true;
    let mut patterns = Vec::new();
    for p in sources {
        // The shipped packs' patterns are compiled by a test instead
        // (`every_shipped_pattern_compiles`): at start-up they cost tens of
        // milliseconds, most of them for languages a run never meets.
        if cx.trusted || compile_regex(cx, p.get_ref(), p.span()).is_some() {
            patterns.push(p.into_inner());
        } else {
            ok = false;
        }
    }
    let words: HashSet<TermId> = raw
        .words
        .map(|w| w.into_inner())
        .unwrap_or_default()
        .iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| cx.lexicon.add(w, CaseMode::Insensitive))
        .collect();
    if ok && patterns.is_empty() && words.is_empty() {
        cx.error(
            cx.id.clone(),
            "an `existence` rule needs `pattern`, `patterns` or `words`",
        );
        return None;
    }
    ok.then(|| {
        Box::new(Existence {
            meta,
            scope,
            sources: patterns,
            search: OnceLock::new(),
            words,
        }) as Box<dyn Rule>
    })
}

fn scope_ranges(doc: &Document<'_>, scope: Scope) -> Vec<Range<usize>> {
    let first_last = |last: bool| {
        let p = if last {
            doc.paragraphs.last()
        } else {
            doc.paragraphs.first()
        };
        p.map(|p| {
            let text = doc.slice(p);
            let line = if last {
                text.lines().last()
            } else {
                text.lines().next()
            }
            .unwrap_or("");
            let start = if last { p.end - line.len() } else { p.start };
            start..start + line.len()
        })
        .into_iter()
        .collect()
    };
    match scope {
        Scope::Prose => doc.paragraphs.clone(),
        Scope::Document => std::iter::once(0..doc.text.len()).collect(),
        Scope::Headline => doc.headline.clone().into_iter().collect(),
        Scope::AboveHeadline => doc.masthead.iter().map(|m| m.range.clone()).collect(),
        Scope::FirstLine => first_last(false),
        Scope::LastLine => first_last(true),
    }
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        r
    } else {
        r.start + lead..r.end - trail
    }
}

impl Rule for Existence {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let ranges = scope_ranges(doc, self.scope);
        let mut found = Vec::new();
        if !self.sources.is_empty() {
            let search = self.search.get_or_init(|| Search::parse(&self.sources));
            for r in &ranges {
                let text = doc.slice(r);
                let mut push = |m: Range<usize>| {
                    if !m.is_empty() {
                        found.push(trimmed(doc.text, r.start + m.start..r.start + m.end));
                    }
                };
                if !search.other.is_empty() {
                    for re in search.anywhere() {
                        re.find_iter(text).for_each(|m| push(m.range()));
                    }
                }
                search.at_line_starts(text, &mut push);
            }
        }
        if !self.words.is_empty() {
            for hit in &resolve(cx.hits(), |t| self.words.contains(&t)) {
                if self.words.contains(&hit.term)
                    && ranges
                        .iter()
                        .any(|r| r.start <= hit.range.start && hit.range.end <= r.end)
                {
                    found.push(hit.range.clone());
                }
            }
        }
        found.sort_by_key(|r| (r.start, r.end));
        found.dedup_by(|b, a| b.start < a.end);
        for r in found {
            let text = doc.slice(&r);
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", text)]),
                None => format!("'{text}' should not appear in an article"),
            };
            out.push(self.meta.diag(r, message));
        }
    }
}

#[cfg(test)]
mod shipped_tests {
    use super::*;

    /// The shipped packs' patterns are compiled lazily (see `compile`), so
    /// this is where a broken one is caught: each alone within the limits,
    /// and each rule's line-start and floating groups as one alternation.
    #[test]
    fn line_start_patterns_are_told_apart() {
        let sources = [
            "(?im)^[ \t]*(?:Share|Tweet)[ \t]*$".to_owned(),
            "(?m)^Read also:|^See also:".to_owned(),
            "\\(, -".to_owned(),
            "(?m)^a|b".to_owned(),
        ];
        let (line, other) = partition(&sources);
        let hir = |i: usize| parse(&sources[i]).expect("a test pattern parses");
        assert_eq!(line, [hir(0), hir(1)]);
        assert_eq!(other, [hir(2), hir(3)]);
        assert!(!line.iter().any(can_match_line_break));
        let crossing = parse("(?m)^Share\\s+this").expect("parses");
        assert!(can_match_line_break(&crossing));
    }

    /// The runs, each searched only at lines that can open it, find what
    /// one alternation of all the line-start patterns finds at each line.
    #[test]
    fn runs_find_what_one_alternation_finds() {
        let sources: Vec<String> = [
            "(?m)^[ \t]*(?:Read also|See also)[ \t]*:",
            "(?im)^[ \t]*(?:[•·▪►][ \t]*)?(?:Share|Share this|Leave a Reply)[ \t]*[.:]?[ \t]*$",
            "(?im)^[ \t]*(?:This site uses cookies|Sign up to receive)\\b[^\n]*$",
            "(?m)^(?:[^\n]{1,40}? on (?:Facebook|Twitter)[ \t]*){2,}[ \t]*$",
            "(?m)^Share on Facebook",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let text = "Read also: the report\nShare\n• Leave a reply.\nThis site uses cookies — и не только\n\
                    Example on Facebook Example on Twitter\nShare on Facebook Share on Twitter\n\
                    He did not leave a reply.\nСайт on Facebook Сайт on Twitter\nSee also:\n";
        let search = Search::parse(&sources);
        assert!(search.runs.len() >= 3, "{}", search.runs.len());
        assert!(search.within_line);
        let mut by_runs = Vec::new();
        search.at_line_starts(text, |m| by_runs.push(m));
        let one = builder()
            .build(
                &sources
                    .iter()
                    .map(|p| format!("(?:{p})"))
                    .collect::<Vec<_>>()
                    .join("|"),
            )
            .expect("the test patterns compile");
        let mut by_one = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(m) = one.search(&input) {
                by_one.push(m.range());
            }
            start += line.len();
        }
        assert_eq!(by_runs, by_one);
        assert_eq!(by_runs.len(), 8, "{by_runs:?}");
    }

    #[test]
    fn a_required_literal_is_one_every_match_holds() {
        let lit = |src: &str| required_literal(&parse(src).expect("parses"));
        assert_eq!(
            lit("(?m)^(?:[^\n]{1,40}? on (?:Facebook|Twitter)[ \t]*){2,}$").as_deref(),
            Some(&b" on "[..])
        );
        assert_eq!(
            lit("(?m)^I am [A-Z][a-z]+, a writer").as_deref(),
            Some(&b", a writer"[..])
        );
        // Optional, one of several, or folded to classes by `(?i)`: none.
        assert_eq!(lit("(?m)^(?: on Facebook)?x"), None);
        assert_eq!(lit("(?m)^(?:Share this|Tweet this)"), None);
        assert_eq!(lit("(?im)^Share this"), None);
    }

    #[test]
    fn first_bytes_skip_what_cannot_open_a_match() {
        let hir = parse("(?im)^[ \t]*(?:[•·][ \t]*)?(?:Share|Tweet)").expect("parses");
        let (set, empty) = first_bytes_of(&hir);
        let has = |b: u8| set[usize::from(b >> 6)] >> (b & 63) & 1 == 1;
        assert!(!empty);
        for b in [b' ', b'\t', b's', b'S', b't', b'T', 0xE2, 0xC2] {
            assert!(has(b), "{b:#x}");
        }
        for b in [b'H', b'h', b'1', b'\n', 0xD0] {
            assert!(!has(b), "{b:#x}");
        }
        let (_, empty) = first_bytes_of(&parse("(?m)^[ \t]*").expect("parses"));
        assert!(empty);
    }

    #[test]
    fn every_shipped_pattern_compiles() {
        let mut checked = 0;
        for (name, text) in crate::packs::SHIPPED {
            let table: toml::Table = toml::from_str(text).expect("a shipped pack parses");
            let rules = table.get("rule").and_then(|r| r.as_array());
            for rule in rules.into_iter().flatten() {
                if rule.get("kind").and_then(|k| k.as_str()) != Some("existence") {
                    continue;
                }
                let mut sources: Vec<String> = Vec::new();
                if let Some(p) = rule.get("pattern").and_then(|p| p.as_str()) {
                    sources.push(p.to_owned());
                }
                for p in rule
                    .get("patterns")
                    .and_then(|p| p.as_array())
                    .into_iter()
                    .flatten()
                {
                    sources.push(p.as_str().expect("a pattern is a string").to_owned());
                }
                for src in &sources {
                    assert!(
                        builder().build(src).is_ok()
                            && RegexBuilder::new(src)
                                .multi_line(true)
                                .size_limit(REGEX_SIZE_LIMIT)
                                .build()
                                .is_ok(),
                        "{name}: {src}"
                    );
                    checked += 1;
                }
                let (line, other) = partition(&sources);
                assert_eq!(line.len() + other.len(), sources.len(), "{name}");
                let search = Search::parse(&sources);
                // One alternation per run: the catalogue is one pass.
                for run in &search.runs {
                    assert_eq!(run.regexes().len(), 1, "{name}");
                }
                assert_eq!(
                    search.anywhere().len(),
                    usize::from(!other.is_empty()),
                    "{name}"
                );
            }
        }
        assert!(checked > 20, "{checked} patterns");
    }
}
