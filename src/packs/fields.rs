//! The field names of a `#[derive(Deserialize)]` struct, as serde sees them
//! (renamed, skipped ones left out). Error messages, "did you mean" and the
//! check of which kind reads a field all use these lists, so a field is
//! declared once: in its struct.
//!
//! serde passes a struct's field names to `Deserializer::deserialize_struct`;
//! a deserializer that keeps them and stops there reads them without input.
//! Written here rather than taken from a crate: the crates that offer it
//! (`serde-aux`) bring serde_json and chrono for forty lines.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The names `T` reads; empty for a type that is not a struct with named fields.
pub fn of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields = None;
    // The deserializer always fails once it has the names: the error is expected.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields.unwrap_or_default()
}

struct FieldNames<'a>(&'a mut Option<&'static [&'static str]>);

#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("only field names are read")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[allow(dead_code)]
    struct Sample {
        max_words: Option<u32>,
        #[serde(rename = "if")]
        if_: Option<String>,
        #[serde(skip)]
        hidden: u8,
    }

    #[test]
    fn names_are_serdes_own() {
        assert_eq!(super::of::<Sample>(), ["max-words", "if"]);
        assert!(super::of::<String>().is_empty());
    }
}
