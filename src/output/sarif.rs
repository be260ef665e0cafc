//! SARIF 2.1.0, as GitHub code scanning (`github/codeql-action/upload-sarif`)
//! and other SARIF viewers read it. One run; the driver lists every rule of
//! the run with its documentation; columns count Unicode code points, as
//! galley's do; `partialFingerprints` keep a finding's identity when lines
//! are inserted above it. Safe and unsafe fixes are `fixes`; files the run
//! could not check are `toolExecutionNotifications` of the invocation, so a
//! report written after a failed run still says why.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::json::{each_diagnostic, Range};
use super::stream::Body;
use super::{fingerprints, RunInfo};
use crate::check::FileFindings;
use crate::diagnostic::{Applicability, Severity};
use crate::rules::RuleMeta;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/galley-lint/galley";
/// The documentation of rule kinds: each kind has a section named after it.
const RULES_DOC: &str = "https://github.com/galley-lint/galley/blob/main/docs/rules.md";
/// The key of galley's fingerprint in `partialFingerprints`; the version
/// changes if the fingerprint ever does.
const FINGERPRINT_KEY: &str = "galley/v1";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    /// Spliced in from the results written file by file (`stream::splice`).
    results: Box<serde_json::value::RawValue>,
    /// The quality scores (`galley explain --score`): the run's and each file's.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<super::ScoreSummary<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<ToolNotification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ToolNotification {
    level: &'static str,
    message: Text<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: ArtifactOnly,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactOnly {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
struct Text<S> {
    text: S,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text<String>,
    full_description: Text<String>,
    help: Text<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: [&'a str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<String>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: HashMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text<String>,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: [Replacement; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<&'a str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `names/variant-spelling` → `NamesVariantSpelling`: SARIF wants a rule
/// name that reads as an identifier, apart from the id.
fn rule_name(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn rule<'a>(meta: &'a RuleMeta) -> Rule<'a> {
    let short = meta
        .description
        .clone()
        .or_else(|| meta.doc.as_ref().map(|d| d.what.clone()))
        .unwrap_or_else(|| meta.id.to_string());
    let full = match &meta.doc {
        Some(doc) => format!("{} {}", doc.what.trim(), doc.why.trim()),
        None => short.clone(),
    };
    let help = match &meta.doc {
        Some(doc) => format!(
            "{}\n\nWhy: {}\n\nFix: {}",
            doc.what.trim(),
            doc.why.trim(),
            doc.fix.trim()
        ),
        None => format!("{short}\n\n`galley explain {}` says more.", meta.id),
    };
    Rule {
        id: &meta.id,
        name: rule_name(&meta.id),
        short_description: Text { text: short },
        full_description: Text { text: full },
        help: Text { text: help },
        help_uri: Some(format!("{RULES_DOC}#{}", meta.kind)),
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            tags: [meta.category()],
        },
    }
}

/// A rule that fired but is not in `Report::rules` (a report built without
/// them, or a finding of galley itself, such as a stale suppression).
fn bare_rule(id: &str) -> Rule<'_> {
    Rule {
        id,
        name: rule_name(id),
        short_description: Text {
            text: id.to_owned(),
        },
        full_description: Text {
            text: id.to_owned(),
        },
        help: Text {
            text: format!("`galley explain {id}` says more."),
        },
        help_uri: None,
        default_configuration: Configuration { level: "warning" },
        properties: RuleProperties {
            tags: [crate::diagnostic::category_of(id)],
        },
    }
}

