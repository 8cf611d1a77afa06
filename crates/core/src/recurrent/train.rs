//! Training by backpropagation through time with Adam and gradient-norm clipping:
//!
//! ```text
//! g ← g · min(1, max_norm / ‖g‖)
//! m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
//! θ ← θ − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
//! ```

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::checkpoint::Checkpoint;
use super::model::Model;
use super::real::{Real, norm};
use super::tasks::Task;
use crate::curve::Curve;
use crate::rng::Rng;

/// Adam's settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AdamConfig {
    /// The step size η (0.01).
    pub learning_rate: f64,
    /// β₁ (0.9).
    pub beta1: f64,
    /// β₂ (0.999).
    pub beta2: f64,
    /// ε (1e-8).
    pub epsilon: f64,
}

impl Default for AdamConfig {
    fn default() -> Self {
        Self {
            learning_rate: 0.01,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        }
    }
}

/// The Adam optimiser: running averages of the gradient and its square.
#[derive(Debug, Clone, PartialEq)]
pub struct Adam<F> {
    /// The settings.
    pub config: AdamConfig,
    m: Vec<F>,
    v: Vec<F>,
    t: i32,
}

impl<F: Real> Adam<F> {
    /// A fresh optimiser for `parameter_count` parameters.
    pub fn new(config: AdamConfig, parameter_count: usize) -> Self {
        Self {
            config,
            m: vec![F::ZERO; parameter_count],
            v: vec![F::ZERO; parameter_count],
            t: 0,
        }
    }

    /// Becomes a copy of `other` (same number of parameters) without allocating.
    pub(crate) fn copy_from(&mut self, other: &Self) {
        self.config = other.config;
        self.m.copy_from_slice(&other.m);
        self.v.copy_from_slice(&other.v);
        self.t = other.t;
    }

    /// One update of `model` with `gradients` (in the order of [`Model::parameters`]).
    pub fn step(&mut self, model: &mut Model<F>, gradients: &[F]) {
        assert_eq!(gradients.len(), self.m.len(), "one gradient per parameter");
        self.t = self.t.saturating_add(1);
        let c = self.config;
        let (b1, b2) = (F::from_f64(c.beta1), F::from_f64(c.beta2));
        let step = F::from_f64(c.learning_rate);
        let (fix1, fix2) = (
            F::from_f64(1.0 - c.beta1.powi(self.t)),
            F::from_f64(1.0 - c.beta2.powi(self.t)),
        );
        let eps = F::from_f64(c.epsilon);
        let (m, v) = (&mut self.m, &mut self.v);
        model.for_each_parameter_mut(|k, theta| {
            let g = gradients[k];
            m[k] = b1 * m[k] + (F::ONE - b1) * g;
            v[k] = b2 * v[k] + (F::ONE - b2) * g * g;
            *theta -= step * (m[k] / fix1) / ((v[k] / fix2).sqrt() + eps);
        });
    }
}

/// Scales `gradients` down so that `‖gradients‖ ≤ max_norm`; returns the norm before.
pub fn clip_gradient_norm<F: Real>(gradients: &mut [F], max_norm: F) -> F {
    let total = norm(gradients);
    if total > max_norm {
        let scale = max_norm / total;
        for g in gradients.iter_mut() {
            *g *= scale;
        }
    }
    total
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Adam's settings.
    pub adam: AdamConfig,
    /// Clip the batch gradient to this norm (`Some(1.0)`); `None` leaves it alone.
    pub clip_norm: Option<f64>,
    /// Sequences per update (16).
    pub batch_size: usize,
    /// The seed of the training sequences.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            adam: AdamConfig::default(),
            clip_norm: Some(1.0),
            batch_size: 16,
            seed: 1,
        }
    }
}

/// What one update did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainStep {
    /// How many updates have been made, this one included.
    pub step: usize,
    /// The mean loss of the batch before the update.
    pub loss: f32,
    /// `‖∂loss/∂θ‖` of the batch before clipping.
    pub gradient_norm: f32,
    /// The fraction of right symbols in the batch (symbol tasks only).
    pub accuracy: Option<f32>,
}

