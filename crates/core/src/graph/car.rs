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

use super::{Graph, LossKind, Op};
use crate::activation::Activation;
use crate::rng::Rng;

/// How to build the car network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CarNetConfig {
    /// The loss at the top.
    pub loss: LossKind,
    /// The hidden units' activation (the lecture's is the logistic σ).
    pub activation: Activation,
    /// Whether the score has the bias `w0` (see the module docs).
    pub output_bias: bool,
}

impl Default for CarNetConfig {
    fn default() -> Self {
        Self {
            loss: LossKind::Squared,
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
            LossKind::Squared => {
                let r = g.push("score − y", Op::Sub(score, y));
                g.push("loss", Op::Square(r));
            }
            LossKind::Hinge => {
                let m = g.push("margin", Op::Mul(score, y));
                g.push("loss", Op::Hinge(m));
            }
            LossKind::Logistic => {
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
mod tests {
    use super::*;
    use crate::gradcheck::relative_error;
    use crate::graph::{NodeKind, Phase};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The textbook weights reproduce the lecture's table: h1, h2 rounded, and the label.
    #[test]
    fn textbook_solution_reproduces_the_table() {
        let net = CarNet::new(CarNetConfig::default());
        let expected = [(1.0, 0.0), (0.0, 1.0), (0.0, 0.0)];
        for (e, (h1, h2)) in CarExample::lecture_table().iter().zip(expected) {
            let out = net.predict(e.x[0], e.x[1]);
            assert_eq!(
                (out.h1.round(), out.h2.round()),
                (h1, h2),
                "{:?}: {out:?}",
                e.x
            );
            assert_eq!(out.label(), e.y, "{:?}", e.x);
        }
        assert_eq!(net.weights(), CarWeights::textbook(10.0));
    }

    /// Every parameter's backpropagated gradient equals central differences, for each loss.
    #[test]
    fn gradients_match_finite_differences() {
        for loss in LossKind::ALL {
            for output_bias in [true, false] {
                let mut net = CarNet::new(CarNetConfig {
                    loss,
                    output_bias,
                    ..CarNetConfig::default()
                });
                for seed in 0..5 {
                    net.randomize(seed);
                    for e in CarExample::lecture_table() {
                        net.set_example(&e);
                        net.graph.run();
                        let bp = net.graph.parameter_gradients().expect("backward done");
                        let fd = net.graph.numerical_gradient();
                        for (k, (a, b)) in bp.iter().zip(&fd).enumerate() {
                            assert!(
                                relative_error(*a, *b, 1e-4) < 1e-6,
                                "{loss:?} bias {output_bias} seed {seed} param {k}: {a} vs {b}"
                            );
                        }
                    }
                }
            }
        }
    }

    // Reference gradients from PyTorch autograd, same weights and example:
    //   import torch
    //   t = lambda v: torch.tensor(v, dtype=torch.float64, requires_grad=True)
    //   for loss in ["squared", "hinge", "logistic"]:
    //       v1, v2, w = t([0.3, -0.8, 0.5]), t([-0.4, 0.6, 0.2]), t([0.1, 1.2, -0.9])
    //       x1, x2, y = 2.0, 0.5, -1.0
    //       phi = torch.tensor([1.0, x1, x2], dtype=torch.float64)
    //       h1, h2 = torch.sigmoid(v1 @ phi), torch.sigmoid(v2 @ phi)
    //       s = w[0] + w[1] * h1 + w[2] * h2
    //       l = {"squared": (s - y) ** 2,
    //            "hinge": torch.clamp(1 - s * y, min=0),
    //            "logistic": torch.nn.functional.softplus(-s * y)}[loss]
    //       l.backward()
    //       print(loss, repr(l.item()), [repr(g) for p in (v1, v2, w) for g in p.grad.tolist()])
    const TORCH_LOSS: [f64; 3] = [0.5947734532801912, 0.7712155686189116, 0.5852835346056721];
    const TORCH_GRAD: [[f64; 9]; 3] = [
        [
            0.3554269378584241,
            0.7108538757168482,
            0.17771346892921205,
            -0.2852730654809847,
            -0.5705461309619694,
            -0.14263653274049234,
            1.5424311372378232,
            0.3998368670550596,
            1.0965906498525495,
        ],
        [
            0.2304329375085883,
            0.4608658750171766,
            0.11521646875429414,
            -0.18495027660803715,
            -0.3699005532160743,
            -0.09247513830401857,
            1.0,
            0.259225100817846,
            0.7109495026250039,
        ],
        [
            0.10209379101644808,
            0.20418758203289616,
            0.05104689550822404,
            -0.0819426037467038,
            -0.1638852074934076,
            -0.0409713018733519,
            0.44305207458739715,
            0.11485021870247385,
            0.3149876520648861,
        ],
    ];

    #[test]
    fn gradients_match_pytorch() {
        for (k, loss) in LossKind::ALL.into_iter().enumerate() {
            let mut net = CarNet::new(CarNetConfig {
                loss,
                ..CarNetConfig::default()
            });
            net.set_weights(&CarWeights {
                v1: [0.3, -0.8, 0.5],
                v2: [-0.4, 0.6, 0.2],
                w: [0.1, 1.2, -0.9],
            });
            net.set_example(&CarExample {
                x: [2.0, 0.5],
                y: -1.0,
            });
            let l = net.graph.run();
            assert!(
                (l - TORCH_LOSS[k]).abs() < 1e-12,
                "{loss:?}: {l} vs {}",
                TORCH_LOSS[k]
            );
            let grads = net.graph.parameter_gradients().expect("backward done");
            for (i, (a, b)) in grads.iter().zip(&TORCH_GRAD[k]).enumerate() {
                assert!(
                    relative_error(*a, *b, 1e-12) < 1e-10,
                    "{loss:?} param {i}: {a} vs {b}"
                );
            }
        }
    }

    /// Stepping visits children before parents going up and parents before children going
    /// down, and ends exactly where the all-at-once pass ends.
    #[test]
    fn stepping_is_topological_and_matches_run() {
        for loss in LossKind::ALL {
            let mut net = CarNet::new(CarNetConfig {
                loss,
                ..CarNetConfig::default()
            });
            net.randomize(7);
            net.set_example(&CarExample {
                x: [1.0, 0.5],
                y: -1.0,
            });
            let mut stepped = net.graph.clone();
            let mut forward_done = vec![false; stepped.len()];
            let mut backward_done = vec![false; stepped.len()];
            loop {
                let before = stepped.phase();
                let Some(i) = stepped.step() else { break };
                if !matches!(before, Phase::Backward { .. }) {
                    assert!(
                        !forward_done[i],
                        "{loss:?}: node {i} computed forward twice"
                    );
                    for c in stepped.node(i).children() {
                        assert!(forward_done[c], "{loss:?}: node {i} before its child {c}");
                    }
                    assert!(stepped.node(i).value.is_some());
                    forward_done[i] = true;
                } else {
                    assert!(
                        forward_done.iter().all(|d| *d),
                        "backward before forward finished"
                    );
                    for &(p, _) in stepped.parents(i) {
                        assert!(backward_done[p], "{loss:?}: node {i} before its parent {p}");
                    }
                    assert!(stepped.node(i).grad.is_some());
                    backward_done[i] = true;
                }
            }
            assert!(backward_done.iter().all(|d| *d));
            assert_eq!(stepped.phase(), Phase::Done);
            net.graph.run();
            // Same forward values and edge derivatives; gradients summed over several
            // parents in another order may differ in the last bit.
            for (a, b) in stepped.nodes().iter().zip(net.graph.nodes()) {
                assert_eq!(
                    (a.value, &a.local),
                    (b.value, &b.local),
                    "{loss:?} {}",
                    a.label
                );
                let (ga, gb) = (a.grad.expect("stepped"), b.grad.expect("run"));
                assert!(
                    relative_error(ga, gb, 1e-12) < 1e-12,
                    "{loss:?} {}: {ga} vs {gb}",
                    a.label
                );
            }
            // The screen's edge list is complete once the pass is done.
            assert!(stepped.edges().iter().all(|e| e.local.is_some()));
        }
    }

    /// From a seeded random start, online SGD learns to tell safe from dangerous on every
    /// point of a dense grid (away from a thin band at the boundary) and on the table.
    /// (Seed 1 finds the mirrored solution: both units fire in the danger band, w ≈ [3, −2, −2].)
    #[test]
    fn training_classifies_the_grid_and_the_table() {
        let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
        let table = CarExample::lecture_table();
        for loss in LossKind::ALL {
            let mut net = CarNet::new(CarNetConfig {
                loss,
                ..CarNetConfig::default()
            });
            net.randomize(1);
            assert!(
                net.accuracy(&grid) < 0.9,
                "{loss:?}: the random start already solves it"
            );
            let losses = net.train(
                &grid,
                &TrainConfig {
                    learning_rate: 0.1,
                    epochs: 10,
                    shuffle: true,
                    seed: 1,
                },
            );
            assert_eq!(losses.len(), 10);
            assert!(losses[9] < 0.5 * losses[0], "{loss:?}: {losses:?}");
            assert_eq!(net.accuracy(&grid), 1.0, "{loss:?} on the grid");
            assert_eq!(net.accuracy(&table), 1.0, "{loss:?} on the table");
        }
    }

    /// The three examples of the lecture's table alone are learned from a random start.
    #[test]
    fn training_on_the_table_alone() {
        let table = CarExample::lecture_table();
        for loss in LossKind::ALL {
            let mut net = CarNet::new(CarNetConfig {
                loss,
                ..CarNetConfig::default()
            });
            net.randomize(1);
            let losses = net.train(
                &table,
                &TrainConfig {
                    learning_rate: 0.5,
                    epochs: 200,
                    shuffle: true,
                    seed: 1,
                },
            );
            assert!(losses[199] < 0.05, "{loss:?}: {:?}", losses.last());
            assert_eq!(net.accuracy(&table), 1.0, "{loss:?}");
        }
    }

    /// Without the output bias the lecture's exact network cannot put the danger band
    /// below zero and the safe sides above it: training stalls well short of the grid.
    #[test]
    fn without_bias_the_grid_is_not_learned() {
        let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
        let mut net = CarNet::new(CarNetConfig {
            output_bias: false,
            ..CarNetConfig::default()
        });
        net.randomize(1);
        net.train(
            &grid,
            &TrainConfig {
                learning_rate: 0.1,
                epochs: 10,
                shuffle: true,
                seed: 1,
            },
        );
        assert!(net.accuracy(&grid) < 0.9, "{}", net.accuracy(&grid));
    }

    #[test]
    fn nodes_have_names_kinds_and_layers() {
        let net = CarNet::new(CarNetConfig {
            loss: LossKind::Hinge,
            ..CarNetConfig::default()
        });
        let g = &net.graph;
        let kind = |l: &str| g.node(g.expect_index(l)).kind();
        assert_eq!(kind("x1"), NodeKind::Input);
        assert_eq!(kind("v1[0]"), NodeKind::Parameter);
        assert_eq!(kind("1"), NodeKind::Constant);
        assert_eq!(kind("h1"), NodeKind::Operation);
        let layer = |l: &str| g.node(g.expect_index(l)).layer;
        assert_eq!(
            [
                layer("x2"),
                layer("v2·Φ"),
                layer("h2"),
                layer("score"),
                layer("margin"),
                layer("loss")
            ],
            [0, 1, 2, 3, 4, 5]
        );
        assert_eq!(g.root(), g.expect_index("loss"));
        assert_eq!(
            g.parameter_labels(),
            [
                "v1[0]", "v1[1]", "v1[2]", "v2[0]", "v2[1]", "v2[2]", "w0", "w1", "w2"
            ]
        );
    }

    #[test]
    fn weights_round_trip_without_bias() {
        let mut net = CarNet::new(CarNetConfig {
            output_bias: false,
            ..CarNetConfig::default()
        });
        let w = CarWeights {
            v1: [1.0, 2.0, 3.0],
            v2: [4.0, 5.0, 6.0],
            w: [0.0, 7.0, 8.0],
        };
        net.set_weights(&w);
        assert_eq!(net.weights(), w);
        assert_eq!(net.graph.parameters().len(), 8);
    }

    #[test]
    fn grid_labels_follow_the_distance_rule() {
        let grid = CarExample::grid(41, -1.0, 4.0, 0.15);
        assert!(grid.len() > 1200 && grid.len() < 41 * 41, "{}", grid.len());
        assert!(grid.iter().any(|e| e.y == 1.0) && grid.iter().any(|e| e.y == -1.0));
        assert_eq!(CarExample::labelled(3.0, 1.0).y, 1.0);
        assert_eq!(CarExample::labelled(1.0, 0.5).y, -1.0);
        assert_eq!(CarExample::labelled(0.0, 1.0).y, 1.0);
    }

    #[test]
    fn plane_is_row_major_over_x2() {
        let net = CarNet::new(CarNetConfig::default());
        let plane = net.plane(0.0, 4.0, 5);
        assert_eq!(plane.len(), 25);
        // col 3, row 1: x1 = 3, x2 = 1 → h1 fires.
        assert_eq!(plane[5 + 3], net.predict(3.0, 1.0));
        assert!(plane[5 + 3].h1 > 0.99 && plane[5 + 3].h2 < 0.01);
    }
}
