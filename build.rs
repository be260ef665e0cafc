//! Embeds the language profiles: every `languages/<code>.toml` becomes an
//! entry of `SHIPPED` (sorted by code), so that adding a language adds a
//! file and touches no Rust.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("languages");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                    codes.push((stem.to_owned(), path.display().to_string()));
                }
            }
        }
    }
    codes.sort();
    let mut out = String::from("&[\n");
    for (code, path) in &codes {
        let _ = writeln!(out, "    ({code:?}, include_str!({path:?})),");
    }
    out.push_str("]\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("shipped_languages.rs");
    if let Err(e) = std::fs::write(&target, out) {
        println!("cargo:warning=cannot write {}: {e}", target.display());
    }
}
