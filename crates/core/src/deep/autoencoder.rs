//! One layer learned without labels (lecture §5): a 3-layer net whose target is its own
//! input. Encoder `h = a(W·x + b)` (the code), decoder `r = a'(W'·h + b')` (the
//! reconstruction); after training the decoder is dropped and the encoder becomes a hidden
//! layer of the deep net. Tied weights (`W' = Wᵀ`) are an option.
//!
//! Reconstruction losses, averaged over the `n` examples of a batch and summed over the
//! `d` inputs:
//! - squared error `L = (1/n) Σ ‖r − x‖²`;
//! - cross-entropy for inputs in `[0, 1]` with a logistic decoder,
//!   `L = −(1/n) Σ Σ_i [x_i ln r_i + (1 − x_i) ln(1 − r_i)]`, computed from the decoder's
//!   pre-activation `z` as `softplus(z) − x·z`, with `∂L/∂z = (r − x)/n`.
//!   Its minimum is the inputs' own entropy, not 0 (0 only for pixels that are 0 or 1).

use ndarray::{Array2, Zip};
use serde::{Deserialize, Serialize};

use super::dense::{Dense, DenseGrads, Velocity};
use crate::activation::{Activation, softplus};
use crate::rng::Rng;

/// How a reconstruction `r` is compared with its input `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reconstruction {
    /// `Σ_i (r_i − x_i)²`.
    SquaredError,
    /// `−Σ_i [x_i ln r_i + (1 − x_i) ln(1 − r_i)]`, for inputs in `[0, 1]` and a logistic
    /// decoder.
    CrossEntropy,
}

impl Reconstruction {
    /// Both losses.
    pub const ALL: [Reconstruction; 2] =
        [Reconstruction::SquaredError, Reconstruction::CrossEntropy];

    /// A short stable name, used in links.
    pub fn id(self) -> &'static str {
        match self {
            Reconstruction::SquaredError => "squared",
            Reconstruction::CrossEntropy => "cross-entropy",
        }
    }

    /// The loss whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// The shape of one autoencoder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoencoderConfig {
    /// Dimension of the input (and of the reconstruction).
    pub inputs: usize,
    /// Number of code (hidden) units.
    pub code: usize,
    /// The code units' activation.
    pub activation: Activation,
    /// The reconstruction units' activation (logistic for inputs in `[0, 1]`).
    pub decoder_activation: Activation,
    /// The reconstruction loss.
    pub loss: Reconstruction,
    /// Whether the decoder uses the transposed encoder weights `W' = Wᵀ`.
    pub tied: bool,
}

impl Default for AutoencoderConfig {
    /// The first layer of a digit net: 64 pixels → 32 logistic units → 64 pixels.
    fn default() -> Self {
        Self {
            inputs: 64,
            code: 32,
            activation: Activation::Logistic,
            decoder_activation: Activation::Logistic,
            loss: Reconstruction::CrossEntropy,
            tied: false,
        }
    }
}

/// A layer's autoencoder: encoder and decoder.
#[derive(Debug, Clone, PartialEq)]
pub struct Autoencoder {
    /// `inputs → code`: the layer kept in the deep net.
    pub encoder: Dense,
    /// `code → inputs`: dropped after pretraining.
    pub decoder: Dense,
    loss: Reconstruction,
    tied: bool,
}

/// The gradient of the reconstruction loss (for tied weights the decoder's weight part is
/// folded into the encoder's and `decoder.weights` is zero).
#[derive(Debug, Clone, PartialEq)]
pub struct AutoencoderGrads {
    /// Encoder gradient.
    pub encoder: DenseGrads,
    /// Decoder gradient.
    pub decoder: DenseGrads,
}

/// Everything one forward pass computes.
#[derive(Debug, Clone, PartialEq)]
pub struct AutoencoderPass {
    /// Codes `h`, `n × code`.
    pub codes: Array2<f64>,
    /// Reconstructions `r`, `n × inputs`.
    pub reconstructions: Array2<f64>,
    /// The mean reconstruction loss.
    pub loss: f64,
}

