//! Writing a report file by file: [`ReportWriter::begin`], then
//! [`ReportWriter::file`] for each file in report order, then
//! [`ReportWriter::finish`]. A writer keeps only the small totals the end of
//! a report needs (counts, the rules that fired), never a file's findings,
//! so a run can drop each file once it is written.
//!
//! Human, short, GitHub, JSON Lines, checkstyle and GitLab write each file
//! as it comes. JSON, SARIF and JUnit put totals known only at the end
//! before the findings (`files_checked`, the rules that fired, the test
//! counts): their findings go to a spill (a temporary file for a run, memory
//! for a report already in memory) and are copied after the head. The bytes
//! are those of the whole-report writers, which are this writer over a
//! [`Report`](super::Report)'s files. HTML (worst article first) has no
//! streamed form: `output::write` renders it from a whole report.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::value::RawValue;

use super::{OutputFormat, RunInfo};
use crate::check::FileFindings;
use crate::diagnostic::{Applicability, Severity};
use crate::rules::RuleMeta;

/// What a report writer must know before the first file.
#[derive(Debug, Clone, Copy)]
pub struct Begin<'a> {
    pub format: OutputFormat,
    /// Human output in colour.
    pub color: bool,
    /// As [`Report::rules`](super::Report::rules).
    pub rules: &'a [RuleMeta],
    /// `--fail-on`, as [`RunInfo::fail_on`].
    pub fail_on: Option<Severity>,
    /// The terminal's width, as [`RunInfo::columns`].
    pub columns: usize,
    /// `--quiet`: no closing summary line.
    pub quiet: bool,
    /// Spill to a temporary file (a run) rather than memory (a report in memory).
    pub spill_to_disk: bool,
}

impl Begin<'_> {
    /// Whether a file's part of the report can be rendered from that file
    /// alone (every format but SARIF, whose rule indices grow as rules
    /// without metadata fire, and HTML), so that [`Begin::render`] can
    /// render it on the thread that checked it, in parallel.
    pub fn renders_alone(&self) -> bool {
        !matches!(self.format, OutputFormat::Sarif | OutputFormat::Html)
    }

    /// A file's part of the report, for [`ReportWriter::rendered`]: what
    /// [`ReportWriter::file`] would write (an item of a JSON array always
    /// with its comma, which the writer drops before the first). Formats
    /// that do not render alone give an error of kind `Unsupported`.
    pub fn render(&self, file: &impl FileFindings) -> io::Result<Vec<u8>> {
        let mut part = Vec::new();
        if file.diagnostics().is_empty() {
            match self.format {
                OutputFormat::Checkstyle => super::checkstyle::clean_file(file, &mut part)?,
                OutputFormat::Junit => super::junit::clean_file(file, &mut part)?,
                _ => {}
            }
            return Ok(part);
        }
        let text = file.text();
        let mut comma = true;
        match self.format {
            OutputFormat::Human => {
                super::human::file(file, &text, self.color, self.columns, &mut part)?
            }
            OutputFormat::Short => super::short::file(file, &text, &mut part)?,
            OutputFormat::Github => super::github::file(file, &text, &mut part)?,
            OutputFormat::JsonLines => super::json_lines::file(file, &text, &mut part)?,
            OutputFormat::Json => super::json::file(file, &text, &mut comma, &mut part)?,
            OutputFormat::Gitlab => super::gitlab::file(file, &text, &mut comma, &mut part)?,
            OutputFormat::Checkstyle => super::checkstyle::file(file, &text, &mut part)?,
            OutputFormat::Junit => super::junit::file(file, &text, self.fail_on, &mut part)?,
            OutputFormat::Sarif | OutputFormat::Html => {
                return Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    "this format's files are rendered in order by the report writer",
                ))
            }
        }
        Ok(part)
    }
}

/// What the end of a report counts over all files.
#[derive(Debug, Default, Clone)]
pub(super) struct Totals {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Findings at or above `--fail-on`.
    pub failures: usize,
    /// Files without findings.
    pub clean: usize,
    /// Findings `--fix` fixes, and those `--unsafe-fixes` adds.
    pub safe_fixes: usize,
    pub unsafe_fixes: usize,
}

