//! The long-dependency race: every cell (RNN, LSTM, peephole, coupled, GRU) learns remember-first at several
//! distances (same seed, units and learning rate); the table fills in as each finishes.

use nnp_core::recurrent::{AdamConfig, Model as Net, Task, TrainConfig, Trainer, Variant};

/// The variants raced, in table order.
pub const VARIANTS: [Variant; 5] = Variant::ALL;
/// The distances raced.
pub const DISTANCES: [usize; 5] = [5, 10, 15, 20, 30];
/// Updates per race at most (a race stops early once it is right nearly always).
pub const MAX_UPDATES: usize = 300;
/// Fresh sequences each result is measured on.
const EVALUATION_SIZE: usize = 100;

/// The outcome of one race.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Accuracy on fresh sequences, 0–1.
    pub accuracy: f32,
    /// Updates it took.
    pub updates: usize,
}

/// The races, run a few updates at a time.
#[derive(Debug, Default)]
pub struct Comparison {
    /// `results[variant][distance]`.
    pub results: [[Option<Outcome>; DISTANCES.len()]; VARIANTS.len()],
    pub running: bool,
    next: usize,
    current: Option<Trainer>,
}

impl Comparison {
    fn job_count() -> usize {
        VARIANTS.len() * DISTANCES.len()
    }

    /// (variant, distance) indices of job `k`: distance-major, so columns fill left to right.
    fn job(k: usize) -> (usize, usize) {
        (k % VARIANTS.len(), k / VARIANTS.len())
    }

    /// Starts over with empty results.
    pub fn start(&mut self) {
        *self = Self {
            running: true,
            ..Self::default()
        };
    }

    /// Stops where it is; finished cells stay.
    pub fn stop(&mut self) {
        self.running = false;
        self.current = None;
    }

    /// The cell being raced now, as (variant, distance) indices.
    pub fn active(&self) -> Option<(usize, usize)> {
        (self.running && self.next < Self::job_count()).then(|| Self::job(self.next))
    }

    /// Done fraction, 0–1.
    #[allow(clippy::cast_precision_loss)]
    pub fn progress(&self) -> f64 {
        let partial = self
            .current
            .as_ref()
            .map_or(0.0, |t| t.updates() as f64 / MAX_UPDATES as f64);
        (self.next as f64 + partial) / Self::job_count() as f64
    }

    /// Whether every race has a result.
    pub fn finished(&self) -> bool {
        self.results.iter().flatten().all(Option::is_some)
    }

    /// One update of the current race (starting or finishing races as needed).
    pub fn work(&mut self, seed: u64, hidden: usize, learning_rate: f64) {
        if self.next >= Self::job_count() {
            self.stop();
            return;
        }
        let (v, d) = Self::job(self.next);
        let trainer = self.current.get_or_insert_with(|| {
            let task = Task::remember_first(DISTANCES[d]);
            let net = Net::new(task.model_config(VARIANTS[v], hidden, seed));
            let config = TrainConfig {
                seed,
                adam: AdamConfig {
                    learning_rate,
                    ..AdamConfig::default()
                },
                ..TrainConfig::default()
            };
            Trainer::new(net, task, config)
        });
        trainer.step();
        let done = trainer.updates() >= MAX_UPDATES
            || trainer.recent_accuracy().is_some_and(|mean| mean >= 0.98);
        if done {
            let evaluation = trainer.evaluate(EVALUATION_SIZE, 99);
            self.results[v][d] = Some(Outcome {
                accuracy: evaluation.accuracy.unwrap_or(0.0),
                updates: trainer.updates(),
            });
            self.current = None;
            self.next += 1;
            if self.next >= Self::job_count() {
                self.running = false;
            }
        }
    }
}
