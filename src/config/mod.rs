//! Configuration: `galley.toml` (or `.galley.toml`), found from each checked
//! file's directory upward, closest first, stopping at the repository root.
//! Raw options are read with spans, resolved once per config file, and
//! merged per file with the `[[override]]` blocks whose globs match it; only
//! the resolved `Settings` reach the engine.

mod schema;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::packs::reader::{table_value, Reader};
use crate::packs::{PackError, PackErrors, PackSource};
use schema::{RawConfig, RawOverride, Strings};
pub use schema::{CONFIG_FIELDS, OVERRIDE_FIELDS};

pub const CONFIG_NAMES: &[&str] = &["galley.toml", ".galley.toml"];

/// Where a setting came from, for `--show-config` and for errors found after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    pub file: String,
    pub span: Option<Range<usize>>,
    /// `file:line`, computed when the config is read.
    pub place: String,
}

impl Origin {
    pub fn default_value() -> Origin {
        Origin {
            file: String::new(),
            span: None,
            place: "default".into(),
        }
    }

    /// A setting made by the program that embeds galley, not read from a file.
    pub fn caller() -> Origin {
        Origin {
            file: String::new(),
            span: None,
            place: "set by the caller".into(),
        }
    }
}

/// One layer of severity settings: `[severity]` of a config or of one `[[override]]`.
pub type SeverityLayer = Vec<(String, Level, Origin)>;

/// A severity setting: a level, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        match s {
            "off" => Some(Level::Off),
            other => Severity::parse(other).map(Level::On),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::On(s) => s.as_str(),
        }
    }
}

#[derive(Debug, Clone)]
struct Layer {
    language: Option<(Lang, Origin)>,
    packs: Option<(Vec<String>, Origin)>,
    rules: Option<(Vec<PathBuf>, Origin)>,
    /// The globs, where they were set, and the directory they are relative to.
    exclude: Option<(GlobSet, Origin, PathBuf)>,
    severity: SeverityLayer,
}

#[derive(Debug)]
struct Override {
    files: GlobSet,
    /// The directory of the config that wrote it (`extend` brings in others').
    dir: PathBuf,
    layer: Layer,
}

/// One config file, read and resolved.
#[derive(Debug)]
#[non_exhaustive]
pub struct Config {
    pub path: PathBuf,
    pub dir: PathBuf,
    pub source: PackSource,
    /// `unfixable`: rule ids or categories whose fixes are never applied.
    unfixable: Vec<(String, Origin)>,
    /// `accept`: spellings the names rules do not report.
    accept: Vec<(String, Origin)>,
    /// `date`: the articles' date, when they carry none of their own.
    date: Option<(jiff::civil::Date, Origin)>,
    /// The configs this one extends (`extend`), nearest first, with where each was named.
    pub extends: Vec<(PathBuf, Origin)>,
    base: Layer,
    overrides: Vec<Override>,
}

/// The settings that apply to one file.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Settings {
    /// The config these settings were resolved from; a [`crate::Linter`]
    /// built from them resolves its severities per path from it.
    pub config: Option<Arc<Config>>,
    pub language: Option<(Lang, Origin)>,
    /// The shipped packs by name (`default`: all of them).
    pub packs: (Vec<String>, Origin),
    pub rules: Vec<(PathBuf, Origin)>,
    /// Severity settings by layer (the config, then each matching override), lowest precedence first.
    pub severity: Vec<SeverityLayer>,
    pub excluded: Option<Origin>,
    /// Rule ids or categories whose fixes are shown but never applied.
    pub unfixable: Vec<(String, Origin)>,
    /// Spellings no `names/` rule reports (`accept`).
    pub accept: Vec<(String, Origin)>,
    /// The articles' date (`date`, `--date`): facts that change with time
    /// (who held an office) are judged at it.
    pub date: Option<(jiff::civil::Date, Origin)>,
}

impl Settings {
    pub fn defaults() -> Settings {
        Settings {
            config: None,
            language: None,
            packs: (vec!["default".into()], Origin::default_value()),
            rules: Vec::new(),
            severity: Vec::new(),
            excluded: None,
            unfixable: Vec::new(),
            accept: Vec::new(),
            date: None,
        }
    }

