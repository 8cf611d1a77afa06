//! What a screen reads from a [`Pretrainer`]: its settings, phase and loss curves, the
//! held-out evaluations, and the pictures — reconstructions, each unit's weights and feature
//! image (rows of `W_l · … · W_1`), and the codes projected on two principal components.

use ndarray::{Array2, Axis};

use super::{Evaluation, Phase, PretrainConfig, Pretrainer, Reconstructed};
use crate::curve::Curve;
use crate::deep::autoencoder::Autoencoder;
use crate::deep::digits::Examples;
use crate::deep::projection::{Projection, pca_2d};
use crate::deep::stack::DeepNet;

impl Pretrainer {
    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The settings.
    pub fn config(&self) -> &PretrainConfig {
        &self.config
    }

    /// The pretrained (then fine-tuned) net.
    pub fn net(&self) -> &DeepNet {
        &self.net
    }

    /// The same net trained from its random initial weights, without pretraining.
    pub fn baseline(&self) -> &DeepNet {
        &self.baseline
    }

    /// Layer `layer`'s autoencoder as pretrained (fine-tuning does not change it).
    pub fn autoencoder(&self, layer: usize) -> &Autoencoder {
        &self.autoencoders[layer]
    }

    /// Number of hidden layers.
    pub fn depth(&self) -> usize {
        self.autoencoders.len()
    }

    /// Mini-batch reconstruction losses of layer `layer` (thinned; exact step count).
    pub fn pretrain_losses(&self, layer: usize) -> &Curve {
        &self.pretrain_losses[layer]
    }

    /// Mini-batch cross-entropy of the pretrained net over supervised steps (thinned).
    pub fn fine_tune_losses(&self) -> &Curve {
        &self.fine_tune_losses
    }

    /// Mini-batch cross-entropy of the random-init net over supervised steps (thinned).
    pub fn baseline_losses(&self) -> &Curve {
        &self.baseline_losses
    }

    /// Held-out accuracies recorded at the start of fine-tuning and every
    /// [`eval_every`](PretrainConfig::eval_every) supervised steps (every other one dropped
    /// whenever the list fills up, so a long run keeps a few hundred).
    pub fn evaluations(&self) -> &[Evaluation] {
        &self.evaluations
    }

    /// Labelled examples fine-tuning uses (pretraining uses none).
    pub fn labels_used(&self) -> usize {
        self.labelled.len()
    }

    /// Unlabelled examples pretraining learns from.
    pub fn unlabelled_count(&self) -> usize {
        self.pool.nrows()
    }

    /// The fraction of the training pool whose labels fine-tuning uses.
    pub fn labelled_fraction(&self) -> f64 {
        self.labels_used() as f64 / self.unlabelled_count().max(1) as f64
    }

    /// The held-out examples (for pictures and accuracy).
    pub fn test_set(&self) -> &Examples {
        &self.test
    }

    /// The layer whose autoencoder the pictures show: the one being pretrained, or the
    /// deepest once fine-tuning has started.
    pub fn current_layer(&self) -> Option<usize> {
        match self.phase {
            Phase::Pretrain { layer } => Some(layer),
            Phase::FineTune => self.depth().checked_sub(1),
        }
    }

    /// Mean reconstruction loss of layer `layer`'s autoencoder on the held-out examples
    /// (encoded by the layers below it).
    pub fn reconstruction_loss(&self, layer: usize) -> f64 {
        let x = self.autoencoder_codes(&self.test.inputs, layer);
        self.autoencoders[layer].loss(&x)
    }

    fn autoencoder_codes(&self, x: &Array2<f64>, depth: usize) -> Array2<f64> {
        let mut h = x.clone();
        for ae in &self.autoencoders[..depth] {
            h = ae.encoder.forward(&h);
        }
        h
    }

    /// Held-out examples `indices` (below [`test_set`](Self::test_set)`.len()`) with their
    /// reconstructions by the autoencoders up to the current layer (as pretrained).
    pub fn reconstructions(&self, indices: &[usize]) -> Vec<Reconstructed> {
        let Some(layer) = self.current_layer() else {
            return Vec::new();
        };
        let x = self.test.inputs.select(Axis(0), indices);
        let below = self.autoencoder_codes(&x, layer);
        let pass = self.autoencoders[layer].forward(&below);
        let mut image = pass.reconstructions.clone();
        for ae in self.autoencoders[..layer].iter().rev() {
            image = ae.decoder.forward(&image);
        }
        (0..indices.len())
            .map(|i| Reconstructed {
                input: x.row(i).to_vec(),
                image: image.row(i).to_vec(),
                layer_input: below.row(i).to_vec(),
                layer_output: pass.reconstructions.row(i).to_vec(),
            })
            .collect()
    }

    /// Each unit's incoming weights in hidden layer `layer` of the net, one row per unit.
    pub fn unit_weights(&self, layer: usize) -> Vec<Vec<f64>> {
        let w = &self.net.hidden[layer].weights;
        w.rows().into_iter().map(|r| r.to_vec()).collect()
    }

    /// Each unit of hidden layer `layer` as a picture in input space (64 pixels for
    /// digits): layer 1's weights themselves, and for deeper layers the rows of the
    /// product `W_l · … · W_1`, the weighted sum of the lower units' pictures. It ignores
    /// the non-linearities in between, so it is a sketch of what excites the unit, not an
    /// exact preferred input. Scale each picture by its own largest `|w|` to draw it.
    pub fn feature_images(&self, layer: usize) -> Vec<Vec<f64>> {
        let mut product = self.net.hidden[0].weights.clone();
        for l in 1..=layer {
            product = self.net.hidden[l].weights.dot(&product);
        }
        product.rows().into_iter().map(|r| r.to_vec()).collect()
    }

    /// The held-out examples' codes at hidden layer `depth` (0 = the inputs) of the
    /// pretrained net, projected on their first two principal components.
    pub fn projection(&self, depth: usize) -> Projection {
        pca_2d(&self.net.codes(&self.test.inputs, depth), &self.test.labels)
    }

    /// The same projection for the random-init net.
    pub fn baseline_projection(&self, depth: usize) -> Projection {
        pca_2d(
            &self.baseline.codes(&self.test.inputs, depth),
            &self.test.labels,
        )
    }
}
