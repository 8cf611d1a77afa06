//! The lecture's car network as a computation graph (§2, §4). Two cars at `x = [x1, x2]`
//! are safe (`y = +1`) when `|x1 − x2| ≥ 1`, dangerous (`y = −1`) otherwise.
//!
//! `Φ(x) = [1, x1, x2]`, `h1 = σ(v1·Φ(x))`, `h2 = σ(v2·Φ(x))`,
//! `score = w1 h1 + w2 h2` (plus `w0` with the bias), and a loss on `(score, y)`: squared `(score − y)²`,
//! hinge `max(1 − score·y, 0)` or logistic `log(1 + e^(−score·y))`.
//!
//! The default network is exactly the lecture's: `score = w1 h1 + w2 h2`, no bias. The
//! lecture writes `h = sign(w1 h1 + w2 h2)` and 0 for "not safe"; with labels ±1 the
//! output needs a threshold, which [`CarNetConfig::output_bias`] adds as an explicit
//! option: the bias `w0` (the constant 1 of the lecture's own φ recipe, one layer up).
//! The hand-built ("textbook") solution then uses `w0 = −1/2`, halfway between "no unit
//! fires" and "one fires".

mod config;
mod example;
mod train;

use serde::{Deserialize, Serialize};

pub use config::{CarNetConfig, CarWeights};
pub use example::{CarExample, CarOutput};
pub use train::TrainConfig;

use super::{Graph, Op};
use crate::loss::Loss;
use crate::rng::Rng;

/// The car network: its graph plus the indices of the nodes a screen names.
///
/// With the lecture's hand solution (`v1 = [−1, 1, −1]`, `v2 = [−1, −1, 1]`, `w = [1, 1]`,
/// sharpened tenfold so σ is nearly a step), on the table's first example `[3, 1]` (safe)
/// the forward pass gives `v1·Φ = 10`, `h1 ≈ 1`, `h2 ≈ 0`, score ≈ 1, and the backward
/// pass the gradient `g = ∂loss/∂f` at every node:
///
/// ```
/// use nnp_core::graph::car::{CarExample, CarNet, CarNetConfig};
///
/// let mut net = CarNet::new(CarNetConfig::default()); // the lecture's: squared loss, no bias
/// assert_eq!(net.weights().v1, [-10.0, 10.0, -10.0]);
/// assert_eq!(net.graph.index_of("w0"), None);
/// let loss = net.graph.forward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("v1·Φ").value, Some(10.0));
/// let score = node("score").value.unwrap();
/// assert!((score - 1.0).abs() < 1e-3 && (loss - (score - 1.0).powi(2)).abs() < 1e-12);
/// net.graph.backward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("loss").grad, Some(1.0));
/// assert_eq!(node("score").grad, Some(2.0 * (score - 1.0))); // ∂(s − y)²/∂s
/// assert_eq!(node("w1").grad, Some(2.0 * (score - 1.0) * node("h1").value.unwrap()));
///
/// // With labels ±1 the sign of w1·h1 + w2·h2 cannot say "dangerous"; the bias can.
/// let table = CarExample::lecture_table();
/// assert!(net.accuracy(&table) < 1.0);
/// let biased = CarNet::new(CarNetConfig { output_bias: true, ..CarNetConfig::default() });
/// assert_eq!((biased.weights().w[0], biased.accuracy(&table)), (-0.5, 1.0));
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
        let h1 = g.push("h1", Op::Activation(config.activation, z1));
        let h2 = g.push("h2", Op::Activation(config.activation, z2));
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
        };
        net.set_weights(&CarWeights::textbook(10.0));
        net.set_example(&CarExample::lecture_table()[0]);
        net
    }

    /// How the network was built.
    pub fn config(&self) -> CarNetConfig {
        self.config
    }

    /// Puts an example into the input leaves (the pass restarts).
    pub fn set_example(&mut self, example: &CarExample) {
        self.graph.set_leaf(self.x1, example.x[0]);
        self.graph.set_leaf(self.x2, example.x[1]);
        self.graph.set_leaf(self.y, example.y);
    }

    /// The example in the input leaves.
    pub fn example(&self) -> CarExample {
        CarExample {
            x: [
                self.graph.leaf_value(self.x1),
                self.graph.leaf_value(self.x2),
            ],
            y: self.graph.leaf_value(self.y),
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
