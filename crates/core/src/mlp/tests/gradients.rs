//! Gradients of the MLP against finite differences and the lecture's formulas.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

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
