//! Rule packs: TOML files declaring rules and the entity knowledge base.
//! The shipped packs in `rules/` are embedded in the binary.

mod error;
pub mod schema;

pub use error::{PackError, PackErrors, PackSource};
use schema::RawPack;

/// The packs that ship with galley, embedded at build time.
pub const SHIPPED: &[(&str, &str)] = &[
    ("core", include_str!("../../rules/core.toml")),
    ("names", include_str!("../../rules/names.toml")),
    (
        "facts-aircraft",
        include_str!("../../rules/facts-aircraft.toml"),
    ),
];

/// Parses one pack. Syntax and schema errors carry the span toml reports.
pub fn parse(source: &PackSource) -> Result<RawPack, PackError> {
    toml::from_str::<RawPack>(&source.text)
        .map_err(|e| PackError::new(&source.name, e.span(), e.message().trim_end().to_owned()))
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
