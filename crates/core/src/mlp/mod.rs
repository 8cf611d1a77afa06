//! Dense networks on a feature map φ (lecture §2, §4): the linear classifier
//! `score = W·φ(x)` and networks with hidden layers `a_l = act_l(W_l a_{l−1} + b_l)`,
//! `a_0 = φ(x)`, ending in one output unit whose value is the score `s`.
//!
//! Training is mini-batch gradient descent on the mean loss plus a penalty on the
//! weights (L2 `λ·½‖W‖²` or L1 `λ·‖W‖₁`), with gradients by backpropagation:
//! `g_out = ∂loss/∂s · act'(z_out)`, `g_l = act_l'(z_l) ⊙ W_{l+1}ᵀ g_{l+1}`,
//! `∂loss/∂W_l = g_l a_{l−1}ᵀ`, `∂loss/∂b_l = g_l`; each step moves every parameter by
//! `−learning rate × gradient`. A step whose loss or weights are not finite reports
//! [`Diverged`]; [`Mlp::snapshot`] and [`Mlp::restore`] give back the last good weights.
//!
//! [`GridEval`] evaluates every input feature, hidden unit and the output over an n×n
//! grid of the plane, batched, for the decision-boundary pictures.

mod batch;
mod config;
mod epoch;
mod grid;
mod samples;
mod train;
mod weights;

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::features::FeatureSet;
use crate::loss::Loss;
use crate::rng::Rng;

pub use config::{Diverged, LayerConfig, MlpConfig, Regularization, TrainConfig};
pub use epoch::{EpochRun, Progress};
pub use grid::GridEval;
pub use samples::{Metrics, Probe, Samples};
pub use weights::LayerWeights;

/// The saved parameters of a network, to restore after divergence or an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot(Vec<f64>);

/// The shape of one layer and where its parameters sit in the flat parameter vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// Number of inputs (units of the previous layer, or the dimension of φ).
    pub inputs: usize,
    /// Number of units.
    pub units: usize,
    /// The units' activation.
    pub activation: Activation,
    weights_at: usize,
    biases_at: Option<usize>,
}

/// A dense network (or, without hidden layers, a linear classifier) on φ(x).
///
/// The lecture's hand-built car network (§2): `h1 = sign(v1·Φ)`, `h2 = sign(v2·Φ)` on
/// `Φ(x) = [1, x1, x2]` with `v1 = [−1, 1, −1]`, `v2 = [−1, −1, 1]`, and an output that
/// says "safe" when either fires, classifies the car table without a mistake:
///
/// ```
/// use ndarray::{arr1, arr2};
/// use nnp_core::activation::Activation::Sign;
/// use nnp_core::features::{FeatureSet, Named};
/// use nnp_core::{dataset::car_table, loss::Loss, mlp::*};
///
/// let net = Mlp::from_weights(
///     vec![
///         LayerWeights {
///             weights: arr2(&[[-1.0, 1.0, -1.0], [-1.0, -1.0, 1.0]]), // v1, v2
///             biases: Some(arr1(&[0.0, 0.0])),
///             activation: Sign,
///         },
///         LayerWeights {
///             weights: arr2(&[[1.0, 1.0]]),
///             biases: Some(arr1(&[1.0])), // −1 + −1 + 1 < 0 only when neither fires
///             activation: Sign,
///         },
///     ],
///     Loss::Hinge,
/// );
/// let phi = FeatureSet::named(&[Named::One, Named::X1, Named::X2]);
/// let table = Samples::new(&phi, &car_table());
/// assert_eq!(net.metrics(&table).accuracy, 1.0);
/// assert_eq!(net.probe(&phi, 3.0, 1.0).layers[0], [1.0, -1.0], "h1 fires for [3, 1]");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    inputs: usize,
    layers: Vec<Layer>,
    params: Vec<f64>,
    loss: Loss,
}

