//! The workloads of the side-by-side comparison (`tests/side_by_side.rs`, `tests/agree.rs`):
//! each case holds the project's inputs and the same numbers laid out for its JavaScript peer
//! in `js/`, so both sides compute the same thing from the same weights and data.

use nnp_core::activation::Activation;
use nnp_core::conv::{ConvConfig, FeatureMap, KernelBank, convolve_into};
use nnp_core::dataset::{Dataset, DatasetConfig, DatasetKind};
use nnp_core::features::FeatureSet;
use nnp_core::mlp::{GridEval, LayerConfig, Mlp, MlpConfig, Samples, TrainConfig};
use nnp_core::recurrent::{Model, ModelConfig, QuantityName, Variant};
use nnp_core::rng::Rng;

use crate::{kernel, painting};

/// TensorFlow Playground's frame: a tanh network on the spiral's 250 training points (and
/// 250 test points), an epoch of batches of `batch_size`, the loss on both sets, and every
/// unit over a `grid_n × grid_n` grid.
#[derive(Debug)]
pub struct PlaygroundCase {
    /// The network being trained.
    pub mlp: Mlp,
    /// φ = (x1, x2).
    pub features: FeatureSet,
    /// The training points.
    pub train: Samples,
    /// The test points.
    pub test: Samples,
    /// Step size and batch size.
    pub config: TrainConfig,
    /// Shuffles each epoch.
    pub rng: Rng,
    /// Every unit over the grid.
    pub grid: GridEval,
}

impl PlaygroundCase {
    /// `layers` hidden layers of `units` tanh units, a grid of `grid_n²` points.
    pub fn new(layers: usize, units: usize, grid_n: usize) -> Self {
        let data = Dataset::generate(&DatasetConfig {
            kind: DatasetKind::Spiral,
            ..DatasetConfig::default()
        });
        let features = FeatureSet::raw();
        let mlp = Mlp::new(&MlpConfig {
            inputs: features.len(),
            hidden: vec![
                LayerConfig {
                    units,
                    activation: Activation::Tanh,
                };
                layers
            ],
            ..MlpConfig::default()
        });
        Self {
            train: Samples::new(&features, &data.train),
            test: Samples::new(&features, &data.test),
            grid: GridEval::new(&features, grid_n, (-6.0, 6.0)),
            features,
            mlp,
            config: TrainConfig::default(),
            rng: Rng::seeded(1),
        }
    }

    /// The project's frame; returns the two losses plus a checksum of the grid.
    pub fn frame(&mut self) -> f64 {
        let loss = self
            .mlp
            .train_epoch(&self.train, &self.config, &mut self.rng)
            .unwrap_or(f64::NAN);
        let (train, test) = (self.mlp.metrics(&self.train), self.mlp.metrics(&self.test));
        self.grid.evaluate(&self.mlp);
        loss + train.loss + test.loss + f64::from(self.grid.output()[0])
    }

    /// The order in which the next [`frame`](Self::frame) visits the training points.
    pub fn next_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.train.len()).collect();
        self.rng.clone().shuffle(&mut order);
        order
    }

    /// Units per layer, inputs first.
    pub fn shape(&self) -> Vec<u32> {
        self.mlp.shape().iter().map(|&n| n as u32).collect()
    }

    /// `(x1, x2)` pairs and labels of `samples`, in `order`.
    pub fn points(samples: &Samples, order: &[usize]) -> (Vec<f64>, Vec<f64>) {
        let xy = order
            .iter()
            .flat_map(|&i| samples.row(i).to_vec())
            .collect();
        let labels = order.iter().map(|&i| samples.labels[i]).collect();
        (xy, labels)
    }

    /// The grid's column coordinates (x1) and row coordinates (x2, top first).
    pub fn grid_axes(&self) -> (Vec<f64>, Vec<f64>) {
        let n = self.grid.n();
        let xs = (0..n).map(|col| self.grid.point(0, col).0).collect();
        let ys = (0..n).map(|row| self.grid.point(row, 0).1).collect();
        (xs, ys)
    }
}

