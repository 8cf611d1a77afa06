//! The whole network: kernels slid over the image give feature maps, ReLU keeps the
//! positive responses, pooling shrinks the maps, and a fully connected layer on top turns
//! the flattened pooled maps into class scores, which softmax makes probabilities:
//!
//! `a = conv(x)`, `r = max(0, a)`, `q = pool(r)`, `z = W · flatten(q) + b`, `p = softmax(z)`,
//! `L = −ln p_t`.
//!
//! Backward runs the same chain in reverse: `δz = p − onehot(t)`, `δq = Wᵀ δz`,
//! `δr = unpool(δq)`, `δa = δr · [a > 0]`, then the kernels' gradients from `δa`.

use serde::{Deserialize, Serialize};

use super::config::{CnnConfig, CnnError};
use super::convolution::ConvLayer;
use super::fully_connected::FullyConnected;
use super::pooling::{pool_backward, pool_forward};
use super::relu::{relu_backward, relu_forward};
use super::softmax::{softmax_cross_entropy, softmax_cross_entropy_backward};
use crate::conv::{FeatureMap, KernelBank};
use crate::rng::Rng;

/// A convolutional network: [`ConvLayer`] → ReLU → pooling → [`FullyConnected`] → softmax.
/// Serialises as [`CnnWeights`] (settings and every weight), which is checked on reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "CnnWeights", into = "CnnWeights")]
pub struct Cnn {
    config: CnnConfig,
    conv: ConvLayer,
    dense: FullyConnected,
}

/// Every number of a [`Cnn`] as plain data, for a link or a saved file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CnnWeights {
    /// The network's shape.
    pub config: CnnConfig,
    /// Kernel weights `[k][c][i][j]`, row-major.
    pub kernels: Vec<f32>,
    /// One bias per kernel.
    pub kernel_bias: Vec<f32>,
    /// Fully connected weights `W[o][i]` at `o · inputs + i`.
    pub dense: Vec<f32>,
    /// One bias per class.
    pub dense_bias: Vec<f32>,
}

impl From<Cnn> for CnnWeights {
    fn from(net: Cnn) -> Self {
        net.weights()
    }
}

impl TryFrom<CnnWeights> for Cnn {
    type Error = CnnError;

    fn try_from(weights: CnnWeights) -> Result<Self, CnnError> {
        Cnn::from_weights(weights)
    }
}

/// Every layer's values for one example, kept for drawing and for the backward pass.
/// Reused between examples: after the first, a forward pass allocates nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CnnActivations {
    /// The input image `x`.
    pub input: FeatureMap,
    /// The feature maps `a = conv(x)`, one per kernel.
    pub conv: FeatureMap,
    /// `r = max(0, a)`.
    pub relu: FeatureMap,
    /// The pooled maps `q`.
    pub pooled: FeatureMap,
    /// The class scores `z`.
    pub logits: Vec<f32>,
    /// The class probabilities `p = softmax(z)`.
    pub probabilities: Vec<f32>,
    argmax: Vec<usize>,
    grad_logits: Vec<f32>,
    grad_pooled: FeatureMap,
    grad_relu: FeatureMap,
    grad_conv: FeatureMap,
}

impl CnnActivations {
    /// The most probable class (the first on ties; 0 before any forward pass).
    pub fn predicted(&self) -> usize {
        argmax(&self.probabilities)
    }
}

/// The index of the largest value (the first on ties, NaN never wins; 0 if empty).
fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] || values[best].is_nan() {
            best = i;
        }
    }
    best
}

/// ∂L/∂(every parameter), shaped like the network's layers, summed over the examples of a
/// mini-batch.
#[derive(Debug, Clone, PartialEq)]
pub struct CnnGradients {
    /// `∂L/∂w[k][c](i, j)` and `∂L/∂b[k]`.
    pub kernels: KernelBank,
    /// `∂L/∂W[o][i]` and `∂L/∂b_o`.
    pub dense: FullyConnected,
}

impl CnnGradients {
    /// Sets every gradient to zero (before a new mini-batch).
    pub fn clear(&mut self) {
        for part in self.parts_mut() {
            part.fill(0.0);
        }
    }

    /// The gradient parts in the order of [`Cnn::parameters_mut`].
    pub fn parts(&self) -> [&[f32]; 4] {
        [
            self.kernels.weights(),
            self.kernels.bias(),
            self.dense.weights(),
            self.dense.bias(),
        ]
    }

