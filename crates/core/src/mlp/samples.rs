//! Plain data in and out of a network: the points mapped through φ (one row `φ(x)` per
//! point, with its label ±1), loss and accuracy on them, and every unit's value at one
//! point of the plane.

use serde::{Deserialize, Serialize};

use crate::dataset::Point;
use crate::features::FeatureSet;

/// Points mapped through φ: one row `φ(x)` per point, and its label.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Samples {
    /// Dimension of φ.
    pub dim: usize,
    /// `len × dim` values, row after row.
    pub phi: Vec<f64>,
    /// One label (−1 or +1) per row.
    pub labels: Vec<f64>,
}

impl Samples {
    /// Maps every point through `features`.
    pub fn new(features: &FeatureSet, points: &[Point]) -> Self {
        let dim = features.len();
        let mut phi = vec![0.0; points.len() * dim];
        for (row, p) in phi.chunks_exact_mut(dim.max(1)).zip(points) {
            features.map(p.x1, p.x2, &mut row[..dim]);
        }
        Self {
            dim,
            phi,
            labels: points.iter().map(|p| p.label).collect(),
        }
    }

    /// Points already mapped: `phi` holds `labels.len()` rows of `dim` values, row after
    /// row (row-major `points × dim`), `labels` one ±1 per row.
    pub fn from_rows(dim: usize, phi: Vec<f64>, labels: Vec<f64>) -> Self {
        assert_eq!(
            phi.len(),
            labels.len() * dim,
            "{} labelled points of dimension {dim} need {} values, not {}",
            labels.len(),
            labels.len() * dim,
            phi.len()
        );
        Self { dim, phi, labels }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// `φ(x)` of point `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.phi[i * self.dim..(i + 1) * self.dim]
    }
}

/// Loss and accuracy of a network on some points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Mean loss (without the penalty).
    pub loss: f64,
    /// Fraction of points whose predicted label is right, in `[0, 1]`.
    pub accuracy: f64,
}

/// Everything a screen shows when the pointer rests on one point of the plane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// `φ(x)`.
    pub phi: Vec<f64>,
    /// Each layer's unit values after the activation, hidden layers then the output.
    pub layers: Vec<Vec<f64>>,
    /// The score `s` (the output unit's value).
    pub score: f64,
    /// The predicted label, −1 or +1.
    pub label: f64,
}
