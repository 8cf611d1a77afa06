//! The lecture's car network as a computation graph (§2, §4). Two cars at `x = [x1, x2]`
//! are safe when `|x1 − x2| ≥ 1`, dangerous otherwise.
//!
//! `Φ(x) = [1, x1, x2]`, `h1 = σ(k·v1·Φ(x))`, `h2 = σ(k·v2·Φ(x))`,
//! `score = w1 h1 + w2 h2` (plus `w0` with the bias), and a loss on `(score, y)`: squared
//! `(score − y)²`, hinge `max(1 − score·y, 0)` or logistic `log(1 + e^(−score·y))`.
//!
//! The default network is exactly the lecture's. The lecture's hidden units are
//! thresholds, `h1 = 1[v1·Φ(x) ≥ 0]`, which have no useful gradient; here they are
//! `σ(k·z)` with a visible sharpness `k` ([`CarNet::set_sharpness`]): `k = 1` is the plain
//! σ one trains, and at `k = 10` (the default, [`TEXTBOOK_SHARPNESS`]) `σ(k·z)` is within
//! 0.007 of the threshold at every point of the lecture's table. The labels follow the
//! lecture's table too (`y = 1` safe, `0` not safe) under the squared loss, and the output
//! says "safe" when `w1 h1 + w2 h2 ≥ 1/2`; the margin losses need `y = ±1`
//! ([`CarNetConfig::targets`]). The optional output bias `w0`
//! ([`CarNetConfig::output_bias`]) lets the score go below zero, which `±1` labels need.

mod config;
mod example;
mod train;

use serde::{Deserialize, Serialize};

pub use config::{CarNetConfig, CarWeights, Targets};
pub use example::{CarExample, CarOutput};
pub use train::TrainConfig;

use super::{Graph, Op};
use crate::loss::Loss;
use crate::rng::Rng;

/// How sharp the hidden units are by default and in the textbook solution: `σ(10·z)`.
pub const TEXTBOOK_SHARPNESS: f64 = 10.0;

/// The car network: its graph plus the indices of the nodes a screen names.
///
/// With the lecture's hand solution (`v1 = [−1, 1, −1]`, `v2 = [−1, −1, 1]`, `w = [1, 1]`)
/// and units `σ(10·z)`, on the table's first example `[3, 1]` (safe) the forward pass gives
/// `v1·Φ = 1`, `h1 ≈ 1`, `h2 ≈ 0`, score ≈ 1, and the backward pass the gradient
/// `g = ∂loss/∂f` at every node:
///
/// ```
/// use nnp_core::graph::car::{CarExample, CarNet, CarNetConfig};
///
/// let mut net = CarNet::new(CarNetConfig::default()); // the lecture's: squared loss, no bias
/// assert_eq!(net.weights().v1, [-1.0, 1.0, -1.0]);
/// assert_eq!((net.sharpness(), net.graph.index_of("w0")), (10.0, None));
/// let loss = net.graph.forward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("v1·Φ").value, Some(1.0));
/// let score = node("score").value.unwrap();
/// assert!((score - 1.0).abs() < 1e-3 && (loss - (score - 1.0).powi(2)).abs() < 1e-12);
/// net.graph.backward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("loss").grad, Some(1.0));
/// assert_eq!(node("score").grad, Some(2.0 * (score - 1.0))); // ∂(s − y)²/∂s
/// assert_eq!(node("w1").grad, Some(2.0 * (score - 1.0) * node("h1").value.unwrap()));
///
/// // The lecture's table: safe, safe, not safe (y = 1, 1, 0), all three right.
/// let table = CarExample::lecture_table();
/// let says: Vec<f64> = table.iter().map(|e| net.output_at(e.x[0], e.x[1])).collect();
/// assert_eq!(says, [1.0, 1.0, 0.0]);
/// assert_eq!(net.accuracy(&table), 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarNet {
    /// The computation graph (step it, draw it, read its values).
    pub graph: Graph,
    config: CarNetConfig,
    x1: usize,
    x2: usize,
    y: usize,
    h1: usize,
    h2: usize,
    score: usize,
    v1: [usize; 3],
    v2: [usize; 3],
    w: Vec<usize>,
    sharpness: f64,
}