impl Autoencoder {
    /// An autoencoder with Glorot-uniform weights and zero biases.
    pub fn new(config: &AutoencoderConfig, rng: &mut Rng) -> Self {
        assert!(
            config.loss != Reconstruction::CrossEntropy
                || config.decoder_activation == Activation::Logistic,
            "the cross-entropy reconstruction needs a logistic decoder"
        );
        let encoder = Dense::random(config.inputs, config.code, config.activation, rng);
        let decoder = if config.tied {
            Dense {
                weights: encoder.weights.t().to_owned(),
                bias: ndarray::Array1::zeros(config.inputs),
                activation: config.decoder_activation,
            }
        } else {
            Dense::random(config.code, config.inputs, config.decoder_activation, rng)
        };
        Self {
            encoder,
            decoder,
            loss: config.loss,
            tied: config.tied,
        }
    }

    /// The reconstruction loss in use.
    pub fn loss_kind(&self) -> Reconstruction {
        self.loss
    }

    /// Whether the decoder weights are the transposed encoder weights.
    pub fn is_tied(&self) -> bool {
        self.tied
    }

    /// Codes, reconstructions and the mean loss of a batch `x` (`n × inputs`).
    pub fn forward(&self, x: &Array2<f64>) -> AutoencoderPass {
        let codes = self.encoder.forward(x);
        let mut z = self.decoder.pre_activation(&codes);
        let loss = self.loss_from_pre_activation(x, &z);
        super::dense::activate(self.decoder.activation, &mut z);
        AutoencoderPass {
            codes,
            reconstructions: z,
            loss,
        }
    }

    /// The mean reconstruction loss of `x` alone.
    pub fn loss(&self, x: &Array2<f64>) -> f64 {
        self.forward(x).loss
    }

    fn loss_from_pre_activation(&self, x: &Array2<f64>, z: &Array2<f64>) -> f64 {
        let n = x.nrows().max(1) as f64;
        let total = match self.loss {
            Reconstruction::CrossEntropy => Zip::from(x)
                .and(z)
                .fold(0.0, |acc, &x, &z| acc + softplus(z) - x * z),
            Reconstruction::SquaredError => {
                let activation = self.decoder.activation;
                Zip::from(x).and(z).fold(0.0, |acc, &x, &z| {
                    let r = activation.value(z);
                    acc + (r - x) * (r - x)
                })
            }
        };
        total / n
    }

    /// The loss of `x` and its gradient by backpropagation through decoder and encoder.
    pub fn loss_and_gradients(&self, x: &Array2<f64>) -> (f64, AutoencoderGrads) {
        let pass = self.forward(x);
        let n = x.nrows().max(1) as f64;
        let residual = (&pass.reconstructions - x) / n;
        let delta_r = match self.loss {
            Reconstruction::CrossEntropy => residual,
            Reconstruction::SquaredError => {
                self.decoder.delta(&pass.reconstructions, &(residual * 2.0))
            }
        };
        let (mut decoder, grad_codes) = self.decoder.gradients(&pass.codes, &delta_r, true);
        let grad_codes = grad_codes.expect("asked for");
        let delta_h = self.encoder.delta(&pass.codes, &grad_codes);
        let (mut encoder, _) = self.encoder.gradients(x, &delta_h, false);
        if self.tied {
            encoder.weights += &decoder.weights.t();
            decoder.weights.fill(0.0);
        }
        (pass.loss, AutoencoderGrads { encoder, decoder })
    }

    /// The trainable parameters: encoder weights and biases, decoder weights (untied
    /// only), decoder biases.
    pub fn params(&self) -> Vec<f64> {
        let mut p = self.encoder.params();
        if !self.tied {
            p.extend(self.decoder.weights.iter());
        }
        p.extend(self.decoder.bias.iter());
        p
    }

    /// Sets the parameters from the layout of [`params`](Self::params).
    pub fn set_params(&mut self, params: &[f64]) {
        let ne = self.encoder.weights.len() + self.encoder.bias.len();
        self.encoder.set_params(&params[..ne]);
        let rest = &params[ne..];
        if self.tied {
            self.decoder.weights = self.encoder.weights.t().to_owned();
            self.decoder
                .bias
                .iter_mut()
                .zip(rest)
                .for_each(|(b, p)| *b = *p);
        } else {
            self.decoder.set_params(rest);
        }
    }

    /// The gradient in the layout of [`params`](Self::params).
    pub fn gradient_vec(&self, grads: &AutoencoderGrads) -> Vec<f64> {
        let mut g = grads.encoder.to_vec();
        if !self.tied {
            g.extend(grads.decoder.weights.iter());
        }
        g.extend(grads.decoder.bias.iter());
        g
    }
}

