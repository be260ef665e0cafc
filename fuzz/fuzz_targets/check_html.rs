//! The whole check of arbitrary bytes read as HTML: the html reader and the offset map back to the file, with the shipped packs: no panic, every
//! range inside the text on char boundaries, fixes keep UTF-8 and converge.
#![no_main]

use std::sync::OnceLock;

use galley::{check_text, Format, Ruleset};
use libfuzzer_sys::fuzz_target;

fn ruleset() -> &'static Ruleset {
    static R: OnceLock<Ruleset> = OnceLock::new();
    R.get_or_init(|| Ruleset::shipped().expect("shipped packs compile"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = galley::check::decode("fuzz", data.to_vec()) else { return };
    let diagnostics = check_text(ruleset(), &text, Format::Html);
    for d in &diagnostics {
        for r in std::iter::once(&d.range).chain(d.labels.iter().map(|l| &l.range)) {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let fixed = galley::fix::apply(&text, &diagnostics, |_| true);
    let _ = check_text(ruleset(), &fixed.text, Format::Html);
});
