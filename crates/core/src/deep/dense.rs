//! A dense layer on a batch of row vectors (lecture §4, one layer of the network):
//!
//! `H = a(Z)`, `Z = X·Wᵀ + 1·bᵀ`, with `X` of `n × inputs`, `W` of `outputs × inputs`
//! (row `j` = unit `j`'s incoming weights, an 8×8 image on the first layer of a digit net).
//!
//! Backward, given `G = ∂L/∂H`: `Δ = G ⊙ a'(Z)` (written through the output, σ' = h(1 − h)),
//! `∂L/∂W = Δᵀ·X`, `∂L/∂b = Σ_rows Δ`, `∂L/∂X = Δ·W`.
//!
//! Updates are gradient descent with momentum: `v ← μ·v − η·g`, `θ ← θ + v`.

use ndarray::{Array1, Array2, Axis};

use crate::activation::Activation;
use crate::rng::Rng;

/// A fully connected layer `h = a(W·x + b)` applied to every row of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Dense {
    /// `outputs × inputs`; row `j` holds unit `j`'s incoming weights.
    pub weights: Array2<f64>,
    /// One bias per unit.
    pub bias: Array1<f64>,
    /// The activation `a`.
    pub activation: Activation,
}

/// The gradient of a loss with respect to one [`Dense`] layer's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseGrads {
    /// `∂L/∂W`, the shape of the weights.
    pub weights: Array2<f64>,
    /// `∂L/∂b`.
    pub bias: Array1<f64>,
}

impl DenseGrads {
    /// All partial derivatives in the order of [`Dense::params`].
    pub fn to_vec(&self) -> Vec<f64> {
        self.weights.iter().chain(&self.bias).copied().collect()
    }
}

impl Dense {
    /// A layer of zero weights and biases.
    pub fn zeros(inputs: usize, outputs: usize, activation: Activation) -> Self {
        Self {
            weights: Array2::zeros((outputs, inputs)),
            bias: Array1::zeros(outputs),
            activation,
        }
    }

    /// A layer with weights uniform in `±√(6 / (inputs + outputs))` (Glorot) and zero
    /// biases.
    pub fn random(inputs: usize, outputs: usize, activation: Activation, rng: &mut Rng) -> Self {
        let bound = (6.0 / (inputs + outputs).max(1) as f64).sqrt();
        let weights =
            Array2::from_shape_simple_fn((outputs, inputs), || rng.uniform(-bound, bound));
        Self {
            weights,
            bias: Array1::zeros(outputs),
            activation,
        }
    }

    /// Number of inputs.
    pub fn inputs(&self) -> usize {
        self.weights.ncols()
    }

    /// Number of units.
    pub fn outputs(&self) -> usize {
        self.weights.nrows()
    }

    /// `Z = X·Wᵀ + b` for a batch `X` (`n × inputs`).
    pub fn pre_activation(&self, x: &Array2<f64>) -> Array2<f64> {
        assert_eq!(
            x.ncols(),
            self.inputs(),
            "a batch of {}-vectors fed to a layer of {} inputs",
            x.ncols(),
            self.inputs()
        );
        x.dot(&self.weights.t()) + &self.bias
    }

    /// `H = a(X·Wᵀ + b)`.
    pub fn forward(&self, x: &Array2<f64>) -> Array2<f64> {
        let mut z = self.pre_activation(x);
        activate(self.activation, &mut z);
        z
    }

    /// `Δ = G ⊙ a'(Z)` from the outputs `h` and `G = ∂L/∂H`.
    pub fn delta(&self, h: &Array2<f64>, grad_h: &Array2<f64>) -> Array2<f64> {
        assert_eq!(
            h.dim(),
            grad_h.dim(),
            "outputs and their gradient differ in shape"
        );
        let activation = self.activation;
        let mut delta = grad_h.clone();
        if activation != Activation::Linear {
            delta.zip_mut_with(h, |g, &a| *g *= activation.derivative_from_output(a));
        }
        delta
    }

    /// The gradients from `Δ = ∂L/∂Z` and the inputs `x`; `∂L/∂X` only if `input_grad`.
    pub fn gradients(
        &self,
        x: &Array2<f64>,
        delta: &Array2<f64>,
        input_grad: bool,
    ) -> (DenseGrads, Option<Array2<f64>>) {
        assert_eq!(
            x.nrows(),
            delta.nrows(),
            "inputs and deltas differ in batch size"
        );
        let grads = DenseGrads {
            weights: delta.t().dot(x),
            bias: delta.sum_axis(Axis(0)),
        };
        let grad_x = input_grad.then(|| delta.dot(&self.weights));
        (grads, grad_x)
    }

    /// Unit `unit`'s incoming weights.
    pub fn unit_weights(&self, unit: usize) -> Vec<f64> {
        self.weights.row(unit).to_vec()
    }

    /// Every weight (row-major) then every bias.
    pub fn params(&self) -> Vec<f64> {
        self.weights.iter().chain(&self.bias).copied().collect()
    }

