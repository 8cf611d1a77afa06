//! The one-dimensional hypothesis classes of §1 and their least-squares fits.

use ndarray::{Array2, ArrayView1};
use serde::{Deserialize, Serialize};

use crate::rng::Rng;

/// Body temperatures (°C) of the lecture's health example.
pub const TEMPERATURES: [f64; 8] = [35.5, 36.2, 36.8, 37.0, 37.4, 38.1, 39.0, 40.2];
/// How healthy each of them is (1 = healthy; too cold and too hot are both worse).
pub const HEALTH: [f64; 8] = [0.1, 0.8, 0.95, 1.0, 0.9, 0.6, -0.2, -1.3];

/// `n` points `(x, y)` with `x` evenly spread over `[−2, 2]` and `y` a seeded random
/// parabola plus Gaussian noise of standard deviation `noise`: data where `H2` should beat
/// `H1` (§1's one-dimensional example).
pub fn parabola_data(n: usize, noise: f64, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = Rng::seeded(seed);
    let a = rng.uniform(0.4, 1.0)
        * if rng.uniform(0.0, 1.0) < 0.5 {
            -1.0
        } else {
            1.0
        };
    let b = rng.uniform(-1.0, 1.0);
    let xs: Vec<f64> = (0..n)
        .map(|i| -2.0 + 4.0 * i as f64 / (n.max(2) - 1) as f64)
        .collect();
    let ys = xs
        .iter()
        .map(|x| a * x * x + b * x + noise * rng.normal())
        .collect();
    (xs, ys)
}

/// One basis function of a one-dimensional hypothesis class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Basis1d {
    /// The constant 1.
    One,
    /// `x`.
    X,
    /// `x²`.
    XSquared,
    /// `(x − c)²`, domain knowledge hard-coded (the lecture's `(T − 37)²`).
    ShiftedSquare(f64),
}

impl Basis1d {
    /// The basis function's value at `x`.
    pub fn value(self, x: f64) -> f64 {
        match self {
            Basis1d::One => 1.0,
            Basis1d::X => x,
            Basis1d::XSquared => x * x,
            Basis1d::ShiftedSquare(c) => (x - c) * (x - c),
        }
    }

    /// The label with the variable written `var`, e.g. `(T − 37)²`.
    pub fn label(self, var: &str) -> String {
        match self {
            Basis1d::One => "1".into(),
            Basis1d::X => var.into(),
            Basis1d::XSquared => format!("{var}²"),
            Basis1d::ShiftedSquare(c) => format!("({var} − {c})²"),
        }
    }
}

/// The one-dimensional hypothesis classes the lecture compares in §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HypothesisClass1d {
    /// `φ(x) = [x]`, `H1 = {x → w1 x}`.
    Linear,
    /// `φ(x) = [x, x²]`, `H2 = {x → w1 x + w2 x²}`.
    Quadratic,
    /// Health from temperature with `φ(T) = [1, T]`: cannot express "too hot or too cold".
    TemperatureLinear,
    /// `φ(T) = [1, T, T²]`: the general recipe, learns `(T − 37)²` from data.
    TemperatureQuadratic,
    /// `φ(T) = [1, (T − 37)²]`: domain knowledge built in.
    TemperatureExpert,
}

impl HypothesisClass1d {
    /// Every class, in the lecture's order.
    pub const ALL: [HypothesisClass1d; 5] = [
        HypothesisClass1d::Linear,
        HypothesisClass1d::Quadratic,
        HypothesisClass1d::TemperatureLinear,
        HypothesisClass1d::TemperatureQuadratic,
        HypothesisClass1d::TemperatureExpert,
    ];

    /// The basis functions of φ.
    pub fn basis(self) -> Vec<Basis1d> {
        match self {
            HypothesisClass1d::Linear => vec![Basis1d::X],
            HypothesisClass1d::Quadratic => vec![Basis1d::X, Basis1d::XSquared],
            HypothesisClass1d::TemperatureLinear => vec![Basis1d::One, Basis1d::X],
            HypothesisClass1d::TemperatureQuadratic => {
                vec![Basis1d::One, Basis1d::X, Basis1d::XSquared]
            }
            HypothesisClass1d::TemperatureExpert => {
                vec![Basis1d::One, Basis1d::ShiftedSquare(37.0)]
            }
        }
    }

