//! The raw TOML schema of a rule pack: every user-written value keeps its
//! span so that a mistake can be pointed at. Validation per kind happens in
//! `rules::compile`; this layer only says what may be written.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub pack: Option<PackMeta>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub entity: Vec<Spanned<RawEntity>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub language: Option<Spanned<String>>,
}

/// One `[[rule]]`. Fields are shared across kinds; which ones a kind reads is
/// checked when the rule is compiled, so a field meant for another kind is an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub description: Option<String>,
    pub doc: Option<RawDoc>,
    // consistency
    pub variants: Option<Spanned<Vec<String>>>,
    pub prefer: Option<Spanned<String>>,
    pub except: Option<Spanned<Vec<String>>>,
    pub groups: Option<Spanned<Vec<Spanned<RawGroup>>>>,
    // substitution
    pub swap: Option<Spanned<BTreeMap<String, String>>>,
    // existence
    pub pattern: Option<Spanned<String>>,
    pub patterns: Option<Spanned<Vec<Spanned<String>>>>,
    pub words: Option<Spanned<Vec<String>>>,
    pub scope: Option<Spanned<String>>,
    // near-miss
    pub entity_types: Option<Spanned<Vec<String>>>,
    pub max_distance: Option<Spanned<i64>>,
    pub min_length: Option<Spanned<i64>>,
    pub ignore: Option<Spanned<Vec<String>>>,
    // attribute, conflation
    pub entity_type: Option<Spanned<String>>,
    pub attribute: Option<Spanned<String>>,
    pub window: Option<Spanned<RawWindow>>,
    pub values: Option<Spanned<BTreeMap<String, String>>>,
    // doubled-word
    pub allow: Option<Spanned<Vec<String>>>,
    // mixed-quotes
    pub quotes: Option<Spanned<Vec<String>>>,
    pub nested_quotes: Option<Spanned<String>>,
    // near-miss with its own term list
    pub terms: Option<Spanned<Vec<String>>>,
    // occurrence
    pub max: Option<Spanned<i64>>,
    pub min: Option<Spanned<i64>>,
    pub max_words: Option<Spanned<i64>>,
    // conditional
    #[serde(rename = "if")]
    pub if_: Option<Spanned<String>>,
    pub then: Option<Spanned<String>>,
    pub position: Option<Spanned<String>>,
}

macro_rules! present {
    ($self:ident, $($field:ident => $name:literal),* $(,)?) => {{
        let mut out = Vec::new();
        $(if let Some(v) = &$self.$field { out.push(($name, v.span())); })*
        out
    }};
}

impl RawRule {
    /// The kind-specific fields written in this rule, with their spans.
    pub fn present_fields(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        present!(self,
            variants => "variants", prefer => "prefer", except => "except", groups => "groups",
            swap => "swap", pattern => "pattern", patterns => "patterns", words => "words",
            scope => "scope", entity_types => "entity-types", max_distance => "max-distance",
            min_length => "min-length", ignore => "ignore", entity_type => "entity-type",
            attribute => "attribute", window => "window", values => "values", allow => "allow",
            message => "message", terms => "terms", max => "max", min => "min", max_words => "max-words",
            if_ => "if", then => "then", position => "position", quotes => "quotes",
            nested_quotes => "nested-quotes",
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub variants: Spanned<Vec<String>>,
    pub prefer: Option<Spanned<String>>,
    pub except: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawWindow {
    Words(i64),
    Named(String),
}

/// Free attributes rule out `deny_unknown_fields` and, with `flatten`,
/// per-field spans; errors point at the whole `[[entity]]` instead.
#[derive(Debug, Deserialize)]
pub struct RawEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free attributes (`maker`, `role`, …): a string or a list of strings.
    #[serde(flatten)]
    pub attributes: BTreeMap<String, AttrValue>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    One(String),
    Many(Vec<String>),
}

impl AttrValue {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            AttrValue::One(s) => vec![s],
            AttrValue::Many(v) => v,
        }
    }
}

/// A rule's documentation, with the fixed headings `galley explain` prints.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDoc {
    /// What it does.
    pub what: String,
    /// Why it matters in a translated article.
    pub why: String,
    /// An example that fires.
    pub example: String,
    /// A look-alike that stays silent.
    pub silent: String,
    /// How safe the fix is.
    pub fix: String,
}
