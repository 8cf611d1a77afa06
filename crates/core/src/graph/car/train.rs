//! Losses, accuracy and online SGD on the car network.

use serde::{Deserialize, Serialize};

use super::{CarExample, CarNet};
use crate::rng::Rng;

/// Settings of a training run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// The step size η of `p ← p − η ∂loss/∂p`.
    pub learning_rate: f64,
    /// Passes over the examples.
    pub epochs: usize,
    /// Visit the examples in a fresh random order each epoch (online SGD).
    pub shuffle: bool,
    /// Seed of the visiting order.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            learning_rate: 0.1,
            epochs: 100,
            shuffle: true,
            seed: 1,
        }
    }
}

impl CarNet {
    /// The loss on one example, with the current weights.
    pub fn loss_on(&self, example: &CarExample) -> f64 {
        let f = self.graph.evaluate_with(&[
            (self.x1, example.x[0]),
            (self.x2, example.x[1]),
            (self.y, self.config.targets().of(example.y)),
        ]);
        f.last().copied().unwrap_or(f64::NAN)
    }

    /// The mean loss over `examples`.
    pub fn mean_loss(&self, examples: &[CarExample]) -> f64 {
        assert!(!examples.is_empty(), "mean loss of no examples");
        examples.iter().map(|e| self.loss_on(e)).sum::<f64>() / examples.len() as f64
    }

    /// The fraction of `examples` whose predicted label is right.
    pub fn accuracy(&self, examples: &[CarExample]) -> f64 {
        assert!(!examples.is_empty(), "accuracy of no examples");
        let right = examples
            .iter()
            .filter(|e| self.predict(e.x[0], e.x[1]).label() == e.y)
            .count();
        right as f64 / examples.len() as f64
    }

    /// Online SGD: for each epoch, for each example (shuffled if asked), one forward and
    /// backward pass and one update `p ← p − η ∂loss/∂p`. Returns the mean loss over all
    /// examples after each epoch. The last example seen is left in the input leaves.
    pub fn train(&mut self, examples: &[CarExample], config: &TrainConfig) -> Vec<f64> {
        assert!(!examples.is_empty(), "training needs at least one example");
        let mut rng = Rng::seeded(config.seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut losses = Vec::with_capacity(config.epochs);
        for _ in 0..config.epochs {
            if config.shuffle {
                rng.shuffle(&mut order);
            }
            for &k in &order {
                self.set_example(&examples[k]);
                let (_, grads) = self.graph.loss_and_gradient();
                let params: Vec<f64> = self
                    .graph
                    .parameters()
                    .iter()
                    .zip(&grads)
                    .map(|(p, g)| p - config.learning_rate * g)
                    .collect();
                self.graph.set_parameters(&params);
            }
            losses.push(self.mean_loss(examples));
        }
        losses
    }
}
