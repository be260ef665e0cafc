//! Machine output formats (`--format json-lines|sarif|github|gitlab|checkstyle|junit`),
//! run as CI runs them, on the article fixtures.

use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use galley::check::FileReport;
use galley::output::{self, OutputFormat, Report};
use galley::{Diagnostic, Severity};
use serde_json::Value;

const ARTICLES: [&str; 2] = [
    "fixtures/articles/minsk-talks.txt",
    "fixtures/articles/kyiv-forum.txt",
];

fn galley(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("galley").expect("binary builds");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn run_in(dir: &Path, format: &str, files: &[&str]) -> String {
    let out = galley(dir)
        .args(["check", "--format", format])
        .args(files)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn run(format: &str) -> String {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), format, &ARTICLES)
}

fn sarif_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn json_lines_snapshot() {
    insta::assert_snapshot!(run("json-lines"));
}

#[test]
fn json_lines_are_the_json_formats_diagnostics() {
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let lines: Vec<Value> = run("json-lines")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    assert_eq!(json["diagnostics"].as_array().unwrap(), &lines);
}

/// The SARIF log without what changes whenever a rule pack does (the rules'
/// documentation and the indices into it), which other tests check.
#[test]
fn sarif_snapshot() {
    let mut log = sarif_of(&run("sarif"));
    let run = &mut log["runs"][0];
    run["tool"]["driver"]["rules"] = Value::String("[checked by sarif_lists_every_rule]".into());
    run["tool"]["driver"]["version"] = Value::String("[version]".into());
    for r in run["results"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("ruleIndex");
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&log).unwrap());
}

/// The official schema (tests/schemas/README.md), one pattern mended: its
/// `run.language` pattern ends in a stray `]`, which ECMAScript regexes take as
/// a literal and Rust's regex crate refuses, so the schema would not compile.
/// Escaping it keeps what the pattern means.
fn official_schema_text(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let stray = r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#;
    assert!(
        text.contains(stray),
        "the vendored schema changed: review this mend"
    );
    text.replace(stray, r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$"#)
}

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-2.1.0.json");
    let schema: Value = serde_json::from_str(&official_schema_text(&path)).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let validator = sarif_validator();
    let log = sarif_of(&run("sarif"));
    assert_eq!(schema_errors(&validator, &log), Vec::<String>::new());

    // The schema is not vacuous: a wrong level, a column 0 or a misspelt field fail it.
    for (pointer, bad) in [
        ("/runs/0/results/0/level", Value::from("warn")),
        (
            "/runs/0/results/0/locations/0/physicalLocation/region/startColumn",
            Value::from(0),
        ),
        ("/runs/0/columnKind", Value::from("codepoints")),
    ] {
        let mut broken = log.clone();
        *broken.pointer_mut(pointer).unwrap() = bad;
        assert!(!validator.is_valid(&broken), "{pointer} should be refused");
    }
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["rule_id"] = Value::from("x");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_lists_every_rule() {
    let log = sarif_of(&run("sarif"));
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "galley");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let shipped = galley::Ruleset::shipped().expect("shipped packs compile");
    assert_eq!(rules.len(), shipped.checks().count(), "one entry per check");
    for rule in rules {
        let meta = shipped
            .rule(rule["id"].as_str().unwrap())
            .expect("a shipped rule");
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[field]["text"].as_str().unwrap().is_empty(),
                "{} {field}",
                meta.id
            );
        }
        if let Some(doc) = &meta.doc {
            let help = rule["help"]["text"].as_str().unwrap();
            assert!(help.contains(doc.what.trim()) && help.contains(doc.fix.trim()));
        }
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(ARTICLES.contains(&uri), "{uri}");
    }
}

fn fingerprints(sarif: &str) -> Vec<(String, String, u64)> {
    let log = sarif_of(sarif);
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["partialFingerprints"]["galley/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_lines_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles/kyiv-forum.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), &article).unwrap();
    let before = fingerprints(&run_in(dir.path(), "sarif", &["a.txt"]));
    let gitlab_before: Value =
        serde_json::from_str(&run_in(dir.path(), "gitlab", &["a.txt"])).unwrap();

    std::fs::write(
        dir.path().join("a.txt"),
        format!("Editor’s note: corrected.\n\nAn added paragraph.\n\n{article}"),
    )
    .unwrap();
    let after = fingerprints(&run_in(dir.path(), "sarif", &["a.txt"]));
    let gitlab_after: Value =
        serde_json::from_str(&run_in(dir.path(), "gitlab", &["a.txt"])).unwrap();

    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&b.0, &b.1), (&a.0, &a.1), "same rule, same fingerprint");
        assert_eq!(b.2 + 4, a.2, "four lines further down");
    }
    let fps = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].clone())
            .collect()
    };
    assert_eq!(fps(&gitlab_before), fps(&gitlab_after));

    // Every finding has its own fingerprint, in SARIF and in GitLab's report.
    let mut unique: Vec<_> = before.iter().map(|f| &f.1).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), before.len());
    let mut unique = fps(&gitlab_before);
    unique.sort_by_key(|v| v.to_string());
    unique.dedup();
    assert_eq!(unique.len(), before.len());
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!(run("github"));
}

