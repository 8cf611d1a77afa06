//! Training over animation frames. An epoch is split into slices of steps, so no frame
//! holds the page for long whatever the network and the number of points (an epoch of
//! 5,000 single-point steps through eight layers of 32 units takes about a second): the
//! frame's budget decides how many steps it takes, and Pause acts at the next frame.

use nnp_core::mlp::{EpochRun, Metrics, MetricsSum, Progress, Snapshot};

use super::{Model, Notice};

/// An epoch started but not finished, and the weights from before it (restored if it
/// diverges).
#[derive(Debug)]
pub struct EpochUnderWay {
    run: EpochRun,
    good: Snapshot,
    /// Once the epoch's steps are done: the loss and accuracy measured so far (5,000
    /// points through a big network take longer than a frame, so they too go in slices).
    measured: Option<Measuring>,
}

/// The epoch's end-of-epoch measurement, part of the way through.
#[derive(Debug, Default)]
struct Measuring {
    train: MetricsSum,
    test: MetricsSum,
    scratch: Vec<Vec<f64>>,
}

/// Points measured between two looks at the clock.
const MEASURE_CHUNK: usize = 128;

/// How far a slice of training got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slice {
    /// Out of time within an epoch.
    Partway,
    /// An epoch ended (and was counted).
    EpochDone,
    /// Training cannot go on (a notice says why).
    Stopped,
}

impl Model {
    /// Why training cannot run now, if it cannot.
    pub(super) fn blocker(&self) -> Option<Notice> {
        if self
            .mlp
            .layers()
            .iter()
            .any(|l| !l.activation.is_trainable())
        {
            Some(Notice::SignCannotTrain)
        } else if self.train_samples.is_empty() {
            Some(Notice::NoPoints)
        } else {
            None
        }
    }

    /// One animation frame's work, until `out_of_time()`: a shared run's replay (as many
    /// epochs as fit, drawn once), or live training (at most one epoch, so each shows), or
    /// a Step's epoch. Returns whether more frames are wanted.
    pub fn frame(&mut self, out_of_time: impl FnMut() -> bool) -> bool {
        self.frame_with(out_of_time, true)
    }

    /// [`frame`](Self::frame) for a slow device's training frame: live training leaves the
    /// pictures' grid behind the weights (see [`fresh_grid`](Self::fresh_grid)), so that
    /// the next frame can evaluate and draw it alone.
    pub fn frame_without_grid(&mut self, out_of_time: impl FnMut() -> bool) -> bool {
        self.frame_with(out_of_time, false)
    }

    /// Evaluates the pictures' grid if training moved the weights without it.
    pub fn fresh_grid(&mut self) {
        if self.grid_stale {
            self.grid.evaluate(&self.mlp);
            self.grid_stale = false;
        }
    }

    fn frame_with(&mut self, mut out_of_time: impl FnMut() -> bool, grid: bool) -> bool {
        if let Some(target) = self.replay_to {
            let mut going = true;
            let started_at = self.epoch;
            while self.epoch < target {
                if self.train_slice(&mut out_of_time, false) == Slice::Stopped {
                    going = false;
                    break;
                }
                if out_of_time() {
                    break;
                }
            }
            // The picture follows the replay epoch by epoch (a big network's grid takes a
            // good part of a frame: not every frame of a long epoch).
            let finished = !going || self.epoch >= target;
            if finished || self.epoch != started_at {
                self.grid.evaluate(&self.mlp);
            }
            if finished {
                self.replay_to = None;
                self.playing = false;
                return false;
            }
            return true;
        }
        if !(self.playing || self.stepping) {
            return false;
        }
        let slice = self.train_slice(&mut out_of_time, grid);
        if slice == Slice::Partway && grid {
            // The picture moves within a long epoch too.
            self.grid.evaluate(&self.mlp);
        }
        if !grid && slice != Slice::Stopped {
            self.grid_stale = true;
        }
        let going = match slice {
            Slice::Partway => true,
            Slice::EpochDone => !self.stepping,
            Slice::Stopped => false,
        };
        if !going {
            self.playing = false;
            self.stepping = false;
        }
        going
    }

