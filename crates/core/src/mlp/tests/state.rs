//! The grid, divergence and restore, single weights, seeds and metrics.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn grid_equals_point_by_point_evaluation() {
    let features = FeatureSet::new(vec![
        Feature::Named(Named::X1),
        Feature::Named(Named::X2),
        Feature::Named(Named::SinX1),
        Feature::formula("x1*x2/6").unwrap(),
    ]);
    for activation in [
        Activation::Tanh,
        Activation::Relu,
        Activation::Logistic,
        Activation::Linear,
    ] {
        let net = Mlp::new(&MlpConfig {
            inputs: 4,
            hidden: vec![
                LayerConfig {
                    units: 5,
                    activation,
                },
                LayerConfig {
                    units: 3,
                    activation: Activation::Tanh,
                },
            ],
            output_activation: activation,
            seed: 4,
            ..MlpConfig::default()
        });
        let mut grid = GridEval::new(&features, 37, (-6.0, 6.0));
        grid.evaluate(&net);
        assert_eq!(grid.layer_count(), 3);
        for (row, col) in [
            (0, 0),
            (0, 36),
            (18, 18),
            (36, 0),
            (36, 36),
            (5, 29),
            (36, 35),
        ] {
            let index = row * 37 + col;
            let (x1, x2) = grid.point(row, col);
            let probe = net.probe(&features, x1, x2);
            for (k, v) in probe.phi.iter().enumerate() {
                assert!(
                    (grid.input(k)[index] as f64 - v).abs() < 1e-5,
                    "feature {k} at ({row}, {col})"
                );
            }
            for (l, units) in probe.layers.iter().enumerate() {
                for (u, v) in units.iter().enumerate() {
                    let g = grid.unit(l, u)[index] as f64;
                    assert!(
                        (g - v).abs() < 1e-4 * v.abs().max(1.0),
                        "{activation:?} layer {l} unit {u} at ({row}, {col}): {g} vs {v}"
                    );
                }
            }
            assert!(
                (grid.output()[index] as f64 - probe.score).abs()
                    < 1e-4 * probe.score.abs().max(1.0)
            );
        }
    }
    // Row 0 is the top of the picture, cells are sampled at their centres.
    let grid = GridEval::new(&FeatureSet::raw(), 4, (-6.0, 6.0));
    assert_eq!(grid.point(0, 0), (-4.5, 4.5));
    assert_eq!(grid.point(3, 3), (4.5, -4.5));
    assert_eq!(grid.input(0)[3], 4.5, "x1 grows to the right");
    assert_eq!(grid.input(1)[12], -4.5, "x2 falls downwards");
}

#[test]
fn huge_learning_rate_is_reported_and_restore_undoes_it() {
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Gaussians,
        ..Default::default()
    });
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2, Named::X1Squared]);
    let samples = Samples::new(&features, &data.train);
    let mut net = Mlp::new(&MlpConfig::linear(4, Loss::Squared));
    let mut rng = Rng::seeded(1);
    let sane = TrainConfig {
        learning_rate: 0.001,
        ..Default::default()
    };
    net.train_epoch(&samples, &sane, &mut rng).unwrap();
    let good = net.snapshot();
    let before = net.params().to_vec();
    let wild = TrainConfig {
        learning_rate: 1e3,
        ..Default::default()
    };
    let mut outcome = Ok(0.0);
    for _ in 0..20 {
        outcome = net.train_epoch(&samples, &wild, &mut rng);
        if outcome.is_err() {
            break;
        }
    }
    let err = outcome.expect_err("a learning rate of 1000 must diverge");
    assert!(err.to_string().contains("lower the learning rate"), "{err}");
    assert!(!err.loss.is_finite() || net.params().iter().any(|p| !p.is_finite()));
    net.restore(&good);
    assert_eq!(net.params(), &before[..]);
    assert!(net.metrics(&samples).loss.is_finite());
}

