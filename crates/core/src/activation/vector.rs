//! `eˣ`, σ and tanh in `f32` over whole slices, for the recurrent cells' gates: branch-free
//! arithmetic on each value (a polynomial, a division, integer bits for `2ⁿ`) that LLVM turns
//! into SIMD, four values per instruction with `+simd128` in the browser (a library `exp`
//! or `tanh` is one call per value). Each has its error bound tested against `f64`:
//! within 1e-6 relative (σ, and `eˣ` on its whole range), tanh within 1e-6 relative up to
//! the saturation where `f32` rounds it to ±1.
//!
//! ```
//! use nnp_core::activation::vector::{exp, sigmoid_into, tanh_into};
//! assert!((exp(1.0) - std::f32::consts::E).abs() < 1e-6);
//! let mut out = [0.0; 2];
//! sigmoid_into(&[0.0, 2.0], &mut out);
//! assert!((out[1] - 0.880_797_1).abs() < 1e-6);
//! tanh_into(&[0.0, 0.5], &mut out);
//! assert!((out[1] - 0.5f32.tanh()).abs() < 1e-6);
//! ```

use super::fast::fast_tanh;

/// `eˣ` for `x` in `[−87.3, 88.7]` (clamped there: below, `eˣ` is at most 1.2e-38; above, it
/// overflows `f32`), within 2e-7 relative: `eˣ = 2ⁿ eʳ` with `n = round(x / ln 2)`,
/// `|r| ≤ ½ ln 2` and `eʳ` by its Taylor series to `r⁷/7!` (Cephes' `expf` reduction).
#[inline]
pub fn exp(x: f32) -> f32 {
    // ln 2 split so that n·LN2_HI is exact for |n| < 2⁹.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Adding 1.5·2²³ rounds to an integer, which then sits in the low mantissa bits.
    const SHIFTER: f32 = 12_582_912.0;
    const C: [f32; 6] = [
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
    ];
    let x = x.clamp(-87.3, 88.7);
    let shifted = x * std::f32::consts::LOG2_E + SHIFTER;
    let n = shifted - SHIFTER;
    let r = (x - n * LN2_HI) - n * LN2_LO;
    let p = C[5];
    let p = C[4] + r * p;
    let p = C[3] + r * p;
    let p = C[2] + r * p;
    let p = C[1] + r * p;
    let p = C[0] + r * p;
    let e_r = 1.0 + r + r * r * p;
    // 2ⁿ from n's integer bits (n ∈ [−126, 128]: split in two halves so 2¹²⁸ cannot overflow
    // the exponent field).
    let bits = shifted.to_bits().wrapping_sub(SHIFTER.to_bits()) as i32;
    let half = bits >> 1;
    let scale_a = f32::from_bits(((half + 127) as u32) << 23);
    let scale_b = f32::from_bits(((bits - half + 127) as u32) << 23);
    e_r * scale_a * scale_b
}

/// `σ(z) = 1 / (1 + e^{−z})`.
#[inline]
fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + exp(-z))
}

/// `f` of every value of `src` into `dst`, sixteen values (four SIMD registers) at a time:
/// their long chains of dependent operations interleave. The same values as one at a time.
#[inline(always)]
fn map_into(src: &[f32], dst: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    assert_eq!(src.len(), dst.len(), "one output per value");
    let (src_chunks, src_rest) = src.as_chunks::<16>();
    let (dst_chunks, dst_rest) = dst.as_chunks_mut::<16>();
    for (d, s) in dst_chunks.iter_mut().zip(src_chunks) {
        *d = s.map(f);
    }
    for (d, &s) in dst_rest.iter_mut().zip(src_rest) {
        *d = f(s);
    }
}

/// `σ(z) = 1 / (1 + e^{−z})` of every value of `src` into `dst`.
pub fn sigmoid_into(src: &[f32], dst: &mut [f32]) {
    map_into(src, dst, sigmoid);
}

/// `tanh` of every value of `src` into `dst` (the rational [`fast_tanh`]).
pub fn tanh_into(src: &[f32], dst: &mut [f32]) {
    map_into(src, dst, fast_tanh);
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// Every `f32` step of `step` over `[lo, hi]`, and the ends.
    fn sweep(lo: f32, hi: f32, step: f32) -> Vec<f32> {
        let n = ((hi - lo) / step) as usize;
        (0..=n)
            .map(|i| lo + i as f32 * step)
            .chain([lo, hi])
            .collect()
    }

    fn relative(got: f32, want: f64) -> f64 {
        (f64::from(got) - want).abs() / want.abs().max(f64::MIN_POSITIVE)
    }

    #[test]
    fn exp_is_within_2e7_relative() {
        for x in sweep(-87.3, 88.7, 1e-3) {
            let err = relative(exp(x), f64::from(x).exp());
            assert!(err < 2e-7, "exp({x}): relative error {err}");
        }
        assert!(exp(-1000.0) < 1.3e-38 && exp(-1000.0) > 0.0);
        assert!(exp(1000.0).is_finite() && exp(1000.0) > 3e38);
    }

    #[test]
    fn sigmoid_is_within_1e6_relative() {
        let xs = sweep(-87.0, 40.0, 1e-3);
        let mut got = vec![0.0; xs.len()];
        sigmoid_into(&xs, &mut got);
        for (&x, &s) in xs.iter().zip(&got) {
            let want = 1.0 / (1.0 + (-f64::from(x)).exp());
            let err = relative(s, want);
            assert!(err < 1e-6, "σ({x}) = {s}: relative error {err}");
        }
        sigmoid_into(&[-1000.0, 1000.0], &mut got[..2]);
        assert!(got[0] >= 0.0 && got[0] < 1.3e-38 && got[1] == 1.0);
    }

    #[test]
    fn tanh_is_within_1e6_relative_until_it_saturates() {
        let xs = sweep(-9.0, 9.0, 1e-4);
        let mut got = vec![0.0; xs.len()];
        tanh_into(&xs, &mut got);
        for (&x, &t) in xs.iter().zip(&got) {
            let want = f64::from(x).tanh();
            let err = relative(t, want);
            assert!(err < 1e-6, "tanh({x}) = {t}: relative error {err}");
            assert!(t.abs() <= 1.0);
        }
        let tiny = [1e-30, 1e-7, -1e-5];
        tanh_into(&tiny, &mut got[..3]);
        for (x, t) in tiny.iter().zip(&got) {
            assert!(relative(*t, f64::from(*x).tanh()) < 1e-6, "tanh({x}) = {t}");
        }
    }
}