/// One `size × size` kernel over a 512² painting, "same" padding, cross-correlation.
#[derive(Debug)]
pub struct ConvCase {
    /// The painting.
    pub input: FeatureMap,
    /// The one kernel.
    pub bank: KernelBank,
    /// Its weights, row-major, for the peer.
    pub weights: Vec<f32>,
    /// The output, reused.
    pub out: FeatureMap,
}

impl ConvCase {
    /// A `size × size` kernel over an `image`² painting.
    pub fn new(image: usize, size: usize) -> Self {
        let k = kernel(size, 0);
        let weights = (0..size * size)
            .map(|i| k.get(i / size, i % size))
            .collect();
        Self {
            input: painting(image),
            bank: KernelBank::from_kernels(&[k]),
            weights,
            out: FeatureMap::default(),
        }
    }

    /// The project's convolution; its output is in `self.out`.
    pub fn run(&mut self) -> f64 {
        convolve_into(
            &self.input,
            &self.bank,
            &ConvConfig::default(),
            &mut self.out,
        );
        f64::from(self.out.data()[0])
    }
}

/// An LSTM (input 8, readout 8 symbols) over `T` random inputs, every gate recorded.
#[derive(Debug)]
pub struct LstmCase {
    /// The model.
    pub model: Model<f32>,
    /// `T` inputs of 8.
    pub inputs: Vec<Vec<f32>>,
}

impl LstmCase {
    /// Hidden size `hidden`, `steps` inputs.
    pub fn new(hidden: usize, steps: usize) -> Self {
        let model = Model::<f32>::new(ModelConfig {
            variant: Variant::Lstm,
            input_size: 8,
            hidden_size: hidden,
            output_size: 8,
            ..ModelConfig::default()
        });
        let mut rng = Rng::seeded(2);
        let inputs = (0..steps)
            .map(|_| (0..8).map(|_| rng.normal() as f32).collect())
            .collect();
        Self { model, inputs }
    }

    /// The project's forward pass: every `h_t`, then every step's probabilities (the
    /// peer's layout).
    pub fn run(&self) -> Vec<f32> {
        let trace = self.model.forward(&self.inputs);
        let mut out = trace.quantity(QuantityName::Hidden).values.clone();
        out.extend_from_slice(&trace.quantity(QuantityName::Probabilities).values);
        out
    }

    /// The parameters (cell, then readout) as `f64`, for the peer.
    pub fn parameters(&self) -> Vec<f64> {
        self.model
            .parameters()
            .iter()
            .map(|&v| f64::from(v))
            .collect()
    }

    /// The inputs, flat, as `f64`.
    pub fn flat_inputs(&self) -> Vec<f64> {
        self.inputs
            .iter()
            .flatten()
            .map(|&v| f64::from(v))
            .collect()
    }
}

/// The largest `|a − b| / max(1, |b|)` over two equally long sequences (∞ if their lengths
/// differ): the agreement of project and peer.
pub fn max_error(
    a: impl ExactSizeIterator<Item = f64>,
    b: impl ExactSizeIterator<Item = f64>,
) -> f64 {
    if a.len() != b.len() {
        return f64::INFINITY;
    }
    a.zip(b)
        .map(|(x, y)| {
            let e = (x - y).abs() / y.abs().max(1.0);
            if e.is_nan() { f64::INFINITY } else { e }
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn max_error_sees_a_difference_a_nan_and_a_missing_value() {
        let close = max_error([1.0, 2.0].into_iter(), [1.0, 2.0 + 1e-9].into_iter());
        assert!(close < 1e-9);
        assert_eq!(max_error([1.0].into_iter(), [0.5].into_iter()), 0.5);
        assert!(max_error([f64::NAN].into_iter(), [1.0].into_iter()).is_infinite());
        assert!(max_error([1.0].into_iter(), [1.0, 2.0].into_iter()).is_infinite());
    }

    #[test]
    fn the_next_order_is_the_one_the_frame_takes() {
        let mut case = PlaygroundCase::new(1, 2, 4);
        let order = case.next_order();
        let mut rng = case.rng.clone();
        case.frame();
        let mut again: Vec<usize> = (0..case.train.len()).collect();
        rng.shuffle(&mut again);
        assert_eq!(order, again);
        assert_ne!(case.next_order(), order, "the next epoch is shuffled anew");
    }
}
