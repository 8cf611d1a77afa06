//! The stacked deep net (lecture §5): hidden layers `h_l = a(W_l·h_{l−1} + b_l)`, `h_0 = x`,
//! topped by a softmax output layer for the classes,
//! `p = softmax(V·h_L + c)`, `p_k = e^{s_k} / Σ_j e^{s_j}`,
//! trained with labels on the cross-entropy `L = −(1/n) Σ ln p_{y}`.
//!
//! Backpropagation: `∂L/∂s = (p − onehot(y))/n` at the output, then each hidden layer as
//! in [`Dense`]. Fine-tuning updates every layer ([`FineTune::WholeNet`]) or, as the
//! lecture's "finally train the output layer with labels", only the output layer
//! ([`FineTune::OutputOnly`]).

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use super::dense::{Dense, DenseGrads, Velocity};
use crate::activation::Activation;
use crate::rng::Rng;

/// Which layers supervised training changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FineTune {
    /// Backpropagate the label error through every layer.
    WholeNet,
    /// Train only the softmax output layer; the hidden features stay as pretrained.
    OutputOnly,
}

impl FineTune {
    /// A short stable name, used in links.
    pub fn id(self) -> &'static str {
        match self {
            FineTune::WholeNet => "whole",
            FineTune::OutputOnly => "output",
        }
    }

    /// The choice whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        [FineTune::WholeNet, FineTune::OutputOnly]
            .into_iter()
            .find(|f| f.id() == id)
    }
}

/// A stack of hidden layers and a softmax output layer.
#[derive(Debug, Clone, PartialEq)]
pub struct DeepNet {
    /// Hidden layers, first (next to the input) to last (deepest).
    pub hidden: Vec<Dense>,
    /// The output layer; its activation is linear, softmax is applied by the loss.
    pub output: Dense,
}

/// The gradient of the classification loss for every layer.
#[derive(Debug, Clone, PartialEq)]
pub struct NetGrads {
    /// One per hidden layer, or empty when only the output layer is trained.
    pub hidden: Vec<DenseGrads>,
    /// The output layer's.
    pub output: DenseGrads,
}

/// Row-wise softmax of scores `s` (`n × classes`), shifted by each row's maximum.
pub fn softmax(scores: &Array2<f64>) -> Array2<f64> {
    let mut p = scores.clone();
    for mut row in p.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let sum = row.sum();
        row /= sum;
    }
    p
}

/// `−(1/n) Σ ln p_{y}` computed from the scores by log-sum-exp.
pub fn cross_entropy(scores: &Array2<f64>, labels: &[usize]) -> f64 {
    assert_eq!(scores.nrows(), labels.len(), "one label per row of scores");
    let total: f64 = scores
        .rows()
        .into_iter()
        .zip(labels)
        .map(|(row, &y)| {
            let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
            let lse = max + row.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
            lse - row[y]
        })
        .sum();
    total / labels.len().max(1) as f64
}

impl DeepNet {
    /// Random layers `inputs → hidden[0] → … → classes` (Glorot uniform, zero biases).
    pub fn random(
        inputs: usize,
        hidden: &[usize],
        classes: usize,
        activation: Activation,
        rng: &mut Rng,
    ) -> Self {
        let mut width = inputs;
        let hidden = hidden
            .iter()
            .map(|&units| {
                let layer = Dense::random(width, units, activation, rng);
                width = units;
                layer
            })
            .collect();
        let output = Dense::random(width, classes, Activation::Linear, rng);
        Self { hidden, output }
    }

    /// Dimension of the input.
    pub fn inputs(&self) -> usize {
        self.hidden.first().unwrap_or(&self.output).inputs()
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.output.outputs()
    }

    /// Layer widths from the input to the output, e.g. `[64, 32, 16, 10]`.
    pub fn shape(&self) -> Vec<usize> {
        std::iter::once(self.inputs())
            .chain(self.hidden.iter().map(Dense::outputs))
            .chain(std::iter::once(self.classes()))
            .collect()
    }

