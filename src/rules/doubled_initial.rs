//! `doubled-initial`: a lower-case word that opens with the same consonant
//! twice (`ddepends`), a key pressed twice. The language's words that open
//! so are listed in `allow` by their first two letters (English `ll`:
//! `llama`); vowels are left alone (`eerie`, `ooze`).

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{allow_lowercase, Compiler, RuleMeta};
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `doubled-initial` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    allow: Option<Spanned<Vec<String>>>,
}

pub struct DoubledInitial {
    meta: RuleMeta,
    allow: HashSet<String>,
}

pub fn compile(_: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(DoubledInitial {
        meta,
        allow: allow_lowercase(raw.allow),
    }))
}

/// The shortest word read: `mmHg` and `ssh` are units and commands.
const MIN_LEN: usize = 5;

impl Rule for DoubledInitial {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        for word in &cx.doc.words {
            // An ASCII word whose first two bytes differ is passed over unread.
            if let (Some(&x), Some(&y)) = (bytes.get(word.start), bytes.get(word.start + 1)) {
                if x.is_ascii() && x != y {
                    continue;
                }
            }
            let w = &text[word.range()];
            let mut chars = w.chars();
            let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
                continue;
            };
            if a != b
                || !a.is_lowercase()
                || matches!(a, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
                || w.chars().count() < MIN_LEN
                || !w.chars().all(char::is_lowercase)
            {
                continue;
            }
            let rest = &w[a.len_utf8()..];
            if self.allow.contains(&w[..a.len_utf8() * 2])
                || !rest.chars().any(|c| "aeiouy".contains(c))
            {
                continue;
            }
            let message = match &self.meta.message {
                Some(t) => render(t, &[("found", w)]),
                None => format!("'{w}' opens with '{a}' twice"),
            };
            out.push(
                self.meta
                    .diag(word.range(), message)
                    .with_help(format!("write '{rest}'"))
                    .with_fix(rest.to_owned(), Applicability::Unsafe),
            );
        }
    }
}
