//! `--format html`: one self-contained review page (styles and script
//! inline, a Content-Security-Policy that forbids loading anything, so it
//! works offline and opened from disk): a run summary, filters by category,
//! severity and rule, and each article with findings, worst first, its text
//! with every finding highlighted (one `<mark>` per finding) and a list of
//! the findings with their notes, help and fix. Everything from the run
//! (article text, file names, messages, rule ids) is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::Report;
use crate::check::FileFindings;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{floor_char_boundary, LineIndex, PositionCursor};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The categories with a colour of their own; any other gets `c-other`.
const CATEGORIES: &[&str] = &[
    "names",
    "markers",
    "facts",
    "language",
    "typography",
    "style",
];

/// Text escaped for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'', '\0']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn category_class(category: &str) -> &'static str {
    match CATEGORIES.iter().position(|c| *c == category) {
        Some(0) => "c-names",
        Some(1) => "c-markers",
        Some(2) => "c-facts",
        Some(3) => "c-language",
        Some(4) => "c-typography",
        Some(5) => "c-style",
        _ => "c-other",
    }
}

/// How much a finding weighs when articles are ordered worst first.
fn weight(s: Severity) -> u32 {
    match s {
        Severity::Error => 10,
        Severity::Warning => 3,
        Severity::Info => 1,
    }
}

/// The order articles are shown in: worst first, by the article's quality
/// score (`crate::score`, penalty per 1,000 words) where the run counted
/// one, then by weighted findings, then by path.
fn worst_first<F: FileFindings>(files: &[&F], scores: Option<&super::Scores>) -> Vec<usize> {
    let weighted: Vec<u32> = files
        .iter()
        .map(|f| f.diagnostics().iter().map(|d| weight(d.severity)).sum())
        .collect();
    let by_path: BTreeMap<&str, f64> = scores
        .map(|s| s.files.iter().map(|(p, s)| (p.as_str(), s.value)).collect())
        .unwrap_or_default();
    let score: Vec<f64> = files
        .iter()
        .map(|f| by_path.get(f.path()).copied().unwrap_or(0.0))
        .collect();
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| {
        score[b]
            .total_cmp(&score[a])
            .then_with(|| weighted[b].cmp(&weighted[a]))
            .then_with(|| files[a].path().cmp(files[b].path()))
    });
    order
}

