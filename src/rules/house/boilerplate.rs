//! `house-boilerplate`: lines the archive prints in so many articles that
//! they are the site's, not the article's (a subscription plea, a channel
//! link, a standard sign-off), as `galley house` found them. An editor
//! marks a line `keep = true` when it belongs in the articles; every other
//! listed line is reported where an article holds it, with its deletion as
//! an unsafe fix.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::archive_note;
use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::{Context, Rule, Sink};

/// The fields of a `house-boilerplate` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    archive_articles: Option<Spanned<i64>>,
    line: Option<Vec<Spanned<RawLine>>>,
}

/// One `[[rule.line]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLine {
    text: Spanned<String>,
    #[serde(default)]
    articles: i64,
    #[serde(default)]
    keep: bool,
}

pub struct HouseBoilerplate {
    meta: RuleMeta,
    archive: Option<u64>,
    /// Trimmed line → the articles that print it.
    lines: HashMap<String, i64>,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let archive = cx
        .bounded(
            raw.archive_articles,
            "archive-articles",
            0..=u32::MAX as usize,
            0,
        )
        .map(|n| n as u64);
    let mut ok = archive.is_some();
    let mut lines = HashMap::new();
    for l in raw.line.unwrap_or_default() {
        let l = l.into_inner();
        let text = l.text.get_ref().trim();
        if text.is_empty() || text.contains('\n') {
            cx.error(l.text.span(), "a boilerplate line is one non-empty line");
            ok = false;
            continue;
        }
        if !l.keep {
            lines.insert(text.to_owned(), l.articles);
        }
    }
    ok.then(|| {
        Box::new(HouseBoilerplate {
            meta,
            archive: archive.filter(|&n| n > 0),
            lines,
        }) as Box<dyn Rule>
    })
}

impl Rule for HouseBoilerplate {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        if self.lines.is_empty() {
            return;
        }
        let text = cx.doc.text;
        let mut start = cx.doc.body_start.min(text.len());
        while start < text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let line = &text[start..end];
            let trimmed = line.trim();
            if let Some(&articles) = self.lines.get(trimmed) {
                let lead = line.len() - line.trim_start().len();
                let at = start + lead..start + lead + trimmed.len();
                let with_break = start..(end + 1).min(text.len());
                out.push(
                    self.meta
                        .diag(at, "this line is the site's, not the article's".into())
                        .with_note(format!(
                            "the house pack lists it as boilerplate: {articles} articles print it{}",
                            archive_note(self.archive)
                        ))
                        .with_help("delete the line (or mark it `keep = true` in the house pack)")
                        .with_fix_at(with_break, "", Applicability::Unsafe),
                );
            }
            start = end + 1;
        }
    }
}
