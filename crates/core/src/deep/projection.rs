//! The deepest codes drawn in the plane: principal component analysis by power iteration.
//!
//! Centre the codes, `X̃ = X − 1·μᵀ`; the covariance `C = X̃ᵀX̃ / (n − 1)`; its leading
//! eigenvector `u₁` is the limit of `v ← C·v / ‖C·v‖`; `u₂` is found the same way with
//! `u₁`'s direction removed from `v` at every iteration. Each example is drawn at
//! `(x̃·u₁, x̃·u₂)`. Each axis is signed so that its largest entry is positive, so the
//! picture does not flip between runs.

use ndarray::{Array1, Array2, Axis};
use serde::{Deserialize, Serialize};

/// One example's place in the plane of the first two principal components.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProjectedPoint {
    /// Coordinate along the first principal component.
    pub x: f64,
    /// Coordinate along the second principal component.
    pub y: f64,
    /// The example's class, for the colour.
    pub label: usize,
}

/// Codes projected onto their first two principal components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// One point per example.
    pub points: Vec<ProjectedPoint>,
    /// The two principal directions (unit vectors in code space).
    pub components: [Vec<f64>; 2],
    /// The variance along each direction (the eigenvalues λ₁ ≥ λ₂).
    pub variances: [f64; 2],
    /// The total variance (trace of `C`), so `variances / total` is the share drawn.
    pub total_variance: f64,
}

const ITERATIONS: usize = 500;
const TOLERANCE: f64 = 1e-12;

/// The leading eigenvector and eigenvalue of the symmetric positive semi-definite `c`
/// within the directions orthogonal to `skip` (a unit vector); zero if there is none.
fn leading_eigen(c: &Array2<f64>, skip: Option<&Array1<f64>>) -> (Array1<f64>, f64) {
    let d = c.nrows();
    let orthogonalise = |v: &mut Array1<f64>| {
        if let Some(u) = skip {
            let along = v.dot(u);
            v.scaled_add(-along, u);
        }
    };
    // A fixed start that is not orthogonal to any axis-aligned eigenvector.
    let mut v = Array1::from_shape_fn(d, |i| 1.0 + i as f64 / d as f64);
    orthogonalise(&mut v);
    let norm = v.dot(&v).sqrt();
    if norm < 1e-12 {
        return (Array1::zeros(d), 0.0);
    }
    v /= norm;
    let mut lambda = 0.0;
    for _ in 0..ITERATIONS {
        let mut w = c.dot(&v);
        orthogonalise(&mut w);
        let norm = w.dot(&w).sqrt();
        if norm < 1e-300 {
            return (v, 0.0);
        }
        let next = w / norm;
        let change = (&next - &v).mapv(f64::abs).sum();
        v = next;
        lambda = norm;
        if change < TOLERANCE {
            break;
        }
    }
    let largest = v
        .iter()
        .copied()
        .fold(0.0_f64, |m, x| if x.abs() > m.abs() { x } else { m });
    if largest < 0.0 {
        v.mapv_inplace(|x| -x);
    }
    (v, lambda)
}

/// Projects the rows of `x` onto their first two principal components.
pub fn pca_2d(x: &Array2<f64>, labels: &[usize]) -> Projection {
    assert_eq!(x.nrows(), labels.len(), "one label per row");
    let n = x.nrows();
    let mean = x
        .mean_axis(Axis(0))
        .unwrap_or_else(|| Array1::zeros(x.ncols()));
    let centred = x - &mean;
    let c = centred.t().dot(&centred) / (n.max(2) - 1) as f64;
    let total_variance = c.diag().sum();
    let (u1, l1) = leading_eigen(&c, None);
    let (u2, l2) = leading_eigen(&c, Some(&u1));
    let xs = centred.dot(&u1);
    let ys = centred.dot(&u2);
    let points = xs
        .iter()
        .zip(&ys)
        .zip(labels)
        .map(|((&x, &y), &label)| ProjectedPoint { x, y, label })
        .collect();
    Projection {
        points,
        components: [u1.to_vec(), u2.to_vec()],
        variances: [l1, l2],
        total_variance,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    // Reference from NumPy:
    //   import numpy as np
    //   X = np.array([[2.0, 0.5, 1.0], [1.0, 1.5, -0.5], [-1.0, 0.0, 2.0],
    //                 [0.5, -2.0, 1.0], [3.0, 1.0, 0.0]])
    //   Xc = X - X.mean(0); C = Xc.T @ Xc / 4
    //   w, V = np.linalg.eigh(C); w, V = w[::-1], V[:, ::-1]
    //   V = V * np.sign(V[np.abs(V).argmax(0), range(3)])
    //   print(w[:2].tolist(), V[:, 0].tolist(), V[:, 1].tolist(), (Xc @ V[:, 0])[:2].tolist())
    const X: [f64; 15] = [
        2.0, 0.5, 1.0, 1.0, 1.5, -0.5, -1.0, 0.0, 2.0, 0.5, -2.0, 1.0, 3.0, 1.0, 0.0,
    ];
    const EIGENVALUES: [f64; 2] = [3.5176720561288715, 1.1799731689078863];
    const U1: [f64; 3] = [0.7196864238668751, 0.5474540686138367, -0.427019313450651];
    const U2: [f64; 3] = [
        -0.6074088430937241,
        0.7943717269256669,
        -0.005296866307297754,
    ];
    const FIRST_X: [f64; 2] = [0.6838482080291433, 1.1521448229520814];

    #[test]
    fn principal_components_match_numpy() {
        let x = Array2::from_shape_vec((5, 3), X.to_vec()).expect("shape");
        let p = pca_2d(&x, &[0, 1, 2, 3, 4]);
        for (got, want) in p.variances.iter().zip(EIGENVALUES) {
            assert!((got - want).abs() < 1e-9, "{:?}", p.variances);
        }
        for i in 0..3 {
            assert!(
                (p.components[0][i] - U1[i]).abs() < 1e-6,
                "{:?}",
                p.components
            );
            assert!(
                (p.components[1][i] - U2[i]).abs() < 1e-6,
                "{:?}",
                p.components
            );
        }
        assert!((p.points[0].x - FIRST_X[0]).abs() < 1e-6);
        assert!((p.points[1].x - FIRST_X[1]).abs() < 1e-6);
        assert_eq!(p.points[3].label, 3);
        assert!(p.variances[0] + p.variances[1] <= p.total_variance + 1e-9);
    }

    #[test]
    fn one_dimensional_codes_have_no_second_axis() {
        let x = Array2::from_shape_vec((3, 1), vec![1.0, 2.0, 4.0]).expect("shape");
        let p = pca_2d(&x, &[0, 0, 1]);
        assert!(p.variances[1].abs() < 1e-12);
        assert!(p.points.iter().all(|q| q.y.abs() < 1e-12));
        assert!((p.points[2].x - (4.0 - 7.0 / 3.0)).abs() < 1e-12);
    }
}
