//! The LSTM and its two variants (lecture §7):
//!
//! ```text
//! f_t = σ(W_f·[h_{t−1}, x_t] + b_f)          forget gate
//! i_t = σ(W_i·[h_{t−1}, x_t] + b_i)          input gate
//! C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)       candidate (a tanh layer)
//! C_t = f_t * C_{t−1} + i_t * C̃_t            cell state
//! o_t = σ(W_o·[h_{t−1}, x_t] + b_o)          output gate
//! h_t = o_t * tanh(C_t)
//! ```
//!
//! - **Peephole** ([`Peepholes`]): a gate that peeps reads the cell state too, exactly
//!   as the lecture writes it, by concatenation: `f_t = σ(W_f·[C_{t−1}, h_{t−1}, x_t] + b_f)`,
//!   likewise `i_t`, and `o_t = σ(W_o·[C_t, h_{t−1}, x_t] + b_o)`. So a peeping gate has a
//!   *full* `H × H` matrix on the cell state (the first `H` columns of its `W`), not the
//!   diagonal of Gers & Schmidhuber. Each gate's peephole is switched on separately.
//! - **Coupled** (`coupled: true`): `C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t`; there is no
//!   input-gate layer, and the trace records `i_t = 1 − f_t`.
//!
//! Parameters (flat, in this order): `W_f, b_f, W_i, b_i` (absent when coupled),
//! `W_C, b_C, W_o, b_o`; each `W` is row-major `H × ([H if peeping] + H + I)`.

mod bptt;
mod explain;
mod fused;
mod step;

pub use step::{LstmGates, LstmStep};

use serde::{Deserialize, Serialize};

use super::init_uniform;
use super::real::{Real, affine, dot4};
use super::trace::{BlockId, Params};
use crate::rng::Rng;

const FORGET: usize = 0;
const INPUT: usize = 1;
const CANDIDATE: usize = 2;
const OUTPUT: usize = 3;

/// Which gates of a peephole LSTM also read the cell state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Peepholes {
    /// `f_t` reads `C_{t−1}`.
    pub forget: bool,
    /// `i_t` reads `C_{t−1}`.
    pub input: bool,
    /// `o_t` reads `C_t`.
    pub output: bool,
}

impl Peepholes {
    /// No peepholes: the standard LSTM.
    pub const NONE: Peepholes = Peepholes {
        forget: false,
        input: false,
        output: false,
    };
    /// All three gates peep, the lecture's form.
    pub const ALL: Peepholes = Peepholes {
        forget: true,
        input: true,
        output: true,
    };
}

/// How an LSTM is wired and initialised.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LstmConfig {
    /// Which gates peep at the cell state (none by default).
    pub peepholes: Peepholes,
    /// Couple the forget and input gates: `C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t`.
    pub coupled: bool,
    /// Added to the initial `b_f` so that the untrained cell remembers by default (1.0).
    pub forget_bias: f64,
}

impl Default for LstmConfig {
    fn default() -> Self {
        Self {
            peepholes: Peepholes::NONE,
            coupled: false,
            forget_bias: 1.0,
        }
    }
}

/// An LSTM cell (standard, peephole or coupled).
///
/// One unit whose gates are all ½ (zero weights and biases) and whose candidate is
/// `C̃_t = tanh(x_t)`: the cell state takes in half the candidate, then the forget gate
/// halves what it holds.
///
/// ```
/// use nnp_core::recurrent::{BlockId::*, Lstm, LstmConfig, State};
///
/// let lstm = Lstm::<f64>::from_blocks(1, 1, LstmConfig::default(), &[
///     (ForgetWeights, &[0.0, 0.0]), // over [h_{t−1}, x_t]
///     (ForgetBias, &[0.0]),
///     (InputWeights, &[0.0, 0.0]),
///     (InputBias, &[0.0]),
///     (CandidateWeights, &[0.0, 1.0]),
///     (CandidateBias, &[0.0]),
///     (OutputWeights, &[0.0, 0.0]),
///     (OutputBias, &[0.0]),
/// ]);
/// let one = lstm.step(&[1.0], &State::zeros(1, true));
/// assert!((one.cell[0] - 0.5 * 1f64.tanh()).abs() < 1e-12); // i·C̃
/// assert!((one.hidden[0] - 0.5 * one.cell[0].tanh()).abs() < 1e-12); // o·tanh(C)
/// let two = lstm.step(&[0.0], &one);
/// assert!((two.cell[0] - 0.5 * one.cell[0]).abs() < 1e-12); // f·C, nothing new
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Lstm<F> {
    /// The size of `x_t`.
    pub input_size: usize,
    /// The number of units `H` (size of `h_t` and `C_t`).
    pub hidden_size: usize,
    /// The wiring.
    pub config: LstmConfig,
    /// `W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o` as named blocks.
    pub params: Params<F>,
    /// `(W, b)` offsets per gate; `None` for the coupled LSTM's input gate.
    offsets: [Option<(usize, usize)>; 4],
    /// Whether each gate reads the cell state.
    peeps: [bool; 4],
}

