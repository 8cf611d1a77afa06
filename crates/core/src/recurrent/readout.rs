//! The readout `y_t = V h_t + c` on top of a recurrent cell: building a model from given
//! weights, and reading its answer off a forward pass (the likeliest symbol or the
//! values) and whether that answer is right.

use super::model::{Model, ModelConfig};
use super::real::Real;
use super::tasks::{Output, Sequence, Target};
use super::trace::{BlockId, Params, QuantityName, Trace};
use super::{Cell, Peepholes, Variant};

/// The index of the largest value (the first of equals); 0 for an empty row.
pub fn argmax<F: Real>(row: &[F]) -> usize {
    (0..row.len()).fold(0, |best, j| if row[j] > row[best] { j } else { best })
}

/// What a model answers at one step.
#[derive(Debug, Clone, PartialEq)]
pub enum Prediction<F> {
    /// The likeliest symbol and its probability (models that predict [`Output::Classes`]).
    Class {
        /// Which symbol.
        class: usize,
        /// `softmax(y_t)[class]`.
        probability: F,
    },
    /// `y_t` itself (models that predict [`Output::Values`]).
    Values(Vec<F>),
}

impl<F: Real> Prediction<F> {
    /// The answer at step `t` of a trace made by [`Model::forward`]; `None` for a trace
    /// without a readout (a bare cell's [`seq`](Cell::seq)) or a step outside it.
    pub fn read(trace: &Trace<F>, t: usize) -> Option<Self> {
        if t >= trace.steps {
            return None;
        }
        if let Some(p) = trace.get(QuantityName::Probabilities) {
            let row = p.at(t);
            let class = argmax(row);
            return Some(Prediction::Class {
                class,
                probability: row[class],
            });
        }
        let y = trace.get(QuantityName::Logits)?;
        Some(Prediction::Values(y.at(t).to_vec()))
    }

    /// Whether this answer is `target`: `Some` for a symbol (right or wrong), `None` for
    /// values (which are only ever near or far, see the loss).
    pub fn hits(&self, target: &Target) -> Option<bool> {
        match (self, target) {
            (Prediction::Class { class, .. }, Target::Class(k)) => Some(class == k),
            _ => None,
        }
    }
}

impl<F: Real> Model<F> {
    /// A model of `cell` whose readout has the given weights: `V` row-major
    /// `output_size × H` (rows = outputs, cols = hidden units, like ndarray and
    /// PyTorch's `Linear.weight`) and `c` of `output_size`. Panics if `V` does not have
    /// `c.len() × H` values. The configuration is read off the cell (its seed is 0).
    ///
    /// ```
    /// use nnp_core::recurrent::{BlockId, Cell, Model, Output, QuantityName, Rnn, RnnConfig};
    ///
    /// // One unit, s_t = tanh(x_t), read out by two outputs y = V s + c.
    /// let rnn = Rnn::<f64>::from_blocks(1, 1, RnnConfig::default(), &[
    ///     (BlockId::Weights, &[0.0, 1.0]), // over [s_{t−1}, x_t]
    ///     (BlockId::Bias, &[0.0]),
    /// ]);
    /// let v = [2.0, -1.0]; // 2 × 1
    /// let model = Model::from_weights(Cell::Rnn(rnn), Output::Values, &v, &[0.5, 0.0]);
    /// let trace = model.forward(&[vec![1.0]]);
    /// let (s, y) = (1f64.tanh(), trace.quantity(QuantityName::Logits).at(0));
    /// assert!((y[0] - (2.0 * s + 0.5)).abs() < 1e-12);
    /// assert!((y[1] - (-s)).abs() < 1e-12);
    /// ```
    pub fn from_weights(cell: Cell<F>, output: Output, weights: &[F], bias: &[F]) -> Self {
        let (outputs, hidden) = (bias.len(), cell.hidden_size());
        assert!(
            outputs > 0,
            "a readout needs at least one output (c is empty)"
        );
        assert_eq!(
            weights.len(),
            outputs * hidden,
            "the readout V must be {outputs} × {hidden} (outputs × hidden units, row-major) \
             to fit {outputs} biases and {hidden} units, but has {} values",
            weights.len()
        );
        let mut readout = Params::new();
        readout.add(BlockId::ReadoutWeights, outputs, hidden);
        readout.add(BlockId::ReadoutBias, outputs, 1);
        readout.fill_from(&[
            (BlockId::ReadoutWeights, weights),
            (BlockId::ReadoutBias, bias),
        ]);
        Self {
            config: config_of(&cell, output, outputs),
            cell,
            readout,
        }
    }

    /// `(right, asked)`: how many of the sequence's symbol targets the forward pass
    /// `trace` of it predicts (0 of 0 for a model that predicts values).
    pub fn count_right(&self, sequence: &Sequence, trace: &Trace<F>) -> (usize, usize) {
        let mut right = 0;
        let mut asked = 0;
        for (t, target) in sequence.targets.iter().enumerate() {
            let Some(target) = target else { continue };
            let hit = Prediction::read(trace, t).and_then(|p| p.hits(target));
            if let Some(hit) = hit {
                asked += 1;
                right += usize::from(hit);
            }
        }
        (right, asked)
    }
}

/// The configuration that describes `cell` under a readout of `output_size` outputs.
fn config_of<F: Real>(cell: &Cell<F>, output: Output, output_size: usize) -> ModelConfig {
    let base = ModelConfig {
        input_size: cell.input_size(),
        hidden_size: cell.hidden_size(),
        output_size,
        output,
        seed: 0,
        ..ModelConfig::default()
    };
    match cell {
        Cell::Rnn(rnn) => ModelConfig {
            variant: Variant::Rnn,
            rnn_activation: rnn.config.activation,
            ..base
        },
        Cell::Lstm(lstm) => {
            let c = lstm.config;
            let variant = if c.coupled {
                Variant::Coupled
            } else if c.peepholes == Peepholes::NONE {
                Variant::Lstm
            } else {
                Variant::Peephole
            };
            ModelConfig {
                variant,
                peepholes: c.peepholes,
                forget_bias: c.forget_bias,
                ..base
            }
        }
        Cell::Gru(gru) => ModelConfig {
            variant: Variant::Gru,
            gru_form: gru.config.form,
            ..base
        },
    }
}
