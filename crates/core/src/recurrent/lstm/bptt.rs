//! Backpropagation through time for the LSTM: from `∂loss/∂h_t` back through
//! `h_t = o_t * tanh(C_t)` and `C_t = f_t * C_{t−1} + i_t * C̃_t` (coupled: `i_t = 1 − f_t`)
//! to every gate's `W` and `b`, step by step from the last, with the norms of the
//! gradients reaching `h_t`, `C_t` and `x_t`.

use super::{CANDIDATE, FORGET, INPUT, Lstm, OUTPUT};
use crate::recurrent::real::{Real, affine_backward, norm};
use crate::recurrent::trace::{GradientFlow, QuantityName, Trace};

impl<F: Real> Lstm<F> {
    /// Backpropagation through time. `dh_direct[t·H + j]` is `∂loss/∂h_t[j]` through the
    /// readout at step t only; the gradients of all parameters are added to `grads`.
    pub fn backward(&self, trace: &Trace<F>, dh_direct: &[F], grads: &mut [F]) -> GradientFlow<F> {
        let (n, steps, ni) = (self.hidden_size, trace.steps, self.input_size);
        assert_eq!(dh_direct.len(), steps * n, "one ∂loss/∂h per unit and step");
        assert_eq!(grads.len(), self.params.len(), "one gradient per parameter");
        let get = |name| trace.quantity(name);
        let (xq, fq, iq, cq, oq) = (
            get(QuantityName::Input),
            get(QuantityName::Forget),
            get(QuantityName::InputGate),
            get(QuantityName::Candidate),
            get(QuantityName::OutputGate),
        );
        let p = &self.params.values;
        let mut flow = GradientFlow {
            hidden: vec![F::ZERO; steps],
            cell: vec![F::ZERO; steps],
            input: vec![F::ZERO; steps],
        };
        let (mut dh, mut dc) = (vec![F::ZERO; n], vec![F::ZERO; n]);
        let (mut dh_prev, mut dc_prev, mut dx) =
            (vec![F::ZERO; n], vec![F::ZERO; n], vec![F::ZERO; ni]);
        let mut da = [
            vec![F::ZERO; n],
            vec![F::ZERO; n],
            vec![F::ZERO; n],
            vec![F::ZERO; n],
        ];
        for t in (0..steps).rev() {
            let (x, h_prev, c_prev, c) = (
                xq.at(t),
                trace.previous_hidden(t),
                trace.previous_cell(t),
                trace.previous_cell(t + 1),
            );
            let (f, i, c_tilde, o) = (fq.at(t), iq.at(t), cq.at(t), oq.at(t));
            for j in 0..n {
                dh[j] = dh_direct[t * n + j] + dh_prev[j];
                dc[j] = dc_prev[j];
            }
            dh_prev.fill(F::ZERO);
            dc_prev.fill(F::ZERO);
            dx.fill(F::ZERO);
            // h_t = o_t * tanh(C_t)
            for j in 0..n {
                let tc = c[j].tanh();
                da[OUTPUT][j] = dh[j] * tc * o[j] * (F::ONE - o[j]);
                dc[j] += dh[j] * o[j] * (F::ONE - tc * tc);
            }
            let wb = self.wb(OUTPUT);
            if self.peeps[OUTPUT] {
                affine_backward(
                    p,
                    grads,
                    wb,
                    &da[OUTPUT],
                    &[c, h_prev, x],
                    &mut [&mut dc, &mut dh_prev, &mut dx],
                );
            } else {
                affine_backward(
                    p,
                    grads,
                    wb,
                    &da[OUTPUT],
                    &[h_prev, x],
                    &mut [&mut dh_prev, &mut dx],
                );
            }
            flow.hidden[t] = norm(&dh);
            flow.cell[t] = norm(&dc);
            // C_t = f_t * C_{t−1} + i_t * C̃_t   (coupled: i_t = 1 − f_t)
            for j in 0..n {
                let d_forget = if self.config.coupled {
                    dc[j] * (c_prev[j] - c_tilde[j])
                } else {
                    dc[j] * c_prev[j]
                };
                da[FORGET][j] = d_forget * f[j] * (F::ONE - f[j]);
                da[INPUT][j] = dc[j] * c_tilde[j] * i[j] * (F::ONE - i[j]);
                da[CANDIDATE][j] = dc[j] * i[j] * (F::ONE - c_tilde[j] * c_tilde[j]);
                dc_prev[j] = dc[j] * f[j];
            }
            for g in [FORGET, INPUT, CANDIDATE] {
                let Some(wb) = self.offsets[g] else { continue };
                if self.peeps[g] {
                    affine_backward(
                        p,
                        grads,
                        wb,
                        &da[g],
                        &[c_prev, h_prev, x],
                        &mut [&mut dc_prev, &mut dh_prev, &mut dx],
                    );
                } else {
                    affine_backward(
                        p,
                        grads,
                        wb,
                        &da[g],
                        &[h_prev, x],
                        &mut [&mut dh_prev, &mut dx],
                    );
                }
            }
            flow.input[t] = norm(&dx);
        }
        flow
    }
}
