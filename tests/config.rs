//! galley.toml discovery, overrides and selection on a fixture tree, and the
//! pointed errors of every class of mistake in a config or rule file.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let out = galley(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn discovery_overrides_and_exclusion_on_a_nested_tree() {
    let all = findings(root(), &["fixtures/config-tree"]);
    let has = |path: &str, rule: &str, sev: &str| {
        all.iter()
            .any(|(p, r, s)| p.ends_with(path) && r == rule && s == sev)
    };
    // [severity]: typography off, variant-spelling raised to error; the house rule file loaded.
    assert!(
        has("news/forum.txt", "names/variant-spelling", "error"),
        "{all:?}"
    );
    assert!(
        has("news/forum.txt", "names/house-kyiv", "warning"),
        "{all:?}"
    );
    assert!(!all
        .iter()
        .any(|(p, r, _)| p.ends_with("news/forum.txt") && r.starts_with("typography/")));
    // [[override]] files = ["opinion/**"]: facts as info.
    assert!(
        has("opinion/jets.txt", "facts/aircraft-role", "info"),
        "{all:?}"
    );
    // exclude = ["archive/**"] skips walked files.
    assert!(
        !all.iter().any(|(p, _, _)| p.contains("archive/")),
        "{all:?}"
    );
    // The closest config wins: the wire desk runs the core pack only, typography back on.
    assert!(
        has("desk/wire/item.txt", "typography/doubled-word", "warning"),
        "{all:?}"
    );
    assert!(
        has("desk/wire/item.txt", "markers/broken-attribution", "error"),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(p, r, _)| p.ends_with("desk/wire/item.txt") && r.starts_with("names/")),
        "{all:?}"
    );
}

#[test]
fn an_excluded_file_named_on_the_command_line_is_checked() {
    let all = findings(root(), &["fixtures/config-tree/archive/old.txt"]);
    assert!(
        all.iter().any(|(_, r, _)| r == "names/known-misspelling"),
        "{all:?}"
    );
}

#[test]
fn no_config_and_a_forced_config() {
    let plain = findings(
        root(),
        &["--no-config", "fixtures/config-tree/news/forum.txt"],
    );
    assert!(
        plain.iter().any(|(_, r, _)| r == "typography/doubled-word"),
        "{plain:?}"
    );
    assert!(
        !plain.iter().any(|(_, r, _)| r == "names/house-kyiv"),
        "{plain:?}"
    );
    let forced = findings(
        root(),
        &[
            "--config",
            "fixtures/config-tree/desk/wire/galley.toml",
            "fixtures/config-tree/news/forum.txt",
        ],
    );
    assert!(
        !forced.iter().any(|(_, r, _)| r.starts_with("names/")),
        "{forced:?}"
    );
}

