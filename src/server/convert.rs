//! galley's findings as LSP diagnostics and hovers.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Hover, HoverContents,
    Location, MarkupContent, MarkupKind, NumberOrString, Url,
};

use super::position::Positions;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::linter::Linter;

/// Where a rule's kind is documented; each kind has a section under its own name.
pub const RULES_DOC: &str = "https://github.com/galley-lint/galley/blob/main/docs/rules.md";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

fn doc_link(linter: &Linter, rule: &str) -> Option<CodeDescription> {
    let kind = linter.ruleset().rule(rule)?.kind;
    let href = Url::parse(&format!("{RULES_DOC}#{kind}")).ok()?;
    Some(CodeDescription { href })
}

/// The message as an editor shows it: the finding, then its notes and help,
/// one to a line (they are what `galley check` prints under the snippet).
fn message(d: &Diagnostic) -> String {
    let mut m = d.message.clone();
    for n in &d.notes {
        m.push_str("\nnote: ");
        m.push_str(n);
    }
    if let Some(h) = &d.help {
        m.push_str("\nhelp: ");
        m.push_str(h);
    }
    m
}

pub fn diagnostic(
    linter: &Linter,
    uri: &Url,
    positions: &Positions<'_>,
    d: &Diagnostic,
) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), positions.range(&l.range)),
            message: l.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: positions.range(&d.range),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: doc_link(linter, &d.rule),
        source: Some("galley".into()),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A fix's title: what it does and how sure it is.
pub fn fix_title(d: &Diagnostic, found: &str) -> Option<String> {
    let fix = d.fix.as_ref()?;
    let what = if fix.replacement.is_empty() {
        format!("Delete '{}'", short(found))
    } else {
        format!(
            "Replace '{}' with '{}'",
            short(found),
            short(&fix.replacement)
        )
    };
    Some(match fix.applicability {
        Applicability::Safe => format!("{what} ({})", d.rule),
        Applicability::Unsafe => format!("{what} ({}, unsafe fix: check it)", d.rule),
        Applicability::Display => format!("{what} ({}, suggestion)", d.rule),
    })
}

fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The rule's explanation for the findings under the cursor, as `galley explain` gives it.
pub fn hover(linter: &Linter, positions: &Positions<'_>, found: &[&Diagnostic]) -> Option<Hover> {
    let first = found.first()?;
    let mut md = String::new();
    for d in found {
        if !md.is_empty() {
            md.push_str("\n\n---\n\n");
        }
        md.push_str(&format!(
            "**{}** ({}): {}\n",
            d.rule,
            d.severity,
            escape_md(&d.message)
        ));
        let Some(meta) = linter.ruleset().rule(&d.rule) else {
            continue;
        };
        match &meta.doc {
            Some(doc) => {
                md.push_str(&format!(
                    "\n{}\n\n*Why it matters:* {}\n",
                    escape_md(&doc.what),
                    escape_md(&doc.why)
                ));
                md.push_str(&format!(
                    "\n*Example:*\n\n```text\n{}\n```\n",
                    doc.example.replace("```", "'''")
                ));
                md.push_str(&format!("\n*Fix:* {}\n", escape_md(&doc.fix)));
            }
            None => {
                if let Some(desc) = &meta.description {
                    md.push_str(&format!("\n{}\n", escape_md(desc)));
                }
            }
        }
        md.push_str(&format!(
            "\n[{}#{}]({RULES_DOC}#{})\n",
            "docs/rules.md", meta.kind, meta.kind
        ));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }),
        range: Some(positions.range(&first.range)),
    })
}

/// Article text and messages quote untrusted words: Markdown's active
/// characters are escaped so a quoted `[link](…)` or `<img>` stays text.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
