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
    /// Autoencoder steps per layer before the schedule stacks it and moves on
    /// ([`Pretrainer::step_scheduled`](super::Pretrainer::step_scheduled)).
    #[serde(default = "default_pretrain_steps")]
    pub pretrain_steps: usize,
    /// The fine-tuning budget: supervised steps of each net, the same for both; fine-tuning
    /// stops there and the two accuracies are compared at that step.
    #[serde(default = "default_fine_tune_steps")]
    pub fine_tune_steps: usize,
    /// Seed of the split, the initial weights and the mini-batch order.
    pub seed: u64,
}

/// Most fine-tuning steps any experiment takes (the budget of [`PretrainConfig::earlier_default`]).
pub const MAX_FINE_TUNE_STEPS: usize = 100_000;

impl Default for PretrainConfig {
    /// The regime where layer-wise pretraining matters (Hinton & Salakhutdinov 2006,
    /// Bengio et al. 2007, Erhan et al. 2010): a deep stack of logistic units,
    /// 64 → 32 → 32 → 32 → 32 → 10, and few labels — 3 per class, 30 in all — while the
    /// autoencoders see every training image without its label (1,000 steps per layer).
    /// Both nets then get the same 300 fine-tuning steps on the same mini-batches with the
    /// same rate and momentum, and are compared at that budget.
    ///
    /// From random weights, the top layers of such a stack start nearly constant over the
    /// inputs (each logistic layer squeezes its inputs' differences) and the gradient
    /// reaching the lower layers is tiny; 30 labels are too few to pull it out of that
    /// plateau in 300 steps. Pretrained layers already separate the digits, so the labels
    /// only have to name the clusters. (`docs/pretraining.md`: the table over depth and
    /// labels; `cargo run --release -p nnp-core --example pretraining_table`.)
    fn default() -> Self {
        Self {
            hidden: vec![32, 32, 32, 32],
            activation: Activation::Logistic,
            reconstruction: Reconstruction::CrossEntropy,
            tied: false,
            pretrain_rate: 0.05,
            fine_tune_rate: 0.1,
            momentum: 0.9,
            batch_size: 32,
            labels_per_class: 3,
            test_size: 500,
            fine_tune: FineTune::WholeNet,
            eval_every: 10,
            pretrain_steps: default_pretrain_steps(),
            fine_tune_steps: default_fine_tune_steps(),
            seed: 1,
        }
    }
}

impl PretrainConfig {
    /// The screen's default before it had a fine-tuning budget: 64 → 32 → 16 → 10 with 10
    /// labels per class, 1,500 pretraining steps per layer and fine-tuning without an end
    /// (up to [`MAX_FINE_TUNE_STEPS`]). Links written then replay with it.
    pub fn earlier_default() -> Self {
        Self {
            hidden: vec![32, 16],
            labels_per_class: 10,
            pretrain_steps: 1500,
            fine_tune_steps: MAX_FINE_TUNE_STEPS,
            ..Self::default()
        }
    }
}

fn default_pretrain_steps() -> usize {
    1000
}

fn default_fine_tune_steps() -> usize {
    300
}