impl Mlp {
    /// A network of the given shape with seeded random weights (normal, standard deviation
    /// `√(1/fan-in)`, `√(2/fan-in)` before ReLU) and zero biases.
    pub fn new(config: &MlpConfig) -> Self {
        assert!(config.inputs > 0, "a network needs at least one input");
        let mut layers = Vec::new();
        let mut params = Vec::new();
        let mut rng = Rng::seeded(config.seed);
        let mut fan_in = config.inputs;
        let shapes = config
            .hidden
            .iter()
            .map(|h| (h.units, h.activation))
            .chain([(1, config.output_activation)]);
        for (units, activation) in shapes {
            assert!(units > 0, "a layer needs at least one unit");
            let gain = if activation == Activation::Relu {
                2.0
            } else {
                1.0
            };
            let sd = (gain / fan_in as f64).sqrt();
            let weights_at = params.len();
            params.extend((0..units * fan_in).map(|_| sd * rng.normal()));
            let biases_at = config.bias.then(|| {
                params.extend(std::iter::repeat_n(0.0, units));
                weights_at + units * fan_in
            });
            layers.push(Layer {
                inputs: fan_in,
                units,
                activation,
                weights_at,
                biases_at,
            });
            fan_in = units;
        }
        Self {
            inputs: config.inputs,
            layers,
            params,
            loss: config.loss,
        }
    }

    /// Dimension of φ(x).
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// The layers, hidden ones first, the output layer (one unit) last.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The loss being trained.
    pub fn loss(&self) -> Loss {
        self.loss
    }

    /// Whether the units have biases.
    pub fn has_bias(&self) -> bool {
        self.layers[0].biases_at.is_some()
    }

    /// Units per layer, φ first: e.g. `[2, 4, 2, 1]`.
    pub fn shape(&self) -> Vec<usize> {
        std::iter::once(self.inputs)
            .chain(self.layers.iter().map(|l| l.units))
            .collect()
    }

    /// All parameters in one vector: per layer its weights (unit by unit, row-major
    /// `units × inputs`) then its biases. [`Layer::weights_range`],
    /// [`Layer::biases_range`] and [`layer_views`](Self::layer_views) find them.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// Replaces all parameters (same layout as [`params`](Self::params)).
    pub fn set_params(&mut self, params: &[f64]) {
        assert_eq!(params.len(), self.params.len(), "parameter count mismatch");
        self.params.copy_from_slice(params);
    }

    /// The weights of layer `layer`, row-major `units × inputs`.
    pub fn weights(&self, layer: usize) -> &[f64] {
        let l = &self.layers[layer];
        &self.params[l.weights_at..l.weights_at + l.units * l.inputs]
    }

    /// The weight from input `from` to unit `to` of layer `layer`.
    pub fn weight(&self, layer: usize, to: usize, from: usize) -> f64 {
        self.params[self.weight_index(layer, to, from)]
    }

    /// Sets the weight from input `from` to unit `to` of layer `layer` (a click in the UI).
    pub fn set_weight(&mut self, layer: usize, to: usize, from: usize, value: f64) {
        let i = self.weight_index(layer, to, from);
        self.params[i] = value;
    }

    /// The bias of unit `unit` of layer `layer` (0 when the network has no biases).
    pub fn bias(&self, layer: usize, unit: usize) -> f64 {
        self.bias_index(layer, unit).map_or(0.0, |i| self.params[i])
    }

    /// Sets the bias of unit `unit` of layer `layer`; returns false (and changes nothing)
    /// when the network has no biases.
    pub fn set_bias(&mut self, layer: usize, unit: usize, value: f64) -> bool {
        match self.bias_index(layer, unit) {
            Some(i) => {
                self.params[i] = value;
                true
            }
            None => false,
        }
    }

    fn weight_index(&self, layer: usize, to: usize, from: usize) -> usize {
        let l = &self.layers[layer];
        assert!(
            to < l.units && from < l.inputs,
            "layer {layer} has {}×{} weights",
            l.units,
            l.inputs
        );
        l.weights_at + to * l.inputs + from
    }

    fn bias_index(&self, layer: usize, unit: usize) -> Option<usize> {
        let l = &self.layers[layer];
        assert!(unit < l.units, "layer {layer} has {} units", l.units);
        l.biases_at.map(|b| b + unit)
    }

