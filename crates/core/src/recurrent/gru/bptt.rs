//! The GRU's backward pass through time.

use super::*;

impl<F: Real> Gru<F> {
    /// Backpropagation through time; see [`Lstm::backward`](crate::recurrent::Lstm::backward).
    pub fn backward(&self, trace: &Trace<F>, dh_direct: &[F], grads: &mut [F]) -> GradientFlow<F> {
        let (n, steps, ni) = (self.hidden_size, trace.steps, self.input_size);
        assert_eq!(dh_direct.len(), steps * n, "one ∂loss/∂h per unit and step");
        assert_eq!(grads.len(), self.params.len(), "one gradient per parameter");
        let (xq, zq, rq, cq) = (
            trace.quantity(QuantityName::Input),
            trace.quantity(QuantityName::Update),
            trace.quantity(QuantityName::Reset),
            trace.quantity(QuantityName::Candidate),
        );
        let p = &self.params.values;
        let cols = n + ni;
        let mut flow = GradientFlow {
            hidden: vec![F::ZERO; steps],
            cell: Vec::new(),
            input: vec![F::ZERO; steps],
        };
        let (mut dh, mut dh_prev, mut dx) = (vec![F::ZERO; n], vec![F::ZERO; n], vec![F::ZERO; ni]);
        let (mut da_z, mut da_r, mut da_h) = (vec![F::ZERO; n], vec![F::ZERO; n], vec![F::ZERO; n]);
        let (mut rh, mut drh) = (vec![F::ZERO; n], vec![F::ZERO; n]);
        for t in (0..steps).rev() {
            let (x, h_prev, z, r, c) = (
                xq.at(t),
                trace.previous_hidden(t),
                zq.at(t),
                rq.at(t),
                cq.at(t),
            );
            for j in 0..n {
                dh[j] = dh_direct[t * n + j] + dh_prev[j];
            }
            flow.hidden[t] = norm(&dh);
            dx.fill(F::ZERO);
            match self.config.form {
                GruForm::Lecture => {
                    // h_t = (1 − z) h_{t−1} + z h̃
                    for j in 0..n {
                        dh_prev[j] = dh[j] * (F::ONE - z[j]);
                        da_z[j] = dh[j] * (c[j] - h_prev[j]) * z[j] * (F::ONE - z[j]);
                        da_h[j] = dh[j] * z[j] * (F::ONE - c[j] * c[j]);
                        rh[j] = r[j] * h_prev[j];
                    }
                    drh.fill(F::ZERO);
                    affine_backward(p, grads, self.w, &da_h, &[&rh, x], &mut [&mut drh, &mut dx]);
                    for j in 0..n {
                        da_r[j] = drh[j] * h_prev[j] * r[j] * (F::ONE - r[j]);
                        dh_prev[j] += drh[j] * r[j];
                    }
                }
                GruForm::PyTorch => {
                    // h_t = (1 − z) h̃ + z h_{t−1}, h̃ = tanh(W_x x + b + r (W_h h_{t−1} + b_hn))
                    for j in 0..n {
                        dh_prev[j] = dh[j] * z[j];
                    }
                    for j in 0..n {
                        da_z[j] = dh[j] * (h_prev[j] - c[j]) * z[j] * (F::ONE - z[j]);
                        let d_pre = dh[j] * (F::ONE - z[j]) * (F::ONE - c[j] * c[j]);
                        let hidden_part = self.hidden_part(j, h_prev);
                        da_r[j] = d_pre * hidden_part * r[j] * (F::ONE - r[j]);
                        let d_hidden_part = d_pre * r[j];
                        let (row, grow) = (self.w.0 + j * cols, self.w.0 + j * cols);
                        grads[self.w.1 + j] += d_pre;
                        grads[self.b_hn + j] += d_hidden_part;
                        axpy(d_hidden_part, h_prev, &mut grads[grow..grow + n]);
                        axpy(d_pre, x, &mut grads[grow + n..grow + cols]);
                        axpy(d_hidden_part, &p[row..row + n], &mut dh_prev);
                        axpy(d_pre, &p[row + n..row + cols], &mut dx);
                    }
                }
            }
            affine_backward(
                p,
                grads,
                self.z,
                &da_z,
                &[h_prev, x],
                &mut [&mut dh_prev, &mut dx],
            );
            affine_backward(
                p,
                grads,
                self.r,
                &da_r,
                &[h_prev, x],
                &mut [&mut dh_prev, &mut dx],
            );
            flow.input[t] = norm(&dx);
        }
        flow
    }
}
