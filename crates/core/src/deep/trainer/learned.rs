//! What a [`Pretrainer`] has learned, taken out and put back: every autoencoder (encoder and
//! decoder), the pretrained net (its hidden layers and output) and the phase. Putting it back
//! keeps the data, the random-init baseline and the curves; the momentum starts again.

use std::sync::Arc;

use ndarray::Array2;

use super::{Phase, Pretrainer};
use crate::deep::autoencoder::AutoencoderVelocity;
use crate::deep::dense::Dense;
use crate::deep::stack::{DeepNet, NetVelocity};

/// Every learned weight of an experiment, and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    /// One `(encoder, decoder)` per hidden layer, as pretrained.
    pub autoencoders: Vec<(Dense, Dense)>,
    /// The pretrained net (its hidden layers are the encoders, fine-tuned once fine-tuning
    /// has started).
    pub net: DeepNet,
    /// The phase training goes on in.
    pub phase: Phase,
}

/// Why [`Pretrainer::set_learned`] refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeMismatch(pub String);

fn same_shape(a: &Dense, b: &Dense, place: &str) -> Result<(), ShapeMismatch> {
    let (have, want) = (a.weights.dim(), b.weights.dim());
    if have != want || a.bias.len() != b.bias.len() {
        return Err(ShapeMismatch(format!(
            "{place}: {}×{} weights, this experiment's layer is {}×{}",
            have.0, have.1, want.0, want.1
        )));
    }
    if a.activation != b.activation {
        return Err(ShapeMismatch(format!(
            "{place}: activation {}, this experiment's is {}",
            a.activation.id(),
            b.activation.id()
        )));
    }
    if !a.is_finite() {
        return Err(ShapeMismatch(format!("{place}: a number is not finite")));
    }
    Ok(())
}

impl Pretrainer {
    /// Every learned weight and the phase.
    pub fn learned(&self) -> Learned {
        Learned {
            autoencoders: self
                .autoencoders
                .iter()
                .map(|ae| (ae.encoder.clone(), ae.decoder.clone()))
                .collect(),
            net: self.net.clone(),
            phase: self.phase,
        }
    }

    /// Puts `learned` in place of what was learned, if every layer has this experiment's
    /// shape and activation (else nothing changes). With tied weights a decoder's weights
    /// are its encoder's transposed, whatever `learned` holds.
    pub fn set_learned(&mut self, learned: Learned) -> Result<(), ShapeMismatch> {
        let depth = self.autoencoders.len();
        if learned.autoencoders.len() != depth || learned.net.hidden.len() != depth {
            return Err(ShapeMismatch(format!(
                "{} autoencoders and {} hidden layers, this experiment has {depth}",
                learned.autoencoders.len(),
                learned.net.hidden.len()
            )));
        }
        for (l, ((encoder, decoder), ae)) in learned
            .autoencoders
            .iter()
            .zip(&self.autoencoders)
            .enumerate()
        {
            same_shape(encoder, &ae.encoder, &format!("autoencoders[{l}].encoder"))?;
            same_shape(decoder, &ae.decoder, &format!("autoencoders[{l}].decoder"))?;
        }
        for (l, (layer, own)) in learned.net.hidden.iter().zip(&self.net.hidden).enumerate() {
            same_shape(layer, own, &format!("net.hidden[{l}]"))?;
        }
        same_shape(&learned.net.output, &self.net.output, "net.output")?;
        if let Phase::Pretrain { layer } = learned.phase
            && layer >= depth
        {
            return Err(ShapeMismatch(format!(
                "phase: pretraining layer {layer}, this experiment has {depth}"
            )));
        }
        let tied = self.config.tied;
        for (ae, (encoder, decoder)) in self.autoencoders.iter_mut().zip(learned.autoencoders) {
            let bias = decoder.bias;
            ae.decoder = if tied {
                Dense {
                    weights: encoder.weights.t().to_owned(),
                    bias,
                    activation: decoder.activation,
                }
            } else {
                Dense { bias, ..decoder }
            };
            ae.encoder = encoder;
        }
        self.net = learned.net;
        self.net_velocity = NetVelocity::for_net(&self.net);
        self.phase = learned.phase;
        match self.phase {
            Phase::Pretrain { layer } => {
                self.layer_inputs = Arc::new(self.net.codes(&self.pool, layer));
                self.ae_velocity = Some(AutoencoderVelocity::for_autoencoder(
                    &self.autoencoders[layer],
                ));
            }
            Phase::FineTune => {
                self.layer_inputs = Arc::new(Array2::zeros((0, 0)));
                self.ae_velocity = None;
                self.record_evaluation();
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::dataset::{Dataset, DatasetConfig, DatasetKind};
    use crate::deep::{Examples, PretrainConfig};

    fn experiment(tied: bool) -> Pretrainer {
        let points = Dataset::generate(&DatasetConfig {
            kind: DatasetKind::Gaussians,
            samples: 200,
            ..DatasetConfig::default()
        });
        let config = PretrainConfig {
            hidden: vec![4, 3],
            test_size: 50,
            tied,
            ..PretrainConfig::default()
        };
        Pretrainer::new(&Examples::from_points(&points.train), &config)
    }

    #[test]
    fn what_was_learned_goes_back_exactly_in_every_phase() {
        for tied in [false, true] {
            let mut trained = experiment(tied);
            trained.run(30);
            trained.advance();
            trained.run(20);
            for _ in 0..2 {
                let mut fresh = experiment(tied);
                fresh.set_learned(trained.learned()).unwrap();
                assert_eq!(fresh.learned(), trained.learned(), "tied {tied}");
                assert_eq!(
                    fresh.reconstructions(&[0, 1]),
                    trained.reconstructions(&[0, 1])
                );
                assert_eq!(fresh.phase(), trained.phase());
                let (a, b) = (fresh.evaluate(), trained.evaluate());
                assert_eq!(a.pretrained_accuracy, b.pretrained_accuracy);
                fresh.run(5);
                assert_ne!(
                    fresh.learned(),
                    trained.learned(),
                    "training goes on from there"
                );
                trained.advance();
                trained.run(10);
            }
        }
    }

    #[test]
    fn another_shape_is_refused_and_nothing_changes() {
        let mut trained = experiment(false);
        trained.run(10);
        let mut other = trained.learned();
        other.net.hidden[1] = Dense::zeros(4, 5, other.net.hidden[1].activation);
        let mut fresh = experiment(false);
        let before = fresh.learned();
        assert_eq!(
            fresh.set_learned(other),
            Err(ShapeMismatch(
                "net.hidden[1]: 5×4 weights, this experiment's layer is 3×4".into()
            ))
        );
        let mut wrong_phase = trained.learned();
        wrong_phase.phase = Phase::Pretrain { layer: 2 };
        assert!(fresh.set_learned(wrong_phase).is_err());
        let mut infinite = trained.learned();
        infinite.net.output.bias[0] = f64::INFINITY;
        assert_eq!(
            fresh.set_learned(infinite),
            Err(ShapeMismatch("net.output: a number is not finite".into()))
        );
        assert_eq!(fresh.learned(), before);
    }
}
