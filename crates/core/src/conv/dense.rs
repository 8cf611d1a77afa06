//! Activations on feature maps and the fully connected output layer (lecture §6: "fully
//! connected layers on top of the last feature maps"): flatten the maps into `x`, then
//! `y = a(W·x + b)`. The activations themselves are [`Activation::apply_in_place`].

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::rng::Rng;

/// A fully connected layer `y = a(W·x + b)` with `W` of `outputs × inputs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dense {
    inputs: usize,
    outputs: usize,
    /// Row-major `outputs × inputs`: row `o` holds the weights of output `o`.
    weights: Vec<f32>,
    bias: Vec<f32>,
    /// The activation applied to `W·x + b`.
    pub activation: Activation,
}

impl Dense {
    /// A layer of zero weights and biases.
    pub fn new(inputs: usize, outputs: usize, activation: Activation) -> Self {
        Self {
            inputs,
            outputs,
            weights: vec![0.0; inputs * outputs],
            bias: vec![0.0; outputs],
            activation,
        }
    }

    /// A layer with weights uniform in `±1/√inputs` and zero biases.
    pub fn random(inputs: usize, outputs: usize, activation: Activation, rng: &mut Rng) -> Self {
        let bound = 1.0 / (inputs.max(1) as f64).sqrt();
        let weights = (0..inputs * outputs)
            .map(|_| rng.uniform(-bound, bound) as f32)
            .collect();
        Self {
            inputs,
            outputs,
            weights,
            bias: vec![0.0; outputs],
            activation,
        }
    }

    /// A layer from row-major `outputs × inputs` weights and `outputs` biases.
    pub fn from_weights(
        inputs: usize,
        weights: Vec<f32>,
        bias: Vec<f32>,
        activation: Activation,
    ) -> Self {
        let outputs = bias.len();
        assert_eq!(
            weights.len(),
            inputs * outputs,
            "{outputs} outputs × {inputs} inputs need {} weights",
            inputs * outputs
        );
        Self {
            inputs,
            outputs,
            weights,
            bias,
            activation,
        }
    }

    /// Length of `x`.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Length of `y`.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The weights, row-major `outputs × inputs`.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// The weights, mutable.
    pub fn weights_mut(&mut self) -> &mut [f32] {
        &mut self.weights
    }

    /// The biases.
    pub fn bias(&self) -> &[f32] {
        &self.bias
    }

    /// The biases, mutable.
    pub fn bias_mut(&mut self) -> &mut [f32] {
        &mut self.bias
    }

    /// Writes `a(W·x + b)` into `out` without allocating.
    pub fn forward_into(&self, x: &[f32], out: &mut [f32]) {
        assert_eq!(
            x.len(),
            self.inputs,
            "the layer takes {} inputs, got {}",
            self.inputs,
            x.len()
        );
        assert_eq!(
            out.len(),
            self.outputs,
            "the layer gives {} outputs, got room for {}",
            self.outputs,
            out.len()
        );
        for ((o, row), &b) in out
            .iter_mut()
            .zip(self.weights.chunks_exact(self.inputs.max(1)))
            .zip(&self.bias)
        {
            *o = b + row.iter().zip(x).map(|(w, v)| w * v).sum::<f32>();
        }
        if self.inputs == 0 {
            out.copy_from_slice(&self.bias);
        }
        self.activation.apply_in_place(out);
    }

    /// `a(W·x + b)`, allocating the result.
    pub fn forward(&self, x: &[f32]) -> Vec<f32> {
        let mut out = vec![0.0; self.outputs];
        self.forward_into(x, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn dense_layer_computes_w_x_plus_b() {
        // W = [[1, -2, 0.5], [0, 3, -1]], b = [0.25, -4], x = [2, 1, -2]:
        // W·x + b = [2 − 2 − 1 + 0.25, 3 + 2 − 4] = [−0.75, 1]
        let w = vec![1.0, -2.0, 0.5, 0.0, 3.0, -1.0];
        let linear = Dense::from_weights(3, w.clone(), vec![0.25, -4.0], Activation::Linear);
        assert_eq!(linear.forward(&[2.0, 1.0, -2.0]), vec![-0.75, 1.0]);
        let relu = Dense::from_weights(3, w, vec![0.25, -4.0], Activation::Relu);
        assert_eq!(relu.forward(&[2.0, 1.0, -2.0]), vec![0.0, 1.0]);
    }

    #[test]
    fn random_layers_are_reproducible_and_scaled() {
        let a = Dense::random(16, 3, Activation::Logistic, &mut Rng::seeded(4));
        let b = Dense::random(16, 3, Activation::Logistic, &mut Rng::seeded(4));
        assert_eq!(a, b);
        assert!(a.weights().iter().all(|w| w.abs() <= 0.25));
        assert!(a.weights().iter().any(|&w| w != 0.0));
    }
}
