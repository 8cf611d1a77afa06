//! The numbers needed to write out one unit's equations at one time step, e.g.
//! `f_t = σ(W_f·[h_{t−1}, x_t] + b_f) = σ(0.41 + … + 0.10) = σ(1.00) = 0.73`.

use serde::Serialize;

use super::real::Real;
use super::trace::QuantityName;
use crate::activation::Activation;

/// One line of a unit's equations at one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EquationLine<F> {
    /// The quantity the line computes.
    pub quantity: QuantityName,
    /// The line in the lecture's notation, e.g. `"f_t = σ(W_f·[h_{t−1}, x_t] + b_f)"`.
    pub formula: &'static str,
    /// The numbers that go into it.
    pub terms: Terms<F>,
    /// The resulting value of this unit.
    pub value: F,
}

/// The numbers of one equation line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Terms<F> {
    /// `value = activation(weights · inputs + bias + extra)`.
    Affine {
        /// σ (logistic), tanh, ReLU or linear.
        activation: Activation,
        /// How `inputs` is concatenated: `("h_{t−1}", H), ("x_t", I)`, …
        segments: Vec<(&'static str, usize)>,
        /// This unit's row of the weight matrix.
        weights: Vec<F>,
        /// The concatenated input vector.
        inputs: Vec<F>,
        /// This unit's bias.
        bias: F,
        /// A term that is not a plain product (PyTorch's GRU: `r_t * (W_hn·h_{t−1} + b_hn)`).
        extra: Option<(&'static str, F)>,
        /// The argument of the activation.
        pre_activation: F,
    },
    /// `value` = the formula evaluated on these named operands, in formula order.
    Combination {
        /// `("f_t", 0.73), ("C_{t−1}", 0.2), …`
        operands: Vec<(&'static str, F)>,
    },
}

/// Builds an [`Terms::Affine`] line for `unit` from a weight row at `params[w..]`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn affine_line<F: Real>(
    quantity: QuantityName,
    formula: &'static str,
    activation: Activation,
    params: &[F],
    (w, b): (usize, usize),
    unit: usize,
    segments: &[(&'static str, &[F])],
    extra: Option<(&'static str, F)>,
    pre_activation: F,
    value: F,
) -> EquationLine<F> {
    let cols: usize = segments.iter().map(|(_, v)| v.len()).sum();
    EquationLine {
        quantity,
        formula,
        terms: Terms::Affine {
            activation,
            segments: segments.iter().map(|(n, v)| (*n, v.len())).collect(),
            weights: params[w + unit * cols..w + (unit + 1) * cols].to_vec(),
            inputs: segments
                .iter()
                .flat_map(|(_, v)| v.iter().copied())
                .collect(),
            bias: params[b + unit],
            extra,
            pre_activation,
        },
        value,
    }
}

/// Builds a [`Terms::Combination`] line.
pub(crate) fn combination_line<F: Real>(
    quantity: QuantityName,
    formula: &'static str,
    operands: &[(&'static str, F)],
    value: F,
) -> EquationLine<F> {
    EquationLine {
        quantity,
        formula,
        terms: Terms::Combination {
            operands: operands.to_vec(),
        },
        value,
    }
}
