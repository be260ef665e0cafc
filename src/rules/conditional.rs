//! `conditional`: if the `if` pattern appears, the `then` pattern must too,
//! anywhere in the article or before the first `if` (an acronym defined
//! before its first use). In `then`, `$1` stands for the text of the `if`
//! pattern's first capture group, escaped.
//!
//! Linear in the article: `then` is compiled once, not once per captured
//! word. `$1` stands in `then`'s top-level sequence (`BEFORE $1 AFTER`), so a
//! match of `then` for the word `k` is an occurrence of `k` with `BEFORE`
//! matching up to it and `AFTER` from it: one Aho–Corasick pass finds every
//! occurrence of every captured word, a reverse lazy DFA tries `BEFORE`
//! backwards from each (anchored: it stops where `BEFORE` can no longer
//! match), and an anchored search tries `AFTER` forwards. Before, each
//! captured word compiled its own regex and rescanned the article: 21 s on
//! an 18 KB article (issue 19).

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{meta, util::syntax, Anchored, Input};
use regex_syntax::ast::{self, Ast};
use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::existence::{compile_regex, REGEX_SIZE_LIMIT};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::document::floor_char_boundary;

/// The fields of a `conditional` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    #[serde(rename = "if")]
    if_: Option<Spanned<String>>,
    then: Option<Spanned<String>>,
    position: Option<Spanned<String>>,
    ignore: Option<Spanned<Vec<String>>>,
}

pub struct Conditional {
    meta: RuleMeta,
    when: Regex,
    then: Then,
    /// `then` as written, for the words the one pass cannot settle.
    then_source: String,
    before: bool,
    ignore: HashSet<String>,
}

/// `then`, compiled once.
enum Then {
    /// No `$1`: one pattern for every captured word.
    Fixed {
        re: meta::Regex,
        earliest: Box<DFA>,
        /// The pattern reversed: a match that ends where the text is cut
        /// (`position = "before"`), which only the cut can create (`$`, `\b`).
        reverse: Box<DFA>,
    },
    /// `BEFORE $1 AFTER`.
    Split {
        /// `BEFORE`, reversed; `None` when empty.
        before: Option<Box<DFA>>,
        /// `AFTER` (with the flags `BEFORE` set), searched anchored.
        after: meta::Regex,
        /// `(?i)` in force at `$1`: words are found ignoring ASCII case.
        case_insensitive: bool,
    },
}

fn syntax_config() -> syntax::Config {
    syntax::Config::new().multi_line(true)
}

