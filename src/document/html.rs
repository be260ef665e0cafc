//! HTML articles, whole pages or fragments: the prose is the text of the
//! page and the `alt` and `title` attributes; `script`, `style`, `code`,
//! `pre` and the like are left out. Entities are decoded for the rules, and
//! the offset map points each decoded character back at its entity.
//!
//! The tokenizer (html5tokenizer, a WHATWG tokenizer that reports the source
//! span of every character) never builds a tree, so nesting depth costs
//! nothing: 100,000 nested `<div>`s are 100,000 tags, not a deep recursion.

use std::ops::Range;

use html5tokenizer::offset::PosTrackingReader;
use html5tokenizer::trace::Trace;
use html5tokenizer::{NaiveParser, Token, TracingEmitter};

use super::prose::{Prose, ProseBuilder};

/// Elements whose text is not prose.
const OPAQUE: &[&str] = &[
    "script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "template", "noscript",
    "svg", "math", "object", "iframe", "select",
];

/// Elements that start and end a block of prose.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "table",
    "blockquote",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "caption",
    "title",
    "ul",
    "ol",
    "dl",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "body",
    "head",
    "html",
    "form",
    "fieldset",
    "legend",
    "option",
];

/// Attributes whose values are prose.
const PROSE_ATTRIBUTES: &[&str] = &["alt", "title"];