impl Totals {
    pub fn findings(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// Where findings wait for the head of a report that must come first.
#[derive(Debug)]
pub(super) enum Spill {
    Disk(BufWriter<File>),
    Memory(Vec<u8>),
}

impl Spill {
    fn new(to_disk: bool) -> Spill {
        // A run whose temporary directory is not writable still gets its report.
        match to_disk.then(tempfile::tempfile) {
            Some(Ok(f)) => Spill::Disk(BufWriter::with_capacity(1 << 16, f)),
            _ => Spill::Memory(Vec::new()),
        }
    }

    /// Writes what was spilled to `out`.
    pub fn copy_to<W: ?Sized + Write>(self, out: &mut W) -> io::Result<()> {
        match self {
            Spill::Memory(v) => out.write_all(&v),
            Spill::Disk(w) => {
                let mut f = w.into_inner().map_err(io::IntoInnerError::into_error)?;
                f.rewind()?;
                let mut buf = vec![0; 1 << 16];
                loop {
                    match f.read(&mut buf) {
                        Ok(0) => return Ok(()),
                        Ok(n) => out.write_all(&buf[..n])?,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Spill::Disk(w) => w.write(buf),
            Spill::Memory(v) => v.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Spill::Disk(w) => w.write_all(buf),
            Spill::Memory(v) => v.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spill::Disk(w) => w.flush(),
            Spill::Memory(_) => Ok(()),
        }
    }
}

/// A report written file by file (see the module's documentation).
///
/// `W` is what it writes to: `&mut dyn Write` for a report in memory, an
/// owned writer that is `Send` for a run whose workers write in turn.
pub struct ReportWriter<'a, W: Write> {
    begin: Begin<'a>,
    out: W,
    spill: Option<Spill>,
    totals: Totals,
    /// Whether an item of a JSON array (JSON, SARIF, GitLab) was written.
    items: bool,
    sarif: Option<super::sarif::RuleIndex>,
}

impl<'a, W: Write> ReportWriter<'a, W> {
    /// Starts a report in `begin.format` on `out`. HTML has no streamed form:
    /// an error of kind `Unsupported`.
    pub fn begin(begin: Begin<'a>, mut out: W) -> io::Result<ReportWriter<'a, W>> {
        let spill = match begin.format {
            OutputFormat::Json | OutputFormat::Sarif | OutputFormat::Junit => {
                Some(Spill::new(begin.spill_to_disk))
            }
            OutputFormat::Html => {
                return Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    "the HTML report is written from a whole report",
                ))
            }
            _ => None,
        };
        match begin.format {
            OutputFormat::Checkstyle => super::checkstyle::begin(&mut out)?,
            OutputFormat::Gitlab => out.write_all(b"[")?,
            _ => {}
        }
        Ok(ReportWriter {
            sarif: (begin.format == OutputFormat::Sarif)
                .then(|| super::sarif::RuleIndex::new(begin.rules)),
            begin,
            out,
            spill,
            totals: Totals::default(),
            items: false,
        })
    }

    /// Writes one file's part of the report, rendered by [`Begin::render`]
    /// (perhaps on another thread): files come in report order.
    pub fn rendered(&mut self, file: &impl FileFindings, part: &[u8]) -> io::Result<()> {
        self.count(file);
        let mut part = part;
        let array = matches!(self.begin.format, OutputFormat::Json | OutputFormat::Gitlab);
        if array && !part.is_empty() {
            if !self.items {
                part = part.strip_prefix(b",").unwrap_or(part);
            }
            self.items = true;
        }
        match &mut self.spill {
            Some(spill) => spill.write_all(part),
            None => self.out.write_all(part),
        }
    }

    /// Adds `file`'s findings to the totals.
    fn count(&mut self, file: &impl FileFindings) {
        let diagnostics = file.diagnostics();
        if diagnostics.is_empty() {
            self.totals.clean += 1;
        }
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.totals.error += 1,
                Severity::Warning => self.totals.warning += 1,
                Severity::Info => self.totals.info += 1,
            }
            self.totals.failures +=
                usize::from(self.begin.fail_on.is_some_and(|t| d.severity >= t));
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.totals.safe_fixes += 1,
                Some(Applicability::Unsafe) => self.totals.unsafe_fixes += 1,
                _ => {}
            }
        }
    }