    #[cfg(test)]
    /// Trains one whole epoch now (however long it takes). Returns false (with a notice)
    /// when training must stop: it cannot start, or it diverged — then the last good
    /// weights are back.
    pub fn train_epoch(&mut self) -> bool {
        loop {
            match self.train_slice(&mut || false, true) {
                Slice::Partway => {}
                Slice::EpochDone => return true,
                Slice::Stopped => return false,
            }
        }
    }

    /// How far the epoch under way is, in steps: `(done, of)`; `None` between epochs.
    pub fn epoch_progress(&self) -> Option<(usize, usize)> {
        let under_way = self.epoch_under_way.as_ref()?;
        Some((under_way.run.steps_done(), under_way.run.steps()))
    }

    /// Steps of the current epoch until `out_of_time()` or its end; an epoch that ends is
    /// counted: metrics, history, and the divergence check (`with_grid`: the pictures too,
    /// else a replay draws once per frame).
    fn train_slice(&mut self, out_of_time: &mut dyn FnMut() -> bool, with_grid: bool) -> Slice {
        if let Some(notice) = self.blocker() {
            self.epoch_under_way = None;
            self.notice = Some(notice);
            return Slice::Stopped;
        }
        let mut under_way = self
            .epoch_under_way
            .take()
            .unwrap_or_else(|| EpochUnderWay {
                run: EpochRun::new(&self.train_samples, &self.train_config, &mut self.rng),
                good: self.mlp.snapshot(),
                measured: None,
            });
        if under_way.measured.is_none() {
            let progress = under_way.run.advance(
                &mut self.mlp,
                &self.train_samples,
                &self.train_config,
                &mut *out_of_time,
            );
            match progress {
                Ok(Progress::Partway { .. }) => {
                    self.epoch_under_way = Some(under_way);
                    return Slice::Partway;
                }
                Ok(Progress::Finished(_)) => under_way.measured = Some(Measuring::default()),
                Err(_) => return self.diverged(&under_way.good),
            }
        }
        let Some(measuring) = under_way.measured.as_mut() else {
            return Slice::Stopped;
        };
        // The training points, then the test points, a chunk at a time.
        loop {
            let (samples, sum) = if measuring.train.seen < self.train_samples.len() {
                (&self.train_samples, &mut measuring.train)
            } else if measuring.test.seen < self.test_samples.len() {
                (&self.test_samples, &mut measuring.test)
            } else {
                break;
            };
            let start = sum.seen;
            let range = start..(start + MEASURE_CHUNK).min(samples.len());
            self.mlp
                .add_metrics(samples, range, sum, &mut measuring.scratch);
            if out_of_time() {
                let done = measuring.train.seen == self.train_samples.len()
                    && measuring.test.seen == self.test_samples.len();
                if !done {
                    self.epoch_under_way = Some(under_way);
                    return Slice::Partway;
                }
            }
        }
        let (train, test) = (measuring.train.metrics(), measuring.test.metrics());
        self.finish_epoch(&under_way.good, with_grid, train, test)
    }

    fn finish_epoch(
        &mut self,
        good: &Snapshot,
        with_grid: bool,
        train: Metrics,
        test: Metrics,
    ) -> Slice {
        self.train_metrics = train;
        self.test_metrics = test;
        if with_grid {
            self.grid.evaluate(&self.mlp);
        }
        let finite = |m: &Metrics| m.loss.is_finite();
        // Weights finite in f64 can still overflow the grid's f32 pictures.
        if !(finite(&self.train_metrics)
            && finite(&self.test_metrics)
            && (!with_grid || self.grid.output().iter().all(|v| v.is_finite())))
        {
            return self.diverged(good);
        }
        self.epoch += 1;
        if matches!(
            self.notice,
            Some(Notice::Diverged { .. } | Notice::NoPoints)
        ) {
            self.notice = None;
        }
        let train = (!self.train.points.is_empty()).then_some(self.train_metrics);
        let test = (!self.test.points.is_empty()).then_some(self.test_metrics);
        self.history.push(self.epoch, train, test);
        Slice::EpochDone
    }

    fn diverged(&mut self, good: &Snapshot) -> Slice {
        self.mlp.restore(good);
        self.refresh();
        self.notice = Some(Notice::Diverged {
            epoch: self.epoch + 1,
            learning_rate: self.train_config.learning_rate,
        });
        Slice::Stopped
    }
}
