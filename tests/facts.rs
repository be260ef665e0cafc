//! The fact rules through the command line: every finding depends only on
//! the mention and the words that state the fact about it (no neighbouring
//! mention cancels it), offices are judged at the article's date, weekdays
//! against their dates, and no fix rewrites a fact.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

/// The findings of `rule` on an article written to `name`, as
/// (found text, message), with extra arguments.
fn findings(text: &str, name: &str, rule: &str, extra: &[&str]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), text).expect("write");
    let out = galley(dir.path())
        .args(["check", "--no-config", "--format", "json"])
        .args(extra)
        .arg(name)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let bytes = text.as_bytes();
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            let s = d["range"]["start"]["offset"].as_u64().unwrap_or(0) as usize;
            let e = d["range"]["end"]["offset"].as_u64().unwrap_or(0) as usize;
            let found = bytes
                .get(s..e)
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            (found, d["message"].as_str().unwrap_or("").to_owned())
        })
        .collect()
}

/// One fact finding and the mentions that must not cancel it: the same
/// entity stated correctly, a related entity, and the right value for
/// another entity.
struct Case {
    rule: &'static str,
    /// The sentence with the slip, and the text its finding points at.
    core: &'static str,
    found: &'static str,
    neighbours: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        rule: "facts/capital-country",
        core: "The next meeting is planned for next year in Astana, the capital of Uzbekistan.",
        found: "Astana",
        neighbours: &[
            "The document was signed in Tashkent.",
            "Astana, the capital of Kazakhstan, hosted the previous round.",
            "Tashkent, the Uzbek capital, sent a delegation.",
            "The talks in the Kazakh capital ended late.",
        ],
    },
    Case {
        rule: "facts/aircraft-maker",
        core: "Experts note that the Sukhoi MC-21 will hardly become available.",
        found: "MC-21",
        neighbours: &[
            "The Belarusian side looks at the Sukhoi Superjet.",
            "The MC-21 is built by Irkut in Siberia.",
            "Boeing delivered its 737 on time.",
            "The airline also flies the Superjet 100.",
        ],
    },
    Case {
        rule: "facts/aircraft-role",
        core: "The MiG-25 attack aircraft took off at dawn.",
        found: "MiG-25",
        neighbours: &[
            "The Su-25 attack aircraft stayed on the ground.",
            "A MiG-25 interceptor is on display in the museum.",
            "A MiG-31 interceptor flew past the stands.",
            "The attack aircraft returned before noon.",
        ],
    },
    Case {
        rule: "facts/leader-country",
        core: "Russian President Alexander Lukashenko said the talks would go on.",
        found: "Alexander Lukashenko",
        neighbours: &[
            "Belarusian President Alexander Lukashenko arrived in the morning.",
            "Russian President Vladimir Putin met him at the airport.",
            "Vladimir Putin spoke first.",
        ],
    },
    Case {
        rule: "facts/leader-office",
        core: "Polish Prime Minister Andrzej Duda met the delegation.",
        found: "Prime Minister",
        neighbours: &[
            "Polish President Andrzej Duda opened the forum.",
            "Polish Prime Minister Donald Tusk spoke after him.",
            "Andrzej Duda thanked the hosts.",
        ],
    },
    Case {
        rule: "facts/weekday-date",
        core: "On Monday, March 3, 2024, the delegation arrived in Minsk.",
        found: "Monday",
        neighbours: &[
            "On Sunday, March 3, 2024, the ministers met in Brest.",
            "On Monday, March 4, 2024, the delegation left.",
            "The talks went on until Monday.",
        ],
    },
    Case {
        rule: "facts/conflated-models",
        core: "The plants make components for the MC21 Sushoi Superjet.",
        found: "MC21 Sushoi Superjet",
        neighbours: &[
            "The MC-21 and the Superjet 100 are built in Russia.",
            "Sukhoi built the Superjet 100.",
            "The MC-21 first flew in 2017.",
        ],
    },
];

