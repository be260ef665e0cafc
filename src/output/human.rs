//! Compiler-style diagnostics through codespan-reporting, over windows of
//! long lines (see `window`).

use std::io::{self, Write};

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};

use super::escape::visible;
use super::stream::Totals;
use super::window::Window;
use super::RunInfo;
use crate::check::FileFindings;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::LineIndex;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn fix_note(d: &Diagnostic, found: &str) -> Option<String> {
    let fix = d.fix.as_ref()?;
    let how = match fix.applicability {
        Applicability::Safe => "safe fix",
        Applicability::Unsafe => "unsafe fix",
        Applicability::Display => "suggestion",
    };
    Some(if fix.replacement.is_empty() {
        format!("{how}: delete '{}'", shorten(found))
    } else {
        format!(
            "{how}: replace '{}' with '{}'",
            shorten(found),
            shorten(&fix.replacement)
        )
    })
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(24) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Renders one diagnostic of `text` into `out`, for a 100-column terminal.
pub fn render(
    path: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    render_width(path, text, index, d, super::window::WIDTH, out)
}

/// Renders one diagnostic with source windows of at most `width` characters.
pub fn render_width(
    path: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    width: usize,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    let mut ranges = vec![d.range.clone()];
    ranges.extend(d.labels.iter().map(|l| l.range.clone()));
    let (files, mapped) = Window::with_width(path, text, index, &ranges, width);
    let mut labels = vec![CsLabel::primary((), mapped[0].clone())];
    for (l, r) in d.labels.iter().zip(&mapped[1..]) {
        labels.push(CsLabel::secondary((), r.clone()).with_message(visible(&l.message)));
    }
    // Messages quote the article: escaped as the snippet's text is (see `escape`).
    let mut notes: Vec<String> = d.notes.iter().map(|n| visible(n).into_owned()).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {}", visible(help)));
    }
    // "replace X with Y" names what is replaced, which may be more than the
    // finding (a deleted opener and the capital after it); a deletion names the finding.
    let edited = d
        .fix
        .as_ref()
        .filter(|f| !f.replacement.is_empty())
        .and_then(|f| f.range.clone())
        .unwrap_or(d.range.clone());
    if let Some(f) = fix_note(d, text.get(edited).unwrap_or("")) {
        notes.push(visible(&f).into_owned());
    }
    let diagnostic = CsDiagnostic::new(severity(d.severity))
        .with_code(visible(&d.rule).into_owned())
        .with_message(visible(&d.message))
        .with_labels(labels)
        .with_notes(notes);
    term::emit_to_write_style(out, &Config::default(), &files, &diagnostic)
        .map_err(io::Error::other)
}

/// codespan calls its lowest severity `note`; galley's is `info` in the
/// JSON, SARIF, configs and the summary line. The header's first word is
/// the severity (after colour codes, if any): that one word is renamed.
fn write_info(rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
    let end = rendered
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(rendered.len());
    match memchr::memmem::find(&rendered[..end], b"note") {
        Some(at) => {
            out.write_all(&rendered[..at])?;
            out.write_all(b"info")?;
            out.write_all(&rendered[at + 4..])
        }
        None => out.write_all(rendered),
    }
}

/// One file's findings, each with its source window.
pub(super) fn file(
    file: &impl FileFindings,
    text: &str,
    color: bool,
    columns: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let index = LineIndex::new(text);
    let width = super::window::width_for(columns);
    for d in file.diagnostics() {
        let mut buf = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        render_width(file.path(), text, &index, d, width, &mut buf)?;
        let rendered = buf.as_slice();
        match d.severity {
            Severity::Info => write_info(rendered, out)?,
            _ => out.write_all(rendered)?,
        }
    }
    Ok(())
}

/// The closing summary: counts, what `--fix` would do, scores, the baseline.
pub(super) fn summary(
    files_checked: usize,
    totals: &Totals,
    run: &RunInfo,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (e, w, i) = (totals.error, totals.warning, totals.info);
    let plural = |n: usize, s: &str| {
        if n == 1 {
            format!("{n} {s}")
        } else {
            format!("{n} {s}s")
        }
    };
    let files = plural(files_checked, "file");
    if e + w + i == 0 {
        writeln!(out, "No problems found in {files}.")?;
    } else {
        writeln!(
            out,
            "Found {}, {}, {i} info in {files}.",
            plural(e, "error"),
            plural(w, "warning")
        )?;
    }
    // As ruff says it: what --fix would do, and what --unsafe-fixes would add.
    match (totals.safe_fixes, totals.unsafe_fixes) {
        (0, 0) => {}
        (0, u) => writeln!(
            out,
            "No safe fixes; {} with --fix --unsafe-fixes.",
            plural(u, "fixable finding")
        )?,
        (n, 0) => writeln!(out, "[*] {n} fixable with --fix.")?,
        (n, u) => writeln!(
            out,
            "[*] {n} fixable with --fix ({u} more with --unsafe-fixes)."
        )?,
    }
    write_scores(files_checked, run, out)?;
    if run.baseline_hidden > 0 {
        writeln!(
            out,
            "{} hidden by the baseline.",
            plural(run.baseline_hidden, "finding")
        )?;
    }
    Ok(())
}

/// How many of the worst articles the summary names.
const WORST_SHOWN: usize = 10;

/// The summary's scores: the worst articles first (`galley explain --score`).
fn write_scores(files_checked: usize, run: &RunInfo, out: &mut dyn Write) -> io::Result<()> {
    let Some(scores) = &run.scores else {
        return Ok(());
    };
    let worst = scores.worst_first();
    if worst.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "Quality score (MQM penalty per 1,000 words; 0 is clean), worst first:"
    )?;
    for (path, s) in worst.iter().take(WORST_SHOWN) {
        writeln!(
            out,
            "{:>8.1}  {} ({} points, {} words)",
            s.value,
            visible(path),
            s.penalty,
            s.words
        )?;
    }
    if worst.len() > WORST_SHOWN {
        writeln!(
            out,
            "     ...  {} more scored files (--format json lists every score)",
            worst.len() - WORST_SHOWN
        )?;
    }
    if files_checked > 1 {
        writeln!(out, "{:>8.1}  the run", scores.run.value)?;
    }
    Ok(())
}
