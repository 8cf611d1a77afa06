//! The deep screen's experiment over labels per class × depth × seeds: held-out accuracy of
//! the pretrained and of the random-init net at the fine-tuning budget, as a markdown table
//! for `docs/pretraining.md`.
//!
//! ```text
//! cargo run --release -p nnp-core --example pretraining_table > table.md
//! ```
//!
//! Every cell runs [`PretrainConfig::default`] (the screen's defaults) with only the
//! labels per class and the hidden layers changed (`depth` layers of 32 logistic units),
//! through [`Pretrainer::run_experiment`], the same schedule the screen runs.

use std::time::Instant;

use nnp_core::deep::{Digits, Evaluation, PretrainConfig, Pretrainer};

const DIGITS_CSV: &str = include_str!("../../../web/data/digits.csv");
const LABELS_PER_CLASS: [usize; 5] = [1, 3, 10, 30, 100];
const DEPTHS: [usize; 4] = [1, 2, 3, 4];
const SEEDS: std::ops::RangeInclusive<u64> = 1..=10;
/// Points of accuracy by which pretraining must win for a seed to count.
const WIN_MARGIN: f64 = 0.10;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn pct(fraction: f64) -> String {
    format!("{:.1}", 100.0 * fraction)
}

fn main() {
    let digits = Digits::parse_csv(DIGITS_CSV).expect("the shipped digits are valid");
    let defaults = PretrainConfig::default();
    let start = Instant::now();
    println!(
        "| labels per class | hidden layers | pretrained mean (median) | random init mean (median) | wins by ≥ 10 points |"
    );
    println!("|---:|---:|---:|---:|---:|");
    for labels in LABELS_PER_CLASS {
        for depth in DEPTHS {
            let results: Vec<Evaluation> = SEEDS
                .map(|seed| {
                    let config = PretrainConfig {
                        hidden: vec![32; depth],
                        labels_per_class: labels,
                        seed,
                        ..defaults.clone()
                    };
                    Pretrainer::run_experiment(&digits, &config)
                })
                .collect();
            let mut pre: Vec<f64> = results.iter().map(|e| e.pretrained_accuracy).collect();
            let mut random: Vec<f64> = results.iter().map(|e| e.baseline_accuracy).collect();
            let wins = results
                .iter()
                .filter(|e| e.pretrained_accuracy >= e.baseline_accuracy + WIN_MARGIN)
                .count();
            let is_default = labels == defaults.labels_per_class && depth == defaults.hidden.len();
            let mark = if is_default { " **(default)**" } else { "" };
            println!(
                "| {labels}{mark} | {depth} | {} ({}) | {} ({}) | {wins}/{} |",
                pct(mean(&pre)),
                pct(median(&mut pre)),
                pct(mean(&random)),
                pct(median(&mut random)),
                results.len()
            );
            eprintln!(
                "labels {labels}, depth {depth}: done at {:.0} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
    eprintln!("total {:.0} s", start.elapsed().as_secs_f64());
}
