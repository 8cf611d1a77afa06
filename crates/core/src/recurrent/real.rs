//! The few vector kernels the recurrent cells are built on, over [`Real`] (`f32` in the
//! browser, `f64` in the gradient checks). The dot product keeps eight independent partial sums so that the
//! compiler can turn them into SIMD instructions (simd128 in the browser) without
//! reassociating floating-point additions itself.

pub use crate::real::{Real, sigmoid};

/// `Σₖ aₖ bₖ` over two slices of equal length.
#[inline]
pub(crate) fn dot<F: Real>(a: &[F], b: &[F]) -> F {
    debug_assert_eq!(a.len(), b.len(), "dot of slices of different lengths");
    let mut acc = [F::ZERO; 8];
    let chunks_a = a.chunks_exact(8);
    let chunks_b = b.chunks_exact(8);
    let (rest_a, rest_b) = (chunks_a.remainder(), chunks_b.remainder());
    for (ca, cb) in chunks_a.zip(chunks_b) {
        for k in 0..8 {
            acc[k] += ca[k] * cb[k];
        }
    }
    let mut sum = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (x, y) in rest_a.iter().zip(rest_b) {
        sum += *x * *y;
    }
    sum
}

/// The dot products of four rows with one vector, `[rows[0]·v, …, rows[3]·v]`, each summed
/// exactly as [`dot`] sums it (so the results are the same to the bit), with every value
/// of `v` loaded once for all four rows: [`dot4_plain`], or in the browser in `f32` its
/// SIMD form [`crate::simd::dot4_f32`].
#[inline]
pub(crate) fn dot4<F: Real>(rows: [&[F]; 4], v: &[F]) -> [F; 4] {
    F::dot4(rows, v)
}

/// [`dot4`] in plain code.
#[inline]
pub(crate) fn dot4_plain<F: Real>(rows: [&[F]; 4], v: &[F]) -> [F; 4] {
    let (chunks, rest) = v.as_chunks::<8>();
    let split = rows.map(|r| {
        assert_eq!(r.len(), v.len(), "dot of slices of different lengths");
        r.as_chunks::<8>()
    });
    let mut acc = [[F::ZERO; 8]; 4];
    for (i, c) in chunks.iter().enumerate() {
        for (acc, (row, _)) in acc.iter_mut().zip(&split) {
            let w = &row[i];
            for k in 0..8 {
                acc[k] += w[k] * c[k];
            }
        }
    }
    std::array::from_fn(|r| {
        let a = &acc[r];
        let mut sum = ((a[0] + a[4]) + (a[1] + a[5])) + ((a[2] + a[6]) + (a[3] + a[7]));
        for (x, y) in split[r].1.iter().zip(rest) {
            sum += *x * *y;
        }
        sum
    })
}

/// The whole-chunk part of [`dot4_plain`] for rows stored interleaved: `rows` holds, for
/// each chunk of eight values of `v`, the four rows' eight values one after another (so
/// `rows.len() == 4 · v.len()`). Each row's eight running sums are added as [`dot`] adds
/// them; the caller adds the values past the last whole chunk.
#[inline]
pub(crate) fn dot4_interleaved_plain<F: Real>(rows: &[[F; 8]], v: &[[F; 8]]) -> [F; 4] {
    assert_eq!(rows.len(), 4 * v.len(), "four rows per chunk of v");
    let mut acc = [[F::ZERO; 8]; 4];
    for (c, w) in v.iter().zip(rows.as_chunks::<4>().0) {
        for (acc, w) in acc.iter_mut().zip(w) {
            for k in 0..8 {
                acc[k] += w[k] * c[k];
            }
        }
    }
    acc.map(|a| ((a[0] + a[4]) + (a[1] + a[5])) + ((a[2] + a[6]) + (a[3] + a[7])))
}

/// `y += α x` over two slices of equal length.
#[inline]
pub(crate) fn axpy<F: Real>(alpha: F, x: &[F], y: &mut [F]) {
    debug_assert_eq!(x.len(), y.len(), "axpy of slices of different lengths");
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * *xi;
    }
}

/// The Euclidean norm `‖v‖`.
pub(crate) fn norm<F: Real>(v: &[F]) -> F {
    dot(v, v).sqrt()
}

