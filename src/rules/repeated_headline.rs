//! `repeated-headline`: the last non-empty line repeats the headline, which
//! scrapers leave when they take the page title twice.

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// A `repeated-headline` rule has no fields of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct RepeatedHeadline {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(RepeatedHeadline { meta }))
}

fn normalized(s: &str) -> String {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?'))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Rule for RepeatedHeadline {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let (Some(headline), Some(last_para)) = (&doc.headline, doc.paragraphs.last()) else {
            return;
        };
        let para = doc.slice(last_para);
        let last_line = para.lines().last().unwrap_or("").trim_end();
        let start = last_para.end - (para.len() - para.trim_end().len()) - last_line.len();
        let last = start..start + last_line.len();
        if last.start <= headline.start
            || normalized(doc.slice(&last)) != normalized(doc.slice(headline))
        {
            return;
        }
        let message = match &self.meta.message {
            Some(t) => render(t, &[("found", doc.slice(&last))]),
            None => "the last line repeats the headline".to_owned(),
        };
        out.push(
            self.meta
                .diag(last, message)
                .with_label(headline.clone(), "the headline")
                .with_help("delete the repeated line")
                .with_fix(String::new(), Applicability::Unsafe),
        );
    }
}
