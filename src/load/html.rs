//! The HTML front end: the article body of a web page as blocks of text,
//! every run tied to its bytes in the page.
//!
//! The page is tokenized by html5gum, which reports the byte span of every
//! token. Text inside scripts, styles, navigation, forms, figures and their
//! captions, asides, footers and elements whose class, id or role names a
//! byline, a caption, related links, sharing or advertising is dropped. When
//! the page has `<article>` elements, the one with the most text is the
//! story; otherwise `<main>`; otherwise the whole body. `<q>` becomes a pair
//! of quotation marks standing for its tags, and the paragraphs of a
//! `<blockquote>` a quotation in marks.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::blocks::{Block, Run, align};
use crate::review::parse_marker;
use crate::span::Span;

/// Elements whose text is never part of the story.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "form",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "dialog",
    "menu",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "br",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "center",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Words in a class or id that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "byline",
    "author",
    "authors",
    "dateline",
    "caption",
    "credit",
    "credits",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "comments",
    "comment",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "nav",
    "navigation",
    "menu",
    "subscribe",
    "recirculation",
    "recirc",
    "sidebar",
    "footer",
    "masthead",
    "toolbar",
    "skip",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Open elements deeper than this are not tracked (their text still counts).
const MAX_DEPTH: usize = 512;

/// An open element.
struct Open {
    name: Vec<u8>,
    dropped: bool,
}

/// A block with the containers it was found in.
struct Found {
    block: Block,
    /// The outermost `<article>` around it, by order of appearance.
    article: Option<usize>,
    /// Whether it is inside `<main>`.
    in_main: bool,
}

/// The story blocks of the HTML page `original`.
pub fn blocks(original: &str) -> Vec<Block> {
    let mut walker = Walker::default();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(original, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let dropped = tag.attributes.iter().any(|(name, value)| {
                    furniture_attribute(name.as_slice(), value.value.as_slice())
                });
                let span = Span::new(tag.span.start, tag.span.end);
                walker.start(
                    &tag.name.to_ascii_lowercase(),
                    dropped,
                    tag.self_closing,
                    span,
                );
            }
            Token::EndTag(tag) => {
                let span = Span::new(tag.span.start, tag.span.end);
                walker.end(&tag.name.to_ascii_lowercase(), span);
            }
            Token::String(text) => {
                let span = Span::new(text.span.start, text.span.end);
                walker.text(original, span, &text.value);
            }
            Token::Comment(comment) => walker.comment(&String::from_utf8_lossy(&comment.value)),
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    walker.flush();
    walker.story()
}

fn furniture_attribute(name: &[u8], value: &[u8]) -> bool {
    let value = String::from_utf8_lossy(value).to_ascii_lowercase();
    match name {
        b"class" | b"id" => value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| FURNITURE.contains(&word)),
        b"role" => FURNITURE_ROLES.contains(&value.trim()),
        b"hidden" => true,
        b"aria-hidden" => value.trim() == "true",
        _ => false,
    }
}

#[derive(Default)]
struct Walker {
    stack: Vec<Open>,
    /// Open elements that drop their text.
    dropping: usize,
    current: Vec<Run>,
    found: Vec<Found>,
    articles: usize,
    /// The outermost open `<article>` and the depth it opened at.
    article: Option<(usize, usize)>,
    /// Depth of the open `<main>`.
    main: Option<usize>,
    /// Open `<blockquote>` ids, innermost last.
    quotes: Vec<(usize, usize)>,
    quote_ids: usize,
    /// Open `<q>` elements (for inner marks).
    inline_quotes: usize,
}

fn is(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|t| t.as_bytes() == name)
}

