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

    /// The value of an `f32` (exact for `f32` and `f64`).
    fn from_f32(v: f32) -> Self {
        Self::from_f64(f64::from(v))
    }
}

macro_rules! impl_real {
    ($t:ty) => {
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
        }
    };
}

impl_real!(f32);
impl_real!(f64);

/// The logistic function σ, under the name the recurrent cells use; defined once in
/// [`activation::logistic`](crate::activation::logistic).
pub use crate::activation::logistic as sigmoid;
