//! Activation functions of the lecture (§3): sign, logistic σ(z) = 1/(1+e^−z), tanh,
//! ReLU max(0, z), and the identity (linear), each with its derivative.
//!
//! sign is kept for the lecture's hand-built car network: its derivative is 0 almost
//! everywhere, so gradient descent gets no signal through it.
//!
//! Each formula is written once, generic over the number type ([`Real`]: `f32` in the
//! browser's hot loops, `f64` in training and gradient checks). The only other versions
//! are the named fast approximations in [`fast`], each tested against the exact one.
//!
//! ```
//! use nnp_core::activation::{Activation, logistic, softplus};
//! assert_eq!(Activation::Relu.value(-2.0), 0.0);
//! assert_eq!(Activation::Logistic.value(0.0_f32), 0.5);
//! assert_eq!(logistic(0.0), 0.5);
//! assert!((softplus(0.0_f64) - 2f64.ln()).abs() < 1e-15);
//! // σ' = σ(1 − σ), written through the output a = σ(z):
//! assert_eq!(Activation::Logistic.derivative_from_output(0.5), 0.25);
//! ```

pub mod fast;
pub mod vector;

use serde::{Deserialize, Serialize};

use crate::real::Real;

/// One of the lecture's activation functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activation {
    /// `sign(z)`: −1, 0 or 1; no useful gradient.
    Sign,
    /// The logistic function `σ(z) = 1 / (1 + e^−z)`.
    Logistic,
    /// `tanh(z)`.
    Tanh,
    /// `max(0, z)`.
    Relu,
    /// The identity `z`.
    Linear,
}

impl Activation {
    /// Every activation, in the order the lecture introduces them.
    pub const ALL: [Activation; 5] = [
        Activation::Sign,
        Activation::Logistic,
        Activation::Tanh,
        Activation::Relu,
        Activation::Linear,
    ];

    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            Activation::Sign => "sign",
            Activation::Logistic => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Linear => "linear",
        }
    }

    /// The activation whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The value `a(z)`.
    #[inline]
    pub fn value<F: Real>(self, z: F) -> F {
        match self {
            Activation::Sign => sign(z),
            Activation::Logistic => logistic(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => relu(z),
            Activation::Linear => z,
        }
    }

    /// The derivative `a'(z)` (for ReLU, 0 at z = 0; for sign, 0 everywhere it exists).
    #[inline]
    pub fn derivative<F: Real>(self, z: F) -> F {
        match self {
            Activation::Sign => F::ZERO,
            Activation::Linear => F::ONE,
            other => other.derivative_from_output(other.value(z)),
        }
    }

    /// The derivative written through the output `a = a(z)`, as backpropagation uses it
    /// (σ' = a(1 − a), tanh' = 1 − a², ReLU' = 1[a > 0]).
    #[inline]
    pub fn derivative_from_output<F: Real>(self, a: F) -> F {
        match self {
            Activation::Sign => F::ZERO,
            Activation::Logistic => a * (F::ONE - a),
            Activation::Tanh => F::ONE - a * a,
            Activation::Relu => {
                if a > F::ZERO {
                    F::ONE
                } else {
                    F::ZERO
                }
            }
            Activation::Linear => F::ONE,
        }
    }

    /// Applies the activation to every value (the choice is made once, outside the loop,
    /// so each arm is a plain loop the compiler can vectorise).
    #[inline]
    pub fn apply_in_place<F: Real>(self, values: &mut [F]) {
        match self {
            Activation::Linear => {}
            Activation::Sign => values.iter_mut().for_each(|v| *v = sign(*v)),
            Activation::Logistic => values.iter_mut().for_each(|v| *v = logistic(*v)),
            Activation::Tanh => values.iter_mut().for_each(|v| *v = v.tanh()),
            Activation::Relu => values.iter_mut().for_each(|v| *v = relu(*v)),
        }
    }

    /// Whether gradient descent can learn through this activation (false for sign).
    pub fn is_trainable(self) -> bool {
        self != Activation::Sign
    }

    /// The range of values the activation can take, for axes and colour scales.
    pub fn range(self) -> (f64, f64) {
        match self {
            Activation::Sign | Activation::Tanh => (-1.0, 1.0),
            Activation::Logistic => (0.0, 1.0),
            Activation::Relu => (0.0, f64::INFINITY),
            Activation::Linear => (f64::NEG_INFINITY, f64::INFINITY),
        }
    }
}

