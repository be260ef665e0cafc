//! The house pack: what `galley house` writes, read back on the next run so
//! that an editor's decisions stay. The pack is an ordinary rule file (its
//! kinds are `house-spelling`, `house-typography` and `house-boilerplate`),
//! listed in galley.toml's `rules` so that `galley check` holds articles to
//! it. Decisions an editor makes, and which a re-run keeps:
//!
//! - a cluster's `prefer` set to another form than the majority (the
//!   majority is read from the counts the pack was written with, so a
//!   `prefer` that still names it follows the archive's new majority);
//! - a cluster's `accept` list (forms written beside the house form);
//! - a typography `…-style` set to another style than the majority;
//! - a boilerplate line's `keep = true`.
//!
//! A cluster or line the archive no longer shows stays (the editor decided
//! it); its counts are brought up to date.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use super::cluster::Cluster;
use super::learn::{ArchiveStats, StyleStats};
use crate::rules::house::marks::Aspect;

/// A house pack that does not read.
#[derive(Debug, thiserror::Error)]
pub enum HouseError {
    #[error("the house pack is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
}

/// What the learning found, ready to write.
pub struct Learned<'a> {
    pub stats: &'a ArchiveStats,
    pub clusters: &'a [Cluster],
    /// The recurring lines (text, articles), most first.
    pub lines: Vec<(String, u32)>,
    /// File names by walk index, for the comments.
    pub paths: &'a [String],
    /// How the archive was named on the command line, for the header.
    pub source: &'a str,
}

#[derive(Debug, Default, Deserialize)]
struct OldPack {
    #[serde(default)]
    rule: Vec<OldRule>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct OldRule {
    kind: String,
    #[serde(default)]
    cluster: Vec<OldCluster>,
    #[serde(default)]
    line: Vec<OldLine>,
    quote_style: Option<String>,
    #[serde(default)]
    quote_articles: BTreeMap<String, i64>,
    apostrophe_style: Option<String>,
    #[serde(default)]
    apostrophe_articles: BTreeMap<String, i64>,
    currency_style: Option<String>,
    #[serde(default)]
    currency_articles: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Deserialize)]
struct OldCluster {
    prefer: String,
    forms: BTreeMap<String, i64>,
    #[serde(default)]
    accept: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct OldLine {
    text: String,
    #[serde(default)]
    keep: bool,
}

/// The pack as it was: the editor's decisions.
#[derive(Debug, Default)]
pub struct Previous {
    clusters: Vec<OldCluster>,
    /// Per aspect: the style written, and whether an editor chose it.
    styles: [Option<(String, bool)>; 3],
    lines: Vec<OldLine>,
}

/// The form with the most articles, the first by name on a tie: how the
/// majority is chosen when learning and when reading a pack back.
fn majority_of(counts: &BTreeMap<String, i64>) -> Option<&str> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.as_str())
}