    /// The codes of hidden layer `depth` (`depth = 0` is the input itself).
    pub fn codes(&self, x: &Array2<f64>, depth: usize) -> Array2<f64> {
        assert!(
            depth <= self.hidden.len(),
            "the net has {} hidden layers, not {depth}",
            self.hidden.len()
        );
        let mut h = x.clone();
        for layer in &self.hidden[..depth] {
            h = layer.forward(&h);
        }
        h
    }

    /// The output scores `s` (before softmax).
    pub fn scores(&self, x: &Array2<f64>) -> Array2<f64> {
        self.output.forward(&self.codes(x, self.hidden.len()))
    }

    /// Class probabilities, one row per example.
    pub fn probabilities(&self, x: &Array2<f64>) -> Array2<f64> {
        softmax(&self.scores(x))
    }

    /// The most probable class of each example.
    pub fn predict(&self, x: &Array2<f64>) -> Vec<usize> {
        self.scores(x)
            .rows()
            .into_iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .fold((0, f64::NEG_INFINITY), |best, (k, &v)| {
                        if v > best.1 { (k, v) } else { best }
                    })
                    .0
            })
            .collect()
    }

    /// The fraction of examples classified correctly.
    pub fn accuracy(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        let predicted = self.predict(x);
        let right = predicted.iter().zip(labels).filter(|(p, y)| p == y).count();
        right as f64 / labels.len().max(1) as f64
    }

    /// The mean cross-entropy of the labels.
    pub fn loss(&self, x: &Array2<f64>, labels: &[usize]) -> f64 {
        cross_entropy(&self.scores(x), labels)
    }

    /// The loss and its gradient by backpropagation (hidden gradients only for
    /// [`FineTune::WholeNet`]).
    pub fn loss_and_gradients(
        &self,
        x: &Array2<f64>,
        labels: &[usize],
        fine_tune: FineTune,
    ) -> (f64, NetGrads) {
        assert_eq!(x.nrows(), labels.len(), "one label per example");
        let mut activations = Vec::with_capacity(self.hidden.len() + 1);
        activations.push(x.clone());
        for layer in &self.hidden {
            let h = layer.forward(activations.last().expect("starts with x"));
            activations.push(h);
        }
        let top = activations.last().expect("starts with x");
        let scores = self.output.forward(top);
        let loss = cross_entropy(&scores, labels);
        let n = labels.len().max(1) as f64;
        let mut delta = softmax(&scores);
        for (mut row, &y) in delta.rows_mut().into_iter().zip(labels) {
            row[y] -= 1.0;
        }
        delta /= n;
        let whole = fine_tune == FineTune::WholeNet && !self.hidden.is_empty();
        let (output, mut grad_h) = self.output.gradients(top, &delta, whole);
        let mut hidden = Vec::new();
        if whole {
            for (l, layer) in self.hidden.iter().enumerate().rev() {
                let g = grad_h.take().expect("asked for");
                let delta = layer.delta(&activations[l + 1], &g);
                let (grads, below) = layer.gradients(&activations[l], &delta, l > 0);
                hidden.push(grads);
                grad_h = below;
            }
            hidden.reverse();
        }
        (loss, NetGrads { hidden, output })
    }

    /// Every parameter: hidden layers first to last, then the output layer.
    pub fn params(&self) -> Vec<f64> {
        self.hidden
            .iter()
            .chain(std::iter::once(&self.output))
            .flat_map(Dense::params)
            .collect()
    }

    /// Sets the parameters from the layout of [`params`](Self::params).
    pub fn set_params(&mut self, params: &[f64]) {
        let mut rest = params;
        for layer in self
            .hidden
            .iter_mut()
            .chain(std::iter::once(&mut self.output))
        {
            let k = layer.weights.len() + layer.bias.len();
            layer.set_params(&rest[..k]);
            rest = &rest[k..];
        }
        assert!(rest.is_empty(), "too many parameters for this net");
    }

    /// Whether every parameter is finite.
    pub fn is_finite(&self) -> bool {
        self.hidden.iter().all(Dense::is_finite) && self.output.is_finite()
    }
}

