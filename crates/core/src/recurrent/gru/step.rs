//! One GRU time step, and the whole-sequence run built on it.

use super::{Gru, GruForm};
use crate::recurrent::State;
use crate::recurrent::real::{Real, affine, dot, sigmoid};
use crate::recurrent::record::{StepRecord, run_sequence};
use crate::recurrent::trace::{QuantityName, Trace};

/// Everything one GRU step computes: the new state and what backpropagation needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GruStep<F> {
    /// `W_z·[h_{t−1}, x_t] + b_z`.
    pub pre_update: Vec<F>,
    /// `W_r·[h_{t−1}, x_t] + b_r`.
    pub pre_reset: Vec<F>,
    /// The candidate's pre-activation (`W·[r_t * h_{t−1}, x_t] + b` in the lecture's form).
    pub pre_candidate: Vec<F>,
    /// `z_t`.
    pub update: Vec<F>,
    /// `r_t`.
    pub reset: Vec<F>,
    /// `r_t * h_{t−1}` (the lecture's form only; zero in PyTorch's).
    pub reset_hidden: Vec<F>,
    /// `h̃_t`.
    pub candidate: Vec<F>,
    /// `h_t`.
    pub state: State<F>,
}

impl<F: Real> GruStep<F> {
    /// A zero record for `hidden_size` units, to be filled by [`Gru::step_into`].
    pub fn zeros(hidden_size: usize) -> Self {
        let zeros = || vec![F::ZERO; hidden_size];
        Self {
            pre_update: zeros(),
            pre_reset: zeros(),
            pre_candidate: zeros(),
            update: zeros(),
            reset: zeros(),
            reset_hidden: zeros(),
            candidate: zeros(),
            state: State::zeros(hidden_size, false),
        }
    }
}

impl<F: Real> StepRecord<F> for GruStep<F> {
    type Layout = ();

    fn state_mut(&mut self) -> &mut State<F> {
        &mut self.state
    }

    fn rows<'a>(&'a self, x: &'a [F], (): ()) -> impl IntoIterator<Item = (QuantityName, &'a [F])>
    where
        F: 'a,
    {
        use QuantityName as Q;
        [
            (Q::Input, x),
            (Q::Update, &self.update),
            (Q::Reset, &self.reset),
            (Q::Candidate, &self.candidate),
            (Q::Hidden, &self.state.hidden),
            (Q::PreUpdate, &self.pre_update),
            (Q::PreReset, &self.pre_reset),
            (Q::PreCandidate, &self.pre_candidate),
        ]
    }
}

impl<F: Real> Gru<F> {
    /// One step: `h_t` and every gate from `x_t` and `h_{t−1}`, written into `out` (its
    /// buffers are reused). Everything else is built on this.
    pub fn step_into(&self, x: &[F], state: &State<F>, out: &mut GruStep<F>) {
        let n = self.hidden_size;
        assert_eq!(x.len(), self.input_size, "x_t has the wrong size");
        assert_eq!(state.hidden.len(), n, "initial state of the wrong size");
        let h_prev = &state.hidden[..];
        let GruStep {
            pre_update,
            pre_reset,
            pre_candidate,
            update,
            reset,
            reset_hidden,
            candidate,
            state,
        } = out;
        let hidden = &mut state.hidden;
        let p = &self.params.values;

        // z_t = σ(W_z·[h_{t−1}, x_t] + b_z), r_t = σ(W_r·[h_{t−1}, x_t] + b_r)
        affine(p, self.z.0, self.z.1, &[h_prev, x], pre_update);
        affine(p, self.r.0, self.r.1, &[h_prev, x], pre_reset);
        for j in 0..n {
            update[j] = sigmoid(pre_update[j]);
            reset[j] = sigmoid(pre_reset[j]);
        }
        match self.config.form {
            GruForm::Lecture => {
                // h̃_t = tanh(W·[r_t * h_{t−1}, x_t] + b)
                for j in 0..n {
                    reset_hidden[j] = reset[j] * h_prev[j];
                }
                affine(p, self.w.0, self.w.1, &[reset_hidden, x], pre_candidate);
                // h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t
                for j in 0..n {
                    candidate[j] = pre_candidate[j].tanh();
                    hidden[j] = (F::ONE - update[j]) * h_prev[j] + update[j] * candidate[j];
                }
            }
            GruForm::PyTorch => {
                let cols = n + self.input_size;
                for j in 0..n {
                    // h̃_t = tanh(W_x x_t + b + r_t * (W_h h_{t−1} + b_hn))
                    let w_x = &p[self.w.0 + j * cols + n..self.w.0 + (j + 1) * cols];
                    pre_candidate[j] =
                        dot(w_x, x) + p[self.w.1 + j] + reset[j] * self.hidden_part(j, h_prev);
                    candidate[j] = pre_candidate[j].tanh();
                    // h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}
                    hidden[j] = (F::ONE - update[j]) * candidate[j] + update[j] * h_prev[j];
                }
            }
        }
    }

    /// One step: the new `h_t` from `x_t` and `h_{t−1}`.
    pub fn step(&self, x: &[F], state: &State<F>) -> State<F> {
        let mut out = GruStep::zeros(self.hidden_size);
        self.step_into(x, state, &mut out);
        out.state
    }

    /// Runs the whole sequence from `initial` (zeros if `None`) one
    /// [`step`](Self::step_into) at a time, recording every gate.
    pub fn seq(&self, inputs: &[Vec<F>], initial: Option<&State<F>>) -> Trace<F> {
        let n = self.hidden_size;
        let start = initial.map_or_else(|| State::zeros(n, false), State::without_cell);
        run_sequence(
            inputs,
            self.input_size,
            start,
            GruStep::zeros(n),
            (),
            |x, s, out| self.step_into(x, s, out),
        )
    }
}
