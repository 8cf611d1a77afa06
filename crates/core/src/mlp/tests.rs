#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::dataset::{Dataset, DatasetConfig, DatasetKind, Point, car_table};
use crate::features::{Feature, Named};
use crate::gradcheck::{gradient, relative_error};

/// Four fixed points shared by the gradient checks and the PyTorch references.
fn four_points() -> Samples {
    let points = [
        Point::new(0.5, -1.2, 1.0),
        Point::new(2.0, 1.5, -1.0),
        Point::new(-1.0, 0.3, 1.0),
        Point::new(-2.2, -0.7, -1.0),
    ];
    Samples::new(&FeatureSet::raw(), &points)
}

fn check_gradient(net: &Mlp, samples: &Samples, train: &TrainConfig, what: &str) {
    let batch: Vec<usize> = (0..samples.len()).collect();
    let (_, exact) = net.loss_and_gradient(samples, &batch, train);
    let fd = gradient(|p| net.objective(p, samples, &batch, train).0, net.params());
    assert_eq!(exact.len(), net.params().len());
    for (k, (e, f)) in exact.iter().zip(&fd).enumerate() {
        assert!(
            relative_error(*e, *f, 1e-4) < 1e-5,
            "{what}, parameter {k}: {e} vs finite difference {f}"
        );
    }
}

#[test]
fn linear_classifier_gradients_match_finite_differences() {
    // φ = [1, x1, x2, x1·x2]: the bias lives in W, as in the lecture.
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2, Named::X1X2]);
    let points = [
        Point::new(0.5, -1.2, 1.0),
        Point::new(2.0, 1.5, -1.0),
        Point::new(-1.0, 0.3, 1.0),
        Point::new(-0.2, -0.7, -1.0),
    ];
    let samples = Samples::new(&features, &points);
    for loss in Loss::ALL {
        let mut net = Mlp::new(&MlpConfig {
            seed: 5,
            ..MlpConfig::linear(4, loss)
        });
        assert_eq!(net.params().len(), 4, "no separate bias");
        net.set_params(&[0.3, -0.2, 0.4, 0.1]);
        for regularization in [Regularization::None, Regularization::L1, Regularization::L2] {
            let train = TrainConfig {
                regularization,
                regularization_rate: 0.03,
                ..Default::default()
            };
            check_gradient(
                &net,
                &samples,
                &train,
                &format!("linear {loss:?} {regularization:?}"),
            );
        }
    }
}

#[test]
fn hinge_gradient_of_the_linear_classifier_is_the_lectures_formula() {
    // ∂loss/∂W = −1[margin < 1] φ(x) y, for one point.
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2]);
    let samples = Samples::new(&features, &[Point::new(3.0, 1.0, 1.0)]);
    let mut net = Mlp::new(&MlpConfig::linear(3, Loss::Hinge));
    net.set_params(&[-0.5, 0.1, 0.2]); // margin = 1·(−0.5 + 0.3 + 0.2) = 0 < 1
    let (loss, grad) = net.loss_and_gradient(&samples, &[0], &TrainConfig::default());
    assert!((loss - 1.0).abs() < 1e-12, "{loss}");
    assert_eq!(grad, vec![-1.0, -3.0, -1.0]);
    net.set_params(&[-1.0, 1.0, -1.0]); // the lecture's v1: margin 1, no gradient
    let (loss, grad) = net.loss_and_gradient(&samples, &[0], &TrainConfig::default());
    assert_eq!((loss, grad), (0.0, vec![0.0, 0.0, 0.0]));
}

#[test]
fn two_hidden_layer_gradients_match_finite_differences() {
    let samples = four_points();
    for activation in [
        Activation::Logistic,
        Activation::Tanh,
        Activation::Relu,
        Activation::Linear,
    ] {
        for (output_activation, loss) in [
            (Activation::Tanh, Loss::Squared),
            (Activation::Linear, Loss::Hinge),
            (Activation::Linear, Loss::Logistic),
            (Activation::Logistic, Loss::Squared),
        ] {
            let config = MlpConfig {
                inputs: 2,
                hidden: vec![
                    LayerConfig {
                        units: 3,
                        activation,
                    },
                    LayerConfig {
                        units: 2,
                        activation,
                    },
                ],
                output_activation,
                loss,
                bias: true,
                seed: 11,
            };
            let mut net = Mlp::new(&config);
            // Non-zero biases so every bias gradient is exercised away from ReLU's kink.
            for (l, layer) in config.hidden.iter().enumerate() {
                for u in 0..layer.units {
                    net.set_bias(l, u, 0.1 + 0.07 * u as f64);
                }
            }
            for regularization in [Regularization::None, Regularization::L1, Regularization::L2] {
                let train = TrainConfig {
                    regularization,
                    regularization_rate: 0.02,
                    ..Default::default()
                };
                check_gradient(
                    &net,
                    &samples,
                    &train,
                    &format!("{activation:?}/{output_activation:?}/{loss:?}/{regularization:?}"),
                );
            }
        }
    }
}

fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < tol, "{what}[{k}]: {g} vs {w}");
    }
}

#[test]
fn sgd_matches_pytorch_tanh_relu_squared_l2() {
    // PyTorch (float64), the same initial weights, three full-batch steps:
    //   import torch; torch.set_default_dtype(torch.float64)
    //   X = torch.tensor([[0.5, -1.2], [2.0, 1.5], [-1.0, 0.3], [-2.2, -0.7]])
    //   y = torch.tensor([1.0, -1.0, 1.0, -1.0])
    //   W1 = torch.tensor([[0.4, -0.3], [0.2, 0.5], [-0.6, 0.1]], requires_grad=True)
    //   b1 = torch.tensor([0.1, -0.2, 0.05], requires_grad=True)
    //   W2 = torch.tensor([[0.7, -0.4, 0.3], [-0.2, 0.6, 0.5]], requires_grad=True)
    //   b2 = torch.tensor([0.15, 0.1], requires_grad=True)
    //   W3 = torch.tensor([[0.9, -0.8]], requires_grad=True)
    //   b3 = torch.tensor([0.05], requires_grad=True)
    //   ps = [W1, b1, W2, b2, W3, b3]
    //   for step in range(3):
    //       h1 = torch.tanh(X @ W1.T + b1)
    //       h2 = torch.relu(h1 @ W2.T + b2)
    //       s = torch.tanh(h2 @ W3.T + b3)[:, 0]
    //       loss = ((s - y) ** 2).mean() + 0.01 * 0.5 * sum((w ** 2).sum() for w in [W1, W2, W3])
    //       for p in ps: p.grad = None
    //       loss.backward()
    //       print("loss", repr(loss.item()))
    //       with torch.no_grad():
    //           for p in ps: p -= 0.1 * p.grad
    //   print("params", [v for p in ps for v in p.detach().flatten().tolist()])
    let losses = [0.9569633546664902, 0.8987590501909933, 0.877150776806522];
    let after = [
        0.4281638751155214,
        -0.28103263012862817,
        0.26979503025318224,
        0.48710588702437313,
        -0.5564637582571418,
        0.10576117288957859,
        0.09746534087878958,
        -0.24647301967903984,
        0.07042237250820109,
        0.7261263324456324,
        -0.37721685842577846,
        0.2728080415321934,
        -0.17419199872141797,
        0.6098185661279063,
        0.4570793729337379,
        0.14701745600021843,
        0.20899870662990191,
        0.8996514801977233,
        -0.7936615389149317,
        -0.04110828844606662,
    ];
    let mut net = Mlp::new(&MlpConfig {
        inputs: 2,
        hidden: vec![
            LayerConfig {
                units: 3,
                activation: Activation::Tanh,
            },
            LayerConfig {
                units: 2,
                activation: Activation::Relu,
            },
        ],
        output_activation: Activation::Tanh,
        loss: Loss::Squared,
        bias: true,
        seed: 0,
    });
    net.set_params(&[
        0.4, -0.3, 0.2, 0.5, -0.6, 0.1, 0.1, -0.2, 0.05, // W1, b1
        0.7, -0.4, 0.3, -0.2, 0.6, 0.5, 0.15, 0.1, // W2, b2
        0.9, -0.8, 0.05, // W3, b3
    ]);
    let samples = four_points();
    let train = TrainConfig {
        learning_rate: 0.1,
        batch_size: 4,
        regularization: Regularization::L2,
        regularization_rate: 0.01,
    };
    let got: Vec<f64> = (0..3)
        .map(|_| net.step(&samples, &[0, 1, 2, 3], &train).unwrap())
        .collect();
    assert_close(&got, &losses, 1e-12, "loss");
    assert_close(net.params(), &after, 1e-12, "parameters");
}

