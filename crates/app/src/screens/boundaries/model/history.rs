//! The loss and accuracy curves of a training run, thinned as they grow.

use nnp_core::mlp::Metrics;

use super::HISTORY_CAP;

/// The loss and accuracy curves, thinned to at most about [`HISTORY_CAP`] points each. A
/// set without points (no test points) has NaN, which the chart leaves out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// `(epoch, mean training loss)`.
    pub train: Vec<(f64, f64)>,
    /// `(epoch, mean test loss)`.
    pub test: Vec<(f64, f64)>,
    /// `(epoch, training accuracy in %)`.
    pub train_accuracy: Vec<(f64, f64)>,
    /// `(epoch, test accuracy in %)`.
    pub test_accuracy: Vec<(f64, f64)>,
    stride: usize,
}

impl History {
    /// Records an epoch's metrics; `None` for a set without points.
    pub(super) fn push(&mut self, epoch: usize, train: Option<Metrics>, test: Option<Metrics>) {
        self.stride = self.stride.max(1);
        if !epoch.is_multiple_of(self.stride) {
            return;
        }
        let x = epoch as f64;
        let loss = |m: Option<Metrics>| m.map_or(f64::NAN, |m| m.loss);
        let percent = |m: Option<Metrics>| m.map_or(f64::NAN, |m| 100.0 * m.accuracy);
        self.train.push((x, loss(train)));
        self.test.push((x, loss(test)));
        self.train_accuracy.push((x, percent(train)));
        self.test_accuracy.push((x, percent(test)));
        if self.train.len() >= 2 * HISTORY_CAP {
            self.stride *= 2;
            for series in [
                &mut self.train,
                &mut self.test,
                &mut self.train_accuracy,
                &mut self.test_accuracy,
            ] {
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