fn meta_regex(pattern: &str) -> Result<meta::Regex, String> {
    meta::Regex::builder()
        .syntax(syntax_config())
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .hybrid_cache_capacity(REGEX_SIZE_LIMIT),
        )
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// A lazy DFA of `pattern`, forward or reverse; Unicode word boundaries are
/// handled on ASCII text and make a search give up on other text (the
/// caller then searches the slow way).
fn lazy_dfa(pattern: &str, reverse: bool) -> Result<DFA, String> {
    DFA::builder()
        .syntax(syntax_config())
        .thompson(
            thompson::Config::new()
                .reverse(reverse)
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
        )
        .configure(
            DFA::config()
                .unicode_word_boundary(true)
                .cache_capacity(REGEX_SIZE_LIMIT),
        )
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// Where `$1` splits `then`, and the flags set before it; an error when
/// `$1` is not in `then`'s top-level sequence (inside a group or one branch
/// of an alternation it cannot be split) or appears more than once.
fn split(then: &str) -> Result<Option<(usize, String, bool)>, String> {
    let Some(at) = then.find("$1") else {
        return Ok(None);
    };
    if then[at + 2..].contains("$1") {
        return Err("`$1` appears more than once in `then`".into());
    }
    // `$1` as a placeholder literal, so the parser says where it stands.
    const MARK: char = '\u{10fffd}';
    let marked = format!("{}{MARK}{}", &then[..at], &then[at + 2..]);
    let parsed = ast::parse::Parser::new()
        .parse(&marked)
        .map_err(|e| format!("invalid regex: {}", e.kind()))?;
    let is_mark = |a: &Ast| matches!(a, Ast::Literal(l) if l.c == MARK);
    let items: Vec<&Ast> = match &parsed {
        Ast::Concat(c) => c.asts.iter().collect(),
        a => vec![a],
    };
    let Some(pos) = items.iter().position(|a| is_mark(a)) else {
        return Err(
            "`$1` must stand in `then`'s top-level sequence, not inside a group or an alternation"
                .into(),
        );
    };
    // Flags set before `$1` (`(?i)`) hold for the word and what follows it.
    let mut flags = String::new();
    let mut case_insensitive = false;
    for a in &items[..pos] {
        if let Ast::Flags(f) = a {
            flags.push_str(&marked[f.span.start.offset..f.span.end.offset]);
            let mut negate = false;
            for item in &f.flags.items {
                match item.kind {
                    ast::FlagsItemKind::Negation => negate = true,
                    ast::FlagsItemKind::Flag(ast::Flag::CaseInsensitive) => {
                        case_insensitive = !negate;
                    }
                    ast::FlagsItemKind::Flag(_) => {}
                }
            }
        }
    }
    Ok(Some((at, flags, case_insensitive)))
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let (Some(when), Some(then)) = (raw.if_, raw.then) else {
        cx.error(
            cx.id.clone(),
            "a `conditional` rule needs `if` and `then` patterns",
        );
        return None;
    };
    let before = match raw.position.as_ref().map(|p| p.get_ref().as_str()) {
        None | Some("anywhere") => false,
        Some("before") => true,
        Some(_) => {
            if let Some(p) = &raw.position {
                cx.error_help(
                    p.span(),
                    "invalid `position`",
                    "a position is \"before\" or \"anywhere\"",
                );
            }
            return None;
        }
    };
    let when_re = compile_regex(cx, when.get_ref(), when.span())?;
    // The whole of `then` with a sample word: its errors (and its size, in
    // the run's regex budget) are reported as for any pattern.
    compile_regex(cx, &then.get_ref().replace("$1", "X"), then.span())?;
    let compiled = compile_then(then.get_ref());
    let then_compiled = match compiled {
        Ok(t) => t,
        Err(why) => {
            cx.error_help(
                then.span(),
                why,
                "write `then` as BEFORE$1AFTER, e.g. '\\(\\s*$1\\s*\\)'",
            );
            return None;
        }
    };
    let ignore = raw
        .ignore
        .map(|i| i.into_inner())
        .unwrap_or_default()
        .into_iter()
        .collect();
    Some(Box::new(Conditional {
        meta,
        when: when_re,
        then: then_compiled,
        then_source: then.into_inner(),
        before,
        ignore,
    }))
}

fn compile_then(then: &str) -> Result<Then, String> {
    Ok(match split(then)? {
        None => Then::Fixed {
            re: meta_regex(then)?,
            earliest: Box::new(lazy_dfa(then, false)?),
            reverse: Box::new(lazy_dfa(then, true)?),
        },
        Some((at, flags, case_insensitive)) => {
            let (b, a) = (&then[..at], &then[at + 2..]);
            let nonempty = !b.is_empty();
            Then::Split {
                before: nonempty
                    .then(|| lazy_dfa(b, true).map(Box::new))
                    .transpose()?,
                after: meta_regex(&format!("{flags}(?:{a})"))?,
                case_insensitive,
            }
        }
    })
}

/// The first use of one captured word.
struct FirstUse {
    key: String,
    found: Range<usize>,
    /// `then` must match within `text[..limit]` (`position = "before"`), else anywhere.
    limit: usize,
}

impl Conditional {
    /// The rule as it was before issue 19, for one word: `then` with the
    /// word in it, compiled and searched. Only where the lazy DFA gives up
    /// (a Unicode `\b` in `BEFORE` beside non-ASCII text).
    fn slow(&self, text: &str, u: &FirstUse) -> bool {
        regex::RegexBuilder::new(&self.then_source.replace("$1", &regex::escape(&u.key)))
            .multi_line(true)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(super::existence::REGEX_CACHE_LIMIT)
            .build()
            .is_ok_and(|re| re.is_match(&text[..u.limit]))
    }

    /// Which first uses `then` is satisfied for, in one pass over the text.
    fn satisfied(&self, text: &str, uses: &[FirstUse]) -> Vec<bool> {
        match &self.then {
            Then::Fixed {
                re,
                earliest,
                reverse,
            } => {
                // The earliest end of any match: a limit at or past it is satisfied.
                let end = earliest
                    .try_search_fwd(
                        &mut earliest.create_cache(),
                        &Input::new(text).earliest(true),
                    )
                    .map(|m| m.map(|m| m.offset()));
                let mut cache = reverse.create_cache();
                uses.iter()
                    .map(|u| match end {
                        Ok(Some(e)) if e <= u.limit => true,
                        Ok(_) if u.limit == text.len() => false,
                        // Cut short: a match may end right at the cut.
                        Ok(_) => reverse
                            .try_search_rev(
                                &mut cache,
                                &Input::new(&text[..u.limit]).anchored(Anchored::Yes),
                            )
                            .map_or_else(|_| re.is_match(&text[..u.limit]), |m| m.is_some()),
                        Err(_) => re.is_match(&text[..u.limit]),
                    })
                    .collect()
            }
            Then::Split {
                before,
                after,
                case_insensitive,
            } => {
                let mut ok = vec![false; uses.len()];
                let Ok(words) = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .ascii_case_insensitive(*case_insensitive)
                    .build(uses.iter().map(|u| u.key.as_bytes()))
                else {
                    return ok;
                };
                let mut cache = before.as_ref().map(|d| d.create_cache());
                for m in words.find_overlapping_iter(text) {
                    let i = m.pattern().as_usize();
                    let u = &uses[i];
                    if ok[i] || m.end() > u.limit {
                        continue;
                    }
                    let hay = &text[..u.limit];
                    let before_ok = match (before, cache.as_mut()) {
                        (Some(dfa), Some(cache)) => {
                            let input = Input::new(hay).range(..m.start()).anchored(Anchored::Yes);
                            match dfa.try_search_rev(cache, &input) {
                                Ok(found) => found.is_some(),
                                // Gave up (a Unicode word boundary beside non-ASCII text):
                                // `BEFORE` anchored at its end, the slow way.
                                // Gave up (a Unicode word boundary beside non-ASCII
                                // text): this word is checked the slow, exact way.
                                Err(_) => {
                                    ok[i] = self.slow(text, u);
                                    continue;
                                }
                            }
                        }
                        _ => true,
                    };
                    if before_ok
                        && after.is_match(Input::new(hay).range(m.end()..).anchored(Anchored::Yes))
                    {
                        ok[i] = true;
                    }
                }
                ok
            }
        }
    }
}

impl Rule for Conditional {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let mut seen: HashSet<String> = HashSet::new();
        let mut uses = Vec::new();
        for p in &doc.paragraphs {
            for caps in self.when.captures_iter(doc.slice(p)) {
                let Some(m) = caps.get(0) else { continue };
                let key = caps.get(1).map_or(m.as_str(), |c| c.as_str()).to_owned();
                if m.is_empty() || self.ignore.contains(&key) || !seen.insert(key.clone()) {
                    continue; // only the first use of each captured text matters
                }
                // "Before" allows the definition to wrap the first use: "… Organization (CSTO)".
                let limit = if self.before {
                    floor_char_boundary(doc.text, p.start + m.end() + 1)
                } else {
                    doc.text.len()
                };
                uses.push(FirstUse {
                    key,
                    found: p.start + m.start()..p.start + m.end(),
                    limit,
                });
            }
        }
        if uses.is_empty() {
            return;
        }
        for (u, ok) in uses.iter().zip(self.satisfied(doc.text, &uses)) {
            if ok {
                continue;
            }
            let found = &doc.text[u.found.clone()];
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", found)]),
                None if self.before => format!("'{found}' is used before it is introduced"),
                None => format!("'{found}' appears, but what it requires does not"),
            };
            out.push(self.meta.diag(u.found.clone(), message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule before issue 19: `then` compiled per captured word, the text rescanned.
    fn naive(then: &str, text: &str, key: &str, limit: usize) -> bool {
        regex::RegexBuilder::new(&then.replace("$1", &regex::escape(key)))
            .multi_line(true)
            .build()
            .is_ok_and(|re| re.is_match(&text[..limit]))
    }

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % below as u64) as usize
        }
    }

    #[test]
    fn one_pass_agrees_with_a_regex_per_word() {
        let thens = [
            r"\(\s*$1\s*\)",
            r"$1 \(",
            r"\w{3}$1",
            r"(?i)$1 stands",
            r"^$1",
            r"$1$",
            r"\b$1\b",
            r"[A-Z]+\s+\($1\)",
            r"full name",
            r"name\b",
            r"\)$",
            r"$1",
        ];
        let pieces = [
            "CSTO",
            "csto",
            "NATO",
            "(",
            ")",
            " (CSTO)",
            "Treaty",
            "stands",
            " ",
            "\n",
            "full name",
            "Минск",
            "ab",
            "abCSTO",
            "x",
        ];
        let keys = ["CSTO", "NATO", "ab", "Минск", "x"];
        let mut rng = Lcg(7);
        let when = Regex::new("x").unwrap();
        for then in thens {
            for _ in 0..300 {
                let text: String = (0..rng.next(40))
                    .map(|_| pieces[rng.next(pieces.len())])
                    .collect();
                for before in [false, true] {
                    let uses: Vec<FirstUse> = keys
                        .iter()
                        .map(|k| {
                            let limit = if before {
                                crate::document::floor_char_boundary(
                                    &text,
                                    rng.next(text.len() + 1),
                                )
                            } else {
                                text.len()
                            };
                            FirstUse {
                                key: (*k).into(),
                                found: 0..0,
                                limit,
                            }
                        })
                        .collect();
                    let rule = Conditional {
                        meta: crate::rules::compile::RuleMeta::for_tests("x/y", "conditional"),
                        when: when.clone(),
                        then: compile_then(then).unwrap(),
                        then_source: then.into(),
                        before,
                        ignore: HashSet::new(),
                    };
                    let got = rule.satisfied(&text, &uses);
                    for (u, g) in uses.iter().zip(got) {
                        assert_eq!(
                            g,
                            naive(then, &text, &u.key, u.limit),
                            "then {then:?} key {:?} limit {} before {before} in {text:?}",
                            u.key,
                            u.limit
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dollar_one_must_be_in_the_top_level_sequence() {
        assert!(compile_then(r"(a|$1)").is_err());
        assert!(compile_then(r"a|$1").is_err());
        assert!(compile_then(r"$1 $1").is_err());
        assert!(compile_then(r"(?i)\($1\)").is_ok());
    }
}
