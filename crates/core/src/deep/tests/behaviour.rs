//! What the deep screen relies on: no labels in pretraining, seeded runs, pictures, projections.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn pretraining_uses_no_labels() {
    let d = first_digits(300);
    let mut scrambled = d.clone();
    scrambled.labels.reverse();
    let config = PretrainConfig {
        test_size: 100,
        ..PretrainConfig::earlier_default()
    };
    let mut a = Pretrainer::new(&d, &config);
    let mut b = Pretrainer::new(&scrambled, &config);
    a.run(30);
    b.run(30);
    a.advance();
    b.advance();
    a.run(30);
    b.run(30);
    assert_eq!(a.pretrain_losses(0), b.pretrain_losses(0));
    assert_eq!(a.pretrain_losses(1), b.pretrain_losses(1));
    assert_eq!(a.net().hidden, b.net().hidden);
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let d = first_digits(200);
    let config = PretrainConfig {
        test_size: 50,
        hidden: vec![16, 8],
        ..PretrainConfig::earlier_default()
    };
    let run = |config: &PretrainConfig| {
        let mut t = Pretrainer::new(&d, config);
        t.run(20);
        t.advance();
        t.run(20);
        t.advance();
        t.run(20);
        (
            t.pretrain_losses(0).clone(),
            t.fine_tune_losses().clone(),
            t.evaluate(),
        )
    };
    let first = run(&config);
    assert_eq!(first, run(&config));
    let other = run(&PretrainConfig {
        seed: 2,
        ..config.clone()
    });
    assert_ne!(first.0, other.0);
}

#[test]
fn feature_images_change_as_layers_are_pretrained() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::earlier_default()
        },
    );
    let start1 = t.feature_images(0);
    assert_eq!(start1.len(), 32);
    assert!(start1.iter().all(|f| f.len() == 64));
    assert_eq!(start1, t.unit_weights(0));
    t.run(40);
    let after1 = t.feature_images(0);
    assert_ne!(after1, start1);
    t.advance();
    let start2 = t.feature_images(1);
    assert_eq!(start2.len(), 16);
    assert!(
        start2.iter().all(|f| f.len() == 64),
        "deeper features are drawn in pixel space"
    );
    t.run(40);
    assert_ne!(t.feature_images(1), start2);
    assert_eq!(
        t.feature_images(0),
        after1,
        "layer 1 is frozen while layer 2 pretrains"
    );
    assert_eq!(t.unit_weights(1)[0].len(), 32);
}

#[test]
fn reconstructions_are_images() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::earlier_default()
        },
    );
    t.run(60);
    let r = t.reconstructions(&[0, 5]);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].input, t.test_set().input(0));
    assert_eq!(r[0].image, r[0].layer_output, "layer 1 reconstructs pixels");
    assert_eq!(r[1].image.len(), 64);
    assert!(r[1].image.iter().all(|p| (0.0..=1.0).contains(p)));
    let err: f64 = r[0]
        .input
        .iter()
        .zip(&r[0].image)
        .map(|(a, b)| (a - b).abs())
        .sum::<f64>()
        / 64.0;
    assert!(err < 0.25, "mean pixel error {err}");
    t.advance();
    t.run(20);
    let r = t.reconstructions(&[0]);
    assert_eq!(r[0].layer_input.len(), 32);
    assert_eq!(r[0].layer_output.len(), 32);
    assert_eq!(r[0].image.len(), 64, "decoded back down to pixels");
}

#[test]
fn deepest_codes_are_projected_with_their_labels() {
    let d = first_digits(300);
    let mut t = Pretrainer::new(
        &d,
        &PretrainConfig {
            test_size: 100,
            ..PretrainConfig::earlier_default()
        },
    );
    t.run(50);
    t.advance();
    t.run(50);
    let p = t.projection(2);
    assert_eq!(p.points.len(), 100);
    assert_eq!(p.components[0].len(), 16);
    let labels: Vec<usize> = p.points.iter().map(|q| q.label).collect();
    assert_eq!(labels, t.test_set().labels);
    assert!(p.variances[0] >= p.variances[1] && p.variances[1] > 0.0);
    assert_eq!(t.baseline_projection(2).points.len(), 100);
}

#[test]
fn two_d_datasets_train_too() {
    use crate::dataset::{Dataset, DatasetConfig, DatasetKind};
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Gaussians,
        samples: 200,
        ..DatasetConfig::default()
    });
    let ex = Examples::from_points(&data.train);
    let config = PretrainConfig {
        hidden: vec![6, 3],
        test_size: 40,
        labels_per_class: 20,
        ..PretrainConfig::earlier_default()
    };
    let mut t = Pretrainer::new(&ex, &config);
    t.run(100);
    t.advance();
    t.run(100);
    t.advance();
    t.run(200);
    let e = t.evaluate();
    assert_eq!(t.labels_used(), 40);
    assert!(e.pretrained_accuracy > 0.9, "{e:?}");
    assert!(t.feature_images(1).iter().all(|f| f.len() == 2));
}

#[test]
fn fine_tuning_moves_both_nets_on_the_same_batches() {
    let d = first_digits(200);
    let config = PretrainConfig {
        hidden: vec![],
        test_size: 50,
        ..PretrainConfig::earlier_default()
    };
    let mut t = Pretrainer::new(&d, &config);
    assert_eq!(
        t.phase(),
        Phase::FineTune,
        "no hidden layers: nothing to pretrain"
    );
    let r = t.step();
    assert_eq!(
        r.baseline_loss,
        Some(r.loss),
        "with nothing pretrained the two nets are one"
    );
    t.run(30);
    assert_eq!(t.net(), t.baseline());
    let losses = t.fine_tune_losses();
    assert!(losses.last() < losses.first(), "{losses:?}");
}

/// A sane rate keeps every step's loss within bounds; an absurd one diverges at once.
#[test]
fn an_absurd_rate_is_reported_as_diverged() {
    let d = first_digits(200);
    let config = PretrainConfig {
        test_size: 50,
        ..PretrainConfig::earlier_default()
    };
    let mut sane = Pretrainer::new(&d, &config);
    for _ in 0..20 {
        let report = sane.step();
        assert!(!sane.diverged(&report), "{report:?}");
    }
    let mut wild = Pretrainer::new(
        &d,
        &PretrainConfig {
            pretrain_rate: 1e300,
            ..config
        },
    );
    let diverged = (0..20).any(|_| {
        let report = wild.step();
        wild.diverged(&report)
    });
    assert!(diverged, "a rate of 1e300 diverges within 20 steps");
}
