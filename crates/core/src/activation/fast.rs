//! Fast approximations of the exact activations in [`super`], for the hot loops that
//! evaluate them once per value (the decision-boundary grid, the batched MLP). Each is a
//! named function with its error bound tested against the exact formula; everything else
//! calls the exact one.
//!
//! ```
//! use nnp_core::activation::fast::{fast_logistic, fast_tanh, tanh_vectorised};
//! assert!((fast_tanh(0.5) - 0.5_f32.tanh()).abs() < 1e-6);
//! assert!((fast_logistic(0.5) - nnp_core::activation::logistic(0.5_f32)).abs() < 1e-6);
//! assert!((tanh_vectorised(0.5) - 0.5_f64.tanh()).abs() < 1e-15);
//! ```

/// `tanh` in `f32` as a rational function on `[−7.9, 7.9]` (Eigen's `fast_tanh_float`),
/// within 1e-6 of the true value; beyond that range tanh is ±1 in `f32`.
#[inline]
pub fn fast_tanh(x: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    const A1: f32 = 4.893_524_6e-3;
    const A3: f32 = 6.372_619e-4;
    const A5: f32 = 1.485_722_4e-5;
    const A7: f32 = 5.122_297e-8;
    const A9: f32 = -8.604_672e-11;
    const A11: f32 = 2.000_188e-13;
    const A13: f32 = -2.760_768_5e-16;
    const B0: f32 = 4.893_525e-3;
    const B2: f32 = 2.268_434_7e-3;
    const B4: f32 = 1.185_347e-4;
    const B6: f32 = 1.198_258_4e-6;
    let x = x.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let p = x * (A1 + x2 * (A3 + x2 * (A5 + x2 * (A7 + x2 * (A9 + x2 * (A11 + x2 * A13))))));
    let q = B0 + x2 * (B2 + x2 * (B4 + x2 * B6));
    p / q
}

/// `σ(z) = ½ + ½ tanh(z/2)` through [`fast_tanh`]: within 1e-6 of the exact
/// [`logistic`](super::logistic) in `f32`.
#[inline]
pub fn fast_logistic(z: f32) -> f32 {
    0.5 + 0.5 * fast_tanh(0.5 * z)
}

/// `tanh x` within a few ulps of the correctly rounded value, in plain arithmetic that
/// the compiler vectorises (a library `tanh` is one call per value): `t / (t + 2)` with
/// `t = expm1(2|x|)`, `expm1(y) = 2^k (expm1(r) + 1) − 1` for `y = k ln 2 + r`, |r| ≤ ½ ln 2,
/// and `expm1(r)` by its Taylor series to `r¹³/13!` (the next term is below 1e-17).
#[inline]
pub fn tanh_vectorised(x: f64) -> f64 {
    // ln 2 split so that k·LN2_HI is exact (fdlibm's constants).
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    // Adding 1.5·2⁵² rounds to an integer, which then sits in the low bits.
    const SHIFTER: f64 = 6_755_399_441_055_744.0;
    const C: [f64; 12] = [
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];
    // tanh 22 rounds to 1; NaN stays NaN (the comparison is false).
    let a = x.abs();
    let y = 2.0 * if a > 22.0 { 22.0 } else { a };
    let shifted = y * std::f64::consts::LOG2_E + SHIFTER;
    let k = shifted - SHIFTER;
    let r = (y - k * LN2_HI) - k * LN2_LO;
    let p = C.iter().rev().fold(0.0, |p, c| c + r * p);
    let expm1_r = r + r * r * p;
    let bits = shifted.to_bits().wrapping_sub(SHIFTER.to_bits());
    let scale = f64::from_bits(bits.wrapping_add(1023) << 52);
    let t = scale * expm1_r + (scale - 1.0);
    (t / (t + 2.0)).copysign(x)
}

/// [`tanh_vectorised`] of every value of `values`, in place, the same bits as one value at a
/// time. Eight values go through the formula together: their long chains of dependent
/// operations (the polynomial, the division) interleave, where one SIMD register's worth at a
/// time would leave the processor waiting on each chain.
pub fn tanh_vectorised_in_place(values: &mut [f64]) {
    let (chunks, rest) = values.as_chunks_mut::<8>();
    for chunk in chunks {
        *chunk = chunk.map(tanh_vectorised);
    }
    rest.iter_mut().for_each(|v| *v = tanh_vectorised(*v));
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::activation::logistic;

    #[test]
    fn fast_tanh_is_within_1e6_of_tanh() {
        for i in -2000..=2000 {
            let x = i as f32 * 0.005;
            let err = (fast_tanh(x) as f64 - (x as f64).tanh()).abs();
            assert!(err < 1e-6, "tanh({x}): error {err}");
        }
        // Saturated, never past ±1.
        assert!((fast_tanh(40.0) - 1.0).abs() < 1e-6 && fast_tanh(40.0) <= 1.0);
        assert!((fast_tanh(-40.0) + 1.0).abs() < 1e-6 && fast_tanh(-40.0) >= -1.0);
    }

    #[test]
    fn fast_logistic_is_within_1e6_of_logistic() {
        for i in -4000..=4000 {
            let z = i as f32 * 0.005;
            let err = (f64::from(fast_logistic(z)) - logistic(f64::from(z))).abs();
            assert!(err < 1e-6, "σ({z}): error {err}");
        }
        assert!(fast_logistic(-40.0) >= 0.0 && fast_logistic(40.0) <= 1.0);
    }

    #[test]
    fn tanh_in_place_gives_the_bits_of_one_value_at_a_time() {
        for n in [0, 3, 8, 13, 49] {
            let xs: Vec<f64> = (0..n).map(|i| (i as f64 * 0.731).sin() * 4.0).collect();
            let mut got = xs.clone();
            tanh_vectorised_in_place(&mut got);
            for (x, g) in xs.iter().zip(&got) {
                assert_eq!(
                    g.to_bits(),
                    tanh_vectorised(*x).to_bits(),
                    "tanh({x}), n = {n}"
                );
            }
        }
    }

    #[test]
    fn tanh_vectorised_is_within_a_few_ulps_of_the_library() {
        // 600,001 points natively; a 50× coarser sweep in the browser proves the same.
        let (half_range, step) = if cfg!(target_family = "wasm") {
            (6_000, 5e-3)
        } else {
            (300_000, 1e-4)
        };
        let tiny = [1e-300, 1e-20, 1e-8, 21.9];
        for x in (-half_range..=half_range)
            .map(|i| i as f64 * step + 1e-9)
            .chain(tiny)
        {
            for x in [x, -x] {
                let (got, want) = (tanh_vectorised(x), x.tanh());
                let ulp = f64::EPSILON * want.abs();
                assert!(
                    (got - want).abs() <= 3.0 * ulp,
                    "tanh({x}) = {got}, want {want}"
                );
            }
        }
        for x in [0.0, 22.0, 40.0, 1e300, f64::INFINITY] {
            assert_eq!(tanh_vectorised(x), x.tanh(), "tanh({x})");
            assert_eq!(tanh_vectorised(-x), (-x).tanh(), "tanh({})", -x);
        }
        assert!(tanh_vectorised(-0.0).is_sign_negative());
        assert!(tanh_vectorised(f64::NAN).is_nan());
    }
}
