//! Every backward pass against central finite differences,
//! `∂L/∂θ_i ≈ (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε`, on small non-square shapes (a 2×3 kernel
//! on a 4×5 input, 6×7 images) so that a swapped row and column cannot pass. Layers are
//! probed through `L = Σ_n r_n · out_n` with fixed `r` (then `∂L/∂out = r`).

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::conv::{FeatureMap, KernelBank, Padding, PoolConfig, PoolKind};
use crate::gradcheck::relative_error;

/// `Σ a_n · b_n` in `f64`.
fn dot(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| f64::from(x) * f64::from(y))
        .sum()
}

/// Asserts that `analytic` is the gradient of `loss` at `params`: each entry within
/// `tolerance` relative error (floored at 0.1, so tiny entries compare absolutely) of the
/// central difference with step `step`.
fn assert_gradient(
    what: &str,
    params: &[f32],
    analytic: &[f32],
    mut loss: impl FnMut(&[f32]) -> f64,
    step: f32,
    tolerance: f64,
) {
    assert_eq!(
        params.len(),
        analytic.len(),
        "{what}: one gradient per parameter"
    );
    let mut probe = params.to_vec();
    for i in 0..params.len() {
        let (up, down) = (params[i] + step, params[i] - step);
        probe[i] = up;
        let loss_up = loss(&probe);
        probe[i] = down;
        let loss_down = loss(&probe);
        probe[i] = params[i];
        let numeric = (loss_up - loss_down) / (f64::from(up) - f64::from(down));
        let got = f64::from(analytic[i]);
        assert!(
            relative_error(got, numeric, 0.1) < tolerance,
            "{what}[{i}]: backward gives {got}, finite differences {numeric}"
        );
    }
}

fn conv_layer(weights: &[f32], bias: &[f32], padding: Padding) -> ConvLayer {
    ConvLayer::new(
        KernelBank::from_weights(2, 2, 3, weights.to_vec(), bias.to_vec()),
        padding,
    )
}

#[test]
fn convolution_backward_matches_finite_differences() {
    // 3 kernels of 2 channels × 2 rows × 3 columns over a 2-channel 4×5 input.
    let weights = pattern(1.0, 3 * 2 * 2 * 3, 0.5);
    let bias = pattern(2.0, 3, 0.3);
    let input = FeatureMap::from_data(2, 4, 5, pattern(3.0, 2 * 4 * 5, 1.0));
    for padding in [Padding::Valid, Padding::Same, Padding::Zero(1)] {
        let layer = conv_layer(&weights, &bias, padding);
        let mut out = FeatureMap::default();
        layer.forward_into(&input, &mut out);
        let r = pattern(4.0, out.data().len(), 1.0);
        let probe = |layer: &ConvLayer, input: &FeatureMap| {
            let mut out = FeatureMap::default();
            layer.forward_into(input, &mut out);
            dot(out.data(), &r)
        };
        let (k, rows, cols) = out.shape();
        let grad_out = FeatureMap::from_data(k, rows, cols, r.clone());
        let mut grads = KernelBank::new(3, 2, 2, 3);
        let mut grad_input = FeatureMap::default();
        layer.backward(&input, &grad_out, &mut grads, Some(&mut grad_input));
        let what = format!("{padding:?}");
        // L is linear in each of them, so a large step is exact.
        assert_gradient(
            &format!("{what} ∂L/∂w"),
            &weights,
            grads.weights(),
            |w| probe(&conv_layer(w, &bias, padding), &input),
            0.25,
            1e-5,
        );
        assert_gradient(
            &format!("{what} ∂L/∂b"),
            &bias,
            grads.bias(),
            |b| probe(&conv_layer(&weights, b, padding), &input),
            0.25,
            1e-5,
        );
        assert_eq!(grad_input.shape(), input.shape());
        assert_gradient(
            &format!("{what} ∂L/∂in"),
            input.data(),
            grad_input.data(),
            |x| probe(&layer, &FeatureMap::from_data(2, 4, 5, x.to_vec())),
            0.25,
            1e-5,
        );
    }
}

#[test]
fn relu_backward_matches_finite_differences() {
    // Values kept at least 0.1 away from the kink at 0.
    let x: Vec<f32> = pattern(1.0, 12, 1.0)
        .into_iter()
        .map(|v| if v.abs() < 0.1 { 0.3 } else { v })
        .collect();
    let r = pattern(2.0, 12, 1.0);
    let mut grad_x = vec![0.0; 12];
    relu_backward(&x, &r, &mut grad_x);
    assert!(grad_x.contains(&0.0) && grad_x.iter().any(|&g| g != 0.0));
    let probe = |x: &[f32]| {
        let mut y = vec![0.0; x.len()];
        relu_forward(x, &mut y);
        dot(&y, &r)
    };
    assert_gradient("ReLU ∂L/∂x", &x, &grad_x, probe, 0.05, 1e-5);
}

