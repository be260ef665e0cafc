//! Rule packs: TOML files declaring rules and the entity knowledge base.
//! The shipped packs in `rules/` are embedded in the binary.

mod error;
pub mod fields;
pub mod precompiled;
pub mod reader;
pub mod schema;

pub use error::{PackError, PackErrors, PackSource};
use schema::{PackMeta, RawDoc, RawOptions, RawPack, RawRule};

/// The packs that ship with galley, embedded at build time. A pack named
/// `<name>-<language>` is the edition of `<name>` for articles in that
/// language (`core-de`), `<name>-any` its rules for articles in any language;
/// `core` and `names` themselves are for articles in English.
pub const SHIPPED: &[(&str, &str)] = &[
    ("core", include_str!("../../rules/core.toml")),
    ("core-any", include_str!("../../rules/core-any.toml")),
    ("core-de", include_str!("../../rules/core-de.toml")),
    ("core-fr", include_str!("../../rules/core-fr.toml")),
    ("core-es", include_str!("../../rules/core-es.toml")),
    ("core-pl", include_str!("../../rules/core-pl.toml")),
    ("core-ru", include_str!("../../rules/core-ru.toml")),
    ("core-uk", include_str!("../../rules/core-uk.toml")),
    ("markup", include_str!("../../rules/markup.toml")),
    ("language", include_str!("../../rules/language.toml")),
    (
        "language-acronyms",
        include_str!("../../rules/language-acronyms.toml"),
    ),
    ("style-ru-en", include_str!("../../rules/style-ru-en.toml")),
    ("style-uk-en", include_str!("../../rules/style-uk-en.toml")),
    ("names", include_str!("../../rules/names.toml")),
    ("names-de", include_str!("../../rules/names-de.toml")),
    ("names-world", include_str!("../../rules/names-world.toml")),
    (
        "names-gazetteer",
        include_str!("../../rules/names-gazetteer.toml"),
    ),
    (
        "facts-leaders",
        include_str!("../../rules/facts-leaders.toml"),
    ),
    (
        "facts-aircraft",
        include_str!("../../rules/facts-aircraft.toml"),
    ),
    (
        "facts-numbers",
        include_str!("../../rules/facts-numbers.toml"),
    ),
    (
        "facts-calendar",
        include_str!("../../rules/facts-calendar.toml"),
    ),
];

/// Parses one pack, collecting every error in it rather than the first. A
/// shipped pack's entities were read at build time (`precompiled`): only the
/// rest of it is parsed here.
pub fn parse<'s>(source: &'s PackSource, errors: &mut Vec<PackError>) -> Option<RawPack<'s>> {
    match precompiled::lookup(source) {
        Some(pre) => parse_text(source, pre.toml, Some(pre), errors),
        None => parse_text(source, &source.text, None, errors),
    }
}

/// About how many bytes of TOML `parse` reads for `source`: what the parse costs.
pub fn parsed_len(source: &PackSource) -> usize {
    precompiled::lookup_estimate(source).map_or(source.text.len(), |pre| pre.toml.len())
}

