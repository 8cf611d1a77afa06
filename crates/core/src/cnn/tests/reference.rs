//! The network against an independent NumPy implementation written from the formulas
//! (explicit loops, `fixtures/reference.py`; its numbers are in `fixtures/reference.txt`):
//! every layer's values and every gradient, for "same" padding with an odd and an even
//! kernel (whose padding is lopsided) and "valid" padding with average pooling.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::conv::{FeatureMap, Padding, PoolKind};

const REFERENCE: &str = include_str!("fixtures/reference.txt");

/// The numbers on the line of `reference.txt` that starts with `name`.
fn reference(name: &str) -> Vec<f64> {
    let line = REFERENCE
        .lines()
        .find(|line| line.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("{name} is missing from reference.txt"));
    line.split_whitespace()
        .skip(1)
        .map(|v| v.parse().expect("reference.txt holds numbers"))
        .collect()
}

/// Each value within `1e-5 + 1e-4·|want|` of NumPy's (float64 from the same float32 inputs;
/// the Rust computes in f32).
fn assert_close(got: &[f32], name: &str) {
    let want = reference(name);
    assert_eq!(got.len(), want.len(), "{name}: length");
    for (i, (&g, &w)) in got.iter().zip(&want).enumerate() {
        assert!(
            (f64::from(g) - w).abs() <= 1e-5 + 1e-4 * w.abs(),
            "{name}[{i}]: {g} vs NumPy's {w}"
        );
    }
}

fn check_case(name: &str, config: CnnConfig, label: usize) {
    let side = config.kernel_size;
    let weights = CnnWeights {
        config,
        kernels: pattern(
            1.0,
            config.kernels * config.input_channels * side * side,
            0.5,
        ),
        kernel_bias: pattern(2.0, config.kernels, 0.1),
        dense: pattern(3.0, config.classes * config.dense_inputs(), 0.3),
        dense_bias: pattern(4.0, config.classes, 0.1),
    };
    let net = Cnn::from_weights(weights).expect("the reference weights fit");
    let image = pattern(5.0, net.input_len(), 1.0);
    let mut acts = CnnActivations::default();
    net.forward_into(&image, &mut acts);
    assert_close(acts.conv.data(), &format!("{name}_CONV"));
    assert_close(acts.pooled.data(), &format!("{name}_POOLED"));
    assert_close(&acts.logits, &format!("{name}_LOGITS"));
    assert_close(&acts.probabilities, &format!("{name}_PROBABILITIES"));
    let mut grads = net.zero_gradients();
    let loss = net.backward(&mut acts, label, &mut grads);
    assert_close(&[loss], &format!("{name}_LOSS"));
    assert_close(grads.kernels.weights(), &format!("{name}_GRAD_KERNELS"));
    assert_close(grads.kernels.bias(), &format!("{name}_GRAD_KERNEL_BIAS"));
    assert_close(grads.dense.weights(), &format!("{name}_GRAD_DENSE"));
    assert_close(grads.dense.bias(), &format!("{name}_GRAD_DENSE_BIAS"));
    let mut grad_input = FeatureMap::default();
    net.input_gradient(&acts, &mut grad_input);
    assert_close(grad_input.data(), &format!("{name}_GRAD_INPUT"));
}

#[test]
fn same_padding_and_max_pooling_match_numpy() {
    let config = CnnConfig {
        input_channels: 2,
        input_rows: 6,
        input_cols: 7,
        kernels: 3,
        kernel_size: 3,
        classes: 4,
        ..CnnConfig::default()
    };
    check_case("SAME3_MAX", config, 2);
}

#[test]
fn valid_padding_and_average_pooling_match_numpy() {
    let config = CnnConfig {
        input_rows: 7,
        input_cols: 9,
        kernels: 2,
        kernel_size: 2,
        padding: Padding::Valid,
        pool: PoolKind::Average,
        classes: 3,
        ..CnnConfig::default()
    };
    check_case("VALID2_AVERAGE", config, 0);
}

#[test]
fn an_even_kernel_with_same_padding_matches_numpy() {
    let config = CnnConfig {
        input_rows: 5,
        input_cols: 6,
        kernels: 2,
        kernel_size: 4,
        classes: 3,
        ..CnnConfig::default()
    };
    check_case("SAME4_MAX", config, 1);
}