    /// Whether two files' settings are the same, so that they can share one
    /// copy: an archive of 200,000 articles under one config needs one.
    pub fn same_as(&self, other: &Settings) -> bool {
        let config = match (&self.config, &other.config) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        config
            && self.language == other.language
            && self.date == other.date
            && self.packs == other.packs
            && self.rules == other.rules
            && self.severity == other.severity
            && self.excluded == other.excluded
            && self.unfixable == other.unfixable
            && self.accept == other.accept
    }

    /// The articles' language when the configuration sets it.
    pub fn language(&self) -> Option<Lang> {
        self.language.as_ref().map(|(l, _)| *l)
    }

    /// What the ruleset depends on: files with equal keys share one compiled ruleset.
    pub fn ruleset_key(&self) -> (Vec<String>, Vec<PathBuf>) {
        (
            self.packs.0.clone(),
            self.rules.iter().map(|(p, _)| p.clone()).collect(),
        )
    }

    /// The level configured for `rule`, if any: later layers win, and within
    /// one layer a rule id beats its category.
    pub fn level(&self, rule: &str) -> Option<Level> {
        level_in(self.severity.iter().map(Vec::as_slice), rule)
    }

    /// These settings with `packs` instead of the shipped packs in force.
    pub fn with_packs(mut self, packs: Vec<String>) -> Settings {
        self.packs = (packs, Origin::caller());
        self
    }

    /// These settings with the articles' language set.
    pub fn with_language(mut self, language: Lang) -> Settings {
        self.language = Some((language, Origin::caller()));
        self
    }

    /// These settings with `key` (a rule id or category) at `level`, in the
    /// highest layer, replacing what that layer set for the same key (within
    /// a layer a rule id beats its category). For settings made without a
    /// config: a [`crate::Linter`] over a config reads the config's levels.
    pub fn with_level(mut self, key: impl Into<String>, level: Level) -> Settings {
        let key = key.into();
        if self.severity.is_empty() {
            self.severity.push(Vec::new());
        }
        if let Some(top) = self.severity.last_mut() {
            top.retain(|(k, _, _)| *k != key);
            top.push((key, level, Origin::caller()));
        }
        self
    }

    /// Every severity key, for checking them against the rules that exist.
    pub fn severity_keys(&self) -> impl Iterator<Item = &(String, Level, Origin)> {
        self.severity.iter().flatten()
    }
}

/// The level set for `rule` in one layer: a rule id beats its category.
pub fn layer_level(layer: &[(String, Level, Origin)], rule: &str) -> Option<Level> {
    use crate::rule_key::{key_match, KeyMatch};
    let mut by_category = None;
    for (key, level, _) in layer {
        match key_match(key, rule) {
            Some(KeyMatch::Id) => return Some(*level),
            Some(KeyMatch::Category) if by_category.is_none() => by_category = Some(*level),
            _ => {}
        }
    }
    by_category
}

