//! Loading an arbitrary rule pack: errors, never a panic.
#![no_main]

use galley::packs::PackSource;
use galley::Ruleset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Ruleset::compile(vec![PackSource { name: "fuzz.toml".into(), text: text.into() }]);
});
