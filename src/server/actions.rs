//! Code actions: each finding's fix, every safe fix at once, a suppression
//! comment for the line, and for a name, accepting its spelling in galley.toml.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, Range, ResourceOp, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::convert;
use super::position::Positions;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::linter::Linter;

/// The kind clients run on save for "fix all" (`source.fixAll.galley`).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.galley")
}

/// What the actions of one document are computed from.
pub struct Context<'a> {
    pub uri: &'a Url,
    pub text: &'a str,
    pub path_hint: &'a Path,
    pub diagnostics: &'a [Diagnostic],
    pub linter: &'a Linter,
    /// The galley.toml in force, if any.
    pub config: Option<&'a Path>,
    /// The workspace folder, where a new galley.toml goes when there is none.
    pub root: Option<&'a Path>,
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    preferred: bool,
    e: WorkspaceEdit,
    for_: Option<lsp_types::Diagnostic>,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: for_.map(|d| vec![d]),
        edit: Some(e),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// The actions for the findings that touch `range` (bytes), and "fix all"
/// when `only` allows it.
pub fn actions(
    cx: &Context<'_>,
    range: std::ops::Range<usize>,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let wants = |k: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                k.as_str() == o.as_str() || k.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let positions = Positions::new(cx.text);
    let mut out = Vec::new();
    let quickfix = CodeActionKind::QUICKFIX;
    if wants(&quickfix) {
        let touching = cx
            .diagnostics
            .iter()
            .filter(|d| d.range.start <= range.end && range.start <= d.range.end);
        let mut suppressed_lines: Vec<(usize, &str)> = Vec::new();
        for d in touching {
            let lsp = convert::diagnostic(cx.linter, cx.uri, &positions, d);
            let found = cx.text.get(d.range.clone()).unwrap_or("");
            if let (Some(fix), Some(title)) = (&d.fix, convert::fix_title(d, found)) {
                let r = fix.range.clone().unwrap_or_else(|| d.range.clone());
                let e = edit(
                    cx.uri,
                    vec![TextEdit::new(positions.range(&r), fix.replacement.clone())],
                );
                out.push(action(
                    title,
                    quickfix.clone(),
                    fix.applicability == Applicability::Safe,
                    e,
                    Some(lsp.clone()),
                ));
            }
            let line_start = positions.line_start_of(d.range.start);
            if &*d.rule != crate::suppress::UNUSED
                && !suppressed_lines.contains(&(line_start, &*d.rule))
            {
                suppressed_lines.push((line_start, &d.rule));
                let at = positions.position(line_start);
                let comment = format!("<!-- galley-disable-next-line {} -->\n", d.rule);
                out.push(action(
                    format!("Suppress {} on this line", d.rule),
                    quickfix.clone(),
                    false,
                    edit(cx.uri, vec![TextEdit::new(Range::new(at, at), comment)]),
                    Some(lsp.clone()),
                ));
            }
            if d.category() == "names" && !found.trim().is_empty() && !found.contains('\n') {
                if let Some(e) = accept_edit(cx, found.trim()) {
                    out.push(action(
                        format!("Accept the spelling '{}' in galley.toml", found.trim()),
                        quickfix.clone(),
                        false,
                        e,
                        Some(lsp),
                    ));
                }
            }
        }
    }
    let fix_all = fix_all_kind();
    if wants(&fix_all) || wants(&CodeActionKind::QUICKFIX) {
        if let Some((fixed, n)) = fix_all_safe(cx) {
            let e = edit(
                cx.uri,
                vec![TextEdit::new(
                    Range::new(Position::new(0, 0), positions.end()),
                    fixed,
                )],
            );
            let kind = if wants(&fix_all) { fix_all } else { quickfix };
            let title = if n == 1 {
                "Fix 1 finding with a safe fix".to_owned()
            } else {
                format!("Fix all {n} findings with safe fixes")
            };
            out.push(action(title, kind, false, e, None));
        }
    }
    out
}

