//! Finite differences: the sensitivity ∂out/∂in estimated by nudging `in` by ±ε,
//! `(f(x + ε) − f(x − ε)) / 2ε`, to check every analytic gradient in the playground.

/// The default step for central differences in `f64`.
pub const EPSILON: f64 = 1e-6;

/// Central-difference derivative of a scalar function at `x`.
pub fn derivative(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    (f(x + EPSILON) - f(x - EPSILON)) / (2.0 * EPSILON)
}

/// Central-difference gradient of `f` at `params`: one partial derivative per entry.
pub fn gradient(mut f: impl FnMut(&[f64]) -> f64, params: &[f64]) -> Vec<f64> {
    let mut probe = params.to_vec();
    (0..params.len())
        .map(|i| {
            probe[i] = params[i] + EPSILON;
            let up = f(&probe);
            probe[i] = params[i] - EPSILON;
            let down = f(&probe);
            probe[i] = params[i];
            (up - down) / (2.0 * EPSILON)
        })
        .collect()
}

/// `|a − b| / max(|a|, |b|, floor)`: the relative error used to compare gradients,
/// with `floor` keeping tiny values from inflating it.
pub fn relative_error(a: f64, b: f64, floor: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(floor)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn derivative_of_a_cube() {
        let d = derivative(|x| x * x * x, 2.0);
        assert!(relative_error(d, 12.0, 1e-12) < 1e-8, "{d}");
    }

    #[test]
    fn gradient_of_a_product() {
        let g = gradient(|p| p[0] * p[1] + p[2].powi(2), &[2.0, 3.0, -1.0]);
        for (got, want) in g.iter().zip([3.0, 2.0, -2.0]) {
            assert!(relative_error(*got, want, 1e-12) < 1e-8, "{got} vs {want}");
        }
    }
}
