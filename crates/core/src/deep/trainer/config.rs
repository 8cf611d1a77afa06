//! The settings of a pretraining experiment: the architecture (hidden layer widths and
//! activation), the autoencoders' reconstruction loss and weight tying, the learning rates
//! and momentum of pretraining and fine-tuning, the labelled examples per class and the
//! held-out split, and the seed.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::deep::autoencoder::Reconstruction;
use crate::deep::stack::FineTune;

/// The architecture and training settings of a pretraining experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PretrainConfig {
    /// Hidden layer widths, first to deepest.
    pub hidden: Vec<usize>,
    /// Activation of the hidden units.
    pub activation: Activation,
    /// Reconstruction loss; cross-entropy is used only where a layer's inputs lie in
    /// `[0, 1]` (the pixels, and logistic codes), the squared error elsewhere.
    pub reconstruction: Reconstruction,
    /// Whether each autoencoder's decoder uses the transposed encoder weights.
    pub tied: bool,
    /// Learning rate of the autoencoders.
    pub pretrain_rate: f64,
    /// Learning rate of supervised training (both nets).
    pub fine_tune_rate: f64,
    /// Momentum `μ` of every update.
    pub momentum: f64,
    /// Examples per mini-batch.
    pub batch_size: usize,
    /// Labelled examples per class used for fine-tuning.
    pub labels_per_class: usize,
    /// Held-out examples for accuracy and pictures (at most half of the data).
    pub test_size: usize,
    /// Which layers supervised training changes.
    pub fine_tune: FineTune,
    /// Supervised steps between two held-out accuracy measurements.
    pub eval_every: usize,
    /// Seed of the split, the initial weights and the mini-batch order.
    pub seed: u64,
}

impl Default for PretrainConfig {
    /// The digit net 64 → 32 → 16 → 10 with logistic units, 10 labels per class.
    fn default() -> Self {
        Self {
            hidden: vec![32, 16],
            activation: Activation::Logistic,
            reconstruction: Reconstruction::CrossEntropy,
            tied: false,
            pretrain_rate: 0.05,
            fine_tune_rate: 0.1,
            momentum: 0.9,
            batch_size: 32,
            labels_per_class: 10,
            test_size: 500,
            fine_tune: FineTune::WholeNet,
            eval_every: 10,
            seed: 1,
        }
    }
}
