//! How well the paraphrase probability tells a statement that carries a
//! report's content from one that does not, on hand-labelled pairs; and the
//! fit of the model behind it.
//!
//! `cargo bench --bench paraphrase`. The pairs (`benches/paraphrase-pairs.jsonl`)
//! are reports of Donald Trump and Hillary Clinton found by
//! `quoth check --reported-speech` in the PolNeAR stories, each with the
//! closest statement of theirs in the 2016 transcripts, labelled by hand:
//! `yes` (the statement says what the report attributes), `partial` (part of
//! it, or only its topic) or `no`. They were drawn by stratum of the score
//! quoth gave before this model, and each carries the inverse of its
//! stratum's sampling rate as its `weight`; precision and recall are
//! weighted by it, so they estimate what a run over all the stories gives.
//!
//! Prints, for the shipped model and for the rule it replaced (coverage at
//! least 0.6), precision (statement carries the content; carries at least
//! part of it) and recall of `yes` pairs; the shipped probability's
//! calibration; and a logistic fit of the model on the labels, with its
//! five-fold cross-validated precision and recall, whose coefficients are
//! the ones `src/matcher/paraphrase.rs` ships. With `-- --list`, every pair
//! with its label, probability and evidence, most probable first.

use std::path::Path;

use quoth::corpus::load_corpus;
use quoth::matcher::paraphrase::{PARAPHRASE_MIN_SCORE, PARAPHRASE_MIN_SHARED, ParaphraseScore};
use quoth::matcher::{Matcher, cache};
use serde::Deserialize;

mod common;

const PAIRS: &str = "benches/paraphrase-pairs.jsonl";
/// Cross-validation folds.
const FOLDS: usize = 5;
/// Ridge penalty of the fit, against the separation of small samples.
const RIDGE: f64 = 0.01;

#[derive(Deserialize)]
struct Pair {
    report: String,
    statement_id: String,
    label: String,
    weight: f64,
}

/// A labelled pair, measured.
struct Measured {
    report: String,
    label: String,
    features: [f64; 2],
    shared: usize,
    coverage: f64,
    score: f64,
    yes: bool,
    partial: bool,
    weight: f64,
}