/// `parse` of `text`, which is `source`'s text or, with `pre`, its text
/// without the entities `pre` holds.
fn parse_text<'s>(
    source: &PackSource,
    text: &'s str,
    pre: Option<&precompiled::Precompiled>,
    errors: &mut Vec<PackError>,
) -> Option<RawPack<'s>> {
    let mut r = reader::Reader {
        file: source.name.clone(),
        errors,
    };
    let mut root = r.parse(text)?;
    r.check_keys(&mut root, fields::of::<RawPack>(), "a rule pack");
    let mut pack = RawPack {
        pack: None,
        rule: Vec::new(),
        entity: Vec::new(),
    };
    if let Some(meta) = root.remove("pack") {
        let span = meta.span();
        if let toml::de::DeValue::Table(mut t) = meta.into_inner() {
            r.check_keys(&mut t, fields::of::<PackMeta>(), "[pack]");
            pack.pack = r.value(reader::table_value(span, t));
        } else {
            r.error(Some(span), "`pack` must be a table: write [pack]");
        }
    }
    if let Some(rules) = root.remove("rule") {
        // A field of another kind is caught once the rule's kind is known
        // (`rules::options`); here, one that no kind reads.
        let known = crate::rules::rule_fields();
        let common = fields::of::<RawRule>();
        for (span, mut t) in r.tables(rules, "rule") {
            let kind = t.get("kind").and_then(|k| k.get_ref().as_str());
            let near: Vec<&str> = crate::rules::KINDS
                .iter()
                .filter(|k| Some(k.name) == kind)
                .flat_map(|k| common.iter().chain(k.fields()).copied())
                .collect();
            r.check_keys_near(&mut t, known, &near, "a [[rule]]");
            let mut doc_spans = [None, None];
            if let Some(doc) = t.get_mut("doc") {
                if let toml::de::DeValue::Table(d) = doc.get_mut() {
                    r.check_keys(d, fields::of::<RawDoc>(), "[rule.doc]");
                    doc_spans = ["example", "silent"].map(|k| d.get(k).map(|v| v.span()));
                }
            }
            if let Some(tests) = t.get_mut("test") {
                if let toml::de::DeValue::Array(cases) = tests.get_mut() {
                    for case in cases.iter_mut() {
                        if let toml::de::DeValue::Table(c) = case.get_mut() {
                            r.check_keys(c, fields::of::<schema::RawTest>(), "[[rule.test]]");
                        }
                    }
                }
            }
            let mut options = toml::de::DeTable::default();
            for (k, v) in std::mem::take(&mut t) {
                if common.contains(&k.get_ref().as_ref()) {
                    t.insert(k, v);
                } else {
                    options.insert(k, v);
                }
            }
            if let Some(mut rule) = r.value::<RawRule>(reader::table_value(span.clone(), t)) {
                rule.doc_spans = doc_spans;
                rule.options = RawOptions {
                    span: span.clone(),
                    table: options,
                };
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
    if let Some(pre) = pre {
        pack.entity = pre.entities.iter().map(|e| e.raw()).collect();
    }
    // Rules that did deserialize are compiled too, so their errors are reported in this run.
    Some(pack)
}

/// Whether `requested`, a name in a config's `packs`, selects the shipped
/// pack `name`: `default` selects all of them, a name selects its pack and
/// that pack's editions (`core` selects `core`, `core-any`, `core-de` …).
pub fn selects(requested: &str, name: &str) -> bool {
    requested == "default"
        || requested == name
        || name
            .strip_prefix(requested)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|l| l == "any" || crate::lang::Lang::parse(l).is_some())
}

/// The shipped packs named in a config's `packs` (`default` is all of them).
/// What the name of a shipped pack's source starts with.
pub const BUILTIN_PREFIX: &str = "<builtin>/";

pub fn shipped_by_name(names: &[String]) -> Vec<PackSource> {
    SHIPPED
        .iter()
        .filter(|(name, _)| names.iter().any(|n| selects(n, name)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_name_selects_its_language_editions() {
        assert!(
            selects("core", "core") && selects("core", "core-de") && selects("core", "core-any")
        );
        assert!(selects("names", "names-de") && !selects("names", "names-world"));
        assert!(!selects("core-de", "core") && !selects("core-de", "core-fr"));
        assert!(selects("default", "facts-aircraft"));
        let names = |req: &[&str]| -> Vec<String> {
            let req: Vec<String> = req.iter().map(|s| s.to_string()).collect();
            shipped_by_name(&req).into_iter().map(|p| p.name).collect()
        };
        assert_eq!(names(&["core-de"]), ["<builtin>/rules/core-de.toml"]);
        assert_eq!(names(&["core"]).len(), 8);
    }
}
