//! `occurrence`: a term used more than `max` (or fewer than `min`) times in
//! an article, or a sentence longer than `max-words` words.

use std::collections::HashSet;
use std::ops::Range;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::existence::compile_regex;
use super::lexicon::{resolve, CaseMode, TermId};
use super::text::render;
use super::{Context, Rule, Sink};

/// The fields of an `occurrence` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    words: Option<Spanned<Vec<String>>>,
    pattern: Option<Spanned<String>>,
    max: Option<Spanned<i64>>,
    min: Option<Spanned<i64>>,
    max_words: Option<Spanned<i64>>,
}

pub struct Occurrence {
    meta: RuleMeta,
    words: HashSet<TermId>,
    pattern: Option<Regex>,
    max: Option<usize>,
    min: Option<usize>,
    max_words: Option<usize>,
}

fn count(
    cx: &mut Compiler<'_>,
    v: Option<toml::Spanned<i64>>,
    field: &str,
) -> Result<Option<usize>, ()> {
    match v {
        None => Ok(None),
        Some(n) if *n.get_ref() >= 0 && *n.get_ref() <= 1_000_000 => {
            Ok(Some(*n.get_ref() as usize))
        }
        Some(n) => {
            cx.error(
                n.span(),
                format!("`{field}` must be a count from 0 to 1000000"),
            );
            Err(())
        }
    }
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let (max, min, max_words) = (
        count(cx, raw.max, "max"),
        count(cx, raw.min, "min"),
        count(cx, raw.max_words, "max-words"),
    );
    let (Ok(max), Ok(min), Ok(max_words)) = (max, min, max_words) else {
        return None;
    };
    let pattern = match raw.pattern {
        Some(p) => Some(compile_regex(cx, p.get_ref(), p.span())?),
        None => None,
    };
    let words: HashSet<TermId> = raw
        .words
        .map(|w| w.into_inner())
        .unwrap_or_default()
        .iter()
        .map(|w| cx.lexicon.add(w, CaseMode::Insensitive))
        .collect();
    let has_term = pattern.is_some() || !words.is_empty();
    if max_words.is_none() && !(has_term && (max.is_some() || min.is_some())) {
        cx.error(
            cx.id.clone(),
            "an `occurrence` rule needs `max-words`, or `words`/`pattern` with `max` or `min`",
        );
        return None;
    }
    Some(Box::new(Occurrence {
        meta,
        words,
        pattern,
        max,
        min,
        max_words,
    }))
}

impl Rule for Occurrence {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        if let Some(limit) = self.max_words {
            for s in &doc.sentences {
                let n = doc.word_index_from(s.end) - doc.word_index_from(s.start);
                if n > limit {
                    let count = n.to_string();
                    let message = match &self.meta.message {
                        Some(t) => render(
                            t,
                            &[
                                ("found", ""),
                                ("count", &count),
                                ("max", &limit.to_string()),
                            ],
                        ),
                        None => format!("this sentence has {n} words, more than {limit}"),
                    };
                    let first_word = doc.words[doc.word_index_from(s.start)].range();
                    out.push(
                        self.meta
                            .diag(first_word, message)
                            .with_help("split the sentence"),
                    );
                }
            }
        }
        if self.max.is_none() && self.min.is_none() {
            return;
        }
        let mut found: Vec<Range<usize>> = resolve(cx.hits(), |t| self.words.contains(&t))
            .into_iter()
            .map(|h| h.range.clone())
            .collect();
        if let Some(re) = &self.pattern {
            for p in &doc.paragraphs {
                found.extend(
                    re.find_iter(doc.slice(p))
                        .filter(|m| !m.is_empty())
                        .map(|m| p.start + m.start()..p.start + m.end()),
                );
            }
        }
        found.sort_by_key(|r| r.start);
        let n = found.len();
        let render_msg = |found: &str, default: String| match &self.meta.message {
            Some(t) => render(
                t,
                &[
                    ("found", found),
                    ("count", &n.to_string()),
                    ("max", &self.max.map_or(String::new(), |m| m.to_string())),
                    ("min", &self.min.map_or(String::new(), |m| m.to_string())),
                ],
            ),
            None => default,
        };
        if let Some(max) = self.max {
            if n > max {
                for r in &found[max..] {
                    let text = doc.slice(r);
                    let mut d = self.meta.diag(
                        r.clone(),
                        render_msg(text, format!("'{text}' is used {n} times, more than {max}")),
                    );
                    if let Some(first) = found.first() {
                        d = d.with_label(first.clone(), "first use");
                    }
                    out.push(d);
                }
            }
        }
        if let Some(min) = self.min {
            if n < min {
                let at = doc
                    .headline
                    .clone()
                    .or_else(|| doc.paragraphs.first().cloned())
                    .unwrap_or(0..0);
                let at = at.start..at.start;
                out.push(self.meta.diag(
                    at,
                    render_msg("", format!("used {n} times, fewer than {min}")),
                ));
            }
        }
    }
}