pub(super) fn read(original: &str) -> Prose {
    let mut b = ProseBuilder::new(original);
    let parser =
        NaiveParser::new_with_emitter(PosTrackingReader::new(original), TracingEmitter::default());
    let mut opaque: Vec<String> = Vec::new();
    // A run of characters that stand for themselves, kept in one piece.
    let mut literal: Option<Range<usize>> = None;
    let mut h1: Option<usize> = None;
    let mut first_h1 = None;
    let mut title: Option<usize> = None;
    let mut first_title = None;
    let mut body_start = 0;

    for item in parser {
        let Ok((token, trace)) = item;
        match (token, trace) {
            (Token::Char(c), Trace::Char(span)) => {
                if !opaque.is_empty() {
                    continue;
                }
                let span = entity_span(original, span);
                let source = original.get(span.clone()).unwrap_or("");
                let stands_for_itself = source.chars().eq(std::iter::once(c))
                    || (c.is_whitespace() && source.chars().all(char::is_whitespace));
                if stands_for_itself {
                    match &mut literal {
                        Some(r) if r.end == span.start => r.end = span.end,
                        _ => {
                            flush(&mut b, &mut literal);
                            literal = Some(span);
                        }
                    }
                } else {
                    flush(&mut b, &mut literal);
                    let mut buf = [0; 4];
                    b.replace(span, c.encode_utf8(&mut buf));
                }
            }
            (Token::StartTag(tag), Trace::StartTag(trace)) => {
                flush(&mut b, &mut literal);
                let name = tag.name.as_str();
                if OPAQUE.contains(&name) {
                    if !tag.self_closing {
                        opaque.push(tag.name.clone());
                    }
                    continue;
                }
                if BLOCKS.contains(&name) {
                    b.close_block();
                }
                if !opaque.is_empty() {
                    continue;
                }
                let mut values: Vec<(Range<usize>, String)> = PROSE_ATTRIBUTES
                    .iter()
                    .filter_map(|a| {
                        let (value, idx) = tag.attributes.value_and_trace_idx(a)?;
                        let span = trace.attribute_traces[idx?].value_span()?;
                        Some((span, value.to_owned()))
                    })
                    .collect();
                values.sort_by_key(|(span, _)| span.start);
                for (span, value) in values {
                    b.open_block();
                    if original.get(span.clone()) == Some(value.as_str()) {
                        b.keep(span);
                    } else {
                        b.replace(span, &value);
                    }
                    b.close_block();
                }
                match name {
                    "h1" if first_h1.is_none() => h1 = Some(b.position()),
                    "title" if first_title.is_none() => title = Some(b.position()),
                    _ => {}
                }
            }
            (Token::EndTag(tag), _) => {
                flush(&mut b, &mut literal);
                let name = tag.name.as_str();
                if let Some(i) = opaque.iter().rposition(|o| o == name) {
                    opaque.truncate(i);
                    continue;
                }
                match name {
                    "h1" => {
                        if let Some(start) = h1.take() {
                            first_h1 = Some(start..b.position());
                        }
                    }
                    "title" => {
                        if let Some(start) = title.take() {
                            first_title = Some(start..b.position());
                            body_start = b.position();
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    b.close_block();
                }
            }
            _ => flush(&mut b, &mut literal),
        }
    }
    flush(&mut b, &mut literal);
    let mut prose = b.finish();
    prose.headline = first_h1
        .or(first_title)
        .map(|r| trim(&prose.text, r))
        .filter(|r| !r.is_empty());
    prose.body_start = body_start;
    prose
}

/// The whole of a named character reference. html5tokenizer 0.5.2 reports
/// a named reference's span a few bytes short (`&rsqu` for `&rsquo;`), so
/// the span is extended over the rest of the name and its semicolon.
fn entity_span(original: &str, span: Range<usize>) -> Range<usize> {
    let bytes = original.as_bytes();
    if bytes.get(span.start) != Some(&b'&') || bytes.get(span.start + 1) == Some(&b'#') {
        return span;
    }
    let name_end = bytes[span.start + 1..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |i| span.start + 1 + i);
    if bytes.get(name_end) == Some(&b';') && name_end + 1 > span.end {
        span.start..name_end + 1
    } else {
        span
    }
}

fn flush(b: &mut ProseBuilder<'_>, literal: &mut Option<Range<usize>>) {
    if let Some(r) = literal.take() {
        b.keep(r);
    }
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or("");
    let start = r.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_attributes_and_entities_map_to_the_page() {
        let html = "<html><head><title>Minsk talks | Site</title><style>p{}</style></head>\n<body><h1>Minsk talks</h1>\n<p>Lukashenka&rsquo;s plan &amp;nbsp; <code>the the</code> <img alt=\"A photo\" src=x.png></p>\n<script>var Belarussia = 1;</script></body></html>";
        let p = read(html);
        let blocks: Vec<&str> = p.blocks.iter().map(|r| &p.text[r.clone()]).collect();
        assert_eq!(blocks[0], "Minsk talks | Site");
        assert_eq!(blocks[1], "Minsk talks");
        assert!(blocks.contains(&"A photo"));
        assert!(
            blocks
                .iter()
                .any(|b| b.starts_with("Lukashenka’s plan &nbsp;")),
            "{blocks:?}"
        );
        assert!(
            !p.text.contains("the the")
                && !p.text.contains("Belarussia")
                && !p.text.contains("p{}")
        );
        assert_eq!(&p.text[p.headline.clone().unwrap()], "Minsk talks");
        let at = p.text.find("&nbsp;").unwrap();
        assert_eq!(&html[p.map.range(at..at + 6)], "&amp;nbsp;");
        let at = p.text.find("plan").unwrap();
        assert_eq!(&html[p.map.range(at..at + 4)], "plan");
        let at = p.text.find('’').unwrap();
        assert_eq!(&html[p.map.range(at - 10..at + 4)], "Lukashenka&rsquo;s");
    }

    #[test]
    fn deep_nesting_and_broken_markup_do_not_hurt() {
        let deep = "<div>".repeat(100_000) + "Deep text." + &"</div>".repeat(100_000);
        let p = read(&deep);
        assert_eq!(p.blocks.len(), 1);
        for broken in [
            "<p>unclosed <b",
            "<!-- open",
            "&#xFFFFFFFF; &#0; &",
            "<script>",
            "</p></p>",
        ] {
            let _ = read(broken);
        }
    }
}
