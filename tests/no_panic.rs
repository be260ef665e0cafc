//! No input makes galley panic, and every range it reports lies on char
//! boundaries inside the text. Inputs are built from the pieces the rules
//! care about (names, quotes, brackets, currency, multi-byte letters,
//! combining marks, line breaks), shuffled by a seeded generator.

use galley::fix::apply;
use galley::{check_article, Format, Ruleset};

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<b>",
    "&amp;",
    "&rsquo;",
    "&#0;",
    "<!--",
    "```",
    "`",
    "\\",
    "---\ntitle: ",
    "+++\n",
    "[x](",
    "<img alt=\"",
    "Lukashenko",
    "Lukashenka",
    "Lukashenka’s",
    "Belarussia",
    "Belarus",
    "Belarusian",
    "Sushoi",
    "Sukhoi",
    "MiG-25",
    "MC21",
    "Superjet",
    "attack aircraft",
    "Boeing",
    "the",
    "The",
    "had",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    ".",
    ". ",
    "...",
    "…",
    ",",
    "(",
    ")",
    "(, -",
    "[",
    "]",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "$",
    "$ ",
    "300",
    "3.5",
    "é",
    "e\u{301}",
    "\u{200b}",
    "Ж",
    "Минск",
    "日本",
    "🙂",
    "-",
    "–",
    "—",
    "&nbsp;",
    "Read also:",
    "A.",
    "Mr.",
    "U.S.",
    "NET",
    "Kyiv",
    "Kiev",
    "Chicken Kiev",
    "Khrenin",
    "Hrenin",
    "s",
    "'s",
    "\t",
    "\u{feff}",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn no_input_panics_and_ranges_stay_on_char_boundaries() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = (rng.next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let format = [Format::Plain, Format::Markdown, Format::Html][(rng.next() % 3) as usize];
        let diagnostics = check_article(&ruleset, &text, format, galley::Lang::parse("en"));
        for d in &diagnostics {
            for r in std::iter::once(&d.range).chain(d.labels.iter().map(|l| &l.range)) {
                assert!(
                    r.start <= r.end && r.end <= text.len(),
                    "{r:?} outside {text:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{r:?} in {text:?}"
                );
            }
        }
        let fixed = apply(&text, &diagnostics, |_| true);
        let _ = check_article(&ruleset, &fixed.text, format, None);
    }
}