#[test]
fn single_weights_and_biases_can_be_read_and_set() {
    let mut net = Mlp::new(&MlpConfig::default());
    assert_eq!(net.shape(), vec![2, 4, 2, 1]);
    assert_eq!(net.params().len(), 4 * 2 + 4 + 2 * 4 + 2 + 2 + 1);
    let features = FeatureSet::raw();
    let before = net.probe(&features, 1.0, 2.0);
    net.set_weight(1, 1, 3, 2.5);
    assert_eq!(net.weight(1, 1, 3), 2.5);
    assert_eq!(net.weights(1)[4 + 3], 2.5, "row-major units × inputs");
    assert!(net.set_bias(2, 0, -0.75));
    assert_eq!(net.bias(2, 0), -0.75);
    let after = net.probe(&features, 1.0, 2.0);
    assert_eq!(
        after.layers[0], before.layers[0],
        "the first layer is untouched"
    );
    assert_ne!(
        after.layers[1][1], before.layers[1][1],
        "the edited unit changed"
    );
    assert_ne!(after.score, before.score);
    let mut linear = Mlp::new(&MlpConfig::linear(3, Loss::Hinge));
    assert!(
        !linear.set_bias(0, 0, 1.0),
        "a linear classifier on φ has no separate bias"
    );
    assert_eq!(linear.bias(0, 0), 0.0);
}

#[test]
fn same_seed_same_network() {
    let a = Mlp::new(&MlpConfig::default());
    assert_eq!(a, Mlp::new(&MlpConfig::default()));
    assert_ne!(
        a,
        Mlp::new(&MlpConfig {
            seed: 2,
            ..MlpConfig::default()
        })
    );
    let data = Dataset::generate(&DatasetConfig::default());
    let samples = Samples::new(&FeatureSet::raw(), &data.train);
    let (mut b, mut c) = (a.clone(), a.clone());
    let train = TrainConfig::default();
    b.train_epoch(&samples, &train, &mut Rng::seeded(9))
        .unwrap();
    c.train_epoch(&samples, &train, &mut Rng::seeded(9))
        .unwrap();
    assert_eq!(b, c);
    assert_ne!(b, a);
}

#[test]
fn metrics_count_right_labels() {
    let features = FeatureSet::named(&[Named::One, Named::X1]);
    let points = [
        Point::new(1.0, 0.0, 1.0),
        Point::new(-1.0, 0.0, -1.0),
        Point::new(2.0, 0.0, -1.0),
    ];
    let samples = Samples::new(&features, &points);
    let mut net = Mlp::new(&MlpConfig::linear(2, Loss::Hinge));
    net.set_params(&[0.0, 1.0]); // score = x1
    let m = net.metrics(&samples);
    assert!((m.accuracy - 2.0 / 3.0).abs() < 1e-12);
    // hinge: max(1 − 1, 0) + max(1 − 1, 0) + max(1 + 2, 0) = 3, mean 1
    assert!((m.loss - 1.0).abs() < 1e-12);
}

#[test]
fn metrics_in_batches_equal_point_by_point_to_the_bit() {
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Spiral,
        samples: 101,
        ..DatasetConfig::default()
    });
    let features = FeatureSet::raw();
    let samples = Samples::new(&features, &data.train);
    let net = Mlp::new(&MlpConfig {
        hidden: vec![
            LayerConfig {
                units: 5,
                activation: Activation::Tanh,
            };
            3
        ],
        ..MlpConfig::default()
    });
    let (mut loss, mut right) = (0.0, 0);
    for i in 0..samples.len() {
        let s = net.score(samples.row(i));
        loss += net.loss().value(s, samples.labels[i]);
        right += usize::from(net.predict(s) == samples.labels[i]);
    }
    let m = net.metrics(&samples);
    assert_eq!(m.loss, loss / samples.len() as f64);
    assert_eq!(m.accuracy, right as f64 / samples.len() as f64);
}
