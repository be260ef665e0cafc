//! Rule-pack errors rendered like compiler errors, pointing into the pack.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};

use crate::packs::PackErrors;

pub fn print(errors: &PackErrors, color: bool) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    let ids: Vec<(String, usize)> = errors
        .sources
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                files.add(s.name.clone(), s.text.to_string()),
            )
        })
        .collect();
    let stream = StandardStream::stderr(if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    });
    let mut out = stream.lock();
    for e in &errors.errors {
        let mut d = Diagnostic::error().with_message(e.message.clone());
        match (ids.iter().find(|(n, _)| *n == e.file), &e.span) {
            (Some((_, id)), Some(span)) => {
                d = d.with_labels(vec![Label::primary(*id, span.clone())])
            }
            _ => d = d.with_notes(vec![format!("in {}", e.file)]),
        }
        if let Some(help) = &e.help {
            d = d.with_notes(vec![format!("help: {help}")]);
        }
        term::emit_to_write_style(&mut out, &Config::default(), &files, &d)
            .map_err(io::Error::other)?;
    }
    writeln!(
        out,
        "error: {} error(s) in configuration or rule files; nothing was checked",
        errors.errors.len()
    )
}
