//! A small convolutional network that learns the handwritten digits (lecture §6): kernels
//! slid over the image give feature maps, ReLU keeps the positive responses, pooling
//! shrinks the maps, and a fully connected layer on top gives class probabilities,
//!
//! `x → a = conv(x) → r = max(0, a) → q = pool(r) → z = W · flatten(q) + b → p = softmax(z)`,
//!
//! trained by backpropagation on the cross-entropy `L = −ln p_t` with mini-batches.
//!
//! Every layer is its own module with its forward and backward pass side by side:
//! [`ConvLayer`], [`relu_forward`]/[`relu_backward`], [`pool_forward`]/[`pool_backward`],
//! [`FullyConnected`], [`softmax_cross_entropy`]/[`softmax_cross_entropy_backward`].
//! [`Cnn`] chains them, [`CnnTrainer`] trains it, [`Confusion`] scores it, and
//! [`downsample_drawing`] turns a 32×32 drawing into an 8×8 digit as the data set was made.
//!
//! ```
//! use nnp_core::cnn::{Cnn, CnnConfig};
//!
//! let net = Cnn::new(&CnnConfig::default(), 7).unwrap();
//! let acts = net.forward(&[0.5; 64]);
//! assert_eq!(acts.conv.shape(), (8, 8, 8)); // 8 feature maps of 8×8 ("same" padding)
//! assert_eq!(acts.pooled.shape(), (8, 4, 4)); // 2×2 max pooling
//! assert_eq!(acts.probabilities.len(), 10);
//! assert!((acts.probabilities.iter().sum::<f32>() - 1.0).abs() < 1e-5);
//! ```

mod config;
mod convolution;
mod data;
mod evaluation;
mod fully_connected;
mod network;
mod optimizer;
mod pooling;
mod relu;
mod softmax;
#[cfg(test)]
mod tests;
mod trainer;

pub use config::{CnnConfig, CnnError, MAX_INPUT_SIDE, MAX_KERNELS};
pub use convolution::ConvLayer;
pub use data::{
    BLOCK_SIDE, DRAWING_SIDE, IMAGE_SIDE, ImageSet, MAX_COUNT, downsample_drawing, scale_counts,
};
pub use evaluation::Confusion;
pub use fully_connected::FullyConnected;
pub use network::{Cnn, CnnActivations, CnnGradients, CnnWeights};
pub use optimizer::{Optimizer, OptimizerKind};
pub use pooling::{pool_backward, pool_forward};
pub use relu::{relu_backward, relu_forward};
pub use softmax::{softmax_cross_entropy, softmax_cross_entropy_backward};
pub use trainer::{CnnTrainConfig, CnnTrainer, DEFAULT_EPOCHS, Diverged, Progress, StepReport};
