//! Markdown articles: the prose is the text of paragraphs, headings, list
//! items, block quotes, table cells, link text and image alt text, plus the
//! prose values of the front matter. Code, URLs, raw HTML and front-matter
//! keys are markup. Text is kept as written (an entity stays `&nbsp;`, so
//! that a literal entity left by a converter can be reported).

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::front_matter;
use super::prose::{Prose, ProseBuilder};

pub(super) fn read(original: &str) -> Prose {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = ProseBuilder::new(original);
    let mut headline = None;
    let mut title = None;
    // Inside code, an autolink or front matter: text there is not prose.
    let mut opaque = 0usize;
    let mut metadata: Option<bool> = None;
    let mut heading_start: Option<usize> = None;
    let mut body_start = 0;

    for (event, range) in Parser::new_ext(original, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => b.open_block(),
                Tag::Heading { level, .. } => {
                    b.open_block();
                    if level == pulldown_cmark::HeadingLevel::H1 && headline.is_none() {
                        heading_start = Some(b.position());
                    }
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    b.close_block();
                    opaque += 1;
                }
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => opaque += 1,
                Tag::MetadataBlock(kind) => {
                    opaque += 1;
                    metadata = Some(kind == pulldown_cmark::MetadataBlockKind::PlusesStyle);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition => b.close_block(),
                TagEnd::Heading(_) => {
                    if let Some(start) = heading_start.take() {
                        headline = Some(start..b.position());
                    }
                    b.close_block();
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock => opaque = opaque.saturating_sub(1),
                TagEnd::Link if opaque > 0 && metadata.is_none() => {
                    opaque = opaque.saturating_sub(1);
                }
                TagEnd::MetadataBlock(_) => {
                    opaque = opaque.saturating_sub(1);
                    metadata = None;
                    body_start = b.position();
                }
                _ => {}
            },
            Event::Text(_) if opaque > 0 => {
                if let Some(toml) = metadata {
                    let block = original.get(range.clone()).unwrap_or("");
                    for v in front_matter::prose_values(block, range.start, toml) {
                        b.open_block();
                        let at = b.position();
                        b.keep(v.range.clone());
                        if v.key == "title" && title.is_none() {
                            title = Some(at..b.position());
                        }
                        b.close_block();
                    }
                }
            }
            Event::Text(_) => keep_text(&mut b, original, range),
            // Code spans, math, HTML, footnote references and rules are markup.
            _ => {}
        }
    }
    let mut prose = b.finish();
    prose.headline = title.or(headline).map(|r| trim(&prose.text, r));
    prose.body_start = body_start;
    prose
}

/// Keeps a text event's source. pulldown-cmark leaves the backslash of an
/// escape (`\[`) out of the event's range; the escaped character is put in
/// the prose in place of both, so that `\[ad\_1\]` reads `[ad_1]`. An entity
/// stays as written, for markers/literal-entity to see.
fn keep_text(b: &mut ProseBuilder<'_>, original: &str, range: Range<usize>) {
    let bytes = original.as_bytes();
    let escaped = range.start > 0
        && bytes[range.start - 1] == b'\\'
        && bytes.get(range.start).is_some_and(u8::is_ascii_punctuation)
        && b.cursor() < range.start;
    if escaped {
        let c = &original[range.start..range.start + 1];
        b.replace(range.start - 1..range.start + 1, c);
        b.keep(range.start + 1..range.end);
    } else {
        b.keep(range);
    }
}

fn trim(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let s = text.get(r.clone()).unwrap_or("");
    let start = r.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<String> {
        let p = read(md);
        assert_eq!(p.text.len(), md.len(), "markup is blanked, not removed");
        p.blocks
            .iter()
            .map(|r| p.text[r.clone()].to_owned())
            .collect()
    }

    #[test]
    fn prose_is_text_and_markup_is_blank() {
        let md = "---\ntitle: Minsk talks\nslug: the-the\n---\n\n# Minsk talks\n\nText with `code` and a [link](https://example.org/x) &nbsp; here.\n\n```\nBelarussia\n```\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n\n![alt text](img.png) <https://auto.link/x>\n";
        let p = read(md);
        let b = blocks(md);
        assert_eq!(b[0], "Minsk talks");
        assert_eq!(b[1], "Minsk talks");
        assert!(b[2].starts_with("Text with ") && b[2].contains("link") && b[2].contains("&nbsp;"));
        assert!(!p.text.contains("code") && !p.text.contains("example.org"));
        assert!(
            !p.text.contains("Belarussia")
                && !p.text.contains("slug")
                && !p.text.contains("auto.link")
        );
        assert!(b.contains(&"item one".to_owned()) && b.contains(&"d".to_owned()));
        assert!(b.contains(&"alt text".to_owned()));
        let title = p.headline.unwrap();
        assert_eq!(&md[title], "Minsk talks");
        // Offsets in the prose are offsets in the file.
        let at = p.text.find("link").unwrap();
        assert_eq!(&md[at..at + 4], "link");
    }

    #[test]
    fn escapes_read_as_their_character_and_map_back() {
        let md = "Text \\[ad\\_1\\] and \\\\[x] &amp; y\n";
        let p = read(md);
        let at = p.text.find("[ad_1]").expect("escapes resolved");
        assert_eq!(&md[p.map.range(at..at + 6)], "\\[ad\\_1\\]");
        assert!(p.text.contains("&amp;"));
    }

    #[test]
    fn a_site_line_under_the_front_matter_is_the_masthead() {
        let md = "---\ntitle: X talks\n---\n\nNewsfeed NET\n\n# X talks\n\nText here.\n";
        let source = crate::document::Source::read(md, crate::document::Format::Markdown);
        let doc = crate::document::Document::new(&source, Some(crate::lang::Lang::ENGLISH));
        let masthead: Vec<&str> = doc
            .masthead
            .iter()
            .map(|m| &doc.text[m.range.clone()])
            .collect();
        assert_eq!(masthead, ["Newsfeed NET"]);
    }

    #[test]
    fn the_first_h1_is_the_headline_without_front_matter() {
        let md = "Intro line\n\n## Not this\n\n# Headline here\n\nBody.\n";
        let p = read(md);
        assert_eq!(&p.text[p.headline.unwrap()], "Headline here");
    }
}