/// The score of a model on fresh sequences.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The mean loss.
    pub loss: f32,
    /// The fraction of right symbols (symbol tasks only).
    pub accuracy: Option<f32>,
}

/// Updates whose mean decides whether a task is learnt ([`Trainer::target_met`]); also
/// how many recent updates a trainer keeps.
pub const TARGET_WINDOW: usize = 10;

/// An update that made the loss or a weight NaN or ∞ and was undone
/// ([`Trainer::step_unless_diverged`]); it holds what the update reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Diverged(pub TrainStep);

/// A model learning a task, one batch at a time. Its memory stays bounded however long
/// it trains: a step count, the last [`TARGET_WINDOW`] updates and a thinned loss
/// [`Curve`].
///
/// ```
/// use nnp_core::recurrent::{Model, Task, TrainConfig, Trainer, Variant};
///
/// let task = Task::remember_first(5);
/// let model = Model::new(task.model_config(Variant::Lstm, 4, 1));
/// let mut trainer = Trainer::new(model, task, TrainConfig::default());
/// let first = trainer.step();
/// assert_eq!((first.step, trainer.updates()), (1, 1));
/// assert!(!trainer.target_met(), "one update is not a learnt task");
/// ```
#[derive(Debug, Clone)]
pub struct Trainer {
    /// The model being trained.
    pub model: Model<f32>,
    /// The task it learns.
    pub task: Task,
    /// How it learns.
    pub config: TrainConfig,
    updates: usize,
    recent: VecDeque<TrainStep>,
    loss_curve: Curve,
    adam: Adam<f32>,
    /// The state before the last update, to undo a diverged one.
    checkpoint: Checkpoint<f32>,
    rng: Rng,
}

#[allow(clippy::cast_precision_loss)]
fn fraction(right: usize, asked: usize) -> Option<f32> {
    (asked > 0).then(|| right as f32 / asked as f32)
}

impl Trainer {
    /// A trainer for `model` on `task`.
    pub fn new(model: Model<f32>, task: Task, config: TrainConfig) -> Self {
        assert!(config.batch_size > 0, "a batch needs at least one sequence");
        assert_eq!(
            model.config.input_size,
            task.input_size(),
            "the model's inputs do not fit the task"
        );
        assert_eq!(
            model.config.output_size,
            task.output_size(),
            "the model's outputs do not fit the task"
        );
        let adam = Adam::new(config.adam, model.parameter_count());
        let rng = Rng::seeded(config.seed);
        let checkpoint = Checkpoint::new(&model, &adam);
        Self {
            model,
            task,
            config,
            updates: 0,
            recent: VecDeque::with_capacity(TARGET_WINDOW + 1),
            loss_curve: Curve::default(),
            adam,
            checkpoint,
            rng,
        }
    }

    /// One Adam update on a fresh batch, recorded whatever it did to the weights.
    pub fn step(&mut self) -> TrainStep {
        let record = self.update();
        self.record(record);
        record
    }

    /// One Adam update on a fresh batch, undone (weights and optimiser state back as they
    /// were, nothing recorded) if it made the loss or a weight NaN or ∞. The batch stays
    /// drawn, so the next update sees a fresh one.
    pub fn step_unless_diverged(&mut self) -> Result<TrainStep, Diverged> {
        self.checkpoint.save(&self.model, &self.adam);
        let record = self.update();
        let finite = record.loss.is_finite()
            && self
                .model
                .cell
                .params()
                .values
                .iter()
                .all(|v| v.is_finite())
            && self.model.readout.values.iter().all(|v| v.is_finite());
        if finite {
            self.record(record);
            Ok(record)
        } else {
            self.checkpoint.restore(&mut self.model, &mut self.adam);
            Err(Diverged(record))
        }
    }

    /// Counts an update and keeps what it reported (the last [`TARGET_WINDOW`] records
    /// and the loss curve).
    pub(crate) fn record(&mut self, record: TrainStep) {
        self.updates += 1;
        self.recent.push_back(record);
        if self.recent.len() > TARGET_WINDOW {
            self.recent.pop_front();
        }
        self.loss_curve.push(f64::from(record.loss));
    }

