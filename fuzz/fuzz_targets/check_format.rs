//! The body shared by the `check_*` targets: the whole check of arbitrary
//! bytes, read in one format, with the shipped packs. No panic, every range
//! inside the text on char boundaries, fixes keep UTF-8 and the fixed text
//! checks again.

use std::sync::OnceLock;

use galley::{check_text, Format, Ruleset};

fn ruleset() -> &'static Ruleset {
    static R: OnceLock<Ruleset> = OnceLock::new();
    R.get_or_init(|| Ruleset::shipped().expect("shipped packs compile"))
}

pub fn run(data: &[u8], format: Format) {
    let Ok(text) = galley::check::decode("fuzz", data.to_vec()) else { return };
    let diagnostics = check_text(ruleset(), &text, format);
    for d in &diagnostics {
        for r in std::iter::once(&d.range).chain(d.labels.iter().map(|l| &l.range)) {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let fixed = galley::fix::apply(&text, &diagnostics, |_| true);
    let _ = check_text(ruleset(), &fixed.text, format);
}
