//! The network's arithmetic over a whole mini-batch (or one point), layer by layer, as small
//! matrix products: `Z_l = A_{l−1} W_lᵀ + b_l`, `G_l = act_l'(A_l) ⊙ (G_{l+1} W_{l+1})`,
//! `∂loss/∂W_l = G_lᵀ A_{l−1}`, with `A_l` and `G_l` holding one row per point. Each product
//! is cut into small tiles whose sums stay in SIMD registers, yet every single sum is added
//! up in a fixed order that does not depend on the batch: a dot product `w·a` with four
//! running sums over chunks of four (`((s₀ + s₁) + (s₂ + s₃)) + rest`), the other sums in
//! the order of the units, and the gradient's sums in the order of the batch's points.

use super::Layer;
use crate::activation::Activation;
use crate::activation::fast::tanh_vectorised_in_place;

/// Buffers of one mini-batch, reused from step to step.
#[derive(Debug, Default)]
pub(super) struct Workspace {
    /// Per layer (φ first), `batch × units` values after the activation, point by point.
    pub acts: Vec<Vec<f64>>,
    /// Per layer, `batch × units` values of `g = ∂loss/∂z`, point by point.
    pub deltas: Vec<Vec<f64>>,
    /// The gradient, in the layout of the parameters.
    pub grad: Vec<f64>,
}

/// `out = act(A Wᵀ + b)` for the `batch × inputs` values `input` of the layer below.
pub(super) fn forward(layer: &Layer, params: &[f64], input: &[f64], out: &mut Vec<f64>) {
    let batch = input.len() / layer.inputs;
    out.clear();
    out.resize(batch * layer.units, 0.0);
    for s in (0..batch).step_by(2) {
        for j in (0..layer.units).step_by(2) {
            match (batch - s >= 2, layer.units - j >= 2) {
                (true, true) => forward_tile::<2, 2>(layer, params, input, out, s, j),
                (true, false) => forward_tile::<2, 1>(layer, params, input, out, s, j),
                (false, true) => forward_tile::<1, 2>(layer, params, input, out, s, j),
                (false, false) => forward_tile::<1, 1>(layer, params, input, out, s, j),
            }
        }
    }
    match layer.activation {
        Activation::Tanh => tanh_vectorised_in_place(out),
        exact => exact.apply_in_place(out),
    }
}

/// `S` points × `U` units of [`forward`] before the activation.
fn forward_tile<const S: usize, const U: usize>(
    layer: &Layer,
    params: &[f64],
    input: &[f64],
    out: &mut [f64],
    s: usize,
    j: usize,
) {
    let n = layer.inputs;
    let xs: [&[f64]; S] = std::array::from_fn(|r| &input[(s + r) * n..][..n]);
    let ws: [&[f64]; U] = std::array::from_fn(|u| &params[layer.weights_at + (j + u) * n..][..n]);
    let sums = running_sums(xs, ws);
    let chunks = n / 4;
    for (r, (sums, x)) in sums.iter().zip(xs).enumerate() {
        for (u, (sums, w)) in sums.iter().zip(ws).enumerate() {
            let tail: f64 = w[chunks * 4..]
                .iter()
                .zip(&x[chunks * 4..])
                .map(|(a, b)| a * b)
                .sum();
            let dot = (sums[0] + sums[1]) + (sums[2] + sums[3]) + tail;
            let b = layer.biases_at.map_or(0.0, |b| params[b + j + u]);
            out[(s + r) * layer.units + j + u] = b + dot;
        }
    }
}

/// The four running sums of the dot products of every row of `xs` with every row of `ws`,
/// over their whole chunks of four.
// Not inlined: next to the horizontal sums of `forward_tile`, LLVM's SLP vectoriser leaves
// this loop scalar in wasm; on its own its sums become 8 `f64x2` registers.
#[inline(never)]
fn running_sums<const S: usize, const U: usize>(
    xs: [&[f64]; S],
    ws: [&[f64]; U],
) -> [[[f64; 4]; U]; S] {
    let chunks = xs[0].len() / 4;
    let xc = xs.map(|x| &x.as_chunks::<4>().0[..chunks]);
    let wc = ws.map(|w| &w.as_chunks::<4>().0[..chunks]);
    let mut sums = [[[0.0f64; 4]; U]; S];
    for c in 0..chunks {
        let x: [[f64; 4]; S] = std::array::from_fn(|r| xc[r][c]);
        let w: [[f64; 4]; U] = std::array::from_fn(|u| wc[u][c]);
        for (sums, x) in sums.iter_mut().zip(&x) {
            for (sums, w) in sums.iter_mut().zip(&w) {
                for ((sum, a), b) in sums.iter_mut().zip(w).zip(x) {
                    *sum += a * b;
                }
            }
        }
    }
    sums
}

