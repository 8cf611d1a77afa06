//! Recurrent networks (lecture §7) and their training by backpropagation through time.
//!
//! A recurrent cell reads one input per time step and carries a state forward:
//!
//! - plain RNN: `s_t = f(U x_t + W s_{t−1} + b)`, f = tanh or ReLU ([`Rnn`]);
//! - LSTM: `f_t, i_t, o_t = σ(W_·[h_{t−1}, x_t] + b_·)`, `C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)`,
//!   `C_t = f_t * C_{t−1} + i_t * C̃_t`, `h_t = o_t * tanh(C_t)` ([`Lstm`]), with the peephole
//!   (`W_f·[C_{t−1}, h_{t−1}, x_t]`, …) and coupled (`C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t`)
//!   variants;
//! - GRU: `z_t, r_t = σ(W_·[h_{t−1}, x_t])`, `h̃_t = tanh(W·[r_t * h_{t−1}, x_t])`,
//!   `h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t` ([`Gru`]).
//!
//! A [`Model`] puts a readout `y_t = V h_t + c` on any [`Variant`] and scores it with
//! softmax cross-entropy (symbols) or squared error (values) at the steps that have a
//! target. Its forward pass records every gate of every step as a [`Trace`]; its backward
//! pass returns the gradient of every parameter and the norms `‖∂loss/∂h_t‖` of every
//! step ([`GradientFlow`], the vanishing-gradient picture). [`Trainer`] trains with Adam
//! and gradient-norm clipping on the built-in [`Task`]s; [`Race`] races RNN, LSTM and GRU
//! over a long distance.
//!
//! Everything is generic over the number type ([`Real`]): the playground uses `f32`, the
//! gradient checks run the same code in `f64`.

mod alphabet;
mod checkpoint;
mod equations;
mod gru;
mod lstm;
mod model;
mod race;
mod readout;
mod real;
mod record;
mod rnn;
mod task_config;
mod tasks;
mod trace;
mod train;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use alphabet::{MAX_SYMBOLS, OTHER};
pub use equations::{EquationLine, Terms};
pub use gru::{Gru, GruConfig, GruForm, GruStep};
pub use lstm::{Lstm, LstmConfig, LstmGates, LstmStep, Peepholes};
pub use model::{Backprop, Model, ModelConfig};
pub use race::{EVALUATION_SIZE, Lane, NEAR_CHANCE, RACE_VARIANTS, Race, RaceConfig};
pub use readout::{Prediction, argmax};
pub use real::{Real, sigmoid};
pub(crate) use real::{dot4_interleaved_plain, dot4_plain};
pub use rnn::{Rnn, RnnConfig, RnnStep};
pub use task_config::{REMEMBER_FORGET_BIAS, REMEMBER_INPUT_BIAS, REMEMBER_UPDATE_BIAS};
pub use tasks::{Output, Sequence, SequenceError, Target, Task, TaskError, one_hot};
pub use trace::{Block, BlockId, GradientFlow, Params, Quantity, QuantityName, Trace};
pub use train::{
    Adam, AdamConfig, Diverged, Evaluation, TARGET_WINDOW, TrainConfig, TrainStep, Trainer,
    clip_gradient_norm,
};

use crate::rng::Rng;

/// The kinds of recurrent cell the playground offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Variant {
    /// The plain RNN.
    Rnn,
    /// The standard LSTM.
    #[default]
    Lstm,
    /// The LSTM whose gates also read the cell state.
    Peephole,
    /// The LSTM whose input gate is `1 − f_t`.
    Coupled,
    /// The gated recurrent unit.
    Gru,
}

impl Variant {
    /// Every variant, in the lecture's order.
    pub const ALL: [Variant; 5] = [
        Variant::Rnn,
        Variant::Lstm,
        Variant::Peephole,
        Variant::Coupled,
        Variant::Gru,
    ];

