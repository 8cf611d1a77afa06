//! The long-dependency race (lecture §7): the plain RNN, the LSTM and the GRU learn
//! remember-first ([`Task::remember_first`]) over the same distance, from the same seed,
//! one update each in turn. A cell *wins a lane* when it reaches the target
//! ([`Trainer::target_met`]: over the last [`TARGET_WINDOW`](super::TARGET_WINDOW)
//! batches, at least 95 % right) within [`RaceConfig::max_updates`]; every lane then
//! answers [`EVALUATION_SIZE`] fresh sequences. Guessing is right one time in
//! [`chance`](Race::chance) (¼ with 4 symbols).
//!
//! The gated cells start out remembering ([`Task::model_config`]), train with Adam and
//! gradient-norm clipping ([`Task::train_config`]); the plain RNN gets the same treatment
//! and the same number of updates, and its gradient still vanishes over the distance.
//!
//! ```
//! use nnp_core::recurrent::{Race, RaceConfig, Variant};
//!
//! let mut race = Race::new(RaceConfig { distance: 5, max_updates: 3, ..RaceConfig::default() });
//! while race.step() {}
//! assert!(race.finished());
//! assert_eq!(race.lanes()[0].variant, Variant::Rnn);
//! assert!(race.lanes().iter().all(|lane| lane.updates() <= 3));
//! ```

use serde::{Deserialize, Serialize};

use super::Variant;
use super::model::Model;
use super::tasks::Task;
use super::train::{Evaluation, Trainer};

/// The cells raced, in the lecture's order.
pub const RACE_VARIANTS: [Variant; 3] = [Variant::Rnn, Variant::Lstm, Variant::Gru];
/// Fresh sequences each finished lane answers.
pub const EVALUATION_SIZE: usize = 200;
/// How far above chance a lane may end and still count as guessing ([`Lane::near_chance`]).
pub const NEAR_CHANCE: f32 = 0.15;
/// The seed of those fresh sequences (never a training seed: they are drawn apart).
const EVALUATION_SEED: u64 = 0x005e_ed0f_7e57;

/// What a race is run with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RaceConfig {
    /// How many steps the first symbol must be remembered over (60).
    pub distance: usize,
    /// Units per cell (8).
    pub hidden_size: usize,
    /// Adam's step size (0.01).
    pub learning_rate: f64,
    /// The most updates a lane gets (500).
    pub max_updates: usize,
    /// The seed of every cell's weights and training sequences (1).
    pub seed: u64,
}

impl Default for RaceConfig {
    fn default() -> Self {
        Self {
            distance: 60,
            hidden_size: 8,
            learning_rate: 0.01,
            max_updates: 500,
            seed: 1,
        }
    }
}

/// One cell in the race.
#[derive(Debug, Clone)]
pub struct Lane {
    /// Which cell.
    pub variant: Variant,
    /// Its training.
    pub trainer: Trainer,
    /// Updates it took to reach the target, if it did.
    pub reached: Option<usize>,
    /// Its score on fresh sequences, once the lane is over.
    pub result: Option<Evaluation>,
}

impl Lane {
    /// Updates made so far.
    pub fn updates(&self) -> usize {
        self.trainer.updates()
    }

    /// Whether the lane is over (target reached or updates used up).
    pub fn finished(&self) -> bool {
        self.result.is_some()
    }

    /// Whether the lane ended no better than guessing: at most [`NEAR_CHANCE`] above
    /// `chance` on fresh sequences (one symbol of 4 told apart from the rest would be ½).
    pub fn near_chance(&self, chance: f32) -> bool {
        self.result
            .and_then(|e| e.accuracy)
            .is_some_and(|a| a <= chance + NEAR_CHANCE)
    }

    /// The fraction right: on fresh sequences once finished, else over the last batches.
    pub fn accuracy(&self) -> f32 {
        self.result
            .and_then(|e| e.accuracy)
            .or_else(|| self.trainer.recent().last().and_then(|s| s.accuracy))
            .unwrap_or(0.0)
    }
}

/// RNN, LSTM and GRU learning the same task side by side, one update at a time.
#[derive(Debug, Clone)]
pub struct Race {
    /// How it is run.
    pub config: RaceConfig,
    lanes: Vec<Lane>,
    next: usize,
}

impl Race {
    /// A race of [`RACE_VARIANTS`] under `config`.
    pub fn new(config: RaceConfig) -> Self {
        Self::of(config, &RACE_VARIANTS)
    }

    /// A race of `variants` under `config`.
    pub fn of(config: RaceConfig, variants: &[Variant]) -> Self {
        let task = Task::remember_first(config.distance);
        let lanes = variants
            .iter()
            .map(|&variant| {
                let model = Model::new(task.model_config(variant, config.hidden_size, config.seed));
                let training = task.train_config(config.seed, config.learning_rate);
                Lane {
                    variant,
                    trainer: Trainer::new(model, task.clone(), training),
                    reached: None,
                    result: None,
                }
            })
            .collect();
        Self {
            config,
            lanes,
            next: 0,
        }
    }

    /// The lanes, in the order given.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// The fraction a guess gets right.
    #[allow(clippy::cast_precision_loss)]
    pub fn chance(&self) -> f32 {
        self.lanes
            .first()
            .map_or(1.0, |l| 1.0 / l.trainer.task.output_size() as f32)
    }

    /// Whether every lane is over.
    pub fn finished(&self) -> bool {
        self.lanes.iter().all(Lane::finished)
    }

    /// The lane that reached the target in the fewest updates (the first in lane order
    /// on a tie), once no unfinished lane could still beat it.
    pub fn winner(&self) -> Option<&Lane> {
        let best = self
            .lanes
            .iter()
            .filter_map(|l| l.reached.map(|u| (u, l)))
            .min_by_key(|(u, _)| *u)?;
        let settled = self
            .lanes
            .iter()
            .all(|l| l.finished() || l.updates() >= best.0);
        settled.then_some(best.1)
    }

    /// Done fraction, 0–1 (a lane that reached the target early counts as done).
    #[allow(clippy::cast_precision_loss)]
    pub fn progress(&self) -> f64 {
        let total = (self.lanes.len() * self.config.max_updates).max(1);
        let done: usize = self
            .lanes
            .iter()
            .map(|l| {
                if l.finished() {
                    self.config.max_updates
                } else {
                    l.updates()
                }
            })
            .sum();
        done as f64 / total as f64
    }

    /// One update of the next unfinished lane (in turn); returns whether any lane is
    /// still running.
    pub fn step(&mut self) -> bool {
        let count = self.lanes.len();
        let Some(k) = (0..count)
            .map(|j| (self.next + j) % count.max(1))
            .find(|&k| !self.lanes[k].finished())
        else {
            return false;
        };
        self.next = (k + 1) % count;
        let max_updates = self.config.max_updates;
        let lane = &mut self.lanes[k];
        // An update that made a weight NaN or ∞ is undone and ends the lane.
        let diverged = lane.updates() < max_updates && lane.trainer.step_unless_diverged().is_err();
        if lane.trainer.target_met() {
            lane.reached = Some(lane.updates());
        }
        if diverged || lane.reached.is_some() || lane.updates() >= max_updates {
            lane.result = Some(lane.trainer.evaluate(EVALUATION_SIZE, EVALUATION_SEED));
        }
        !self.finished()
    }

    /// Runs every lane to its end.
    pub fn run(mut self) -> Self {
        while self.step() {}
        self
    }
}
