//! What a rule reports: a message about a byte range of the original text,
//! with the evidence (labels), the counts (notes) and an optional fix.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure a fix is, as ruff's `Applicability`: `--fix` applies only `Safe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The replacement is the only sensible reading (a known misspelling).
    Safe,
    /// A likely replacement that an editor should confirm (the majority spelling).
    Unsafe,
    /// Shown to the reader, never applied (a suggestion among several).
    Display,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Replaces `range`, else the diagnostic's primary range.
    pub replacement: String,
    pub applicability: Applicability,
    /// What the fix edits when that differs from what the finding points at:
    /// a deleted paragraph takes the line breaks after it along.
    pub range: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    pub rule: Arc<str>,
    pub severity: Severity,
    pub message: String,
    /// Byte range into the original text.
    pub range: Range<usize>,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &Arc<str>, severity: Severity, range: Range<usize>, message: String) -> Self {
        Diagnostic {
            rule: Arc::clone(rule),
            severity,
            message,
            range,
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn category(&self) -> &str {
        category_of(&self.rule)
    }

    pub fn with_label(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            range,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(self, replacement: impl Into<String>, applicability: Applicability) -> Self {
        self.fix_of(None, replacement.into(), applicability)
    }

    /// A fix that edits `range` rather than the primary range.
    pub fn with_fix_at(
        self,
        range: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.fix_of(Some(range), replacement.into(), applicability)
    }

    fn fix_of(
        mut self,
        range: Option<Range<usize>>,
        replacement: String,
        applicability: Applicability,
    ) -> Self {
        self.fix = Some(Fix {
            replacement,
            applicability,
            range,
        });
        self
    }
}

/// The category is the part of a rule id before the first `/`.
pub fn category_of(rule: &str) -> &str {
    rule.split_once('/').map_or(rule, |(c, _)| c)
}
