//! Rule packs: TOML files declaring rules and the entity knowledge base.
//! The shipped packs in `rules/` are embedded in the binary.

mod error;
pub mod reader;
pub mod schema;

pub use error::{PackError, PackErrors, PackSource};
use schema::RawPack;

/// The packs that ship with galley, embedded at build time.
pub const SHIPPED: &[(&str, &str)] = &[
    ("core", include_str!("../../rules/core.toml")),
    ("language", include_str!("../../rules/language.toml")),
    ("names", include_str!("../../rules/names.toml")),
    ("names-world", include_str!("../../rules/names-world.toml")),
    (
        "facts-leaders",
        include_str!("../../rules/facts-leaders.toml"),
    ),
    (
        "facts-aircraft",
        include_str!("../../rules/facts-aircraft.toml"),
    ),
];

/// The keys a `[[rule]]` table may hold.
pub const RULE_FIELDS: &[&str] = &[
    "id",
    "kind",
    "severity",
    "message",
    "description",
    "doc",
    "variants",
    "prefer",
    "except",
    "groups",
    "swap",
    "pattern",
    "patterns",
    "words",
    "scope",
    "entity-types",
    "max-distance",
    "min-length",
    "ignore",
    "entity-type",
    "attribute",
    "window",
    "values",
    "allow",
    "terms",
    "max",
    "min",
    "max-words",
    "if",
    "then",
    "position",
];
const TOP_FIELDS: &[&str] = &["pack", "rule", "entity"];
const PACK_FIELDS: &[&str] = &["name", "description", "language"];
const DOC_FIELDS: &[&str] = &["what", "why", "example", "silent", "fix"];

/// Parses one pack, collecting every error in it rather than the first.
pub fn parse(source: &PackSource, errors: &mut Vec<PackError>) -> Option<RawPack> {
    let mut r = reader::Reader {
        file: source.name.clone(),
        errors,
    };
    let mut root = r.parse(&source.text)?;
    r.check_keys(&mut root, TOP_FIELDS, "a rule pack");
    let mut pack = RawPack {
        pack: None,
        rule: Vec::new(),
        entity: Vec::new(),
    };
    if let Some(meta) = root.remove("pack") {
        let span = meta.span();
        if let toml::de::DeValue::Table(mut t) = meta.into_inner() {
            r.check_keys(&mut t, PACK_FIELDS, "[pack]");
            pack.pack = r.value(reader::table_value(span, t));
        } else {
            r.error(Some(span), "`pack` must be a table: write [pack]");
        }
    }
    if let Some(rules) = root.remove("rule") {
        for (span, mut t) in r.tables(rules, "rule") {
            r.check_keys(&mut t, RULE_FIELDS, "a [[rule]]");
            if let Some(doc) = t.get_mut("doc") {
                if let toml::de::DeValue::Table(d) = doc.get_mut() {
                    r.check_keys(d, DOC_FIELDS, "[rule.doc]");
                }
            }
            if let Some(rule) = r.value(reader::table_value(span.clone(), t)) {
                pack.rule.push(toml::Spanned::new(span, rule));
            }
        }
    }
    if let Some(entities) = root.remove("entity") {
        for (span, t) in r.tables(entities, "entity") {
            if let Some(e) = r.value(reader::table_value(span.clone(), t)) {
                pack.entity.push(toml::Spanned::new(span, e));
            }
        }
    }
    // Rules that did deserialize are compiled too, so their errors are reported in this run.
    Some(pack)
}

/// The shipped packs named in a config's `packs` (`default` is all of them).
pub fn shipped_by_name(names: &[String]) -> Vec<PackSource> {
    SHIPPED
        .iter()
        .filter(|(name, _)| names.iter().any(|n| n == "default" || n == name))
        .map(|(name, text)| PackSource {
            name: format!("<builtin>/rules/{name}.toml"),
            text: (*text).into(),
        })
        .collect()
}

pub fn shipped_sources() -> Vec<PackSource> {
    SHIPPED
        .iter()
        .map(|(name, text)| PackSource {
            name: format!("<builtin>/rules/{name}.toml"),
            text: (*text).into(),
        })
        .collect()
}
