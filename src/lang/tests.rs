use std::collections::BTreeSet;

use unicode_script::{Script, UnicodeScript};

use super::*;

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("a shipped language")
}

#[test]
fn every_shipped_profile_loads() {
    for (code, text) in SHIPPED {
        let p = Profile::parse(code, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&*p.code, *code);
        assert!(!p.name.is_empty(), "{code}");
    }
    assert_eq!(profiles().len(), SHIPPED.len());
}

#[test]
fn the_codes_galley_always_accepted_are_still_known() {
    let codes = [
        "en", "de", "fr", "es", "pl", "it", "pt", "nl", "cs", "sk", "sv", "da", "fi", "hu", "ro",
        "tr", "lt", "lv", "et", "ru", "uk", "be", "bg", "sr", "mk", "ka", "hy", "el", "he", "ar",
        "zh", "ja", "ko",
    ];
    for c in codes {
        let l = lang(c);
        assert_eq!(l.code(), c);
        assert_eq!(l.to_string(), c);
        assert!(l.is_profiled());
    }
    assert_eq!(Lang::all().count(), codes.len());
    assert_eq!(Lang::parse("xx"), None);
    assert_eq!(Lang::parse("EN"), None);
    assert_eq!(Lang::parse(""), None);
    assert_eq!(Lang::ENGLISH, lang("en"));
}

#[test]
fn each_profile_names_its_own_whatlang_language() {
    let mut seen = BTreeSet::new();
    for l in Lang::all() {
        let w = l
            .profile()
            .whatlang
            .expect("every shipped language is one whatlang detects");
        assert!(seen.insert(w.code()), "{l}: two profiles claim {w:?}");
        assert_eq!(Lang::from_whatlang(w), l);
        assert_eq!(language_name(l), l.name(), "{l}");
    }
    // A language whatlang detects and galley has no profile for keeps whatlang's code.
    let hr = Lang::from_whatlang(whatlang::Lang::Hrv);
    assert_eq!(
        (hr.code(), hr.name(), hr.is_profiled()),
        ("hrv", "Croatian", false)
    );
    assert!(hr.profile().function_words.detection.is_empty());
    assert_eq!(Lang::parse("hrv"), None);
}

/// The English names galley used before the profiles (whatlang's), except
/// `zh`, which whatlang calls Mandarin.
fn language_name(l: Lang) -> &'static str {
    match l.code() {
        "zh" => "Chinese",
        _ => l.profile().whatlang.map_or("", whatlang::Lang::eng_name),
    }
}

#[test]
fn the_words_of_each_profile_are_in_its_scripts() {
    for l in Lang::all() {
        let p = l.profile();
        let fw = &p.function_words;
        let words = fw
            .detection
            .iter()
            .chain(&fw.distinguishing)
            .chain(&fw.not_names)
            .map(|w| &**w)
            .chain(p.sentences.abbreviations.iter())
            .chain(p.sentences.before_ordinal.iter())
            .chain(p.sentences.after_ordinal.iter())
            .chain(p.elisions.iter());
        for w in words {
            for c in w.chars() {
                let s = c.script();
                assert!(
                    matches!(s, Script::Common | Script::Inherited) || p.writes_in(s),
                    "{l}: `{w}` has {c:?} in {s:?}, not in {:?}",
                    p.scripts
                );
            }
        }
    }
}

#[test]
fn the_scripts_of_languages_are_decided_in_one_place() {
    let script_of = |c: &str| lang(c).profile().script();
    // Serbian is written in Cyrillic and in Latin: its articles' letters tell.
    let sr = lang("sr").profile();
    assert_eq!(sr.script(), None);
    assert!(sr.writes_in(Script::Cyrillic) && sr.writes_in(Script::Latin));
    // The Cyrillic languages, as language/mixed-script knew them.
    let cyrillic: Vec<&str> = Lang::all()
        .filter(|l| l.profile().writes_in(Script::Cyrillic))
        .map(Lang::code)
        .collect();
    assert_eq!(cyrillic, ["be", "bg", "mk", "ru", "sr", "uk"]);
    // The home scripts language/untranslated knew.
    for (codes, script) in [
        (&["ru", "uk", "be", "bg", "mk"][..], Script::Cyrillic),
        (&["el"], Script::Greek),
        (&["hy"], Script::Armenian),
        (&["he"], Script::Hebrew),
        (&["ar"], Script::Arabic),
        (&["ka"], Script::Georgian),
        (&["zh", "ja"], Script::Han),
        (&["ko"], Script::Hangul),
        (&["en", "de", "fr", "pl", "tr", "lv", "cs"], Script::Latin),
    ] {
        for c in codes {
            assert_eq!(script_of(c), Some(script), "{c}");
        }
    }
    let latin = Lang::all()
        .filter(|l| l.profile().script() == Some(Script::Latin))
        .count();
    assert_eq!(latin, 19);
}

#[test]
fn a_short_text_is_taken_for_the_default_of_its_script() {
    assert_eq!(Lang::default_for_script(Script::Latin), Some(lang("en")));
    assert_eq!(Lang::default_for_script(Script::Cyrillic), Some(lang("ru")));
    assert_eq!(Lang::default_for_script(Script::Greek), None);
    for s in [Script::Latin, Script::Cyrillic] {
        let n = Lang::all()
            .filter(|l| l.profile().default_for_script && l.profile().scripts.first() == Some(&s))
            .count();
        assert_eq!(n, 1, "{s:?}");
    }
}