#[test]
fn pooling_backward_matches_finite_differences() {
    // 2 channels of 5×7: the last row and column fall outside every 2×2 block.
    let input = FeatureMap::from_data(2, 5, 7, pattern(1.0, 70, 1.0));
    for kind in [PoolKind::Max, PoolKind::Average] {
        for (size, stride) in [(2, 2), (3, 2)] {
            let config = PoolConfig { kind, size, stride };
            let (mut out, mut argmax) = (FeatureMap::default(), Vec::new());
            pool_forward(&input, &config, &mut out, &mut argmax);
            // The same values as the convolution screen's pooling (up to rounding).
            let screen = crate::conv::pool(&input, &config);
            assert_eq!(out.shape(), screen.shape(), "{config:?}");
            for (a, b) in out.data().iter().zip(screen.data()) {
                assert!((a - b).abs() <= 1e-6, "{config:?}: {a} vs {b}");
            }
            let r = pattern(2.0, out.data().len(), 1.0);
            let (c, rows, cols) = out.shape();
            let grad_out = FeatureMap::from_data(c, rows, cols, r.clone());
            let mut grad_input = FeatureMap::default();
            pool_backward(input.shape(), &config, &grad_out, &argmax, &mut grad_input);
            let probe = |x: &[f32]| {
                let (mut out, mut argmax) = (FeatureMap::default(), Vec::new());
                pool_forward(
                    &FeatureMap::from_data(2, 5, 7, x.to_vec()),
                    &config,
                    &mut out,
                    &mut argmax,
                );
                dot(out.data(), &r)
            };
            // Max: a step well below the gaps between a block's values keeps each max in
            // place. Average: linear, so a large step is exact and rounds less.
            let step = if kind == PoolKind::Max { 1e-3 } else { 0.25 };
            assert_gradient(
                &format!("{config:?} ∂L/∂in"),
                input.data(),
                grad_input.data(),
                probe,
                step,
                1e-5,
            );
        }
    }
}

#[test]
fn fully_connected_backward_matches_finite_differences() {
    let (inputs, outputs) = (5, 3);
    let weights = pattern(1.0, inputs * outputs, 0.5);
    let bias = pattern(2.0, outputs, 0.3);
    let x = pattern(3.0, inputs, 1.0);
    let r = pattern(4.0, outputs, 1.0);
    let layer = |w: &[f32], b: &[f32]| {
        FullyConnected::from_weights(inputs, w.to_vec(), b.to_vec()).expect("the shapes fit")
    };
    let probe = |layer: &FullyConnected, x: &[f32]| {
        let mut out = vec![0.0; outputs];
        layer.forward_into(x, &mut out);
        dot(&out, &r)
    };
    let mut grads = FullyConnected::zeros(inputs, outputs);
    let mut grad_x = vec![0.0; inputs];
    layer(&weights, &bias).backward(&x, &r, &mut grads, Some(&mut grad_x));
    assert_gradient(
        "∂L/∂W",
        &weights,
        grads.weights(),
        |w| probe(&layer(w, &bias), &x),
        0.25,
        1e-5,
    );
    assert_gradient(
        "∂L/∂b",
        &bias,
        grads.bias(),
        |b| probe(&layer(&weights, b), &x),
        0.25,
        1e-5,
    );
    assert_gradient(
        "∂L/∂x",
        &x,
        &grad_x,
        |x| probe(&layer(&weights, &bias), x),
        0.25,
        1e-5,
    );
}

#[test]
fn softmax_cross_entropy_gradient_is_p_minus_onehot() {
    let logits = pattern(1.0, 4, 2.0);
    let mut p = vec![0.0; 4];
    let label = 1;
    softmax_cross_entropy(&logits, label, &mut p);
    let mut grad = vec![0.0; 4];
    softmax_cross_entropy_backward(&p, label, &mut grad);
    let loss = |z: &[f32]| f64::from(softmax_cross_entropy(z, label, &mut [0.0; 4]));
    assert_gradient("∂L/∂z", &logits, &grad, loss, 1e-2, 1e-3);
}

