//! `conditional`: if the `if` pattern appears, the `then` pattern must too,
//! anywhere in the article or before the first `if` (an acronym defined
//! before its first use). In `then`, `$1` stands for the text of the `if`
//! pattern's first capture group, escaped.

use std::collections::HashSet;

use regex::Regex;
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
    then: String,
    before: bool,
    ignore: HashSet<String>,
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
    // `then` is compiled per capture at check time; check now that it compiles with a sample.
    compile_regex(cx, &then.get_ref().replace("$1", "X"), then.span())?;
    let ignore = raw
        .ignore
        .map(|i| i.into_inner())
        .unwrap_or_default()
        .into_iter()
        .collect();
    Some(Box::new(Conditional {
        meta,
        when: when_re,
        then: then.into_inner(),
        before,
        ignore,
    }))
}

impl Rule for Conditional {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let mut seen: HashSet<String> = HashSet::new();
        for p in &doc.paragraphs {
            for caps in self.when.captures_iter(doc.slice(p)) {
                let Some(m) = caps.get(0) else { continue };
                let key = caps.get(1).map_or(m.as_str(), |c| c.as_str()).to_owned();
                if m.is_empty() || self.ignore.contains(&key) || !seen.insert(key.clone()) {
                    continue; // only the first use of each captured text matters
                }
                let Ok(then) =
                    regex::RegexBuilder::new(&self.then.replace("$1", &regex::escape(&key)))
                        .multi_line(true)
                        .size_limit(REGEX_SIZE_LIMIT)
                        .dfa_size_limit(REGEX_SIZE_LIMIT)
                        .build()
                else {
                    continue;
                };
                let at = p.start + m.start();
                // "Before" allows the definition to wrap the first use: "… Organization (CSTO)".
                let end = floor_char_boundary(doc.text, p.start + m.end() + 1);
                let hay = if self.before {
                    &doc.text[..end]
                } else {
                    doc.text
                };
                if then.is_match(hay) {
                    continue;
                }
                let range = at..p.start + m.end();
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", m.as_str())]),
                    None if self.before => {
                        format!("'{}' is used before it is introduced", m.as_str())
                    }
                    None => format!("'{}' appears, but what it requires does not", m.as_str()),
                };
                out.push(self.meta.diag(range, message));
            }
        }
    }
}
