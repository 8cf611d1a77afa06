//! The plain recurrent network (lecture §7): `s_t = f(U x_t + W s_{t−1} + b)`, f = tanh or
//! ReLU. The two matrices are stored side by side as one `H × (H + I)` block `W` over
//! `[s_{t−1}, x_t]` (its first `H` columns are the lecture's `W`, the rest are `U`), so
//! all cells share one layout; `s_t` is recorded as [`QuantityName::Hidden`].

use serde::{Deserialize, Serialize};

use super::equations::{EquationLine, affine_line};
use super::real::{Real, affine, affine_backward, norm};
use super::record::{StepRecord, run_sequence};
use super::trace::{BlockId, GradientFlow, Params, QuantityName, Trace};
use super::{State, init_uniform};
use crate::activation::Activation;
use crate::rng::Rng;

/// How a plain RNN is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RnnConfig {
    /// `f`: tanh (default), ReLU, logistic or linear; sign has no gradient and is refused.
    pub activation: Activation,
}

impl Default for RnnConfig {
    fn default() -> Self {
        Self {
            activation: Activation::Tanh,
        }
    }
}

/// A plain RNN cell.
///
/// ```
/// use nnp_core::recurrent::{BlockId, Rnn, RnnConfig};
///
/// // s_t = tanh(0.5·s_{t−1} + 1·x_t): W over [s_{t−1}, x_t] is one row [0.5, 1].
/// let rnn = Rnn::<f64>::from_blocks(1, 1, RnnConfig::default(), &[
///     (BlockId::Weights, &[0.5, 1.0]),
///     (BlockId::Bias, &[0.0]),
/// ]);
/// let trace = rnn.seq(&[vec![1.0], vec![0.0]], None);
/// let s1 = 1f64.tanh();
/// assert!((trace.last_hidden()[0] - (0.5 * s1).tanh()).abs() < 1e-12, "x_1 echoes on");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Rnn<F> {
    /// The size of `x_t`.
    pub input_size: usize,
    /// The number of units `H` (size of `s_t`).
    pub hidden_size: usize,
    /// The activation.
    pub config: RnnConfig,
    /// `W` (over `[s_{t−1}, x_t]`) and `b` as named blocks.
    pub params: Params<F>,
    wb: (usize, usize),
}

/// Everything one plain-RNN step computes: the new state and its pre-activation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RnnStep<F> {
    /// `a_t = W·[s_{t−1}, x_t] + b`.
    pub pre: Vec<F>,
    /// `s_t = f(a_t)`.
    pub state: State<F>,
}

impl<F: Real> RnnStep<F> {
    /// A zero record for `hidden_size` units, to be filled by [`Rnn::step_into`].
    pub fn zeros(hidden_size: usize) -> Self {
        Self {
            pre: vec![F::ZERO; hidden_size],
            state: State::zeros(hidden_size, false),
        }
    }
}

impl<F: Real> StepRecord<F> for RnnStep<F> {
    type Layout = ();

    fn state_mut(&mut self) -> &mut State<F> {
        &mut self.state
    }

    fn rows<'a>(&'a self, x: &'a [F], (): ()) -> impl IntoIterator<Item = (QuantityName, &'a [F])>
    where
        F: 'a,
    {
        [
            (QuantityName::Input, x),
            (QuantityName::Hidden, &self.state.hidden),
            (QuantityName::PreHidden, &self.pre),
        ]
    }
}

impl<F: Real> Rnn<F> {
    /// A cell with the given weights: `W` over `[s_{t−1}, x_t]` and `b`, each row-major
    /// `rows × cols` like ndarray ([`Params::block`](super::Params::block) tells a
    /// layout's shapes). Panics on a missing, extra or wrongly sized block.
    pub fn from_blocks(
        input_size: usize,
        hidden_size: usize,
        config: RnnConfig,
        blocks: &[(BlockId, &[F])],
    ) -> Self {
        let mut cell = Self::new(input_size, hidden_size, config, &mut Rng::seeded(0));
        cell.params.fill_from(blocks);
        cell
    }

    /// A cell with weights drawn uniformly from `±1/√H` (PyTorch's default), seeded.
    pub fn new(input_size: usize, hidden_size: usize, config: RnnConfig, rng: &mut Rng) -> Self {
        assert!(
            hidden_size > 0 && input_size > 0,
            "an RNN needs inputs and units"
        );
        assert!(
            config.activation.is_trainable(),
            "sign has no gradient: an RNN cannot use it"
        );
        let mut params = Params::new();
        let wb = (
            params.add(BlockId::Weights, hidden_size, hidden_size + input_size),
            params.add(BlockId::Bias, hidden_size, 1),
        );
        init_uniform(&mut params, hidden_size, rng);
        Self {
            input_size,
            hidden_size,
            config,
            params,
            wb,
        }
    }

