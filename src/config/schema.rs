//! The raw schema of `galley.toml`: every value keeps its span.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

pub const CONFIG_FIELDS: &[&str] = &[
    "extend",
    "language",
    "packs",
    "rules",
    "exclude",
    "unfixable",
    "accept",
    "date",
    "severity",
    "override",
];
pub const OVERRIDE_FIELDS: &[&str] =
    &["files", "language", "packs", "rules", "exclude", "severity"];

pub type Strings = Spanned<Vec<Spanned<String>>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Another galley.toml this one builds on, relative to this file.
    pub extend: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub packs: Option<Strings>,
    pub rules: Option<Strings>,
    pub exclude: Option<Strings>,
    /// Rule ids or categories whose fixes are shown but never applied (ruff's `unfixable`).
    pub unfixable: Option<Strings>,
    /// Spellings the names rules accept (an editor's "accept this spelling").
    pub accept: Option<Strings>,
    /// The articles' date (`YYYY-MM-DD`), for facts that change with time.
    pub date: Option<Spanned<String>>,
    pub severity: Option<BTreeMap<String, Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    pub files: Strings,
    pub language: Option<Spanned<String>>,
    pub packs: Option<Strings>,
    pub rules: Option<Strings>,
    pub exclude: Option<Strings>,
    pub severity: Option<BTreeMap<String, Spanned<String>>>,
}
