//! A rule's own cases, as harper's Weir rules carry them: `[[rule.test]]`
//! texts that must fire (and, with `fixed`, the text its fixes give) or must
//! stay silent, and `[rule.doc]`'s `example` (must fire) and `silent` (must
//! not). `galley test` runs them for users' packs; `cargo test` for every
//! shipped rule. A failing case is a [`PackError`] pointing at the case in
//! its pack, rendered like any mistake in a pack.

use std::ops::Range;

use super::{RuleMeta, Ruleset};
use crate::diagnostic::Applicability;
use crate::document::Format;
use crate::packs::schema::RawRule;
use crate::packs::PackError;

/// What a case expects of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Fires,
    Silent,
}

/// One case of a rule.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RuleTest {
    pub expect: Expect,
    pub text: String,
    /// For a case that fires: the text once the rule's fixes are applied, and where it is.
    pub fixed: Option<(String, Range<usize>)>,
    /// The case's place in its pack.
    pub span: Range<usize>,
    /// Where it came from: `[[rule.test]]`, `[rule.doc] example` or `[rule.doc] silent`.
    pub origin: &'static str,
}

/// The cases of a `[[rule]]` as written.
pub(super) fn cases(raw: &RawRule<'_>) -> Vec<RuleTest> {
    let mut out = Vec::new();
    let at = |span: &Option<Range<usize>>| span.clone().unwrap_or_else(|| raw.id.span());
    if let Some(doc) = &raw.doc {
        out.push(RuleTest {
            expect: Expect::Fires,
            text: doc.example.clone(),
            fixed: None,
            span: at(&raw.doc_spans[0]),
            origin: "[rule.doc] example",
        });
        out.push(RuleTest {
            expect: Expect::Silent,
            text: doc.silent.clone(),
            fixed: None,
            span: at(&raw.doc_spans[1]),
            origin: "[rule.doc] silent",
        });
    }
    for case in &raw.test {
        let c = case.get_ref();
        let fixed = c.fixed.as_ref().map(|f| (f.get_ref().clone(), f.span()));
        // A case holds one text; `fires` wins if both are written (the reader
        // reports that mistake when the pack is checked: see `check_cases`).
        if let Some(f) = &c.fires {
            out.push(RuleTest {
                expect: Expect::Fires,
                text: f.get_ref().clone(),
                fixed,
                span: f.span(),
                origin: "[[rule.test]]",
            });
        } else if let Some(s) = &c.silent {
            out.push(RuleTest {
                expect: Expect::Silent,
                text: s.get_ref().clone(),
                fixed: None,
                span: s.span(),
                origin: "[[rule.test]]",
            });
        }
    }
    out
}

/// Mistakes in how the cases of a `[[rule]]` are written: a case with no
/// text, with two, or `fixed` on a case that must stay silent.
pub(super) fn check_cases(raw: &RawRule<'_>) -> Vec<(Range<usize>, &'static str)> {
    let mut out = Vec::new();
    for case in &raw.test {
        let c = case.get_ref();
        match (&c.fires, &c.silent) {
            (None, None) => out.push((case.span(), "a [[rule.test]] needs `fires` or `silent`")),
            (Some(_), Some(s)) => out.push((
                s.span(),
                "a [[rule.test]] holds one text: `fires` or `silent`, not both",
            )),
            (None, Some(_)) => {
                if let Some(f) = &c.fixed {
                    out.push((
                        f.span(),
                        "`fixed` goes with `fires`: a silent case has nothing to fix",
                    ));
                }
            }
            (Some(_), None) => {}
        }
    }
    out
}

/// What running the cases found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub passed: usize,
    pub failures: Vec<PackError>,
}

impl Ruleset {
    /// Runs the cases of the rules `which` accepts, each rule alone on its
    /// case's text, in its pack's language (else the one detected).
    pub fn run_self_tests(&self, which: impl Fn(&RuleMeta) -> bool) -> Outcome {
        let mut outcome = Outcome::default();
        let n = self.rules.len();
        for (i, rule) in self.rules.iter().enumerate() {
            let meta = rule.meta();
            if meta.tests.is_empty() || !which(meta) {
                continue;
            }
            let mut enabled = vec![false; n];
            enabled[i] = true;
            for case in &meta.tests {
                match run_case(self, &enabled, meta, case) {
                    None => outcome.passed += 1,
                    Some(e) => outcome.failures.push(e),
                }
            }
        }
        outcome
    }
}

/// `None` when the case passes, else why not.
fn run_case(
    ruleset: &Ruleset,
    enabled: &[bool],
    meta: &RuleMeta,
    case: &RuleTest,
) -> Option<PackError> {
    let (mut found, _) = crate::check::check_counted(
        ruleset,
        Some(enabled),
        &case.text,
        Format::Plain,
        meta.language,
        None,
    );
    found.retain(|d| d.rule == meta.id);
    let fail = |message: String| PackError::new(&meta.file, Some(case.span.clone()), message);
    match case.expect {
        Expect::Fires if found.is_empty() => Some(
            fail(format!(
                "`{}` does not fire on this {} case",
                meta.id, case.origin
            ))
            .with_help("the case must be flagged; check the text or the rule"),
        ),
        Expect::Silent => found.first().map(|d| {
            let flagged = case.text.get(d.range.clone()).unwrap_or_default();
            fail(format!(
                "`{}` fires on this {} case, which must stay silent",
                meta.id, case.origin
            ))
            .with_help(format!("it flags '{flagged}': {}", d.message))
        }),
        Expect::Fires => {
            let (want, at) = case.fixed.as_ref()?;
            let got = crate::fix::apply(&case.text, &found, |a| a != Applicability::Display).text;
            (got != *want).then(|| {
                PackError::new(
                    &meta.file,
                    Some(at.clone()),
                    format!("fixing `{}` on its case does not give this text", meta.id),
                )
                .with_help(format!("the fixes give: {got:?}"))
            })
        }
    }
}
