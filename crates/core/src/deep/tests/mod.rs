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

/// A quick setting for debug builds and the browser: 500 digits, 150 held out.
fn small_config() -> PretrainConfig {
    PretrainConfig {
        test_size: 150,
        ..PretrainConfig::default()
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

/// The lecture's point (§5) at screen size: pretraining on 1,297 unlabelled digits, then
/// fine-tuning with 10 labels per class (100 labels, 7.7 % of the pool), tested on 500
/// held-out digits (seed 1, defaults: 64 → 32 → 16 → 10, logistic, cross-entropy).
/// Recorded (release build, this commit), held-out accuracy after N supervised steps:
///
/// | steps | pretrained | random init |
/// |-------|------------|-------------|
/// |    0  |   0.062    |   0.090     |
/// |  100  |   0.870    |   0.642     |
/// |  300  |   0.892    |   0.832     |
/// | 1000  |   0.886    |   0.846     |
///
/// Pretraining wins early by a wide margin and ends about 4 points ahead.
#[test]
#[ignore = "≈ 0.5 s in release, ≈ 11 s in a debug build"]
fn pretraining_beats_random_init_with_ten_labels_per_class() {
    let mut t = Pretrainer::new(&digits(), &PretrainConfig::default());
    assert_eq!(t.labels_used(), 100);
    t.run(1500);
    t.advance();
    t.run(1500);
    t.advance();
    t.run(1000);
    for e in t.evaluations().iter().step_by(10) {
        println!(
            "step {:5}: pretrained {:.3}, random init {:.3}",
            e.step, e.pretrained_accuracy, e.baseline_accuracy
        );
    }
    let at = |step: usize| {
        t.evaluations()
            .iter()
            .find(|e| e.step == step)
            .copied()
            .expect("recorded")
    };
    assert!(at(100).pretrained_accuracy > 0.85, "{:?}", at(100));
    assert!(at(100).baseline_accuracy < 0.75, "{:?}", at(100));
    let end = at(1000);
    assert!(end.pretrained_accuracy > 0.87, "{end:?}");
    assert!(
        end.pretrained_accuracy > end.baseline_accuracy + 0.02,
        "{end:?}"
    );
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
