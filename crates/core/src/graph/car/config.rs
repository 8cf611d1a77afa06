//! How the car network is built and its parameters.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::loss::Loss;

/// How to build the car network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CarNetConfig {
    /// The loss at the top.
    pub loss: Loss,
    /// The hidden units' activation (the lecture's is the logistic σ).
    pub activation: Activation,
    /// Whether the score gets a bias `w0`, `score = w0 + w1 h1 + w2 h2`. Off by default:
    /// the lecture's network has none. On, it adds the parameter node `w0` (fed by the
    /// constant 1) so that, with labels ±1, the score can fall below zero in the danger
    /// band; without it `w1 h1 + w2 h2` cannot, and training on the grid stalls.
    pub output_bias: bool,
}

impl CarNetConfig {
    /// The numbers the score is trained towards, which depend on the loss: the squared
    /// loss uses the lecture's own table, `1` for safe and `0` for not safe; the margin
    /// losses (hinge, logistic) need `+1` and `−1`, because their margin `y·score` reads
    /// the label's sign.
    pub fn targets(&self) -> Targets {
        match self.loss {
            Loss::Squared => Targets {
                safe: 1.0,
                dangerous: 0.0,
            },
            Loss::Hinge | Loss::Logistic => Targets {
                safe: 1.0,
                dangerous: -1.0,
            },
        }
    }
}

/// The values of the label leaf `y` for a safe and a dangerous pair of cars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Targets {
    /// `y` for a safe pair.
    pub safe: f64,
    /// `y` for a dangerous pair (the lecture writes 0).
    pub dangerous: f64,
}

impl Targets {
    /// The score halfway between the two targets: at or above it the output says "safe".
    /// `1/2` for the lecture's 1/0 labels, 0 for ±1.
    pub fn threshold(&self) -> f64 {
        (self.safe + self.dangerous) / 2.0
    }

    /// The target for a label `±1` (`+1` safe).
    pub fn of(&self, label: f64) -> f64 {
        if label > 0.0 {
            self.safe
        } else {
            self.dangerous
        }
    }

    /// The label `±1` the output says at `score` (`+1` safe).
    pub fn label_at(&self, score: f64) -> f64 {
        if score >= self.threshold() { 1.0 } else { -1.0 }
    }
}

impl Default for CarNetConfig {
    fn default() -> Self {
        Self {
            loss: Loss::Squared,
            activation: Activation::Logistic,
            output_bias: false,
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
    /// `[w0, w1, w2]`: bias and output weights (`w0` is ignored, and read back as 0,
    /// without [`CarNetConfig::output_bias`]).
    pub w: [f64; 3],
}

impl CarWeights {
    /// The lecture's hand-built solution, exactly as it writes it: `v1 = [−1, 1, −1]`,
    /// `v2 = [−1, −1, 1]`, `w = [1, 1]`. With the output bias, `w0` puts the threshold
    /// halfway between "no unit fires" (score 0) and "one fires" (score 1) for the ±1
    /// labels of the margin losses (`w0 = −1/2`); for the lecture's 1/0 labels the
    /// threshold 1/2 is already there and `w0 = 0`.
    pub fn textbook(config: &CarNetConfig) -> Self {
        let w0 = if config.output_bias {
            config.targets().dangerous / 2.0
        } else {
            0.0
        };
        Self {
            v1: [-1.0, 1.0, -1.0],
            v2: [-1.0, -1.0, 1.0],
            w: [w0, 1.0, 1.0],
        }
    }
}
