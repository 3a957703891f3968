//! `quoth check` over a folder of stories against a real corpus, end to end
//! after the import: corpus load, index cache load, story load, extraction,
//! resolution and verdicts for every quote, on all cores.
//!
//! `cargo bench --bench check` (default: the 840 PolNeAR train stories in
//! `../shared/data/polnear/train/text` against the 2016 transcripts in
//! `../shared/data/transcripts-2016/statements.jsonl`). The corpus is
//! imported into a temporary folder and its index cached once; each round
//! then does what `quoth check` does after start-up. The same rounds run on
//! one thread as the baseline. Prints medians.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use quoth::corpus::load_corpus;
use quoth::load::{LoadOptions, expand_inputs, load};
use quoth::matcher::Matcher;
use quoth::matcher::cache;
use quoth::pipeline::check_document;
use rayon::prelude::*;

mod common;

const ROUNDS: usize = 5;

/// One `check` run; returns the number of quotes judged.
fn run(corpus_dir: &Path, stories: &Path) -> usize {
    let dirs = vec![corpus_dir.to_path_buf()];
    let corpus = load_corpus(&dirs).expect("the corpus loads");
    let (index, _) = cache::load_or_build(
        &corpus,
        cache::cache_path(&dirs).as_deref(),
        &|_| {},
        &|_| {},
    );
    let matcher = Matcher::new(&corpus, &index);
    let (inputs, _) = expand_inputs(&[stories.to_path_buf()]);
    let options = LoadOptions::default();
    inputs
        .par_iter()
        .filter_map(|input| load(input, &options).ok())
        .map(|doc| check_document(doc, &corpus, &matcher).quotes.len())
        .sum()
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let stories = PathBuf::from("../shared/data/polnear/train/text");
    let imported = stories
        .is_dir()
        .then(|| common::import_transcripts("check"))
        .flatten();
    let Some(corpus_dir) = imported else {
        println!(
            "check bench skipped: no stories at {} or no corpus at {}",
            stories.display(),
            common::TRANSCRIPTS
        );
        return;
    };
    // The first run builds and caches the index, as the first `quoth check` does.
    let start = Instant::now();
    let quotes = run(&corpus_dir, &stories);
    println!(
        "first run (builds the index cache): {:.2} s, {quotes} quotes",
        start.elapsed().as_secs_f64()
    );

    let threads = rayon::current_num_threads();
    let mut parallel = Vec::new();
    let mut single = Vec::new();
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool");
    for _ in 0..ROUNDS {
        let start = Instant::now();
        std::hint::black_box(run(&corpus_dir, &stories));
        parallel.push(start.elapsed());
        let start = Instant::now();
        std::hint::black_box(one_thread.install(|| run(&corpus_dir, &stories)));
        single.push(start.elapsed());
    }
    let (p, s) = (median(&mut parallel), median(&mut single));
    println!(
        "check, {threads} threads   median {:>6.2} s  (min {:.2}, max {:.2})",
        p.as_secs_f64(),
        parallel[0].as_secs_f64(),
        parallel[ROUNDS - 1].as_secs_f64()
    );
    println!(
        "check, 1 thread    median {:>6.2} s  (min {:.2}, max {:.2})",
        s.as_secs_f64(),
        single[0].as_secs_f64(),
        single[ROUNDS - 1].as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&corpus_dir);
}
