//! A galley.toml from an untrusted repository, in a sandbox holding the ways
//! out: a secret file beside the repository, a link inside it that points at
//! the secret, `/proc`. Whatever the config says, every rule file it gets
//! resolves inside the repository, and no error quotes the secret.
#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use galley::config::Config;
use galley::packs::PackSource;
use galley::Ruleset;
use libfuzzer_sys::fuzz_target;

const SECRET: &str = "SECRET_MARKER_5f3a";

fn sandbox() -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("galley-fuzz-hostile-{}", std::process::id()));
    let repo = base.join("repo");
    if !repo.join(".git").exists() {
        let _ = std::fs::create_dir_all(repo.join(".git"));
        let _ = std::fs::create_dir_all(repo.join("rules"));
        let _ = std::fs::write(
            base.join("secret.toml"),
            format!("{SECRET} = 1\n[[rule]]\nid = \"{SECRET}\"\n"),
        );
        let _ = std::fs::write(
            repo.join("rules/house.toml"),
            "[[rule]]\nid = \"x/y\"\nkind = \"substitution\"\nswap = { \"a\" = \"b\" }\n",
        );
        #[cfg(unix)]
        let _ = std::os::unix::fs::symlink("../../secret.toml", repo.join("rules/link.toml"));
    }
    (base, repo)
}

fuzz_target!(|data: &[u8]| {
    let (_base, repo) = sandbox();
    let path = repo.join("galley.toml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let Ok(root) = std::fs::canonicalize(&repo) else { return };
    let mut errors = Vec::new();
    if let Some(config) = Config::load(&path, &mut errors) {
        let settings = Arc::new(config).settings(&repo.join("a/b.txt"));
        let paths: Vec<PathBuf> = settings.rules.iter().map(|(p, _)| p.clone()).collect();
        for p in &paths {
            if let Ok(c) = std::fs::canonicalize(p) {
                assert!(c.starts_with(&root), "a config reached {}", c.display());
            }
        }
        if let Ok(sources) = galley::linter::read_rule_files(&paths) {
            for s in &sources {
                assert!(!s.text.contains(SECRET), "read the secret through {}", s.name);
            }
            let mut all: Vec<PackSource> = sources;
            all.truncate(4);
            if let Err(e) = Ruleset::compile(all) {
                for err in &e.errors {
                    assert!(!err.message.contains(SECRET), "{}", err.message);
                }
            }
        }
    }
    for e in &errors {
        assert!(!e.message.contains(SECRET), "an error quoted the secret: {}", e.message);
    }
});
