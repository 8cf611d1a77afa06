//! The GRU's equations with one unit's numbers at one step, for the screen: the update
//! and reset gates, the candidate (in the lecture's form or PyTorch's) and the new `h_t`.

use super::{Gru, GruForm};
use crate::activation::Activation;
use crate::recurrent::equations::{EquationLine, Terms, affine_line, combination_line};
use crate::recurrent::real::Real;
use crate::recurrent::trace::{QuantityName, Trace};

impl<F: Real> Gru<F> {
    /// The numbers of `unit`'s equations at step `t` of `trace` (made by [`seq`](Self::seq)).
    pub fn equations(&self, trace: &Trace<F>, t: usize, unit: usize) -> Vec<EquationLine<F>> {
        let v = |name| trace.quantity(name).value(t, unit);
        let (x, h_prev) = (
            trace.quantity(QuantityName::Input).at(t),
            trace.previous_hidden(t),
        );
        let p = &self.params.values;
        let hx = [("h_{t−1}", h_prev), ("x_t", x)];
        let (z, r, c, h) = (
            v(QuantityName::Update),
            v(QuantityName::Reset),
            v(QuantityName::Candidate),
            v(QuantityName::Hidden),
        );
        let sig = Activation::Logistic;
        let mut lines = vec![
            affine_line(
                QuantityName::Update,
                "z_t = σ(W_z·[h_{t−1}, x_t] + b_z)",
                sig,
                p,
                self.z,
                unit,
                &hx,
                None,
                v(QuantityName::PreUpdate),
                z,
            ),
            affine_line(
                QuantityName::Reset,
                "r_t = σ(W_r·[h_{t−1}, x_t] + b_r)",
                sig,
                p,
                self.r,
                unit,
                &hx,
                None,
                v(QuantityName::PreReset),
                r,
            ),
        ];
        let pre = v(QuantityName::PreCandidate);
        match self.config.form {
            GruForm::Lecture => {
                let rh: Vec<F> = trace
                    .quantity(QuantityName::Reset)
                    .at(t)
                    .iter()
                    .zip(h_prev)
                    .map(|(a, b)| *a * *b)
                    .collect();
                let segs = [("r_t * h_{t−1}", rh.as_slice()), ("x_t", x)];
                lines.push(affine_line(
                    QuantityName::Candidate,
                    "h̃_t = tanh(W·[r_t * h_{t−1}, x_t] + b)",
                    Activation::Tanh,
                    p,
                    self.w,
                    unit,
                    &segs,
                    None,
                    pre,
                    c,
                ));
                lines.push(combination_line(
                    QuantityName::Hidden,
                    "h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t",
                    &[
                        ("z_t", z),
                        ("h_{t−1}", h_prev[unit]),
                        ("z_t", z),
                        ("h̃_t", c),
                    ],
                    h,
                ));
            }
            GruForm::PyTorch => {
                // The x part of W's row only: shift the block offset by H columns.
                let cols = self.hidden_size + self.input_size;
                let weights = p
                    [self.w.0 + unit * cols + self.hidden_size..self.w.0 + (unit + 1) * cols]
                    .to_vec();
                let extra = r * self.hidden_part(unit, h_prev);
                lines.push(EquationLine {
                    quantity: QuantityName::Candidate,
                    formula: "h̃_t = tanh(W_x·x_t + b + r_t * (W_h·h_{t−1} + b_hn))",
                    terms: Terms::Affine {
                        activation: Activation::Tanh,
                        segments: vec![("x_t", self.input_size)],
                        weights,
                        inputs: x.to_vec(),
                        bias: p[self.w.1 + unit],
                        extra: Some(("r_t * (W_h·h_{t−1} + b_hn)", extra)),
                        pre_activation: pre,
                    },
                    value: c,
                });
                lines.push(combination_line(
                    QuantityName::Hidden,
                    "h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}",
                    &[
                        ("z_t", z),
                        ("h̃_t", c),
                        ("z_t", z),
                        ("h_{t−1}", h_prev[unit]),
                    ],
                    h,
                ));
            }
        }
        lines
    }
}
