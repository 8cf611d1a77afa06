//! An epoch that can be paused between steps and resumed later: the app trains a few
//! steps per animation frame, so one epoch of thousands of single-point steps never holds
//! a frame for seconds. The same steps in the same order as [`Mlp::train_epoch`].

use super::batch::Workspace;
use super::{Diverged, Mlp, Samples, TrainConfig};
use crate::rng::Rng;

/// An epoch under way: the shuffled order of the points and how far it has got.
#[derive(Debug)]
pub struct EpochRun {
    order: Vec<usize>,
    batch_size: usize,
    next_step: usize,
    total: f64,
    work: Workspace,
}

/// What [`EpochRun::advance`] reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// Steps remain; call again.
    Partway {
        /// Steps done so far.
        done: usize,
        /// Steps in the whole epoch.
        of: usize,
    },
    /// The epoch is over: the mean objective of its steps.
    Finished(f64),
}

impl EpochRun {
    /// Starts an epoch over `samples` (shuffled by `rng`, in batches of `train.batch_size`).
    pub fn new(samples: &Samples, train: &TrainConfig, rng: &mut Rng) -> Self {
        let mut order: Vec<usize> = (0..samples.len()).collect();
        rng.shuffle(&mut order);
        EpochRun {
            order,
            batch_size: train.batch_size.max(1),
            next_step: 0,
            total: 0.0,
            work: Workspace::default(),
        }
    }

    /// How many steps are done.
    pub fn steps_done(&self) -> usize {
        self.next_step
    }

    /// How many steps the whole epoch has.
    pub fn steps(&self) -> usize {
        self.order.len().div_ceil(self.batch_size)
    }

    /// Takes steps of the epoch on `net` until it is over or `out_of_time()` says stop
    /// (asked after every step, so at least one step is taken). A step that diverges ends
    /// the run with the weights that step produced (restore a snapshot taken before).
    /// `samples` and `train` must be those the run was started with.
    pub fn advance(
        &mut self,
        net: &mut Mlp,
        samples: &Samples,
        train: &TrainConfig,
        mut out_of_time: impl FnMut() -> bool,
    ) -> Result<Progress, Diverged> {
        let steps = self.steps();
        while self.next_step < steps {
            let start = self.next_step * self.batch_size;
            let end = (start + self.batch_size).min(self.order.len());
            let step = self.next_step;
            self.total += net
                .step_with(samples, &self.order[start..end], train, &mut self.work)
                .map_err(|d| Diverged { step, ..d })?;
            self.next_step += 1;
            if self.next_step < steps && out_of_time() {
                return Ok(Progress::Partway {
                    done: self.next_step,
                    of: steps,
                });
            }
        }
        Ok(Progress::Finished(if steps == 0 {
            0.0
        } else {
            self.total / steps as f64
        }))
    }
}

impl Mlp {
    /// One epoch: every training point once, in an order shuffled by `rng`, in batches of
    /// `train.batch_size`. Returns the mean objective of the steps, or stops at the first
    /// step that diverges (the weights are then those that step produced: call
    /// [`restore`](Self::restore) with a snapshot taken before). To spread an epoch over
    /// several frames, use an [`EpochRun`].
    pub fn train_epoch(
        &mut self,
        samples: &Samples,
        train: &TrainConfig,
        rng: &mut Rng,
    ) -> Result<f64, Diverged> {
        let mut run = EpochRun::new(samples, train, rng);
        loop {
            // Never out of time: the first call finishes the epoch.
            if let Progress::Finished(mean) = run.advance(self, samples, train, || false)? {
                return Ok(mean);
            }
        }
    }
}
