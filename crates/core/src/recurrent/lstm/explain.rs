//! The LSTM's equations with one unit's numbers at one step, for the screen: each gate's
//! `σ(W·[h_{t−1}, x_t] + b)` (with `C_{t−1}` or `C_t` in front when it peeps), the cell
//! update `C_t = f_t * C_{t−1} + i_t * C̃_t` and `h_t = o_t * tanh(C_t)`.

use super::{CANDIDATE, FORGET, INPUT, Lstm, OUTPUT};
use crate::activation::Activation;
use crate::recurrent::equations::{EquationLine, affine_line, combination_line};
use crate::recurrent::real::Real;
use crate::recurrent::trace::{QuantityName, Trace};

impl<F: Real> Lstm<F> {
    /// The numbers of `unit`'s equations at step `t` of `trace` (made by [`seq`](Self::seq)).
    pub fn equations(&self, trace: &Trace<F>, t: usize, unit: usize) -> Vec<EquationLine<F>> {
        let v = |name| trace.quantity(name).value(t, unit);
        let (x, h_prev, c_prev, c) = (
            trace.quantity(QuantityName::Input).at(t),
            trace.previous_hidden(t),
            trace.previous_cell(t),
            trace.previous_cell(t + 1),
        );
        let p = &self.params.values;
        let gate_line = |g: usize,
                         quantity,
                         pre,
                         formula_plain,
                         formula_peep,
                         act,
                         cell_seg: (&'static str, &[F])| {
            let value = v(quantity);
            if self.peeps[g] {
                let segs = [cell_seg, ("h_{t−1}", h_prev), ("x_t", x)];
                affine_line(
                    quantity,
                    formula_peep,
                    act,
                    p,
                    self.wb(g),
                    unit,
                    &segs,
                    None,
                    v(pre),
                    value,
                )
            } else {
                let segs = [("h_{t−1}", h_prev), ("x_t", x)];
                affine_line(
                    quantity,
                    formula_plain,
                    act,
                    p,
                    self.wb(g),
                    unit,
                    &segs,
                    None,
                    v(pre),
                    value,
                )
            }
        };
        let sig = Activation::Logistic;
        let mut lines = vec![gate_line(
            FORGET,
            QuantityName::Forget,
            QuantityName::PreForget,
            "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)",
            "f_t = σ(W_f·[C_{t−1}, h_{t−1}, x_t] + b_f)",
            sig,
            ("C_{t−1}", c_prev),
        )];
        if self.config.coupled {
            let f = v(QuantityName::Forget);
            lines.push(combination_line(
                QuantityName::InputGate,
                "i_t = 1 − f_t",
                &[("f_t", f)],
                F::ONE - f,
            ));
        } else {
            lines.push(gate_line(
                INPUT,
                QuantityName::InputGate,
                QuantityName::PreInput,
                "i_t = σ(W_i·[h_{t−1}, x_t] + b_i)",
                "i_t = σ(W_i·[C_{t−1}, h_{t−1}, x_t] + b_i)",
                sig,
                ("C_{t−1}", c_prev),
            ));
        }
        lines.push(gate_line(
            CANDIDATE,
            QuantityName::Candidate,
            QuantityName::PreCandidate,
            "C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)",
            "",
            Activation::Tanh,
            ("C_{t−1}", c_prev),
        ));
        let (f, i, ct, cell) = (
            v(QuantityName::Forget),
            v(QuantityName::InputGate),
            v(QuantityName::Candidate),
            v(QuantityName::Cell),
        );
        lines.push(if self.config.coupled {
            combination_line(
                QuantityName::Cell,
                "C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t",
                &[
                    ("f_t", f),
                    ("C_{t−1}", c_prev[unit]),
                    ("f_t", f),
                    ("C̃_t", ct),
                ],
                cell,
            )
        } else {
            combination_line(
                QuantityName::Cell,
                "C_t = f_t * C_{t−1} + i_t * C̃_t",
                &[
                    ("f_t", f),
                    ("C_{t−1}", c_prev[unit]),
                    ("i_t", i),
                    ("C̃_t", ct),
                ],
                cell,
            )
        });
        lines.push(gate_line(
            OUTPUT,
            QuantityName::OutputGate,
            QuantityName::PreOutput,
            "o_t = σ(W_o·[h_{t−1}, x_t] + b_o)",
            "o_t = σ(W_o·[C_t, h_{t−1}, x_t] + b_o)",
            sig,
            ("C_t", c),
        ));
        lines.push(combination_line(
            QuantityName::Hidden,
            "h_t = o_t * tanh(C_t)",
            &[("o_t", v(QuantityName::OutputGate)), ("C_t", cell)],
            v(QuantityName::Hidden),
        ));
        lines
    }
}
