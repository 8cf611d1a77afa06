//! Training runs: reproducible from the seed, stratified split, progress counts, a run
//! that learns, and divergence reported instead of a panic.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn trainer(config: &CnnTrainConfig) -> CnnTrainer {
    CnnTrainer::new(&digits(), &CnnConfig::default(), config).expect("valid settings")
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let config = CnnTrainConfig {
        seed: 9,
        ..CnnTrainConfig::default()
    };
    let (mut a, mut b) = (trainer(&config), trainer(&config));
    let mut c = trainer(&CnnTrainConfig { seed: 10, ..config });
    for _ in 0..5 {
        let (ra, rb) = (a.step(), b.step());
        assert_eq!(ra, rb);
        c.step().expect("no divergence");
    }
    assert_eq!(a.net(), b.net());
    assert_eq!(a.test_set(), b.test_set());
    assert_ne!(a.net(), c.net());
    assert_ne!(a.test_set(), c.test_set());
}

#[test]
fn the_split_is_stratified_and_complete() {
    let all = digits();
    let t = trainer(&CnnTrainConfig::default());
    let (train, test) = (t.train_set(), t.test_set());
    assert_eq!(train.len() + test.len(), all.len());
    assert_eq!((train.len(), test.len()), (1438, 359));
    for class in 0..10 {
        let count = |set: &ImageSet| set.labels().iter().filter(|&&l| l == class).count();
        let expected = (0.2 * count(&all) as f32).round() as usize;
        assert_eq!(count(test), expected, "class {class}");
    }
    // Every image ends up in exactly one set: the pixel sums add up.
    let sum = |set: &ImageSet| {
        (0..set.len())
            .map(|i| set.image(i).iter().sum::<f32>() as f64)
            .sum::<f64>()
    };
    assert!((sum(train) + sum(test) - sum(&all)).abs() < 1e-3);
}

#[test]
fn progress_counts_updates_and_epochs() {
    let mut t = trainer(&CnnTrainConfig::default());
    assert_eq!(t.progress().batches_per_epoch, 45); // ⌈1438 / 32⌉
    let first = t.step().expect("no divergence");
    assert_eq!(
        (first.progress.updates, first.progress.batch_in_epoch),
        (1, 1)
    );
    assert!(!first.epoch_done);
    t.epoch().expect("no divergence");
    let p = t.progress();
    assert_eq!((p.updates, p.epoch, p.batch_in_epoch), (45, 1, 0));
    t.epoch().expect("no divergence");
    assert_eq!((t.progress().updates, t.progress().epoch), (90, 2));
}

#[test]
fn two_epochs_already_classify_most_digits() {
    for optimizer in [OptimizerKind::Adam, OptimizerKind::Momentum] {
        let config = CnnTrainConfig {
            optimizer,
            learning_rate: match optimizer {
                OptimizerKind::Adam => 0.01,
                OptimizerKind::Momentum => 0.05,
            },
            ..CnnTrainConfig::default()
        };
        let mut t = trainer(&config);
        let before = t.test_accuracy();
        let first = t.epoch().expect("no divergence");
        let second = t.epoch().expect("no divergence");
        assert!(second < first, "{optimizer:?}: loss {first} then {second}");
        let confusion = t.test_confusion();
        assert_eq!(confusion.total() as usize, t.test_set().len());
        let digit_rows = confusion.as_digit_array().expect("ten classes");
        assert_eq!(digit_rows[3][3], confusion.count(3, 3));
        assert_eq!(confusion.accuracy(), t.test_accuracy());
        assert!(
            before < 0.3 && t.test_accuracy() > 0.85,
            "{optimizer:?}: test accuracy {before} before, {} after two epochs",
            t.test_accuracy()
        );
    }
}

#[test]
fn divergence_is_reported_not_a_panic() {
    let config = CnnTrainConfig {
        optimizer: OptimizerKind::Momentum,
        learning_rate: 1e30,
        ..CnnTrainConfig::default()
    };
    let mut t = trainer(&config);
    let mut before = t.net().clone();
    let diverged = (0..100)
        .find_map(|_| {
            before = t.net().clone();
            t.step().err()
        })
        .expect("a learning rate of 10³⁰ diverges");
    assert_eq!(t.net(), &before, "the failed update is not applied");
    assert!(!diverged.loss.is_finite());
    // (Compared by the update count: a NaN loss is not equal to itself.)
    let updates = |d: Diverged| d.updates;
    assert_eq!(
        t.step().map_err(updates).err(),
        Some(diverged.updates),
        "the same batch fails again"
    );
    assert_eq!(t.epoch().map_err(updates), Err(diverged.updates));
    assert_eq!(t.diverged().map(updates), Some(diverged.updates));
    assert_eq!(t.progress().updates, diverged.updates);
    assert!(diverged.to_string().contains("smaller learning rate"));

    // A NaN pixel makes the very first loss NaN.
    let images = ImageSet::new(64, vec![f32::NAN; 64 * 10], (0..10).collect());
    let mut t = CnnTrainer::new(
        &images,
        &CnnConfig::default(),
        &CnnTrainConfig {
            test_fraction: 0.0,
            ..CnnTrainConfig::default()
        },
    )
    .expect("valid settings");
    let diverged = t.step().expect_err("NaN input");
    assert_eq!(diverged.updates, 0);
    assert!(diverged.loss.is_nan());
}