    /// How many updates have been made (and recorded).
    pub fn updates(&self) -> usize {
        self.updates
    }

    /// The last recorded update.
    pub fn last(&self) -> Option<TrainStep> {
        self.recent.back().copied()
    }

    /// The last [`TARGET_WINDOW`] recorded updates (fewer at the start), oldest first.
    pub fn recent(&self) -> impl Iterator<Item = &TrainStep> {
        self.recent.iter()
    }

    /// The batch loss of every update so far, thinned to a few hundred points.
    pub fn loss_curve(&self) -> &Curve {
        &self.loss_curve
    }

    /// The mean batch accuracy of the last [`TARGET_WINDOW`] updates (an update without an
    /// accuracy counts 0); `None` before there are that many.
    pub fn recent_accuracy(&self) -> Option<f32> {
        self.recent_mean(|s| s.accuracy.unwrap_or(0.0))
    }

    #[allow(clippy::cast_precision_loss)]
    fn recent_mean(&self, f: fn(&TrainStep) -> f32) -> Option<f32> {
        (self.recent.len() == TARGET_WINDOW)
            .then(|| self.recent.iter().map(f).sum::<f32>() / TARGET_WINDOW as f32)
    }

    /// One Adam update on a fresh batch, not yet recorded.
    fn update(&mut self) -> TrainStep {
        let mut gradients = vec![0.0_f32; self.model.parameter_count()];
        let (mut loss, mut right, mut asked) = (0.0, 0, 0);
        for _ in 0..self.config.batch_size {
            let sequence = self.task.sample(&mut self.rng);
            let result = self.model.backprop(&sequence);
            loss += result.loss;
            for (g, d) in gradients.iter_mut().zip(&result.gradients) {
                *g += *d;
            }
            let (r, a) = self.model.count_right(&sequence, &result.trace);
            right += r;
            asked += a;
        }
        #[allow(clippy::cast_precision_loss)]
        let scale = 1.0 / self.config.batch_size as f32;
        for g in &mut gradients {
            *g *= scale;
        }
        #[allow(clippy::cast_possible_truncation)]
        let gradient_norm = match self.config.clip_norm {
            Some(max) => clip_gradient_norm(&mut gradients, max as f32),
            None => norm(&gradients),
        };
        self.adam.step(&mut self.model, &gradients);
        TrainStep {
            step: self.updates + 1,
            loss: loss * scale,
            gradient_norm,
            accuracy: fraction(right, asked),
        }
    }

    /// Whether the task is learnt: over the last [`TARGET_WINDOW`] updates, a mean accuracy
    /// of at least 95 % (symbol tasks) or a mean loss under 0.02 (the noisy sine, whose
    /// noise alone costs about 0.005). A typed text has no target: there is always more to
    /// learn about it.
    pub fn target_met(&self) -> bool {
        match self.task {
            Task::RememberFirst { .. } | Task::BracketDepth { .. } => {
                self.recent_accuracy().is_some_and(|a| a >= 0.95)
            }
            Task::NoisySine { .. } => self.recent_mean(|s| s.loss).is_some_and(|l| l < 0.02),
            Task::Text { .. } => false,
        }
    }

    /// Loss and accuracy on `count` fresh sequences drawn with `seed`.
    pub fn evaluate(&self, count: usize, seed: u64) -> Evaluation {
        let mut rng = Rng::seeded(seed);
        let (mut loss, mut right, mut asked) = (0.0, 0, 0);
        for _ in 0..count {
            let sequence = self.task.sample(&mut rng);
            let trace = self.model.forward(&sequence.inputs);
            loss += self.model.loss(&sequence);
            let (r, a) = self.model.count_right(&sequence, &trace);
            right += r;
            asked += a;
        }
        #[allow(clippy::cast_precision_loss)]
        let loss = loss / count.max(1) as f32;
        Evaluation {
            loss,
            accuracy: fraction(right, asked),
        }
    }
}
