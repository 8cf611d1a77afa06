//! A recurrent cell with a readout `y_t = V h_t + c` and a loss at the steps that have a
//! target: softmax cross-entropy `−ln softmax(y_t)_k` for symbols, `½‖y_t − target‖²`
//! for values, averaged over those steps.

use serde::{Deserialize, Serialize};

use super::real::{Real, affine, affine_backward};
use super::tasks::{Output, Sequence, Target};
use super::trace::{BlockId, GradientFlow, Params, Quantity, QuantityName, Trace};
use super::{
    Cell, EquationLine, Gru, GruConfig, GruForm, Lstm, LstmConfig, Peepholes, Rnn, RnnConfig,
    Variant, init_uniform,
};
use crate::activation::Activation;
use crate::rng::Rng;

/// Everything that defines a model before training.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ModelConfig {
    /// Which cell.
    pub variant: Variant,
    /// The size of `x_t`.
    pub input_size: usize,
    /// The number of units `H`.
    pub hidden_size: usize,
    /// The size of `y_t`.
    pub output_size: usize,
    /// Symbols or values.
    pub output: Output,
    /// `f` of the plain RNN (tanh).
    pub rnn_activation: Activation,
    /// Which gates peep in [`Variant::Peephole`] (all three, the lecture's form).
    pub peepholes: Peepholes,
    /// Added to the LSTMs' initial forget bias (1.0).
    pub forget_bias: f64,
    /// Added to the LSTMs' initial input-gate bias `b_i` (0.0; the coupled LSTM has
    /// none). Negative keeps distractors out of `C` until training opens the gate for
    /// what matters (Hochreiter & Schmidhuber 1997 start it at −1 to −3 for long lags).
    #[serde(default)]
    pub input_bias: f64,
    /// Added to the GRU's initial update-gate bias `b_z` (0.0). Negative keeps `h`:
    /// `z_t = σ(b_z + …)` small means `h_t ≈ h_{t−1}`, the GRU's counterpart of a large
    /// forget bias.
    #[serde(default)]
    pub update_bias: f64,
    /// The lecture's GRU or PyTorch's.
    pub gru_form: GruForm,
    /// The seed of the initial weights.
    pub seed: u64,
}

impl Default for ModelConfig {
    fn default() -> Self {
        Self {
            variant: Variant::Lstm,
            input_size: 4,
            hidden_size: 16,
            output_size: 4,
            output: Output::Classes,
            rnn_activation: Activation::Tanh,
            peepholes: Peepholes::ALL,
            forget_bias: 1.0,
            input_bias: 0.0,
            update_bias: 0.0,
            gru_form: GruForm::Lecture,
            seed: 1,
        }
    }
}

/// A recurrent cell plus a linear readout.
#[derive(Debug, Clone, PartialEq)]
pub struct Model<F = f32> {
    /// How it was built.
    pub config: ModelConfig,
    /// The recurrent cell.
    pub cell: Cell<F>,
    /// `V` (`output_size × H`) and `c` (`output_size`).
    pub readout: Params<F>,
}

/// The result of one forward and backward pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Backprop<F> {
    /// The loss of the sequence.
    pub loss: F,
    /// `∂loss/∂θ` in the order of [`Model::parameters`].
    pub gradients: Vec<F>,
    /// `‖∂loss/∂h_t‖`, `‖∂loss/∂C_t‖`, `‖∂loss/∂x_t‖` per step.
    pub flow: GradientFlow<F>,
    /// The forward pass.
    pub trace: Trace<F>,
}

