//! An epoch spread over frames takes exactly the steps of one taken at once.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn spiral() -> Samples {
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Spiral,
        ..Default::default()
    });
    Samples::new(&FeatureSet::raw(), &data.train)
}

#[test]
fn an_epoch_in_slices_equals_the_epoch_at_once() {
    let samples = spiral();
    let train = TrainConfig {
        batch_size: 3,
        ..TrainConfig::default()
    };
    let start = Mlp::new(&MlpConfig::default());
    let mut whole = start.clone();
    let mean = whole
        .train_epoch(&samples, &train, &mut Rng::seeded(4))
        .unwrap();

    let mut sliced = start.clone();
    let mut run = EpochRun::new(&samples, &train, &mut Rng::seeded(4));
    assert_eq!(run.steps(), samples.len().div_ceil(3));
    let mut calls = 0;
    let sliced_mean = loop {
        calls += 1;
        // Out of time after every fifth step.
        let mut budget = 5;
        let progress = run
            .advance(&mut sliced, &samples, &train, || {
                budget -= 1;
                budget == 0
            })
            .unwrap();
        match progress {
            Progress::Partway { done, of } => {
                assert_eq!(done, calls * 5);
                assert_eq!(of, run.steps());
            }
            Progress::Finished(mean) => break mean,
        }
    };
    assert_eq!(calls, run.steps().div_ceil(5));
    assert_eq!(sliced, whole, "the same weights, bit for bit");
    assert_eq!(sliced_mean.to_bits(), mean.to_bits());
    assert_ne!(sliced, start);
}

#[test]
fn a_slice_takes_at_least_one_step_and_counts_a_diverged_step_from_the_epochs_start() {
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Gaussians,
        ..Default::default()
    });
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2, Named::X1Squared]);
    let samples = Samples::new(&features, &data.train);
    let mut net = Mlp::new(&MlpConfig::linear(4, Loss::Squared));
    let train = TrainConfig {
        batch_size: 1,
        learning_rate: 0.001,
        ..TrainConfig::default()
    };
    let mut run = EpochRun::new(&samples, &train, &mut Rng::seeded(1));
    let progress = run.advance(&mut net, &samples, &train, || true).unwrap();
    assert_eq!(
        progress,
        Progress::Partway {
            done: 1,
            of: samples.len()
        }
    );

    // The linear model with squared loss and a learning rate of 1000 overflows within steps.
    let wild = TrainConfig {
        learning_rate: 1e3,
        ..train
    };
    let diverged = (1..samples.len())
        .find_map(|_| run.advance(&mut net, &samples, &wild, || true).err())
        .expect("a learning rate of 1000 diverges");
    assert!(
        diverged.step >= 1,
        "step {} counts from the epoch's start",
        diverged.step
    );
}

#[test]
fn an_empty_epoch_is_finished_at_once() {
    let samples = Samples::new(&FeatureSet::raw(), &[]);
    let train = TrainConfig::default();
    let mut net = Mlp::new(&MlpConfig::default());
    let mut run = EpochRun::new(&samples, &train, &mut Rng::seeded(1));
    assert_eq!(run.steps(), 0);
    let progress = run.advance(&mut net, &samples, &train, || true).unwrap();
    assert_eq!(progress, Progress::Finished(0.0));
}
