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
mod grid;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::dataset::Point;
use crate::features::FeatureSet;
use crate::loss::Loss;
use crate::rng::Rng;

use batch::Workspace;
pub use grid::GridEval;

/// One hidden layer: how many units and their activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerConfig {
    /// Number of units.
    pub units: usize,
    /// The units' activation.
    pub activation: Activation,
}

/// The shape of a network and how to start it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MlpConfig {
    /// Dimension of φ(x).
    pub inputs: usize,
    /// The hidden layers, first to last (empty for a linear classifier).
    pub hidden: Vec<LayerConfig>,
    /// Activation of the single output unit; its value is the score `s`.
    pub output_activation: Activation,
    /// The loss of the score against the label.
    pub loss: Loss,
    /// Whether each unit has a bias `b` (false when φ carries the constant 1).
    pub bias: bool,
    /// Seed of the initial weights.
    pub seed: u64,
}

impl Default for MlpConfig {
    /// TensorFlow Playground's default: inputs x1, x2, hidden layers of 4 and 2 tanh units,
    /// a tanh output and the squared loss.
    fn default() -> Self {
        Self {
            inputs: 2,
            hidden: vec![
                LayerConfig {
                    units: 4,
                    activation: Activation::Tanh,
                },
                LayerConfig {
                    units: 2,
                    activation: Activation::Tanh,
                },
            ],
            output_activation: Activation::Tanh,
            loss: Loss::Squared,
            bias: true,
            seed: 1,
        }
    }
}

impl MlpConfig {
    /// The lecture's linear classifier `score = W·φ(x)`: no hidden layer, a linear output,
    /// no separate bias (put the constant feature 1 in φ).
    pub fn linear(inputs: usize, loss: Loss) -> Self {
        Self {
            inputs,
            hidden: Vec::new(),
            output_activation: Activation::Linear,
            loss,
            bias: false,
            seed: 1,
        }
    }
}

/// Which penalty on the weights (never the biases) training adds to the loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Regularization {
    /// No penalty.
    None,
    /// `λ·Σ|w|` (pushes weights to exactly 0).
    L1,
    /// `λ·½Σw²` (shrinks weights).
    L2,
}

impl Regularization {
    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1 => "L1",
            Regularization::L2 => "L2",
        }
    }

    /// The regularization whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        [Regularization::None, Regularization::L1, Regularization::L2]
            .into_iter()
            .find(|r| r.id() == id)
    }

    fn value(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => w.abs(),
            Regularization::L2 => 0.5 * w * w,
        }
    }

    fn derivative(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => {
                if w > 0.0 {
                    1.0
                } else if w < 0.0 {
                    -1.0
                } else {
                    0.0
                }
            }
            Regularization::L2 => w,
        }
    }
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Step size of gradient descent.
    pub learning_rate: f64,
    /// Points per step (1 = online training, all points = batch training).
    pub batch_size: usize,
    /// The penalty on the weights.
    pub regularization: Regularization,
    /// Its strength λ.
    pub regularization_rate: f64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            learning_rate: 0.03,
            batch_size: 10,
            regularization: Regularization::None,
            regularization_rate: 0.0,
        }
    }
}

/// Training produced a non-finite loss or weight: the step size was too large (or a
/// feature is undefined somewhere, e.g. `ln x1` for negative x1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Diverged {
    /// The step of the epoch (0-based) that failed.
    pub step: usize,
    /// The batch's loss at that step (may be NaN or infinite).
    pub loss: f64,
}

impl fmt::Display for Diverged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "training diverged at step {} (loss {}): lower the learning rate and restore the last good weights",
            self.step + 1,
            self.loss
        )
    }
}

impl std::error::Error for Diverged {}

/// Points mapped through φ: one row `φ(x)` per point, and its label.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Samples {
    /// Dimension of φ.
    pub dim: usize,
    /// `len × dim` values, row after row.
    pub phi: Vec<f64>,
    /// One label (−1 or +1) per row.
    pub labels: Vec<f64>,
}

impl Samples {
    /// Maps every point through `features`.
    pub fn new(features: &FeatureSet, points: &[Point]) -> Self {
        let dim = features.len();
        let mut phi = vec![0.0; points.len() * dim];
        for (row, p) in phi.chunks_exact_mut(dim.max(1)).zip(points) {
            features.map(p.x1, p.x2, &mut row[..dim]);
        }
        Self {
            dim,
            phi,
            labels: points.iter().map(|p| p.label).collect(),
        }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// `φ(x)` of point `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.phi[i * self.dim..(i + 1) * self.dim]
    }
}

/// Loss and accuracy of a network on some points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Mean loss (without the penalty).
    pub loss: f64,
    /// Fraction of points whose predicted label is right, in `[0, 1]`.
    pub accuracy: f64,
}

