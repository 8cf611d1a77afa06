//! What the screen's pictures show: each layer's state in the stack, the shown layer's
//! reconstructions and features, the held-out measurements and the 2-D projection.

use nnp_core::deep::{Evaluation, FineTune, Phase, Pretrainer, Projection, Reconstructed};

use super::{LayerState, Model};

impl Model {
    /// How hidden layer `layer` is drawn in the stack.
    pub fn layer_state(&self, layer: usize) -> LayerState {
        match self.phase() {
            Phase::Pretrain { layer: now } if layer == now => LayerState::Training,
            Phase::Pretrain { layer: now } if layer < now => LayerState::Frozen,
            Phase::Pretrain { .. } => LayerState::Waiting,
            Phase::FineTune if self.config.fine_tune == FineTune::WholeNet => {
                LayerState::FineTuning
            }
            Phase::FineTune => LayerState::Frozen,
        }
    }

    /// The layer the pictures show (the one training, or the deepest when fine-tuning).
    pub fn shown_layer(&self) -> usize {
        self.trainer
            .as_ref()
            .and_then(Pretrainer::current_layer)
            .unwrap_or(0)
    }

    /// One held-out digit per class with its reconstruction through the shown layer.
    pub fn reconstructions(&self) -> Vec<Reconstructed> {
        self.trainer
            .as_ref()
            .map(|t| t.reconstructions(&self.shown))
            .unwrap_or_default()
    }

    /// Each unit of the shown layer as an 8×8 picture of input weights.
    pub fn feature_images(&self) -> Vec<Vec<f64>> {
        self.trainer
            .as_ref()
            .map(|t| t.feature_images(self.shown_layer()))
            .unwrap_or_default()
    }

    /// Held-out reconstruction loss of the shown layer.
    pub fn held_out_loss(&self) -> Option<f64> {
        let t = self.trainer.as_ref()?;
        Some(t.reconstruction_loss(t.current_layer()?))
    }

    /// Every held-out measurement so far.
    pub fn evaluations(&self) -> &[Evaluation] {
        self.trainer.as_ref().map_or(&[], |t| t.evaluations())
    }

    /// The codes of the deepest trained layer in 2-D, cached until the weights change.
    pub fn projection(&mut self) -> Option<&Projection> {
        let depth = match self.phase() {
            Phase::Pretrain { layer } => layer + 1,
            Phase::FineTune => self.trainer.as_ref()?.depth(),
        };
        let fresh = matches!(&self.projection,
            Some((g, b, _)) if *g == self.generation && *b == self.show_baseline);
        if !fresh {
            let t = self.trainer.as_ref()?;
            let p = if self.show_baseline {
                t.baseline_projection(depth)
            } else {
                t.projection(depth)
            };
            self.projection = Some((self.generation, self.show_baseline, p));
        }
        self.projection.as_ref().map(|(_, _, p)| p)
    }
}
