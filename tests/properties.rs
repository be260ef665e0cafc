//! Properties over generated text (proptest), in every input format: ranges
//! stay on char boundaries inside the file, and safe fixes converge: once
//! applied until none applies, the text is valid UTF-8 and a further check
//! offers no safe fix. The language is forced to English so that every
//! English rule runs whatever the generator writes.

use galley::fix::apply;
use galley::{check_article, Applicability, Diagnostic, Format, Ruleset};

const FORMATS: [Format; 3] = [Format::Plain, Format::Markdown, Format::Html];

fn check(text: &str, format: Format) -> Vec<Diagnostic> {
    check_article(ruleset(), text, format, galley::Lang::parse("en"))
}
use proptest::prelude::*;

fn ruleset() -> &'static Ruleset {
    static R: std::sync::OnceLock<Ruleset> = std::sync::OnceLock::new();
    R.get_or_init(|| Ruleset::shipped().expect("shipped packs compile"))
}

/// Article-like text: words the rules care about, punctuation, any Unicode.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Lukashenko ".to_owned()),
        Just("Lukashenka’s ".to_owned()),
        Just("Belarussia ".to_owned()),
        Just("the the ".to_owned()),
        Just("$ 300 ".to_owned()),
        Just("$300 ".to_owned()),
        Just("\"quoted\" ".to_owned()),
        Just("“curly” ".to_owned()),
        Just("(, - ".to_owned()),
        Just("MiG-25 attack aircraft ".to_owned()),
        Just("\n\n".to_owned()),
        Just("<p>".to_owned()),
        Just("</b>".to_owned()),
        Just("<img alt=\"Belarussia\">".to_owned()),
        Just("&amp;".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("&rsquo;".to_owned()),
        Just("```\n".to_owned()),
        Just("`".to_owned()),
        Just("\\".to_owned()),
        Just("\n# ".to_owned()),
        Just("---\ntitle: ".to_owned()),
        Just("[link](http://x/the-the) ".to_owned()),
        Just("<script>".to_owned()),
        Just(". ".to_owned()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn ranges_lie_on_char_boundaries_inside_the_text(text in article(), f in 0..3usize) {
        for d in check(&text, FORMATS[f]) {
            for r in std::iter::once(&d.range).chain(d.labels.iter().map(|l| &l.range)) {
                prop_assert!(r.start <= r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn safe_fixes_converge(text in article(), f in 0..3usize) {
        let format = FORMATS[f];
        let safe = |a: Applicability| a == Applicability::Safe;
        let mut current = text;
        for _ in 0..8 {
            let fixed = apply(&current, &check(&current, format), safe);
            if fixed.applied == 0 {
                break;
            }
            current = fixed.text;
        }
        prop_assert!(std::str::from_utf8(current.as_bytes()).is_ok());
        let left = check(&current, format);
        let again = apply(&current, &left, safe);
        prop_assert_eq!(again.applied, 0, "still fixable in {:?}", current);
    }
}
