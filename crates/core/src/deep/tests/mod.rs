//! Tests of the whole recipe: references from PyTorch, and the experiment on the shipped
//! digits.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use ndarray::{Array1, Array2};

use super::*;
use crate::activation::Activation;
use crate::rng::Rng;

const DIGITS_CSV: &str = include_str!("../../../../../web/data/digits.csv");

fn digits() -> Digits {
    Digits::parse_csv(DIGITS_CSV).expect("the shipped file is valid")
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-12, "{what}[{k}]: {g} vs PyTorch {w}");
    }
}

/// The first `n` digits (the file is in no particular class order).
fn first_digits(n: usize) -> Digits {
    digits().subset(&(0..n).collect::<Vec<_>>())
}

/// A quick setting for debug builds and the browser: 500 digits, 150 held out, the
/// two-layer net 64 → 32 → 16 → 10 with 10 labels per class.
fn small_config() -> PretrainConfig {
    PretrainConfig {
        test_size: 150,
        ..PretrainConfig::earlier_default()
    }
}

#[test]
fn reconstruction_loss_falls_for_each_layer() {
    let d = first_digits(500);
    let mut t = Pretrainer::new(&d, &small_config());
    assert_eq!(t.phase(), Phase::Pretrain { layer: 0 });
    assert_eq!(t.unlabelled_count(), 350);
    assert_eq!(
        t.net(),
        t.baseline(),
        "both nets start from the same random weights"
    );
    let before = t.reconstruction_loss(0);
    t.run(150);
    let after = t.reconstruction_loss(0);
    assert!(after < 0.7 * before, "layer 1: {before} → {after}");
    let curve = t.pretrain_losses(0);
    assert_eq!(curve.steps(), 150);
    let losses: Vec<f64> = curve.points().map(|p| p.1).collect();
    assert_eq!(losses.len(), 150, "a short run keeps every step");
    let first: f64 = losses[..10].iter().sum();
    let last: f64 = losses[140..].iter().sum();
    assert!(last < 0.7 * first, "layer 1 curve: {first} → {last}");

    assert_eq!(t.advance(), Phase::Pretrain { layer: 1 });
    let layer1 = t.net().hidden[0].clone();
    let before = t.reconstruction_loss(1);
    t.run(150);
    let after = t.reconstruction_loss(1);
    assert!(after < 0.9 * before, "layer 2: {before} → {after}");
    assert_eq!(
        t.net().hidden[0],
        layer1,
        "a stacked layer stays as pretrained"
    );
    assert_eq!(
        t.net().hidden[1],
        t.autoencoder(1).encoder,
        "the net uses layer 2's encoder"
    );
    assert_eq!(t.advance(), Phase::FineTune);
    assert_eq!(
        t.evaluations().len(),
        1,
        "accuracy recorded when fine-tuning starts"
    );
}

/// Seeds the screen's defaults do not use (the screen starts at seed 1).
const CLAIM_SEEDS: std::ops::RangeInclusive<u64> = 101..=110;

/// The lecture's point (§5) at the screen's defaults, over ten seeds the screen does not
/// use: 64 → 32 → 32 → 32 → 32 → 10 logistic units, each layer pretrained for 1,000 steps
/// on the 1,297 training digits without labels, then both nets fine-tuned for the same
/// 300 steps with 3 labels per class (30 labels), tested on 500 held-out digits.
/// Pretraining must win by at least 10 points of accuracy in at least 9 of the 10 seeds.
///
/// Recorded (release build, this commit), held-out accuracy at the budget, pretrained /
/// random init, seeds 101–110:
/// 78/53 83/36 72/45 81/45 79/32 76/31 82/38 78/36 69/48 80/41 — 10 of 10 (9.5 s).
#[test]
#[ignore = "≈ 12 s in release, minutes in a debug build"]
fn pretraining_wins_by_ten_points_in_nine_of_ten_seeds_at_the_defaults() {
    let data = digits();
    let results: Vec<Evaluation> = CLAIM_SEEDS
        .map(|seed| {
            let config = PretrainConfig {
                seed,
                ..PretrainConfig::default()
            };
            let mut t = Pretrainer::new(&data, &config);
            assert_eq!(t.labels_used(), 30);
            let end = t.run_to_end();
            assert!(t.finished(), "fine-tuning stops at its budget");
            assert_eq!(end.step, 300, "both nets had the whole budget");
            end
        })
        .collect();
    for (seed, e) in CLAIM_SEEDS.zip(&results) {
        println!(
            "seed {seed}: pretrained {:.3}, random init {:.3}",
            e.pretrained_accuracy, e.baseline_accuracy
        );
    }
    let wins = results
        .iter()
        .filter(|e| e.pretrained_accuracy >= e.baseline_accuracy + 0.10)
        .count();
    assert!(
        wins >= 9,
        "pretraining won by ≥ 10 points in {wins} of 10 seeds"
    );
}

/// The schedule stacks each layer after its steps, fine-tunes both nets for the budget and
/// stops there, measuring accuracy at every one of the first steps and at the budget.
#[test]
fn the_schedule_stops_at_the_fine_tuning_budget() {
    let d = first_digits(200);
    let config = PretrainConfig {
        hidden: vec![8, 4],
        test_size: 50,
        pretrain_steps: 12,
        fine_tune_steps: 25,
        ..PretrainConfig::default()
    };
    let mut t = Pretrainer::new(&d, &config);
    let end = t.run_to_end();
    assert_eq!(t.pretrain_losses(0).steps(), 12);
    assert_eq!(t.pretrain_losses(1).steps(), 12);
    assert_eq!(t.fine_tune_losses().steps(), 25);
    assert_eq!(t.baseline_losses().steps(), 25);
    assert!(t.finished());
    assert_eq!(t.step_scheduled(), None, "nothing trains after the budget");
    let before = t.net().clone();
    assert!(t.step().loss.is_nan());
    assert_eq!(t.net(), &before, "a step after the budget changes nothing");
    let steps: Vec<usize> = t.evaluations().iter().map(|e| e.step).collect();
    assert_eq!(steps, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 25]);
    assert_eq!(end, t.evaluate());
    assert_eq!(end, *t.evaluations().last().expect("recorded"));
}

/// The same claim at test size (runs in debug and in the browser): 500 digits, 150 held
/// out, 10 labels per class out of a pool of 350.
#[test]
fn pretrained_net_learns_faster_from_few_labels() {
    let d = first_digits(500);
    let mut t = Pretrainer::new(&d, &small_config());
    t.run(150);
    t.advance();
    t.run(100);
    t.advance();
    assert!(
        t.labels_used() <= 100 && t.labels_used() >= 90,
        "{}",
        t.labels_used()
    );
    t.run(60);
    let e = t.evaluate();
    // Recorded at this commit: pretrained 0.860, random init 0.367; seeds 1..=6 give
    // pretrained 0.787–0.867 and random init 0.367–0.593 (`seed_survey`).
    assert!(e.pretrained_accuracy > 0.75, "{e:?}");
    assert!(e.pretrained_accuracy > e.baseline_accuracy + 0.2, "{e:?}");
}

mod behaviour;
mod pytorch;