impl<F: Real> Model<F> {
    /// A freshly initialised model (seeded by `config.seed`).
    pub fn new(config: ModelConfig) -> Self {
        assert!(
            config.output_size > 0,
            "a readout needs at least one output"
        );
        let mut rng = Rng::seeded(config.seed);
        let (i, h) = (config.input_size, config.hidden_size);
        let lstm = |peepholes, coupled| LstmConfig {
            peepholes,
            coupled,
            forget_bias: config.forget_bias,
        };
        let mut cell = match config.variant {
            Variant::Rnn => Cell::Rnn(Rnn::new(
                i,
                h,
                RnnConfig {
                    activation: config.rnn_activation,
                },
                &mut rng,
            )),
            Variant::Lstm => Cell::Lstm(Lstm::new(i, h, lstm(Peepholes::NONE, false), &mut rng)),
            Variant::Peephole => {
                Cell::Lstm(Lstm::new(i, h, lstm(config.peepholes, false), &mut rng))
            }
            Variant::Coupled => Cell::Lstm(Lstm::new(i, h, lstm(Peepholes::NONE, true), &mut rng)),
            Variant::Gru => {
                let mut gru = Gru::new(
                    i,
                    h,
                    GruConfig {
                        form: config.gru_form,
                    },
                    &mut rng,
                );
                for b in gru.params.values_of_mut(BlockId::UpdateBias) {
                    *b += F::from_f64(config.update_bias);
                }
                Cell::Gru(gru)
            }
        };
        // The coupled LSTM has no input gate of its own.
        if let Cell::Lstm(lstm) = &mut cell
            && lstm.params.block(BlockId::InputBias).is_some()
        {
            for b in lstm.params.values_of_mut(BlockId::InputBias) {
                *b += F::from_f64(config.input_bias);
            }
        }
        let mut readout = Params::new();
        readout.add(BlockId::ReadoutWeights, config.output_size, h);
        readout.add(BlockId::ReadoutBias, config.output_size, 1);
        init_uniform(&mut readout, h, &mut rng);
        Self {
            config,
            cell,
            readout,
        }
    }

    fn to_real(inputs: &[Vec<f32>]) -> Vec<Vec<F>> {
        inputs
            .iter()
            .map(|x| x.iter().map(|v| F::from_f32(*v)).collect())
            .collect()
    }

    /// Runs `inputs` through the cell and the readout, recording every quantity of every
    /// step, including the readout's [`QuantityName::Logits`] (and
    /// [`QuantityName::Probabilities`] for symbols).
    pub fn forward(&self, inputs: &[Vec<f32>]) -> Trace<F> {
        let mut trace = self.cell.seq(&Self::to_real(inputs), None);
        let (o, steps) = (self.config.output_size, trace.steps);
        let mut logits = vec![F::ZERO; steps * o];
        let hidden = trace.quantity(QuantityName::Hidden);
        for t in 0..steps {
            affine(
                &self.readout.values,
                0,
                o * self.config.hidden_size,
                &[hidden.at(t)],
                &mut logits[t * o..(t + 1) * o],
            );
        }
        if self.config.output == Output::Classes {
            let mut probabilities = logits.clone();
            for row in probabilities.chunks_mut(o) {
                softmax(row);
            }
            trace.quantities.push(Quantity {
                name: QuantityName::Logits,
                units: o,
                values: logits,
            });
            trace.quantities.push(Quantity {
                name: QuantityName::Probabilities,
                units: o,
                values: probabilities,
            });
        } else {
            trace.quantities.push(Quantity {
                name: QuantityName::Logits,
                units: o,
                values: logits,
            });
        }
        trace
    }

    /// The loss of each target step of a forward pass, and `∂loss/∂y_t` (all steps).
    fn loss_and_dlogits(&self, trace: &Trace<F>, sequence: &Sequence) -> (F, Vec<F>) {
        assert_eq!(
            sequence.targets.len(),
            trace.steps,
            "one (optional) target per step"
        );
        let o = self.config.output_size;
        let logits = trace.quantity(QuantityName::Logits);
        let mut dlogits = vec![F::ZERO; trace.steps * o];
        let count = sequence.targets.iter().flatten().count();
        #[allow(clippy::cast_precision_loss)]
        let scale = F::ONE / F::from_f64(count.max(1) as f64);
        let mut loss = F::ZERO;
        for (t, target) in sequence.targets.iter().enumerate() {
            let Some(target) = target else { continue };
            let d = &mut dlogits[t * o..(t + 1) * o];
            match (target, self.config.output) {
                (Target::Class(k), Output::Classes) => {
                    assert!(*k < o, "class {k} of {o}");
                    let p = trace.quantity(QuantityName::Probabilities).at(t);
                    let y = logits.at(t);
                    let max = max_of(y);
                    let log_sum = max + y.iter().map(|v| (*v - max).exp()).sum::<F>().ln();
                    loss += log_sum - y[*k];
                    for (dj, pj) in d.iter_mut().zip(p) {
                        *dj = *pj * scale;
                    }
                    d[*k] -= scale;
                }
                (Target::Values(values), Output::Values) => {
                    assert_eq!(values.len(), o, "one target value per output");
                    for ((dj, y), v) in d.iter_mut().zip(logits.at(t)).zip(values) {
                        let e = *y - F::from_f32(*v);
                        loss += F::from_f64(0.5) * e * e;
                        *dj = e * scale;
                    }
                }
                _ => panic!(
                    "a {target:?} target for a model that predicts {:?}",
                    self.config.output
                ),
            }
        }
        (loss * scale, dlogits)
    }

