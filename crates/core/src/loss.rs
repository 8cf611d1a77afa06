//! Losses of the lecture (§4) for a label `y ∈ {−1, +1}` and a score `s = W·φ(x)`:
//!
//! - squared `(s − y)²`, with `∂loss/∂s = 2(s − y)` (so `∂loss/∂W = 2(W·φ(x) − y) φ(x)`,
//!   the residual times φ);
//! - hinge `max{1 − y·s, 0}`, margin `y·s`, with `∂loss/∂s = −1[margin < 1] y`
//!   (so `∂loss/∂W = −1[margin < 1] φ(x) y`);
//! - logistic `log(1 + e^(−y·s))`, with `∂loss/∂s = −y σ(−y·s)`.

use serde::{Deserialize, Serialize};

use crate::activation::{logistic, softplus};

/// One of the lecture's losses of a score against a label `y ∈ {−1, +1}`. The graph's
/// loss nodes ([`crate::graph::Op::Hinge`], [`crate::graph::Op::LogisticLoss`]) compute
/// these same functions.
///
/// ```
/// use nnp_core::loss::Loss;
/// // A score of 0.4 for a positive example: margin 0.4 < 1.
/// assert_eq!(Loss::Hinge.value(0.4, 1.0), 0.6);
/// assert_eq!(Loss::Hinge.derivative(0.4, 1.0), -1.0);
/// assert!((Loss::Squared.value(0.4, 1.0) - 0.36).abs() < 1e-15);
/// assert_eq!(Loss::from_id("logistic"), Some(Loss::Logistic));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Loss {
    /// `(s − y)²`.
    #[default]
    Squared,
    /// `max{1 − y·s, 0}`.
    Hinge,
    /// `log(1 + e^(−y·s))`.
    Logistic,
}

impl Loss {
    /// Every loss, in the order the lecture introduces them.
    pub const ALL: [Loss; 3] = [Loss::Squared, Loss::Hinge, Loss::Logistic];

    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            Loss::Squared => "squared",
            Loss::Hinge => "hinge",
            Loss::Logistic => "logistic",
        }
    }

    /// The loss whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The formula as the lecture writes it, for labels in the UI.
    pub fn formula(self) -> &'static str {
        match self {
            Loss::Squared => "(s − y)²",
            Loss::Hinge => "max{1 − y·s, 0}",
            Loss::Logistic => "log(1 + e^(−y·s))",
        }
    }

    /// The loss of score `s` against label `y`.
    pub fn value(self, s: f64, y: f64) -> f64 {
        match self {
            Loss::Squared => (s - y) * (s - y),
            Loss::Hinge => (1.0 - margin(s, y)).max(0.0),
            Loss::Logistic => softplus(-margin(s, y)),
        }
    }

    /// The derivative `∂loss/∂s` (for hinge, 0 at the kink `margin = 1`, as the lecture's
    /// indicator `1[margin < 1]` says).
    pub fn derivative(self, s: f64, y: f64) -> f64 {
        match self {
            Loss::Squared => 2.0 * (s - y),
            Loss::Hinge => {
                if margin(s, y) < 1.0 {
                    -y
                } else {
                    0.0
                }
            }
            Loss::Logistic => -y * logistic(-margin(s, y)),
        }
    }
}

/// The margin `y·s`: positive when the score has the label's sign.
pub fn margin(s: f64, y: f64) -> f64 {
    y * s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gradcheck::{derivative, relative_error};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // Reference values from NumPy:
    //   import numpy as np
    //   s = np.array([-2.5, -0.3, 0.4, 1.7]); y = np.array([1., -1., 1., -1.])
    //   print(list((s - y)**2), list(np.maximum(1 - y*s, 0)), list(np.log1p(np.exp(-y*s))))
    const S: [f64; 4] = [-2.5, -0.3, 0.4, 1.7];
    const Y: [f64; 4] = [1.0, -1.0, 1.0, -1.0];
    const SQUARED: [f64; 4] = [12.25, 0.48999999999999994, 0.36, 7.290000000000001];
    const HINGE: [f64; 4] = [3.5, 0.7, 0.6, 2.7];
    const LOGISTIC: [f64; 4] = [
        2.5788897342925496,
        0.5543552444685271,
        0.5130152523999526,
        1.867786029386266,
    ];

    #[test]
    fn values_match_numpy() {
        for i in 0..4 {
            for (loss, want) in [
                (Loss::Squared, SQUARED[i]),
                (Loss::Hinge, HINGE[i]),
                (Loss::Logistic, LOGISTIC[i]),
            ] {
                let got = loss.value(S[i], Y[i]);
                assert!(
                    relative_error(got, want, 1e-12) < 1e-12,
                    "{loss:?} at {i}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn derivatives_match_finite_differences() {
        for loss in Loss::ALL {
            for y in [-1.0, 1.0] {
                // Away from the hinge's kink at margin 1 (s = ±1).
                for s in [-2.3, -0.6, 0.2, 0.9, 1.4, 3.1] {
                    let fd = derivative(|s| loss.value(s, y), s);
                    let exact = loss.derivative(s, y);
                    assert!(
                        relative_error(fd, exact, 1e-6) < 1e-6,
                        "{loss:?} s={s} y={y}: {fd} vs {exact}"
                    );
                }
            }
        }
    }

    #[test]
    fn hinge_gradient_is_the_lectures_indicator() {
        // ∂loss/∂W = −1[margin < 1] φ(x) y: with φ = [1, 2], W = [0.25, 0.1], y = 1 the
        // margin is 0.45 < 1, so the gradient is −φ; with y = −1 it is +φ.
        let phi = [1.0, 2.0];
        let s = 0.25 * phi[0] + 0.1 * phi[1];
        for y in [1.0, -1.0] {
            let grad: Vec<f64> = phi
                .iter()
                .map(|p| Loss::Hinge.derivative(s, y) * p)
                .collect();
            assert_eq!(grad, vec![-y * phi[0], -y * phi[1]]);
        }
        // A confident correct score has margin ≥ 1: no gradient at all.
        assert_eq!(Loss::Hinge.derivative(3.0, 1.0), 0.0);
        assert_eq!(Loss::Hinge.value(3.0, 1.0), 0.0);
    }

    #[test]
    fn logistic_is_stable_far_out() {
        assert!((Loss::Logistic.value(-800.0, 1.0) - 800.0).abs() < 1e-9);
        assert_eq!(Loss::Logistic.value(800.0, 1.0), 0.0);
        assert!(Loss::Logistic.value(40.0, 1.0) > 0.0);
        assert_eq!(Loss::Logistic.derivative(-800.0, 1.0), -1.0);
    }

    #[test]
    fn ids_round_trip() {
        for l in Loss::ALL {
            assert_eq!(Loss::from_id(l.id()), Some(l));
        }
        assert_eq!(Loss::from_id("cross-entropy"), None);
    }
}
