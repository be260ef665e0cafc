//! A kind's options: the fields of a `[[rule]]` that only rules of that kind
//! read. Each kind declares them once, as the `Options` struct of its module;
//! the lists that errors name (what a kind reads, what any rule may hold, the
//! "did you mean" candidates) are the field names serde derives for those
//! structs.

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use super::compile::{Compiler, Kind, RuleMeta, KINDS};
use super::Rule;
use crate::packs::fields;
use crate::packs::schema::{RawOptions, RawRule};

/// A kind's compile function; its argument type is the kind's options.
pub struct Compile<O>(pub fn(&mut Compiler<'_>, O, RuleMeta) -> Option<Box<dyn Rule>>);

/// What the registry needs of a kind's `Compile`, whatever its options type.
pub trait CompileKind {
    /// The fields a rule of this kind may hold besides those every rule has.
    fn fields(&self) -> &'static [&'static str];
    /// Reads the options (reporting the first type error) and compiles the rule.
    fn compile(
        &self,
        cx: &mut Compiler<'_>,
        options: RawOptions<'_>,
        meta: RuleMeta,
    ) -> Option<Box<dyn Rule>>;
}

impl<O: DeserializeOwned> CompileKind for Compile<O> {
    fn fields(&self) -> &'static [&'static str] {
        fields::of::<O>()
    }

    fn compile(
        &self,
        cx: &mut Compiler<'_>,
        options: RawOptions<'_>,
        meta: RuleMeta,
    ) -> Option<Box<dyn Rule>> {
        let span = options.span.clone();
        match options.read::<O>() {
            Ok(o) => (self.0)(cx, o, meta),
            Err(e) => {
                cx.error(e.span().unwrap_or(span), e.message().trim_end());
                None
            }
        }
    }
}

/// Every field a `[[rule]]` may hold: the common ones, then each kind's.
pub fn rule_fields() -> &'static [&'static str] {
    static ALL: OnceLock<Vec<&'static str>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = fields::of::<RawRule>().to_vec();
        for field in KINDS.iter().flat_map(|k| k.fields().iter().copied()) {
            if !all.contains(&field) {
                all.push(field);
            }
        }
        all
    })
}

/// Reports, and removes, each option `kind` does not read: `packs::parse` has
/// already removed those no kind reads, so each is a field of another kind.
/// Returns whether there was none.
pub fn keep_fields_of(cx: &mut Compiler<'_>, kind: &Kind, options: &mut RawOptions<'_>) -> bool {
    let reads = kind.fields();
    let mut foreign: Vec<(String, std::ops::Range<usize>)> = options
        .table
        .iter()
        .filter(|(k, _)| !reads.contains(&k.get_ref().as_ref()))
        .map(|(k, v)| (k.get_ref().to_string(), v.span()))
        .collect();
    // In the order written, not the table's (alphabetical) order.
    foreign.sort_by_key(|(_, span)| span.start);
    for (field, span) in &foreign {
        let readers: Vec<String> = KINDS
            .iter()
            .filter(|k| k.fields().contains(&field.as_str()))
            .map(|k| format!("`{}`", k.name))
            .collect();
        let reads = if reads.is_empty() {
            format!("kind `{}` reads no fields of its own", kind.name)
        } else {
            format!("kind `{}` reads: {}", kind.name, reads.join(", "))
        };
        let help = match readers.as_slice() {
            [] => reads,
            [one] => format!("{reads}; `{field}` is a field of kind {one}"),
            [init @ .., last] => format!(
                "{reads}; `{field}` is a field of kinds {} and {last}",
                init.join(", ")
            ),
        };
        cx.error_help(
            span.clone(),
            format!(
                "field `{field}` is not read by rules of kind `{}`",
                kind.name
            ),
            help,
        );
        options.table.remove(field.as_str());
    }
    foreign.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::PackSource;
    use crate::rules::Ruleset;

    #[test]
    fn no_kind_declares_a_field_every_rule_has() {
        let common = fields::of::<RawRule>();
        assert_eq!(
            common,
            [
                "id",
                "kind",
                "severity",
                "message",
                "description",
                "doc",
                "test"
            ]
        );
        for kind in KINDS {
            for field in kind.fields() {
                assert!(!common.contains(field), "{}: {field}", kind.name);
            }
        }
        assert!(rule_fields().contains(&"nested-quotes") && rule_fields().contains(&"if"));
    }

    /// Every field any kind reads, written in a rule of each kind that does
    /// not read it, is reported at its value, naming the kinds that read it.
    #[test]
    fn a_field_of_another_kind_is_pointed_at() {
        let mut text = String::new();
        let mut expected = Vec::new();
        for (n, kind) in KINDS.iter().enumerate() {
            for field in rule_fields()[fields::of::<RawRule>().len()..].iter() {
                if kind.fields().contains(field) {
                    continue;
                }
                text.push_str(&format!(
                    "[[rule]]\nid = \"x/r{n}-{field}\"\nkind = \"{}\"\n{field} = 1\n",
                    kind.name
                ));
                let at = text.len() - 2;
                expected.push((kind.name, *field, at..at + 1));
            }
        }
        let errors = match Ruleset::compile(vec![PackSource {
            name: "t.toml".into(),
            text: text.into(),
        }]) {
            Ok(_) => panic!("the pack compiled"),
            Err(e) => e.errors,
        };
        for (kind, field, span) in expected {
            let message = format!("field `{field}` is not read by rules of kind `{kind}`");
            let e = errors
                .iter()
                .find(|e| e.message == message)
                .unwrap_or_else(|| panic!("no error: {message}"));
            assert_eq!(e.span, Some(span), "{message}");
            let help = e.help.as_deref().unwrap_or_default();
            let readers = KINDS.iter().filter(|k| k.fields().contains(&field));
            assert!(
                readers
                    .map(|k| format!("`{}`", k.name))
                    .all(|k| help.contains(&k)),
                "{help}"
            );
        }
    }

    #[test]
    fn did_you_mean_prefers_the_rule_s_own_kind() {
        let help = |kind: &str| {
            let text = format!("[[rule]]\nid = \"x/y\"\nkind = \"{kind}\"\nentity-typ = 1\n");
            let errors = match Ruleset::compile(vec![PackSource {
                name: "t.toml".into(),
                text: text.into(),
            }]) {
                Ok(_) => panic!("the pack compiled"),
                Err(e) => e.errors,
            };
            errors
                .into_iter()
                .find(|e| e.message == "unknown field `entity-typ` in a [[rule]]")
                .and_then(|e| e.help)
        };
        let near_miss = help("near-miss");
        assert_eq!(near_miss.as_deref(), Some("did you mean `entity-types`?"));
        let attribute = help("attribute");
        assert_eq!(attribute.as_deref(), Some("did you mean `entity-type`?"));
    }
}
