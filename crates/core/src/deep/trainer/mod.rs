//! The lecture's recipe (§5) as a steppable, seeded experiment:
//!
//! 1. pretrain hidden layer 1 as an autoencoder of the images (no labels);
//! 2. drop its decoder, feed its codes to layer 2's autoencoder, and so on;
//! 3. put a softmax layer on top and fine-tune with a few labelled examples.
//!
//! Next to it, the same architecture starting from the same random weights (the layers
//! before pretraining) is trained on the same labelled mini-batches, so the two curves
//! differ only by the pretraining.
//!
//! The examples are shuffled once by the seed and split into a held-out test set and a
//! training pool. Pretraining uses every image of the pool without its label;
//! fine-tuning uses only the first `labels_per_class` pool examples of each class.

mod config;
mod divergence;
mod inspect;
mod learned;
mod schedule;

use std::sync::Arc;

use ndarray::{Array2, Axis};
use serde::{Deserialize, Serialize};

use super::autoencoder::{Autoencoder, AutoencoderConfig, AutoencoderVelocity, Reconstruction};
use super::digits::Examples;
use super::stack::{DeepNet, NetVelocity};
use crate::activation::Activation;
use crate::curve::{Curve, DEFAULT_CAP, thin_records};
use crate::rng::Rng;

pub use config::{MAX_FINE_TUNE_STEPS, PretrainConfig};
pub use divergence::{DIVERGENCE_FACTOR, loss_diverged};
pub use learned::{Learned, ShapeMismatch};

/// Where the experiment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    /// Training hidden layer `layer` (0-based) as an autoencoder, without labels.
    Pretrain {
        /// The layer being trained.
        layer: usize,
    },
    /// Supervised training of the pretrained net and of the randomly initialised one.
    FineTune,
}

/// What one call of [`Pretrainer::step`] did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    /// The phase the step belonged to.
    pub phase: Phase,
    /// Steps taken in this phase so far, this one included.
    pub step: usize,
    /// Mini-batch loss: reconstruction while pretraining, cross-entropy of the pretrained
    /// net while fine-tuning.
    pub loss: f64,
    /// While fine-tuning, the randomly initialised net's mini-batch loss.
    pub baseline_loss: Option<f64>,
}

/// Held-out (test) and training accuracy of both nets after `step` supervised steps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Supervised steps taken.
    pub step: usize,
    /// Accuracy of the pretrained-then-fine-tuned net.
    pub pretrained_accuracy: f64,
    /// Accuracy of the net trained from random weights.
    pub baseline_accuracy: f64,
    /// Accuracy of the pretrained net on its own labelled training examples.
    pub pretrained_train_accuracy: f64,
    /// Accuracy of the random-init net on the same labelled training examples.
    pub baseline_train_accuracy: f64,
    /// Cross-entropy of the pretrained net on the held-out set.
    pub pretrained_loss: f64,
    /// Cross-entropy of the random-init net on the held-out set.
    pub baseline_loss: f64,
}

/// One held-out image and what the autoencoders make of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reconstructed {
    /// The input (an image for digits).
    pub input: Vec<f64>,
    /// The reconstruction in input space: encoded up to the current layer, then decoded
    /// back down through every decoder.
    pub image: Vec<f64>,
    /// What the current layer sees (its input codes; the image itself for layer 1).
    pub layer_input: Vec<f64>,
    /// The current layer's reconstruction of [`layer_input`](Self::layer_input).
    pub layer_output: Vec<f64>,
}

/// A cycling shuffled order over `0..n`, reshuffled at the start of every epoch.
#[derive(Debug, Clone)]
struct Batches {
    order: Vec<usize>,
    cursor: usize,
}

impl Batches {
    fn new(n: usize) -> Self {
        Self {
            order: (0..n).collect(),
            cursor: n,
        }
    }

    fn next(&mut self, size: usize, rng: &mut Rng) -> Vec<usize> {
        let size = size.clamp(1, self.order.len().max(1));
        if self.cursor + size > self.order.len() {
            rng.shuffle(&mut self.order);
            self.cursor = 0;
        }
        let batch = self.order[self.cursor..self.cursor + size].to_vec();
        self.cursor += size;
        batch
    }
}

