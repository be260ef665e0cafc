//! `galley check --show-config PATH`: the settings in force for one file,
//! and where each came from.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::config::Settings;

pub fn print(path: &Path, s: &Settings, cli_rules: &[PathBuf], forced: bool) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let row = |out: &mut dyn Write, key: &str, value: String, origin: &str| {
        writeln!(out, "{:<44} # {origin}", format!("{key} = {value}"))
    };
    writeln!(out, "# settings for {}", crate::check::display_path(path))?;
    match &s.config {
        Some(c) => row(
            &mut out,
            "config",
            format!("{:?}", crate::check::display_path(&c.path)),
            if forced {
                "--config"
            } else {
                "closest galley.toml"
            },
        )?,
        None => row(
            &mut out,
            "config",
            "none".into(),
            "no galley.toml found (or --no-config)",
        )?,
    }
    // The `extend` chain: each config's settings come before the one extending it.
    for (p, o) in s.config.iter().flat_map(|c| &c.extends) {
        row(
            &mut out,
            "extends",
            format!("{:?}", crate::check::display_path(p)),
            &o.place,
        )?;
    }
    match &s.language {
        Some((l, o)) => row(&mut out, "language", format!("{:?}", l.code()), &o.place)?,
        None => row(
            &mut out,
            "language",
            "unset".into(),
            "default: detected from each article",
        )?,
    }
    row(
        &mut out,
        "packs",
        format!("{:?}", s.packs.0),
        &s.packs.1.place,
    )?;
    for (p, o) in &s.rules {
        row(
            &mut out,
            "rules",
            format!("{:?}", crate::check::display_path(p)),
            &o.place,
        )?;
    }
    for p in cli_rules {
        row(
            &mut out,
            "rules",
            format!("{:?}", crate::check::display_path(p)),
            "--rules",
        )?;
    }
    for (key, level, o) in s.severity_keys() {
        row(
            &mut out,
            &format!("severity.{key:?}"),
            format!("{:?}", level.as_str()),
            &o.place,
        )?;
    }
    for (key, o) in &s.unfixable {
        row(&mut out, "unfixable", format!("{key:?}"), &o.place)?;
    }
    for (spelling, o) in &s.accept {
        row(&mut out, "accept", format!("{spelling:?}"), &o.place)?;
    }
    match &s.excluded {
        Some(o) => row(&mut out, "excluded", "true".into(), &o.place),
        None => row(&mut out, "excluded", "false".into(), "default"),
    }
}
