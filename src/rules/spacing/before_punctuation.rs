//! `space-before-punctuation`: a space between a word and the `,` `.` `;`
//! `:` `!` `?` after it (`Pushilin ,`, `the regional center .`). Marks the
//! language sets after a space (French `;` `:` `!` `?`, profile
//! `typography.space-before`) are left alone; so are a leading decimal
//! point (` .5`), an ellipsis, a domain (` .com`) and an emoticon.

use serde::Deserialize;

use crate::diagnostic::Applicability;
use crate::rules::compile::{Compiler, RuleMeta};
use crate::rules::text::render;
use crate::rules::{Context, Rule, Sink};

/// A `space-before-punctuation` rule reads the language's conventions from its profile.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {}

pub struct SpaceBeforePunctuation {
    meta: RuleMeta,
}

pub fn compile(_: &mut Compiler<'_>, _: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(SpaceBeforePunctuation { meta }))
}

impl Rule for SpaceBeforePunctuation {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let spaced = &cx.doc.language.profile().typography.space_before;
        let text = cx.doc.text;
        let bytes = text.as_bytes();
        for para in &cx.doc.paragraphs {
            // A mark with a space before it: found from the spaces, each
            // asked about the byte after it.
            // The marks are rarer than spaces: found with memchr, then the
            // byte before each is asked.
            let hay = &bytes[para.clone()];
            let marks = memchr::memchr3_iter(b',', b'.', b';', hay)
                .chain(memchr::memchr3_iter(b':', b'!', b'?', hay));
            for at in marks {
                if at == 0 || hay[at - 1] != b' ' {
                    continue;
                }
                let i = para.start + at;
                let b = hay[at];
                let mark = b as char;
                if spaced.contains(&mark) || !cx.doc.written_space(i - 1) {
                    continue;
                }
                // The spaces before (written ones: markup blanked to spaces is
                // not the article's), and the word they follow.
                let mut start = i - 1;
                while start > para.start && cx.doc.written_space(start - 1) {
                    start -= 1;
                }
                if start <= para.start {
                    continue;
                }
                // Past markup blanked to spaces (`**word** ,`).
                let Some(word_end) = text[..start].trim_end_matches(' ').chars().next_back() else {
                    continue;
                };
                // After a word, a closing bracket or quotation mark; not after a dash or a bullet.
                if !(word_end.is_alphanumeric()
                    || matches!(word_end, ')' | ']' | '”' | '"' | '»' | '’' | '“'))
                {
                    continue;
                }
                // What follows: a space, the end, a closing mark; not a letter or
                // digit glued on (` .5`, ` .com`, ` :)`), nor more of the mark (` ...`).
                let next = text[i + 1..].chars().next();
                if next.is_some_and(|c| {
                    c.is_alphanumeric() || c == b as char || matches!(c, ')' | '(' | '-' | '/')
                }) {
                    continue;
                }
                let range = start..i + 1;
                let message = match &self.meta.message {
                    Some(t) => render(t, &[("found", cx.doc.slice(&range))]),
                    None => format!("space before '{mark}'"),
                };
                out.push(
                    self.meta
                        .diag(range, message)
                        .with_help("delete the space")
                        .with_fix(mark.to_string(), Applicability::Safe),
                );
            }
        }
    }
}
