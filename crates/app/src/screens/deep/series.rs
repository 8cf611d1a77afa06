//! The histories as chart curves: long ones averaged in buckets so a chart draws at most a
//! few hundred points however long training runs (the thinning is the core's).

use nnp_core::curve::{Curve, sample_records};
use nnp_core::deep::Evaluation;

use super::model::Model;

/// Longest curve handed to a chart; longer histories are averaged in buckets.
const CHART_POINTS: usize = 200;

/// A training curve averaged down to at most [`CHART_POINTS`] points `(step, value)`
/// (the core already keeps long curves to about a thousand bucket means).
pub fn thin(curve: &Curve) -> Vec<(f64, f64)> {
    curve
        .thinned(CHART_POINTS)
        .into_iter()
        .map(|(step, mean)| (step as f64, mean))
        .collect()
}

impl Model {
    /// The mini-batch reconstruction losses of `layer`, thinned for a chart.
    pub fn pretrain_curve(&self, layer: usize) -> Vec<(f64, f64)> {
        self.trainer()
            .map(|t| thin(t.pretrain_losses(layer)))
            .unwrap_or_default()
    }

    /// Fine-tuning cross-entropy of the pretrained and of the random-init net, thinned.
    pub fn fine_tune_curves(&self) -> [Vec<(f64, f64)>; 2] {
        self.trainer().map_or([vec![], vec![]], |t| {
            [thin(t.fine_tune_losses()), thin(t.baseline_losses())]
        })
    }

    /// Accuracy in percent over supervised steps: held-out for the pretrained and the
    /// random-init net, then on the labelled training examples for both.
    pub fn accuracy_curves(&self) -> [Vec<(f64, f64)>; 4] {
        let evals = self.evaluations();
        let kept = sample_records(evals, CHART_POINTS);
        let curve = |f: fn(&Evaluation) -> f64| {
            kept.iter()
                .map(|e| (e.step as f64, 100.0 * f(e)))
                .collect::<Vec<_>>()
        };
        [
            curve(|e| e.pretrained_accuracy),
            curve(|e| e.baseline_accuracy),
            curve(|e| e.pretrained_train_accuracy),
            curve(|e| e.baseline_train_accuracy),
        ]
    }
}