#[test]
fn show_config_says_where_each_value_came_from() {
    let out = galley(&root().join("fixtures/config-tree"))
        .args(["check", "--show-config", "opinion/jets.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn init_writes_a_starter_config_that_works_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    galley(dir.path()).arg("init").assert().code(0);
    assert!(
        dir.path().join("galley.toml").is_file() && dir.path().join("house-rules.toml").is_file()
    );
    std::fs::write(
        dir.path().join("a.txt"),
        "Minsk talks\n\nSend an email to the desk. Or an e-mail to Kyiv.\n",
    )
    .unwrap();
    let all = findings(dir.path(), &["a.txt"]);
    assert!(
        all.iter().any(|(_, r, _)| r == "style/house-email"),
        "{all:?}"
    );
    // The starter rule reports nothing a shipped rule reports too (issue 18:
    // its Kyiv/Kiev rule doubled names/variant-spelling).
    std::fs::write(
        dir.path().join("b.txt"),
        "Kiev talks\n\nThe talks in Kyiv went on.\n",
    )
    .unwrap();
    let kyiv = findings(dir.path(), &["b.txt"]);
    assert_eq!(kyiv.len(), 1, "{kyiv:?}");
    // Its own cases pass.
    galley(dir.path())
        .args(["test"])
        .assert()
        .code(0)
        .stdout("test result: ok. 2 passed; 0 failed\n");
    galley(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
}

/// Renders the errors `galley check --rules rules.toml` gives for a rule file.
fn rule_errors(rules: &str) -> String {
    errors_of("rules.toml", rules, &["--rules", "rules.toml"])
}

fn config_errors(config: &str) -> String {
    errors_of("galley.toml", config, &[])
}

/// Writes `name` and an article, runs `check ARGS a.txt`, and returns the
/// rendered errors, asserting exit 2 and that nothing was checked.
fn errors_of(name: &str, content: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(name), content).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Text.\n").unwrap();
    let out = galley(dir.path())
        .arg("check")
        .args(args)
        .arg("a.txt")
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing is checked");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn every_mistake_in_a_rule_file_is_pointed_at_in_one_run() {
    let errors = rule_errors(
        r#"[pack]
name = "house"
descripton = "typo"

[[rule]]
id = "markers/x"
kind = "existence"
patern = "x"
pattern = "(unclosed"

[[rule]]
id = "names/y"
kind = "consistancy"
variants = ["A", "B"]

[[rule]]
id = "names/z"
kind = "consistency"
variants = "notalist"

[[rule]]
id = "markers/x"
kind = "existence"
words = ["Read also:"]
swap = { "a" = "b" }
message = "found {found} near {entity}"
severity = "fatal"

[[rule]]
id = "NoCategory"
kind = "doubled-word"
"#,
    );
    insta::assert_snapshot!(errors);
}

#[test]
fn toml_syntax_errors_are_pointed_at() {
    insta::assert_snapshot!(rule_errors(
        "[[rule]\nid = \"x/y\"\nkind = = \"existence\"\n"
    ));
}

#[test]
fn every_mistake_in_a_config_is_pointed_at() {
    let errors = config_errors(
        r#"langauge = "en"
packs = ["core", "namez"]
exclude = ["[bad"]

[severity]
"markers" = "loud"

[[override]]
files = ["opinion/**"]
severety = { "facts" = "info" }
"#,
    );
    insta::assert_snapshot!(errors);
}

#[test]
fn a_severity_key_that_names_no_rule_is_an_error() {
    insta::assert_snapshot!(config_errors(
        "[severity]\n\"names/variant-speling\" = \"error\"\n"
    ));
}

#[test]
fn untrusted_packs_are_bounded() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Name1a and Name1b.\n").unwrap();
    // A 10 MB regex is refused by length, quickly, with a short rendering.
    let huge = format!(
        "[[rule]]\nid = \"markers/huge\"\nkind = \"existence\"\npattern = '{}'\n",
        "(a|b)".repeat(2_000_000)
    );
    std::fs::write(dir.path().join("regex.toml"), huge).unwrap();
    let out = galley(dir.path())
        .args(["check", "--rules", "regex.toml", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("more than the 65536-byte limit") && stderr.len() < 2000,
        "{}",
        &stderr[..stderr.len().min(500)]
    );
    // A pattern under the length limit whose compiled form is too big.
    let big = format!(
        "[[rule]]\nid = \"markers/big\"\nkind = \"existence\"\npattern = '{}'\n",
        r"\w{100}".repeat(60)
    );
    std::fs::write(dir.path().join("big.toml"), big).unwrap();
    galley(dir.path())
        .args(["check", "--rules", "big.toml", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("exceeds size limit"));
    // 100,000 variant groups load and work.
    let mut groups =
        String::from("[[rule]]\nid = \"names/huge\"\nkind = \"consistency\"\ngroups = [\n");
    for i in 0..100_000 {
        groups.push_str(&format!(
            "  {{ variants = [\"Name{i}a\", \"Name{i}b\"] }},\n"
        ));
    }
    groups.push_str("]\n");
    std::fs::write(dir.path().join("groups.toml"), &groups).unwrap();
    galley(dir.path())
        .args([
            "check",
            "--format",
            "short",
            "--rules",
            "groups.toml",
            "a.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("names/huge"));
    // Past the term limit, a clear error.
    let mut many = String::from("[[rule]]\nid = \"names/many\"\nkind = \"substitution\"\nswap = {");
    for i in 0..260_000 {
        many.push_str(&format!(
            "{}\"W{i}x\" = \"W{i}y\"",
            if i > 0 { ", " } else { " " }
        ));
    }
    many.push_str(" }\n");
    std::fs::write(dir.path().join("many.toml"), &many).unwrap();
    galley(dir.path())
        .args(["check", "--rules", "many.toml", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "dictionary terms, more than the limit",
        ));
}

/// A pack runs only on articles in its language; `language` in the config
/// forces the articles' language; an unknown code is an error at its place.
#[test]
fn packs_run_on_articles_in_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("house.toml"),
        "[pack]\nname = \"house-de\"\nlanguage = \"de\"\n\n[[rule]]\nid = \"names/house-de\"\nkind = \"existence\"\nwords = [\"Weissrussland\"]\n",
    )
    .unwrap();
    std::fs::write(
        d.join("de.txt"),
        "Gespräche in Minsk\n\nDer Präsident von Weissrussland sagte am Montag, dass die Gespräche mit der Delegation aus Moskau fortgesetzt werden und dass die Regierung neue Verträge unterzeichnen wird.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("en.txt"),
        "Talks in Minsk\n\nThe president said on Monday that Weissrussland, as a German paper called it, and Russia would sign new agreements next week.\n",
    )
    .unwrap();
    let rules = |found: Vec<(String, String, String)>| -> Vec<String> {
        found
            .into_iter()
            .filter(|(_, r, _)| r == "names/house-de")
            .map(|(p, _, _)| p)
            .collect()
    };
    let detected = findings(
        d,
        &["--no-config", "--rules", "house.toml", "de.txt", "en.txt"],
    );
    assert_eq!(rules(detected), ["de.txt"]);

    std::fs::write(
        d.join("galley.toml"),
        "language = \"de\"\nrules = [\"house.toml\"]\n",
    )
    .unwrap();
    assert_eq!(
        rules(findings(d, &["de.txt", "en.txt"])),
        ["de.txt", "en.txt"]
    );

    std::fs::write(d.join("galley.toml"), "language = \"german\"\n").unwrap();
    let out = galley(d).args(["check", "en.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown language `german`") && stderr.contains("galley.toml:1:12"),
        "{stderr}"
    );

    std::fs::write(d.join("galley.toml"), "").unwrap();
    std::fs::write(
        d.join("bad.toml"),
        "[pack]\nname = \"x\"\nlanguage = \"klingon\"\n",
    )
    .unwrap();
    let out = galley(d)
        .args(["check", "--rules", "bad.toml", "en.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language `klingon`"));
}
