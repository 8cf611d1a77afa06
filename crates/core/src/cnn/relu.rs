//! The rectifier applied to every feature-map value, `y = max(0, x)`, and its backward
//! pass `∂L/∂x = ∂L/∂y · [x > 0]` (the kink at 0 gets slope 0, as in PyTorch).

/// `y[n] = max(0, x[n])`.
pub fn relu_forward(x: &[f32], y: &mut [f32]) {
    assert_eq!(x.len(), y.len(), "ReLU input and output differ in length");
    for (out, &v) in y.iter_mut().zip(x) {
        *out = v.max(0.0);
    }
}

/// `grad_x[n] = grad_y[n]` where `x[n] > 0`, else 0.
pub fn relu_backward(x: &[f32], grad_y: &[f32], grad_x: &mut [f32]) {
    assert!(
        x.len() == grad_y.len() && x.len() == grad_x.len(),
        "ReLU backward needs equally long input, output gradient and input gradient"
    );
    for ((g, &dy), &v) in grad_x.iter_mut().zip(grad_y).zip(x) {
        *g = if v > 0.0 { dy } else { 0.0 };
    }
}
