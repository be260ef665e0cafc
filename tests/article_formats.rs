//! The same article as plain text, Markdown and HTML gives the same findings
//! at the same words: for every shipped rule, its fires.txt fixture is
//! written out in each format and each finding must land on the same text.

use std::collections::BTreeSet;
use std::path::Path;

use galley::{check_text, Format, Ruleset};

/// A converted article and, for every byte offset of the plain text, the
/// offset of the same place in the conversion.
struct Converted {
    text: String,
    map: Vec<usize>,
    /// For every byte offset, where the character ending there ends in the conversion.
    ends: Vec<usize>,
}

impl Converted {
    fn new() -> Self {
        Converted {
            text: String::new(),
            map: Vec::new(),
            ends: vec![0],
        }
    }

    fn markup(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// One character of the plain text, written as `as_written`.
    fn char(&mut self, c: char, as_written: &str) {
        for _ in 0..c.len_utf8() {
            self.map.push(self.text.len());
        }
        self.text.push_str(as_written);
        for _ in 1..c.len_utf8() {
            self.ends.push(usize::MAX);
        }
        self.ends.push(self.text.len());
    }

    fn end(mut self) -> Self {
        self.map.push(self.text.len());
        self
    }
}

fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for block in text.split("\n\n") {
        out.push((at, block));
        at += block.len() + 2;
    }
    out
}

/// Each paragraph a `<p>`, text escaped as HTML must be.
fn to_html(text: &str) -> Converted {
    let mut c = Converted::new();
    let paras = paragraphs(text);
    for (i, (_, block)) in paras.iter().enumerate() {
        let body = block.trim_end_matches('\n');
        if !body.is_empty() {
            c.markup("<p>");
        }
        for ch in body.chars() {
            let mut buf = [0; 4];
            let written = match ch {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => ch.encode_utf8(&mut buf),
            };
            c.char(ch, written);
        }
        if !body.is_empty() {
            c.markup("</p>");
        }
        for ch in block[body.len()..].chars() {
            c.char(ch, "\n");
        }
        if i + 1 < paras.len() {
            c.char('\n', "\n");
            c.char('\n', "\n");
        }
    }
    c.end()
}

/// The text as Markdown: characters Markdown would read as markup escaped.
fn to_markdown(text: &str) -> Converted {
    let mut c = Converted::new();
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let mut buf = [0; 4];
        let plain = ch.encode_utf8(&mut buf).to_owned();
        let opens_block = line_start
            && (matches!(ch, '#' | '>' | '+' | '=')
                || (ch == '-' && chars.peek().is_some_and(|n| *n == ' ' || *n == '-')));
        let written =
            if opens_block || matches!(ch, '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '\\') {
                format!("\\{plain}")
            } else {
                plain
            };
        c.char(ch, &written);
        line_start = ch == '\n';
    }
    c.end()
}

type Finding = (String, usize, usize);

fn findings(ruleset: &Ruleset, rule: &str, text: &str, format: Format) -> BTreeSet<Finding> {
    check_text(ruleset, text, format)
        .into_iter()
        .filter(|d| &*d.rule == rule)
        .map(|d| (d.rule.to_string(), d.range.start, d.range.end))
        .collect()
}

#[test]
fn every_rule_finds_the_same_defect_in_txt_md_and_html() {
    let ruleset = Ruleset::shipped().expect("shipped packs compile");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let mut failures = Vec::new();
    let mut checked = 0;
    for meta in ruleset.rules() {
        let path = root.join(&*meta.id).join("fires.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let plain = findings(&ruleset, &meta.id, &text, Format::Plain);
        assert!(!plain.is_empty(), "{}: fires.txt does not fire", meta.id);
        for (format, conv) in [
            (Format::Markdown, to_markdown(&text)),
            (Format::Html, to_html(&text)),
        ] {
            let want: BTreeSet<Finding> = plain
                .iter()
                .map(|(r, s, e)| (r.clone(), conv.map[*s], conv.ends[*e]))
                .collect();
            let got = findings(&ruleset, &meta.id, &conv.text, format);
            if got != want {
                let show = |set: &BTreeSet<Finding>| -> Vec<String> {
                    set.iter()
                        .map(|(_, s, e)| conv.text.get(*s..*e).unwrap_or("?").to_owned())
                        .collect()
                };
                failures.push(format!(
                    "{} in {format:?}: want {:?} {:?}, got {:?} {:?}",
                    meta.id,
                    want,
                    show(&want),
                    got,
                    show(&got)
                ));
            }
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} rules checked");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn conversions_keep_the_text() {
    let text = "Headline\n\nA & B <c> *d* `e`\n- f\n";
    let html = to_html(text);
    assert_eq!(
        html.text,
        "<p>Headline</p>\n\n<p>A &amp; B &lt;c&gt; *d* `e`\n- f</p>\n"
    );
    let md = to_markdown(text);
    assert_eq!(md.text, "Headline\n\nA & B \\<c> \\*d\\* \\`e\\`\n\\- f\n");
    assert_eq!(
        html.map[text.find('B').unwrap()],
        html.text.find('B').unwrap()
    );
}
