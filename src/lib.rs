//! galley: a lint for translated news articles.
//!
//! The engine (`document`, `rules`, `packs`, `diagnostic`, `check`) knows
//! nothing of the command line: a library user checks a string with
//! [`check::check_text`] and a compiled [`rules::Ruleset`].

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fingerprint;
pub mod fix;
pub mod lang;
pub mod output;
pub mod packs;
pub mod rules;
pub mod suppress;
pub mod walk;

pub use check::{check_article, check_text, FileError, FileReport};
pub use diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
pub use document::{Document, Format, Source};
pub use lang::Lang;
pub use rules::Ruleset;