    /// A short stable name, used in links.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Rnn => "rnn",
            Variant::Lstm => "lstm",
            Variant::Peephole => "peephole",
            Variant::Coupled => "coupled",
            Variant::Gru => "gru",
        }
    }

    /// The variant whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.id() == id)
    }

    /// The per-step quantities a trace of this variant holds, in display order.
    pub fn quantities(self) -> &'static [QuantityName] {
        use QuantityName as Q;
        match self {
            Variant::Rnn => &[Q::Hidden],
            Variant::Lstm | Variant::Peephole | Variant::Coupled => &[
                Q::Forget,
                Q::InputGate,
                Q::Candidate,
                Q::Cell,
                Q::OutputGate,
                Q::Hidden,
            ],
            Variant::Gru => &[Q::Update, Q::Reset, Q::Candidate, Q::Hidden],
        }
    }
}

/// The state a cell carries between steps: `h` (the RNN's `s`) and, for LSTMs, `C`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State<F> {
    /// `h_t`.
    pub hidden: Vec<F>,
    /// `C_t` (LSTMs only; empty otherwise).
    pub cell: Vec<F>,
}

impl<F: Real> State<F> {
    /// The zero state of `hidden_size` units (with a cell state if `with_cell`).
    pub fn zeros(hidden_size: usize, with_cell: bool) -> Self {
        Self {
            hidden: vec![F::ZERO; hidden_size],
            cell: if with_cell {
                vec![F::ZERO; hidden_size]
            } else {
                Vec::new()
            },
        }
    }

    /// `h` of `state` alone (a cell without a cell state starts from it).
    pub fn without_cell(state: &Self) -> Self {
        Self {
            hidden: state.hidden.clone(),
            cell: Vec::new(),
        }
    }
}

/// Any recurrent cell behind one interface, so a screen can run the same input through
/// every variant.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<F> {
    /// A plain RNN.
    Rnn(Rnn<F>),
    /// An LSTM (standard, peephole or coupled).
    Lstm(Lstm<F>),
    /// A GRU.
    Gru(Gru<F>),
}

macro_rules! dispatch {
    ($self:expr, $c:ident => $e:expr) => {
        match $self {
            Cell::Rnn($c) => $e,
            Cell::Lstm($c) => $e,
            Cell::Gru($c) => $e,
        }
    };
}

impl<F: Real> Cell<F> {
    /// One step from `state`.
    pub fn step(&self, x: &[F], state: &State<F>) -> State<F> {
        dispatch!(self, c => c.step(x, state))
    }

    /// The whole sequence from `initial` (zeros if `None`), every quantity recorded.
    pub fn seq(&self, inputs: &[Vec<F>], initial: Option<&State<F>>) -> Trace<F> {
        dispatch!(self, c => c.seq(inputs, initial))
    }

    /// Backpropagation through time (see [`Lstm::backward`]).
    pub fn backward(&self, trace: &Trace<F>, dh_direct: &[F], grads: &mut [F]) -> GradientFlow<F> {
        dispatch!(self, c => c.backward(trace, dh_direct, grads))
    }

    /// The numbers of `unit`'s equations at step `t`.
    pub fn equations(&self, trace: &Trace<F>, t: usize, unit: usize) -> Vec<EquationLine<F>> {
        dispatch!(self, c => c.equations(trace, t, unit))
    }

    /// The parameters as named blocks.
    pub fn params(&self) -> &Params<F> {
        dispatch!(self, c => &c.params)
    }

    /// The parameters, to edit.
    pub fn params_mut(&mut self) -> &mut Params<F> {
        dispatch!(self, c => &mut c.params)
    }

    /// The number of units `H`.
    pub fn hidden_size(&self) -> usize {
        dispatch!(self, c => c.hidden_size)
    }

    /// The size of `x_t`.
    pub fn input_size(&self) -> usize {
        dispatch!(self, c => c.input_size)
    }

    /// Whether the cell carries a cell state `C` (the LSTMs).
    pub fn has_cell_state(&self) -> bool {
        matches!(self, Cell::Lstm(_))
    }
}

/// Fills `params` uniformly from `±1/√fan` (PyTorch's initialisation for recurrent layers).
pub(crate) fn init_uniform<F: Real>(params: &mut Params<F>, fan: usize, rng: &mut Rng) {
    #[allow(clippy::cast_precision_loss)]
    let k = 1.0 / (fan as f64).sqrt();
    for v in &mut params.values {
        *v = F::from_f64(rng.uniform(-k, k));
    }
}
