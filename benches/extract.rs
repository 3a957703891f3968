//! Extraction throughput over a folder of stories, after loading.
//!
//! `cargo bench --bench extract [-- DIR]` (default: the PolNeAR train texts at
//! `../shared/data/polnear/train/text`). Stories are read into memory first;
//! each round then extracts and resolves every quotation of every story on
//! one thread, and extracts again with reported speech. Prints the median of
//! the rounds and the words per second.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use quoth::extract::lexicon::Lexicon;
use quoth::extract::{ExtractOptions, extract_with, extract_with_options};
use quoth::resolve::resolve;

const ROUNDS: usize = 15;

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/polnear/train/text"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("extract bench skipped: no stories at {}", dir.display());
        return;
    };
    let mut stories: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    stories.sort();
    let words: usize = stories.iter().map(|s| s.split_whitespace().count()).sum();
    let lexicon = Lexicon::builtin();

    let mut quotes = 0;
    let mut extract_only = Vec::new();
    let mut with_resolve = Vec::new();
    let mut with_reported = Vec::new();
    let reported = ExtractOptions {
        reported_speech: true,
    };
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for story in &stories {
            quotes += std::hint::black_box(extract_with(story, lexicon))
                .quotes
                .len();
        }
        extract_only.push(start.elapsed());
        let start = Instant::now();
        for story in &stories {
            let extraction = extract_with(story, lexicon);
            std::hint::black_box(resolve(story, &extraction, None, lexicon));
        }
        with_resolve.push(start.elapsed());
        let start = Instant::now();
        for story in &stories {
            std::hint::black_box(extract_with_options(story, lexicon, reported));
        }
        with_reported.push(start.elapsed());
    }
    let report = |name: &str, times: &mut Vec<Duration>| {
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{name:<20} median {:>8.2} ms  {:>6.2} M words/s  (min {:.2} ms, max {:.2} ms)",
            median.as_secs_f64() * 1e3,
            words as f64 / median.as_secs_f64() / 1e6,
            times[0].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
    };
    println!(
        "{} stories, {} words, {} quotes per round, {ROUNDS} rounds, one thread",
        stories.len(),
        words,
        quotes / ROUNDS
    );
    report("extract", &mut extract_only);
    report("extract + resolve", &mut with_resolve);
    report("extract + reported", &mut with_reported);
}