/// The level set for `rule` by `layers`, lowest precedence first: later layers win.
pub fn level_in<'a>(
    layers: impl IntoIterator<Item = &'a [(String, Level, Origin)]>,
    rule: &str,
) -> Option<Level> {
    layers
        .into_iter()
        .fold(None, |level, layer| layer_level(layer, rule).or(level))
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

struct Loader<'a, 'e> {
    r: Reader<'e>,
    text: &'a str,
    dir: &'a Path,
    /// Where the rule files a config names must be: its repository's root,
    /// or its own directory outside a repository (canonical).
    root: Option<PathBuf>,
}

impl Loader<'_, '_> {
    /// A rule file the config names, resolved against the config's directory
    /// and refused (an error pointed at it) when it does not exist, is no
    /// regular file, or lies outside the repository: a config comes with the
    /// repository and may be hostile, and `rules = ["/proc/self/environ"]`
    /// or `"../../.ssh/…"` must not make galley read, and quote in an error,
    /// a file of the user's. A path given with `--rules` is not bound.
    fn rule_file(&mut self, p: &Spanned<String>) -> Option<PathBuf> {
        let path = self.dir.join(p.get_ref());
        let shown = p.get_ref();
        let resolved = match std::fs::canonicalize(&path) {
            Ok(r) => r,
            Err(e) => {
                let why = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file".to_owned()
                } else {
                    crate::check::describe(&e)
                };
                self.r.errors.push(
                    PackError::new(
                        &self.r.file,
                        Some(p.span()),
                        format!("cannot read rule file `{shown}`: {why}"),
                    )
                    .with_help("a rule file's path is relative to the config that names it"),
                );
                return None;
            }
        };
        if let Some(root) = &self.root {
            if !resolved.starts_with(root) {
                self.r.errors.push(
                    PackError::new(
                        &self.r.file,
                        Some(p.span()),
                        format!(
                            "rule file `{shown}` is outside {} ({}); a config may name rule files inside it only",
                            if root.join(".git").exists() { "the repository" } else { "the config's directory" },
                            crate::check::display_path(root)
                        ),
                    )
                    .with_help("to use it anyway, pass it on the command line: `--rules FILE`"),
                );
                return None;
            }
        }
        if !resolved.is_file() {
            self.r.errors.push(PackError::new(
                &self.r.file,
                Some(p.span()),
                format!("rule file `{shown}` is not a regular file"),
            ));
            return None;
        }
        Some(path)
    }

    fn origin(&self, span: Range<usize>, what: &str) -> Origin {
        Origin {
            file: self.r.file.clone(),
            place: format!("{}:{}{what}", self.r.file, line_of(self.text, span.start)),
            span: Some(span),
        }
    }

    fn strings(&self, s: &Strings) -> Vec<String> {
        s.get_ref().iter().map(|v| v.get_ref().clone()).collect()
    }

    fn globs(&mut self, s: &Strings) -> GlobSet {
        let mut b = GlobSetBuilder::new();
        for g in s.get_ref() {
            match Glob::new(g.get_ref()) {
                Ok(glob) => {
                    b.add(glob);
                }
                Err(e) => self
                    .r
                    .error(Some(g.span()), format!("invalid glob: {}", e.kind())),
            }
        }
        b.build().unwrap_or_else(|_| GlobSet::empty())
    }

    #[allow(clippy::too_many_arguments)]
    fn layer(
        &mut self,
        language: Option<Spanned<String>>,
        packs: Option<Strings>,
        rules: Option<Strings>,
        exclude: Option<Strings>,
        severity: Option<std::collections::BTreeMap<String, Spanned<String>>>,
        what: &str,
    ) -> Layer {
        let mut layer = Layer {
            language: None,
            packs: None,
            rules: None,
            exclude: None,
            severity: Vec::new(),
        };
        if let Some(l) = language {
            if let Some(lang) = Lang::parse(l.get_ref()) {
                let o = self.origin(l.span(), what);
                layer.language = Some((lang, o));
            } else {
                self.r.errors.push(
                    PackError::new(
                        &self.r.file,
                        Some(l.span()),
                        format!("unknown language `{}`", l.get_ref()),
                    )
                    .with_help("the language is an ISO 639-1 code such as `en`, `de` or `ru`"),
                );
            }
        }
        if let Some(p) = packs {
            for name in p.get_ref() {
                let known = crate::packs::SHIPPED
                    .iter()
                    .map(|(n, _)| *n)
                    .chain(["default"]);
                if !known.clone().any(|k| k == name.get_ref()) {
                    let mut e = PackError::new(
                        &self.r.file,
                        Some(name.span()),
                        format!("no shipped pack is named `{}`", name.get_ref()),
                    );
                    e.help = Some(match crate::rules::suggest(name.get_ref(), known.clone()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the packs are: {}", known.collect::<Vec<_>>().join(", ")),
                    });
                    self.r.errors.push(e);
                }
            }
            layer.packs = Some((self.strings(&p), self.origin(p.span(), what)));
        }
        if let Some(rs) = rules {
            let paths = rs
                .get_ref()
                .iter()
                .filter_map(|p| self.rule_file(p))
                .collect();
            layer.rules = Some((paths, self.origin(rs.span(), what)));
        }
        if let Some(ex) = exclude {
            let set = self.globs(&ex);
            layer.exclude = Some((set, self.origin(ex.span(), what), self.dir.to_path_buf()));
        }
        for (key, value) in severity.unwrap_or_default() {
            match Level::parse(value.get_ref()) {
                Some(level) => {
                    let o = self.origin(value.span(), what);
                    layer.severity.push((key, level, o));
                }
                None => {
                    let mut e = PackError::new(
                        &self.r.file,
                        Some(value.span()),
                        format!("unknown severity `{}`", value.get_ref()),
                    );
                    e.help = Some("a severity is one of: error, warning, info, off".into());
                    self.r.errors.push(e);
                }
            }
        }
        layer
    }
}