    /// The label a screen shows, e.g. `φ(T) = [1, (T − 37)²]`.
    pub fn label(self) -> String {
        let var = match self {
            HypothesisClass1d::Linear | HypothesisClass1d::Quadratic => "x",
            _ => "T",
        };
        let parts: Vec<String> = self.basis().iter().map(|b| b.label(var)).collect();
        format!("φ({var}) = [{}]", parts.join(", "))
    }
}

/// The best member of a one-dimensional hypothesis class for some data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit1d {
    /// The least-squares weights W, one per basis function.
    pub weights: Vec<f64>,
    /// The mean squared error `mean (W·φ(x) − y)²` on the data.
    pub error: f64,
    /// `(x, W·φ(x))` at evenly spaced `x`, for drawing the fitted curve.
    pub curve: Vec<(f64, f64)>,
}

/// Fits `y ≈ W·φ(x)` by least squares over the points `(xs[i], ys[i])` and samples the
/// fitted curve at `samples` points of `range`.
pub fn fit_1d(
    basis: &[Basis1d],
    xs: &[f64],
    ys: &[f64],
    range: (f64, f64),
    samples: usize,
) -> Fit1d {
    assert_eq!(xs.len(), ys.len(), "one y per x");
    assert!(samples >= 2, "a curve needs at least two samples");
    let weights = least_squares(basis, xs, ys);
    let predict = |x: f64| -> f64 {
        basis
            .iter()
            .zip(&weights)
            .map(|(b, w)| w * b.value(x))
            .sum()
    };
    let error = if xs.is_empty() {
        0.0
    } else {
        xs.iter()
            .zip(ys)
            .map(|(x, y)| (predict(*x) - y).powi(2))
            .sum::<f64>()
            / xs.len() as f64
    };
    let curve = (0..samples)
        .map(|i| {
            let x = range.0 + (range.1 - range.0) * i as f64 / (samples - 1) as f64;
            (x, predict(x))
        })
        .collect();
    Fit1d {
        weights,
        error,
        curve,
    }
}

