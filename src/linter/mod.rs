//! The library's entry point: a [`Linter`] is built once from resolved
//! settings (packs, rule files, severities, language, selection) and checks
//! any number of texts. Rules that can report nothing under those settings
//! (off everywhere, or not selected) do not run.

mod cache;
mod levels;
mod selection;

use std::path::Path;
use std::sync::Arc;

pub use cache::{read_rule_files, LinterCache, LinterError};
pub use levels::{deprecated_severity_keys, unknown_severity_keys};
pub use selection::{Selection, UnknownSelector};

use crate::check::{FileError, FileReport};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::packs::{PackErrors, PackSource};
use crate::rules::{RuleMeta, Ruleset};
use levels::Levels;

/// What a [`Linter`] is built from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LinterSettings {
    /// The shipped packs (`settings.packs`), the language, and the levels:
    /// `settings.severity`, or, when `settings.config` is set, that config's
    /// `[severity]` and `[[override]]` layers, resolved for each checked path.
    /// `settings.rules` names rule files for the caller to read into
    /// `rule_files` (see [`read_rule_files`]).
    pub settings: Settings,
    /// The user's rule packs, read.
    pub rule_files: Vec<PackSource>,
    pub selection: Selection,
}

impl LinterSettings {
    pub fn new(settings: Settings) -> Self {
        LinterSettings {
            settings,
            rule_files: Vec::new(),
            selection: Selection::default(),
        }
    }

    pub fn with_rule_files(mut self, rule_files: Vec<PackSource>) -> Self {
        self.rule_files = rule_files;
        self
    }

    pub fn with_selection(mut self, selection: Selection) -> Self {
        self.selection = selection;
        self
    }
}

impl Default for LinterSettings {
    fn default() -> Self {
        LinterSettings::new(Settings::defaults())
    }
}

/// Checks articles under one set of settings. Cheap to share across threads.
#[derive(Clone)]
pub struct Linter {
    ruleset: Arc<Ruleset>,
    /// One flag per rule of `ruleset`: whether it runs.
    enabled: Vec<bool>,
    language: Option<crate::lang::Lang>,
    levels: Levels,
    selection: Selection,
    /// Rule ids or categories whose fixes become display-only (`unfixable`).
    unfixable: Vec<String>,
    /// Spellings the names rules do not report (`accept`).
    accepted: Vec<String>,
    /// The configured date of the articles (`date`, `--date`).
    date: Option<jiff::civil::Date>,
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter")
            .field("rules", &self.rules().map(|m| &*m.id).collect::<Vec<_>>())
            .field("language", &self.language)
            .field("levels", &self.levels)
            .field("selection", &self.selection)
            .finish()
    }
}

impl Linter {
    /// Compiles the shipped packs named in the settings and the rule files.
    pub fn new(settings: LinterSettings) -> Result<Linter, PackErrors> {
        let mut sources = crate::packs::shipped_by_name(&settings.settings.packs.0);
        sources.extend(settings.rule_files);
        let ruleset = Ruleset::compile(sources)?;
        Ok(Linter::with_ruleset(
            Arc::new(ruleset),
            &settings.settings,
            &settings.selection,
        ))
    }

    /// A linter over an already compiled ruleset (shared, not copied): the
    /// packs and rule files of `settings` are taken to be the ruleset's.
    pub fn with_ruleset(ruleset: Arc<Ruleset>, settings: &Settings, selection: &Selection) -> Self {
        let levels = Levels::of(settings);
        let enabled = ruleset
            .rules()
            .map(|m| selection.keeps(&m.id) && !levels.always_off(&m.id))
            .collect();
        Linter {
            ruleset,
            enabled,
            language: settings.language(),
            levels,
            selection: selection.clone(),
            unfixable: settings.unfixable.iter().map(|(k, _)| k.clone()).collect(),
            accepted: settings.accept.iter().map(|(k, _)| k.clone()).collect(),
            date: settings.date.as_ref().map(|(d, _)| *d),
        }
    }

    /// Checks one text. `path_hint` is where the text is (or would be):
    /// configured overrides for that path apply. Every range returned points
    /// into `text`.
    pub fn check(&self, path_hint: &Path, text: &str, format: Format) -> Vec<Diagnostic> {
        self.check_counted(path_hint, text, format).0
    }

    /// [`Linter::check`], and the words of the text's prose
    /// (`score::word_count`).
    pub fn check_counted(
        &self,
        path_hint: &Path,
        text: &str,
        format: Format,
    ) -> (Vec<Diagnostic>, usize) {
        // A suppression comment is judged stale or used by every rule's
        // findings, switched off or not: only then do off rules run.
        let enabled = (!crate::suppress::has_directives(text)).then_some(&self.enabled[..]);
        let (mut diagnostics, words) = crate::check::check_counted(
            &self.ruleset,
            enabled,
            text,
            format,
            self.language,
            self.date,
        );
        self.levels.apply(path_hint, &mut diagnostics);
        if !self.selection.is_all() {
            diagnostics.retain(|d| self.selection.keeps(&d.rule));
        }
        if !self.accepted.is_empty() {
            diagnostics.retain(|d| !(d.category() == "names" && self.is_accepted(text, &d.range)));
        }
        if !self.unfixable.is_empty() {
            for d in &mut diagnostics {
                let never = self
                    .unfixable
                    .iter()
                    .any(|k| crate::rule_key::key_matches(k, &d.rule));
                if let Some(fix) = d.fix.as_mut().filter(|_| never) {
                    // Still shown, as a suggestion; --fix leaves it alone.
                    fix.applicability = crate::diagnostic::Applicability::Display;
                }
            }
        }
        (diagnostics, words)
    }

    /// Whether the words at `range` are a spelling the config accepts (its
    /// possessive too: `Sushoi's` when `Sushoi` is accepted).
    fn is_accepted(&self, text: &str, range: &std::ops::Range<usize>) -> bool {
        let Some(found) = text.get(range.clone()) else {
            return false;
        };
        let bare = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|s| found.strip_suffix(s))
            .unwrap_or(found);
        self.accepted.iter().any(|a| a == found || a == bare)
    }

    /// Reads and checks one file, its format told by its extension.
    pub fn check_file(&self, path: &Path) -> Result<FileReport, FileError> {
        let display = crate::check::display_path(path);
        let text = crate::check::read_article(path, &display)?;
        let (diagnostics, words) = self.check_counted(path, &text, Format::from_path(path));
        let mut report = FileReport::new(display, text, diagnostics);
        report.words = Some(words);
        Ok(report)
    }

    /// The rules that run.
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.ruleset
            .rules()
            .zip(&self.enabled)
            .filter_map(|(m, on)| on.then_some(m))
    }

    /// Every rule compiled from the packs, those that do not run included
    /// (a severity key or a suppression may name any of them).
    pub fn ruleset(&self) -> &Ruleset {
        &self.ruleset
    }

    /// The configured language of the articles, if any (else detected per article).
    pub fn language(&self) -> Option<crate::lang::Lang> {
        self.language
    }

    /// Severity keys of `settings` that name no rule or category of this
    /// linter's packs; see [`unknown_severity_keys`] for many files at once.
    pub fn unknown_severity_keys(&self, settings: &Settings) -> Option<PackErrors> {
        unknown_severity_keys([(settings, &*self.ruleset)])
    }
}
