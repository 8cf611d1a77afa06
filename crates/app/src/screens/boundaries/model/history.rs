//! The loss curves of a training run, thinned as they grow.

use super::HISTORY_CAP;

/// The loss curves, thinned to at most about [`HISTORY_CAP`] points each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// `(epoch, mean training loss)`.
    pub train: Vec<(f64, f64)>,
    /// `(epoch, mean test loss)`.
    pub test: Vec<(f64, f64)>,
    stride: usize,
}

impl History {
    pub(super) fn push(&mut self, epoch: usize, train: f64, test: f64) {
        self.stride = self.stride.max(1);
        if !epoch.is_multiple_of(self.stride) {
            return;
        }
        self.train.push((epoch as f64, train));
        self.test.push((epoch as f64, test));
        if self.train.len() >= 2 * HISTORY_CAP {
            self.stride *= 2;
            for series in [&mut self.train, &mut self.test] {
                let kept: Vec<_> = series.iter().copied().step_by(2).collect();
                *series = kept;
            }
        }
    }

    /// The largest loss recorded (for the chart's axis), at least `floor`.
    pub fn max_loss(&self, floor: f64) -> f64 {
        self.train
            .iter()
            .chain(&self.test)
            .map(|p| p.1)
            .filter(|v| v.is_finite())
            .fold(floor, f64::max)
    }
}