impl Override {
    fn matches(&self, file: &Path) -> bool {
        self.files
            .is_match(file.strip_prefix(&self.dir).unwrap_or(file))
    }
}

/// Whether two absolute paths name one file (through links too, when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// How many configs one `extend` chain may hold: a chain is written by hand,
/// and a longer one is a mistake.
const MAX_EXTENDS: usize = 16;

/// `child`'s settings over `parent`'s: what the child sets replaces the
/// parent's value, except `rules` (the parent's files, then the child's) and
/// `[severity]` (merged key by key, the child's keys winning).
fn extend_layer(parent: &Layer, mut child: Layer) -> Layer {
    child.language = child.language.or_else(|| parent.language.clone());
    child.packs = child.packs.or_else(|| parent.packs.clone());
    child.exclude = child.exclude.or_else(|| parent.exclude.clone());
    child.rules = match (&parent.rules, child.rules) {
        (Some((p, _)), Some((c, o))) => Some((p.iter().cloned().chain(c).collect(), o)),
        (p, c) => c.or_else(|| p.clone()),
    };
    let inherited: Vec<_> = parent
        .severity
        .iter()
        .filter(|(k, _, _)| !child.severity.iter().any(|(ck, _, _)| ck == k))
        .cloned()
        .collect();
    child.severity.extend(inherited);
    child
}

impl Config {
    /// Reads and resolves one config file, and the configs it extends; every
    /// error in them is collected.
    pub fn load(path: &Path, errors: &mut Vec<PackError>) -> Option<Config> {
        Config::load_chain(path, errors, &mut Vec::new())
    }

    fn load_chain(
        path: &Path,
        errors: &mut Vec<PackError>,
        chain: &mut Vec<PathBuf>,
    ) -> Option<Config> {
        let name = crate::check::display_path(path);
        let text = match read_text(path) {
            Ok(t) => t,
            Err(why) => {
                errors.push(PackError::new(
                    &name,
                    None,
                    format!("cannot read config: {why}"),
                ));
                return None;
            }
        };
        // Globs and rule paths are relative to the config's directory, which must be
        // absolute so that it prefixes the absolute paths of checked files.
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = abs
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let source = PackSource {
            name: name.clone(),
            text: text.as_str().into(),
        };
        let before = errors.len();
        let root = std::fs::canonicalize(&dir)
            .ok()
            .map(|d| repository_root(&d).unwrap_or(d));
        let mut loader = Loader {
            r: Reader { file: name, errors },
            text: &text,
            dir: &dir,
            root,
        };
        let mut root = loader.r.parse(&text)?;
        loader.r.check_keys(&mut root, CONFIG_FIELDS, "galley.toml");
        let overrides_raw = root.remove("override");
        let raw: RawConfig = loader
            .r
            .value(table_value(0..text.len(), root))
            .unwrap_or_default();
        chain.push(abs.clone());
        let parent = raw.extend.as_ref().and_then(|e| {
            let target = dir.join(e.get_ref());
            let target_abs = std::path::absolute(&target).unwrap_or_else(|_| target.clone());
            if chain.iter().any(|c| same_file(c, &target_abs)) {
                loader.r.error(
                    Some(e.span()),
                    format!("`extend` makes a loop: {} extends this file", e.get_ref()),
                );
                return None;
            }
            if chain.len() >= MAX_EXTENDS {
                loader.r.error(
                    Some(e.span()),
                    format!("more than {MAX_EXTENDS} configs extend one another"),
                );
                return None;
            }
            if !target.is_file() {
                loader
                    .r
                    .error(Some(e.span()), format!("no config at {}", e.get_ref()));
                return None;
            }
            let origin = loader.origin(e.span(), "");
            // `news/../galley.toml` is named `galley.toml` in messages.
            let target_abs = target.canonicalize().unwrap_or(target_abs);
            let parent = Config::load_chain(&target_abs, loader.r.errors, chain)?;
            Some((parent, target_abs, origin))
        });
        let unfixable: Vec<(String, Origin)> = raw
            .unfixable
            .iter()
            .flat_map(|list| list.get_ref())
            .map(|k| (k.get_ref().clone(), loader.origin(k.span(), "")))
            .collect();
        let accept: Vec<(String, Origin)> = raw
            .accept
            .iter()
            .flat_map(|list| list.get_ref())
            .map(|k| (k.get_ref().clone(), loader.origin(k.span(), "")))
            .collect();
        let date = raw
            .date
            .as_ref()
            .and_then(|d| match d.get_ref().parse::<jiff::civil::Date>() {
                Ok(date) => Some((date, loader.origin(d.span(), ""))),
                Err(_) => {
                    loader.r.errors.push(
                        PackError::new(
                            &loader.r.file,
                            Some(d.span()),
                            format!("invalid date `{}`", d.get_ref()),
                        )
                        .with_help("a date is written YYYY-MM-DD, e.g. `2024-03-03`"),
                    );
                    None
                }
            });
        let base = loader.layer(
            raw.language,
            raw.packs,
            raw.rules,
            raw.exclude,
            raw.severity,
            "",
        );
        let mut overrides = Vec::new();
        if let Some(o) = overrides_raw {
            for (span, mut t) in loader.r.tables(o, "override") {
                loader
                    .r
                    .check_keys(&mut t, OVERRIDE_FIELDS, "an [[override]]");
                let Some(raw) = loader.r.value::<RawOverride>(table_value(span.clone(), t)) else {
                    continue;
                };
                let files = loader.globs(&raw.files);
                let what = format!(" ([[override]] files = {:?})", loader.strings(&raw.files));
                let layer = loader.layer(
                    raw.language,
                    raw.packs,
                    raw.rules,
                    raw.exclude,
                    raw.severity,
                    &what,
                );
                overrides.push(Override {
                    files,
                    dir: dir.clone(),
                    layer,
                });
            }
        }
        let mut config = Config {
            path: abs,
            dir,
            source,
            unfixable,
            accept,
            date,
            extends: Vec::new(),
            base,
            overrides,
        };
        if let Some((parent, parent_path, origin)) = parent {
            // The parent's settings first, then this file's: explicit merge order.
            config.base = extend_layer(&parent.base, config.base);
            if raw.unfixable.is_none() {
                config.unfixable = parent.unfixable;
            }
            if raw.accept.is_none() {
                config.accept = parent.accept;
            }
            if config.date.is_none() {
                config.date = parent.date;
            }
            // Each override keeps the directory of the file that wrote it.
            let mut overrides: Vec<Override> = parent.overrides;
            overrides.append(&mut config.overrides);
            config.overrides = overrides;
            config.extends.push((parent_path, origin));
            config.extends.extend(parent.extends);
        }
        (errors.len() == before).then_some(config)
    }