fn features(s: &ParaphraseScore) -> [f64; 2] {
    [s.evidence(), 1.0]
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn dot(a: &[f64; 2], b: &[f64; 2]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Solves the 2 × 2 system `a x = b`.
fn solve(a: [[f64; 2]; 2], b: [f64; 2]) -> [f64; 2] {
    let det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    [
        (b[0] * a[1][1] - a[0][1] * b[1]) / det,
        (a[0][0] * b[1] - b[0] * a[1][0]) / det,
    ]
}

/// Weighted logistic regression of `yes` on the features, by Newton's method.
fn fit(pairs: &[&Measured]) -> [f64; 2] {
    let mut beta = [0.0; 2];
    for _ in 0..50 {
        let mut hessian = [[RIDGE, 0.0], [0.0, 0.0]];
        let mut gradient = [RIDGE * beta[0], 0.0];
        for m in pairs {
            let p = sigmoid(dot(&beta, &m.features));
            let y = if m.yes { 1.0 } else { 0.0 };
            let x = m.features;
            for (i, (row, g)) in hessian.iter_mut().zip(&mut gradient).enumerate() {
                *g += m.weight * (p - y) * x[i];
                for (j, h) in row.iter_mut().enumerate() {
                    *h += m.weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        let step = solve(hessian, gradient);
        for (b, s) in beta.iter_mut().zip(step) {
            *b -= s;
        }
    }
    beta
}

/// Weighted precision (yes; yes or partial) and recall of yes, of the pairs
/// `chosen` picks.
fn rates(pairs: &[Measured], chosen: impl Fn(usize, &Measured) -> bool) -> (f64, f64, f64, usize) {
    let (mut picked, mut yes, mut some, mut all_yes, mut n) = (0.0, 0.0, 0.0, 0.0, 0);
    for (i, m) in pairs.iter().enumerate() {
        if m.yes {
            all_yes += m.weight;
        }
        if chosen(i, m) {
            n += 1;
            picked += m.weight;
            if m.yes {
                yes += m.weight;
            }
            if m.yes || m.partial {
                some += m.weight;
            }
        }
    }
    let share = |a: f64, b: f64| if b > 0.0 { 100.0 * a / b } else { 0.0 };
    (
        share(yes, picked),
        share(some, picked),
        share(yes, all_yes),
        n,
    )
}

fn print_rates(name: &str, (yes, some, recall, n): (f64, f64, f64, usize)) {
    println!(
        "{name:<44} {n:>4} pairs   precision {yes:5.1} (with partial {some:5.1})   recall {recall:5.1}"
    );
}

fn main() {
    let Some(corpus_dir) = common::import_transcripts("paraphrase") else {
        println!(
            "paraphrase bench skipped: no corpus at {}",
            common::TRANSCRIPTS
        );
        return;
    };
    let dirs = vec![corpus_dir.clone()];
    let corpus = load_corpus(&dirs).expect("the corpus loads");
    let (index, _) = cache::load_or_build(&corpus, None, &|_| {}, &|_| {});
    let matcher = Matcher::new(&corpus, &index);
    let by_id: std::collections::HashMap<&str, usize> = corpus
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let text = std::fs::read_to_string(Path::new(PAIRS)).expect("the labelled pairs");
    let pairs: Vec<Measured> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let pair: Pair = serde_json::from_str(line).expect("a labelled pair");
            let statement = by_id[pair.statement_id.as_str()];
            let score = matcher.paraphrase_score(&pair.report, statement);
            Measured {
                yes: pair.label == "yes",
                partial: pair.label == "partial",
                report: pair.report,
                label: pair.label,
                features: features(&score),
                shared: score.shared.len(),
                coverage: score.coverage,
                score: score.score,
                weight: pair.weight,
            }
        })
        .collect();
    let _ = std::fs::remove_dir_all(&corpus_dir);
    let enough = |m: &Measured| m.shared >= PARAPHRASE_MIN_SHARED;

    println!("{} labelled pairs", pairs.len());
    if std::env::args().any(|a| a == "--list") {
        let mut sorted: Vec<&Measured> = pairs.iter().collect();
        sorted.sort_by(|a, b| b.score.total_cmp(&a.score));
        for m in sorted {
            println!(
                "{:<8} p {:.2}  evidence {:.2}  {}",
                m.label, m.score, m.features[0], m.report
            );
        }
    }
    print_rates(
        "shipped model (probability >= 0.5)",
        rates(&pairs, |_, m| enough(m) && m.score >= PARAPHRASE_MIN_SCORE),
    );
    print_rates(
        "previous rule (coverage >= 0.6)",
        rates(&pairs, |_, m| enough(m) && m.coverage >= 0.6),
    );
    println!("calibration of the shipped probability (weighted share of yes):");
    for bin in 0..5 {
        let (low, high) = (bin as f64 * 0.2, bin as f64 * 0.2 + 0.2);
        let inside: Vec<&Measured> = pairs
            .iter()
            .filter(|m| m.score >= low && (m.score < high || bin == 4))
            .collect();
        let weight: f64 = inside.iter().map(|m| m.weight).sum();
        let yes: f64 = inside.iter().filter(|m| m.yes).map(|m| m.weight).sum();
        if weight > 0.0 {
            println!(
                "  {low:.1}-{high:.1}: {:>3} pairs, {:5.1}% yes",
                inside.len(),
                100.0 * yes / weight
            );
        }
    }

    // Five-fold cross-validation of the fit, then the fit on every pair.
    let mut held_out = vec![0.0; pairs.len()];
    for fold in 0..FOLDS {
        let training: Vec<&Measured> = pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, m)| m)
            .collect();
        let beta = fit(&training);
        for (i, m) in pairs.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            held_out[i] = sigmoid(dot(&beta, &m.features));
        }
    }
    print_rates(
        "refitted model, 5-fold cross-validated",
        rates(&pairs, |i, m| {
            enough(m) && held_out[i] >= PARAPHRASE_MIN_SCORE
        }),
    );
    let all: Vec<&Measured> = pairs.iter().collect();
    let beta = fit(&all);
    println!(
        "fit on all pairs: evidence {:.2}, constant {:.2}",
        beta[0], beta[1]
    );
}