#[test]
fn bad_settings_are_errors_a_teacher_can_read() {
    let images = digits();
    let net = |config: CnnConfig| CnnTrainer::new(&images, &config, &CnnTrainConfig::default());
    let err = net(CnnConfig {
        kernel_size: 9,
        padding: crate::conv::Padding::Valid,
        ..CnnConfig::default()
    })
    .expect_err("a 9×9 kernel does not fit into 8×8");
    assert!(err.to_string().contains("does not fit"), "{err}");
    assert!(
        net(CnnConfig {
            kernels: 0,
            ..CnnConfig::default()
        })
        .is_err()
    );
    assert!(
        net(CnnConfig {
            pool_size: 9,
            ..CnnConfig::default()
        })
        .is_err()
    );
    assert!(
        net(CnnConfig {
            input_rows: 7,
            ..CnnConfig::default()
        })
        .is_err(),
        "64 pixels per image, not 56"
    );
    let train = |config: CnnTrainConfig| CnnTrainer::new(&images, &CnnConfig::default(), &config);
    for bad in [
        CnnTrainConfig {
            learning_rate: f32::NAN,
            ..CnnTrainConfig::default()
        },
        CnnTrainConfig {
            learning_rate: f32::INFINITY,
            ..CnnTrainConfig::default()
        },
        CnnTrainConfig {
            learning_rate: -0.1,
            ..CnnTrainConfig::default()
        },
        CnnTrainConfig {
            batch_size: 0,
            ..CnnTrainConfig::default()
        },
        CnnTrainConfig {
            momentum: 1.0,
            ..CnnTrainConfig::default()
        },
        CnnTrainConfig {
            test_fraction: 1.0,
            ..CnnTrainConfig::default()
        },
    ] {
        assert!(train(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn weights_round_trip_and_bad_weights_are_refused() {
    let mut t = trainer(&CnnTrainConfig::default());
    t.step().expect("no divergence");
    let net = t.net().clone();
    let weights = net.weights();
    assert_eq!(weights.kernels.len(), 8 * 9);
    assert_eq!(weights.dense.len(), 10 * 128);
    let back = Cnn::try_from(weights.clone()).expect("its own weights fit");
    assert_eq!(back, net);
    let image = t.test_set().image(0);
    assert_eq!(
        back.forward(image).probabilities,
        net.forward(image).probabilities
    );

    let mut short = weights.clone();
    short.dense.pop();
    let err = Cnn::try_from(short).expect_err("a weight is missing");
    assert!(err.message.contains("dense weights"), "{err}");
    let mut no_kernel = weights.clone();
    no_kernel.kernels.pop();
    let err = Cnn::try_from(no_kernel).expect_err("a kernel weight is missing");
    assert!(err.message.contains("kernel weights"), "{err}");
    let mut nan = weights.clone();
    nan.kernels[3] = f32::NAN;
    assert!(Cnn::try_from(nan).is_err());
    let mut other_shape = weights;
    other_shape.config.kernels = 4;
    assert!(Cnn::try_from(other_shape).is_err());
}

#[test]
fn forward_keeps_every_layer_for_drawing() {
    let net = Cnn::new(&CnnConfig::default(), 5).expect("the default is valid");
    let image = digits().image(0).to_vec();
    let acts = net.forward(&image);
    assert_eq!(acts.input.data(), &image[..]);
    assert_eq!(acts.conv.shape(), (8, 8, 8));
    assert_eq!(acts.relu.shape(), (8, 8, 8));
    assert!(acts.relu.data().iter().all(|&v| v >= 0.0));
    assert!(
        acts.conv.data().iter().any(|&v| v < 0.0),
        "ReLU has something to cut"
    );
    assert_eq!(acts.pooled.shape(), (8, 4, 4));
    // Max pooling: each pooled value is the largest of its 2×2 block of the ReLU maps.
    let block_max = (0..2)
        .flat_map(|i| (0..2).map(move |j| (i, j)))
        .map(|(i, j)| acts.relu.get(2, 2 + i, 4 + j))
        .fold(f32::NEG_INFINITY, f32::max);
    assert_eq!(acts.pooled.get(2, 1, 2), block_max);
    assert_eq!(acts.logits.len(), 10);
    assert!((acts.probabilities.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    let best = acts.probabilities[acts.predicted()];
    assert!(acts.probabilities.iter().all(|&p| p <= best));
}
