//! The lecture's car network as a computation graph (§2, §4). Two cars at `x = [x1, x2]`
//! are safe (`y = +1`) when `|x1 − x2| ≥ 1`, dangerous (`y = −1`) otherwise.
//!
//! `Φ(x) = [1, x1, x2]`, `h1 = σ(v1·Φ(x))`, `h2 = σ(v2·Φ(x))`,
//! `score = w0 + w1 h1 + w2 h2`, and a loss on `(score, y)`: squared `(score − y)²`,
//! hinge `max(1 − score·y, 0)` or logistic `log(1 + e^(−score·y))`.
//!
//! The lecture writes `h = sign(w1 h1 + w2 h2)` and 0 for "not safe". With labels ±1
//! the output needs a threshold, so the score gets the bias `w0` (the constant 1 of the
//! lecture's own φ recipe, one layer up); the hand-built ("textbook") solution uses
//! `w0 = −1/2`, halfway between "no unit fires" and "one fires". Without the bias
//! ([`CarNetConfig::output_bias`] off) the graph is exactly the lecture's.

use serde::{Deserialize, Serialize};

use super::{Graph, Op};
use crate::activation::Activation;
use crate::loss::Loss;
use crate::rng::Rng;

/// How to build the car network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CarNetConfig {
    /// The loss at the top.
    pub loss: Loss,
    /// The hidden units' activation (the lecture's is the logistic σ).
    pub activation: Activation,
    /// Whether the score has the bias `w0` (see the module docs).
    pub output_bias: bool,
}

impl Default for CarNetConfig {
    fn default() -> Self {
        Self {
            loss: Loss::Squared,
            activation: Activation::Logistic,
            output_bias: true,
        }
    }
}

/// The car network's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CarWeights {
    /// `v1`, weights of `h1` on `Φ(x) = [1, x1, x2]`.
    pub v1: [f64; 3],
    /// `v2`, weights of `h2` on `Φ(x)`.
    pub v2: [f64; 3],
    /// `[w0, w1, w2]`: bias and output weights (w0 is ignored without the bias).
    pub w: [f64; 3],
}

impl CarWeights {
    /// The lecture's hand-built solution: `v1 = s·[−1, 1, −1]`, `v2 = s·[−1, −1, 1]`,
    /// `w = [1, 1]` and bias `w0 = −1/2`; the sharpness `s` makes σ close to a step.
    pub fn textbook(sharpness: f64) -> Self {
        Self {
            v1: [-sharpness, sharpness, -sharpness],
            v2: [-sharpness, -sharpness, sharpness],
            w: [-0.5, 1.0, 1.0],
        }
    }
}

/// One labelled pair of car positions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CarExample {
    /// The positions `[x1, x2]`.
    pub x: [f64; 2],
    /// `+1` safe, `−1` dangerous.
    pub y: f64,
}

impl CarExample {
    /// The example at `[x1, x2]` with the true label `y = sign(|x1 − x2| − 1)` (a
    /// distance of exactly 1 counts as safe).
    pub fn labelled(x1: f64, x2: f64) -> Self {
        let y = if (x1 - x2).abs() >= 1.0 { 1.0 } else { -1.0 };
        Self { x: [x1, x2], y }
    }

    /// The lecture's table: `[3, 1]` safe, `[1, 3]` safe, `[1, 0.5]` not safe.
    pub fn lecture_table() -> Vec<Self> {
        vec![
            Self {
                x: [3.0, 1.0],
                y: 1.0,
            },
            Self {
                x: [1.0, 3.0],
                y: 1.0,
            },
            Self {
                x: [1.0, 0.5],
                y: -1.0,
            },
        ]
    }

    /// A dense `n × n` grid of positions over `[low, high]²`, labelled by the true rule,
    /// leaving out the points within `band` of the boundary (`||x1 − x2| − 1| < band`).
    pub fn grid(n: usize, low: f64, high: f64, band: f64) -> Vec<Self> {
        assert!(n >= 2, "a grid needs at least two points per side");
        let at = |k: usize| low + (high - low) * k as f64 / (n - 1) as f64;
        let mut out = Vec::new();
        for row in 0..n {
            for col in 0..n {
                let (x1, x2) = (at(col), at(row));
                if ((x1 - x2).abs() - 1.0).abs() >= band {
                    out.push(Self::labelled(x1, x2));
                }
            }
        }
        out
    }
}