impl Walker {
    fn start(&mut self, name: &[u8], furniture: bool, self_closing: bool, span: Span) {
        if is(name, BLOCKS) {
            self.flush();
        }
        if name == b"p" && self.stack.last().is_some_and(|o| o.name == b"p") {
            self.pop_to(b"p");
        }
        if is(name, VOID) || self_closing {
            return;
        }
        if self.dropping == 0 && name == b"q" {
            self.quote_mark(true, span);
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let dropped = furniture || is(name, DROPPED);
        let depth = self.stack.len();
        match name {
            b"article" if self.article.is_none() => {
                self.article = Some((self.articles, depth));
                self.articles += 1;
            }
            b"main" if self.main.is_none() => self.main = Some(depth),
            b"blockquote" => {
                self.quotes.push((self.quote_ids, depth));
                self.quote_ids += 1;
            }
            b"q" => self.inline_quotes += 1,
            _ => {}
        }
        self.dropping += usize::from(dropped);
        self.stack.push(Open {
            name: name.to_vec(),
            dropped,
        });
    }

    fn end(&mut self, name: &[u8], span: Span) {
        if is(name, BLOCKS) {
            self.flush();
        }
        let closed = self.pop_to(name);
        if closed && name == b"q" && self.dropping == 0 {
            self.quote_mark(false, span);
        }
    }

    /// The mark a `<q>` tag (`span`) stands for: double outside, single inside another.
    fn quote_mark(&mut self, opening: bool, span: Span) {
        let outer = self.inline_quotes.is_multiple_of(2);
        let mark = match (opening, outer) {
            (true, true) => "“",
            (true, false) => "‘",
            (false, true) => "”",
            (false, false) => "’",
        };
        self.current.push(Run::Replace(mark.to_string(), span));
    }

    /// Closes the innermost open `name` and everything opened inside it; an
    /// end tag with nothing to close is ignored. Says whether one was closed.
    fn pop_to(&mut self, name: &[u8]) -> bool {
        let Some(at) = self.stack.iter().rposition(|o| o.name == name) else {
            return false;
        };
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            let depth = self.stack.len();
            self.dropping -= usize::from(open.dropped);
            match open.name.as_slice() {
                b"article" if self.article.is_some_and(|(_, d)| d == depth) => self.article = None,
                b"main" if self.main == Some(depth) => self.main = None,
                b"blockquote" if self.quotes.last().is_some_and(|&(_, d)| d == depth) => {
                    self.quotes.pop();
                }
                b"q" => self.inline_quotes = self.inline_quotes.saturating_sub(1),
                _ => {}
            }
        }
        true
    }

    fn text(&mut self, original: &str, span: Span, decoded: &[u8]) {
        if self.dropping > 0 {
            return;
        }
        let decoded = String::from_utf8_lossy(decoded);
        align(original, span, &decoded, &mut self.current);
    }

    /// A comment: a review marker accepts the next quote of the story.
    fn comment(&mut self, text: &str) {
        if self.dropping == 0
            && let Some(reason) = parse_marker(text)
        {
            self.current.push(Run::ReviewMarker(reason));
        }
    }

    fn flush(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let block = Block::new(
            std::mem::take(&mut self.current),
            self.quotes.last().map(|&(id, _)| id),
        );
        self.found.push(Found {
            block,
            article: self.article.map(|(id, _)| id),
            in_main: self.main.is_some(),
        });
    }

