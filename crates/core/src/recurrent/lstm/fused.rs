//! The four gates' weights of a standard LSTM (no peephole, not coupled) packed for the
//! whole-sequence run: unit by unit, chunk by chunk of eight columns of `[h_{t−1}, x_t]`,
//! the forget, input, candidate and output rows' eight weights side by side, so one pointer
//! walks all four rows of a unit ([`Real::dot4_interleaved`]). Packed once per sequence;
//! every pre-activation is summed exactly as the unpacked fused pass sums it.

use super::{CANDIDATE, FORGET, INPUT, Lstm, OUTPUT};
use crate::recurrent::real::Real;

/// The packed weights of the four gates, and the buffer `[h_{t−1}, x_t]`.
#[derive(Debug, Clone)]
pub(super) struct PackedGates<F> {
    /// Per unit, per whole chunk of eight columns, the four gates' eight weights.
    chunks: Vec<[F; 8]>,
    /// Per unit, the four gates' weights past the last whole chunk, gate after gate.
    tails: Vec<F>,
    /// Per unit, the four gates' biases.
    biases: Vec<[F; 4]>,
    /// `[h_{t−1}, x_t]`, reused from step to step.
    hx: Vec<F>,
}

impl<F: Real> PackedGates<F> {
    /// Packs the gates of `lstm`, which must have no peephole and not be coupled.
    pub(super) fn new(lstm: &Lstm<F>) -> Self {
        let (n, cols) = (lstm.hidden_size, lstm.hidden_size + lstm.input_size);
        let (whole, rest) = (cols / 8, cols % 8);
        let wb = [FORGET, INPUT, CANDIDATE, OUTPUT].map(|g| lstm.wb(g));
        let p = &lstm.params.values;
        let row = |g: usize, j: usize| &p[wb[g].0 + j * cols..][..cols];
        let mut chunks = Vec::with_capacity(n * whole * 4);
        let mut tails = Vec::with_capacity(n * rest * 4);
        for j in 0..n {
            for c in 0..whole {
                for g in 0..4 {
                    let mut chunk = [F::ZERO; 8];
                    chunk.copy_from_slice(&row(g, j)[8 * c..8 * c + 8]);
                    chunks.push(chunk);
                }
            }
            for g in 0..4 {
                tails.extend_from_slice(&row(g, j)[8 * whole..]);
            }
        }
        let biases = (0..n)
            .map(|j| std::array::from_fn(|g| p[wb[g].1 + j]))
            .collect();
        Self {
            chunks,
            tails,
            biases,
            hx: Vec::with_capacity(cols),
        }
    }

    /// `W_g·[h_{t−1}, x_t] + b_g` of the four gates (forget, input, candidate, output).
    pub(super) fn pre_activations(&mut self, h: &[F], x: &[F], out: [&mut [F]; 4]) {
        self.hx.clear();
        self.hx.extend_from_slice(h);
        self.hx.extend_from_slice(x);
        let (v, rest) = self.hx.as_chunks::<8>();
        let per_unit = 4 * v.len();
        let [forget, input, candidate, output] = out;
        for (j, bias) in self.biases.iter().enumerate() {
            let mut sums = F::dot4_interleaved(&self.chunks[j * per_unit..][..per_unit], v);
            let tail = &self.tails[j * 4 * rest.len()..][..4 * rest.len()];
            for (sum, w) in sums.iter_mut().zip(tail.chunks_exact(rest.len().max(1))) {
                for (w, v) in w.iter().zip(rest) {
                    *sum += *w * *v;
                }
            }
            [forget[j], input[j], candidate[j], output[j]] =
                std::array::from_fn(|g| bias[g] + sums[g]);
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::recurrent::{LstmConfig, LstmStep, QuantityName, State};
    use crate::rng::Rng;

    /// The packed run (`seq`) against the unpacked step, bit for bit, for sizes with and
    /// without a partial last chunk.
    fn packed_run_equals_steps<F: Real>() {
        for (input, hidden) in [(8, 16), (3, 19), (2, 4), (8, 128)] {
            let lstm = Lstm::<F>::new(input, hidden, LstmConfig::default(), &mut Rng::seeded(3));
            let mut rng = Rng::seeded(4);
            let inputs: Vec<Vec<F>> = (0..5)
                .map(|_| (0..input).map(|_| F::from_f64(rng.normal())).collect())
                .collect();
            let trace = lstm.seq(&inputs, None);
            let mut state = State::zeros(hidden, true);
            let mut step = LstmStep::zeros(hidden);
            for (t, x) in inputs.iter().enumerate() {
                lstm.step_into(x, &state, &mut step);
                state = step.state.clone();
                let packed = trace.quantity(QuantityName::Hidden).at(t);
                let want: Vec<f64> = state.hidden.iter().map(|v| v.to_f64()).collect();
                let got: Vec<f64> = packed.iter().map(|v| v.to_f64()).collect();
                assert_eq!(got, want, "h_{t}, {input} inputs, {hidden} units");
            }
        }
    }

    #[test]
    fn the_packed_run_gives_the_unpacked_steps_to_the_bit() {
        packed_run_equals_steps::<f32>();
        packed_run_equals_steps::<f64>();
    }
}
