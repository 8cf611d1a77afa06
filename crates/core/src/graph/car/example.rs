//! The car positions the network sees, and what it says about them.

use serde::{Deserialize, Serialize};

/// One labelled pair of car positions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CarExample {
    /// The positions `[x1, x2]`.
    pub x: [f64; 2],
    /// `+1` safe, `−1` dangerous (the label leaf gets the loss's target for it:
    /// [`CarNetConfig::targets`](super::CarNetConfig::targets)).
    pub y: f64,
}

impl CarExample {
    /// The example at `[x1, x2]` with the true label `y = sign(|x1 − x2| − 1)` (a
    /// distance of exactly 1 counts as safe).
    pub fn labelled(x1: f64, x2: f64) -> Self {
        let y = if (x1 - x2).abs() >= 1.0 { 1.0 } else { -1.0 };
        Self { x: [x1, x2], y }
    }

    /// The lecture's table: `[3, 1]` safe, `[1, 3]` safe, `[1, 0.5]` not safe.
    pub fn lecture_table() -> Vec<Self> {
        vec![
            Self {
                x: [3.0, 1.0],
                y: 1.0,
            },
            Self {
                x: [1.0, 3.0],
                y: 1.0,
            },
            Self {
                x: [1.0, 0.5],
                y: -1.0,
            },
        ]
    }

    /// A dense `n × n` grid of positions over `[low, high]²`, labelled by the true rule,
    /// leaving out the points within `band` of the boundary (`||x1 − x2| − 1| < band`).
    pub fn grid(n: usize, low: f64, high: f64, band: f64) -> Vec<Self> {
        assert!(n >= 2, "a grid needs at least two points per side");
        let at = |k: usize| low + (high - low) * k as f64 / (n - 1) as f64;
        let mut out = Vec::new();
        for row in 0..n {
            for col in 0..n {
                let (x1, x2) = (at(col), at(row));
                if ((x1 - x2).abs() - 1.0).abs() >= band {
                    out.push(Self::labelled(x1, x2));
                }
            }
        }
        out
    }
}

/// What the network computes at one position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CarOutput {
    /// The hidden unit `h1` (car 1 far right of car 2).
    pub h1: f64,
    /// The hidden unit `h2` (car 2 far right of car 1).
    pub h2: f64,
    /// The output score.
    pub score: f64,
    /// The score at or above which the output says "safe" (`1/2` for the lecture's 1/0
    /// labels, 0 for ±1).
    pub threshold: f64,
}

impl CarOutput {
    /// The predicted label: `+1` (safe) when the score reaches the threshold, else `−1`.
    pub fn label(&self) -> f64 {
        if self.score >= self.threshold {
            1.0
        } else {
            -1.0
        }
    }
}