#[test]
fn every_fact_finding_survives_every_kind_of_neighbouring_mention() {
    let mut lost = Vec::new();
    for case in CASES {
        let alone = format!("Talks\n\n{}\n", case.core);
        let found = findings(&alone, "a.txt", case.rule, &[]);
        assert!(
            found.iter().any(|(f, _)| f == case.found),
            "{}: no finding on '{}' alone: {found:?}",
            case.rule,
            case.found
        );
        for n in case.neighbours {
            // Before and after it, in its paragraph and in the next one.
            for text in [
                format!("Talks\n\n{n} {}\n", case.core),
                format!("Talks\n\n{} {n}\n", case.core),
                format!("Talks\n\n{n}\n\n{}\n", case.core),
                format!("Talks\n\n{}\n\n{n}\n", case.core),
            ] {
                let found = findings(&text, "a.txt", case.rule, &[]);
                if !found.iter().any(|(f, _)| f == case.found) {
                    lost.push(format!("{}: lost in {text:?}", case.rule));
                }
            }
        }
    }
    assert!(lost.is_empty(), "{lost:#?}");
}

const PUTIN: &str = "\n\nPrime Minister Vladimir Putin met the governors in Moscow.\n";

#[test]
fn an_office_is_judged_at_the_front_matter_date() {
    let dated = |date: &str| {
        format!("---\ntitle: Putin meets governors\ndate: {date}\n---\n\n# Putin meets governors{PUTIN}")
    };
    assert!(findings(&dated("2010-05-12"), "a.md", "facts/leader-office", &[]).is_empty());
    let late = findings(&dated("2023-05-12"), "a.md", "facts/leader-office", &[]);
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(late[0].1.contains("2023"), "{late:?}");
}

#[test]
fn an_office_is_judged_at_the_date_given_on_the_command_line() {
    let text = format!("Putin meets governors{PUTIN}");
    // Without a date, only an office never held is a finding: Putin was Prime Minister.
    assert!(findings(&text, "a.txt", "facts/leader-office", &[]).is_empty());
    assert!(findings(
        &text,
        "a.txt",
        "facts/leader-office",
        &["--date", "2010-05-12"]
    )
    .is_empty());
    assert_eq!(
        findings(
            &text,
            "a.txt",
            "facts/leader-office",
            &["--date", "2023-05-12"]
        )
        .len(),
        1
    );
    // A past office is judged only as one never held.
    let former =
        "Putin meets governors\n\nFormer Prime Minister Vladimir Putin met the governors.\n";
    assert!(findings(
        former,
        "a.txt",
        "facts/leader-office",
        &["--date", "2023-05-12"]
    )
    .is_empty());
}

#[test]
fn an_office_is_judged_at_the_html_date_and_the_dateline() {
    let html = "<html><head><title>Governors</title><meta property=\"article:published_time\" content=\"2023-05-12T09:00:00Z\"></head><body><h1>Governors</h1><p>Prime Minister Vladimir Putin met the governors in Moscow.</p></body></html>";
    assert_eq!(
        findings(html, "a.html", "facts/leader-office", &[]).len(),
        1
    );
    let dateline = "Governors meet\n\nMOSCOW, May 12, 2023 — Prime Minister Vladimir Putin met the governors.\n";
    assert_eq!(
        findings(dateline, "a.txt", "facts/leader-office", &[]).len(),
        1
    );
    let old = "Governors meet\n\nMOSCOW, May 12, 2010 — Prime Minister Vladimir Putin met the governors.\n";
    assert!(findings(old, "a.txt", "facts/leader-office", &[]).is_empty());
}

#[test]
fn the_office_finding_names_its_fact() {
    let text = "Warsaw talks\n\nPolish Prime Minister Andrzej Duda met the delegation in Warsaw on Tuesday.\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), text).expect("write");
    let out = galley(dir.path())
        .args(["check", "--no-config", "a.txt"])
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("Andrzej Duda: President of Poland 2015–2025"),
        "{human}"
    );
}

#[test]
fn a_weekday_without_a_year_takes_the_article_year() {
    let text = "Visit\n\nOn Monday, March 3, the delegation arrived in Minsk.\n";
    // Without a date the year is unknown: nothing is judged.
    assert!(findings(text, "a.txt", "facts/weekday-date", &[]).is_empty());
    assert_eq!(
        findings(
            text,
            "a.txt",
            "facts/weekday-date",
            &["--date", "2024-03-05"]
        )
        .len(),
        1
    );
    // 3 March 2025 was a Monday.
    assert!(findings(
        text,
        "a.txt",
        "facts/weekday-date",
        &["--date", "2025-03-05"]
    )
    .is_empty());
}

