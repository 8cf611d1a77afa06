//! Deep networks by greedy layer-wise autoencoder pretraining (lecture §5).
//!
//! Each hidden layer `h_l = σ(W_l·h_{l−1} + b_l)` (`h_0 = x`) is first trained alone, as a
//! 3-layer net whose target is its own input: encoder `h = σ(W·x + b)`, decoder
//! `r = σ(W'·h + b')`, loss `‖r − x‖²` or the cross-entropy `−Σ [x ln r + (1 − x) ln(1 − r)]`.
//! Its decoder is then dropped, the layers are stacked, and a softmax output layer
//! `p = softmax(V·h_L + c)` is trained with labels, `L = −ln p_y`. Feature learning needs
//! no labels; fine-tuning needs few.
//!
//! - [`digits`]: the 8×8 handwritten digits and the 2-D datasets as [`Examples`];
//! - [`dense`]: a dense layer on a batch, forward, backward and momentum;
//! - [`autoencoder`]: one layer's autoencoder and its reconstruction losses;
//! - [`stack`]: the stacked [`DeepNet`] with its softmax output;
//! - [`projection`]: the codes drawn in 2-D by PCA;
//! - [`trainer`]: the steppable, seeded [`Pretrainer`] — pretrain layer 1, 2, …, fine-tune,
//!   with the same net trained from random weights beside it.

pub mod autoencoder;
pub mod dense;
pub mod digits;
pub mod projection;
pub mod stack;
pub mod trainer;

#[cfg(test)]
mod tests;

pub use autoencoder::{
    Autoencoder, AutoencoderConfig, AutoencoderGrads, AutoencoderPass, AutoencoderVelocity,
    Reconstruction,
};
pub use dense::{Dense, DenseGrads, Velocity};
pub use digits::{DIGIT_CLASSES, DIGIT_PIXELS, DIGIT_SIDE, Digits, DigitsError, Examples};
pub use projection::{ProjectedPoint, Projection, pca_2d};
pub use stack::{DeepNet, FineTune, NetGrads, NetVelocity, cross_entropy, softmax};
pub use trainer::{
    DIVERGENCE_FACTOR, Evaluation, Learned, MAX_FINE_TUNE_STEPS, Phase, PretrainConfig, Pretrainer,
    Reconstructed, ShapeMismatch, StepReport, loss_diverged,
};
