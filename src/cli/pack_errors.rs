//! Config and rule-file errors rendered like compiler errors, pointing into
//! the file. Lines are windowed as article lines are, so an error in a
//! 10 MB one-line regex prints a few dozen characters, not the line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};

use crate::document::LineIndex;
use crate::output::escape::visible;
use crate::output::window::Window;
use crate::packs::PackErrors;

pub fn print(errors: &PackErrors, color: bool) -> io::Result<()> {
    print_each(errors, color)?;
    let stream = StandardStream::stderr(if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    });
    let mut out = stream.lock();
    writeln!(
        out,
        "error: {} error(s) in configuration or rule files; nothing was checked",
        errors.errors.len()
    )
}

/// Each error, pointed at in its file, with no closing line (`galley test`
/// says what its failures mean itself).
pub fn print_each(errors: &PackErrors, color: bool) -> io::Result<()> {
    let indexes: Vec<LineIndex> = errors
        .sources
        .iter()
        .map(|s| LineIndex::new(&s.text))
        .collect();
    let stream = StandardStream::stderr(if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    });
    let mut out = stream.lock();
    for e in &errors.errors {
        let mut notes = Vec::new();
        if let Some(help) = &e.help {
            notes.push(format!("help: {}", visible(help)));
        }
        let source = errors.sources.iter().position(|s| s.name == e.file);
        match (source, &e.span) {
            (Some(i), Some(span)) => {
                let s = &errors.sources[i];
                let (files, mapped) =
                    Window::new(&s.name, &s.text, &indexes[i], std::slice::from_ref(span));
                let d = Diagnostic::error()
                    .with_message(visible(&e.message))
                    .with_labels(vec![Label::primary((), mapped[0].clone())])
                    .with_notes(notes);
                term::emit_to_write_style(&mut out, &Config::default(), &files, &d)
                    .map_err(io::Error::other)?;
            }
            _ => {
                notes.insert(0, format!("in {}", visible(&e.file)));
                let d = Diagnostic::<()>::error()
                    .with_message(visible(&e.message))
                    .with_notes(notes);
                let files = codespan_reporting::files::SimpleFile::new("", "");
                term::emit_to_write_style(&mut out, &Config::default(), &files, &d)
                    .map_err(io::Error::other)?;
            }
        }
    }
    Ok(())
}
