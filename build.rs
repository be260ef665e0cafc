//! Embeds the language profiles: every `languages/<code>.toml` becomes an
//! entry of `SHIPPED` (sorted by code), so that adding a language adds a
//! file and touches no Rust. Sets `GALLEY_VERSION`: the package version, with
//! the commit when built from a git checkout of galley itself (a tarball from
//! crates.io has no `.git` and gets the bare version). Precompiles the
//! shipped packs' `[[entity]]` tables (`build/packs_aot.rs`).

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/packs/schema.rs"]
mod schema;

#[path = "build/packs_aot.rs"]
mod packs_aot;

fn main() {
    version();
    packs_aot::write();
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

/// `0.1.0 (3f2a9c1d0b7e 2026-12-04)` from a git checkout, else `0.1.0`.
fn version() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let long = match git_commit(manifest) {
        Some((commit, date)) => format!("{version} ({commit} {date})"),
        None => version,
    };
    println!("cargo:rustc-env=GALLEY_VERSION={long}");
}

fn git(manifest: &Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(manifest)
        .args(args)
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !s.trim().is_empty()).then(|| s.trim().to_owned())
}

/// The commit and its date, when the manifest's directory is the top of a git
/// work tree (a tarball unpacked inside another repository must not take that
/// repository's commit); git missing or failing means no commit.
fn git_commit(manifest: &Path) -> Option<(String, String)> {
    let top = git(manifest, &["rev-parse", "--show-toplevel"])?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same(Path::new(&top), manifest) {
        return None;
    }
    // Build again when HEAD moves: HEAD itself, the branch it names, packed refs.
    // A file that does not exist would make cargo run this script on every build.
    let watch = |name: &str| {
        if let Some(p) = git(manifest, &["rev-parse", "--git-path", name]) {
            let p = manifest.join(p);
            if p.exists() {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
    };
    watch("HEAD");
    watch("packed-refs");
    if let Some(branch) = git(manifest, &["symbolic-ref", "-q", "HEAD"]) {
        watch(&branch);
    }
    let commit = git(manifest, &["rev-parse", "--short=12", "HEAD"])?;
    let date = git(manifest, &["log", "-1", "--format=%cs", "HEAD"]).unwrap_or_default();
    Some((commit, date))
}