/// Greedy layer-wise pretraining, fine-tuning and the random-init comparison, one
/// mini-batch per [`step`](Self::step).
///
/// ```
/// use nnp_core::dataset::{Dataset, DatasetConfig, DatasetKind};
/// use nnp_core::deep::{Examples, Phase, PretrainConfig, Pretrainer};
///
/// let points = Dataset::generate(&DatasetConfig {
///     kind: DatasetKind::Gaussians,
///     samples: 200,
///     ..DatasetConfig::default()
/// });
/// let data = Examples::from_points(&points.train);
/// let config = PretrainConfig {
///     hidden: vec![4],
///     test_size: 50,
///     ..PretrainConfig::default()
/// };
/// let mut trainer = Pretrainer::new(&data, &config);
/// assert_eq!(trainer.phase(), Phase::Pretrain { layer: 0 }); // no labels used here
/// trainer.run(100);
/// let losses = trainer.pretrain_losses(0);
/// assert!(losses.last().unwrap() < losses.first().unwrap(), "reconstruction improves");
/// assert_eq!(trainer.advance(), Phase::FineTune);
/// trainer.run(100);
/// assert!(trainer.evaluate().pretrained_accuracy > 0.9);
/// ```
#[derive(Debug, Clone)]
pub struct Pretrainer {
    config: PretrainConfig,
    // The data never changes during a run and is shared, so cloning a pretrainer (a
    // checkpoint to go back to when training diverges) copies only what learns.
    pool: Arc<Array2<f64>>,
    labelled: Arc<Examples>,
    test: Arc<Examples>,
    net: DeepNet,
    baseline: DeepNet,
    autoencoders: Vec<Autoencoder>,
    ae_velocity: Option<AutoencoderVelocity>,
    net_velocity: NetVelocity,
    baseline_velocity: NetVelocity,
    phase: Phase,
    layer_inputs: Arc<Array2<f64>>,
    pool_batches: Batches,
    labelled_batches: Batches,
    rng: Rng,
    pretrain_losses: Vec<Curve>,
    fine_tune_losses: Curve,
    baseline_losses: Curve,
    evaluations: Vec<Evaluation>,
}

