//! Seeded, reproducible randomness: the same seed gives the same run on every machine,
//! so a shared link reproduces what the teacher saw.
//!
//! The generator is named (xoshiro256++ seeded by SplitMix64), not `SmallRng`, which is a
//! different algorithm on 32-bit wasm than on 64-bit machines.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// A small, fast generator built from a `u64` seed.
///
/// ```
/// use nnp_core::rng::Rng;
/// let (mut a, mut b) = (Rng::seeded(7), Rng::seeded(7));
/// let x = a.uniform(-1.0, 1.0);
/// assert_eq!(x, b.uniform(-1.0, 1.0));
/// assert!((-1.0..1.0).contains(&x));
/// assert!(a.index(10) < 10);
/// ```
#[derive(Debug, Clone)]
pub struct Rng(Xoshiro256PlusPlus);

impl Rng {
    /// A generator that always yields the same stream for the same `seed`.
    pub fn seeded(seed: u64) -> Self {
        Self(Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    /// A uniform sample in `[low, high)`.
    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.0.random::<f64>()
    }

    /// A standard normal sample (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.0.random::<f64>();
        let u2 = self.0.random::<f64>();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A uniform index in `0..n`; `n` must be positive. Drawn as a `u64` so that wasm32
    /// (32-bit `usize`) and native machines see the same stream for the same seed.
    pub fn index(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::index needs a non-empty range");
        self.0.random_range(0..n as u64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED_INDICES: [usize; 6] = [814, 318, 983, 701, 793, 588];
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::seeded(7);
        let mut b = Rng::seeded(7);
        for _ in 0..100 {
            assert_eq!(
                a.uniform(-1.0, 1.0).to_bits(),
                b.uniform(-1.0, 1.0).to_bits()
            );
        }
    }

    #[test]
    fn indices_are_the_same_on_every_platform() {
        // Fixed values: a shared link must replay the same shuffles in a browser (wasm32)
        // and natively. If this changes, old links change their runs.
        let mut rng = Rng::seeded(42);
        let drawn: Vec<usize> = (0..6).map(|_| rng.index(1000)).collect();
        assert_eq!(drawn, EXPECTED_INDICES);
    }

    #[test]
    fn normal_has_unit_moments() {
        let mut rng = Rng::seeded(1);
        let samples: Vec<f64> = (0..20_000).map(|_| rng.normal()).collect();
        let mean = samples.iter().sum::<f64>() / samples.len() as f64;
        let var = samples.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / samples.len() as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut rng = Rng::seeded(3);
        let mut v: Vec<usize> = (0..50).collect();
        rng.shuffle(&mut v);
        assert_ne!(v, (0..50).collect::<Vec<_>>());
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>());
    }
}