#[test]
fn sgd_matches_pytorch_sigmoid_logistic_l1() {
    // PyTorch (float64), same points as above:
    //   W1 = torch.tensor([[0.4, -0.3], [0.2, 0.5]], requires_grad=True)
    //   b1 = torch.tensor([0.1, -0.2], requires_grad=True)
    //   W2 = torch.tensor([[0.9, -0.8]], requires_grad=True)
    //   b2 = torch.tensor([0.05], requires_grad=True)
    //   ps = [W1, b1, W2, b2]
    //   for step in range(3):
    //       s = (torch.sigmoid(X @ W1.T + b1) @ W2.T + b2)[:, 0]
    //       loss = torch.nn.functional.softplus(-y * s).mean() + 0.01 * sum(w.abs().sum() for w in [W1, W2])
    //       for p in ps: p.grad = None
    //       loss.backward()
    //       print("loss", repr(loss.item()))
    //       with torch.no_grad():
    //           for p in ps: p -= 0.5 * p.grad
    //   print("params", [v for p in ps for v in p.detach().flatten().tolist()])
    let losses = [0.6970187215642472, 0.6949395639960626, 0.69331212244025];
    let after = [
        0.37303081816265765,
        -0.34055643929474055,
        0.1976258657189226,
        0.5300689873561787,
        0.0893016405387599,
        -0.2024477338403799,
        0.8768106871150708,
        -0.8414968349411627,
        0.0031531617969184703,
    ];
    let mut net = Mlp::new(&MlpConfig {
        inputs: 2,
        hidden: vec![LayerConfig {
            units: 2,
            activation: Activation::Logistic,
        }],
        output_activation: Activation::Linear,
        loss: Loss::Logistic,
        bias: true,
        seed: 0,
    });
    net.set_params(&[0.4, -0.3, 0.2, 0.5, 0.1, -0.2, 0.9, -0.8, 0.05]);
    let train = TrainConfig {
        learning_rate: 0.5,
        batch_size: 4,
        regularization: Regularization::L1,
        regularization_rate: 0.01,
    };
    let samples = four_points();
    let got: Vec<f64> = (0..3)
        .map(|_| net.step(&samples, &[0, 1, 2, 3], &train).unwrap())
        .collect();
    assert_close(&got, &losses, 1e-12, "loss");
    assert_close(net.params(), &after, 1e-12, "parameters");
}

/// Trains until every training point is right; returns the epochs it took.
fn epochs_to_fit(
    kind: DatasetKind,
    config: &MlpConfig,
    train: &TrainConfig,
    max_epochs: usize,
) -> Option<usize> {
    let data = Dataset::generate(&DatasetConfig {
        kind,
        seed: 2,
        ..Default::default()
    });
    let samples = Samples::new(&FeatureSet::raw(), &data.train);
    let mut net = Mlp::new(config);
    let mut rng = Rng::seeded(3);
    (1..=max_epochs).find(|_| {
        net.train_epoch(&samples, train, &mut rng).unwrap();
        net.metrics(&samples).accuracy == 1.0
    })
}

#[test]
fn learns_xor_perfectly() {
    let epochs = epochs_to_fit(
        DatasetKind::Xor,
        &MlpConfig::default(),
        &TrainConfig::default(),
        300,
    );
    assert!(epochs.is_some(), "XOR not learned in 300 epochs");
}

#[test]
fn learns_the_car_example_perfectly() {
    let config = MlpConfig {
        hidden: vec![LayerConfig {
            units: 4,
            activation: Activation::Tanh,
        }],
        ..MlpConfig::default()
    };
    let epochs = epochs_to_fit(DatasetKind::Car, &config, &TrainConfig::default(), 300);
    assert!(epochs.is_some(), "car example not learned in 300 epochs");
}

#[test]
fn the_lectures_hand_built_car_network_classifies_its_table() {
    // Φ(x) = [1, x1, x2]; h1 = sign(v1·Φ), h2 = sign(v2·Φ) with v1 = [−1, 1, −1],
    // v2 = [−1, −1, 1]; the output adds w = [1, 1] and a bias 1 (sign gives ±1 where the
    // lecture's indicators give 0/1).
    let features = FeatureSet::named(&[Named::One, Named::X1, Named::X2]);
    let mut net = Mlp::new(&MlpConfig {
        inputs: 3,
        hidden: vec![LayerConfig {
            units: 2,
            activation: Activation::Sign,
        }],
        output_activation: Activation::Sign,
        loss: Loss::Hinge,
        bias: true,
        seed: 0,
    });
    for (from, (a, b)) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0)]
        .into_iter()
        .enumerate()
    {
        net.set_weight(0, 0, from, a);
        net.set_weight(0, 1, from, b);
    }
    net.set_weight(1, 0, 0, 1.0);
    net.set_weight(1, 0, 1, 1.0);
    assert!(net.set_bias(1, 0, 1.0));
    let samples = Samples::new(&features, &car_table());
    assert_eq!(net.metrics(&samples).accuracy, 1.0);
    let probe = net.probe(&features, 3.0, 1.0);
    assert_eq!(probe.phi, vec![1.0, 3.0, 1.0]);
    assert_eq!(
        probe.layers,
        vec![vec![1.0, -1.0], vec![1.0]],
        "h1 fires, h2 does not"
    );
    assert_eq!((probe.score, probe.label), (1.0, 1.0));
}

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
