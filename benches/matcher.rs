//! Lookup and verdicts at a million statements.
//!
//! `cargo bench --bench matcher [-- STATEMENTS]` (default 1,000,000) builds a
//! corpus deterministically from the 2016 transcripts and the sentences of
//! the PolNeAR train stories (`../shared/data/`), each base sentence repeated
//! with variations (a word dropped, two sentences joined, words swapped)
//! under 1,000 speakers, then reports: index build time, cache write and
//! load times, peak memory, per-quote lookup and verdict times (p50, p99),
//! and the same quotes by brute force (strsim against every statement).

use std::time::{Duration, Instant};

use quoth::corpus::{Corpus, Date, Source, SourceKind, Speaker, SpeakerKind, Statement};
use quoth::matcher::cache::{decode, encode};
use quoth::matcher::{CorpusIndex, Matcher};
use quoth::resolve::{EntityKind, ResolvedBy, ResolvedSpeaker};
use quoth::span::Span;

const SPEAKERS: usize = 1000;

/// A small deterministic generator (xorshift), so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn base_sentences() -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(text) = std::fs::read_to_string("../shared/data/transcripts-2016/statements.jsonl") {
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                out.push(t.to_string());
            }
        }
    }
    if let Ok(dir) = std::fs::read_dir("../shared/data/polnear/train/text") {
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for sentence in text.split(['.', '\n']).map(str::trim) {
                if sentence.split_whitespace().count() >= 6 {
                    out.push(format!("{sentence}."));
                }
            }
        }
    }
    out
}

fn vary(base: &[String], rng: &mut Rng) -> String {
    let a = &base[rng.below(base.len())];
    match rng.below(4) {
        0 => a.clone(),
        1 => {
            let b = &base[rng.below(base.len())];
            format!("{a} {b}")
        }
        2 => {
            let mut words: Vec<&str> = a.split_whitespace().collect();
            if words.len() > 3 {
                words.remove(rng.below(words.len()));
            }
            words.join(" ")
        }
        _ => {
            let mut words: Vec<&str> = a.split_whitespace().collect();
            if words.len() > 3 {
                let i = rng.below(words.len() - 1);
                words.swap(i, i + 1);
            }
            words.join(" ")
        }
    }
}

fn build_corpus(n: usize, base: &[String]) -> Corpus {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let speakers = (0..SPEAKERS)
        .map(|i| Speaker {
            id: format!("speaker-{i:04}"),
            name: format!("Speaker {i:04}"),
            aliases: vec![],
            titles: vec![],
            kind: SpeakerKind::Person,
            pronouns: None,
        })
        .collect();
    let sources = (0..SPEAKERS)
        .map(|i| Source {
            id: format!("source-{i:04}"),
            title: format!("Remarks {i}"),
            url: None,
            date: Date::parse("2016-09-26").unwrap(),
            kind: SourceKind::Transcript,
            provenance: None,
            note: None,
        })
        .collect();
    let statements = (0..n)
        .map(|i| Statement {
            id: format!("st-{i}"),
            speakers: vec![i % SPEAKERS],
            source: i % SPEAKERS,
            text: vary(base, &mut rng),
            note: None,
        })
        .collect();
    Corpus::new(speakers, sources, statements, vec![], 42)
}

fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let base = base_sentences();
    if base.is_empty() {
        println!("matcher bench skipped: no data under ../shared/data");
        return;
    }
    let start = Instant::now();
    let corpus = build_corpus(n, &base);
    println!(
        "corpus: {} statements from {} base sentences, {SPEAKERS} speakers, generated in {:.1} s",
        n,
        base.len(),
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let index = CorpusIndex::build(&corpus, &|_| {});
    println!("index build: {:.1} s", start.elapsed().as_secs_f64());

    let path = std::env::temp_dir().join(format!("quoth-bench-index-{}", std::process::id()));
    let start = Instant::now();
    let bytes = encode(&index);
    std::fs::write(&path, &bytes).unwrap();
    println!(
        "cache write: {:.2} s, {:.0} MB",
        start.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1e6
    );
    drop(bytes);
    let start = Instant::now();
    let loaded = decode(&std::fs::read(&path).unwrap()).unwrap();
    println!("cache load: {:.2} s", start.elapsed().as_secs_f64());
    std::fs::remove_file(&path).ok();
    assert!(loaded == index);
    drop(loaded);

    // Quotes: verbatim spans, altered spans and unseen sentences, each attributed to a speaker.
    let mut rng = Rng(7);
    let matcher = Matcher::new(&corpus, &index);
    let mut quotes = Vec::new();
    for k in 0..300 {
        let s = rng.below(n);
        let words: Vec<&str> = corpus.statements[s].text.split_whitespace().collect();
        let take = words.len().min(12);
        let from = rng.below(words.len() - take + 1);
        let mut quote: Vec<&str> = words[from..from + take].to_vec();
        let speaker = match k % 3 {
            0 => s % SPEAKERS,
            1 => {
                quote.insert(quote.len() / 2, "not");
                s % SPEAKERS
            }
            _ => (s + 1) % SPEAKERS,
        };
        quotes.push((quote.join(" "), speaker));
    }
    let mut times = Vec::new();
    let mut kinds = std::collections::BTreeMap::new();
    for (quote, speaker) in &quotes {
        let resolved = ResolvedSpeaker {
            name: corpus.speakers[*speaker].name.clone(),
            mention: Span::default(),
            resolved_by: ResolvedBy::Name,
            entity: EntityKind::Person,
            corpus_speaker: Some(*speaker),
        };
        let start = Instant::now();
        let verdict = matcher.judge(quote, 0, Some(&resolved));
        times.push(start.elapsed());
        *kinds.entry(verdict.kind.name()).or_insert(0) += 1;
    }
    let p50 = percentile(&mut times, 0.5);
    let p99 = percentile(&mut times, 0.99);
    println!(
        "lookup + verdict, {} quotes: p50 {:.2} ms, p99 {:.2} ms; verdicts {kinds:?}",
        quotes.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );

    let brute_quotes = 5;
    let start = Instant::now();
    for (quote, _) in quotes.iter().take(brute_quotes) {
        let best = corpus
            .statements
            .iter()
            .map(|s| strsim::normalized_levenshtein(quote, &s.text))
            .fold(0.0, f64::max);
        std::hint::black_box(best);
    }
    let brute = start.elapsed() / brute_quotes as u32;
    println!(
        "brute force (strsim against every statement): {:.0} ms per quote, {:.0}x the indexed p50",
        brute.as_secs_f64() * 1e3,
        brute.as_secs_f64() / p50.as_secs_f64()
    );
    println!("peak memory: {:.0} MB", peak_memory_mb());
}