    /// The gradient parts, mutable.
    pub fn parts_mut(&mut self) -> [&mut [f32]; 4] {
        let (kernel_w, kernel_b) = self.kernels.weights_and_bias_mut();
        let (dense_w, dense_b) = self.dense.weights_and_bias_mut();
        [kernel_w, kernel_b, dense_w, dense_b]
    }
}

impl Cnn {
    /// A network of this shape with seeded random weights: the kernels He-uniform,
    /// `w ~ U(−√(6/n_in), √(6/n_in))` with `n_in = c·k²` (they feed a ReLU), the fully
    /// connected layer Glorot-uniform, `W ~ U(−√(6/(n_in + n_out)), …)`, biases zero. Only
    /// uniform draws are used, so the weights are bit-identical on every platform.
    pub fn new(config: &CnnConfig, seed: u64) -> Result<Self, CnnError> {
        config.check()?;
        let mut rng = Rng::seeded(seed);
        let c = config.input_channels;
        let k = config.kernel_size;
        let mut bank = KernelBank::new(config.kernels, c, k, k);
        let limit = (6.0 / (c * k * k) as f64).sqrt();
        for w in bank.weights_and_bias_mut().0 {
            *w = rng.uniform(-limit, limit) as f32;
        }
        let inputs = config.dense_inputs();
        let mut dense = FullyConnected::zeros(inputs, config.classes);
        let limit = (6.0 / (inputs + config.classes) as f64).sqrt();
        for w in dense.weights_mut() {
            *w = rng.uniform(-limit, limit) as f32;
        }
        Ok(Self {
            config: *config,
            conv: ConvLayer::new(bank, config.padding),
            dense,
        })
    }

    /// A network from saved weights, checking that every length fits the settings and
    /// every number is finite.
    pub fn from_weights(weights: CnnWeights) -> Result<Self, CnnError> {
        let config = weights.config;
        config.check()?;
        let (k, c, side) = (config.kernels, config.input_channels, config.kernel_size);
        let expect = |name: &str, got: usize, want: usize| {
            if got == want {
                Ok(())
            } else {
                Err(CnnError::new(format!(
                    "{name}: expected {want} numbers, found {got}"
                )))
            }
        };
        expect("kernel weights", weights.kernels.len(), k * c * side * side)?;
        expect("kernel biases", weights.kernel_bias.len(), k)?;
        expect(
            "dense weights",
            weights.dense.len(),
            config.dense_inputs() * config.classes,
        )?;
        expect("dense biases", weights.dense_bias.len(), config.classes)?;
        let all = [
            &weights.kernels,
            &weights.kernel_bias,
            &weights.dense,
            &weights.dense_bias,
        ];
        if all.iter().any(|part| part.iter().any(|v| !v.is_finite())) {
            return Err(CnnError::new("a weight is not a finite number"));
        }
        let bank = KernelBank::from_weights(c, side, side, weights.kernels, weights.kernel_bias);
        let dense =
            FullyConnected::from_weights(config.dense_inputs(), weights.dense, weights.dense_bias)
                .ok_or_else(|| CnnError::new("the dense weights do not fit"))?;
        Ok(Self {
            config,
            conv: ConvLayer::new(bank, config.padding),
            dense,
        })
    }

    /// Every number of the network as plain data.
    pub fn weights(&self) -> CnnWeights {
        CnnWeights {
            config: self.config,
            kernels: self.conv.kernels.weights().to_vec(),
            kernel_bias: self.conv.kernels.bias().to_vec(),
            dense: self.dense.weights().to_vec(),
            dense_bias: self.dense.bias().to_vec(),
        }
    }

    /// The network's shape.
    pub fn config(&self) -> &CnnConfig {
        &self.config
    }

    /// The convolutional layer (its kernels are what the screen draws).
    pub fn conv(&self) -> &ConvLayer {
        &self.conv
    }

    /// The fully connected layer.
    pub fn dense(&self) -> &FullyConnected {
        &self.dense
    }

    /// The parameters, in the order kernel weights, kernel biases, dense weights, dense
    /// biases (the order of [`CnnGradients::parts`]).
    pub fn parameters_mut(&mut self) -> [&mut [f32]; 4] {
        let (kernel_w, kernel_b) = self.conv.kernels.weights_and_bias_mut();
        let (dense_w, dense_b) = self.dense.weights_and_bias_mut();
        [kernel_w, kernel_b, dense_w, dense_b]
    }

