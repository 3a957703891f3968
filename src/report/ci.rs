//! The formats CI systems read: GitHub Actions workflow commands, SARIF
//! 2.1.0 and JUnit XML. Each is a small renderer over the report model;
//! output follows the report's order (stories as given, quotes in story
//! order) and holds no timestamps, so the same run gives the same bytes.
//!
//! A quote is a finding when its words are not confirmed (any verdict after
//! `elided`); it is an error at or above the fail level, a warning below it.
//! Reviewed quotes are left out of the GitHub annotations, are suppressed
//! results in SARIF, and pass in JUnit.

use std::io::{self, Write};

use serde::Serialize;

use super::{CheckReport, QuoteReport, ReviewedBy, VerdictReport};
use crate::matcher::VerdictKind;

/// The severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Error,
    Warning,
}

/// The verdict of a quote, when it is a finding, and its severity.
fn finding(quote: &QuoteReport, fail_on: VerdictKind) -> Option<(&VerdictReport, Level)> {
    let Some(Some(verdict)) = &quote.verdict else {
        return None;
    };
    if verdict.kind.is_confirmed() {
        return None;
    }
    let level = if verdict.kind >= fail_on {
        Level::Error
    } else {
        Level::Warning
    };
    Some((verdict, level))
}

/// One line saying what is wrong with a quote.
fn message(quote: &QuoteReport, verdict: &VerdictReport) -> String {
    let speaker = quote
        .speaker
        .as_ref()
        .map_or("no speaker".to_string(), |s| {
            format!("attributed to {}", s.name)
        });
    let mut text = format!(
        "{}: \"{}\" ({speaker}). {}",
        verdict.kind.name(),
        quote.text,
        verdict.kind.meaning()
    );
    if let Some(statement) = &verdict.statement {
        let label = match verdict.kind {
            VerdictKind::NotFound => "Closest statement",
            VerdictKind::Misattributed => "Said by",
            _ => "Statement",
        };
        text.push_str(&format!(
            " {label}: {} ({}, {}): \"{}\"",
            statement.id, statement.source.title, statement.source.date, statement.excerpt
        ));
    }
    if let Some(note) = &verdict.note {
        text.push_str(&format!(" Note: {note}."));
    }
    text
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…::…`, one
/// per finding not reviewed, and one per story that could not be read.
pub fn render_github(
    out: &mut impl Write,
    report: &CheckReport,
    fail_on: VerdictKind,
) -> io::Result<()> {
    for file in &report.files {
        for quote in file.quotes.iter().filter(|q| q.reviewed.is_none()) {
            let Some((verdict, level)) = finding(quote, fail_on) else {
                continue;
            };
            writeln!(
                out,
                "::{} file={},line={},col={},title={}::{}",
                if level == Level::Error {
                    "error"
                } else {
                    "warning"
                },
                property(&file.file),
                quote.span.line,
                quote.span.column,
                property(&format!("quoth: {}", verdict.kind.name())),
                data(&message(quote, verdict))
            )?;
        }
        for warning in &file.warnings {
            writeln!(
                out,
                "::warning file={},line={},col={},title=quoth::{}",
                property(&file.file),
                warning.span.line,
                warning.span.column,
                data(&warning.message)
            )?;
        }
    }
    for error in &report.errors {
        writeln!(
            out,
            "::error file={},title=quoth::{}",
            property(&error.file),
            data(&error.message)
        )?;
    }
    Ok(())
}

/// A workflow command's message, escaped as the runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner expects.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The SARIF log: the subset of SARIF 2.1.0 that quoth fills.
#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<'a> {
    tool: SarifTool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    properties: SarifRunProperties,
}

#[derive(Serialize)]
struct SarifRunProperties {
    schema_version: u32,
}

#[derive(Serialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifDriver {
    name: &'static str,
    semantic_version: &'static str,
    rules: Vec<SarifRule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    id: &'static str,
    name: String,
    short_description: SarifText,
    default_configuration: SarifConfiguration,
}

#[derive(Serialize)]
struct SarifConfiguration {
    level: &'static str,
}

#[derive(Serialize)]
struct SarifText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: SarifText,
    locations: Vec<SarifLocation<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partial_fingerprints: Option<SarifFingerprints<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression>,
}

#[derive(Serialize)]
struct SarifFingerprints<'a> {
    #[serde(rename = "quoth/v1")]
    quoth: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    physical_location: SarifPhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysicalLocation<'a> {
    artifact_location: SarifArtifact<'a>,
    region: SarifRegion,
}

#[derive(Serialize)]
struct SarifArtifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
struct SarifSuppression {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<String>,
}

/// The verdicts that can be findings, in order: the rules of the SARIF log.
fn rules() -> impl Iterator<Item = VerdictKind> {
    VerdictKind::ALL.into_iter().filter(|v| !v.is_confirmed())
}

/// SARIF 2.1.0: a rule per verdict that is a finding, a result per finding;
/// reviewed quotes are results with a suppression.
pub fn render_sarif(
    out: &mut impl Write,
    report: &CheckReport,
    fail_on: VerdictKind,
) -> io::Result<()> {
    let level = |kind: VerdictKind| if kind >= fail_on { "error" } else { "warning" };
    let rule_list: Vec<VerdictKind> = rules().collect();
    let mut results = Vec::new();
    for file in &report.files {
        for quote in &file.quotes {
            let Some((verdict, _)) = finding(quote, fail_on) else {
                continue;
            };
            let suppressions = match &quote.reviewed {
                Some(review) => vec![SarifSuppression {
                    kind: match review.by {
                        ReviewedBy::File => "external",
                        ReviewedBy::Marker => "inSource",
                    },
                    justification: review.reason.clone(),
                }],
                None => Vec::new(),
            };
            results.push(SarifResult {
                rule_id: verdict.kind.name(),
                rule_index: rule_list
                    .iter()
                    .position(|&k| k == verdict.kind)
                    .unwrap_or(0),
                level: level(verdict.kind),
                message: SarifText {
                    text: message(quote, verdict),
                },
                locations: vec![SarifLocation {
                    physical_location: SarifPhysicalLocation {
                        artifact_location: SarifArtifact { uri: &file.file },
                        region: SarifRegion {
                            start_line: quote.span.line,
                            start_column: quote.span.column,
                            byte_offset: quote.span.start,
                            byte_length: quote.span.end - quote.span.start,
                        },
                    },
                }],
                partial_fingerprints: quote
                    .fingerprint
                    .as_deref()
                    .map(|quoth| SarifFingerprints { quoth }),
                suppressions,
            });
        }
    }
    let log = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![SarifRun {
            tool: SarifTool {
                driver: SarifDriver {
                    name: "quoth",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rule_list
                        .iter()
                        .map(|&kind| SarifRule {
                            id: kind.name(),
                            name: kind.label().to_string(),
                            short_description: SarifText {
                                text: kind.meaning().to_string(),
                            },
                            default_configuration: SarifConfiguration { level: level(kind) },
                        })
                        .collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            properties: SarifRunProperties {
                schema_version: super::SCHEMA_VERSION,
            },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// JUnit XML: a test suite per story, a test case per quote. A finding at
/// or above the fail level that no one reviewed is a failure; terms are
/// skipped; stories that could not be read are errors.
pub fn render_junit(
    out: &mut impl Write,
    report: &CheckReport,
    fail_on: VerdictKind,
) -> io::Result<()> {
    let failed = |q: &QuoteReport| {
        q.reviewed.is_none() && finding(q, fail_on).is_some_and(|(_, level)| level == Level::Error)
    };
    let total: usize =
        report.files.iter().map(|f| f.quotes.len()).sum::<usize>() + report.errors.len();
    let failures = report
        .files
        .iter()
        .flat_map(|f| &f.quotes)
        .filter(|q| failed(q))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="quoth" tests="{total}" failures="{failures}" errors="{}">"#,
        report.errors.len()
    )?;
    for file in &report.files {
        let failures = file.quotes.iter().filter(|q| failed(q)).count();
        let skipped = file
            .quotes
            .iter()
            .filter(|q| matches!(q.verdict, Some(None)))
            .count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="0" skipped="{skipped}">"#,
            xml(&file.file),
            file.quotes.len()
        )?;
        writeln!(
            out,
            r#"    <properties><property name="quoth.schema_version" value="{}"/></properties>"#,
            super::SCHEMA_VERSION
        )?;
        for quote in &file.quotes {
            let name = format!(
                "{}:{} \"{}\"",
                quote.span.line, quote.span.column, quote.text
            );
            write!(
                out,
                r#"    <testcase name="{}" classname="{}" file="{}" line="{}""#,
                xml(&name),
                xml(&file.file),
                xml(&file.file),
                quote.span.line
            )?;
            match &quote.verdict {
                Some(Some(verdict)) if failed(quote) => {
                    writeln!(out, ">")?;
                    writeln!(
                        out,
                        r#"      <failure type="{}" message="{}">{}</failure>"#,
                        verdict.kind.name(),
                        xml(&format!(
                            "{}: {}",
                            verdict.kind.name(),
                            verdict.kind.meaning()
                        )),
                        xml(&message(quote, verdict))
                    )?;
                    writeln!(out, "    </testcase>")?;
                }
                Some(Some(verdict)) => {
                    let reviewed = if quote.reviewed.is_some() {
                        " (reviewed)"
                    } else {
                        ""
                    };
                    writeln!(out, ">")?;
                    writeln!(
                        out,
                        "      <system-out>{}</system-out>",
                        xml(&format!(
                            "{}{reviewed}: {}",
                            verdict.kind.name(),
                            verdict.kind.meaning()
                        ))
                    )?;
                    writeln!(out, "    </testcase>")?;
                }
                _ => {
                    writeln!(out, ">")?;
                    writeln!(out, r#"      <skipped message="a term, never checked"/>"#)?;
                    writeln!(out, "    </testcase>")?;
                }
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    if !report.errors.is_empty() {
        writeln!(
            out,
            r#"  <testsuite name="unreadable stories" tests="{0}" failures="0" errors="{0}" skipped="0">"#,
            report.errors.len()
        )?;
        for error in &report.errors {
            writeln!(
                out,
                r#"    <testcase name="{0}" classname="{0}"><error message="{1}"/></testcase>"#,
                xml(&error.file),
                xml(&error.message)
            )?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Text as XML character data or an attribute value: markup characters
/// escaped, characters XML 1.0 cannot hold left out.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn xml_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            xml("<a href=\"x\">&'\u{1}</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