#[test]
fn weekdays_in_each_language_format() {
    let cases = [
        ("en", "On Monday, March 3, 2024, the delegation arrived in Minsk for talks on trade and transport."),
        ("en", "On 3 March 2024 (Monday) the delegation arrived in Minsk for talks on trade and transport."),
        ("ru", "В понедельник, 3 марта 2024 года, делегация прибыла в Минск на переговоры о торговле и транспорте."),
        ("de", "Am Montag, dem 3. März 2024, kam die Delegation zu Gesprächen über Handel und Verkehr nach Minsk."),
        ("es", "El lunes 3 de marzo de 2024 la delegación llegó a Minsk para hablar del comercio y del transporte."),
        ("fr", "Le lundi 3 mars 2024, la délégation est arrivée à Minsk pour parler du commerce et des transports."),
        ("pl", "W poniedziałek, 3 marca 2024 roku, delegacja przyjechała do Mińska na rozmowy o handlu i transporcie."),
    ];
    for (lang, sentence) in cases {
        let text = format!("Visit\n\n{sentence}\n");
        let found = findings(&text, "a.txt", "facts/weekday-date", &[]);
        assert_eq!(found.len(), 1, "{lang}: {sentence}: {found:?}");
        assert!(found[0].1.contains("Sunday"), "{lang}: {found:?}");
    }
}

#[test]
fn unsafe_fixes_leave_every_fact_finding_as_written() {
    let text = "Plant to build jets\n\n\
        The plant in Ukraine repaired the MiG-25 aircraft. Attack aircraft, a workhorse, he said.\n\n\
        The Su-25 fighter jets will be built in Minsk. The carrier will take ten Boeing MC-21 airliners.\n\n\
        Russian President Alexander Lukashenko and Polish Prime Minister Andrzej Duda met in Vilnius, the Latvian capital.\n\n\
        On Monday, March 3, 2024, the delegation arrived.\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), text).expect("write");
    let out = galley(dir.path())
        .args(["check", "--no-config", "--format", "json", "a.txt"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let facts: Vec<String> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("facts/")))
        .flat_map(|d| {
            let mut spans = vec![d["range"].clone()];
            spans.extend(
                d["labels"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|l| l["range"].clone()),
            );
            spans
        })
        .map(|r| {
            let s = r["start"]["offset"].as_u64().unwrap_or(0) as usize;
            let e = r["end"]["offset"].as_u64().unwrap_or(0) as usize;
            text[s..e].to_owned()
        })
        .collect();
    assert!(facts.len() >= 6, "too few fact findings: {facts:?}");
    galley(dir.path())
        .args(["check", "--no-config", "--fix", "--unsafe-fixes", "a.txt"])
        .output()
        .expect("runs");
    let after = std::fs::read_to_string(dir.path().join("a.txt")).expect("read");
    for f in &facts {
        assert!(after.contains(f.as_str()), "'{f}' was rewritten:\n{after}");
    }
    for sentence in [
        "the MiG-25 aircraft",
        "The Su-25 fighter jets",
        "Boeing MC-21",
        "Andrzej Duda",
        "On Monday, March 3",
    ] {
        assert!(
            after.contains(sentence),
            "'{sentence}' was rewritten:\n{after}"
        );
    }
}

#[test]
fn a_role_in_a_headline_that_names_no_aircraft_reads_the_article_s_only_aircraft() {
    let rule = "facts/aircraft-role";
    let fires = "Minsk offers to build fighter jets for Moscow\n\nThe plant in Minsk can build the Su-25, the minister said. The Su-25 has flown for decades.\n";
    let found = findings(fires, "a.txt", rule, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "fighter jet");
    // The article's aircraft has the role; or it names two types: silent.
    for silent in [
        "Minsk offers to build fighter jets for Moscow\n\nThe plant in Minsk can build the MiG-29, the minister said.\n",
        "Minsk offers to build fighter jets for Moscow\n\nThe plant can build the Su-25 and repair the MiG-29, the minister said.\n",
    ] {
        assert!(findings(silent, "a.txt", rule, &[]).is_empty(), "{silent}");
    }
}