    /// The loss of one sequence.
    pub fn loss(&self, sequence: &Sequence) -> F {
        self.loss_and_dlogits(&self.forward(&sequence.inputs), sequence)
            .0
    }

    /// Forward pass, loss and backpropagation through time for one sequence.
    pub fn backprop(&self, sequence: &Sequence) -> Backprop<F> {
        let trace = self.forward(&sequence.inputs);
        let (loss, dlogits) = self.loss_and_dlogits(&trace, sequence);
        let (o, n, steps) = (
            self.config.output_size,
            self.config.hidden_size,
            trace.steps,
        );
        let cell_len = self.cell.params().len();
        let mut gradients = vec![F::ZERO; cell_len + self.readout.len()];
        let (cell_grads, readout_grads) = gradients.split_at_mut(cell_len);
        let mut dh_direct = vec![F::ZERO; steps * n];
        let hidden = trace.quantity(QuantityName::Hidden);
        for t in 0..steps {
            affine_backward(
                &self.readout.values,
                readout_grads,
                (0, o * n),
                &dlogits[t * o..(t + 1) * o],
                &[hidden.at(t)],
                &mut [&mut dh_direct[t * n..(t + 1) * n]],
            );
        }
        let flow = self.cell.backward(&trace, &dh_direct, cell_grads);
        Backprop {
            loss,
            gradients,
            flow,
            trace,
        }
    }

    /// The numbers of `unit`'s equations at step `t` of a trace made by [`forward`](Self::forward).
    pub fn equations(&self, trace: &Trace<F>, t: usize, unit: usize) -> Vec<EquationLine<F>> {
        self.cell.equations(trace, t, unit)
    }

    /// The number of parameters (cell and readout).
    pub fn parameter_count(&self) -> usize {
        self.cell.params().len() + self.readout.len()
    }

    /// All parameters as one vector: the cell's blocks, then `V` and `c`.
    pub fn parameters(&self) -> Vec<F> {
        let mut all = self.cell.params().values.clone();
        all.extend_from_slice(&self.readout.values);
        all
    }

    /// Copies all parameters (in the order of [`parameters`](Self::parameters)) into
    /// `out`, which must hold exactly [`parameter_count`](Self::parameter_count) values.
    pub fn copy_parameters_into(&self, out: &mut [F]) {
        assert_eq!(out.len(), self.parameter_count(), "one value per parameter");
        let (cell, readout) = out.split_at_mut(self.cell.params().len());
        cell.copy_from_slice(&self.cell.params().values);
        readout.copy_from_slice(&self.readout.values);
    }

    /// Replaces all parameters (in the order of [`parameters`](Self::parameters)).
    pub fn set_parameters(&mut self, values: &[F]) {
        assert_eq!(
            values.len(),
            self.parameter_count(),
            "one value per parameter"
        );
        let (cell, readout) = values.split_at(self.cell.params().len());
        self.cell.params_mut().values.copy_from_slice(cell);
        self.readout.values.copy_from_slice(readout);
    }

    /// Calls `f(index, &mut parameter)` for every parameter, in the order of
    /// [`parameters`](Self::parameters).
    pub fn for_each_parameter_mut(&mut self, mut f: impl FnMut(usize, &mut F)) {
        let cell_len = self.cell.params().len();
        for (k, v) in self.cell.params_mut().values.iter_mut().enumerate() {
            f(k, v);
        }
        for (k, v) in self.readout.values.iter_mut().enumerate() {
            f(cell_len + k, v);
        }
    }
}

fn max_of<F: Real>(row: &[F]) -> F {
    row.iter()
        .copied()
        .fold(row[0], |a, b| if b > a { b } else { a })
}

/// Softmax in place, shifted by the maximum for stability.
pub(crate) fn softmax<F: Real>(row: &mut [F]) {
    let max = max_of(row);
    let mut sum = F::ZERO;
    for v in row.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in row.iter_mut() {
        *v = *v / sum;
    }
}
