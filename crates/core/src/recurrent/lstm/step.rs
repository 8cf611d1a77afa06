//! One LSTM time step, and the whole-sequence run built on it.

use super::fused::PackedGates;
use super::{CANDIDATE, FORGET, INPUT, Lstm, OUTPUT};
use crate::recurrent::State;
use crate::recurrent::real::Real;
use crate::recurrent::record::{StepRecord, run_sequence};
use crate::recurrent::trace::{QuantityName, Trace};

/// One vector per LSTM layer: the gates `f_t, i_t, o_t`, the candidate `C̃_t`, or their
/// pre-activations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LstmGates<F> {
    /// `f_t`.
    pub forget: Vec<F>,
    /// `i_t` (for the coupled LSTM, `1 − f_t`; its pre-activation stays zero).
    pub input: Vec<F>,
    /// `C̃_t`.
    pub candidate: Vec<F>,
    /// `o_t`.
    pub output: Vec<F>,
}

impl<F: Real> LstmGates<F> {
    fn zeros(n: usize) -> Self {
        Self {
            forget: vec![F::ZERO; n],
            input: vec![F::ZERO; n],
            candidate: vec![F::ZERO; n],
            output: vec![F::ZERO; n],
        }
    }
}

/// Everything one LSTM step computes: the new state and what backpropagation needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LstmStep<F> {
    /// The pre-activations `W_·[…] + b_·`.
    pub pre: LstmGates<F>,
    /// The gates and the candidate.
    pub gates: LstmGates<F>,
    /// `(h_t, C_t)`.
    pub state: State<F>,
}

impl<F: Real> LstmStep<F> {
    /// A zero record for `hidden_size` units, to be filled by [`Lstm::step_into`].
    pub fn zeros(hidden_size: usize) -> Self {
        Self {
            pre: LstmGates::zeros(hidden_size),
            gates: LstmGates::zeros(hidden_size),
            state: State::zeros(hidden_size, true),
        }
    }
}

impl<F: Real> StepRecord<F> for LstmStep<F> {
    /// Whether the LSTM is coupled (then there is no `a_i` row).
    type Layout = bool;

    fn state_mut(&mut self) -> &mut State<F> {
        &mut self.state
    }

    fn rows<'a>(
        &'a self,
        x: &'a [F],
        coupled: bool,
    ) -> impl IntoIterator<Item = (QuantityName, &'a [F])>
    where
        F: 'a,
    {
        use QuantityName as Q;
        let (g, p) = (&self.gates, &self.pre);
        [
            (Q::Input, x),
            (Q::Forget, &g.forget[..]),
            (Q::InputGate, &g.input),
            (Q::Candidate, &g.candidate),
            (Q::Cell, &self.state.cell),
            (Q::OutputGate, &g.output),
            (Q::Hidden, &self.state.hidden),
            (Q::PreForget, &p.forget),
            (Q::PreInput, &p.input),
            (Q::PreCandidate, &p.candidate),
            (Q::PreOutput, &p.output),
        ]
        .into_iter()
        .filter(move |(name, _)| !(coupled && *name == Q::PreInput))
    }
}

impl<F: Real> Lstm<F> {
    /// One step: `(h_t, C_t)` and every gate from `x_t` and `(h_{t−1}, C_{t−1})`, written
    /// into `out` (its buffers are reused). Everything else is built on this.
    pub fn step_into(&self, x: &[F], state: &State<F>, out: &mut LstmStep<F>) {
        self.step_with(None, x, state, out);
    }

    /// [`step_into`](Self::step_into), the four gates' pre-activations from `packed` when
    /// given (the same sums, from weights laid out for the whole sequence).
    fn step_with(
        &self,
        packed: Option<&mut PackedGates<F>>,
        x: &[F],
        state: &State<F>,
        out: &mut LstmStep<F>,
    ) {
        let n = self.hidden_size;
        assert_eq!(x.len(), self.input_size, "x_t has the wrong size");
        assert!(
            state.hidden.len() == n && state.cell.len() == n,
            "initial state of the wrong size"
        );
        let (h_prev, c_prev) = (&state.hidden[..], &state.cell[..]);
        let LstmStep { pre, gates, state } = out;
        let LstmGates {
            forget,
            input,
            candidate,
            output,
        } = gates;
        let State { hidden, cell } = state;

        let fused_out = [
            &mut pre.forget[..],
            &mut pre.input,
            &mut pre.candidate,
            &mut pre.output,
        ];
        if let Some(packed) = packed {
            packed.pre_activations(h_prev, x, fused_out);
        } else if self.gates_are_fusable() {
            // All four pre-activations in one pass over the weights.
            self.fused_pre_activations(h_prev, x, fused_out);
        } else {
            // f_t = σ(W_f·[(C_{t−1},) h_{t−1}, x_t] + b_f)
            self.gate_affine(FORGET, c_prev, h_prev, x, &mut pre.forget);
            if !self.config.coupled {
                self.gate_affine(INPUT, c_prev, h_prev, x, &mut pre.input);
            }
            self.gate_affine(CANDIDATE, c_prev, h_prev, x, &mut pre.candidate);
        }
        // f_t = σ(a_f); i_t = σ(a_i), or 1 − f_t when coupled; C̃_t = tanh(a_C)
        F::sigmoid_into(&pre.forget, forget);
        if self.config.coupled {
            for (i, f) in input.iter_mut().zip(forget.iter()) {
                *i = F::ONE - *f;
            }
        } else {
            F::sigmoid_into(&pre.input, input);
        }
        F::tanh_into(&pre.candidate, candidate);
        // C_t = f_t * C_{t−1} + i_t * C̃_t
        for j in 0..n {
            cell[j] = forget[j] * c_prev[j] + input[j] * candidate[j];
        }
        // o_t = σ(W_o·[(C_t,) h_{t−1}, x_t] + b_o) (already summed when fused)
        if !self.gates_are_fusable() {
            self.gate_affine(OUTPUT, cell, h_prev, x, &mut pre.output);
        }
        F::sigmoid_into(&pre.output, output);
        // h_t = o_t * tanh(C_t)
        F::tanh_into(cell, hidden);
        for (h, o) in hidden.iter_mut().zip(output.iter()) {
            *h *= *o;
        }
    }

    /// One step: the new `(h_t, C_t)` from `x_t` and `(h_{t−1}, C_{t−1})`.
    pub fn step(&self, x: &[F], state: &State<F>) -> State<F> {
        let mut out = LstmStep::zeros(self.hidden_size);
        self.step_into(x, state, &mut out);
        out.state
    }

    /// Runs the whole sequence from `initial` (zeros if `None`) one
    /// [`step`](Self::step_into) at a time, recording every gate.
    pub fn seq(&self, inputs: &[Vec<F>], initial: Option<&State<F>>) -> Trace<F> {
        let n = self.hidden_size;
        let start = initial.map_or_else(|| State::zeros(n, true), Clone::clone);
        let (record, coupled) = (LstmStep::zeros(n), self.config.coupled);
        let mut packed = self.gates_are_fusable().then(|| PackedGates::new(self));
        run_sequence(
            inputs,
            self.input_size,
            start,
            record,
            coupled,
            |x, s, out| self.step_with(packed.as_mut(), x, s, out),
        )
    }
}
