//! galley: a lint for translated news articles.
//!
//! The entry point is [`Linter`]: built once from resolved settings (the
//! shipped packs by name, the user's rule files, severities, language, a
//! selection of rules), it checks any number of texts. Rules that are off
//! do not run; configured levels, the selection and inline suppressions are
//! applied to what the others find.
//!
//! ```
//! use std::path::Path;
//! use galley::config::{Level, Settings};
//! use galley::{Format, Linter, LinterSettings, Severity};
//!
//! let settings = Settings::defaults()
//!     .with_language(galley::Lang::ENGLISH)
//!     .with_level("typography/doubled-word", Level::On(Severity::Error));
//! let linter = Linter::new(LinterSettings::new(settings)).expect("the shipped packs compile");
//! let found = linter.check(Path::new("story.txt"), "It was the the end.\n", Format::Plain);
//! assert!(found
//!     .iter()
//!     .any(|d| &*d.rule == "typography/doubled-word" && d.severity == Severity::Error));
//! ```
//!
//! The engine (`document`, `rules`, `packs`, `diagnostic`, `check`,
//! `linter`) knows nothing of the command line, which sits behind the
//! default `cli` feature: `--no-default-features` builds the engine without
//! an argument parser, thread pool or directory walker.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fingerprint;
pub mod fix;
pub mod hash;
pub mod house;
pub mod lang;
pub mod linter;
pub mod output;
pub mod packs;
pub mod rule_key;
pub mod rules;
pub mod score;
#[cfg(feature = "cli")]
pub mod server;
pub mod suppress;
#[cfg(feature = "cli")]
pub mod walk;

pub use check::{check_article, check_text, FileError, FileFindings, FileReport};
pub use diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
pub use document::{Document, Format, Source};
pub use lang::Lang;
pub use linter::{Linter, LinterSettings, Selection};
pub use rule_key::key_matches;
pub use rules::Ruleset;
