//! The shipped packs' `[[entity]]` tables, read at build time.
//!
//! Parsing the gazetteer's 2,415 entity tables with spans was most of a
//! one-file run's start-up, so `build.rs` (`build/packs_aot.rs`) reads them
//! with the toml parser into the run-time schema and emits them as static
//! data, with the pack's text in which their bytes are blanked: the rest of
//! the pack (its meta and rules) is parsed at run time as before, at the same
//! byte offsets. Only a shipped pack's own text takes this path; anything
//! else (a user's pack, a changed text) is parsed whole. The tests below hold
//! every shipped pack's precompiled reading to the parser's.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::schema::{AttrValue, RawEntity, Text};
use super::{PackSource, BUILTIN_PREFIX, SHIPPED};

/// A shipped pack whose entities were read at build time.
pub struct Precompiled {
    /// The pack's name in `SHIPPED`.
    pub name: &'static str,
    /// The pack's text with its entity tables blanked (and the blanks at the
    /// end cut): every other span is that of the original.
    pub toml: &'static str,
    pub entities: &'static [StaticEntity],
}

/// One `[[entity]]`, as `RawEntity` reads it.
pub struct StaticEntity {
    /// The table's header in the original text, where errors point.
    pub span: Range<usize>,
    pub name: &'static str,
    pub kind: &'static str,
    pub aliases: &'static [&'static str],
    /// Sorted by key, as `RawEntity`'s map holds them.
    pub attributes: &'static [(&'static str, StaticAttr)],
}

pub enum StaticAttr {
    One(&'static str),
    Many(&'static [&'static str]),
}

static PRECOMPILED: &[Precompiled] = include!(concat!(env!("OUT_DIR"), "/packs_aot.rs"));

/// The precompiled form of `source` when it is a shipped pack with its own
/// text (a source of the same name with other text is parsed whole).
pub fn lookup(source: &PackSource) -> Option<&'static Precompiled> {
    let (pre, original) = named(source)?;
    (*source.text == *original).then_some(pre)
}

/// `lookup` without reading the text through, for estimates (`packs::parsed_len`).
pub fn lookup_estimate(source: &PackSource) -> Option<&'static Precompiled> {
    let (pre, original) = named(source)?;
    (source.text.len() == original.len()).then_some(pre)
}

/// The precompiled pack `source` is named as, and that pack's original text.
fn named(source: &PackSource) -> Option<(&'static Precompiled, &'static str)> {
    let name = source
        .name
        .strip_prefix(BUILTIN_PREFIX)?
        .strip_prefix("rules/")?
        .strip_suffix(".toml")?;
    let pre = PRECOMPILED.iter().find(|p| p.name == name)?;
    let (_, original) = SHIPPED.iter().find(|(n, _)| *n == name)?;
    Some((pre, original))
}

impl StaticEntity {
    pub fn raw(&self) -> Spanned<RawEntity> {
        let borrowed = |s: &[&'static str]| s.iter().map(|s| Text::Borrowed(s)).collect();
        let attributes: BTreeMap<Text, AttrValue> = self
            .attributes
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    StaticAttr::One(s) => AttrValue::One(Text::Borrowed(s)),
                    StaticAttr::Many(s) => AttrValue::Many(borrowed(s)),
                };
                (Text::Borrowed(*k), v)
            })
            .collect();
        Spanned::new(
            self.span.clone(),
            RawEntity {
                name: Text::Borrowed(self.name),
                kind: Text::Borrowed(self.kind),
                aliases: borrowed(self.aliases),
                attributes,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(name: &str, text: &str) -> PackSource {
        PackSource {
            name: format!("{BUILTIN_PREFIX}rules/{name}.toml"),
            text: text.into(),
        }
    }

    /// The precompiled path gives, for every shipped pack, the pack the
    /// parser gives from its original text: the same entities with the same
    /// spans, the same rules and meta span for span, and no errors.
    #[test]
    fn every_shipped_pack_reads_as_the_parser_reads_it() {
        for (name, text) in SHIPPED {
            let source = shipped(name, text);
            let mut parsed_errors = Vec::new();
            let parsed = super::super::parse_text(&source, text, None, &mut parsed_errors);
            let mut pre_errors = Vec::new();
            let pre = super::super::parse(&source, &mut pre_errors);
            assert!(parsed_errors.is_empty(), "{name}: {parsed_errors:?}");
            assert!(pre_errors.is_empty(), "{name}: {pre_errors:?}");
            let (Some(parsed), Some(pre)) = (parsed, pre) else {
                panic!("{name} did not parse");
            };
            assert_eq!(parsed.entity.len(), pre.entity.len(), "{name}");
            for (a, b) in parsed.entity.iter().zip(&pre.entity) {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
            }
            assert_eq!(format!("{parsed:?}"), format!("{pre:?}"), "{name}");
        }
    }

    /// Every shipped pack with entities is precompiled (a pack build.rs had
    /// to leave out would be slow, not wrong: this says so).
    #[test]
    fn every_shipped_pack_with_entities_is_precompiled() {
        for (name, text) in SHIPPED {
            let has_entities = text.lines().any(|l| l.trim() == "[[entity]]");
            let pre = lookup(&shipped(name, text));
            assert_eq!(has_entities, pre.is_some(), "{name}");
            if let Some(pre) = pre {
                assert_eq!(pre.name, *name);
                assert!(!pre.entities.is_empty());
                assert!(pre.toml.len() <= text.len());
                assert!(!pre.toml.contains("[[entity]]"), "{name}");
            }
        }
        assert!(PRECOMPILED
            .iter()
            .all(|p| SHIPPED.iter().any(|(n, _)| *n == p.name)));
    }

    /// A source named as a shipped pack but with other text is parsed whole.
    #[test]
    fn a_changed_shipped_text_is_parsed_whole() {
        let (name, text) = SHIPPED
            .iter()
            .find(|(n, _)| *n == "facts-aircraft")
            .copied()
            .unwrap_or(("", ""));
        let changed = text.replacen("[[entity]]", "[[entity]]\nextra = 1", 1);
        let source = shipped(name, &changed);
        assert!(lookup(&source).is_none());
        let mut errors = Vec::new();
        let _ = super::super::parse(&source, &mut errors);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let user = PackSource {
            name: "my-pack.toml".into(),
            text: (*text).into(),
        };
        assert!(lookup(&user).is_none());
    }
}
