//! The HTML format: one self-contained page for editors, the story with
//! each quotation highlighted by its verdict.
//!
//! The page needs no network and no other file: styles and the small script
//! are inline. Without the script every quotation is a link to its finding
//! below the story; with it, selecting a quotation shows the finding in a
//! panel beside the text, and the verdict filters hide quotations. Verdicts
//! are told by a symbol and a word as well as by colour, and the page prints
//! with every finding written out.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{CheckReport, EditReport, FileReport, QuoteReport, VerdictReport, human, join_names};
use crate::extract::QuoteKind;
use crate::extract::tokens::paragraphs;
use crate::matcher::VerdictKind;
use crate::matcher::align::{EditMark, EditOp};
use crate::span::Span;

/// The text of a story as the pipeline read it (the prose of a Markdown or
/// HTML file), and where each of its quotes stands in that text.
#[derive(Debug, Clone)]
pub struct StoryText<'a> {
    /// The text, one paragraph per line.
    pub text: &'a str,
    /// The span of each quote of the story's report, in report order.
    pub quote_spans: Vec<Span>,
}

/// Renders a `check` report as one HTML page; `stories[i]` is the text of
/// `report.files[i]`.
pub fn render_check(
    out: &mut impl Write,
    report: &CheckReport,
    stories: &[StoryText],
) -> io::Result<()> {
    out.write_all(page(report, stories).into_string().as_bytes())
}

/// The filter class of a quote: its verdict's name, or `term` for quotes never checked.
fn verdict_class(quote: &QuoteReport) -> &'static str {
    match &quote.verdict {
        Some(Some(v)) => v.kind.name(),
        _ => "term",
    }
}

/// The symbol shown beside a verdict, so that no verdict is told by colour alone.
fn symbol(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Verbatim | VerdictKind::Variant | VerdictKind::Elided => "✓",
        VerdictKind::Paraphrase => "≈",
        VerdictKind::Unattributed | VerdictKind::UnknownSpeaker | VerdictKind::NotFound => "?",
        VerdictKind::Altered => "✗",
        VerdictKind::Misattributed => "⚠",
    }
}

fn quote_id(file: usize, quote: usize) -> String {
    format!("{}-{}", file + 1, quote + 1)
}