impl Pretrainer {
    /// Splits `data`, builds the autoencoders and both nets, and starts pretraining layer 1
    /// (or fine-tuning, for a net without hidden layers).
    pub fn new(data: &Examples, config: &PretrainConfig) -> Self {
        assert!(data.len() >= 2, "pretraining needs at least two examples");
        assert!(
            config.batch_size > 0,
            "a mini-batch holds at least one example"
        );
        let mut rng = Rng::seeded(config.seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        rng.shuffle(&mut order);
        let test_size = config.test_size.min(data.len() / 2);
        let test = data.subset(&order[..test_size]);
        let pool_idx = &order[test_size..];
        let mut taken = vec![0; data.classes];
        let labelled_idx: Vec<usize> = pool_idx
            .iter()
            .copied()
            .filter(|&i| {
                let class = data.labels[i];
                let keep = taken[class] < config.labels_per_class;
                taken[class] += usize::from(keep);
                keep
            })
            .collect();
        let labelled = Arc::new(data.subset(&labelled_idx));
        let pool = Arc::new(data.inputs.select(Axis(0), pool_idx));

        let mut width = data.dim();
        let mut inputs_in_unit_range = true;
        let autoencoders: Vec<Autoencoder> = config
            .hidden
            .iter()
            .map(|&code| {
                let decoder_activation = if inputs_in_unit_range {
                    Activation::Logistic
                } else {
                    Activation::Linear
                };
                let loss = if inputs_in_unit_range {
                    config.reconstruction
                } else {
                    Reconstruction::SquaredError
                };
                let ae = Autoencoder::new(
                    &AutoencoderConfig {
                        inputs: width,
                        code,
                        activation: config.activation,
                        decoder_activation,
                        loss,
                        tied: config.tied,
                    },
                    &mut rng,
                );
                width = code;
                inputs_in_unit_range = config.activation == Activation::Logistic;
                ae
            })
            .collect();
        let output = super::dense::Dense::random(width, data.classes, Activation::Linear, &mut rng);
        let net = DeepNet {
            hidden: autoencoders.iter().map(|ae| ae.encoder.clone()).collect(),
            output,
        };
        let baseline = net.clone();
        let phase = if autoencoders.is_empty() {
            Phase::FineTune
        } else {
            Phase::Pretrain { layer: 0 }
        };
        let ae_velocity = autoencoders
            .first()
            .map(AutoencoderVelocity::for_autoencoder);
        let mut trainer = Self {
            config: config.clone(),
            pool_batches: Batches::new(pool.nrows()),
            labelled_batches: Batches::new(labelled.len()),
            layer_inputs: pool.clone(),
            pool,
            labelled,
            test: Arc::new(test),
            net_velocity: NetVelocity::for_net(&net),
            baseline_velocity: NetVelocity::for_net(&baseline),
            net,
            baseline,
            pretrain_losses: vec![Curve::default(); autoencoders.len()],
            autoencoders,
            ae_velocity,
            phase,
            rng,
            fine_tune_losses: Curve::default(),
            baseline_losses: Curve::default(),
            evaluations: Vec::new(),
        };
        if trainer.phase == Phase::FineTune {
            trainer.record_evaluation();
        }
        trainer
    }

    /// One mini-batch of the current phase: an autoencoder step on the current layer's
    /// input codes, or one supervised step of both nets on the same labelled batch (with
    /// no labelled examples, or once fine-tuning has used its budget, nothing changes and
    /// the loss is NaN).
    pub fn step(&mut self) -> StepReport {
        match self.phase {
            Phase::Pretrain { layer } => {
                let batch = self
                    .pool_batches
                    .next(self.config.batch_size, &mut self.rng);
                let x = self.layer_inputs.select(Axis(0), &batch);
                let ae = &mut self.autoencoders[layer];
                let (loss, grads) = ae.loss_and_gradients(&x);
                self.ae_velocity
                    .as_mut()
                    .expect("pretraining has a velocity")
                    .update(ae, &grads, self.config.pretrain_rate, self.config.momentum);
                self.net.hidden[layer].clone_from(&ae.encoder);
                let losses = &mut self.pretrain_losses[layer];
                losses.push(loss);
                StepReport {
                    phase: self.phase,
                    step: losses.steps(),
                    loss,
                    baseline_loss: None,
                }
            }
            Phase::FineTune => {
                if self.labelled.is_empty() || self.finished() {
                    return StepReport {
                        phase: self.phase,
                        step: self.fine_tune_losses.steps(),
                        loss: f64::NAN,
                        baseline_loss: None,
                    };
                }
                let batch = self
                    .labelled_batches
                    .next(self.config.batch_size, &mut self.rng);
                let x = self.labelled.inputs.select(Axis(0), &batch);
                let y: Vec<usize> = batch.iter().map(|&i| self.labelled.labels[i]).collect();
                let (rate, momentum, how) = (
                    self.config.fine_tune_rate,
                    self.config.momentum,
                    self.config.fine_tune,
                );
                let (loss, grads) = self.net.loss_and_gradients(&x, &y, how);
                self.net_velocity
                    .update(&mut self.net, &grads, rate, momentum);
                let (baseline_loss, grads) = self.baseline.loss_and_gradients(&x, &y, how);
                self.baseline_velocity
                    .update(&mut self.baseline, &grads, rate, momentum);
                self.fine_tune_losses.push(loss);
                self.baseline_losses.push(baseline_loss);
                let step = self.fine_tune_losses.steps();
                if self.evaluation_due(step) {
                    self.record_evaluation();
                }
                StepReport {
                    phase: self.phase,
                    step,
                    loss,
                    baseline_loss: Some(baseline_loss),
                }
            }
        }
    }

    /// `steps` calls of [`step`](Self::step); the last report (`None` for 0 steps).
    pub fn run(&mut self, steps: usize) -> Option<StepReport> {
        (0..steps).map(|_| self.step()).last()
    }

    /// Ends the current phase: a pretrained layer is stacked (its decoder dropped from
    /// the net) and the next layer's autoencoder starts on its codes; after the last
    /// layer, fine-tuning starts. In fine-tuning nothing changes. Returns the new phase.
    pub fn advance(&mut self) -> Phase {
        if let Phase::Pretrain { layer } = self.phase {
            let next = layer + 1;
            if next < self.autoencoders.len() {
                self.layer_inputs = Arc::new(self.net.codes(&self.pool, next));
                self.ae_velocity = Some(AutoencoderVelocity::for_autoencoder(
                    &self.autoencoders[next],
                ));
                self.phase = Phase::Pretrain { layer: next };
            } else {
                self.ae_velocity = None;
                self.layer_inputs = Arc::new(Array2::zeros((0, 0)));
                self.phase = Phase::FineTune;
                self.record_evaluation();
            }
        }
        self.phase
    }

    /// Held-out accuracy is measured after each of the first
    /// [`eval_every`](PretrainConfig::eval_every) steps (where the curves part, drawn on a
    /// log-scaled axis), then every `eval_every` steps, and at the budget.
    fn evaluation_due(&self, step: usize) -> bool {
        let every = self.config.eval_every.max(1);
        step <= every || step.is_multiple_of(every) || step == self.budget()
    }

    fn record_evaluation(&mut self) {
        let e = self.evaluate();
        self.evaluations.push(e);
        thin_records(&mut self.evaluations, DEFAULT_CAP);
    }

    /// Held-out accuracy and loss, and accuracy on the labelled training examples, of both
    /// nets now.
    pub fn evaluate(&self) -> Evaluation {
        let (x, y) = (&self.test.inputs, &self.test.labels);
        let (train_x, train_y) = (&self.labelled.inputs, &self.labelled.labels);
        Evaluation {
            step: self.fine_tune_losses.steps(),
            pretrained_accuracy: self.net.accuracy(x, y),
            baseline_accuracy: self.baseline.accuracy(x, y),
            pretrained_train_accuracy: self.net.accuracy(train_x, train_y),
            baseline_train_accuracy: self.baseline.accuracy(train_x, train_y),
            pretrained_loss: self.net.loss(x, y),
            baseline_loss: self.baseline.loss(x, y),
        }
    }
}