/// The text with every safe fix applied, checked again after each round as
/// `galley check --fix` does; `None` when nothing changes.
pub fn fix_all_safe(cx: &Context<'_>) -> Option<(String, usize)> {
    let format = crate::document::Format::from_path(cx.path_hint);
    let mut text = cx.text.to_owned();
    let mut diagnostics = cx.diagnostics.to_vec();
    let mut applied = 0;
    for _ in 0..8 {
        let fixed = crate::fix::apply(&text, &diagnostics, |a| a == Applicability::Safe);
        if fixed.applied == 0 || fixed.text == text {
            break;
        }
        applied += fixed.applied;
        text = fixed.text;
        diagnostics = cx.linter.check(cx.path_hint, &text, format);
    }
    (applied > 0 && text != cx.text).then_some((text, applied))
}

/// An edit that adds `spelling` to galley.toml's `accept` list: the config
/// in force, else a new galley.toml at the workspace folder's root.
fn accept_edit(cx: &Context<'_>, spelling: &str) -> Option<WorkspaceEdit> {
    let quoted = toml_string(spelling);
    if let Some(config) = cx.config {
        let text = std::fs::read_to_string(config).ok()?;
        let uri = Url::from_file_path(config).ok()?;
        let positions = Positions::new(&text);
        let (at, insert) = accept_insertion(&text, &quoted)?;
        let p = positions.position(at);
        return Some(edit(&uri, vec![TextEdit::new(Range::new(p, p), insert)]));
    }
    let path: PathBuf = cx.root?.join("galley.toml");
    let uri = Url::from_file_path(&path).ok()?;
    let content = format!(
        "# Spellings the names rules accept (added from the editor).\naccept = [{quoted}]\n"
    );
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(TextEdit::new(
                    Range::new(Position::new(0, 0), Position::new(0, 0)),
                    content,
                ))],
            }),
        ])),
        ..WorkspaceEdit::default()
    })
}

/// Where in a galley.toml to insert `quoted`, and what: into an existing
/// top-level `accept = [...]` before its `]`, else a new `accept` line
/// before the first table (top-level keys must come before tables).
pub fn accept_insertion(config: &str, quoted: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    let mut first_table = None;
    for line in config.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            first_table = Some(offset);
            break;
        }
        if let Some(rest) = t.strip_prefix("accept") {
            let rest = rest.trim_start();
            if rest.starts_with('=') {
                let open = offset + line.find('[')?;
                let close = open + config[open..].find(']')?;
                let inside = config[open + 1..close].trim();
                let sep = if inside.is_empty() || inside.ends_with(',') {
                    ""
                } else {
                    ", "
                };
                return Some((close, format!("{sep}{quoted}")));
            }
        }
        offset += line.len();
    }
    let at = first_table.unwrap_or(config.len());
    let newline = if at > 0 && !config[..at].ends_with('\n') {
        "\n"
    } else {
        ""
    };
    Some((at, format!("{newline}accept = [{quoted}]\n")))
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_goes_into_the_list_or_before_the_first_table() {
        let c = "language = \"en\"\naccept = [\"Kyiv\"]\n[severity]\n";
        let (at, s) = accept_insertion(c, "\"Sushoi\"").unwrap();
        let mut out = c.to_owned();
        out.insert_str(at, &s);
        assert_eq!(
            out,
            "language = \"en\"\naccept = [\"Kyiv\", \"Sushoi\"]\n[severity]\n"
        );

        let c = "language = \"en\"\n\n[severity]\n\"typography\" = \"off\"\n";
        let (at, s) = accept_insertion(c, "\"Sushoi\"").unwrap();
        let mut out = c.to_owned();
        out.insert_str(at, &s);
        assert_eq!(
            out,
            "language = \"en\"\n\naccept = [\"Sushoi\"]\n[severity]\n\"typography\" = \"off\"\n"
        );

        let (at, s) = accept_insertion("accept = []", "\"X\"").unwrap();
        assert_eq!((at, s.as_str()), (10, "\"X\""));
        assert_eq!(toml_string("a\"b\\"), "\"a\\\"b\\\\\"");
    }
}
