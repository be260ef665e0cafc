//! The rule language end to end: an arbitrary pack (before the first NUL
//! byte) compiled and run over an arbitrary article (after it). Catches what
//! only runs at check time: `conditional`'s split of `then` around `$1`,
//! patterns that compile but misbehave on a text, message templates.
#![no_main]

use galley::packs::PackSource;
use galley::{Format, Ruleset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (pack, article) = (&data[..split], data.get(split + 1..).unwrap_or(&[]));
    let (Ok(pack), Ok(article)) = (std::str::from_utf8(pack), std::str::from_utf8(article)) else {
        return;
    };
    let Ok(ruleset) = Ruleset::compile(vec![PackSource { name: "fuzz.toml".into(), text: pack.into() }])
    else {
        return;
    };
    for d in galley::check::check_text(&ruleset, article, Format::Plain) {
        assert!(d.range.start <= d.range.end && d.range.end <= article.len());
        assert!(article.is_char_boundary(d.range.start) && article.is_char_boundary(d.range.end));
    }
});