#[test]
fn softmax_cross_entropy_is_stable_for_huge_logits() {
    let mut p = [0.0; 3];
    let loss = softmax_cross_entropy(&[1000.0, 0.0, -1000.0], 0, &mut p);
    assert_eq!((loss, p), (0.0, [1.0, 0.0, 0.0]));
    let loss = softmax_cross_entropy(&[1000.0, 0.0, -1000.0], 1, &mut p);
    assert_eq!(loss, 1000.0);
    let loss = softmax_cross_entropy(&[f32::NAN, 0.0, 1.0], 1, &mut p);
    assert!(loss.is_nan());
}

/// Fixed weights for a network of this shape.
fn fixed_weights(config: &CnnConfig) -> CnnWeights {
    let k = config.kernels;
    let side = config.kernel_size;
    CnnWeights {
        config: *config,
        kernels: pattern(1.0, k * config.input_channels * side * side, 0.5),
        kernel_bias: pattern(2.0, k, 0.1),
        dense: pattern(3.0, config.classes * config.dense_inputs(), 0.3),
        dense_bias: pattern(4.0, config.classes, 0.1),
    }
}

/// The weights with part `part` (in [`Cnn::parameters_mut`] order) replaced.
fn with_part(weights: &CnnWeights, part: usize, values: &[f32]) -> CnnWeights {
    let mut w = weights.clone();
    let target = match part {
        0 => &mut w.kernels,
        1 => &mut w.kernel_bias,
        2 => &mut w.dense,
        _ => &mut w.dense_bias,
    };
    *target = values.to_vec();
    w
}

fn network_loss(weights: &CnnWeights, image: &[f32], label: usize) -> f64 {
    let net = Cnn::from_weights(weights.clone()).expect("the test weights fit");
    let mut acts = CnnActivations::default();
    net.forward_into(image, &mut acts);
    f64::from(net.backward(&mut acts, label, &mut net.zero_gradients()))
}

#[test]
fn network_gradients_match_finite_differences() {
    let configs = [
        CnnConfig {
            input_channels: 2,
            input_rows: 6,
            input_cols: 7,
            kernels: 3,
            classes: 4,
            ..CnnConfig::default()
        },
        CnnConfig {
            input_rows: 7,
            input_cols: 9,
            kernels: 2,
            kernel_size: 2,
            padding: Padding::Valid,
            pool: PoolKind::Average,
            classes: 3,
            ..CnnConfig::default()
        },
    ];
    for config in configs {
        let weights = fixed_weights(&config);
        let net = Cnn::from_weights(weights.clone()).expect("the test weights fit");
        let image = pattern(5.0, net.input_len(), 1.0);
        let label = 1;
        let mut acts = CnnActivations::default();
        net.forward_into(&image, &mut acts);
        let mut grads = net.zero_gradients();
        net.backward(&mut acts, label, &mut grads);
        let parts = [
            &weights.kernels,
            &weights.kernel_bias,
            &weights.dense,
            &weights.dense_bias,
        ];
        let names = ["∂L/∂w", "∂L/∂b", "∂L/∂W", "∂L/∂b_dense"];
        for (part, analytic) in grads.parts().into_iter().enumerate() {
            assert_gradient(
                &format!("{config:?} {}", names[part]),
                parts[part],
                analytic,
                |values| network_loss(&with_part(&weights, part, values), &image, label),
                3e-3,
                2e-2,
            );
        }
        let mut grad_input = FeatureMap::default();
        net.input_gradient(&acts, &mut grad_input);
        assert_gradient(
            &format!("{config:?} ∂L/∂x"),
            &image,
            grad_input.data(),
            |x| network_loss(&weights, x, label),
            3e-3,
            2e-2,
        );
    }
}

#[test]
fn gradients_add_up_over_a_batch() {
    let net = Cnn::new(&CnnConfig::default(), 3).expect("the default is valid");
    let (a, b) = (pattern(1.0, 64, 0.5), pattern(2.0, 64, 0.5));
    let mut acts = CnnActivations::default();
    let grads_of = |images: &[(&[f32], usize)], acts: &mut CnnActivations| {
        let mut grads = net.zero_gradients();
        for &(image, label) in images {
            net.forward_into(image, acts);
            net.backward(acts, label, &mut grads);
        }
        grads
    };
    let both = grads_of(&[(&a, 3), (&b, 7)], &mut acts);
    let first = grads_of(&[(&a, 3)], &mut acts);
    let second = grads_of(&[(&b, 7)], &mut acts);
    for ((sum, x), y) in both.parts().iter().zip(first.parts()).zip(second.parts()) {
        for ((&s, &x), &y) in sum.iter().zip(x).zip(y) {
            assert!(
                (s - (x + y)).abs() <= 1e-6 * (1.0 + s.abs()),
                "{s} ≠ {x} + {y}"
            );
        }
    }
}
