//! Relay spellings of Cyrillic names read back into English-style
//! romanization: `Loukachenko` (French), `Lukašenko` (Czech) and
//! `Łukaszenka` (Polish) read as `Lukashenko`/`Lukashenka`. The letter
//! tables are data (`translit.toml`, with their sources); this module
//! applies them. Used by the skeletons of `romanization-variants` and the
//! candidates of `near-miss`.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    system: Vec<System>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct System {
    #[allow(dead_code)] // read by people: the table names its systems
    name: String,
    markers: Vec<String>,
    /// (from, to), sorted longest `from` first when loaded.
    rewrite: Vec<(String, String)>,
}

fn systems() -> &'static [System] {
    static TABLE: OnceLock<Vec<System>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The table ships inside the binary and a test parses it; should it
        // ever fail to parse, names are compared in English spelling only.
        let mut systems = toml::from_str::<Table>(include_str!("translit.toml"))
            .map(|t| t.system)
            .unwrap_or_default();
        for s in &mut systems {
            s.rewrite
                .sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
        }
        systems
    })
}

/// One pass, left to right, longest match first.
fn rewrite(word: &str, rules: &[(String, String)]) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    let mut rest = word;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in rules {
            if let Some(tail) = rest.strip_prefix(from.as_str()) {
                out.push_str(to);
                rest = tail;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A Latin letter with a diacritic, as its base letter (`ï` → `i`).
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ă' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ř' => 'r',
        'š' | 'ś' | 'ş' | 'ș' => 's',
        'ť' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ŭ' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        c => c,
    }
}

/// The English-style readings of a lowercase word: the word with its
/// diacritics dropped, and its reading in each relay system whose marks it
/// carries. The first reading is always the plain one.
pub fn readings(lower: &str) -> Vec<String> {
    let plain: String = lower.chars().map(base_letter).collect();
    let mut out = vec![plain];
    for s in systems() {
        if s.markers.iter().any(|m| lower.contains(m.as_str())) {
            let r: String = rewrite(lower, &s.rewrite)
                .chars()
                .map(base_letter)
                .collect();
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_every_system_has_rules() {
        let table: Table = toml::from_str(include_str!("translit.toml")).expect("translit.toml");
        assert!(table.system.len() >= 4);
        assert!(table
            .system
            .iter()
            .all(|s| !s.rewrite.is_empty() && !s.markers.is_empty()));
    }

    #[test]
    fn relay_spellings_read_as_english() {
        for (relay, english) in [
            ("loukachenko", "lukashenko"),
            ("lukašenko", "lukashenko"),
            ("łukaszenka", "lukashenka"),
            ("tikhanovskaïa", "tikhanovskaia"),
            ("tichanovská", "tikhanovska"),
            ("selenskyj", "selenskyy"),
            ("chruschtschow", "khrushchov"),
        ] {
            assert!(
                readings(relay).iter().any(|r| r == english),
                "{relay}: {:?}",
                readings(relay)
            );
        }
    }

    #[test]
    fn english_words_read_as_themselves() {
        assert_eq!(
            readings("moscow").first().map(String::as_str),
            Some("moscow")
        );
        assert_eq!(readings("kharkiv"), ["kharkiv"]);
    }
}