    /// The severity layers that apply to `file` (absolute): `[severity]`,
    /// then each matching override's, lowest precedence first.
    pub fn severity_layers(&self, file: &Path) -> Vec<&[(String, Level, Origin)]> {
        let mut layers = vec![self.base.severity.as_slice()];
        layers.extend(
            self.overrides
                .iter()
                .filter(|o| o.matches(file))
                .map(|o| o.layer.severity.as_slice()),
        );
        layers
    }

    /// `[severity]` of the config itself.
    pub fn base_severity(&self) -> &[(String, Level, Origin)] {
        &self.base.severity
    }

    /// Each `[[override]]`'s severities, whatever files it is for.
    pub fn override_severities(&self) -> impl Iterator<Item = &[(String, Level, Origin)]> {
        self.overrides.iter().map(|o| o.layer.severity.as_slice())
    }

    /// The settings for `file` under this config.
    pub fn settings(self: &Arc<Config>, file: &Path) -> Settings {
        let mut s = Settings::defaults();
        s.config = Some(Arc::clone(self));
        s.unfixable = self.unfixable.clone();
        s.accept = self.accept.clone();
        s.date = self.date.clone();
        let mut layers = vec![&self.base];
        layers.extend(
            self.overrides
                .iter()
                .filter(|o| o.matches(file))
                .map(|o| &o.layer),
        );
        for layer in layers {
            if let Some(l) = &layer.language {
                s.language = Some(l.clone());
            }
            if let Some(p) = &layer.packs {
                s.packs = p.clone();
            }
            if let Some((paths, o)) = &layer.rules {
                s.rules.extend(paths.iter().map(|p| (p.clone(), o.clone())));
            }
            if let Some((set, o, dir)) = &layer.exclude {
                if set.is_match(file.strip_prefix(dir).unwrap_or(file)) {
                    s.excluded = Some(o.clone());
                }
            }
            s.severity.push(layer.severity.clone());
        }
        s
    }
}

