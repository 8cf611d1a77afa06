//! The histories as chart curves: long ones averaged in buckets so a chart draws at most a
//! few hundred points however long training runs.

use nnp_core::deep::Evaluation;

use super::model::Model;

/// Longest curve handed to a chart; longer histories are averaged in buckets.
const CHART_POINTS: usize = 200;

/// The average of `values` in at most [`CHART_POINTS`] buckets, as `(step, value)` with
/// steps counted from 1; non-finite values are left out.
pub fn thin(values: &[f64]) -> Vec<(f64, f64)> {
    let bucket = values.len().div_ceil(CHART_POINTS).max(1);
    values
        .chunks(bucket)
        .enumerate()
        .filter_map(|(k, chunk)| {
            let finite: Vec<f64> = chunk.iter().copied().filter(|v| v.is_finite()).collect();
            (!finite.is_empty()).then(|| {
                let mean = finite.iter().sum::<f64>() / finite.len() as f64;
                ((k * bucket + chunk.len()) as f64, mean)
            })
        })
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

    /// Held-out accuracy in percent over supervised steps: pretrained, random init.
    pub fn accuracy_curves(&self) -> [Vec<(f64, f64)>; 2] {
        let evals = self.evaluations();
        let curve = |f: fn(&Evaluation) -> f64| {
            let every = evals.len().div_ceil(CHART_POINTS).max(1);
            let mut points: Vec<(f64, f64)> = evals
                .iter()
                .step_by(every)
                .map(|e| (e.step as f64, 100.0 * f(e)))
                .collect();
            if let Some(last) = evals
                .last()
                .filter(|_| !(evals.len() - 1).is_multiple_of(every))
            {
                points.push((last.step as f64, 100.0 * f(last)));
            }
            points
        };
        [
            curve(|e| e.pretrained_accuracy),
            curve(|e| e.baseline_accuracy),
        ]
    }
}
