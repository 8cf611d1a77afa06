//! When training counts as diverged: a loss that is not a number, or one that has grown
//! far beyond where its phase started. With too large a rate the logistic units saturate
//! and the loss grows without ever becoming NaN, so "not a number" alone is not enough.

use super::{Phase, Pretrainer, StepReport};

/// A loss more than this many times its phase's first loss (or than this many, when the
/// first loss is below 1) counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 1000.0;

/// Whether `loss` is NaN, infinite, or above [`DIVERGENCE_FACTOR`] `· max(first, 1)`, where
/// `first` is the first loss of the same phase (1 when unknown or not a number).
///
/// ```
/// use nnp_core::deep::loss_diverged;
/// assert!(!loss_diverged(2.0, Some(0.7)));
/// assert!(loss_diverged(1000.5, Some(0.7)), "the limit is at least 1000");
/// assert!(!loss_diverged(4000.0, Some(5.0)) && loss_diverged(5000.5, Some(5.0)));
/// assert!(loss_diverged(f64::NAN, None) && loss_diverged(f64::INFINITY, Some(1.0)));
/// ```
pub fn loss_diverged(loss: f64, first: Option<f64>) -> bool {
    let limit = DIVERGENCE_FACTOR * first.unwrap_or(1.0).max(1.0);
    !(loss.is_finite() && loss <= limit)
}

impl Pretrainer {
    /// Whether the step that gave `report` diverged: its loss, or the random-init
    /// baseline's while fine-tuning, by [`loss_diverged`] against the first loss of the
    /// step's phase.
    pub fn diverged(&self, report: &StepReport) -> bool {
        let first = match report.phase {
            Phase::Pretrain { layer } => self.pretrain_losses(layer).first(),
            Phase::FineTune => self.fine_tune_losses().first(),
        };
        loss_diverged(report.loss, first)
            || report
                .baseline_loss
                .is_some_and(|loss| loss_diverged(loss, first))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn the_limit_follows_the_first_loss_but_never_drops_below_a_thousand() {
        assert!(!loss_diverged(1000.0, Some(0.01)));
        assert!(loss_diverged(1000.0 + 1e-9, Some(0.01)));
        assert!(!loss_diverged(1000.0, None));
        assert!(
            !loss_diverged(1000.0, Some(f64::NAN)),
            "a NaN start counts as 1"
        );
        assert!(!loss_diverged(20_000.0, Some(20.0)));
        assert!(loss_diverged(20_001.0, Some(20.0)));
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(loss_diverged(bad, Some(1.0)), "{bad}");
        }
        assert!(!loss_diverged(-1.0, Some(1.0)), "only large losses diverge");
    }
}
