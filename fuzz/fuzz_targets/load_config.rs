//! Loading an arbitrary galley.toml: errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("galley-fuzz-config-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("galley.toml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let mut errors = Vec::new();
    if let Some(config) = galley::config::Config::load(&path, &mut errors) {
        let config = std::sync::Arc::new(config);
        let _ = config.settings(&dir.join("a/b.txt"));
    }
});
