//! The network as a weights file: φ, the model (linear or a network), the loss, and every
//! layer's activation, weight rows and biases. Opening one rebuilds φ and the network's
//! shape and sets every weight exactly; the points and the training settings stay.

use nnp_core::activation::Activation;
use nnp_core::features::{Formula, Named};
use nnp_core::loss::Loss;
use nnp_core::mlp::LayerConfig;
use serde::{Deserialize, Serialize};

use super::{MAX_DEGREE, MAX_LAYERS, MAX_UNITS, Model, Notice};
use crate::screens::boundaries::link::MAX_EPOCHS;
use crate::weights_file::{self, WeightsError, from_rows, invalid, to_rows};

/// The slug in the file's header.
const SCREEN: &str = "boundaries";
/// The most typed formulas a file may hold (as a link).
const MAX_FORMULAS: usize = 16;

/// A decision-boundaries weights file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WeightsJson {
    /// Always [`weights_file::FORMAT`] (fields of their own: `flatten` would double the
    /// size of the reading code).
    format: String,
    /// This screen's slug.
    screen: String,
    /// φ: the named features (`1`, `x1`, …), monomials up to `degree`, typed formulas.
    phi: PhiJson,
    /// What each input of the first layer is, in order (written for the reader; not read).
    #[serde(default, skip_deserializing)]
    inputs: Vec<String>,
    /// `linear` (`W·φ(x)`, no biases) or `network`.
    model: String,
    /// The loss (`logistic`, `hinge`, `squared`, …).
    loss: String,
    /// Epochs trained (shown; not needed to use the weights).
    #[serde(default)]
    epoch: usize,
    /// Hidden layers, then the output layer.
    layers: Vec<LayerJson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PhiJson {
    named: Vec<String>,
    #[serde(default)]
    degree: u32,
    #[serde(default)]
    formulas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct LayerJson {
    /// The units' activation (the output layer's follows the loss).
    activation: String,
    /// One row per unit: its weight from every input.
    weights: Vec<Vec<f64>>,
    /// One per unit; none in the linear model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bias: Option<Vec<f64>>,
}

impl Model {
    /// The network as a weights file (indented JSON).
    pub fn weights_json(&self) -> String {
        let named = Named::ALL
            .into_iter()
            .zip(self.phi.named)
            .filter(|(_, on)| *on)
            .map(|(n, _)| n.id().to_string())
            .collect();
        let layers = self
            .mlp
            .layers()
            .iter()
            .enumerate()
            .map(|(l, layer)| LayerJson {
                activation: layer.activation.id().to_string(),
                weights: to_rows(self.mlp.weights(l), layer.inputs),
                bias: self
                    .mlp
                    .has_bias()
                    .then(|| (0..layer.units).map(|j| self.mlp.bias(l, j)).collect()),
            })
            .collect();
        weights_file::write(&WeightsJson {
            format: weights_file::FORMAT.into(),
            screen: SCREEN.into(),
            phi: PhiJson {
                named,
                degree: self.phi.degree,
                formulas: self
                    .phi
                    .custom
                    .iter()
                    .map(|f| f.text().to_string())
                    .collect(),
            },
            inputs: self.features.labels(),
            model: if self.linear { "linear" } else { "network" }.into(),
            loss: self.loss.id().into(),
            epoch: self.epoch,
            layers,
        })
    }

    /// Opens a weights file: φ, the model and every weight as the file says; the points and
    /// training settings stay. A file that does not fit changes nothing and says why.
    pub fn open_weights(&mut self, text: &str) {
        match self.model_of_weights(text) {
            Ok(mut next) => {
                next.formula_text = std::mem::take(&mut self.formula_text);
                next.notice = Some(Notice::WeightsOpened);
                *self = next;
            }
            Err(error) => self.notice = Some(Notice::WeightsRefused(error)),
        }
    }

    fn model_of_weights(&self, text: &str) -> Result<Model, WeightsError> {
        let file: WeightsJson = weights_file::read(text, SCREEN)?;
        let mut settings = self.settings();
        settings.named = [false; 9];
        for id in &file.phi.named {
            let named = Named::from_id(id)
                .ok_or_else(|| invalid("phi.named", format!("unknown feature '{id}'")))?;
            settings.named[Named::ALL.iter().position(|n| *n == named).unwrap_or(0)] = true;
        }
        if file.phi.degree > MAX_DEGREE {
            return Err(invalid("phi.degree", format!("at most {MAX_DEGREE}")));
        }
        settings.degree = file.phi.degree;
        if file.phi.formulas.len() > MAX_FORMULAS {
            return Err(invalid("phi.formulas", format!("at most {MAX_FORMULAS}")));
        }
        for (k, formula) in file.phi.formulas.iter().enumerate() {
            Formula::parse(formula).map_err(|e| invalid(&format!("phi.formulas[{k}]"), e))?;
        }
        settings.formulas = file.phi.formulas.clone();
        settings.linear = match file.model.as_str() {
            "linear" => true,
            "network" => false,
            other => {
                return Err(invalid(
                    "model",
                    format!("'{other}' is not linear or network"),
                ));
            }
        };
        if settings.linear && !settings.named[0] {
            return Err(invalid(
                "phi.named",
                "the linear model needs the feature '1' (its bias)",
            ));
        }
        settings.loss = Loss::from_id(&file.loss)
            .ok_or_else(|| invalid("loss", format!("unknown loss '{}'", file.loss)))?;
        settings.hidden = hidden_layers(&file.layers, settings.linear)?;
        settings.weights = None;
        settings.epochs = 0;
        let mut next = Model::from_settings(&settings);
        if next.features.is_empty() {
            return Err(invalid("phi", "φ is empty"));
        }
        let mut params = Vec::with_capacity(next.mlp.params().len());
        for (l, (layer, json)) in next.mlp.layers().iter().zip(&file.layers).enumerate() {
            let place = format!("layers[{l}]");
            params.push(from_rows(
                &json.weights,
                (layer.units, layer.inputs),
                &format!("{place}.weights"),
            )?);
            match (&json.bias, next.mlp.has_bias()) {
                (Some(bias), true) => params.push(weights_file::exactly(
                    bias,
                    layer.units,
                    &format!("{place}.bias"),
                )?),
                (None, false) => {}
                (None, true) => return Err(invalid(&place, "a network's layer needs a bias")),
                (Some(_), false) => return Err(invalid(&place, "the linear model has no bias")),
            }
        }
        set_all(&mut next, &params);
        next.hand_edited = true;
        // As a link counts them (a larger count would not survive the link).
        next.epoch = file.epoch.min(MAX_EPOCHS as usize);
        next.refresh();
        Ok(next)
    }
}

/// The hidden layers the file's layers describe (all but the output layer).
fn hidden_layers(layers: &[LayerJson], linear: bool) -> Result<Vec<LayerConfig>, WeightsError> {
    let most = if linear { 1 } else { MAX_LAYERS + 1 };
    if layers.is_empty() || layers.len() > most {
        return Err(invalid(
            "layers",
            format!("expected 1 to {most} layers, found {}", layers.len()),
        ));
    }
    let hidden = &layers[..layers.len() - 1];
    hidden
        .iter()
        .enumerate()
        .map(|(l, layer)| {
            let activation = Activation::from_id(&layer.activation).ok_or_else(|| {
                invalid(
                    &format!("layers[{l}].activation"),
                    format!("unknown activation '{}'", layer.activation),
                )
            })?;
            let units = layer.weights.len();
            if !(1..=MAX_UNITS).contains(&units) {
                return Err(invalid(
                    &format!("layers[{l}].weights"),
                    format!("expected 1 to {MAX_UNITS} units, found {units}"),
                ));
            }
            Ok(LayerConfig { units, activation })
        })
        .collect()
}

/// Sets every weight and bias of `model`'s network from `blocks` (per layer: weights
/// row-major, then biases if any), in the network's own order.
fn set_all(model: &mut Model, blocks: &[Vec<f64>]) {
    let layers = model.mlp.layers().to_vec();
    let mut blocks = blocks.iter();
    for (l, layer) in layers.iter().enumerate() {
        if let Some(weights) = blocks.next() {
            for (k, w) in weights.iter().enumerate() {
                model
                    .mlp
                    .set_weight(l, k / layer.inputs, k % layer.inputs, *w);
            }
        }
        if model.mlp.has_bias()
            && let Some(biases) = blocks.next()
        {
            for (j, b) in biases.iter().enumerate() {
                model.mlp.set_bias(l, j, *b);
            }
        }
    }
}