/// A relative path as a URI reference (`/` separators, reserved and
/// non-ASCII bytes percent-encoded); an absolute one as a `file://` URI.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    let windows_drive =
        path.as_bytes().get(1) == Some(&b':') && path.as_bytes()[0].is_ascii_alphabetic();
    if windows_drive {
        out.push_str("file:///");
    } else if path.starts_with('/') {
        out.push_str("file://");
    }
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~')
            || (windows_drive && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(r: &Range) -> Region {
    Region {
        start_line: r.start.line,
        start_column: r.start.column,
        end_line: r.end.line,
        end_column: r.end.column,
    }
}

/// Where each rule is in `tool.driver.rules`: the run's rules in their
/// order, then rules that fired without metadata in the order they first fire.
#[derive(Debug)]
pub(super) struct RuleIndex {
    index_of: HashMap<String, usize>,
    known: usize,
    bare: Vec<String>,
}

impl RuleIndex {
    pub(super) fn new(rules: &[RuleMeta]) -> RuleIndex {
        let mut index_of = HashMap::new();
        for meta in rules {
            let next = index_of.len();
            index_of.entry(meta.id.to_string()).or_insert(next);
        }
        RuleIndex {
            known: index_of.len(),
            index_of,
            bare: Vec::new(),
        }
    }

    /// The index of rule `id`, which gets an entry of its own if it had none,
    /// so that every result's ruleIndex points at its rule.
    fn of(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index_of.get(id) {
            return i;
        }
        let i = self.known + self.bare.len();
        self.index_of.insert(id.to_owned(), i);
        self.bare.push(id.to_owned());
        i
    }
}

/// One result per finding of `file`, items of `results`.
pub(super) fn file(
    file: &impl FileFindings,
    text: &str,
    index: &mut RuleIndex,
    any: &mut bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let uri = uri(file.path());
    let mut fps = fingerprints(file, text).into_iter();
    each_diagnostic(file, text, |d| {
        let physical = |r: &Range| PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri.clone() },
            region: region(r),
        };
        let fingerprint = fps.next().unwrap_or_default();
        let result = SarifResult {
            rule_id: d.rule,
            rule_index: Some(index.of(d.rule)),
            level: level(d.severity),
            message: Text {
                text: d.message.to_owned(),
            },
            locations: [Location {
                id: None,
                physical_location: physical(&d.range),
                message: None,
            }],
            related_locations: d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| Location {
                    id: Some(i),
                    physical_location: physical(&l.range),
                    message: Some(Text { text: l.message }),
                })
                .collect(),
            partial_fingerprints: HashMap::from([(FINGERPRINT_KEY, fingerprint)]),
            fixes: d
                .fix
                .iter()
                .filter(|f| f.applicability != Applicability::Display)
                .map(|f| SarifFix {
                    description: Text {
                        text: match (f.applicability, f.replacement.is_empty()) {
                            (Applicability::Safe, true) => "Delete (safe fix)".to_owned(),
                            (_, true) => "Delete (unsafe fix: check it)".to_owned(),
                            (Applicability::Safe, false) => {
                                format!("Replace with '{}' (safe fix)", f.replacement)
                            }
                            (_, false) => {
                                format!("Replace with '{}' (unsafe fix: check it)", f.replacement)
                            }
                        },
                    },
                    artifact_changes: [ArtifactChange {
                        artifact_location: ArtifactLocation { uri: uri.clone() },
                        replacements: [Replacement {
                            deleted_region: region(f.range.as_ref().unwrap_or(&d.range)),
                            inserted_content: Text {
                                text: f.replacement.to_owned(),
                            },
                        }],
                    }],
                })
                .collect(),
        };
        super::stream::json_item(&result, b"        ", any, out)
    })
}

/// The log: the driver's rules (those that fired without metadata too), the
/// invocation's notifications, the results spliced in, the scores.
pub(super) fn finish(
    metas: &[RuleMeta],
    index: RuleIndex,
    run_info: &RunInfo,
    body: Body,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut rules: Vec<Rule<'_>> = metas
        .iter()
        .filter(|m| seen.insert(&*m.id))
        .map(rule)
        .collect();
    rules.extend(index.bare.iter().map(|id| bare_rule(id)));
    let notifications: Vec<ToolNotification> = run_info
        .notifications
        .iter()
        .map(|n| ToolNotification {
            level: level(n.level),
            message: Text {
                text: n.message.clone(),
            },
            locations: n
                .path
                .iter()
                .map(|p| NotificationLocation {
                    physical_location: ArtifactOnly {
                        artifact_location: ArtifactLocation { uri: uri(p) },
                    },
                })
                .collect(),
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "galley",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: !run_info
                    .notifications
                    .iter()
                    .any(|n| n.level == Severity::Error),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results: super::stream::placeholder(),
            properties: run_info.scores.as_ref().map(|s| s.summary()),
        }],
    };
    super::stream::splice(&log, body, b"      ", out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_read_as_identifiers() {
        assert_eq!(rule_name("names/variant-spelling"), "NamesVariantSpelling");
        assert_eq!(rule_name("x"), "X");
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/articles/a.txt"), "fixtures/articles/a.txt");
        assert_eq!(uri("news\\my file.txt"), "news/my%20file.txt");
        assert_eq!(uri("Минск.txt"), "%D0%9C%D0%B8%D0%BD%D1%81%D0%BA.txt");
        assert_eq!(uri("/tmp/a#1.txt"), "file:///tmp/a%231.txt");
        assert_eq!(uri("C:\\news\\a.txt"), "file:///C:/news/a.txt");
    }
}
