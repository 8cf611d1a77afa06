//! The output layer: softmax turns scores (logits) `z` into class probabilities and
//! cross-entropy scores them against the true class `t`:
//!
//! `p_i = exp(z_i − m) / Σ_j exp(z_j − m)` with `m = max_j z_j` (the shift changes nothing
//! but keeps `exp` from overflowing), `L = −ln p_t = ln Σ_j exp(z_j − m) + m − z_t`,
//! and `∂L/∂z_i = p_i − [i = t]`.

/// Writes the softmax of `logits` into `probabilities` and returns the cross-entropy
/// `−ln p_label`, computed from the log-sum-exp so that it stays finite for any finite
/// logits. A NaN or infinite logit gives a non-finite loss, which training reports.
pub fn softmax_cross_entropy(logits: &[f32], label: usize, probabilities: &mut [f32]) -> f32 {
    assert_eq!(
        logits.len(),
        probabilities.len(),
        "one probability per logit"
    );
    assert!(
        label < logits.len(),
        "label {label} of {} classes",
        logits.len()
    );
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for (p, &z) in probabilities.iter_mut().zip(logits) {
        *p = (z - max).exp();
        sum += *p;
    }
    for p in probabilities.iter_mut() {
        *p /= sum;
    }
    sum.ln() + max - logits[label]
}

/// `∂L/∂z = p − onehot(label)`.
pub fn softmax_cross_entropy_backward(
    probabilities: &[f32],
    label: usize,
    grad_logits: &mut [f32],
) {
    assert_eq!(
        probabilities.len(),
        grad_logits.len(),
        "one gradient per probability"
    );
    assert!(
        label < probabilities.len(),
        "label {label} of {} classes",
        probabilities.len()
    );
    grad_logits.copy_from_slice(probabilities);
    grad_logits[label] -= 1.0;
}