    /// One step: `s_t = f(W·[s_{t−1}, x_t] + b)` from `x_t` and `s_{t−1}`, written into
    /// `out` with its pre-activation (its buffers are reused). Everything else is built on
    /// this.
    pub fn step_into(&self, x: &[F], state: &State<F>, out: &mut RnnStep<F>) {
        assert_eq!(x.len(), self.input_size, "x_t has the wrong size");
        assert_eq!(
            state.hidden.len(),
            self.hidden_size,
            "initial state of the wrong size"
        );
        let s_prev = &state.hidden[..];
        let RnnStep { pre, state } = out;
        affine(&self.params.values, self.wb.0, self.wb.1, &[s_prev, x], pre);
        for (s, a) in state.hidden.iter_mut().zip(pre.iter()) {
            *s = self.config.activation.value(*a);
        }
    }

    /// One step: `s_t` from `x_t` and `s_{t−1}`.
    pub fn step(&self, x: &[F], state: &State<F>) -> State<F> {
        let mut out = RnnStep::zeros(self.hidden_size);
        self.step_into(x, state, &mut out);
        out.state
    }

    /// Runs the whole sequence from `initial` (zeros if `None`) one
    /// [`step`](Self::step_into) at a time, recording `s_t` and its pre-activation.
    pub fn seq(&self, inputs: &[Vec<F>], initial: Option<&State<F>>) -> Trace<F> {
        let n = self.hidden_size;
        let start = initial.map_or_else(|| State::zeros(n, false), State::without_cell);
        run_sequence(
            inputs,
            self.input_size,
            start,
            RnnStep::zeros(n),
            (),
            |x, s, out| self.step_into(x, s, out),
        )
    }

    /// Backpropagation through time; see [`Lstm::backward`](super::Lstm::backward).
    pub fn backward(&self, trace: &Trace<F>, dh_direct: &[F], grads: &mut [F]) -> GradientFlow<F> {
        let (n, steps) = (self.hidden_size, trace.steps);
        assert_eq!(dh_direct.len(), steps * n, "one ∂loss/∂s per unit and step");
        assert_eq!(grads.len(), self.params.len(), "one gradient per parameter");
        let (xq, sq) = (
            trace.quantity(QuantityName::Input),
            trace.quantity(QuantityName::Hidden),
        );
        let mut flow = GradientFlow {
            hidden: vec![F::ZERO; steps],
            cell: Vec::new(),
            input: vec![F::ZERO; steps],
        };
        let (mut ds, mut da, mut ds_prev, mut dx) = (
            vec![F::ZERO; n],
            vec![F::ZERO; n],
            vec![F::ZERO; n],
            vec![F::ZERO; self.input_size],
        );
        for t in (0..steps).rev() {
            let s = sq.at(t);
            for j in 0..n {
                ds[j] = dh_direct[t * n + j] + ds_prev[j];
                da[j] = ds[j] * self.config.activation.derivative_from_output(s[j]);
            }
            flow.hidden[t] = norm(&ds);
            ds_prev.fill(F::ZERO);
            dx.fill(F::ZERO);
            affine_backward(
                &self.params.values,
                grads,
                self.wb,
                &da,
                &[trace.previous_hidden(t), xq.at(t)],
                &mut [&mut ds_prev, &mut dx],
            );
            flow.input[t] = norm(&dx);
        }
        flow
    }

    /// The numbers of `unit`'s equation at step `t` of `trace` (made by [`seq`](Self::seq)).
    pub fn equations(&self, trace: &Trace<F>, t: usize, unit: usize) -> Vec<EquationLine<F>> {
        let segs = [
            ("s_{t−1}", trace.previous_hidden(t)),
            ("x_t", trace.quantity(QuantityName::Input).at(t)),
        ];
        let formula = match self.config.activation {
            Activation::Relu => "s_t = ReLU(W·s_{t−1} + U·x_t + b)",
            Activation::Logistic => "s_t = σ(W·s_{t−1} + U·x_t + b)",
            Activation::Linear => "s_t = W·s_{t−1} + U·x_t + b",
            _ => "s_t = tanh(W·s_{t−1} + U·x_t + b)",
        };
        vec![affine_line(
            QuantityName::Hidden,
            formula,
            self.config.activation,
            &self.params.values,
            self.wb,
            unit,
            &segs,
            None,
            trace.quantity(QuantityName::PreHidden).value(t, unit),
            trace.quantity(QuantityName::Hidden).value(t, unit),
        )]
    }
}