    /// Saves the parameters (a copy of one vector).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot(self.params.clone())
    }

    /// Puts back parameters saved by [`snapshot`](Self::snapshot) of this network.
    pub fn restore(&mut self, snapshot: &Snapshot) {
        self.set_params(&snapshot.0);
    }

    /// The decision threshold on the score: the middle of the output activation's range
    /// (0.5 for σ), 0 when the range is unbounded.
    pub fn threshold(&self) -> f64 {
        let (lo, hi) = self.layers[self.layers.len() - 1].activation.range();
        if lo.is_finite() && hi.is_finite() {
            0.5 * (lo + hi)
        } else {
            0.0
        }
    }

    /// The predicted label for a score: +1 above the threshold, else −1.
    pub fn predict(&self, score: f64) -> f64 {
        if score > self.threshold() { 1.0 } else { -1.0 }
    }

    /// Runs φ(x) forward, filling `acts` (one vector per layer, φ first).
    fn forward_into(&self, params: &[f64], phi: &[f64], acts: &mut Vec<Vec<f64>>) {
        assert_eq!(
            phi.len(),
            self.inputs,
            "φ has {} entries, the network {} inputs",
            phi.len(),
            self.inputs
        );
        acts.resize(self.layers.len() + 1, Vec::new());
        acts[0].clear();
        acts[0].extend_from_slice(phi);
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, above) = acts.split_at_mut(l + 1);
            batch::forward(layer, params, &below[l], &mut above[0]);
        }
    }

    /// The score `s` at φ(x).
    pub fn score(&self, phi: &[f64]) -> f64 {
        let mut acts = Vec::new();
        self.forward_into(&self.params, phi, &mut acts);
        acts[self.layers.len()][0]
    }

    /// φ(x), every unit's value and the score at the point `(x1, x2)`.
    pub fn probe(&self, features: &FeatureSet, x1: f64, x2: f64) -> Probe {
        let phi = features.apply(x1, x2);
        let mut acts = Vec::new();
        self.forward_into(&self.params, &phi, &mut acts);
        let layers: Vec<Vec<f64>> = acts.split_off(1);
        let score = layers[layers.len() - 1][0];
        Probe {
            phi,
            layers,
            score,
            label: self.predict(score),
        }
    }

    /// Mean loss and accuracy on `samples`.
    pub fn metrics(&self, samples: &Samples) -> Metrics {
        let mut sum = MetricsSum::default();
        self.add_metrics(samples, 0..samples.len(), &mut sum, &mut Vec::new());
        sum.metrics()
    }

    /// Adds the loss and the right answers of `samples[range]` to `sum`, so a large set can
    /// be measured a slice at a time (between animation frames); ranges taken in order give
    /// exactly [`metrics`](Self::metrics). `acts` is scratch space, reused between calls.
    pub fn add_metrics(
        &self,
        samples: &Samples,
        range: std::ops::Range<usize>,
        sum: &mut MetricsSum,
        acts: &mut Vec<Vec<f64>>,
    ) {
        // Points go forward a batch at a time, as small matrix products (each point's sums
        // are the same to the bit as alone: see `batch`).
        const BATCH: usize = 32;
        let end = range.end.min(samples.len());
        acts.resize(self.layers.len() + 1, Vec::new());
        for start in (range.start..end).step_by(BATCH) {
            let points = start..(start + BATCH).min(end);
            acts[0].clear();
            for i in points.clone() {
                acts[0].extend_from_slice(samples.row(i));
            }
            for (l, layer) in self.layers.iter().enumerate() {
                let (below, above) = acts.split_at_mut(l + 1);
                batch::forward(layer, &self.params, &below[l], &mut above[0]);
            }
            for (i, &s) in points.zip(&acts[self.layers.len()]) {
                let y = samples.labels[i];
                sum.loss += self.loss.value(s, y);
                sum.right += usize::from(self.predict(s) == y);
                sum.seen += 1;
            }
        }
    }
}

/// Loss and right answers summed over the samples measured so far ([`Mlp::add_metrics`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MetricsSum {
    /// The sum of the losses.
    pub loss: f64,
    /// How many were classified right.
    pub right: usize,
    /// How many were measured.
    pub seen: usize,
}

impl MetricsSum {
    /// The mean loss and the accuracy (both 0 when nothing was measured).
    pub fn metrics(&self) -> Metrics {
        if self.seen == 0 {
            return Metrics {
                loss: 0.0,
                accuracy: 0.0,
            };
        }
        let n = self.seen as f64;
        Metrics {
            loss: self.loss / n,
            accuracy: self.right as f64 / n,
        }
    }
}

#[cfg(test)]
mod tests;
