//! `existence`: a regex or a phrase list that should not appear, within a
//! scope of the document (prose, headline, the lines above the headline …).

use std::collections::HashSet;
use std::ops::Range;

use regex::{Regex, RegexBuilder};
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
    patterns: Vec<Regex>,
    /// The patterns as one alternation, when there are several and it
    /// compiles within the limits: one scan of each part instead of one per
    /// pattern (a catalogue of a dozen line patterns).
    combined: Option<Regex>,
    words: HashSet<TermId>,
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
        match compile_regex(cx, p.get_ref(), p.span()) {
            Some(re) => patterns.push(re),
            None => ok = false,
        }
    }
    let combined = (patterns.len() > 1)
        .then(|| {
            let alternation: Vec<String> = patterns
                .iter()
                .map(|p| format!("(?:{})", p.as_str()))
                .collect();
            RegexBuilder::new(&alternation.join("|"))
                .multi_line(true)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_SIZE_LIMIT)
                .build()
                .ok()
        })
        .flatten();
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
            patterns,
            combined,
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
        for r in &ranges {
            let text = doc.slice(r);
            // One pass of the set finds which patterns match this part at
            // all; only those run again for their matches.
            let one;
            let patterns = match &self.combined {
                Some(c) => {
                    one = [c];
                    &one[..]
                }
                None => &self.patterns.iter().collect::<Vec<_>>()[..],
            };
            for re in patterns {
                for m in re.find_iter(text) {
                    if !m.is_empty() {
                        found.push(trimmed(doc.text, r.start + m.start()..r.start + m.end()));
                    }
                }
            }
        }
        if !self.words.is_empty() {
            for hit in &resolve(cx.hits, |t| self.words.contains(&t)) {
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