impl<F: Real> Lstm<F> {
    /// A cell with the given weights: `W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o` (no `W_i, b_i` when coupled); `forget_bias` is not added, each row-major
    /// `rows × cols` like ndarray ([`Params::block`](super::Params::block) tells a
    /// layout's shapes). Panics on a missing, extra or wrongly sized block.
    pub fn from_blocks(
        input_size: usize,
        hidden_size: usize,
        config: LstmConfig,
        blocks: &[(BlockId, &[F])],
    ) -> Self {
        let mut cell = Self::new(input_size, hidden_size, config, &mut Rng::seeded(0));
        cell.params.fill_from(blocks);
        cell
    }

    /// A cell with weights drawn uniformly from `±1/√H` (PyTorch's default), seeded.
    pub fn new(input_size: usize, hidden_size: usize, config: LstmConfig, rng: &mut Rng) -> Self {
        assert!(
            hidden_size > 0 && input_size > 0,
            "an LSTM needs inputs and units"
        );
        let p = &config.peepholes;
        let peeps = [p.forget, p.input && !config.coupled, false, p.output];
        let names = [
            (BlockId::ForgetWeights, BlockId::ForgetBias),
            (BlockId::InputWeights, BlockId::InputBias),
            (BlockId::CandidateWeights, BlockId::CandidateBias),
            (BlockId::OutputWeights, BlockId::OutputBias),
        ];
        let mut params = Params::new();
        let mut offsets = [None; 4];
        for g in 0..4 {
            if g == INPUT && config.coupled {
                continue;
            }
            let cols = if peeps[g] { hidden_size } else { 0 } + hidden_size + input_size;
            let w = params.add(names[g].0, hidden_size, cols);
            let b = params.add(names[g].1, hidden_size, 1);
            offsets[g] = Some((w, b));
        }
        init_uniform(&mut params, hidden_size, rng);
        for b in params.values_of_mut(BlockId::ForgetBias) {
            *b += F::from_f64(config.forget_bias);
        }
        Self {
            input_size,
            hidden_size,
            config,
            params,
            offsets,
            peeps,
        }
    }

    fn wb(&self, gate: usize) -> (usize, usize) {
        self.offsets[gate].unwrap_or_else(|| panic!("gate {gate} has no parameters"))
    }

    /// Whether all four gates read only `[h_{t−1}, x_t]` (no peephole, not coupled): then
    /// their pre-activations come from one fused pass, `fused_pre_activations`.
    fn gates_are_fusable(&self) -> bool {
        !self.config.coupled && !self.peeps.contains(&true)
    }

    /// `W_g·[h_{t−1}, x_t] + b_g` of all four gates at once: unit by unit, the four gates'
    /// rows against `[h_{t−1}, x_t]` (copied side by side once), each of its values loaded
    /// once for the four rows ([`dot4`]). The same sums as four [`affine`]s up to rounding:
    /// `[h, x]` is summed as one vector rather than `h`, then `x`.
    fn fused_pre_activations(&self, h: &[F], x: &[F], out: [&mut [F]; 4]) {
        let (n, cols) = (self.hidden_size, self.hidden_size + self.input_size);
        let mut hx = Vec::with_capacity(cols);
        hx.extend_from_slice(h);
        hx.extend_from_slice(x);
        let wb = [FORGET, INPUT, CANDIDATE, OUTPUT].map(|g| self.wb(g));
        let p = &self.params.values;
        let [forget, input, candidate, output] = out;
        for j in 0..n {
            let rows = wb.map(|(w, _)| &p[w + j * cols..w + (j + 1) * cols]);
            let sums = dot4(rows, &hx);
            let [f, i, c, o] = std::array::from_fn(|g| p[wb[g].1 + j] + sums[g]);
            [forget[j], input[j], candidate[j], output[j]] = [f, i, c, o];
        }
    }

    fn gate_affine(&self, gate: usize, c: &[F], h: &[F], x: &[F], out: &mut [F]) {
        let (w, b) = self.wb(gate);
        if self.peeps[gate] {
            affine(&self.params.values, w, b, &[c, h, x], out);
        } else {
            affine(&self.params.values, w, b, &[h, x], out);
        }
    }
}
