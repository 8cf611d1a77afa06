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

use super::equations::{EquationLine, affine_line, combination_line};
use super::real::{Real, affine, affine_backward, axpy, dot, norm, sigmoid};
use super::trace::{BlockId, GradientFlow, Params, Quantity, QuantityName, Trace, prev_and_cur};
use super::{State, init_uniform};
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

struct Rows<'a, F> {
    pre: [&'a mut [F]; 3],
    update: &'a mut [F],
    reset: &'a mut [F],
    candidate: &'a mut [F],
    hidden: &'a mut [F],
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

    fn step_into(&self, x: &[F], h_prev: &[F], scratch: &mut [F], rows: Rows<'_, F>) {
        let Rows {
            pre,
            update,
            reset,
            candidate,
            hidden,
        } = rows;
        let [pre_z, pre_r, pre_h] = pre;
        let p = &self.params.values;
        affine(p, self.z.0, self.z.1, &[h_prev, x], pre_z);
        affine(p, self.r.0, self.r.1, &[h_prev, x], pre_r);
        for j in 0..self.hidden_size {
            update[j] = sigmoid(pre_z[j]);
            reset[j] = sigmoid(pre_r[j]);
        }
        match self.config.form {
            GruForm::Lecture => {
                for j in 0..self.hidden_size {
                    scratch[j] = reset[j] * h_prev[j];
                }
                affine(p, self.w.0, self.w.1, &[scratch, x], pre_h);
                for j in 0..self.hidden_size {
                    candidate[j] = pre_h[j].tanh();
                    hidden[j] = (F::ONE - update[j]) * h_prev[j] + update[j] * candidate[j];
                }
            }
            GruForm::PyTorch => {
                let cols = self.hidden_size + self.input_size;
                for j in 0..self.hidden_size {
                    let row = &p[self.w.0 + j * cols + self.hidden_size..self.w.0 + (j + 1) * cols];
                    pre_h[j] =
                        dot(row, x) + p[self.w.1 + j] + reset[j] * self.hidden_part(j, h_prev);
                    candidate[j] = pre_h[j].tanh();
                    hidden[j] = (F::ONE - update[j]) * candidate[j] + update[j] * h_prev[j];
                }
            }
        }
    }

    /// One step: the new `h_t` from `x_t` and `h_{t−1}`.
    pub fn step(&self, x: &[F], state: &State<F>) -> State<F> {
        let trace = self.seq(std::slice::from_ref(&x.to_vec()), Some(state));
        State {
            hidden: trace.last_hidden().to_vec(),
            cell: Vec::new(),
        }
    }

    /// Runs the whole sequence from `initial` (zeros if `None`), recording every gate.
    pub fn seq(&self, inputs: &[Vec<F>], initial: Option<&State<F>>) -> Trace<F> {
        let (n, steps) = (self.hidden_size, inputs.len());
        let h0 = initial.map_or_else(|| vec![F::ZERO; n], |s| s.hidden.clone());
        assert_eq!(h0.len(), n, "initial state of the wrong size");
        let zeros = || vec![F::ZERO; steps * n];
        let mut pre = [zeros(), zeros(), zeros()];
        let (mut update, mut reset, mut candidate, mut hidden) =
            (zeros(), zeros(), zeros(), zeros());
        let mut scratch = vec![F::ZERO; n];
        let mut xs = Vec::with_capacity(steps * self.input_size);
        for (t, x) in inputs.iter().enumerate() {
            assert_eq!(x.len(), self.input_size, "input {t} has the wrong size");
            xs.extend_from_slice(x);
            let r = t * n..(t + 1) * n;
            let [p0, p1, p2] = &mut pre;
            let (h_prev, h_cur) = prev_and_cur(&mut hidden, &h0, t, n);
            let rows = Rows {
                pre: [&mut p0[r.clone()], &mut p1[r.clone()], &mut p2[r.clone()]],
                update: &mut update[r.clone()],
                reset: &mut reset[r.clone()],
                candidate: &mut candidate[r],
                hidden: h_cur,
            };
            self.step_into(x, h_prev, &mut scratch, rows);
        }
        let [p_z, p_r, p_h] = pre;
        let q = |name, values| Quantity {
            name,
            units: n,
            values,
        };
        let quantities = vec![
            Quantity {
                name: QuantityName::Input,
                units: self.input_size,
                values: xs,
            },
            q(QuantityName::Update, update),
            q(QuantityName::Reset, reset),
            q(QuantityName::Candidate, candidate),
            q(QuantityName::Hidden, hidden),
            q(QuantityName::PreUpdate, p_z),
            q(QuantityName::PreReset, p_r),
            q(QuantityName::PreCandidate, p_h),
        ];
        Trace {
            steps,
            initial_hidden: h0,
            initial_cell: Vec::new(),
            quantities,
        }
    }
}
