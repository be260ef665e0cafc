//! Front matter of a Markdown article (YAML between `---`, TOML between
//! `+++`): only the values of the keys an editor writes prose in are checked;
//! every other key, and every key name, is data.

use std::ops::Range;

/// Keys whose values are prose; the first is the article's headline.
const PROSE_KEYS: &[&str] = &["title", "description", "summary", "subtitle", "excerpt"];

/// A prose value of the front matter: which key, and where its text lies.
#[derive(Debug, PartialEq, Eq)]
pub struct Value {
    pub key: &'static str,
    pub range: Range<usize>,
}

/// The prose values in `block` (the text between the delimiters, at
/// `offset` in the file), in file order. `toml` selects `key = value`.
pub fn prose_values(block: &str, offset: usize, toml: bool) -> Vec<Value> {
    let mut out = Vec::new();
    let mut lines = block.split_inclusive('\n').scan(offset, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    });
    while let Some((start, line)) = lines.next() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let sep = if toml { '=' } else { ':' };
        let Some((name, rest)) = line.split_once(sep) else {
            continue;
        };
        let name = name.trim().trim_matches(['"', '\'']);
        let Some(key) = PROSE_KEYS.iter().find(|k| k.eq_ignore_ascii_case(name)) else {
            continue;
        };
        let value_at = start + line.len() - rest.len();
        let value = rest.trim();
        let value_start = value_at + (rest.len() - rest.trim_start().len());
        if !toml && matches!(value, "|" | ">" | "|-" | ">-" | "|+" | ">+") {
            // A YAML block scalar: its indented lines are the value.
            let mut rest_lines = lines.clone().peekable();
            while let Some((s, l)) = rest_lines.next_if(|(_, l)| l.starts_with([' ', '\t'])) {
                let body = l.trim();
                if !body.is_empty() {
                    let at = s + (l.len() - l.trim_start().len());
                    out.push(Value {
                        key,
                        range: at..at + body.len(),
                    });
                }
                lines.next();
            }
            continue;
        }
        if let Some(inner) = unquoted(value) {
            let at = value_start + (value.len() - inner.len()) / 2;
            if !inner.is_empty() {
                out.push(Value {
                    key,
                    range: at..at + inner.len(),
                });
            }
        }
    }
    out
}

/// A scalar's text: inside its quotes, or as written when unquoted.
/// Values that are not a plain scalar (lists, maps) are not prose.
fn unquoted(v: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return Some(&v[1..v.len() - 1]);
        }
    }
    if v.starts_with(['[', '{', '&', '*', '!', '#']) {
        return None;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(block: &str, toml: bool) -> Vec<(&'static str, &str)> {
        prose_values(block, 0, toml)
            .into_iter()
            .map(|v| (v.key, &block[v.range]))
            .collect()
    }

    #[test]
    fn reads_prose_values_and_skips_the_rest() {
        let yaml = "title: Minsk talks\nslug: belarussia-the-the\ndescription: \"A quoted one\"\ntags: [a, b]\nsummary: >\n  First line\n  second line\nauthor: X\n";
        assert_eq!(
            values(yaml, false),
            [
                ("title", "Minsk talks"),
                ("description", "A quoted one"),
                ("summary", "First line"),
                ("summary", "second line")
            ]
        );
        let toml = "title = \"Minsk talks\"\ndate = 2026-11-27\n";
        assert_eq!(values(toml, true), [("title", "Minsk talks")]);
        assert_eq!(values("title:\n", false), []);
    }
}