    /// Writes one file's part of the report: files come in report order.
    pub fn file(&mut self, file: &impl FileFindings) -> io::Result<()> {
        self.count(file);
        if file.diagnostics().is_empty() {
            // Only these two list clean files; the text is not needed.
            return match self.begin.format {
                OutputFormat::Checkstyle => super::checkstyle::clean_file(file, &mut self.out),
                OutputFormat::Junit => match &mut self.spill {
                    Some(spill) => super::junit::clean_file(file, spill),
                    None => Ok(()),
                },
                _ => Ok(()),
            };
        }
        let text = file.text();
        let out: &mut dyn Write = match &mut self.spill {
            Some(spill) => spill,
            None => &mut self.out,
        };
        match self.begin.format {
            OutputFormat::Human => {
                super::human::file(file, &text, self.begin.color, self.begin.columns, out)
            }
            OutputFormat::Short => super::short::file(file, &text, out),
            OutputFormat::Json => super::json::file(file, &text, &mut self.items, out),
            OutputFormat::JsonLines => super::json_lines::file(file, &text, out),
            OutputFormat::Sarif => match &mut self.sarif {
                Some(index) => super::sarif::file(file, &text, index, &mut self.items, out),
                None => Ok(()),
            },
            OutputFormat::Github => super::github::file(file, &text, out),
            OutputFormat::Gitlab => super::gitlab::file(file, &text, &mut self.items, out),
            OutputFormat::Checkstyle => super::checkstyle::file(file, &text, out),
            OutputFormat::Junit => super::junit::file(file, &text, self.begin.fail_on, out),
            OutputFormat::Html => Ok(()),
        }
    }

    /// Ends the report: `files_checked` and `run` as [`Report`](super::Report) has them.
    pub fn finish(self, files_checked: usize, run: &RunInfo) -> io::Result<()> {
        let ReportWriter {
            begin,
            mut out,
            spill,
            totals,
            items,
            sarif,
        } = self;
        let out: &mut dyn Write = &mut out;
        let body = Body {
            spill: spill.unwrap_or(Spill::Memory(Vec::new())),
            items,
        };
        match begin.format {
            OutputFormat::Human => {
                if begin.quiet {
                    Ok(())
                } else {
                    super::human::summary(files_checked, &totals, run, out)
                }
            }
            OutputFormat::Json => super::json::finish(files_checked, &totals, run, body, out),
            OutputFormat::Sarif => match sarif {
                Some(index) => super::sarif::finish(begin.rules, index, run, body, out),
                None => Ok(()),
            },
            OutputFormat::Junit => super::junit::finish(&totals, run, body, out),
            OutputFormat::Checkstyle => super::checkstyle::finish(out),
            OutputFormat::Gitlab => out.write_all(if items { b"\n]\n" } else { b"]\n" }),
            OutputFormat::Short
            | OutputFormat::JsonLines
            | OutputFormat::Github
            | OutputFormat::Html => Ok(()),
        }
    }
}

/// What a format with its head last to be known spilled: the findings.
pub(super) struct Body {
    pub spill: Spill,
    /// Whether it holds an item of a JSON array.
    pub items: bool,
}

/// Writes `value` as an item of a JSON array, pretty-printed as serde_json
/// prints it inside a document at the depth `indent` stands for: every line
/// break of a pretty-printed value is structural (strings escape theirs),
/// so indenting each line is the same as printing it in place.
pub(super) fn json_item(
    value: &impl Serialize,
    indent: &[u8],
    any: &mut bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(512);
    serde_json::to_writer_pretty(&mut buf, value)?;
    let mut item = Vec::with_capacity(buf.len() + buf.len() / 4 + 8);
    item.extend_from_slice(if *any { b",\n" } else { b"\n" });
    *any = true;
    for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            item.push(b'\n');
        }
        item.extend_from_slice(indent);
        item.extend_from_slice(line);
    }
    out.write_all(&item)
}

/// The placeholder a document holds where its spilled array goes.
const SPLICE: &str = "[]";

/// The placeholder for a spilled array in a document.
pub(super) fn placeholder() -> Box<RawValue> {
    RawValue::from_string(SPLICE.to_owned()).unwrap_or_else(|_| unreachable!("`[]` is JSON"))
}

/// Writes `document` pretty-printed to `out`, its [`placeholder`] replaced
/// by the array of items in `body` (printed by [`json_item`] at the depth
/// the placeholder is at; `close` is the indent of its closing bracket).
pub(super) fn splice(
    document: &impl Serialize,
    body: Body,
    close: &[u8],
    out: &mut dyn Write,
) -> io::Result<()> {
    let formatter = Splicing {
        pretty: PrettyFormatter::new(),
        body: Some(body),
        close,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, formatter);
    document.serialize(&mut ser)?;
    writeln!(out)
}

/// serde_json's pretty printer, which writes the spilled items where the
/// document holds the placeholder (the only raw value in it).
struct Splicing<'c> {
    pretty: PrettyFormatter<'static>,
    body: Option<Body>,
    close: &'c [u8],
}