#[test]
fn related_languages_are_related_both_ways() {
    for l in Lang::all() {
        for r in &l.profile().related {
            match Lang::parse(r) {
                Some(other) => assert!(other.is_related(l.code()), "{l} lists {other}, not back"),
                // A language without a profile is named by whatlang's code,
                // and is not one a profile claims under its ISO 639-1 code.
                None => {
                    let w = whatlang::Lang::from_code(&**r).expect("whatlang's code");
                    assert!(
                        !Lang::from_whatlang(w).is_profiled(),
                        "{l}: write `{r}` as its ISO 639-1 code"
                    );
                }
            }
        }
        assert!(!l.is_related(l.code()));
    }
    // The languages whatlang confuses (untranslated's KINDRED before the profiles).
    let ru = lang("ru");
    assert!(ru.is_related("uk") && ru.is_related("be") && !ru.is_related("en"));
    assert!(lang("es").is_related("pt") && lang("es").is_related("cat"));
    assert!(lang("cs").is_related("sk") && lang("da").is_related("nob"));
    assert!(lang("de").is_related("afr") && !lang("en").is_related("de"));
    assert!(lang("sr").is_related("hrv"));
    let related: Vec<Lang> = lang("uk").related().collect();
    assert_eq!(related, ["ru", "be", "bg", "sr", "mk"].map(lang));
}

#[test]
fn the_shipped_packs_quote_as_their_languages_profiles_say() {
    let mut checked = 0;
    for (name, text) in crate::packs::SHIPPED {
        let pack: toml::Table = toml::from_str(text).expect("a shipped pack");
        let Some(l) = pack
            .get("pack")
            .and_then(|p| p.get("language"))
            .and_then(|l| l.as_str())
            .and_then(Lang::parse)
        else {
            continue;
        };
        let rules = pack
            .get("rule")
            .and_then(|r| r.as_array())
            .cloned()
            .unwrap_or_default();
        for rule in &rules {
            if rule.get("kind").and_then(|k| k.as_str()) != Some("mixed-quotes") {
                continue;
            }
            let q = l.profile().quotes.as_ref().expect("quotes in the profile");
            let primary: Vec<String> = q
                .primary
                .iter()
                .map(|p| format!("{}{}", p.open, p.close))
                .collect();
            let nested = format!("{}{}", q.nested.open, q.nested.close);
            let pack_quotes: Vec<String> =
                rule.get("quotes").and_then(|q| q.as_array()).map_or_else(
                    || vec!["“”".to_owned()],
                    |q| {
                        q.iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    },
                );
            let pack_nested = rule
                .get("nested-quotes")
                .and_then(|n| n.as_str())
                .map_or_else(|| "‘’".to_owned(), str::to_owned);
            assert_eq!(primary, pack_quotes, "{name}");
            assert_eq!(nested, pack_nested, "{name}");
            checked += 1;
        }
    }
    assert_eq!(
        checked, 7,
        "the mixed-quotes rules of en, de, es, fr, pl, ru, uk"
    );
}

#[test]
fn a_word_set_holds_its_words_only() {
    let set: WordSet = ["dr", "prof", "z.b"].into_iter().map(Box::from).collect();
    assert!(set.contains("dr") && set.contains("prof") && set.contains("z.b"));
    assert!(!set.contains("d") && !set.contains("profs") && !set.contains(""));
    assert_eq!(set.len(), 3);
    assert!(WordSet::default().is_empty() && !WordSet::default().contains(""));
}

#[test]
fn a_broken_profile_is_an_error_not_a_panic() {
    for (code, text) in [
        ("english", "name = \"English\"\nscripts = [\"Latin\"]"),
        ("en", "name = \"English\""),
        ("en", "name = \"English\"\nscripts = [\"Latn\"]"),
        ("en", "name = \"English\"\nscripts = [\"Latin\"]\nwhatlang = \"xxx\""),
        ("en", "name = \"English\"\nscripts = [\"Latin\"]\nrelated = [\"zz\"]"),
        ("en", "name = \"English\"\nscripts = [\"Latin\"]\n[quotes]\nprimary = [\"“\"]\nnested = \"‘’\""),
        ("de", "name = \"German\"\nscripts = [\"Latin\"]\n[names]\ngenitive-s-not-after = [\"ss\"]"),
        ("en", "name = \"English\"\nscripts = [\"Latin\"]\nunknown = 1"),
        ("en", "name = "),
    ] {
        let e = Profile::parse(code, text).expect_err(text);
        assert!(e.to_string().starts_with(&format!("languages/{code}.toml: ")), "{e}");
    }
    let fallback = Profile::named("xx");
    assert_eq!(&*fallback.name, "xx");
    assert_eq!(fallback.script(), None);
}

#[test]
fn detection_has_room_for_every_profile() {
    let detecting = Lang::all()
        .filter(|l| !l.profile().function_words.detection.is_empty())
        .count();
    assert!(detecting <= 64, "document::language counts in a u64");
    // Every language is detected on as many words, so that none is favoured.
    for l in Lang::all() {
        let n = l.profile().function_words.detection.len();
        assert!(n == 0 || n == 20, "{l}: {n}");
    }
}
