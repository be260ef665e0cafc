//! Errors in rule packs, each pointing at a byte range of the pack's source.

use std::ops::Range;
use std::sync::Arc;

/// The text of a pack file, kept so errors can quote it.
#[derive(Debug, Clone)]
pub struct PackSource {
    pub name: String,
    pub text: Arc<str>,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}: {message}")]
#[non_exhaustive]
pub struct PackError {
    pub file: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: Option<String>,
}

impl PackError {
    pub fn new(file: &str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        PackError {
            file: file.to_owned(),
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Every error found while loading a set of packs; nothing is checked until it is empty.
#[derive(Debug, thiserror::Error)]
#[error("{} error(s) in rule packs", errors.len())]
pub struct PackErrors {
    pub errors: Vec<PackError>,
    pub sources: Vec<PackSource>,
}