#[test]
fn gitlab_snapshot() {
    insta::assert_snapshot!(run("gitlab"));
}

#[test]
fn checkstyle_snapshot() {
    insta::assert_snapshot!(run("checkstyle"));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!(run("junit"));
}

/// A report built by hand, for what the fixtures do not hold.
fn report(path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Report {
    Report {
        files: vec![
            FileReport::new(path.to_owned(), text.to_owned(), diagnostics),
            FileReport::new(
                "clean.txt".to_owned(),
                "Nothing to see.\n".to_owned(),
                Vec::new(),
            ),
        ],
        files_checked: 2,
        rules: Vec::new(),
        quiet: false,
        run: Default::default(),
    }
}

fn render(report: &Report, format: OutputFormat) -> String {
    let mut out = Vec::new();
    output::write(report, format, false, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn github_commands_escape_messages_and_properties() {
    assert_eq!(
        output::github_escape_data("100%: a, b\nc\r"),
        "100%25: a, b%0Ac%0D"
    );
    assert_eq!(
        output::github_escape_property("100%: a, b\nc\r"),
        "100%25%3A a%2C b%0Ac%0D"
    );

    let rule: Arc<str> = Arc::from("names/variant-spelling");
    let text = "Kiev, 100% sure.\nKyiv:\nagain";
    let report = report(
        "news/a,b:c.txt",
        text,
        vec![
            Diagnostic::new(
                &rule,
                Severity::Error,
                0..4,
                "100%: 'Kiev', not\n'Kyiv'".into(),
            ),
            // Over a line break: lines only, no columns.
            Diagnostic::new(&rule, Severity::Info, 11..21, "two lines".into()),
        ],
    );
    assert_eq!(
        render(&report, OutputFormat::Github),
        "::error file=news/a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=5,\
         title=names/variant-spelling::100%25: 'Kiev', not%0A'Kyiv'\n\
         ::notice file=news/a%2Cb%3Ac.txt,line=1,endLine=2,\
         title=names/variant-spelling::two lines\n"
    );
}

#[test]
fn xml_formats_escape_and_list_clean_files() {
    let rule: Arc<str> = Arc::from("markers/boilerplate");
    let report = report(
        "a&b.txt",
        "x < y\n",
        vec![Diagnostic::new(
            &rule,
            Severity::Warning,
            2..3,
            "'<' & \"more\" >".into(),
        )],
    );
    let checkstyle = render(&report, OutputFormat::Checkstyle);
    assert!(checkstyle.contains(
        r#"<file name="a&amp;b.txt">
    <error line="1" column="3" severity="warning" message="&apos;&lt;&apos; &amp; &quot;more&quot; &gt;" source="galley.markers/boilerplate"/>"#
    ), "{checkstyle}");
    assert!(
        checkstyle.contains(r#"<file name="clean.txt"/>"#),
        "{checkstyle}"
    );

    let junit = render(&report, OutputFormat::Junit);
    assert!(junit.contains(r#"tests="2" failures="1""#), "{junit}");
    assert!(
        junit.contains(
            r#"<testcase classname="a&amp;b.txt" name="markers/boilerplate 1:3">
      <failure message="&apos;&lt;&apos; &amp; &quot;more&quot; &gt;" type="markers/boilerplate">"#
        ),
        "{junit}"
    );
    assert!(
        junit.contains(r#"<testcase classname="clean.txt" name="clean.txt"/>"#),
        "{junit}"
    );
}

#[test]
fn sarif_without_rule_metadata_still_points_every_result_at_a_rule() {
    let rule: Arc<str> = Arc::from("suppress/stale");
    let report = report(
        "a.txt",
        "x\n",
        vec![Diagnostic::new(&rule, Severity::Info, 0..1, "stale".into())],
    );
    let log = sarif_of(&render(&report, OutputFormat::Sarif));
    assert_eq!(
        schema_errors(&sarif_validator(), &log),
        Vec::<String>::new()
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0]["id"], "suppress/stale");
    assert_eq!(log["runs"][0]["results"][0]["ruleIndex"], 0);
    assert_eq!(log["runs"][0]["results"][0]["level"], "note");
}