/// Momentum state of a [`DeepNet`].
#[derive(Debug, Clone, PartialEq)]
pub struct NetVelocity {
    hidden: Vec<Velocity>,
    output: Velocity,
}

impl NetVelocity {
    /// Zero velocity for `net`.
    pub fn for_net(net: &DeepNet) -> Self {
        Self {
            hidden: net.hidden.iter().map(Velocity::for_layer).collect(),
            output: Velocity::for_layer(&net.output),
        }
    }

    /// One momentum step of every layer that has a gradient.
    pub fn update(&mut self, net: &mut DeepNet, grads: &NetGrads, rate: f64, momentum: f64) {
        for ((v, layer), g) in self
            .hidden
            .iter_mut()
            .zip(&mut net.hidden)
            .zip(&grads.hidden)
        {
            v.update(layer, g, rate, momentum);
        }
        self.output
            .update(&mut net.output, &grads.output, rate, momentum);
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::gradcheck::{gradient, relative_error};

    #[test]
    fn gradients_of_every_layer_equal_finite_differences() {
        let mut rng = Rng::seeded(21);
        let x = Array2::from_shape_simple_fn((5, 6), || rng.uniform(0.0, 1.0));
        let labels = [0, 2, 1, 2, 0];
        for activation in [Activation::Logistic, Activation::Tanh] {
            let net = DeepNet::random(6, &[4, 3], 3, activation, &mut rng);
            let (loss, grads) = net.loss_and_gradients(&x, &labels, FineTune::WholeNet);
            assert!((loss - net.loss(&x, &labels)).abs() < 1e-12);
            let exact: Vec<f64> = grads
                .hidden
                .iter()
                .chain(std::iter::once(&grads.output))
                .flat_map(DenseGrads::to_vec)
                .collect();
            let mut probe = net.clone();
            let fd = gradient(
                |p| {
                    probe.set_params(p);
                    probe.loss(&x, &labels)
                },
                &net.params(),
            );
            assert_eq!(exact.len(), fd.len());
            for (k, (e, f)) in exact.iter().zip(&fd).enumerate() {
                assert!(
                    relative_error(*e, *f, 1e-4) < 1e-6,
                    "{activation:?} param {k}: {e} vs {f}"
                );
            }
            let (_, top_only) = net.loss_and_gradients(&x, &labels, FineTune::OutputOnly);
            assert!(top_only.hidden.is_empty());
            assert_eq!(top_only.output, grads.output);
        }
    }

    #[test]
    fn output_only_fine_tuning_leaves_the_features_alone() {
        let mut rng = Rng::seeded(8);
        let x = Array2::from_shape_simple_fn((6, 4), || rng.uniform(0.0, 1.0));
        let labels = [0, 1, 0, 1, 1, 0];
        let mut net = DeepNet::random(4, &[3], 2, Activation::Logistic, &mut rng);
        let before = net.clone();
        let mut v = NetVelocity::for_net(&net);
        for _ in 0..20 {
            let (_, g) = net.loss_and_gradients(&x, &labels, FineTune::OutputOnly);
            v.update(&mut net, &g, 0.5, 0.9);
        }
        assert_eq!(net.hidden, before.hidden);
        assert_ne!(net.output, before.output);
        assert!(net.loss(&x, &labels) < before.loss(&x, &labels));
    }

    #[test]
    fn softmax_is_stable_and_sums_to_one() {
        let s = Array2::from_shape_vec((2, 3), vec![1000.0, 1001.0, 999.0, -5.0, 0.0, 5.0])
            .expect("shape");
        let p = softmax(&s);
        for row in p.rows() {
            assert!((row.sum() - 1.0).abs() < 1e-12);
        }
        let ce = cross_entropy(&s, &[1, 2]);
        assert!(ce.is_finite() && ce > 0.0);
        assert_eq!(
            DeepNet::random(3, &[2], 4, Activation::Logistic, &mut Rng::seeded(1)).shape(),
            vec![3, 2, 4]
        );
    }
}