    /// Sets the parameters from the layout of [`params`](Self::params).
    pub fn set_params(&mut self, params: &[f64]) {
        let nw = self.weights.len();
        assert_eq!(
            params.len(),
            nw + self.bias.len(),
            "wrong number of parameters for this layer"
        );
        self.weights
            .iter_mut()
            .zip(&params[..nw])
            .for_each(|(w, p)| *w = *p);
        self.bias
            .iter_mut()
            .zip(&params[nw..])
            .for_each(|(b, p)| *b = *p);
    }

    /// Whether every parameter is finite.
    pub fn is_finite(&self) -> bool {
        self.weights.iter().chain(&self.bias).all(|v| v.is_finite())
    }
}

/// Applies `activation` to every entry.
pub fn activate(activation: Activation, z: &mut Array2<f64>) {
    match activation {
        Activation::Linear => {}
        other => z.mapv_inplace(|v| other.value(v)),
    }
}

/// The momentum `v` of one [`Dense`] layer's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Velocity {
    weights: Array2<f64>,
    bias: Array1<f64>,
}

impl Velocity {
    /// Zero velocity for `layer`.
    pub fn for_layer(layer: &Dense) -> Self {
        Self {
            weights: Array2::zeros(layer.weights.raw_dim()),
            bias: Array1::zeros(layer.bias.raw_dim()),
        }
    }

    /// `v ← μ·v − η·g`, `θ ← θ + v`.
    pub fn update(&mut self, layer: &mut Dense, grads: &DenseGrads, rate: f64, momentum: f64) {
        assert_eq!(
            self.weights.dim(),
            grads.weights.dim(),
            "gradient does not fit the layer"
        );
        self.weights
            .zip_mut_with(&grads.weights, |v, &g| *v = momentum * *v - rate * g);
        self.bias
            .zip_mut_with(&grads.bias, |v, &g| *v = momentum * *v - rate * g);
        layer.weights += &self.weights;
        layer.bias += &self.bias;
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::gradcheck::{gradient, relative_error};

    /// `L = Σ c ⊙ H` with fixed coefficients, so `G = c`.
    #[test]
    fn gradients_equal_finite_differences() {
        let mut rng = Rng::seeded(5);
        let x = Array2::from_shape_simple_fn((3, 4), || rng.uniform(-1.0, 1.0));
        let c = Array2::from_shape_simple_fn((3, 2), || rng.uniform(-1.0, 1.0));
        for activation in [
            Activation::Logistic,
            Activation::Tanh,
            Activation::Relu,
            Activation::Linear,
        ] {
            let mut layer = Dense::random(4, 2, activation, &mut rng);
            layer.bias = Array1::from(vec![0.3, -0.2]);
            let h = layer.forward(&x);
            let delta = layer.delta(&h, &c);
            let (grads, grad_x) = layer.gradients(&x, &delta, true);
            let mut probe = layer.clone();
            let fd = gradient(
                |p| {
                    probe.set_params(p);
                    (probe.forward(&x) * &c).sum()
                },
                &layer.params(),
            );
            for (k, (e, f)) in grads.to_vec().iter().zip(&fd).enumerate() {
                assert!(
                    relative_error(*e, *f, 1e-4) < 1e-6,
                    "{activation:?} param {k}: {e} vs {f}"
                );
            }
            let grad_x = grad_x.expect("asked for");
            let fd_x = gradient(
                |p| {
                    let xp = Array2::from_shape_vec((3, 4), p.to_vec()).expect("shape");
                    (layer.forward(&xp) * &c).sum()
                },
                x.as_slice().expect("standard layout"),
            );
            for (e, f) in grad_x.iter().zip(&fd_x) {
                assert!(
                    relative_error(*e, *f, 1e-4) < 1e-6,
                    "{activation:?} input: {e} vs {f}"
                );
            }
        }
    }

    #[test]
    fn momentum_accumulates() {
        let mut layer = Dense::zeros(1, 1, Activation::Linear);
        let mut v = Velocity::for_layer(&layer);
        let g = DenseGrads {
            weights: Array2::from_elem((1, 1), 1.0),
            bias: Array1::from(vec![2.0]),
        };
        v.update(&mut layer, &g, 0.1, 0.5);
        assert!((layer.weights[[0, 0]] + 0.1).abs() < 1e-15);
        v.update(&mut layer, &g, 0.1, 0.5);
        // Second step: v = 0.5·(−0.1) − 0.1 = −0.15.
        assert!((layer.weights[[0, 0]] + 0.25).abs() < 1e-15);
        assert!((layer.bias[0] + 0.5).abs() < 1e-15);
    }

    #[test]
    #[should_panic(expected = "fed to a layer of 4 inputs")]
    fn wrong_width_is_a_programmer_error() {
        let layer = Dense::zeros(4, 2, Activation::Logistic);
        layer.forward(&Array2::zeros((1, 3)));
    }
}
