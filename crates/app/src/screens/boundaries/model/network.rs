//! Editing the network and its training: the linear model, layers, units, activations,
//! the loss, rates, regularisation, batch size and hand-set weights.

use nnp_core::activation::Activation;
use nnp_core::loss::Loss;
use nnp_core::mlp::{LayerConfig, Regularization};

use super::{MAX_LAYERS, MAX_RATE, MAX_UNITS, Model, Notice, parse_number};

/// A link: (layer, unit it feeds, unit or feature it comes from).
pub type Link = (usize, usize, usize);

impl Model {
    /// Switches between the linear model `W·φ(x)` and a network. The linear model has no
    /// separate bias, so the constant 1 joins φ if it is missing.
    pub fn set_linear(&mut self, linear: bool) {
        self.linear = linear;
        if linear && !self.phi.named[0] {
            let mut phi = self.phi.clone();
            phi.named[0] = true;
            self.set_phi(phi);
            self.notice = Some(Notice::OneAdded);
        } else {
            self.rebuild_network();
        }
    }

    /// Adds a hidden layer (a copy of the last one's shape).
    pub fn add_layer(&mut self) {
        if self.hidden.len() < MAX_LAYERS {
            let last = self.hidden.last().copied().unwrap_or(LayerConfig {
                units: 4,
                activation: Activation::Tanh,
            });
            self.hidden.push(last);
            self.rebuild_network();
        }
    }

    /// Removes the last hidden layer.
    pub fn remove_layer(&mut self) {
        if self.hidden.pop().is_some() {
            if self.blocker() != Some(Notice::SignCannotTrain)
                && self.notice == Some(Notice::SignCannotTrain)
            {
                self.notice = None;
            }
            self.rebuild_network();
        }
    }

    /// Changes the number of units of hidden layer `layer` by `delta`, within 1..=32.
    pub fn change_units(&mut self, layer: usize, delta: isize) {
        if let Some(config) = self.hidden.get_mut(layer) {
            let units = config
                .units
                .saturating_add_signed(delta)
                .clamp(1, MAX_UNITS);
            if units != config.units {
                config.units = units;
                self.rebuild_network();
            }
        }
    }

    /// Sets the activation of hidden layer `layer`.
    pub fn set_activation(&mut self, layer: usize, activation: Activation) {
        if let Some(config) = self.hidden.get_mut(layer) {
            config.activation = activation;
            if self.notice == Some(Notice::SignCannotTrain) {
                self.notice = None;
            }
            self.rebuild_network();
        }
    }

    /// Sets the loss (the output activation follows it).
    pub fn set_loss(&mut self, loss: Loss) {
        self.loss = loss;
        self.rebuild_network();
    }

    /// Reads the learning-rate field; anything but a number in `(0, MAX_RATE]` is refused
    /// and the previous rate stays.
    pub fn set_learning_rate(&mut self, text: &str) {
        self.learning_rate_text = text.to_string();
        match parse_number(text) {
            Some(rate) if rate > 0.0 && rate <= MAX_RATE => {
                self.train_config.learning_rate = rate;
                self.field_errors.learning_rate = false;
            }
            _ => self.field_errors.learning_rate = true,
        }
    }

    /// Reads the regularisation-rate field (a number in `[0, MAX_RATE]`).
    pub fn set_regularization_rate(&mut self, text: &str) {
        self.regularization_rate_text = text.to_string();
        match parse_number(text) {
            Some(rate) if (0.0..=MAX_RATE).contains(&rate) => {
                self.train_config.regularization_rate = rate;
                self.field_errors.regularization_rate = false;
            }
            _ => self.field_errors.regularization_rate = true,
        }
    }

    /// Sets the penalty kind.
    pub fn set_regularization(&mut self, regularization: Regularization) {
        self.train_config.regularization = regularization;
    }

    /// Sets the batch size (at least 1).
    pub fn set_batch_size(&mut self, batch_size: usize) {
        self.train_config.batch_size = batch_size.max(1);
    }

    /// Sets the weight of link (`layer`, `to`, `from`) to the number typed; text that is not
    /// a finite number is refused and the weight stays.
    pub fn set_weight_text(&mut self, (layer, to, from): Link, text: &str) -> bool {
        let exists = self
            .mlp
            .layers()
            .get(layer)
            .is_some_and(|l| to < l.units && from < l.inputs);
        match parse_number(&text.replace('−', "-")) {
            Some(value) if exists => {
                self.remember_weight((layer, to, from));
                self.mlp.set_weight(layer, to, from, value);
                self.hand_edited = true;
                self.refresh();
                true
            }
            _ => false,
        }
    }
}
