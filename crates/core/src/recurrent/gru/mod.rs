//! The gated recurrent unit (lecture §7), in the lecture's form (reset before the product,
//! as in the original 2014 GRU):
//!
//! ```text
//! z_t = σ(W_z·[h_{t−1}, x_t] + b_z)             update gate
//! r_t = σ(W_r·[h_{t−1}, x_t] + b_r)             reset gate
//! h̃_t = tanh(W·[r_t * h_{t−1}, x_t] + b)        candidate
//! h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t
//! ```
//!
//! (The lecture writes no biases; they start at zero here.) [`GruForm::PyTorch`] computes
//! `torch.nn.GRU` instead: the reset gate acts *after* the product and has its own bias,
//! `h̃_t = tanh(W_x x_t + b + r_t * (W_h h_{t−1} + b_hn))` where `W = [W_h | W_x]`, and
//! `z` plays the opposite role, `h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}`.
//!
//! Parameters (flat, in this order): `W_z, b_z, W_r, b_r, W, b` (+ `b_hn` for PyTorch's
//! form); every `W` is row-major `H × (H + I)`, columns `[h_{t−1} part, x_t part]`.

use serde::{Deserialize, Serialize};

mod bptt;
mod explain;
mod step;

pub use step::GruStep;

use super::equations::{EquationLine, affine_line, combination_line};
use super::init_uniform;
use super::real::{Real, affine_backward, axpy, dot, norm};
use super::trace::{BlockId, GradientFlow, Params, QuantityName, Trace};
use crate::activation::Activation;
use crate::rng::Rng;

/// Where the reset gate acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GruForm {
    /// The lecture's form: `h̃_t = tanh(W·[r_t * h_{t−1}, x_t] + b)`, `h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t`.
    #[default]
    Lecture,
    /// `torch.nn.GRU`: `h̃_t = tanh(W_x x_t + b + r_t * (W_h h_{t−1} + b_hn))`, `h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}`.
    PyTorch,
}

/// How a GRU is wired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GruConfig {
    /// The lecture's form (default) or PyTorch's.
    pub form: GruForm,
}

/// A GRU cell.
///
/// With zero gate weights both gates are ½, so each step moves `h` halfway from
/// `h_{t−1}` to the candidate `h̃_t = tanh(x_t)`:
///
/// ```
/// use nnp_core::recurrent::{BlockId::*, Gru, GruConfig, State};
///
/// let gru = Gru::<f64>::from_blocks(1, 1, GruConfig::default(), &[
///     (UpdateWeights, &[0.0, 0.0]), // over [h_{t−1}, x_t]
///     (UpdateBias, &[0.0]),
///     (ResetWeights, &[0.0, 0.0]),
///     (ResetBias, &[0.0]),
///     (Weights, &[0.0, 1.0]), // over [r_t * h_{t−1}, x_t]
///     (Bias, &[0.0]),
/// ]);
/// let one = gru.step(&[1.0], &State::zeros(1, false));
/// assert!((one.hidden[0] - 0.5 * 1f64.tanh()).abs() < 1e-12);
/// let two = gru.step(&[1.0], &one);
/// assert!((two.hidden[0] - 0.5 * (one.hidden[0] + 1f64.tanh())).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Gru<F> {
    /// The size of `x_t`.
    pub input_size: usize,
    /// The number of units `H`.
    pub hidden_size: usize,
    /// The wiring.
    pub config: GruConfig,
    /// `W_z, b_z, W_r, b_r, W, b` (+ `b_hn`) as named blocks.
    pub params: Params<F>,
    z: (usize, usize),
    r: (usize, usize),
    w: (usize, usize),
    b_hn: usize,
}

impl<F: Real> Gru<F> {
    /// A cell with the given weights: `W_z, b_z, W_r, b_r, W, b` (+ `b_hn` for PyTorch's form), each row-major
    /// `rows × cols` like ndarray ([`Params::block`](super::Params::block) tells a
    /// layout's shapes). Panics on a missing, extra or wrongly sized block.
    pub fn from_blocks(
        input_size: usize,
        hidden_size: usize,
        config: GruConfig,
        blocks: &[(BlockId, &[F])],
    ) -> Self {
        let mut cell = Self::new(input_size, hidden_size, config, &mut Rng::seeded(0));
        cell.params.fill_from(blocks);
        cell
    }

    /// A cell with weights drawn uniformly from `±1/√H` (PyTorch's default), seeded.
    pub fn new(input_size: usize, hidden_size: usize, config: GruConfig, rng: &mut Rng) -> Self {
        assert!(
            hidden_size > 0 && input_size > 0,
            "a GRU needs inputs and units"
        );
        let cols = hidden_size + input_size;
        let mut params = Params::new();
        let z = (
            params.add(BlockId::UpdateWeights, hidden_size, cols),
            params.add(BlockId::UpdateBias, hidden_size, 1),
        );
        let r = (
            params.add(BlockId::ResetWeights, hidden_size, cols),
            params.add(BlockId::ResetBias, hidden_size, 1),
        );
        let w = (
            params.add(BlockId::Weights, hidden_size, cols),
            params.add(BlockId::Bias, hidden_size, 1),
        );
        let b_hn = match config.form {
            GruForm::Lecture => usize::MAX,
            GruForm::PyTorch => params.add(BlockId::HiddenBias, hidden_size, 1),
        };
        init_uniform(&mut params, hidden_size, rng);
        Self {
            input_size,
            hidden_size,
            config,
            params,
            z,
            r,
            w,
            b_hn,
        }
    }

    /// `W_h h_{t−1} + b_hn` of PyTorch's form, one unit at a time.
    fn hidden_part(&self, j: usize, h_prev: &[F]) -> F {
        let p = &self.params.values;
        let cols = self.hidden_size + self.input_size;
        let row = &p[self.w.0 + j * cols..self.w.0 + j * cols + self.hidden_size];
        dot(row, h_prev) + p[self.b_hn + j]
    }
}
