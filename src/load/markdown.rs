//! The Markdown front end: a draft's prose as blocks of text, every run tied
//! to its bytes in the file through pulldown-cmark's source offsets.
//!
//! Paragraphs, headings, list items and table cells are blocks; block quotes
//! are quotations; code blocks, inline code, raw HTML, images and front
//! matter are left out; links keep their text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::blocks::{Block, Run, align};
use crate::review::parse_marker;
use crate::span::Span;

/// The story blocks of the Markdown draft `original`.
pub fn blocks(original: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut found = Vec::new();
    let mut current: Vec<Run> = Vec::new();
    let mut quotes: Vec<usize> = Vec::new();
    let mut quote_ids = 0;
    // Open elements whose text is left out (code, raw HTML, images, front matter).
    let mut hidden = 0usize;
    let flush = |current: &mut Vec<Run>, found: &mut Vec<Block>, quotes: &[usize]| {
        if !current.is_empty() {
            let block = Block::new(std::mem::take(current), quotes.last().copied());
            found.push(block);
        }
    };
    for (event, range) in Parser::new_ext(original, options).into_offset_iter() {
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, &mut found, &quotes);
                quotes.push(quote_ids);
                quote_ids += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, &mut found, &quotes);
                quotes.pop();
            }
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } | Tag::MetadataBlock(_),
            ) => hidden += 1,
            Event::End(
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_),
            ) => {
                hidden = hidden.saturating_sub(1);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => flush(&mut current, &mut found, &quotes),
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(reason) = html
                    .trim()
                    .strip_prefix("<!--")
                    .and_then(|c| c.trim_end().strip_suffix("-->"))
                    .and_then(parse_marker)
                {
                    current.push(Run::ReviewMarker(reason));
                }
            }
            Event::Text(text) if hidden == 0 => align(original, span, &text, &mut current),
            Event::SoftBreak | Event::HardBreak if hidden == 0 => {
                current.push(Run::Replace(" ".to_string(), span));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut found, &quotes);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::blocks::assemble;

    fn story(markdown: &str) -> String {
        assemble(markdown, &blocks(markdown)).text
    }

    #[test]
    fn prose_without_code_html_or_front_matter() {
        let md = "---\ntitle: Draft\n---\n# Allies meet\n\nBlinken *promised* \"support\"\nfor [Japan](https://example.com).\n\n```\nlet x = \"not a quote\";\n```\n\n<div>raw</div>\n\n- one item\n- `code` two\n";
        assert_eq!(
            story(md),
            "Allies meet\nBlinken promised \"support\" for Japan.\none item\ntwo\n"
        );
    }

    #[test]
    fn a_block_quote_is_a_quotation() {
        let md = "Austin said:\n\n> We will stand\n> together.\n>\n> Always.\n\nThen he left.\n";
        assert_eq!(
            story(md),
            "Austin said:\n“We will stand together.\n“Always.”\nThen he left.\n"
        );
    }

    #[test]
    fn positions_point_into_the_draft() {
        let md = "Intro &amp; *more*:\n\n> \"Words here,\" she said.\n";
        let assembled = assemble(md, &blocks(md));
        let (text, map) = (assembled.text, assembled.map);
        let at = text.find("Words").unwrap();
        let span = Span::new(at, at + "Words here,".len());
        assert_eq!(map.to_original(span).slice(md), "Words here,");
        let amp = text.find('&').unwrap();
        assert_eq!(map.to_original(Span::new(amp, amp + 1)).slice(md), "&amp;");
    }

    #[test]
    fn a_review_marker_on_its_own_line_goes_to_the_next_paragraph() {
        let md = "One.\n\n<!-- quoth: reviewed -->\n\nShe said \"yes\".\n";
        let assembled = assemble(md, &blocks(md));
        assert_eq!(assembled.text, "One.\nShe said \"yes\".\n");
        assert_eq!(assembled.markers.len(), 1);
        assert_eq!(
            &assembled.text[assembled.markers[0].offset..],
            "She said \"yes\".\n"
        );
    }
}
