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
//! Cheap filters come first, so that whatlang runs on few sentences: a look
//! for tokens of another script (the Document knows each token's), and a count
//! of function words — only a sentence holding more of another language's
//! (of the same script) than of the article language's is asked about.

mod gloss;
mod pass;
mod runs;
mod scripts;
mod stretches;
mod tokens;
mod words;

use std::cell::RefCell;

use super::compile::{Compiler, RuleMeta};
use super::{Context, Rule, Sink};
use pass::Pass;
use scripts::{home_script, majority_script};
use words::{list_bit, lists_in};

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

impl Rule for Untranslated {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let pass = Pass {
            rule: self,
            doc,
            lang: doc.language,
            home: home_script(doc.language).unwrap_or_else(|| majority_script(doc)),
            mine: list_bit(doc.language),
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
