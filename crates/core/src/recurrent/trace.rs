//! What a forward pass leaves behind: every quantity of every time step as plain numbers,
//! `trace.get(QuantityName::Forget).value(t, unit)` = f_t[unit], and the parameters as
//! named blocks (`W_f`, `b_f`, …) over one flat vector.

use serde::{Deserialize, Serialize};

use super::real::Real;

/// The name of one per-step quantity of a recurrent cell, in the lecture's notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuantityName {
    /// The input `x_t`.
    Input,
    /// LSTM forget gate `f_t`.
    Forget,
    /// LSTM input gate `i_t` (for the coupled LSTM, `1 − f_t`).
    InputGate,
    /// LSTM candidate `C̃_t`, GRU candidate `h̃_t`.
    Candidate,
    /// LSTM cell state `C_t`.
    Cell,
    /// LSTM output gate `o_t`.
    OutputGate,
    /// GRU update gate `z_t`.
    Update,
    /// GRU reset gate `r_t`.
    Reset,
    /// The hidden state `h_t` (the plain RNN's `s_t`).
    Hidden,
    /// Pre-activation of the forget gate, `W_f·[…] + b_f`.
    PreForget,
    /// Pre-activation of the input gate.
    PreInput,
    /// Pre-activation of the candidate.
    PreCandidate,
    /// Pre-activation of the output gate.
    PreOutput,
    /// Pre-activation of the GRU update gate.
    PreUpdate,
    /// Pre-activation of the GRU reset gate.
    PreReset,
    /// Pre-activation of the plain RNN's state, `W·[s_{t−1}, x_t] + b`.
    PreHidden,
    /// The readout `y_t = V h_t + c` (logits for symbols, the prediction for values).
    Logits,
    /// The softmax of the logits (symbols only): the predicted probabilities.
    Probabilities,
}

impl QuantityName {
    /// The lecture's symbol, e.g. `"f"`, `"C̃"`, `"h̃"` (`"a_f"` for pre-activations).
    pub fn symbol(self) -> &'static str {
        match self {
            QuantityName::Input => "x",
            QuantityName::Forget => "f",
            QuantityName::InputGate => "i",
            QuantityName::Candidate => "C̃",
            QuantityName::Cell => "C",
            QuantityName::OutputGate => "o",
            QuantityName::Update => "z",
            QuantityName::Reset => "r",
            QuantityName::Hidden => "h",
            QuantityName::PreForget => "a_f",
            QuantityName::PreInput => "a_i",
            QuantityName::PreCandidate => "a_C",
            QuantityName::PreOutput => "a_o",
            QuantityName::PreUpdate => "a_z",
            QuantityName::PreReset => "a_r",
            QuantityName::PreHidden => "a_s",
            QuantityName::Logits => "y",
            QuantityName::Probabilities => "p",
        }
    }
}

/// One quantity over a whole sequence: `values[t * units + unit]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity<F> {
    /// Which quantity.
    pub name: QuantityName,
    /// How many units (entries) per step.
    pub units: usize,
    /// Row-major `[t][unit]` values.
    pub values: Vec<F>,
}

impl<F: Real> Quantity<F> {
    /// The values at time step `t` (one per unit).
    pub fn at(&self, t: usize) -> &[F] {
        assert!(
            t < self.steps(),
            "step {t} is outside a trace of {} steps",
            self.steps()
        );
        &self.values[t * self.units..(t + 1) * self.units]
    }

    /// The value of `unit` at time step `t`.
    pub fn value(&self, t: usize, unit: usize) -> F {
        assert!(unit < self.units, "unit {unit} of {}", self.units);
        self.at(t)[unit]
    }

    /// The number of time steps.
    pub fn steps(&self) -> usize {
        self.values.len().checked_div(self.units).unwrap_or(0)
    }

    /// The values as rows `[t][unit]`.
    pub fn rows(&self) -> Vec<Vec<F>> {
        self.values
            .chunks(self.units.max(1))
            .map(<[F]>::to_vec)
            .collect()
    }
}