/// `back = G Wᵀ…`: for each point, `Σ_j g_j W_ji` over the units `j` of the layer above
/// (`above`, whose weights are `weights`), before the derivative of the layer's activation.
pub(super) fn backward(above: &Layer, weights: &[f64], g: &[f64], back: &mut Vec<f64>) {
    let batch = g.len() / above.units;
    let n = above.inputs;
    back.clear();
    back.resize(batch * n, 0.0);
    for s in (0..batch).step_by(2) {
        let two = batch - s >= 2;
        let mut i = 0;
        while i < n {
            if n - i >= 8 {
                if two {
                    backward_tile::<2, 8>(above, weights, g, back, s, i);
                } else {
                    backward_tile::<1, 8>(above, weights, g, back, s, i);
                }
                i += 8;
            } else {
                if two {
                    backward_tile::<2, 1>(above, weights, g, back, s, i);
                } else {
                    backward_tile::<1, 1>(above, weights, g, back, s, i);
                }
                i += 1;
            }
        }
    }
}

/// `S` points × `I` inputs of [`backward`], each a running sum over the units above.
fn backward_tile<const S: usize, const I: usize>(
    above: &Layer,
    weights: &[f64],
    g: &[f64],
    back: &mut [f64],
    s: usize,
    i: usize,
) {
    let (m, n) = (above.units, above.inputs);
    let gs: [&[f64]; S] = std::array::from_fn(|r| &g[(s + r) * m..][..m]);
    let mut acc = [[0.0f64; I]; S];
    for (j, row) in weights.chunks_exact(n).enumerate() {
        let w = row[i..]
            .first_chunk::<I>()
            .expect("the tile lies inside the row");
        for (acc, g) in acc.iter_mut().zip(&gs) {
            for (d, w) in acc.iter_mut().zip(w) {
                *d += g[j] * w;
            }
        }
    }
    for (r, acc) in acc.iter().enumerate() {
        back[(s + r) * n + i..][..I].copy_from_slice(acc);
    }
}

/// `∂loss/∂W = Gᵀ A` summed over the batch's points in order, into `grad` at the layer's
/// weights (and `Σ g` at its biases).
pub(super) fn gradient(layer: &Layer, g: &[f64], input: &[f64], grad: &mut [f64]) {
    let (m, n) = (layer.units, layer.inputs);
    for j in (0..m).step_by(4) {
        let four = m - j >= 4;
        let mut i = 0;
        while i < n {
            if n - i >= 4 {
                if four {
                    gradient_tile::<4, 4>(layer, g, input, grad, j, i);
                } else {
                    for u in j..m {
                        gradient_tile::<1, 4>(layer, g, input, grad, u, i);
                    }
                }
                i += 4;
            } else {
                for u in j..(j + 4).min(m) {
                    gradient_tile::<1, 1>(layer, g, input, grad, u, i);
                }
                i += 1;
            }
        }
    }
    if let Some(b) = layer.biases_at {
        for (j, grad) in grad[b..b + m].iter_mut().enumerate() {
            *grad = g.iter().skip(j).step_by(m).fold(0.0, |sum, d| sum + d);
        }
    }
}

/// `U` units × `I` inputs of [`gradient`], each a running sum over the batch's points.
fn gradient_tile<const U: usize, const I: usize>(
    layer: &Layer,
    g: &[f64],
    input: &[f64],
    grad: &mut [f64],
    j: usize,
    i: usize,
) {
    let (m, n) = (layer.units, layer.inputs);
    let mut acc = [[0.0f64; I]; U];
    for (g, a) in g.chunks_exact(m).zip(input.chunks_exact(n)) {
        let a = a[i..]
            .first_chunk::<I>()
            .expect("the tile lies inside the row");
        let d = g[j..]
            .first_chunk::<U>()
            .expect("the tile lies inside the row");
        for (acc, d) in acc.iter_mut().zip(d) {
            for (sum, a) in acc.iter_mut().zip(a) {
                *sum += d * a;
            }
        }
    }
    for (u, acc) in acc.iter().enumerate() {
        grad[layer.weights_at + (j + u) * n + i..][..I].copy_from_slice(acc);
    }
}
