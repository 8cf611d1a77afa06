//! The experiment's learned weights as a weights file: every autoencoder (encoder and
//! decoder), the pretrained net's hidden layers and output, and the phase. Opening one
//! starts a fresh experiment of the file's layers (same data split and baseline) and puts
//! every weight in place exactly.

use nnp_core::activation::Activation;
use nnp_core::deep::{DeepNet, Dense, Learned, Phase, Pretrainer};
use serde::{Deserialize, Serialize};

use super::{DEPTH_CHOICES, LAYER_UNITS, Model};
use crate::weights_file::{self, WeightsError, from_rows, invalid, to_rows};

/// The slug in the file's header.
const SCREEN: &str = "deep";

/// A deep-net weights file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WeightsJson {
    /// Always [`weights_file::FORMAT`] (fields of their own: `flatten` would double the
    /// size of the reading code).
    format: String,
    /// This screen's slug.
    screen: String,
    /// Layer widths from the input to the output (written for the reader; not read).
    #[serde(default, skip_deserializing)]
    shape: Vec<usize>,
    /// `pretrain` (with `pretrain_layer`) or `fine-tune`.
    phase: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pretrain_layer: Option<usize>,
    /// One per hidden layer, as pretrained.
    autoencoders: Vec<AutoencoderJson>,
    /// The pretrained net: its hidden layers (fine-tuned, once fine-tuning started)…
    hidden: Vec<LayerJson>,
    /// …and its output layer (scores; softmax is in the loss).
    output: LayerJson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct AutoencoderJson {
    encoder: LayerJson,
    decoder: LayerJson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct LayerJson {
    activation: String,
    /// One row per unit: its weight from every input.
    weights: Vec<Vec<f64>>,
    bias: Vec<f64>,
}

impl LayerJson {
    fn of(layer: &Dense) -> Self {
        Self {
            activation: layer.activation.id().to_string(),
            weights: to_rows(layer.weights.as_slice().unwrap_or(&[]), layer.inputs()),
            bias: layer.bias.to_vec(),
        }
    }

    /// The layer, shaped like `like` (the experiment's own), or where it does not fit.
    fn read(&self, like: &Dense, place: &str) -> Result<Dense, WeightsError> {
        let activation = Activation::from_id(&self.activation).ok_or_else(|| {
            invalid(
                &format!("{place}.activation"),
                format!("unknown activation '{}'", self.activation),
            )
        })?;
        if activation != like.activation {
            return Err(invalid(
                &format!("{place}.activation"),
                format!(
                    "{}, this experiment's is {}",
                    self.activation,
                    like.activation.id()
                ),
            ));
        }
        let (rows, cols) = like.weights.dim();
        let weights = from_rows(&self.weights, (rows, cols), &format!("{place}.weights"))?;
        let bias = weights_file::exactly(&self.bias, rows, &format!("{place}.bias"))?;
        let mut layer = Dense::zeros(cols, rows, activation);
        layer.set_params(&[weights, bias].concat());
        Ok(layer)
    }
}

impl Model {
    /// The experiment's learned weights as a weights file (`None` before the digits are
    /// there).
    pub fn weights_json(&self) -> Option<String> {
        let trainer = self.trainer()?;
        let learned = trainer.learned();
        let (phase, pretrain_layer) = match learned.phase {
            Phase::Pretrain { layer } => ("pretrain", Some(layer)),
            Phase::FineTune => ("fine-tune", None),
        };
        Some(weights_file::write(&WeightsJson {
            format: weights_file::FORMAT.into(),
            screen: SCREEN.into(),
            shape: learned.net.shape(),
            phase: phase.to_string(),
            pretrain_layer,
            autoencoders: learned
                .autoencoders
                .iter()
                .map(|(encoder, decoder)| AutoencoderJson {
                    encoder: LayerJson::of(encoder),
                    decoder: LayerJson::of(decoder),
                })
                .collect(),
            hidden: learned.net.hidden.iter().map(LayerJson::of).collect(),
            output: LayerJson::of(&learned.net.output),
        }))
    }

    /// Opens a weights file: a fresh experiment of its depth with every weight of the file.
    /// A file that does not fit (or digits not there yet) changes nothing and says why.
    pub fn open_weights(&mut self, text: &str) {
        let outcome = self.trainer_of_weights(text).map(|(hidden, trainer)| {
            self.config.hidden = hidden;
            self.running = false;
            self.notice = None;
            self.projection = None;
            self.generation += 1;
            self.replay = None;
            self.start(trainer);
        });
        self.weights_notice = Some(outcome);
    }

    fn trainer_of_weights(&self, text: &str) -> Result<(Vec<usize>, Pretrainer), WeightsError> {
        let file: WeightsJson = weights_file::read(text, SCREEN)?;
        let data = self.data.as_ref().ok_or_else(|| {
            invalid(
                "digits",
                "still loading; open the file again when they are there",
            )
        })?;
        let depth = file.hidden.len();
        if !DEPTH_CHOICES.contains(&depth) {
            return Err(invalid(
                "hidden",
                format!("{depth} hidden layers, this screen offers {DEPTH_CHOICES:?}"),
            ));
        }
        let widths: Vec<usize> = file.hidden.iter().map(|l| l.weights.len()).collect();
        if let Some(l) = widths.iter().position(|w| !(1..=LAYER_UNITS).contains(w)) {
            return Err(invalid(
                &format!("hidden[{l}].weights"),
                format!("expected 1 to {LAYER_UNITS} units, found {}", widths[l]),
            ));
        }
        let config = nnp_core::deep::PretrainConfig {
            hidden: widths.clone(),
            ..self.config.clone()
        };
        let mut trainer = Pretrainer::new(data, &config);
        let own = trainer.learned();
        if file.autoencoders.len() != depth {
            return Err(invalid(
                "autoencoders",
                format!(
                    "expected {depth} (one per hidden layer), found {}",
                    file.autoencoders.len()
                ),
            ));
        }
        let mut autoencoders = Vec::with_capacity(depth);
        for (l, (json, (encoder, decoder))) in
            file.autoencoders.iter().zip(&own.autoencoders).enumerate()
        {
            autoencoders.push((
                json.encoder
                    .read(encoder, &format!("autoencoders[{l}].encoder"))?,
                json.decoder
                    .read(decoder, &format!("autoencoders[{l}].decoder"))?,
            ));
        }
        let hidden = file
            .hidden
            .iter()
            .zip(&own.net.hidden)
            .enumerate()
            .map(|(l, (json, like))| json.read(like, &format!("hidden[{l}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let output = file.output.read(&own.net.output, "output")?;
        let phase = match (file.phase.as_str(), file.pretrain_layer) {
            ("fine-tune", _) => Phase::FineTune,
            ("pretrain", Some(layer)) if layer < depth => Phase::Pretrain { layer },
            ("pretrain", _) => {
                return Err(invalid(
                    "pretrain_layer",
                    format!("expected 0 to {}", depth - 1),
                ));
            }
            (other, _) => {
                return Err(invalid(
                    "phase",
                    format!("'{other}' is not pretrain or fine-tune"),
                ));
            }
        };
        trainer
            .set_learned(Learned {
                autoencoders,
                net: DeepNet { hidden, output },
                phase,
            })
            .map_err(|e| WeightsError::Invalid(e.0))?;
        Ok((widths, trainer))
    }
}
