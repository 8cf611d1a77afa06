//! Training over animation frames. An epoch is split into slices of steps, so no frame
//! holds the page for long whatever the network and the number of points (an epoch of
//! 5,000 single-point steps through eight layers of 32 units takes about a second): the
//! frame's budget decides how many steps it takes, and Pause acts at the next frame.

use nnp_core::mlp::{EpochRun, Metrics, Progress, Snapshot};

use super::{Model, Notice};

/// An epoch started but not finished, and the weights from before it (restored if it
/// diverges).
#[derive(Debug)]
pub struct EpochUnderWay {
    run: EpochRun,
    good: Snapshot,
}

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
    pub fn frame(&mut self, mut out_of_time: impl FnMut() -> bool) -> bool {
        if let Some(target) = self.replay_to {
            let mut going = true;
            while self.epoch < target {
                if self.train_slice(&mut out_of_time, false) == Slice::Stopped {
                    going = false;
                    break;
                }
                if out_of_time() {
                    break;
                }
            }
            self.grid.evaluate(&self.mlp);
            if !going || self.epoch >= target {
                self.replay_to = None;
                self.playing = false;
                return false;
            }
            return true;
        }
        if !(self.playing || self.stepping) {
            return false;
        }
        let slice = self.train_slice(&mut out_of_time, true);
        if slice == Slice::Partway {
            // The picture moves within a long epoch too.
            self.grid.evaluate(&self.mlp);
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
            });
        let progress = under_way.run.advance(
            &mut self.mlp,
            &self.train_samples,
            &self.train_config,
            &mut *out_of_time,
        );
        match progress {
            Ok(Progress::Partway { .. }) => {
                self.epoch_under_way = Some(under_way);
                Slice::Partway
            }
            Ok(Progress::Finished(_)) => self.finish_epoch(&under_way.good, with_grid),
            Err(_) => self.diverged(&under_way.good),
        }
    }

    fn finish_epoch(&mut self, good: &Snapshot, with_grid: bool) -> Slice {
        self.train_metrics = self.mlp.metrics(&self.train_samples);
        self.test_metrics = self.mlp.metrics(&self.test_samples);
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