/// A config's or rule file's text: bounded like every file galley reads, and
/// refused without quoting when it is not UTF-8 text (a binary file named as
/// a config must not have its bytes printed in an error).
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = crate::check::read_bounded(path, crate::packs::reader::MAX_FILE_BYTES as u64)
        .map_err(|e| match e {
            crate::check::ReadError::Io(e) => crate::check::describe(&e),
            e => e.to_string(),
        })?;
    if bytes.contains(&0) {
        return Err("not a text file (it holds NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The repository `dir` is in: the closest directory upward holding `.git`.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether a config found by discovery (not named with `--config`) may be
/// trusted: not owned by another user (root aside), and not in a directory
/// anyone may write to (`/tmp`), where another user could have left it.
#[cfg(unix)]
fn trusted(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me && meta.uid() != 0 {
        return Err("it is owned by another user".into());
    }
    let dir = path.parent().and_then(|d| std::fs::metadata(d).ok());
    if dir.is_some_and(|d| d.mode() & 0o002 != 0) {
        return Err("its directory is writable by every user".into());
    }
    Ok(())
}

#[cfg(not(unix))]
fn trusted(_: &Path) -> Result<(), String> {
    Ok(())
}

/// How configs are found for a run.
#[derive(Debug, Clone)]
pub enum Discovery {
    /// Upward from each file.
    Upward,
    /// `--config FILE` for every file.
    Forced(PathBuf),
    /// `--no-config`.
    None,
}

/// Configs found so far, by directory, so each is read once per run.
pub struct Configs {
    discovery: Discovery,
    by_dir: HashMap<PathBuf, Option<Arc<Config>>>,
    forced: Option<Arc<Config>>,
    pub errors: Vec<PackError>,
    pub sources: Vec<PackSource>,
    /// Configs found but not trusted, each with why: warnings for the front end.
    pub ignored: Vec<String>,
}

impl Configs {
    pub fn new(discovery: Discovery) -> Configs {
        let mut c = Configs {
            discovery,
            by_dir: HashMap::new(),
            forced: None,
            errors: Vec::new(),
            sources: Vec::new(),
            ignored: Vec::new(),
        };
        if let Discovery::Forced(path) = &c.discovery {
            let path = path.clone();
            c.forced = c.read(&path);
        }
        c
    }

    fn read(&mut self, path: &Path) -> Option<Arc<Config>> {
        let before = self.errors.len();
        let config = Config::load(path, &mut self.errors).map(Arc::new);
        if self.errors.len() > before || config.is_some() {
            if let Ok(text) = read_text(path) {
                self.sources.push(PackSource {
                    name: crate::check::display_path(path),
                    text: text.into(),
                });
            }
        }
        config
    }

    /// The closest config of `file`, reading it on first use.
    pub fn for_file(&mut self, file: &Path) -> Option<Arc<Config>> {
        match &self.discovery {
            Discovery::None => return None,
            Discovery::Forced(_) => return self.forced.clone(),
            Discovery::Upward => {}
        }
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let mut dir = abs.parent().map(Path::to_path_buf);
        let mut visited = Vec::new();
        let mut found = None;
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        while let Some(d) = dir {
            if let Some(cached) = self.by_dir.get(&d) {
                found = cached.clone();
                break;
            }
            visited.push(d.clone());
            if let Some(path) = CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                match trusted(&path) {
                    Ok(()) => found = self.read(&path),
                    Err(why) => self.ignored.push(format!(
                        "{}: ignored, {why}; pass it with `--config` to use it",
                        crate::check::display_path(&path)
                    )),
                }
                break;
            }
            // The repository root ends the search, and so does the user's
            // home: a config above either is not this project's.
            if d.join(".git").exists() || home.as_deref() == Some(d.as_path()) {
                break;
            }
            dir = d.parent().map(Path::to_path_buf);
        }
        for d in visited {
            self.by_dir.insert(d, found.clone());
        }
        found
    }

    pub fn settings(&mut self, file: &Path) -> Settings {
        match self.for_file(file) {
            Some(c) => {
                let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
                c.settings(&abs)
            }
            None => Settings::defaults(),
        }
    }

    pub fn into_errors(self) -> Option<PackErrors> {
        (!self.errors.is_empty()).then_some(PackErrors {
            errors: self.errors,
            sources: self.sources,
        })
    }
}