/// Everything a forward pass computed, step by step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace<F> {
    /// The number of time steps `T`.
    pub steps: usize,
    /// `h_0` (the plain RNN's `s_0`): the state before the first input.
    pub initial_hidden: Vec<F>,
    /// `C_0` for LSTMs; empty otherwise.
    pub initial_cell: Vec<F>,
    /// Every recorded quantity, inputs first.
    pub quantities: Vec<Quantity<F>>,
}

impl<F: Real> Trace<F> {
    /// The quantity `name`, if this cell has it.
    pub fn get(&self, name: QuantityName) -> Option<&Quantity<F>> {
        self.quantities.iter().find(|q| q.name == name)
    }

    /// The quantity `name`; panics if this cell has no such quantity.
    pub fn quantity(&self, name: QuantityName) -> &Quantity<F> {
        self.get(name)
            .unwrap_or_else(|| panic!("this trace has no quantity {name:?}"))
    }

    /// The hidden state `h_{t−1}` seen by step `t` (`h_0` for `t = 0`).
    pub fn previous_hidden(&self, t: usize) -> &[F] {
        if t == 0 {
            &self.initial_hidden
        } else {
            self.quantity(QuantityName::Hidden).at(t - 1)
        }
    }

    /// The cell state `C_{t−1}` seen by step `t` (LSTMs only).
    pub fn previous_cell(&self, t: usize) -> &[F] {
        if t == 0 {
            &self.initial_cell
        } else {
            self.quantity(QuantityName::Cell).at(t - 1)
        }
    }

    /// The final hidden state `h_T`.
    pub fn last_hidden(&self) -> &[F] {
        self.previous_hidden(self.steps)
    }
}

/// Which parameter block: a layer's weight matrix `W_·` or its bias `b_·`, in the
/// lecture's names. Cells address their parameters by these, never by strings.
///
/// ```
/// use nnp_core::recurrent::{BlockId, Lstm, LstmConfig};
/// use nnp_core::rng::Rng;
///
/// let mut lstm = Lstm::<f64>::new(3, 4, LstmConfig::default(), &mut Rng::seeded(1));
/// lstm.params.values_of_mut(BlockId::ForgetBias).fill(3.0); // remember by default
/// assert_eq!(lstm.params.values_of(BlockId::ForgetBias), [3.0; 4]);
/// let w_c = lstm.params.block(BlockId::CandidateWeights).unwrap();
/// assert_eq!((w_c.name, w_c.rows, w_c.cols), ("W_C", 4, 4 + 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockId {
    /// LSTM `W_f`.
    ForgetWeights,
    /// LSTM `b_f`.
    ForgetBias,
    /// LSTM `W_i`.
    InputWeights,
    /// LSTM `b_i`.
    InputBias,
    /// LSTM `W_C`.
    CandidateWeights,
    /// LSTM `b_C`.
    CandidateBias,
    /// LSTM `W_o`.
    OutputWeights,
    /// LSTM `b_o`.
    OutputBias,
    /// GRU `W_z`.
    UpdateWeights,
    /// GRU `b_z`.
    UpdateBias,
    /// GRU `W_r`.
    ResetWeights,
    /// GRU `b_r`.
    ResetBias,
    /// The plain RNN's `W` (over `[s_{t−1}, x_t]`), the GRU candidate's `W`.
    Weights,
    /// The plain RNN's `b`, the GRU candidate's `b`.
    Bias,
    /// PyTorch's GRU `b_hn` (the bias inside the reset product).
    HiddenBias,
    /// The readout's `V`.
    ReadoutWeights,
    /// The readout's `c`.
    ReadoutBias,
}

