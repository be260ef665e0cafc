//! Emitting a run's findings: one module per output format. Everything is
//! sorted before it reaches here; nothing is printed from worker threads.

mod human;
mod json;
mod short;
pub mod window;

use std::io::{self, Write};

use crate::check::FileReport;
use crate::diagnostic::{Diagnostic, Severity};

pub use human::render as render_human;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Short,
    Json,
}

/// All findings of a run, files in path order, diagnostics in position order.
pub struct Report {
    pub files: Vec<FileReport>,
    pub files_checked: usize,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = (&FileReport, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .filter(|(_, d)| d.severity == severity)
            .count()
    }
}

pub fn write(
    report: &Report,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::write(report, color, out),
        OutputFormat::Short => short::write(report, out),
        OutputFormat::Json => json::write(report, out),
    }
}
