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
    /// The lecture's hand-built solution: `v1 = s·[−1, 1, −1]`, `v2 = s·[−1, −1, 1]`,
    /// `w = [1, 1]`, plus `w0 = −1/2` for a network built with the output bias; the
    /// sharpness `s` makes σ close to a step.
    pub fn textbook(sharpness: f64) -> Self {
        Self {
            v1: [-sharpness, sharpness, -sharpness],
            v2: [-sharpness, -sharpness, sharpness],
            w: [-0.5, 1.0, 1.0],
        }
    }
}