fn page(report: &CheckReport, stories: &[StoryText]) -> Markup {
    let title = match report.files.as_slice() {
        [one] => format!("quoth: {}", one.file),
        _ => format!("quoth: {} stories", report.files.len()),
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "quoth " (env!("CARGO_PKG_VERSION")) };
                title { (title) }
                style { (PreEscaped(STYLE)) (PreEscaped(filter_style())) }
            }
            body {
                header {
                    h1 { (title) }
                    (summary(report))
                }
                div.layout {
                    main {
                        @for (i, file) in report.files.iter().enumerate() {
                            @if let Some(text) = stories.get(i) { (story(i, file, text)) }
                        }
                        @if !report.errors.is_empty() {
                            section.errors {
                                h2 { "Stories that could not be read" }
                                ul { @for e in &report.errors { li { code { (e.file) } ": " (e.message) } } }
                            }
                        }
                        section.findings aria-labelledby="findings-title" {
                            h2 #findings-title { "Findings" }
                            @for (i, file) in report.files.iter().enumerate() {
                                @for (j, quote) in file.quotes.iter().enumerate() {
                                    (finding(&file.file, &quote_id(i, j), quote))
                                }
                            }
                        }
                    }
                    aside #panel aria-label="Selected quotation" aria-live="polite" {
                        p.hint { "Select a quotation to see the statement it was checked against." }
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn summary(report: &CheckReport) -> Markup {
    let s = &report.summary;
    let corpus = &report.corpus;
    html! {
        p.corpus {
            (s.quotes) " quotation" (plural(s.quotes)) " in " (s.files) " stor"
            (if s.files == 1 { "y" } else { "ies" })
            ", checked against the corpus "
            @for (i, path) in corpus.paths.iter().enumerate() {
                @if i > 0 { ", " }
                code { (path) }
            }
            " (" (corpus.statements) " statement" (plural(corpus.statements)) " of "
            (corpus.speakers) " speaker" (plural(corpus.speakers)) ")."
        }
        fieldset #filters {
            legend { "Show quotations by verdict" }
            @for v in &s.verdicts {
                label.filter data-verdict=(v.verdict.name()) title=(v.verdict.meaning()) {
                    input type="checkbox" checked value=(v.verdict.name());
                    span.sym aria-hidden="true" { (symbol(v.verdict)) }
                    " " (v.verdict.label()) " "
                    span.count { (v.count) }
                }
            }
            @if s.terms > 0 {
                label.filter data-verdict="term" title="Names, titles and scare quotes; never checked." {
                    input type="checkbox" checked value="term";
                    " terms, not checked "
                    span.count { (s.terms) }
                }
            }
        }
        p.help {
            "Select a quotation, or move between quotations with "
            kbd { "j" } " and " kbd { "k" } "; " kbd { "Esc" } " clears the selection."
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A run of a paragraph: plain words, or (the part of) a quotation in it.
enum Piece<'a> {
    Plain(&'a str),
    Quote {
        id: String,
        quote: &'a QuoteReport,
        words: &'a str,
        first_part: bool,
        last_part: bool,
    },
}

/// The story's text, one paragraph per non-blank line, each quotation a link
/// to its finding.
fn story(file_index: usize, file: &FileReport, story: &StoryText) -> Markup {
    html! {
        section.story aria-label={ "Story " (file.file) } {
            h2 { (file.file) }
            @for w in &file.warnings {
                p.warning { "Warning at line " (w.span.line) ", column " (w.span.column) ": " (w.message) }
            }
            @for pieces in story_pieces(file_index, file, story) {
                p {
                    @for piece in pieces {
                        @match piece {
                            Piece::Plain(words) => { (words) }
                            Piece::Quote { id, quote, words, first_part, last_part } => {
                                a.q id=[first_part.then(|| format!("q-{id}"))] href={ "#d-" (id) }
                                    data-quote=(id) data-verdict=(verdict_class(quote)) {
                                    (words)
                                    @if last_part { " " (badge(quote)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The paragraphs of `text` cut into pieces at the quotations; a quotation
/// running over several paragraphs is cut at each paragraph's end. A
/// quotation overlapping the one before is left out of the text (it keeps
/// its finding).
fn story_pieces<'a>(
    file_index: usize,
    file: &'a FileReport,
    story: &StoryText<'a>,
) -> Vec<Vec<Piece<'a>>> {
    let text = story.text;
    // Quotations first, then reported speech where it overlaps none of them
    // (reported speech often holds a partial quote, which keeps its highlight).
    // Highlighted spans by start, never overlapping.
    let mut chosen: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for reported in [false, true] {
        for (j, (q, &span)) in file.quotes.iter().zip(&story.quote_spans).enumerate() {
            if (q.kind == QuoteKind::Indirect) != reported {
                continue;
            }
            let free = chosen
                .range(..=span.start)
                .next_back()
                .is_none_or(|(_, &(end, _))| end <= span.start)
                && chosen
                    .range(span.start..)
                    .next()
                    .is_none_or(|(&start, _)| span.end <= start && start != span.start);
            let inside = span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end);
            if free && inside {
                chosen.insert(span.start, (span.end, j));
            }
        }
    }
    let quotes: Vec<(usize, &QuoteReport, Span)> = chosen
        .into_iter()
        .map(|(start, (end, j))| (j, &file.quotes[j], Span::new(start, end)))
        .collect();
    let mut quotes = quotes.into_iter().peekable();
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let mut pieces = Vec::new();
        let mut cursor = para.start;
        while let Some(&(j, q, span)) = quotes.peek().filter(|(_, _, s)| s.start < para.end) {
            let start = span.start.max(cursor);
            let end = span.end.min(para.end);
            if cursor < start {
                pieces.push(Piece::Plain(&text[cursor..start]));
            }
            let last_part = span.end <= para.end;
            pieces.push(Piece::Quote {
                id: quote_id(file_index, j),
                quote: q,
                words: &text[start..end],
                first_part: start == span.start,
                last_part,
            });
            cursor = end;
            if !last_part {
                break;
            }
            quotes.next();
        }
        if cursor < para.end {
            pieces.push(Piece::Plain(&text[cursor..para.end]));
        }
        out.push(pieces);
    }
    out
}

fn badge(quote: &QuoteReport) -> Markup {
    let speaker = quote.speaker.as_ref().map(|s| s.name.as_str());
    html! {
        span.badge {
            @match &quote.verdict {
                Some(Some(v)) => {
                    span.sym aria-hidden="true" { (symbol(v.kind)) }
                    " " (v.kind.label())
                }
                _ => { "term" }
            }
            @if let Some(name) = speaker { " · " (name) }
        }
    }
}

/// The finding of one quotation: the verdict, the speaker, the statement
/// with the word diff, and the source.
fn finding(file: &str, id: &str, quote: &QuoteReport) -> Markup {
    let class = verdict_class(quote);
    html! {
        article.finding #{ "d-" (id) } data-quote=(id) data-verdict=(class) {
            h3 {
                @match &quote.verdict {
                    Some(Some(v)) => {
                        span.sym aria-hidden="true" { (symbol(v.kind)) }
                        " " span.verdict { (v.kind.label()) }
                    }
                    _ => { span.verdict { "term, not checked" } }
                }
                " · "
                @match &quote.speaker {
                    Some(s) => { (s.name) }
                    None => { "no speaker found" }
                }
            }
            blockquote.quoted { (quote.text) }
            p.where {
                (kind_name(quote.kind)) " at " code { (file) ":" (quote.span.line) ":" (quote.span.column) }
                span.back { " · " a href={ "#q-" (id) } { "show in the story" } }
            }
            @if let Some(s) = &quote.speaker {
                p.speaker {
                    "Speaker: " strong { (s.name) } ", named as “" (s.mention) "” ("
                    (human::serde_plain(&s.resolved_by))
                    @if quote.continued { ", named with another part of the quote" }
                    ")"
                    @if let Some(cue) = &quote.cue { "; cue “" (cue.text) "”" }
                    @if let Some(id) = &s.corpus_id { "; corpus speaker " code { (id) } }
                    "."
                }
            }
            @if let Some(Some(v)) = &quote.verdict {
                (verdict_details(quote, v))
            }
        }
    }
}

/// The kind in words, capitalised to open a line: `Direct quote`.
fn kind_name(kind: QuoteKind) -> String {
    let label = kind.label();
    label[..1].to_uppercase() + &label[1..]
}

fn verdict_details(quote: &QuoteReport, verdict: &VerdictReport) -> Markup {
    html! {
        p.meaning { (verdict.kind.meaning()) " Score " (format!("{:.2}", verdict.score)) "." }
        @if verdict.severe {
            p.severe { strong { "Severe: " } "an edit flips a negation or changes a number." }
        }
        @if let Some(note) = &verdict.note {
            p.note { "Note: " (note) "." }
        }
        @match &verdict.statement {
            None => {
                p.nothing { (match verdict.kind {
                    VerdictKind::UnknownSpeaker => "The speaker is not in the corpus, and no one there said these words.",
                    VerdictKind::Unattributed => "No speaker in the story, and no one in the corpus said these words.",
                    _ => "Nothing in the corpus matches.",
                }) }
            }
            Some(statement) => {
                @let heading = match verdict.kind {
                    VerdictKind::NotFound => "Closest statement",
                    VerdictKind::Misattributed => "Said by",
                    VerdictKind::Unattributed => "Found in",
                    _ => "Statement",
                };
                h4 { (heading) " " code { (statement.id) } " · " (join_names(&statement.speakers)) }
                @let excerpt = statement.excerpt_span.start..statement.excerpt_span.end;
                @let removed = spans(&verdict.diff, |e| e.statement_span.map(|s| s.start..s.end));
                p.said {
                    span.label { "Said: " }
                    (marked(&statement.text, Some(excerpt), &removed, Tag::Del))
                }
                @if !verdict.diff.is_empty() {
                    @let added = spans(&verdict.diff, |e| {
                        e.quote_span.map(|s| s.start.saturating_sub(quote.span.start)..s.end.saturating_sub(quote.span.start))
                    });
                    p.quoted-diff {
                        span.label { "Quoted: " }
                        (marked(&quote.text, None, &added, Tag::Ins))
                    }
                    @let marks: Vec<&EditReport> = verdict.diff.iter().filter(|e| e.mark != EditMark::Unmarked || e.severe).collect();
                    @if !marks.is_empty() {
                        ul.edits { @for e in marks { li { (edit_words(e)) } } }
                    }
                }
                @let source = &statement.source;
                p.source {
                    "Source: "
                    @match &source.url {
                        Some(url) => { a href=(url) rel="noreferrer" { (source.title) } }
                        None => { (source.title) }
                    }
                    " (" (source.kind.label()) ", " time datetime=(source.date.to_string()) { (source.date.to_string()) }
                    @if let Some(p) = source.provenance { ", " (p.label()) }
                    ")."
                }
            }
        }
    }
}

/// One marked or severe edit, in words.
fn edit_words(edit: &EditReport) -> Markup {
    let what = match edit.op {
        EditOp::Insert => "added",
        EditOp::Delete => "left out",
        EditOp::Replace => "changed",
    };
    let how = match edit.mark {
        EditMark::Unmarked => "",
        EditMark::Ellipsis => ", marked by an ellipsis",
        EditMark::Brackets => ", marked by brackets",
        EditMark::Spelling => ", a spelling difference",
        EditMark::Inaudible => ", inaudible in the transcript",
    };
    html! {
        @if let Some(s) = &edit.statement { del { (s) } " " }
        @if let Some(q) = &edit.quote { ins { (q) } " " }
        "(" (what) (how) @if edit.severe { ", " strong { "severe" } } ")"
    }
}

/// The byte ranges that `range` picks out of the edits, sorted.
fn spans(
    diff: &[EditReport],
    range: impl Fn(&EditReport) -> Option<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = diff.iter().filter_map(range).collect();
    spans.sort_by_key(|r| r.start);
    spans
}

/// How edited words are marked.
#[derive(Clone, Copy)]
enum Tag {
    /// Words of the statement the quote does not have.
    Del,
    /// Words of the quote the statement does not have.
    Ins,
}

/// `text` with the `excerpt` emphasised and the `edits` marked; ranges that
/// do not fall on character boundaries inside the text are left unmarked.
fn marked(text: &str, excerpt: Option<Range<usize>>, edits: &[Range<usize>], tag: Tag) -> Markup {
    let valid = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let excerpt = excerpt.filter(valid);
    let edits: Vec<&Range<usize>> = edits.iter().filter(|r| valid(r) && !r.is_empty()).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(excerpt.iter().flat_map(|r| [r.start, r.end]));
    cuts.extend(edits.iter().flat_map(|r| [r.start, r.end]));
    cuts.sort_unstable();
    cuts.dedup();
    html! {
        @for pair in cuts.windows(2) {
            @let piece = &text[pair[0]..pair[1]];
            @let in_excerpt = excerpt.as_ref().is_some_and(|r| r.start <= pair[0] && pair[1] <= r.end);
            @let edited = edits.iter().any(|r| r.start <= pair[0] && pair[1] <= r.end);
            @match (edited, tag) {
                (true, Tag::Del) => { del.excerpt[in_excerpt] { span.sr { "[removed: " } (piece) span.sr { "]" } } }
                (true, Tag::Ins) => { ins { span.sr { "[added: " } (piece) span.sr { "]" } } }
                (false, _) if in_excerpt => { span.excerpt { (piece) } }
                _ => { (piece) }
            }
        }
    }
}

/// Rules that hide the quotations of a verdict whose filter is unticked.
fn filter_style() -> String {
    VerdictKind::ALL
        .iter()
        .map(|v| v.name())
        .chain(["term"])
        .map(|v| {
            format!(
                ".hide-{v} a.q[data-verdict={v}]{{background:none;border:0;color:inherit;text-decoration:none}}\
                 .hide-{v} a.q[data-verdict={v}] .badge,.hide-{v} .finding[data-verdict={v}]{{display:none}}\n"
            )
        })
        .collect()
}

const STYLE: &str = r#"
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#8a8a8a;--panel:#f6f6f4;
--ok:#d8f0dd;--ok-ink:#0b5a24;--warn:#fff1c7;--warn-ink:#6b4a00;--para:#dce9fa;--para-ink:#123f73;
--bad:#fbdad7;--bad-ink:#8a1410;--term:#efefef}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:17px/1.6 Georgia,"Times New Roman",serif}
header{padding:1rem 1.5rem;border-bottom:1px solid var(--line);font-family:system-ui,sans-serif;font-size:15px}
h1{font-size:1.3rem;margin:0 0 .4rem}
h2{font-family:system-ui,sans-serif;font-size:1.1rem}
code,kbd{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25em}
fieldset{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:.3rem .8rem .5rem}
.filter{display:inline-block;margin:.2rem 1rem .2rem 0;cursor:pointer;white-space:nowrap}
.count{font-weight:bold}
.help{color:var(--muted);margin:.3rem 0 0}
.layout{display:grid;grid-template-columns:minmax(0,44rem) minmax(18rem,1fr);gap:2rem;padding:0 1.5rem}
main{min-width:0}
aside#panel{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;background:var(--panel);
border-left:4px solid var(--line);padding:.5rem 1rem;margin-top:1rem;font-family:system-ui,sans-serif;font-size:15px}
@media (max-width:60rem){.layout{grid-template-columns:1fr}aside#panel{position:static;max-height:none}}
.story p{margin:0 0 .9rem}
a.q{color:inherit;text-decoration:none;border-bottom:2px solid var(--line);padding:0 .1em;border-radius:2px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
a.q:focus{outline:3px solid #1a4fd6;outline-offset:1px}
a.q.selected{outline:3px solid var(--ink);outline-offset:1px}
a.q[data-verdict=verbatim],a.q[data-verdict=variant],a.q[data-verdict=elided]{background:var(--ok);border-bottom:2px solid var(--ok-ink)}
a.q[data-verdict=paraphrase]{background:var(--para);border-bottom:2px dotted var(--para-ink)}
a.q[data-verdict=unattributed],a.q[data-verdict=unknown-speaker],a.q[data-verdict=not-found]{background:var(--warn);border-bottom:2px dashed var(--warn-ink)}
a.q[data-verdict=altered],a.q[data-verdict=misattributed]{background:var(--bad);border-bottom:3px double var(--bad-ink)}
a.q[data-verdict=term]{background:var(--term);border-bottom:1px dotted var(--line)}
.badge{font:bold 12px/1 system-ui,sans-serif;white-space:nowrap;border:1px solid currentColor;border-radius:3px;padding:1px 4px;vertical-align:2px}
[data-verdict=verbatim] .badge,[data-verdict=variant] .badge,[data-verdict=elided] .badge{color:var(--ok-ink)}
[data-verdict=paraphrase] .badge{color:var(--para-ink)}
[data-verdict=unattributed] .badge,[data-verdict=unknown-speaker] .badge,[data-verdict=not-found] .badge{color:var(--warn-ink)}
[data-verdict=altered] .badge,[data-verdict=misattributed] .badge{color:var(--bad-ink)}
[data-verdict=term] .badge{color:var(--muted);font-weight:normal}
.findings{font-family:system-ui,sans-serif;font-size:15px;border-top:1px solid var(--line);margin-top:2rem}
.finding{position:relative;border-left:4px solid var(--line);padding:.1rem 0 .1rem .8rem;margin:0 0 1.4rem}
.finding[data-verdict=verbatim],.finding[data-verdict=variant],.finding[data-verdict=elided]{border-color:var(--ok-ink)}
.finding[data-verdict=paraphrase]{border-color:var(--para-ink)}
.finding[data-verdict=altered],.finding[data-verdict=misattributed]{border-color:var(--bad-ink)}
.finding[data-verdict=not-found],.finding[data-verdict=unattributed],.finding[data-verdict=unknown-speaker]{border-color:var(--warn-ink)}
h3,#panel h3{font-size:1rem;margin:.4rem 0}
h4{font-size:.95rem;margin:.6rem 0 .2rem}
blockquote{margin:.3rem 0;font-family:Georgia,serif;font-style:italic}
.label{font-weight:bold}
.excerpt{background:#fff;border-bottom:1px solid var(--ink)}
del{background:var(--bad);color:var(--bad-ink);text-decoration:line-through 2px}
ins{background:var(--ok);color:var(--ok-ink);text-decoration:underline 2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.severe{color:var(--bad-ink)}
.warning{color:var(--warn-ink);font-family:system-ui,sans-serif;font-size:14px}
.hint{color:var(--muted)}
@media print{
body{font-size:11pt}
#filters,.help,aside#panel,.back{display:none}
.layout{display:block;padding:0}
.finding{break-inside:avoid}
h2,h3,h4{break-after:avoid}
a.q{border-bottom-width:1px}
}
"#;

const SCRIPT: &str = r#"
(function(){
  var panel = document.getElementById('panel');
  var quotes = Array.prototype.slice.call(document.querySelectorAll('a.q'));
  var current = null;
  function visible(a){ return !document.body.classList.contains('hide-' + a.dataset.verdict); }
  function select(id){
    quotes.forEach(function(a){ a.classList.toggle('selected', a.dataset.quote === id); });
    current = id;
    var finding = document.getElementById('d-' + id);
    panel.innerHTML = finding ? finding.innerHTML : '';
    panel.querySelectorAll('.back').forEach(function(b){ b.remove(); });
  }
  function clear(){
    quotes.forEach(function(a){ a.classList.remove('selected'); });
    current = null;
    panel.innerHTML = '<p class="hint">Select a quotation to see the statement it was checked against.</p>';
  }
  quotes.forEach(function(a){
    a.addEventListener('click', function(e){ e.preventDefault(); select(a.dataset.quote); });
  });
  function step(by){
    var shown = quotes.filter(visible);
    if (!shown.length) return;
    var at = shown.findIndex(function(a){ return a.dataset.quote === current; });
    var next = shown[at < 0 ? (by > 0 ? 0 : shown.length - 1) : (at + by + shown.length) % shown.length];
    next.focus();
    select(next.dataset.quote);
  }
  document.addEventListener('keydown', function(e){
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    if (e.key === 'j') { step(1); e.preventDefault(); }
    else if (e.key === 'k') { step(-1); e.preventDefault(); }
    else if (e.key === 'Escape') { clear(); }
  });
  document.querySelectorAll('#filters input').forEach(function(box){
    box.addEventListener('change', function(){
      document.body.classList.toggle('hide-' + box.value, !box.checked);
      if (current && !quotes.some(function(a){ return a.dataset.quote === current && visible(a); })) clear();
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Location;

    fn quote(start: usize, end: usize) -> QuoteReport {
        QuoteReport {
            text: String::new(),
            kind: QuoteKind::Direct,
            span: Location {
                start,
                end,
                line: 1,
                column: 1,
            },
            cue: None,
            speaker: None,
            continued: false,
            verdict: Some(None),
            fingerprint: None,
            reviewed: None,
        }
    }

    fn file(quotes: Vec<QuoteReport>) -> FileReport {
        FileReport {
            schema_version: None,
            file: "story.txt".into(),
            quotes,
            warnings: Vec::new(),
        }
    }

    fn story_text<'a>(text: &'a str, file: &FileReport) -> StoryText<'a> {
        StoryText {
            text,
            quote_spans: file
                .quotes
                .iter()
                .map(|q| Span::new(q.span.start, q.span.end))
                .collect(),
        }
    }

    /// Each paragraph as plain runs and `[quoted]` runs (`|` ending a quote).
    fn sketch(pieces: &[Vec<Piece>]) -> Vec<String> {
        pieces
            .iter()
            .map(|para| {
                para.iter()
                    .map(|p| match p {
                        Piece::Plain(words) => words.to_string(),
                        Piece::Quote {
                            words, last_part, ..
                        } => format!("[{words}{}]", if *last_part { "|" } else { "" }),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_cut_at_the_paragraph_end() {
        let text = "He said \"one\n\n\"two\" and more.\n";
        let start = text.find("one").unwrap();
        let end = text.find("two").unwrap() + 3;
        let f = file(vec![quote(start, end)]);
        let pieces = story_pieces(0, &f, &story_text(text, &f));
        assert_eq!(sketch(&pieces), ["He said \"[one]", "[\"two|]\" and more."]);
    }

    #[test]
    fn overlapping_and_out_of_range_quotes_are_left_out_of_the_text() {
        let text = "\"abc def\" ghi";
        let f = file(vec![quote(1, 8), quote(5, 8), quote(10, 99)]);
        assert_eq!(
            sketch(&story_pieces(0, &f, &story_text(text, &f))),
            ["\"[abc def|]\" ghi"]
        );
    }

    #[test]
    fn edits_are_marked_inside_the_excerpt() {
        let html = marked(
            "we will not go",
            Some(3..14),
            &[Range { start: 8, end: 11 }],
            Tag::Del,
        )
        .into_string();
        assert_eq!(
            html,
            "we <span class=\"excerpt\">will </span><del class=\"excerpt\"><span class=\"sr\">[removed: </span>not<span class=\"sr\">]</span></del><span class=\"excerpt\"> go</span>"
        );
        // A range off a character boundary is ignored, not a panic.
        let html = marked("né", None, &[Range { start: 0, end: 2 }], Tag::Ins).into_string();
        assert_eq!(html, "né");
    }

    #[test]
    fn story_text_is_escaped() {
        let text = "<script>alert(1)</script> & \"<b>\"";
        let f = file(vec![quote(29, 32)]);
        let html = story(0, &f, &story_text(text, &f)).into_string();
        assert!(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<a "));
        assert!(html.contains(">&lt;b&gt; <span class=\"badge\">term</span></a>&quot;</p>"));
    }
}