pub fn write(report: &Report<impl FileFindings>, out: &mut dyn Write) -> io::Result<()> {
    let files: Vec<_> = report.files_with_findings().collect();
    let (e, w, i) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let mut categories: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, d) in report.diagnostics() {
        *categories.entry(d.category()).or_default() += 1;
        *rules.entry(&d.rule).or_default() += 1;
    }
    let total = e + w + i;
    let mut head = String::new();
    head.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing may load from anywhere: the page is all there is.
    head.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
    head.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        head,
        "<title>galley report: {total} {} in {} {}</title>",
        plural(total, "finding"),
        files.len(),
        plural_word(files.len(), "article")
    );
    let _ = writeln!(head, "<style>\n{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(
        head,
        "<header><h1>galley review report</h1><div class=\"summary\" id=\"summary\"><span>{} checked</span><span>{} with findings</span><span class=\"sev-error\">{}</span><span class=\"sev-warning\">{}</span><span class=\"sev-info\">{i} info</span><span>{}</span></div></header>",
        plural(report.files_checked, "file"),
        files.len(),
        plural(e, "error"),
        plural(w, "warning"),
        if report.run.baseline_hidden > 0 { format!("{} hidden by the baseline", plural(report.run.baseline_hidden, "finding")) } else { String::new() },
    );
    out.write_all(head.as_bytes())?;

    let mut filters = String::from("<form id=\"filters\" autocomplete=\"off\">");
    filters.push_str("<fieldset><legend>category</legend>");
    for (c, n) in &categories {
        let _ = write!(filters, "<label class=\"{}\"><input type=\"checkbox\" data-kind=\"cat\" value=\"{}\" checked> {} ({n})</label>", category_class(c), escape(c), escape(c));
    }
    filters.push_str("</fieldset><fieldset><legend>severity</legend>");
    for (s, n) in [
        (Severity::Error, e),
        (Severity::Warning, w),
        (Severity::Info, i),
    ] {
        let _ = write!(filters, "<label class=\"sev-{s}\"><input type=\"checkbox\" data-kind=\"sev\" value=\"{s}\" checked> {s} ({n})</label>");
    }
    filters.push_str("</fieldset><fieldset><legend>rule</legend>");
    for (r, n) in &rules {
        let _ = write!(filters, "<label class=\"rule\"><input type=\"checkbox\" data-kind=\"rule\" value=\"{}\" checked> {} ({n})</label>", escape(r), escape(r));
    }
    filters.push_str("</fieldset></form>\n<main>\n");
    if files.is_empty() {
        filters.push_str("<p class=\"none\">No findings.</p>\n");
    }
    out.write_all(filters.as_bytes())?;

    let mut n = 0usize;
    for at in worst_first(&files, report.run.scores.as_ref()) {
        let file = files[at];
        let text = file.text();
        let section = article(file.path(), &text, file.diagnostics(), &mut n);
        out.write_all(section.as_bytes())?;
    }
    let notes: Vec<_> = report.run.notifications.iter().collect();
    if !notes.is_empty() {
        let mut s = String::from("<section id=\"notifications\"><h2>Not checked</h2><ul>");
        for n in notes {
            let _ = write!(
                s,
                "<li>{}: {}{}</li>",
                n.level,
                n.path
                    .as_deref()
                    .map(|p| format!("{}: ", escape(p)))
                    .unwrap_or_default(),
                escape(&n.message)
            );
        }
        s.push_str("</ul></section>\n");
        out.write_all(s.as_bytes())?;
    }
    write!(out, "</main>\n<script>\n{JS}</script>\n</body>\n</html>\n")
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {}", plural_word(n, word))
}

