//! The settings of a network and of its training: the shape (`a_l = act_l(W_l a_{l−1} + b_l)`
//! layer by layer, one output unit whose value is the score `s`), the loss, the step size,
//! the batch size and the weight penalty (L2 `λ·½‖W‖²` or L1 `λ·‖W‖₁`), and the error a
//! step reports when training diverges.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::loss::Loss;

/// One hidden layer: how many units and their activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerConfig {
    /// Number of units.
    pub units: usize,
    /// The units' activation.
    pub activation: Activation,
}

/// The shape of a network and how to start it.
///
/// ```
/// use nnp_core::dataset::{Dataset, DatasetConfig, DatasetKind};
/// use nnp_core::features::FeatureSet;
/// use nnp_core::mlp::{Mlp, MlpConfig, Samples, TrainConfig};
/// use nnp_core::rng::Rng;
///
/// let config = MlpConfig::default(); // TensorFlow Playground's 2 → 4 → 2 → 1 tanh net
/// let mut net = Mlp::new(&config);
/// assert_eq!(net.shape(), [2, 4, 2, 1]);
/// let data = Dataset::generate(&DatasetConfig {
///     kind: DatasetKind::Gaussians,
///     samples: 100,
///     ..Default::default()
/// });
/// let phi = FeatureSet::raw();
/// let (train, test) = (Samples::new(&phi, &data.train), Samples::new(&phi, &data.test));
/// let mut rng = Rng::seeded(1);
/// for _ in 0..10 {
///     net.train_epoch(&train, &TrainConfig::default(), &mut rng).unwrap();
/// }
/// assert!(net.metrics(&test).accuracy > 0.9);
/// ```
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

    pub(super) fn value(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => w.abs(),
            Regularization::L2 => 0.5 * w * w,
        }
    }

    pub(super) fn derivative(self, w: f64) -> f64 {
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