impl CarNet {
    /// Builds the network with the textbook weights (sharpness 10) and the first example
    /// of the lecture's table. Node labels: `1`, `x1`, `x2`, `y`, `v1[0]`…`v2[2]`,
    /// `w0`, `w1`, `w2`, `v1·Φ`, `v2·Φ`, `h1`, `h2`, `score`, then `score − y` (squared)
    /// or `margin` (hinge, logistic), and `loss`.
    pub fn new(config: CarNetConfig) -> Self {
        let mut g = Graph::new();
        let one = g.constant("1", 1.0);
        let x1 = g.input("x1", 0.0);
        let x2 = g.input("x2", 0.0);
        let y = g.input("y", 0.0);
        let v1 = [0, 1, 2].map(|k| g.parameter(format!("v1[{k}]"), 0.0));
        let v2 = [0, 1, 2].map(|k| g.parameter(format!("v2[{k}]"), 0.0));
        let w: Vec<usize> = if config.output_bias { 0..3 } else { 1..3 }
            .map(|k| g.parameter(format!("w{k}"), 0.0))
            .collect();
        let phi = vec![one, x1, x2];
        let z1 = g.push("v1·Φ", Op::Dot(v1.to_vec(), phi.clone()));
        let z2 = g.push("v2·Φ", Op::Dot(v2.to_vec(), phi));
        let sharpness = TEXTBOOK_SHARPNESS;
        let h1 = g.push("h1", Op::Sharpened(config.activation, sharpness, z1));
        let h2 = g.push("h2", Op::Sharpened(config.activation, sharpness, z2));
        let hidden = if config.output_bias {
            vec![one, h1, h2]
        } else {
            vec![h1, h2]
        };
        let score = g.push("score", Op::Dot(w.clone(), hidden));
        match config.loss {
            Loss::Squared => {
                let r = g.push("score − y", Op::Sub(score, y));
                g.push("loss", Op::Square(r));
            }
            Loss::Hinge => {
                let m = g.push("margin", Op::Mul(score, y));
                g.push("loss", Op::Hinge(m));
            }
            Loss::Logistic => {
                let m = g.push("margin", Op::Mul(score, y));
                g.push("loss", Op::LogisticLoss(m));
            }
        }
        let mut net = Self {
            graph: g,
            config,
            x1,
            x2,
            y,
            h1,
            h2,
            score,
            v1,
            v2,
            w,
            sharpness,
        };
        net.set_weights(&CarWeights::textbook(&config));
        net.set_example(&CarExample::lecture_table()[0]);
        net
    }

    /// How the network was built.
    pub fn config(&self) -> CarNetConfig {
        self.config
    }

    /// The sharpness `k` of the hidden units `σ(k·z)`.
    pub fn sharpness(&self) -> f64 {
        self.sharpness
    }

    /// Sets the sharpness `k` of the hidden units `σ(k·z)` (the pass restarts). `k` must
    /// be finite and positive.
    pub fn set_sharpness(&mut self, k: f64) {
        assert!(k.is_finite() && k > 0.0, "sharpness must be positive: {k}");
        self.sharpness = k;
        self.graph.set_sharpness(self.h1, k);
        self.graph.set_sharpness(self.h2, k);
    }

    /// Puts an example into the input leaves (the pass restarts); `y` gets the loss's
    /// target for the example's label ([`CarNetConfig::targets`]).
    pub fn set_example(&mut self, example: &CarExample) {
        self.graph.set_leaf(self.x1, example.x[0]);
        self.graph.set_leaf(self.x2, example.x[1]);
        self.graph
            .set_leaf(self.y, self.config.targets().of(example.y));
    }

    /// What the output says at `(x1, x2)`, written as the labels are: `1` safe, and `0`
    /// (squared loss, the lecture's table) or `−1` (margin losses) not safe.
    pub fn output_at(&self, x1: f64, x2: f64) -> f64 {
        self.config.targets().of(self.predict(x1, x2).label())
    }

    /// The example in the input leaves.
    pub fn example(&self) -> CarExample {
        CarExample {
            x: [
                self.graph.leaf_value(self.x1),
                self.graph.leaf_value(self.x2),
            ],
            y: self
                .config
                .targets()
                .label_at(self.graph.leaf_value(self.y)),
        }
    }

    /// The current parameters (`w[0]` is 0 without the bias).
    pub fn weights(&self) -> CarWeights {
        let g = &self.graph;
        let mut w = [0.0; 3];
        let skip = 3 - self.w.len();
        for (k, &i) in self.w.iter().enumerate() {
            w[k + skip] = g.leaf_value(i);
        }
        CarWeights {
            v1: self.v1.map(|i| g.leaf_value(i)),
            v2: self.v2.map(|i| g.leaf_value(i)),
            w,
        }
    }

    /// Sets every parameter (the pass restarts).
    pub fn set_weights(&mut self, weights: &CarWeights) {
        for k in 0..3 {
            self.graph.set_leaf(self.v1[k], weights.v1[k]);
            self.graph.set_leaf(self.v2[k], weights.v2[k]);
        }
        let skip = 3 - self.w.len();
        for (k, &i) in self.w.clone().iter().enumerate() {
            self.graph.set_leaf(i, weights.w[k + skip]);
        }
    }

    /// Random initial parameters, uniform in `[−1, 1)`, reproducible from `seed`.
    pub fn randomize(&mut self, seed: u64) {
        let mut rng = Rng::seeded(seed);
        let params: Vec<f64> = self
            .graph
            .parameter_indices()
            .iter()
            .map(|_| rng.uniform(-1.0, 1.0))
            .collect();
        self.graph.set_parameters(&params);
    }

    /// `h1`, `h2` and the score at positions `(x1, x2)` under the current weights
    /// (the stepping state is untouched).
    pub fn predict(&self, x1: f64, x2: f64) -> CarOutput {
        let f = self.graph.evaluate_with(&[(self.x1, x1), (self.x2, x2)]);
        CarOutput {
            h1: f[self.h1],
            h2: f[self.h2],
            score: f[self.score],
            threshold: self.config.targets().threshold(),
        }
    }

    /// [`predict`](Self::predict) on an `n × n` grid over `[low, high]²`, row-major:
    /// entry `row·n + col` is at `x1 = low + col·step`, `x2 = low + row·step`.
    pub fn plane(&self, low: f64, high: f64, n: usize) -> Vec<CarOutput> {
        assert!(n >= 2, "a plane needs at least two samples per side");
        let at = |k: usize| low + (high - low) * k as f64 / (n - 1) as f64;
        (0..n * n)
            .map(|i| self.predict(at(i % n), at(i / n)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