impl BlockId {
    /// The lecture's name, e.g. `"W_f"`.
    pub fn symbol(self) -> &'static str {
        match self {
            BlockId::ForgetWeights => "W_f",
            BlockId::ForgetBias => "b_f",
            BlockId::InputWeights => "W_i",
            BlockId::InputBias => "b_i",
            BlockId::CandidateWeights => "W_C",
            BlockId::CandidateBias => "b_C",
            BlockId::OutputWeights => "W_o",
            BlockId::OutputBias => "b_o",
            BlockId::UpdateWeights => "W_z",
            BlockId::UpdateBias => "b_z",
            BlockId::ResetWeights => "W_r",
            BlockId::ResetBias => "b_r",
            BlockId::Weights => "W",
            BlockId::Bias => "b",
            BlockId::HiddenBias => "b_hn",
            BlockId::ReadoutWeights => "V",
            BlockId::ReadoutBias => "c",
        }
    }
}

/// A named block of a flat parameter vector: a `rows × cols` matrix (row-major) or,
/// with `cols = 1`, a bias vector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Which block.
    pub id: BlockId,
    /// The lecture's name, e.g. `"W_f"` or `"b_f"` ([`BlockId::symbol`]).
    pub name: &'static str,
    /// Rows (output units).
    pub rows: usize,
    /// Columns (inputs); 1 for biases.
    pub cols: usize,
    /// Where the block starts in the flat vector.
    pub offset: usize,
}

impl Block {
    /// The range of the block in the flat vector.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.rows * self.cols
    }
}

/// Parameters as one flat vector plus named blocks: what Adam, clipping and the
/// gradient check see as one vector, and what a screen shows as matrices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params<F> {
    /// All parameters, block after block.
    pub values: Vec<F>,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

impl<F: Real> Params<F> {
    pub(crate) fn new() -> Self {
        Self {
            values: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// Appends a zero block and returns its offset.
    pub(crate) fn add(&mut self, id: BlockId, rows: usize, cols: usize) -> usize {
        assert!(self.block(id).is_none(), "a second block {id:?}");
        let offset = self.values.len();
        self.values.resize(offset + rows * cols, F::ZERO);
        self.blocks.push(Block {
            id,
            name: id.symbol(),
            rows,
            cols,
            offset,
        });
        offset
    }

    /// The block `id`, if this cell has it.
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }

    /// The values of block `id` (row-major); panics if this cell has no such block.
    pub fn values_of(&self, id: BlockId) -> &[F] {
        let block = self
            .block(id)
            .unwrap_or_else(|| panic!("this cell has no parameter block {id:?}"));
        &self.values[block.range()]
    }

    /// The values of block `id`, to edit; panics if this cell has no such block.
    pub fn values_of_mut(&mut self, id: BlockId) -> &mut [F] {
        let range = self
            .block(id)
            .unwrap_or_else(|| panic!("this cell has no parameter block {id:?}"))
            .range();
        &mut self.values[range]
    }

    /// Sets every block from `given` (each block of this layout exactly once, row-major
    /// `rows × cols`); panics on a missing, extra or wrongly sized block.
    pub(crate) fn fill_from(&mut self, given: &[(BlockId, &[F])]) {
        assert_eq!(
            given.len(),
            self.blocks.len(),
            "one matrix per parameter block"
        );
        for (id, values) in given {
            let block = self
                .block(*id)
                .unwrap_or_else(|| panic!("this cell has no parameter block {id:?}"))
                .clone();
            assert_eq!(
                values.len(),
                block.rows * block.cols,
                "{id:?} must be {} × {}",
                block.rows,
                block.cols
            );
            self.values[block.range()].copy_from_slice(values);
        }
    }

    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// `‖∂loss/∂·‖` for every time step: the vanishing-gradient picture.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GradientFlow<F> {
    /// `‖∂loss/∂h_t‖` for t = 0..T (total derivative through all later steps, with
    /// `C_t` held as a separate variable for LSTMs).
    pub hidden: Vec<F>,
    /// `‖∂loss/∂C_t‖` for LSTMs (total: through `h_t = o_t * tanh(C_t)` and through all
    /// later steps); empty for the RNN and the GRU.
    pub cell: Vec<F>,
    /// `‖∂loss/∂x_t‖` for t = 0..T.
    pub input: Vec<F>,
}
