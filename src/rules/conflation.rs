//! `conflation`: two different entities of one type run together in one
//! noun phrase (`the MC21 Sushoi Superjet`), which a translation produces
//! when it merges two names. Two names joined by a word such as `and`, or by
//! punctuation, are a list and stay silent.

use serde::Deserialize;
use toml::Spanned;

use super::attribute::required;
use super::compile::{Compiler, RuleMeta};
use super::text::{is_capitalized, plural, render};
use super::{Context, Rule, Sink};

/// The fields of a `conflation` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entity_type: Option<Spanned<String>>,
}

/// At most this many (capitalised) words between the two names.
const MAX_GAP_WORDS: usize = 2;

pub struct Conflation {
    meta: RuleMeta,
    entity_type: String,
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let entity_type = required(cx, meta.kind, "entity-type", raw.entity_type.as_ref())?;
    Some(Box::new(Conflation { meta, entity_type }))
}

fn run_together(gap: &str) -> bool {
    // A handful of capitalised words at most; a long gap is not worth reading.
    if gap.is_empty() || gap.len() > 128 || gap.contains('\n') {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= MAX_GAP_WORDS
        && gap.starts_with(char::is_whitespace)
        && gap.ends_with(char::is_whitespace)
        && words
            .iter()
            .all(|w| is_capitalized(w) && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

impl Rule for Conflation {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let subjects: Vec<_> = cx
            .mentions()
            .iter()
            .filter(|m| cx.entities.get(m.entity).kind == self.entity_type)
            .collect();
        for pair in subjects.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gap = &cx.doc.text[a.range.end..b.range.start];
            if a.entity == b.entity || !run_together(gap) {
                continue;
            }
            // "Sweden Weighs Sending Gripen After F-16": capitals in a headline join nothing.
            if !gap.trim().is_empty() && super::text::in_title_case(cx.doc, a.range.start) {
                continue;
            }
            let (ea, eb) = (cx.entities.get(a.entity), cx.entities.get(b.entity));
            let (fa, fb) = (cx.doc.slice(&a.range), cx.doc.slice(&b.range));
            let message = match &self.meta.message {
                Some(t) => render(
                    t,
                    &[
                        ("found", cx.doc.slice(&(a.range.start..b.range.end))),
                        ("entity", &ea.name),
                    ],
                ),
                None => format!(
                    "'{fa}' and '{fb}' are two different {} run together",
                    plural(&self.entity_type)
                ),
            };
            let makers = |e: &super::Entity| {
                let m = e.attribute("maker");
                if m.is_empty() {
                    String::new()
                } else {
                    format!(": {}", m.join(", "))
                }
            };
            out.push(
                self.meta
                    .diag(a.range.start..b.range.end, message)
                    .with_label(a.range.clone(), format!("the {}", ea.name))
                    .with_label(b.range.clone(), format!("the {}", eb.name))
                    .with_note(format!("the {}{}", ea.name, makers(ea)))
                    .with_note(format!("the {}{}", eb.name, makers(eb)))
                    .with_help(format!(
                        "name one {}, or write them as two: the {} and the {}",
                        self.entity_type, ea.name, eb.name
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::run_together;

    #[test]
    fn gaps() {
        assert!(run_together(" "));
        assert!(run_together(" Sushoi "));
        assert!(!run_together(" and "));
        assert!(!run_together(", "));
        assert!(!run_together(" and the "));
        assert!(!run_together(" Big Red Fast "));
        assert!(!run_together(""));
    }
}