/// `out[j] = b[j] + W[j]·[inputs…]`: one dense layer over the concatenation of
/// `inputs`, with `W` (`out.len() × Σ len`) at `params[w..]` and `b` at `params[b..]`.
pub(crate) fn affine<F: Real>(params: &[F], w: usize, b: usize, inputs: &[&[F]], out: &mut [F]) {
    let cols: usize = inputs.iter().map(|v| v.len()).sum();
    if let [v] = inputs {
        // One input (the readout): four rows at a time, each sum as `dot` makes it.
        let (quads, rest) = out.as_chunks_mut::<4>();
        for (q, o) in quads.iter_mut().enumerate() {
            let row = |r: usize| &params[w + (4 * q + r) * cols..w + (4 * q + r + 1) * cols];
            let sums = dot4([row(0), row(1), row(2), row(3)], v);
            for (r, (o, s)) in o.iter_mut().zip(sums).enumerate() {
                *o = params[b + 4 * q + r] + s;
            }
        }
        let done = quads.len() * 4;
        for (j, o) in rest.iter_mut().enumerate() {
            let j = done + j;
            *o = params[b + j] + dot(&params[w + j * cols..w + (j + 1) * cols], v);
        }
        return;
    }
    for (j, o) in out.iter_mut().enumerate() {
        let row = &params[w + j * cols..w + (j + 1) * cols];
        let mut sum = params[b + j];
        let mut start = 0;
        for v in inputs {
            sum += dot(&row[start..start + v.len()], v);
            start += v.len();
        }
        *o = sum;
    }
}

/// The backward pass of [`affine`] for `da = ∂loss/∂out`: adds `da ⊗ [inputs…]` to the
/// gradient of `W`, `da` to that of `b`, and `Wᵀ da` (split like `inputs`) to `dinputs`.
pub(crate) fn affine_backward<F: Real>(
    params: &[F],
    grads: &mut [F],
    (w, b): (usize, usize),
    da: &[F],
    inputs: &[&[F]],
    dinputs: &mut [&mut [F]],
) {
    assert_eq!(inputs.len(), dinputs.len(), "one input gradient per input");
    let cols: usize = inputs.iter().map(|v| v.len()).sum();
    for (j, &d) in da.iter().enumerate() {
        grads[b + j] += d;
        let row = &params[w + j * cols..w + (j + 1) * cols];
        let grow = &mut grads[w + j * cols..w + (j + 1) * cols];
        let mut start = 0;
        for (v, dv) in inputs.iter().zip(dinputs.iter_mut()) {
            let end = start + v.len();
            axpy(d, v, &mut grow[start..end]);
            axpy(d, &row[start..end], dv);
            start = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn dot_handles_remainders_and_matches_a_plain_sum() {
        let a: Vec<f64> = (0..19).map(|k| f64::from(k) * 0.5 - 3.0).collect();
        let b: Vec<f64> = (0..19).map(|k| (f64::from(k) * 0.7).sin()).collect();
        let plain: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - plain).abs() < 1e-12);
    }

    #[test]
    fn dot4_plain_is_dot_to_the_bit() {
        for n in [0, 3, 8, 19, 136] {
            let v: Vec<f32> = (0..n).map(|k| (k as f32 * 0.37).sin()).collect();
            let rows: Vec<Vec<f32>> = (0..4)
                .map(|r| (0..n).map(|k| ((k * 7 + r) as f32 * 0.11).cos()).collect())
                .collect();
            let fused = dot4_plain([&rows[0], &rows[1], &rows[2], &rows[3]], &v);
            for (r, row) in rows.iter().enumerate() {
                assert_eq!(
                    fused[r].to_bits(),
                    dot(row, &v).to_bits(),
                    "n = {n}, row {r}"
                );
            }
        }
    }

    #[test]
    fn sigmoid_is_stable_at_the_extremes() {
        assert_eq!(sigmoid(-1000.0_f32), 0.0);
        assert_eq!(sigmoid(1000.0_f32), 1.0);
        assert!((sigmoid(0.3_f64) - crate::activation::logistic(0.3)).abs() < 1e-15);
    }
}
