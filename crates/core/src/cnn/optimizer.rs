//! How a mini-batch's mean gradient `g` moves the parameters `θ`:
//!
//! - SGD with momentum: `v ← μ·v + g`, `θ ← θ − η·v`;
//! - Adam: `m ← β₁·m + (1 − β₁)·g`, `v ← β₂·v + (1 − β₂)·g²`,
//!   `θ ← θ − η · m̂ / (√v̂ + ε)` with `m̂ = m / (1 − β₁ᵗ)`, `v̂ = v / (1 − β₂ᵗ)` at update `t`.
//!
//! `β^t` is kept as a running product (no `powi`), so every platform computes the same bits.

use serde::{Deserialize, Serialize};

/// Which update rule training uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OptimizerKind {
    /// Adam (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸).
    #[default]
    Adam,
    /// Stochastic gradient descent with momentum.
    Momentum,
}

const BETA1: f32 = 0.9;
const BETA2: f32 = 0.999;
const EPSILON: f32 = 1e-8;

/// The optimiser's memory: one first and one second moment per parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimizer {
    kind: OptimizerKind,
    learning_rate: f32,
    momentum: f32,
    first: Vec<Vec<f32>>,
    second: Vec<Vec<f32>>,
    beta1_power: f32,
    beta2_power: f32,
}

impl Optimizer {
    /// A fresh optimiser for parameter parts of these lengths.
    pub fn new(
        kind: OptimizerKind,
        learning_rate: f32,
        momentum: f32,
        part_lengths: &[usize],
    ) -> Self {
        let zeros = || {
            part_lengths
                .iter()
                .map(|&n| vec![0.0; n])
                .collect::<Vec<_>>()
        };
        Self {
            kind,
            learning_rate,
            momentum,
            first: zeros(),
            second: match kind {
                OptimizerKind::Adam => zeros(),
                OptimizerKind::Momentum => Vec::new(),
            },
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }

    /// One update of every part of `parameters` by the matching part of `gradients`
    /// (already averaged over the mini-batch).
    pub fn update(&mut self, parameters: [&mut [f32]; 4], gradients: [&[f32]; 4]) {
        self.beta1_power *= BETA1;
        self.beta2_power *= BETA2;
        let eta = self.learning_rate;
        for (part, (theta, g)) in parameters.into_iter().zip(gradients).enumerate() {
            assert_eq!(theta.len(), g.len(), "one gradient per parameter");
            let first = &mut self.first[part];
            match self.kind {
                OptimizerKind::Momentum => {
                    for ((t, v), &g) in theta.iter_mut().zip(first.iter_mut()).zip(g) {
                        *v = self.momentum * *v + g;
                        *t -= eta * *v;
                    }
                }
                OptimizerKind::Adam => {
                    let (c1, c2) = (1.0 - self.beta1_power, 1.0 - self.beta2_power);
                    let second = &mut self.second[part];
                    for (((t, m), v), &g) in theta
                        .iter_mut()
                        .zip(first.iter_mut())
                        .zip(second.iter_mut())
                        .zip(g)
                    {
                        *m = BETA1 * *m + (1.0 - BETA1) * g;
                        *v = BETA2 * *v + (1.0 - BETA2) * g * g;
                        *t -= eta * (*m / c1) / ((*v / c2).sqrt() + EPSILON);
                    }
                }
            }
        }
    }
}
