//! Reading a TOML file so that every mistake in it is reported in one run:
//! all syntax errors (toml's recoverable parser), every unknown key (with a
//! "did you mean"), and each table's type errors, one table at a time.
//! Packs and `galley.toml` are both read through it.

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::PackError;

/// Rule packs and configs larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 16 << 20;

pub struct Reader<'e> {
    pub file: String,
    pub errors: &'e mut Vec<PackError>,
}

impl Reader<'_> {
    pub fn error(&mut self, span: Option<std::ops::Range<usize>>, message: impl Into<String>) {
        self.errors.push(PackError::new(&self.file, span, message));
    }

    /// The document's root table, or `None` after reporting its syntax errors.
    pub fn parse<'i>(&mut self, text: &'i str) -> Option<DeTable<'i>> {
        if text.len() > MAX_FILE_BYTES {
            self.error(
                None,
                format!(
                    "file is {} bytes, more than the {MAX_FILE_BYTES}-byte limit",
                    text.len()
                ),
            );
            return None;
        }
        let (root, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() {
            return Some(root.into_inner());
        }
        for e in errors {
            self.error(e.span(), e.message().trim_end().to_owned());
        }
        None
    }

    /// Reports and removes every key of `table` not in `known`.
    pub fn check_keys(&mut self, table: &mut DeTable<'_>, known: &[&str], what: &str) {
        self.check_keys_near(table, known, &[], what);
    }

    /// `check_keys`, with "did you mean" looking among `near` first (a rule
    /// kind's own fields: `entity-types` rather than another kind's `entity-type`).
    pub fn check_keys_near(
        &mut self,
        table: &mut DeTable<'_>,
        known: &[&str],
        near: &[&str],
        what: &str,
    ) {
        let unknown: Vec<(String, std::ops::Range<usize>)> = table
            .iter()
            .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), k.span()))
            .collect();
        for (key, span) in &unknown {
            let mut e = PackError::new(
                &self.file,
                Some(span.clone()),
                format!("unknown field `{key}` in {what}"),
            );
            let suggestion = crate::rules::suggest(key, near.iter().copied())
                .or_else(|| crate::rules::suggest(key, known.iter().copied()));
            e.help = Some(match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the fields of {what} are: {}", known.join(", ")),
            });
            self.errors.push(e);
        }
        if !unknown.is_empty() {
            let all = std::mem::take(table);
            for (k, v) in all {
                if known.contains(&k.get_ref().as_ref()) {
                    table.insert(k, v);
                }
            }
        }
    }

    /// Deserializes one value, reporting its first type error.
    pub fn value<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>) -> Option<T> {
        let span = value.span();
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(e.span().or(Some(span)), e.message().trim_end().to_owned());
                None
            }
        }
    }

    /// The tables of an array of tables (`[[rule]]`), reporting anything else.
    pub fn tables<'i>(
        &mut self,
        value: Spanned<DeValue<'i>>,
        what: &str,
    ) -> Vec<(std::ops::Range<usize>, DeTable<'i>)> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| {
                    let span = item.span();
                    match item.into_inner() {
                        DeValue::Table(t) => Some((span, t)),
                        _ => {
                            self.error(Some(span), format!("each {what} must be a table"));
                            None
                        }
                    }
                })
                .collect(),
            DeValue::Table(t) => vec![(span, t)],
            _ => {
                self.error(
                    Some(span),
                    format!("`{what}` must be an array of tables: write [[{what}]]"),
                );
                Vec::new()
            }
        }
    }
}

/// Re-wraps a table as a value with its span, for `Reader::value`.
pub fn table_value(span: std::ops::Range<usize>, table: DeTable<'_>) -> Spanned<DeValue<'_>> {
    Spanned::new(span, DeValue::Table(table))
}