impl Formatter for Splicing<'_> {
    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let Some(body) = self.body.take().filter(|_| fragment == SPLICE) else {
            return writer.write_all(fragment.as_bytes());
        };
        writer.write_all(b"[")?;
        let items = body.items;
        body.spill.copy_to(writer)?;
        if items {
            writer.write_all(b"\n")?;
            writer.write_all(self.close)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        a: Vec<u32>,
        b: &'static str,
    }

    #[derive(Serialize)]
    struct Doc<I> {
        head: u32,
        items: I,
        tail: Vec<&'static str>,
    }

    /// The spliced document is byte for byte serde_json's own pretty print.
    #[test]
    fn a_spliced_array_prints_as_serde_json_prints_it_in_place() {
        for n in [0, 1, 3] {
            let items: Vec<Item> = (0..n)
                .map(|i| Item {
                    a: vec![i, i + 1],
                    b: "line\nbreak",
                })
                .collect();
            let whole = serde_json::to_string_pretty(&Doc {
                head: 1,
                items: &items,
                tail: vec!["x"],
            })
            .unwrap()
                + "\n";
            for to_disk in [false, true] {
                let mut body = Body {
                    spill: Spill::new(to_disk),
                    items: false,
                };
                for item in &items {
                    json_item(item, b"    ", &mut body.items, &mut body.spill).unwrap();
                }
                let mut out = Vec::new();
                let doc = Doc {
                    head: 1,
                    items: placeholder(),
                    tail: vec!["x"],
                };
                splice(&doc, body, b"  ", &mut out).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), whole, "{n} items");
            }
        }
    }

    /// A run renders most formats on the workers (`Begin::render`, then
    /// `ReportWriter::rendered`); a report in memory goes through
    /// `ReportWriter::file`. Both must give the same bytes, in every format,
    /// with clean files between files with findings.
    #[test]
    fn rendered_on_a_worker_or_by_the_writer_the_bytes_are_the_same() {
        use crate::check::FileReport;
        use crate::diagnostic::Diagnostic;
        let rule: std::sync::Arc<str> = "names/variant".into();
        let finding = |at: std::ops::Range<usize>, severity| {
            Diagnostic::new(&rule, severity, at, "Kiev: write Kyiv".into())
                .with_fix("Kyiv", Applicability::Safe)
        };
        let files = vec![
            FileReport::new("a.txt".into(), "Clean text.\n".into(), vec![]),
            FileReport::new(
                "b.txt".into(),
                "Title\n\nKiev and Kiev.\n".into(),
                vec![
                    finding(7..11, Severity::Warning),
                    finding(16..20, Severity::Error),
                ],
            ),
            FileReport::new("c.txt".into(), "Also clean.\n".into(), vec![]),
            FileReport::new(
                "d <&>.txt".into(),
                "Kiev \"x\"\n".into(),
                vec![finding(0..4, Severity::Info)],
            ),
        ];
        let run = RunInfo::default();
        for format in [
            OutputFormat::Human,
            OutputFormat::Short,
            OutputFormat::Json,
            OutputFormat::JsonLines,
            OutputFormat::Github,
            OutputFormat::Gitlab,
            OutputFormat::Checkstyle,
            OutputFormat::Junit,
        ] {
            for to_disk in [false, true] {
                let begin = Begin {
                    format,
                    color: false,
                    rules: &[],
                    fail_on: Some(Severity::Warning),
                    columns: 100,
                    quiet: false,
                    spill_to_disk: to_disk,
                };
                assert!(begin.renders_alone(), "{format:?}");
                let mut by_writer = Vec::new();
                let mut w = ReportWriter::begin(begin, &mut by_writer).unwrap();
                for f in &files {
                    w.file(f).unwrap();
                }
                w.finish(files.len(), &run).unwrap();
                let mut on_workers = Vec::new();
                let mut w = ReportWriter::begin(begin, &mut on_workers).unwrap();
                for f in &files {
                    let part = begin.render(f).unwrap();
                    w.rendered(f, &part).unwrap();
                }
                w.finish(files.len(), &run).unwrap();
                assert!(by_writer.len() > 100, "{format:?}");
                assert_eq!(
                    String::from_utf8(on_workers).unwrap(),
                    String::from_utf8(by_writer).unwrap(),
                    "{format:?}"
                );
            }
        }
        let sarif = Begin {
            format: OutputFormat::Sarif,
            color: false,
            rules: &[],
            fail_on: None,
            columns: 100,
            quiet: false,
            spill_to_disk: false,
        };
        assert!(!sarif.renders_alone());
        assert_eq!(
            sarif.render(&files[1]).map_err(|e| e.kind()),
            Err(io::ErrorKind::Unsupported)
        );
    }
}