fn plural_word(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// One article: its name and counts, its text with the findings marked, and the list.
fn article(path: &str, text: &str, diagnostics: &[Diagnostic], n: &mut usize) -> String {
    let first = *n;
    let mut s = String::with_capacity(text.len() * 11 / 10 + diagnostics.len() * 400);
    let weighted: u32 = diagnostics.iter().map(|d| weight(d.severity)).sum();
    let _ = write!(
        s,
        "<article data-weight=\"{weighted}\"><h2>{}</h2><div class=\"counts\">{}</div>\n<pre class=\"text\">",
        escape(path),
        plural(diagnostics.len(), "finding"),
    );
    marked_text(text, diagnostics, first, &mut s);
    s.push_str("</pre>\n<ol class=\"findings\">\n");
    let index = LineIndex::new(text);
    let mut cursor = PositionCursor::new(&index, text);
    for (k, d) in diagnostics.iter().enumerate() {
        let id = first + k;
        let pos = cursor.position(d.range.start.min(text.len()));
        let _ = write!(
            s,
            "<li id=\"f{id}\" {}><details><summary><span class=\"sev-{}\">{}</span>[<span class=\"rule\">{}</span>] {}:{}: {}</summary>",
            data(d, id),
            d.severity,
            d.severity,
            escape(&d.rule),
            pos.line,
            pos.column,
            escape(&d.message)
        );
        for l in &d.labels {
            let p = index.position(text, l.range.start);
            let _ = write!(
                s,
                "<div class=\"more\">{}:{}: {}</div>",
                p.line,
                p.column,
                escape(&l.message)
            );
        }
        for note in &d.notes {
            let _ = write!(s, "<div class=\"more\">note: {}</div>", escape(note));
        }
        if let Some(h) = &d.help {
            let _ = write!(s, "<div class=\"more\">help: {}</div>", escape(h));
        }
        if let Some(f) = &d.fix {
            let how = match f.applicability {
                Applicability::Safe => "safe fix",
                Applicability::Unsafe => "unsafe fix",
                Applicability::Display => "suggestion",
            };
            let r = f.range.clone().unwrap_or_else(|| d.range.clone());
            let found = text.get(r).unwrap_or("");
            let what = if f.replacement.is_empty() {
                format!("delete ‘{}’", escape(found))
            } else {
                format!(
                    "replace ‘{}’ with ‘{}’",
                    escape(found),
                    escape(&f.replacement)
                )
            };
            let _ = write!(s, "<div class=\"more\">{how}: {what}</div>");
        }
        s.push_str("</details></li>\n");
    }
    s.push_str("</ol></article>\n");
    *n += diagnostics.len();
    s
}

fn data(d: &Diagnostic, id: usize) -> String {
    format!(
        "data-f=\"{id}\" data-cat=\"{}\" data-sev=\"{}\" data-rule=\"{}\"",
        escape(d.category()),
        d.severity,
        escape(&d.rule)
    )
}

/// The text, escaped, with one `<mark>` per finding. Marks must nest: a
/// finding that starts inside another and ends after it is cut at the
/// other's end (its list entry still gives its whole range).
fn marked_text(text: &str, diagnostics: &[Diagnostic], first: usize, out: &mut String) {
    let mut order: Vec<(usize, Range<usize>)> = diagnostics
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let start = floor_char_boundary(text, d.range.start.min(text.len()));
            let end = floor_char_boundary(text, d.range.end.min(text.len())).max(start);
            (k, start..end)
        })
        .collect();
    order.sort_by(|a, b| {
        a.1.start
            .cmp(&b.1.start)
            .then(b.1.end.cmp(&a.1.end))
            .then(a.0.cmp(&b.0))
    });
    let mut open: Vec<usize> = Vec::new(); // ends of the open marks, innermost last
    let mut at = 0;
    for (k, r) in order {
        while let Some(&end) = open.last() {
            if end > r.start {
                break;
            }
            out.push_str(&escape(&text[at..end.max(at)]));
            at = at.max(end);
            out.push_str("</mark>");
            open.pop();
        }
        out.push_str(&escape(&text[at..r.start.max(at)]));
        at = at.max(r.start);
        let end = open.last().map_or(r.end, |&outer| r.end.min(outer));
        let d = &diagnostics[k];
        let _ = write!(
            out,
            "<mark id=\"m{}\" class=\"{}\" title=\"{}\" {}>",
            first + k,
            category_class(d.category()),
            escape(&format!("{}: {}", d.rule, d.message)),
            data(d, first + k)
        );
        open.push(end.max(at));
    }
    while let Some(end) = open.pop() {
        out.push_str(&escape(&text[at..end.max(at)]));
        at = at.max(end);
        out.push_str("</mark>");
    }
    out.push_str(&escape(&text[at..]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(r: Range<usize>, rule: &str) -> Diagnostic {
        Diagnostic::new(&rule.into(), Severity::Warning, r, "m".into())
    }

    #[test]
    fn every_finding_is_one_mark_even_when_ranges_overlap_or_are_empty() {
        let text = "abcdefghij <x>";
        let ds = vec![
            d(0..4, "a/b"),
            d(2..6, "a/c"),
            d(3..3, "a/d"),
            d(8..14, "a/e"),
            d(1..2, "a/f"),
        ];
        let mut out = String::new();
        marked_text(text, &ds, 0, &mut out);
        assert_eq!(out.matches("<mark ").count(), ds.len());
        assert_eq!(out.matches("</mark>").count(), ds.len());
        assert!(out.contains("&lt;x&gt;"));
        // Taking the marks out gives back the escaped text.
        let plain = regex::Regex::new("<mark[^>]*>|</mark>")
            .unwrap()
            .replace_all(&out, "");
        assert_eq!(plain, "abcdefghij &lt;x&gt;");
    }

    #[test]
    fn escaping_covers_quotes_and_tags() {
        assert_eq!(
            escape("\"onload=<script>'&"),
            "&quot;onload=&lt;script&gt;&#39;&amp;"
        );
    }
}
