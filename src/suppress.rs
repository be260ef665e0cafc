//! Inline suppressions, one syntax for every format (an HTML comment, which
//! Markdown and HTML hide from readers and a plain-text pipeline can strip):
//!
//! ```text
//! <!-- galley-disable-next-line typography/doubled-word -->
//! <!-- galley-disable names markers/boilerplate -->  …  <!-- galley-enable -->
//! ```
//!
//! No rule named means every rule; a category names all its rules. A
//! suppression that silences nothing, or names no known rule, is itself
//! reported (info), so stale ones do not pile up.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rule_key::key_matches;

pub const UNUSED: &str = "galley/unused-suppression";

struct Directive {
    /// The comment itself.
    at: Range<usize>,
    /// The text it covers.
    covers: Range<usize>,
    rules: Vec<String>,
    used: bool,
}

fn pattern() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*galley-(disable-next-line|disable|enable)\b([^>]*?)-->").ok()
    })
    .as_ref()
}

fn directives(text: &str) -> Vec<Directive> {
    let Some(re) = pattern() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<(Range<usize>, Vec<String>)> = None;
    for c in re.captures_iter(text) {
        let (Some(all), Some(kind)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let rules: Vec<String> = c
            .get(2)
            .map_or("", |m| m.as_str())
            .split([' ', ',', '\t', '\n'])
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        match kind.as_str() {
            "disable-next-line" => {
                // The next line holding something other than whitespace.
                let rest = &text[all.end()..];
                let mut start = all.end() + rest.find('\n').map_or(rest.len(), |i| i + 1);
                while let Some(line) = text[start..].split_inclusive('\n').next() {
                    if !line.trim().is_empty() || line.is_empty() {
                        break;
                    }
                    start += line.len();
                }
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                out.push(Directive {
                    at: all.range(),
                    covers: start..end,
                    rules,
                    used: false,
                });
            }
            // `disable` and `enable` both close the open block; `disable` opens a new one.
            kind => {
                if let Some((at, rules)) = open.take() {
                    out.push(Directive {
                        covers: at.end..all.start(),
                        at,
                        rules,
                        used: false,
                    });
                }
                if kind == "disable" {
                    open = Some((all.range(), rules));
                }
            }
        }
    }
    if let Some((at, rules)) = open {
        out.push(Directive {
            covers: at.end..text.len(),
            at,
            rules,
            used: false,
        });
    }
    out
}

/// Whether `text` holds a suppression directive at all.
pub fn has_directives(text: &str) -> bool {
    text.contains("galley-") && pattern().is_some_and(|re| re.is_match(text))
}

/// Removes suppressed findings and adds one for each stale or unknown suppression.
pub fn apply(text: &str, diagnostics: &mut Vec<Diagnostic>, known: &dyn Fn(&str) -> bool) {
    if !text.contains("galley-") {
        return;
    }
    let mut ds = directives(text);
    if ds.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let hit = ds.iter_mut().find(|s| {
            s.covers.start <= d.range.start
                && d.range.start <= s.covers.end
                && (s.rules.is_empty() || s.rules.iter().any(|k| key_matches(k, &d.rule)))
        });
        match hit {
            Some(s) => {
                s.used = true;
                false
            }
            None => true,
        }
    });
    let rule: Arc<str> = UNUSED.into();
    for s in ds {
        let unknown: Vec<&String> = s.rules.iter().filter(|k| !known(k)).collect();
        let message = if !unknown.is_empty() {
            format!(
                "this suppression names no known rule: {}",
                unknown
                    .iter()
                    .map(|k| format!("'{k}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else if !s.used {
            "this suppression silences nothing".to_owned()
        } else {
            continue;
        };
        diagnostics.push(
            Diagnostic::new(&rule, Severity::Info, s.at, message)
                .with_help("delete it, or name the rule it is for"),
        );
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str, word: &str, rule: &str) -> Diagnostic {
        let at = text.find(word).unwrap();
        Diagnostic::new(
            &rule.into(),
            Severity::Warning,
            at..at + word.len(),
            String::new(),
        )
    }

    #[test]
    fn next_line_and_blocks() {
        let text = "<!-- galley-disable-next-line typography -->\nIt is is fine.\nThe the end.\n<!-- galley-disable names/x -->\nKiev\n<!-- galley-enable -->\nKiev again\n";
        let mut ds = vec![
            d(text, "is is", "typography/doubled-word"),
            d(text, "The the", "typography/doubled-word"),
            d(text, "Kiev\n", "names/x"),
            d(text, "Kiev again", "names/x"),
        ];
        apply(text, &mut ds, &|_| true);
        let left: Vec<&str> = ds.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(left, ["The the", "Kiev again"]);
    }

    #[test]
    fn stale_and_unknown_suppressions_are_reported() {
        let text = "<!-- galley-disable-next-line typography -->\nAll fine.\n<!-- galley-disable-next-line names/nope -->\nText.\n";
        let mut ds = Vec::new();
        apply(text, &mut ds, &|k| k == "typography");
        assert_eq!(ds.len(), 2);
        assert!(ds
            .iter()
            .all(|d| &*d.rule == UNUSED && d.severity == Severity::Info));
        assert!(ds[1].message.contains("names/nope"));
    }
}
