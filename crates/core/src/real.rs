//! The number type the core computes with where both precisions are needed: `f32` in the
//! browser (fast, and what is drawn), `f64` in the gradient checks (central differences
//! accurate to about 1e-9). Formulas written once over [`Real`] serve both.

use std::fmt::Debug;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

/// A floating-point number the recurrent cells can compute with: `f32` or `f64`.
pub trait Real:
    Copy
    + Debug
    + Default
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + Sum
    + Send
    + Sync
    + 'static
{
    /// `0`.
    const ZERO: Self;
    /// `1`.
    const ONE: Self;
    /// The nearest value to `v`.
    fn from_f64(v: f64) -> Self;
    /// The value as `f64` (exact).
    fn to_f64(self) -> f64;
    /// `eˣ`.
    fn exp(self) -> Self;
    /// `tanh x`.
    fn tanh(self) -> Self;
    /// `ln x`.
    fn ln(self) -> Self;
    /// `√x`.
    fn sqrt(self) -> Self;
    /// `|x|`.
    fn abs(self) -> Self;
    /// `ln(1 + x)`, accurate for small `x`.
    fn ln_1p(self) -> Self;

    /// σ of every value of `src` into `dst`: exact in `f64` (the gradient checks), within
    /// 1e-6 relative in `f32` ([`activation::vector`](crate::activation::vector), SIMD).
    fn sigmoid_into(src: &[Self], dst: &mut [Self]);
    /// `tanh` of every value of `src` into `dst`: exact in `f64`, within 1e-6 relative in
    /// `f32` ([`activation::vector`](crate::activation::vector), SIMD).
    fn tanh_into(src: &[Self], dst: &mut [Self]);

    /// `[rows[0]·v, …, rows[3]·v]`, each summed as the recurrent cells' `dot` sums it
    /// (SIMD in the browser in `f32`, [`crate::simd::dot4_f32`]).
    fn dot4(rows: [&[Self]; 4], v: &[Self]) -> [Self; 4];

    /// The whole-chunk sums of [`dot4`](Self::dot4) for four rows stored interleaved (per
    /// chunk of eight values of `v`, the four rows' eight values), summed the same way
    /// (SIMD in the browser in `f32`, [`crate::simd::dot4_interleaved_f32`]).
    fn dot4_interleaved(rows: &[[Self; 8]], v: &[[Self; 8]]) -> [Self; 4];

    /// The value of an `f32` (exact for `f32` and `f64`).
    fn from_f32(v: f32) -> Self {
        Self::from_f64(f64::from(v))
    }
}

macro_rules! impl_real {
    ($t:ty, $sigmoid_into:path, $tanh_into:path, $dot4:path, $dot4_interleaved:path) => {
        impl Real for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[allow(clippy::cast_possible_truncation)]
            #[inline]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline]
            fn to_f64(self) -> f64 {
                f64::from(self)
            }
            #[inline]
            fn exp(self) -> Self {
                <$t>::exp(self)
            }
            #[inline]
            fn tanh(self) -> Self {
                <$t>::tanh(self)
            }
            #[inline]
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            #[inline]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline]
            fn ln_1p(self) -> Self {
                <$t>::ln_1p(self)
            }
            #[inline]
            fn sigmoid_into(src: &[Self], dst: &mut [Self]) {
                $sigmoid_into(src, dst)
            }
            #[inline]
            fn tanh_into(src: &[Self], dst: &mut [Self]) {
                $tanh_into(src, dst)
            }
            #[inline]
            fn dot4(rows: [&[Self]; 4], v: &[Self]) -> [Self; 4] {
                $dot4(rows, v)
            }
            #[inline]
            fn dot4_interleaved(rows: &[[Self; 8]], v: &[[Self; 8]]) -> [Self; 4] {
                $dot4_interleaved(rows, v)
            }
        }
    };
}

impl_real!(
    f32,
    crate::activation::vector::sigmoid_into,
    crate::activation::vector::tanh_into,
    crate::simd::dot4_f32,
    crate::simd::dot4_interleaved_f32
);
impl_real!(
    f64,
    exact_sigmoid_into,
    exact_tanh_into,
    crate::recurrent::dot4_plain,
    crate::recurrent::dot4_interleaved_plain
);

fn exact_sigmoid_into(src: &[f64], dst: &mut [f64]) {
    assert_eq!(src.len(), dst.len(), "one output per value");
    for (d, &z) in dst.iter_mut().zip(src) {
        *d = sigmoid(z);
    }
}

fn exact_tanh_into(src: &[f64], dst: &mut [f64]) {
    assert_eq!(src.len(), dst.len(), "one output per value");
    for (d, &x) in dst.iter_mut().zip(src) {
        *d = x.tanh();
    }
}

/// The logistic function σ, under the name the recurrent cells use; defined once in
/// [`activation::logistic`](crate::activation::logistic).
pub use crate::activation::logistic as sigmoid;