/// Momentum state of an [`Autoencoder`].
#[derive(Debug, Clone, PartialEq)]
pub struct AutoencoderVelocity {
    encoder: Velocity,
    decoder: Velocity,
}

impl AutoencoderVelocity {
    /// Zero velocity for `ae`.
    pub fn for_autoencoder(ae: &Autoencoder) -> Self {
        Self {
            encoder: Velocity::for_layer(&ae.encoder),
            decoder: Velocity::for_layer(&ae.decoder),
        }
    }

    /// One momentum step of both halves (tied weights stay tied).
    pub fn update(
        &mut self,
        ae: &mut Autoencoder,
        grads: &AutoencoderGrads,
        rate: f64,
        momentum: f64,
    ) {
        self.encoder
            .update(&mut ae.encoder, &grads.encoder, rate, momentum);
        self.decoder
            .update(&mut ae.decoder, &grads.decoder, rate, momentum);
        if ae.tied {
            ae.decoder.weights.assign(&ae.encoder.weights.t());
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::gradcheck::{gradient, relative_error};

    fn batch(rng: &mut Rng, n: usize, d: usize) -> Array2<f64> {
        Array2::from_shape_simple_fn((n, d), || rng.uniform(0.0, 1.0))
    }

    #[test]
    fn gradients_equal_finite_differences() {
        let mut rng = Rng::seeded(11);
        let x = batch(&mut rng, 4, 6);
        for loss in Reconstruction::ALL {
            for tied in [false, true] {
                for activation in [Activation::Logistic, Activation::Tanh] {
                    let config = AutoencoderConfig {
                        inputs: 6,
                        code: 3,
                        activation,
                        decoder_activation: Activation::Logistic,
                        loss,
                        tied,
                    };
                    let mut ae = Autoencoder::new(&config, &mut rng);
                    ae.encoder.bias.mapv_inplace(|_| 0.1);
                    let (_, grads) = ae.loss_and_gradients(&x);
                    let exact = ae.gradient_vec(&grads);
                    let mut probe = ae.clone();
                    let fd = gradient(
                        |p| {
                            probe.set_params(p);
                            probe.loss(&x)
                        },
                        &ae.params(),
                    );
                    assert_eq!(exact.len(), fd.len());
                    for (k, (e, f)) in exact.iter().zip(&fd).enumerate() {
                        assert!(
                            relative_error(*e, *f, 1e-4) < 1e-6,
                            "{loss:?} tied={tied} {activation:?} param {k}: {e} vs {f}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn squared_error_with_a_linear_decoder() {
        let mut rng = Rng::seeded(2);
        let x = batch(&mut rng, 3, 5);
        let config = AutoencoderConfig {
            inputs: 5,
            code: 2,
            activation: Activation::Relu,
            decoder_activation: Activation::Linear,
            loss: Reconstruction::SquaredError,
            tied: false,
        };
        let ae = Autoencoder::new(&config, &mut rng);
        let (loss, grads) = ae.loss_and_gradients(&x);
        let pass = ae.forward(&x);
        let direct = (&pass.reconstructions - &x).mapv(|v| v * v).sum() / 3.0;
        assert!((loss - direct).abs() < 1e-12);
        let fd = gradient(
            |p| {
                let mut probe = ae.clone();
                probe.set_params(p);
                probe.loss(&x)
            },
            &ae.params(),
        );
        for (e, f) in ae.gradient_vec(&grads).iter().zip(&fd) {
            assert!(relative_error(*e, *f, 1e-4) < 1e-6, "{e} vs {f}");
        }
    }

    #[test]
    fn training_reduces_the_loss_and_keeps_ties() {
        let mut rng = Rng::seeded(4);
        let x = batch(&mut rng, 20, 8).mapv(|v| if v > 0.5 { 1.0 } else { 0.0 });
        let config = AutoencoderConfig {
            inputs: 8,
            code: 4,
            tied: true,
            ..AutoencoderConfig::default()
        };
        let mut ae = Autoencoder::new(&config, &mut rng);
        let mut v = AutoencoderVelocity::for_autoencoder(&ae);
        let before = ae.loss(&x);
        for _ in 0..200 {
            let (_, g) = ae.loss_and_gradients(&x);
            v.update(&mut ae, &g, 0.5, 0.9);
        }
        let after = ae.loss(&x);
        assert!(after < 0.7 * before, "{before} → {after}");
        assert_eq!(ae.decoder.weights, ae.encoder.weights.t());
    }
}
