//! Configured severities: a level replaces a rule's own, `off` removes its
//! findings. With a config, the levels for a path are its `[severity]` and
//! those of the `[[override]]`s whose globs match the path.

use std::path::Path;
use std::sync::Arc;

use crate::config::{layer_level, level_in, Config, Level, Settings, SeverityLayer};
use crate::diagnostic::Diagnostic;
use crate::packs::{PackError, PackErrors, PackSource};
use crate::rule_key::key_matches;
use crate::rules::Ruleset;

/// Where a linter's levels come from.
#[derive(Debug, Clone)]
pub(super) enum Levels {
    /// The same layers for every path (settings made without a config).
    Fixed(Vec<SeverityLayer>),
    /// Resolved per path from a config and its overrides.
    Config(Arc<Config>),
}

impl Levels {
    pub(super) fn of(settings: &Settings) -> Levels {
        match &settings.config {
            Some(c) => Levels::Config(Arc::clone(c)),
            None => Levels::Fixed(settings.severity.clone()),
        }
    }

    /// Whether `rule` is off whatever the path: nothing it finds can be reported.
    pub(super) fn always_off(&self, rule: &str) -> bool {
        match self {
            Levels::Fixed(layers) => {
                level_in(layers.iter().map(Vec::as_slice), rule) == Some(Level::Off)
            }
            Levels::Config(c) => {
                layer_level(c.base_severity(), rule) == Some(Level::Off)
                    && c.override_severities()
                        .all(|layer| !matches!(layer_level(layer, rule), Some(Level::On(_))))
            }
        }
    }

    /// Applies the levels in force at `path` to its findings.
    pub(super) fn apply(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        let layers: Vec<&[(String, Level, crate::config::Origin)]> = match self {
            Levels::Fixed(layers) => layers.iter().map(Vec::as_slice).collect(),
            Levels::Config(c) => {
                if c.base_severity().is_empty() && c.override_severities().all(<[_]>::is_empty) {
                    return;
                }
                // Override globs are relative to the config's directory, which is absolute.
                let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                c.severity_layers(&abs)
            }
        };
        if layers.iter().all(|l| l.is_empty()) {
            return;
        }
        diagnostics.retain_mut(|d| match level_in(layers.iter().copied(), &d.rule) {
            Some(Level::Off) => false,
            Some(Level::On(s)) => {
                d.severity = s;
                true
            }
            None => true,
        });
    }
}

/// Severity keys that name no rule and no category of the ruleset checking
/// the files they apply to: mistakes in the config, pointed at like any
/// other. Each `(settings, ruleset)` is one checked file's; a key is
/// reported once however many files it applies to.
/// Severity keys that still use an old id, each once: `file: note`, for the
/// front end to show (the key works; it names the whole check now).
pub fn deprecated_severity_keys<'a>(
    settings: impl IntoIterator<Item = &'a Settings>,
) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for s in settings {
        for (key, _, origin) in s.severity_keys() {
            if let Some(note) = crate::rules::ids::deprecation(key) {
                let line = format!("{}: {note}", origin.file);
                if !notes.contains(&line) {
                    notes.push(line);
                }
            }
        }
    }
    notes
}

pub fn unknown_severity_keys<'a>(
    files: impl IntoIterator<Item = (&'a Settings, &'a Ruleset)>,
) -> Option<PackErrors> {
    let mut errors: Vec<PackError> = Vec::new();
    let mut sources: Vec<PackSource> = Vec::new();
    for (settings, ruleset) in files {
        for (key, _, origin) in settings.severity_keys() {
            let known = ruleset.checks().any(|m| key_matches(key, &m.id));
            if known
                || errors
                    .iter()
                    .any(|e| e.span == origin.span && e.file == origin.file)
            {
                continue;
            }
            let names: Vec<&str> = ruleset
                .checks()
                .flat_map(|m| [&*m.id, m.category()])
                .collect();
            let mut e = PackError::new(
                &origin.file,
                origin.span.clone(),
                format!("no rule or category is named `{key}`"),
            );
            e.help = crate::rules::suggest(key, names.iter().copied())
                .map(|s| format!("did you mean `{s}`?"));
            errors.push(e);
            if let Some(c) = &settings.config {
                if !sources.iter().any(|s| s.name == c.source.name) {
                    sources.push(c.source.clone());
                }
            }
        }
    }
    (!errors.is_empty()).then_some(PackErrors { errors, sources })
}