/// What the network computes at one position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CarOutput {
    /// The hidden unit `h1` (car 1 far right of car 2).
    pub h1: f64,
    /// The hidden unit `h2` (car 2 far right of car 1).
    pub h2: f64,
    /// The output score.
    pub score: f64,
}

impl CarOutput {
    /// The predicted label: `+1` (safe) when the score is positive, else `−1`.
    pub fn label(&self) -> f64 {
        if self.score > 0.0 { 1.0 } else { -1.0 }
    }
}

/// Settings of a training run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// The step size η of `p ← p − η ∂loss/∂p`.
    pub learning_rate: f64,
    /// Passes over the examples.
    pub epochs: usize,
    /// Visit the examples in a fresh random order each epoch (online SGD).
    pub shuffle: bool,
    /// Seed of the visiting order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            learning_rate: 0.1,
            epochs: 100,
            shuffle: true,
            seed: 1,
        }
    }
}

/// The car network: its graph plus the indices of the nodes a screen names.
///
/// With the lecture's hand solution (`v1 = [−1, 1, −1]`, `v2 = [−1, −1, 1]`, sharpened
/// tenfold so σ is nearly a step) it classifies the car table; on its first example
/// `[3, 1]` (safe) the forward pass gives `v1·Φ = 10`, `h1 ≈ 1`, `h2 ≈ 0`, score ≈ ½, and
/// the backward pass the gradient `g = ∂loss/∂f` at every node:
///
/// ```
/// use nnp_core::graph::car::{CarExample, CarNet, CarNetConfig};
///
/// let mut net = CarNet::new(CarNetConfig::default()); // squared loss, example [3, 1]
/// assert_eq!(net.weights().v1, [-10.0, 10.0, -10.0]);
/// assert_eq!(net.accuracy(&CarExample::lecture_table()), 1.0);
/// let loss = net.graph.forward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("v1·Φ").value, Some(10.0));
/// let score = node("score").value.unwrap();
/// assert!((score - 0.5).abs() < 1e-3 && (loss - (score - 1.0).powi(2)).abs() < 1e-12);
/// net.graph.backward();
/// let node = |label| net.graph.node(net.graph.expect_index(label)).clone();
/// assert_eq!(node("loss").grad, Some(1.0));
/// assert_eq!(node("score").grad, Some(2.0 * (score - 1.0))); // ∂(s − y)²/∂s
/// assert_eq!(node("w1").grad, Some(2.0 * (score - 1.0) * node("h1").value.unwrap()));
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

    /// The loss on one example, with the current weights.
    pub fn loss_on(&self, example: &CarExample) -> f64 {
        let f = self.graph.evaluate_with(&[
            (self.x1, example.x[0]),
            (self.x2, example.x[1]),
            (self.y, example.y),
        ]);
        f.last().copied().unwrap_or(f64::NAN)
    }

    /// The mean loss over `examples`.
    pub fn mean_loss(&self, examples: &[CarExample]) -> f64 {
        assert!(!examples.is_empty(), "mean loss of no examples");
        examples.iter().map(|e| self.loss_on(e)).sum::<f64>() / examples.len() as f64
    }

    /// The fraction of `examples` whose predicted label is right.
    pub fn accuracy(&self, examples: &[CarExample]) -> f64 {
        assert!(!examples.is_empty(), "accuracy of no examples");
        let right = examples
            .iter()
            .filter(|e| self.predict(e.x[0], e.x[1]).label() == e.y)
            .count();
        right as f64 / examples.len() as f64
    }

    /// Online SGD: for each epoch, for each example (shuffled if asked), one forward and
    /// backward pass and one update `p ← p − η ∂loss/∂p`. Returns the mean loss over all
    /// examples after each epoch. The last example seen is left in the input leaves.
    pub fn train(&mut self, examples: &[CarExample], config: &TrainConfig) -> Vec<f64> {
        assert!(!examples.is_empty(), "training needs at least one example");
        let mut rng = Rng::seeded(config.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut losses = Vec::with_capacity(config.epochs);
        for _ in 0..config.epochs {
            if config.shuffle {
                rng.shuffle(&mut order);
            }
            for &k in &order {
                self.set_example(&examples[k]);
                let (_, grads) = self.graph.loss_and_gradient();
                let params: Vec<f64> = self
                    .graph
                    .parameters()
                    .iter()
                    .zip(&grads)
                    .map(|(p, g)| p - config.learning_rate * g)
                    .collect();
                self.graph.set_parameters(&params);
            }
            losses.push(self.mean_loss(examples));
        }
        losses
    }
}

#[cfg(test)]
mod tests;