/// Least squares by modified Gram–Schmidt QR of the design matrix Φ (one row per sample,
/// one column per basis function; stable even for `[1, T, T²]` near T = 37); a column
/// dependent on earlier ones gets weight 0.
fn least_squares(basis: &[Basis1d], xs: &[f64], ys: &[f64]) -> Vec<f64> {
    let k = basis.len();
    let mut q = Array2::from_shape_fn((xs.len(), k), |(i, j)| basis[j].value(xs[i]));
    let mut r = Array2::<f64>::zeros((k, k));
    let mut usable = vec![false; k];
    for j in 0..k {
        let scale = q.column(j).dot(&q.column(j)).sqrt();
        for i in 0..j {
            if usable[i] {
                let dot = q.column(i).dot(&q.column(j));
                r[[i, j]] = dot;
                let qi = q.column(i).to_owned();
                q.column_mut(j).scaled_add(-dot, &qi);
            }
        }
        let norm = q.column(j).dot(&q.column(j)).sqrt();
        if norm > 1e-10 * scale.max(f64::MIN_POSITIVE) {
            usable[j] = true;
            r[[j, j]] = norm;
            q.column_mut(j).mapv_inplace(|v| v / norm);
        }
    }
    let qty = q.t().dot(&ArrayView1::from(ys));
    let mut w = vec![0.0; k];
    for j in (0..k).rev() {
        if usable[j] {
            let tail: f64 = (j + 1..k).map(|c| r[[j, c]] * w[c]).sum();
            w[j] = (qty[j] - tail) / r[[j, j]];
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // Reference from NumPy:
    //   import numpy as np
    //   T = np.array([35.5, 36.2, 36.8, 37.0, 37.4, 38.1, 39.0, 40.2])
    //   y = np.array([0.1, 0.8, 0.95, 1.0, 0.9, 0.6, -0.2, -1.3])
    //   for A in [np.c_[np.ones(8), T], np.c_[np.ones(8), T, T**2], np.c_[np.ones(8), (T-37)**2]]:
    //       w = np.linalg.lstsq(A, y, rcond=None)[0]; print(list(w), np.mean((A@w - y)**2))
    const T: [f64; 8] = TEMPERATURES;

    #[test]
    fn temperature_fits_match_numpy() {
        let expected: [(HypothesisClass1d, &[f64], f64); 3] = [
            (
                HypothesisClass1d::TemperatureLinear,
                &[14.17686715641261, -0.368304254667891],
                0.27767212848178713,
            ),
            (
                HypothesisClass1d::TemperatureQuadratic,
                &[-336.1126242723235, 18.15754379539376, -0.24457587956737115],
                0.015899591602691925,
            ),
            (
                HypothesisClass1d::TemperatureExpert,
                &[0.877130380751532, -0.22475960334478187],
                0.01882505499484128,
            ),
        ];
        for (class, weights, error) in expected {
            let fit = fit_1d(&class.basis(), &T, &HEALTH, (35.0, 41.0), 13);
            for (got, want) in fit.weights.iter().zip(weights) {
                assert!(
                    (got - want).abs() < 1e-6 * want.abs().max(1.0),
                    "{class:?}: {got} vs {want}"
                );
            }
            assert!(
                (fit.error - error).abs() < 1e-9,
                "{class:?}: error {} vs {error}",
                fit.error
            );
            assert_eq!(fit.curve.len(), 13);
            assert_eq!(fit.curve[0].0, 35.0);
            assert_eq!(fit.curve[12].0, 41.0);
        }
        // The lecture's point: [1, T] cannot express "too hot or too cold", the others can.
        let errors: Vec<f64> = expected
            .iter()
            .map(|(c, _, _)| fit_1d(&c.basis(), &T, &HEALTH, (35.0, 41.0), 2).error)
            .collect();
        assert!(
            errors[0] > 10.0 * errors[1] && errors[0] > 10.0 * errors[2],
            "{errors:?}"
        );
    }

    #[test]
    fn quadratic_class_contains_the_linear_one() {
        // y = x² − 2x exactly: H2 fits it perfectly, H1's best leaves an error.
        let xs: Vec<f64> = (0..9).map(|i| -1.0 + 0.5 * i as f64).collect();
        let ys: Vec<f64> = xs.iter().map(|x| x * x - 2.0 * x).collect();
        let h1 = fit_1d(&HypothesisClass1d::Linear.basis(), &xs, &ys, (-1.0, 3.0), 5);
        let h2 = fit_1d(
            &HypothesisClass1d::Quadratic.basis(),
            &xs,
            &ys,
            (-1.0, 3.0),
            5,
        );
        assert!(h2.error < 1e-20, "{}", h2.error);
        assert!((h2.weights[0] + 2.0).abs() < 1e-12 && (h2.weights[1] - 1.0).abs() < 1e-12);
        assert!(h1.error > 1.0, "{}", h1.error);
        assert_eq!(
            HypothesisClass1d::TemperatureExpert.label(),
            "φ(T) = [1, (T − 37)²]"
        );
        assert_eq!(HypothesisClass1d::Quadratic.label(), "φ(x) = [x, x²]");
    }

    #[test]
    fn the_quadratic_class_wins_on_parabola_data() {
        let (xs, ys) = parabola_data(21, 0.2, 3);
        assert_eq!((xs[0], xs[20]), (-2.0, 2.0));
        assert_eq!(
            parabola_data(21, 0.2, 3),
            (xs.clone(), ys.clone()),
            "seeded"
        );
        let h1 = fit_1d(&HypothesisClass1d::Linear.basis(), &xs, &ys, (-2.0, 2.0), 2);
        let h2 = fit_1d(
            &HypothesisClass1d::Quadratic.basis(),
            &xs,
            &ys,
            (-2.0, 2.0),
            2,
        );
        assert!(
            h2.error < 0.1 && h1.error > 4.0 * h2.error,
            "{} vs {}",
            h1.error,
            h2.error
        );
    }
}