impl Previous {
    pub fn read(text: &str) -> Result<Previous, HouseError> {
        let old: OldPack = toml::from_str(text)?;
        let mut p = Previous::default();
        for rule in old.rule {
            match rule.kind.as_str() {
                "house-spelling" => p.clusters.extend(rule.cluster),
                "house-boilerplate" => p.lines.extend(rule.line),
                "house-typography" => {
                    for (aspect, style, counts) in [
                        (Aspect::Quotes, rule.quote_style, rule.quote_articles),
                        (
                            Aspect::Apostrophes,
                            rule.apostrophe_style,
                            rule.apostrophe_articles,
                        ),
                        (
                            Aspect::Currency,
                            rule.currency_style,
                            rule.currency_articles,
                        ),
                    ] {
                        if let Some(s) = style {
                            let chosen = majority_of(&counts).is_some_and(|m| m != s);
                            p.styles[aspect.index()] = Some((s, chosen));
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(p)
    }
}

/// A cluster as the new pack writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub prefer: String,
    pub accept: Vec<String>,
    /// Form → (articles, kept file indices).
    pub forms: Vec<(String, u32, Vec<u32>)>,
}

/// Something the archive shows that the pack does not decide yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    NewCluster(Vec<String>),
    NewForm { form: String, prefer: String },
    NewLine(String),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::NewCluster(forms) => {
                write!(f, "a new name spelt several ways: {}", forms.join(" / "))
            }
            Drift::NewForm { form, prefer } => {
                write!(f, "a new spelling '{form}' of '{prefer}'")
            }
            Drift::NewLine(line) => write!(f, "a new recurring line: \"{line}\""),
        }
    }
}

/// The clusters to write: the previous ones with today's counts (and new
/// forms added), then the new ones; and what is new.
pub fn decide(learned: &Learned<'_>, previous: &Previous) -> (Vec<Decided>, Vec<Drift>) {
    let count = |w: &str| {
        learned
            .stats
            .forms
            .get(w)
            .map_or((0, Vec::new()), |f| (f.articles, f.files.clone()))
    };
    let mut out: Vec<Decided> = Vec::new();
    let mut chosen: Vec<bool> = Vec::new();
    for c in &previous.clusters {
        chosen.push(majority_of(&c.forms).is_some_and(|m| m != c.prefer));
        out.push(Decided {
            prefer: c.prefer.clone(),
            accept: c.accept.clone(),
            forms: c
                .forms
                .keys()
                .map(|w| {
                    let (n, files) = count(w);
                    (w.clone(), n, files)
                })
                .collect(),
        });
    }
    let mut drift = Vec::new();
    for cluster in learned.clusters {
        let old = out.iter().position(|d| {
            cluster
                .forms
                .iter()
                .any(|f| d.forms.iter().any(|(w, ..)| *w == f.word))
        });
        match old {
            Some(i) => {
                for f in &cluster.forms {
                    if !out[i].forms.iter().any(|(w, ..)| *w == f.word) {
                        drift.push(Drift::NewForm {
                            form: f.word.clone(),
                            prefer: out[i].prefer.clone(),
                        });
                        out[i]
                            .forms
                            .push((f.word.clone(), f.articles, f.files.clone()));
                    }
                }
            }
            None => {
                drift.push(Drift::NewCluster(
                    cluster.forms.iter().map(|f| f.word.clone()).collect(),
                ));
                chosen.push(false);
                out.push(Decided {
                    prefer: cluster.majority().to_owned(),
                    accept: Vec::new(),
                    forms: cluster
                        .forms
                        .iter()
                        .map(|f| (f.word.clone(), f.articles, f.files.clone()))
                        .collect(),
                });
            }
        }
    }
    for (d, chosen) in out.iter_mut().zip(chosen) {
        d.forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if !chosen {
            if let Some((w, ..)) = d.forms.first() {
                d.prefer = w.clone();
            }
        }
    }
    for (line, _) in &learned.lines {
        if !previous.lines.iter().any(|l| l.text == *line) {
            drift.push(Drift::NewLine(line.clone()));
        }
    }
    (out, drift)
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment line naming files (made safe for a comment: one line).
fn files_comment(out: &mut String, label: &str, articles: u32, files: &[u32], paths: &[String]) {
    let names: Vec<String> = files
        .iter()
        .filter_map(|&i| paths.get(i as usize))
        .map(|p| p.replace(['\n', '\r'], " "))
        .collect();
    let more = (articles as usize).saturating_sub(names.len());
    let _ = write!(
        out,
        "# {label} ({articles} {}): {}",
        if articles == 1 { "article" } else { "articles" },
        names.join(", ")
    );
    if more > 0 {
        let _ = write!(out, ", and {more} more");
    }
    out.push('\n');
}

fn style_table(
    out: &mut String,
    aspect: Aspect,
    styles: &[StyleStats],
    previous: Option<&(String, bool)>,
    paths: &[String],
) {
    let counts: BTreeMap<String, i64> = aspect
        .styles()
        .iter()
        .zip(styles)
        .filter(|(_, s)| s.articles > 0)
        .map(|(name, s)| ((*name).to_owned(), i64::from(s.articles)))
        .collect();
    let house = match previous {
        Some((s, true)) => Some(s.clone()),
        _ => majority_of(&counts).map(str::to_owned),
    };
    let Some(house) = house else {
        let _ = writeln!(out, "# {}: no article writes any", aspect.key());
        return;
    };
    let key = aspect.key();
    let _ = writeln!(out, "{key}-style = {}", quoted(&house));
    let list = counts
        .iter()
        .map(|(k, v)| format!("{} = {v}", quoted(k)))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(out, "{key}-articles = {{ {list} }}");
    for (name, s) in aspect.styles().iter().zip(styles) {
        if *name != house && s.articles > 0 {
            files_comment(out, &format!("{key} {name}"), s.articles, &s.files, paths);
        }
    }
}

/// The pack's text.
pub fn render(learned: &Learned<'_>, previous: &Previous, decided: &[Decided]) -> String {
    let n = learned.stats.articles;
    let mut out = String::new();
    let _ = write!(
        out,
        "# The house style of {source}, learned by `galley house` from {n} articles.\n\
         # Review it, commit it, and list it in galley.toml (rules = [\"<this file>\"]):\n\
         # `galley check` then reports articles that go against it, and\n\
         # `galley house --check` fails when the archive shows a name spelt a new way.\n\
         # Counts are articles. Your decisions survive a re-run: a `prefer` changed\n\
         # from the majority, an `accept` list (forms allowed beside the house form;\n\
         # list every form to dismiss a cluster), a `…-style` changed from the\n\
         # majority, `keep = true` on a line that belongs in the articles.\n\n\
         [pack]\nname = \"house\"\ndescription = \"The archive's own house style (galley house)\"\n\n",
        source = learned.source.replace(['\n', '\r'], " "),
    );
    let _ = write!(
        out,
        "[[rule]]\nid = \"names/house-spelling\"\nkind = \"house-spelling\"\n\
         description = \"A name written otherwise than the archive writes it\"\n\
         archive-articles = {n}\n"
    );
    for d in decided {
        let forms = d
            .forms
            .iter()
            .map(|(w, c, _)| format!("{} = {c}", quoted(w)))
            .collect::<Vec<_>>()
            .join(", ");
        let accept = d
            .accept
            .iter()
            .map(|a| quoted(a))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(
            out,
            "\n[[rule.cluster]]\nprefer = {}\naccept = [{accept}]\nforms = {{ {forms} }}\n",
            quoted(&d.prefer)
        );
        for (w, c, files) in &d.forms {
            if *w != d.prefer && !d.accept.contains(w) && *c > 0 {
                files_comment(&mut out, w, *c, files, learned.paths);
            }
        }
    }
    let _ = write!(
        out,
        "\n[[rule]]\nid = \"typography/house-style\"\nkind = \"house-typography\"\n\
         description = \"Quotation marks, apostrophes or currency spacing unlike the archive's\"\n\
         archive-articles = {n}\n"
    );
    for aspect in Aspect::ALL {
        style_table(
            &mut out,
            aspect,
            &learned.stats.styles[aspect.index()],
            previous.styles[aspect.index()].as_ref(),
            learned.paths,
        );
    }
    let _ = write!(
        out,
        "\n[[rule]]\nid = \"markers/house-boilerplate\"\nkind = \"house-boilerplate\"\n\
         description = \"A line so many articles print that it is the site's, not the article's\"\n\
         archive-articles = {n}\n"
    );
    if !learned.stats.lines.exact {
        out.push_str("# Counts of lines are lower bounds: the archive has more distinct lines than galley counts at once.\n");
    }
    let mut lines: Vec<(String, u32, bool)> = previous
        .lines
        .iter()
        .map(|l| {
            let n = learned.stats.lines.count(&l.text).unwrap_or(0);
            (l.text.clone(), n, l.keep)
        })
        .collect();
    for (text, n) in &learned.lines {
        if !lines.iter().any(|(t, ..)| t == text) {
            lines.push((text.clone(), *n, false));
        }
    }
    for (text, n, keep) in lines {
        let _ = write!(
            out,
            "\n[[rule.line]]\ntext = {}\narticles = {n}\nkeep = {keep}\n",
            quoted(&text)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_are_escaped() {
        let s = quoted("a \"b\" \\ c\u{7}");
        let v: toml::Value =
            toml::from_str(&format!("x = {s}")).unwrap_or(toml::Value::Boolean(false));
        assert_eq!(
            v.get("x").and_then(toml::Value::as_str),
            Some("a \"b\" \\ c\u{7}")
        );
    }

    #[test]
    fn the_majority_is_the_most_articles_then_the_first_name() {
        let m: BTreeMap<String, i64> =
            [("Homel".into(), 3), ("Gomel".into(), 3), ("X".into(), 1)].into();
        assert_eq!(majority_of(&m), Some("Gomel"));
    }
}
