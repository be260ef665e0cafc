//! The raw TOML schema of a rule pack: every user-written value keeps its
//! span so that a mistake can be pointed at. The fields of each rule kind are
//! declared by the kind's own module (its `Options`); validation happens in
//! `rules::compile`. This layer only says what may be written.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack<'i> {
    pub pack: Option<PackMeta>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule<'i>>>,
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

/// One `[[rule]]`: the fields every rule has. The rest of the table belongs
/// to the rule's kind, which reads it into its own `Options` once the kind is
/// known (`rules::options`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule<'i> {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub description: Option<String>,
    pub doc: Option<RawDoc>,
    /// `[[rule.test]]`: the rule's own cases, run by `galley test`.
    #[serde(default)]
    pub test: Vec<Spanned<RawTest>>,
    /// Where `[rule.doc]`'s `example` and `silent` are, for `galley test`'s errors.
    #[serde(skip)]
    pub doc_spans: [Option<Range<usize>>; 2],
    #[serde(skip)]
    pub options: RawOptions<'i>,
}

/// One `[[rule.test]]`: a text the rule must flag (`fires`, and with
/// `fixed` the text its fixes must give) or must leave alone (`silent`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    pub fires: Option<Spanned<String>>,
    pub silent: Option<Spanned<String>>,
    pub fixed: Option<Spanned<String>>,
}

/// The keys of a `[[rule]]` that are not common to every rule, with their
/// spans, kept until the kind that reads them is known.
#[derive(Debug, Default)]
pub struct RawOptions<'i> {
    /// The whole `[[rule]]` table.
    pub span: Range<usize>,
    pub table: DeTable<'i>,
}

impl RawOptions<'_> {
    /// The options as a struct of the fields wanted: a kind's `Options`.
    pub fn read<T: DeserializeOwned>(self) -> Result<T, toml::de::Error> {
        let value = Spanned::new(self.span, DeValue::Table(self.table));
        T::deserialize(ValueDeserializer::from(value))
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
    pub name: Text,
    #[serde(rename = "type")]
    pub kind: Text,
    #[serde(default)]
    pub aliases: Vec<Text>,
    /// Free attributes (`maker`, `role`, …): a string or a list of strings.
    #[serde(flatten)]
    pub attributes: BTreeMap<Text, AttrValue>,
}

/// An entity's text: borrowed from the binary for the shipped packs' 3,000
/// entities (read at build time, `packs::precompiled`), owned for a user's,
/// so that start-up copies none of the shipped ones.
pub type Text = std::borrow::Cow<'static, str>;

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    One(Text),
    Many(Vec<Text>),
}

impl AttrValue {
    pub fn into_vec(self) -> Vec<Text> {
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