    /// Zero gradients shaped like this network.
    pub fn zero_gradients(&self) -> CnnGradients {
        let bank = &self.conv.kernels;
        CnnGradients {
            kernels: KernelBank::new(
                bank.out_channels(),
                bank.in_channels(),
                bank.height(),
                bank.width(),
            ),
            dense: FullyConnected::zeros(self.dense.inputs(), self.dense.outputs()),
        }
    }

    /// Number of values in one input image, `channels · rows · cols`.
    pub fn input_len(&self) -> usize {
        self.config.input_channels * self.config.input_rows * self.config.input_cols
    }

    /// Runs `image` (planar, row-major, `input_len` values) through every layer into
    /// `acts`, allocating only when `acts` is new. Returns the predicted class.
    pub fn forward_into(&self, image: &[f32], acts: &mut CnnActivations) -> usize {
        let c = &self.config;
        assert_eq!(
            image.len(),
            self.input_len(),
            "the network reads {} values",
            self.input_len()
        );
        acts.input
            .reshape(c.input_channels, c.input_rows, c.input_cols);
        acts.input.data_mut().copy_from_slice(image);
        self.conv.forward_into(&acts.input, &mut acts.conv);
        let (k, rows, cols) = acts.conv.shape();
        acts.relu.reshape(k, rows, cols);
        relu_forward(acts.conv.data(), acts.relu.data_mut());
        pool_forward(
            &acts.relu,
            &c.pool_config(),
            &mut acts.pooled,
            &mut acts.argmax,
        );
        acts.logits.resize(c.classes, 0.0);
        acts.probabilities.resize(c.classes, 0.0);
        self.dense
            .forward_into(acts.pooled.data(), &mut acts.logits);
        // The loss against class 0 is not needed here; this fills the probabilities.
        softmax_cross_entropy(&acts.logits, 0, &mut acts.probabilities);
        acts.predicted()
    }

    /// Every layer's values for one image, freshly allocated: what a screen draws.
    pub fn forward(&self, image: &[f32]) -> CnnActivations {
        let mut acts = CnnActivations::default();
        self.forward_into(image, &mut acts);
        acts
    }

    /// The loss `−ln p_label` of the example last run through [`forward_into`](Self::forward_into)
    /// into `acts`, with its gradient added into `grads`. A non-finite loss is returned as
    /// it is (training reports it) and then nothing is added.
    pub fn backward(
        &self,
        acts: &mut CnnActivations,
        label: usize,
        grads: &mut CnnGradients,
    ) -> f32 {
        let c = &self.config;
        assert!(label < c.classes, "label {label} of {} classes", c.classes);
        let loss = softmax_cross_entropy(&acts.logits, label, &mut acts.probabilities);
        if !loss.is_finite() {
            return loss;
        }
        acts.grad_logits.resize(c.classes, 0.0);
        softmax_cross_entropy_backward(&acts.probabilities, label, &mut acts.grad_logits);
        let (k, rows, cols) = acts.pooled.shape();
        acts.grad_pooled.reshape(k, rows, cols);
        self.dense.backward(
            acts.pooled.data(),
            &acts.grad_logits,
            &mut grads.dense,
            Some(acts.grad_pooled.data_mut()),
        );
        pool_backward(
            acts.relu.shape(),
            &c.pool_config(),
            &acts.grad_pooled,
            &acts.argmax,
            &mut acts.grad_relu,
        );
        let (k, rows, cols) = acts.conv.shape();
        acts.grad_conv.reshape(k, rows, cols);
        relu_backward(
            acts.conv.data(),
            acts.grad_relu.data(),
            acts.grad_conv.data_mut(),
        );
        self.conv
            .backward(&acts.input, &acts.grad_conv, &mut grads.kernels, None);
        loss
    }

    /// `∂L/∂x` of the example last run backward (the gradient of the input image), written
    /// into `grad_input`; a check and a saliency picture, not needed for training.
    pub fn input_gradient(&self, acts: &CnnActivations, grad_input: &mut FeatureMap) {
        let mut scratch = self.zero_gradients();
        self.conv.backward(
            &acts.input,
            &acts.grad_conv,
            &mut scratch.kernels,
            Some(grad_input),
        );
    }
}