/// Everything a screen shows when the pointer rests on one point of the plane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// `φ(x)`.
    pub phi: Vec<f64>,
    /// Each layer's unit values after the activation, hidden layers then the output.
    pub layers: Vec<Vec<f64>>,
    /// The score `s` (the output unit's value).
    pub score: f64,
    /// The predicted label, −1 or +1.
    pub label: f64,
}

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
    /// `units × inputs`) then its biases.
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
        if samples.is_empty() {
            return Metrics {
                loss: 0.0,
                accuracy: 0.0,
            };
        }
        let mut acts = Vec::new();
        let (mut loss, mut right) = (0.0, 0usize);
        for (i, &y) in samples.labels.iter().enumerate() {
            self.forward_into(&self.params, samples.row(i), &mut acts);
            let s = acts[self.layers.len()][0];
            loss += self.loss.value(s, y);
            right += usize::from(self.predict(s) == y);
        }
        let n = samples.len() as f64;
        Metrics {
            loss: loss / n,
            accuracy: right as f64 / n,
        }
    }

    /// The training objective on the points `batch` (indices into `samples`) — mean loss
    /// plus the weight penalty — and its gradient, in the layout of [`params`](Self::params).
    pub fn loss_and_gradient(
        &self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> (f64, Vec<f64>) {
        self.objective(&self.params, samples, batch, train)
    }

    /// The objective and gradient at arbitrary parameters (for finite differences).
    fn objective(
        &self,
        params: &[f64],
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> (f64, Vec<f64>) {
        let mut work = Workspace::default();
        let loss = self.objective_into(params, samples, batch, train, &mut work);
        (loss, work.grad)
    }

    /// The objective at `params`, with its gradient left in `work.grad`: the batch goes
    /// forward and backward layer by layer (see [`batch`]).
    fn objective_into(
        &self,
        params: &[f64],
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
        work: &mut Workspace,
    ) -> f64 {
        assert_eq!(
            samples.dim, self.inputs,
            "samples have {} features, the network {} inputs",
            samples.dim, self.inputs
        );
        let last = self.layers.len() - 1;
        work.acts.resize(self.layers.len() + 1, Vec::new());
        work.deltas.resize(self.layers.len(), Vec::new());
        work.acts[0].clear();
        for &i in batch {
            work.acts[0].extend_from_slice(samples.row(i));
        }
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, above) = work.acts.split_at_mut(l + 1);
            batch::forward(layer, params, &below[l], &mut above[0]);
        }
        let mut loss = 0.0;
        let output = self.layers[last].activation;
        work.deltas[last].clear();
        for (&i, &s) in batch.iter().zip(&work.acts[last + 1]) {
            let y = samples.labels[i];
            loss += self.loss.value(s, y);
            work.deltas[last].push(self.loss.derivative(s, y) * output.derivative_from_output(s));
        }
        for l in (0..last).rev() {
            let above = &self.layers[l + 1];
            let weights = &params[above.weights_at..][..above.units * above.inputs];
            let (lower, upper) = work.deltas.split_at_mut(l + 1);
            batch::backward(above, weights, &upper[0], &mut lower[l]);
            let activation = self.layers[l].activation;
            for (d, a) in lower[l].iter_mut().zip(&work.acts[l + 1]) {
                *d *= activation.derivative_from_output(*a);
            }
        }
        work.grad.clear();
        work.grad.resize(params.len(), 0.0);
        for (l, layer) in self.layers.iter().enumerate() {
            batch::gradient(layer, &work.deltas[l], &work.acts[l], &mut work.grad);
        }
        let n = batch.len().max(1) as f64;
        loss /= n;
        work.grad.iter_mut().for_each(|g| *g /= n);
        let (reg, rate) = (train.regularization, train.regularization_rate);
        if reg != Regularization::None && rate != 0.0 {
            for layer in &self.layers {
                let weights = layer.weights_at..layer.weights_at + layer.units * layer.inputs;
                for (g, &w) in work.grad[weights.clone()].iter_mut().zip(&params[weights]) {
                    loss += rate * reg.value(w);
                    *g += rate * reg.derivative(w);
                }
            }
        }
        loss
    }

    /// One gradient-descent step on the points `batch`; returns the objective before the
    /// step, or [`Diverged`] (with `step` 0) when it or the new weights are not finite.
    pub fn step(
        &mut self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
    ) -> Result<f64, Diverged> {
        self.step_with(samples, batch, train, &mut Workspace::default())
    }

    /// [`step`](Self::step) with the batch's buffers kept in `work`.
    fn step_with(
        &mut self,
        samples: &Samples,
        batch: &[usize],
        train: &TrainConfig,
        work: &mut Workspace,
    ) -> Result<f64, Diverged> {
        let loss = self.objective_into(&self.params, samples, batch, train, work);
        for (p, g) in self.params.iter_mut().zip(&work.grad) {
            *p -= train.learning_rate * g;
        }
        if loss.is_finite() && self.params.iter().all(|p| p.is_finite()) {
            Ok(loss)
        } else {
            Err(Diverged { step: 0, loss })
        }
    }

    /// One epoch: every training point once, in an order shuffled by `rng`, in batches of
    /// `train.batch_size`. Returns the mean objective of the steps, or stops at the first
    /// step that diverges (the weights are then those that step produced: call
    /// [`restore`](Self::restore) with a snapshot taken before).
    pub fn train_epoch(
        &mut self,
        samples: &Samples,
        train: &TrainConfig,
        rng: &mut Rng,
    ) -> Result<f64, Diverged> {
        let mut order: Vec<usize> = (0..samples.len()).collect();
        rng.shuffle(&mut order);
        let mut total = 0.0;
        let batches = order.chunks(train.batch_size.max(1));
        let count = batches.len();
        let mut work = Workspace::default();
        for (step, batch) in batches.enumerate() {
            total += self
                .step_with(samples, batch, train, &mut work)
                .map_err(|d| Diverged { step, ..d })?;
        }
        Ok(if count == 0 {
            0.0
        } else {
            total / count as f64
        })
    }
}

#[cfg(test)]
mod tests;
