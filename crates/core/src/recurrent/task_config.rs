//! Model and training configurations for the built-in tasks (here, not in `tasks.rs`, so
//! that tasks know nothing of models): how each task's cells start and are trained.

use super::Variant;
use super::model::ModelConfig;
use super::tasks::Task;
use super::train::{AdamConfig, TrainConfig};

impl Task {
    /// A model configuration that fits this task. For [`Task::RememberFirst`] the cells
    /// start out remembering, as the literature does for long time lags: the LSTMs' forget
    /// bias at 5 (σ(5) ≈ 0.993, so `C` keeps half of itself over 100 steps; Gers et al.
    /// 2000, Jozefowicz et al. 2015, and Tallec & Ollivier 2018, who scale it with the
    /// lag), their input-gate bias at −3 (σ(−3) ≈ 0.05: distractors stay out of `C`;
    /// Hochreiter & Schmidhuber 1997) and the GRU's update-gate bias at −3 (`h` is kept).
    /// The plain RNN has no gate to start this way. Everything else is
    /// [`ModelConfig::default`].
    pub fn model_config(&self, variant: Variant, hidden_size: usize, seed: u64) -> ModelConfig {
        let defaults = ModelConfig::default();
        let (forget_bias, input_bias, update_bias) = if matches!(self, Task::RememberFirst { .. }) {
            (
                REMEMBER_FORGET_BIAS,
                REMEMBER_INPUT_BIAS,
                REMEMBER_UPDATE_BIAS,
            )
        } else {
            (
                defaults.forget_bias,
                defaults.input_bias,
                defaults.update_bias,
            )
        };
        ModelConfig {
            forget_bias,
            input_bias,
            update_bias,
            variant,
            input_size: self.input_size(),
            hidden_size,
            output_size: self.output_size(),
            output: self.output(),
            seed,
            ..defaults
        }
    }

    /// How to train a model on this task with Adam's step size `learning_rate`: Adam with
    /// gradient-norm clipping at 1 ([`TrainConfig::default`]), 32 sequences per update for
    /// [`Task::RememberFirst`] (its one target per sequence makes small batches noisy), 16
    /// otherwise.
    pub fn train_config(&self, seed: u64, learning_rate: f64) -> TrainConfig {
        let defaults = TrainConfig::default();
        TrainConfig {
            seed,
            adam: AdamConfig {
                learning_rate,
                ..defaults.adam
            },
            batch_size: if matches!(self, Task::RememberFirst { .. }) {
                32
            } else {
                defaults.batch_size
            },
            ..defaults
        }
    }
}

/// The LSTMs' initial forget bias on [`Task::RememberFirst`].
pub const REMEMBER_FORGET_BIAS: f64 = 5.0;
/// The LSTMs' initial input-gate bias on [`Task::RememberFirst`].
pub const REMEMBER_INPUT_BIAS: f64 = -3.0;
/// The GRU's initial update-gate bias on [`Task::RememberFirst`].
pub const REMEMBER_UPDATE_BIAS: f64 = -3.0;