/// `sign(z)`: −1, 0 or 1.
#[inline]
pub fn sign<F: Real>(z: F) -> F {
    if z > F::ZERO {
        F::ONE
    } else if z < F::ZERO {
        -F::ONE
    } else {
        F::ZERO
    }
}

/// `max(0, z)`.
#[inline]
pub fn relu<F: Real>(z: F) -> F {
    if z > F::ZERO { z } else { F::ZERO }
}

/// `σ(z) = 1 / (1 + e^−z)`, computed without overflow for large |z|.
#[inline]
pub fn logistic<F: Real>(z: F) -> F {
    if z >= F::ZERO {
        F::ONE / (F::ONE + (-z).exp())
    } else {
        let e = z.exp();
        e / (F::ONE + e)
    }
}

/// `softplus(z) = log(1 + e^z)`, a smooth ReLU whose derivative is σ(z); without
/// overflow for large `z` and without losing small values. The logistic loss is
/// `softplus(−margin)`.
#[inline]
pub fn softplus<F: Real>(z: F) -> F {
    relu(z) + (-z.abs()).exp().ln_1p()
}

/// Samples `activation` and its derivative at `n` evenly spaced points of `[from, to]`:
/// `(z, a(z), a'(z))`, the data of an activation plot.
pub fn sample_curve(activation: Activation, from: f64, to: f64, n: usize) -> Vec<(f64, f64, f64)> {
    assert!(n >= 2, "a curve needs at least two samples");
    (0..n)
        .map(|i| {
            let z = from + (to - from) * i as f64 / (n - 1) as f64;
            (z, activation.value(z), activation.derivative(z))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gradcheck::{derivative, relative_error};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // Reference values from NumPy:
    //   import numpy as np
    //   z = np.array([-3.0, -0.5, 0.25, 2.0])
    //   print(1/(1+np.exp(-z)), np.tanh(z))
    const Z: [f64; 4] = [-3.0, -0.5, 0.25, 2.0];
    const SIGMOID: [f64; 4] = [
        0.04742587317756678,
        0.3775406687981454,
        0.5621765008857981,
        0.8807970779778823,
    ];
    const TANH: [f64; 4] = [
        -0.9950547536867305,
        -0.46211715726000974,
        0.24491866240370913,
        0.9640275800758169,
    ];

    #[test]
    fn values_match_numpy() {
        for i in 0..Z.len() {
            assert!((Activation::Logistic.value(Z[i]) - SIGMOID[i]).abs() < 1e-15);
            assert!((Activation::Tanh.value(Z[i]) - TANH[i]).abs() < 1e-15);
        }
        assert_eq!(Activation::Relu.value(-2.0), 0.0);
        assert_eq!(Activation::Relu.value(2.5), 2.5);
        assert_eq!(Activation::Sign.value(-0.1), -1.0);
        assert_eq!(Activation::Sign.value(0.0), 0.0);
        assert_eq!(Activation::Sign.value(4.0), 1.0);
    }

    #[test]
    fn derivatives_match_finite_differences() {
        for a in Activation::ALL.into_iter().filter(|a| a.is_trainable()) {
            // Away from ReLU's kink at 0.
            for z in [-2.7, -0.8, 0.3, 1.9] {
                let fd = derivative(|z| a.value(z), z);
                let exact = a.derivative(z);
                assert!(
                    relative_error(fd, exact, 1e-6) < 1e-6,
                    "{a:?} at {z}: {fd} vs {exact}"
                );
                let from_output = a.derivative_from_output(a.value(z));
                assert!(
                    (from_output - exact).abs() < 1e-12,
                    "{a:?} via output at {z}"
                );
            }
        }
    }

    #[test]
    fn sign_gives_no_gradient() {
        assert!(!Activation::Sign.is_trainable());
        for z in [-1.0, 0.5, 3.0] {
            assert_eq!(Activation::Sign.derivative(z), 0.0);
        }
    }

    #[test]
    fn logistic_is_stable_far_out() {
        assert_eq!(logistic(-1000.0), 0.0);
        assert_eq!(logistic(1000.0), 1.0);
        assert!(logistic(-1000.0_f64).is_finite());
        assert_eq!(logistic(-1000.0_f32), 0.0);
        assert_eq!(logistic(1000.0_f32), 1.0);
    }

    #[test]
    fn f32_values_agree_with_f64() {
        for a in Activation::ALL {
            for z in [-30.0_f32, -2.5, -0.5, -0.1, 0.0, 0.25, 0.7, 2.0, 3.0, 30.0] {
                let (got, want) = (f64::from(a.value(z)), a.value(f64::from(z)));
                assert!(
                    (got - want).abs() <= 1e-6 * want.abs().max(1.0),
                    "{a:?}({z}): {got} vs {want}"
                );
                let (got, want) = (f64::from(a.derivative(z)), a.derivative(f64::from(z)));
                assert!((got - want).abs() < 1e-6, "{a:?}'({z}): {got} vs {want}");
            }
        }
    }

    #[test]
    fn apply_in_place_is_value_on_each_entry() {
        let z = [-2.0_f32, -0.1, 0.0, 0.7, 3.0];
        for a in Activation::ALL {
            let mut v = z;
            a.apply_in_place(&mut v);
            for (got, z) in v.iter().zip(z) {
                assert_eq!(*got, a.value(z), "{a:?} at {z}");
            }
        }
    }

    // Reference values from Python's decimal module at 50 digits:
    //   from decimal import Decimal, getcontext
    //   getcontext().prec = 50
    //   print([float((1 + Decimal(z).exp()).ln()) for z in ['-30', '-1', '0', '2.5', '40']])
    #[test]
    #[allow(clippy::approx_constant, reason = "ln 2 as the reference printed it")]
    fn softplus_matches_numpy_and_is_stable() {
        let z = [-30.0, -1.0, 0.0, 2.5, 40.0];
        let want = [
            9.357622968839737e-14,
            0.3132616875182228,
            0.6931471805599453,
            2.5788897342925496,
            40.0,
        ];
        for (z, want) in z.into_iter().zip(want) {
            assert!(
                relative_error(softplus(z), want, 1e-300) < 1e-14,
                "softplus({z})"
            );
        }
        assert_eq!(softplus(-1000.0), 0.0);
        assert_eq!(softplus(1000.0), 1000.0);
        assert!((softplus(0.0) - 2f64.ln()).abs() < 1e-15);
        // Its derivative is σ.
        for z in [-2.0, 0.3, 1.7] {
            let fd = derivative(softplus, z);
            assert!(
                relative_error(fd, logistic(z), 1e-6) < 1e-6,
                "softplus'({z})"
            );
        }
    }

    #[test]
    fn ids_round_trip() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_id(a.id()), Some(a));
        }
        assert_eq!(Activation::from_id("softmax"), None);
    }

    #[test]
    fn curve_spans_the_interval() {
        let c = sample_curve(Activation::Relu, -2.0, 2.0, 5);
        assert_eq!(c.len(), 5);
        assert_eq!(c[0], (-2.0, 0.0, 0.0));
        assert_eq!(c[4], (2.0, 2.0, 1.0));
    }
}