    /// The blocks of the story: the article with the most text, else `<main>`, else all.
    fn story(self) -> Vec<Block> {
        let text_len = |f: &Found| -> usize {
            f.block
                .runs
                .iter()
                .map(|r| match r {
                    Run::Copy(span) => span.len(),
                    Run::Replace(text, _) => text.len(),
                    Run::ReviewMarker(_) => 0,
                })
                .sum()
        };
        let mut per_article = vec![0usize; self.articles];
        for f in &self.found {
            if let Some(a) = f.article {
                per_article[a] += text_len(f);
            }
        }
        let best = per_article
            .iter()
            .enumerate()
            .filter(|(_, len)| **len > 0)
            .max_by_key(|(i, len)| (**len, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        let in_main = self.found.iter().any(|f| f.in_main);
        self.found
            .into_iter()
            .filter(|f| match best {
                Some(article) => f.article == Some(article),
                None => !in_main || f.in_main,
            })
            .map(|f| f.block)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::blocks::assemble;

    fn story(html: &str) -> (String, crate::load::offsets::OffsetMap) {
        let assembled = assemble(html, &blocks(html));
        (assembled.text, assembled.map)
    }

    #[test]
    fn entities_are_decoded_and_map_to_their_source() {
        let html = "<p>Tom &amp; Jerry&#8217;s &quot;show&quot;&nbsp;today</p>";
        let (text, map) = story(html);
        assert_eq!(text, "Tom & Jerry’s \"show\" today\n");
        let show = Span::new(text.find("show").unwrap(), text.find("show").unwrap() + 4);
        assert_eq!(map.to_original(show).slice(html), "show");
        let amp = Span::new(4, 5);
        assert_eq!(map.to_original(amp).slice(html), "&amp;");
        let apostrophe = Span::new(11, 11 + "’".len());
        assert_eq!(map.to_original(apostrophe).slice(html), "&#8217;");
    }

    #[test]
    fn page_furniture_is_dropped_and_the_article_kept() {
        let html = r#"<html><head><title>T</title><script>var x = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a></nav><header class="site-header">Site</header>
<article><h1>Headline</h1><p class="byline">By A. Writer</p>
<p>First paragraph
   of the story.</p><figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>
<p>Second <a href="/x">with a link</a>.</p><ul class="related-links"><li>Other story</li></ul></article>
<aside>More</aside><footer>Footer</footer></body></html>"#;
        let (text, _) = story(html);
        assert_eq!(
            text,
            "Headline\nFirst paragraph of the story.\nSecond with a link.\n"
        );
    }

    #[test]
    fn inline_and_block_quotations_get_marks_standing_for_their_tags() {
        let html = "<p>She said <q>we <q>will</q> go</q>.</p><blockquote><p>One.</p><p>Two.</p></blockquote>";
        let (text, map) = story(html);
        assert_eq!(text, "She said “we ‘will’ go”.\n“One.\n“Two.”\n");
        let open = Span::new(9, 9 + "“".len());
        assert_eq!(map.to_original(open).slice(html), "<q>");
    }

    #[test]
    fn a_block_quote_with_its_own_marks_is_left_as_it_is() {
        let (text, _) = story("<blockquote><p>\"We are back,\" he said.</p></blockquote>");
        assert_eq!(text, "\"We are back,\" he said.\n");
    }

    #[test]
    fn without_article_main_is_the_story() {
        let (text, _) = story("<div>Menu</div><main><p>Body</p></main><div>Other</div>");
        assert_eq!(text, "Body\n");
        let (text, _) = story("<div>One</div><div>Two</div>");
        assert_eq!(text, "One\nTwo\n");
    }

    #[test]
    fn unclosed_and_stray_tags_do_not_lose_text() {
        let (text, _) = story("<p>One<p>Two</span></div><p>Three");
        assert_eq!(text, "One\nTwo\nThree\n");
    }

    #[test]
    fn review_markers_stand_before_the_quote_they_accept() {
        let html = "<p>Intro.</p><!-- quoth: reviewed: checked with the AP --><p>She said \"yes\".</p><p>He said <!-- quoth: reviewed --><q>no</q>.</p>";
        let assembled = assemble(html, &blocks(html));
        assert_eq!(assembled.text, "Intro.\nShe said \"yes\".\nHe said “no”.\n");
        let at: Vec<(&str, Option<&str>)> = assembled
            .markers
            .iter()
            .map(|m| (&assembled.text[m.offset..], m.reason.as_deref()))
            .collect();
        assert_eq!(
            at,
            [
                (
                    "She said \"yes\".\nHe said “no”.\n",
                    Some("checked with the AP")
                ),
                (" “no”.\n", None)
            ]
        );
    }
}
