//! The workloads the README's performance table reports, defined once and timed twice:
//! natively by criterion (`benches/native.rs`) and as wasm in headless Chromium
//! (`tests/browser.rs`). Each workload builds its inputs up front; only `run` is timed.

use nnp_core::activation::Activation;
use nnp_core::cnn::{CnnConfig, CnnTrainConfig, CnnTrainer, ImageSet};
use nnp_core::conv::{
    ConvConfig, FeatureMap, Kernel, KernelBank, Pipeline, PipelineConfig, PoolConfig, convolve_into,
};
use nnp_core::dataset::{Dataset, DatasetConfig, DatasetKind};
use nnp_core::deep::{Digits, PretrainConfig, Pretrainer};
use nnp_core::features::FeatureSet;
use nnp_core::mlp::{GridEval, LayerConfig, Mlp, MlpConfig, Samples, TrainConfig};
use nnp_core::recurrent::{Model, ModelConfig, Variant};
use nnp_core::rng::Rng;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod ceiling;
#[cfg(target_family = "wasm")]
pub mod peers;
pub mod side_by_side;

/// A named piece of work to time.
pub struct Workload {
    /// The name printed in reports.
    pub name: &'static str,
    /// What it measures, for the README.
    pub description: &'static str,
    /// Does the work once; inputs are prepared by [`workloads`].
    pub run: Box<dyn FnMut() -> f64>,
}

impl std::fmt::Debug for Workload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workload")
            .field("name", &self.name)
            .finish()
    }
}

/// The sum of every value a run computed: what a workload returns, so no part of the work
/// can be optimised away and a wrong result shows as a different checksum.
fn checksum(values: &[f32]) -> f64 {
    values.iter().map(|&v| f64::from(v)).sum()
}

/// [`checksum`] over every unit's picture of a grid evaluation: `units` in each of `layers`
/// hidden layers, then the output.
fn grid_checksum(grid: &GridEval, layers: usize, units: usize) -> f64 {
    let hidden: f64 = (0..layers)
        .flat_map(|layer| (0..units).map(move |unit| (layer, unit)))
        .map(|(layer, unit)| checksum(grid.unit(layer, unit)))
        .sum();
    hidden + checksum(grid.output())
}

/// Every workload, with its inputs ready.
pub fn workloads() -> Vec<Workload> {
    vec![
        activation_grid(),
        conv("conv_3x3_512", 3),
        conv("conv_7x7_512", 7),
        conv_pipeline(),
        boundaries_frame("boundaries_frame_6x8", 6, 8),
        boundaries_frame("boundaries_frame_8x32", 8, 32),
        boundaries_epoch("boundaries_epoch_8x32", 8, 32),
        boundaries_grid("boundaries_grid_8x32", 8, 32),
        lstm_forward("lstm_forward_h32_t100", 32),
        lstm_forward("lstm_forward_h128_t100", 128),
        deep_steps("deep_pretrain_100_steps", 0),
        deep_steps(
            "deep_finetune_100_steps",
            PretrainConfig::default().hidden.len(),
        ),
        cnn_epoch(),
    ]
}

/// A 512×512 grey image with some structure (so nothing is trivially zero).
pub fn painting(size: usize) -> FeatureMap {
    let data = (0..size * size)
        .map(|i| (((i % size) ^ (i / size)) % 97) as f32 / 96.0)
        .collect();
    FeatureMap::from_data(1, size, size, data)
}

/// A `size × size` kernel of normal random weights, seeded.
pub fn kernel(size: usize, seed: u64) -> Kernel {
    let mut rng = Rng::seeded(seed);
    Kernel::new(
        size,
        size,
        (0..size * size).map(|_| rng.normal() as f32).collect(),
    )
}

/// One k×k kernel over a 512² painting (issue 5: a plain JS loop needs ~72 ms for 7×7,
/// ~16 ms for 3×3 on this machine kind).
fn conv(name: &'static str, size: usize) -> Workload {
    let input = painting(512);
    let bank = KernelBank::from_kernels(&[kernel(size, 0)]);
    let config = ConvConfig::default();
    let mut out = FeatureMap::default();
    Workload {
        name,
        description: "one k×k kernel over a 512×512 painting, same padding",
        run: Box::new(move || {
            convolve_into(&input, &bank, &config, &mut out);
            checksum(out.data())
        }),
    }
}

/// Four 7×7 kernels, ReLU, 2×2 max pooling and a dense head over a 512² painting: what the
/// painter recomputes when the whole image changes (the target is one 16 ms frame).
fn conv_pipeline() -> Workload {
    let input = painting(512);
    let bank = KernelBank::from_kernels(&(0..4).map(|k| kernel(7, k)).collect::<Vec<_>>());
    let config = PipelineConfig {
        pool: Some(PoolConfig::default()),
        ..PipelineConfig::default()
    };
    let mut pipeline = Pipeline::new(config, bank);
    Workload {
        name: "conv_pipeline_4x7x7_512",
        description: "four 7×7 kernels + ReLU + 2×2 max pool + dense head on 512×512",
        run: Box::new(move || {
            pipeline.run(&input);
            let pooled = pipeline.pooled().map_or(0.0, |p| checksum(p.data()));
            checksum(pipeline.activated().data()) + pooled + checksum(pipeline.output())
        }),
    }
}

/// The spiral's training points through φ = (x1, x2), and a tanh network of `layers`
/// hidden layers of `units` each, as the decision-boundary screen builds them.
fn boundaries_setup(layers: usize, units: usize) -> (FeatureSet, Samples, Mlp) {
    let data = Dataset::generate(&DatasetConfig {
        kind: DatasetKind::Spiral,
        ..DatasetConfig::default()
    });
    let features = FeatureSet::raw();
    let samples = Samples::new(&features, &data.train);
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
    (features, samples, mlp)
}

/// One training frame of the decision-boundary screen (issue 3): an epoch over 250 points
/// and every unit's value over a 100×100 grid.
fn boundaries_frame(name: &'static str, layers: usize, units: usize) -> Workload {
    let (features, samples, mut mlp) = boundaries_setup(layers, units);
    let train = TrainConfig::default();
    let mut grid = GridEval::new(&features, 100, (-6.0, 6.0));
    let mut rng = Rng::seeded(1);
    Workload {
        name,
        description: "one epoch over 250 points + every unit over a 100×100 grid",
        run: Box::new(move || {
            let loss = mlp
                .train_epoch(&samples, &train, &mut rng)
                .unwrap_or(f64::NAN);
            grid.evaluate(&mlp);
            loss + grid_checksum(&grid, layers, units)
        }),
    }
}

/// The training half of [`boundaries_frame`]: one epoch over 250 points, batch size 10.
fn boundaries_epoch(name: &'static str, layers: usize, units: usize) -> Workload {
    let (_, samples, mut mlp) = boundaries_setup(layers, units);
    let train = TrainConfig::default();
    let mut rng = Rng::seeded(1);
    Workload {
        name,
        description: "one epoch over 250 points (batch size 10)",
        run: Box::new(move || {
            mlp.train_epoch(&samples, &train, &mut rng)
                .unwrap_or(f64::NAN)
        }),
    }
}

/// The drawing half of [`boundaries_frame`]: every unit over a 100×100 grid.
fn boundaries_grid(name: &'static str, layers: usize, units: usize) -> Workload {
    let (features, _, mlp) = boundaries_setup(layers, units);
    let mut grid = GridEval::new(&features, 100, (-6.0, 6.0));
    Workload {
        name,
        description: "every unit over a 100×100 grid",
        run: Box::new(move || {
            grid.evaluate(&mlp);
            grid_checksum(&grid, layers, units)
        }),
    }
}

/// An LSTM forward pass recording every gate: input 8, T = 100 (issue 6: a plain JS LSTM
/// needs ~1.8 ms at hidden 32 and ~20 ms at hidden 128 on this machine kind).
fn lstm_forward(name: &'static str, hidden: usize) -> Workload {
    let model = Model::<f32>::new(ModelConfig {
        variant: Variant::Lstm,
        input_size: 8,
        hidden_size: hidden,
        output_size: 8,
        ..ModelConfig::default()
    });
    let mut rng = Rng::seeded(2);
    let inputs: Vec<Vec<f32>> = (0..100)
        .map(|_| (0..8).map(|_| rng.normal() as f32).collect())
        .collect();
    Workload {
        name,
        description: "LSTM forward pass, input 8, T = 100, every gate recorded",
        run: Box::new(move || {
            let trace = model.forward(&inputs);
            trace
                .quantities
                .iter()
                .map(|q| q.values.iter().map(|&v| f64::from(v)).sum::<f64>())
                .sum()
        }),
    }
}

/// 100 steps of the deep screen's default run (1,297 training digits), in phase `advances`:
/// 0 pretrains the first autoencoder (64→32), 4 fine-tunes both nets
/// (64→32→32→32→32→10; the budget is lifted so every iteration trains).
/// Returns the sum of the steps' mini-batch losses.
fn deep_steps(name: &'static str, advances: usize) -> Workload {
    const DIGITS_CSV: &str = include_str!("../../../web/data/digits.csv");
    let digits = Digits::parse_csv(DIGITS_CSV).expect("the shipped digits are valid");
    let config = PretrainConfig {
        fine_tune_steps: usize::MAX,
        ..PretrainConfig::default()
    };
    let mut trainer = Pretrainer::new(&digits, &config);
    for _ in 0..advances {
        trainer.run(1);
        trainer.advance();
    }
    Workload {
        name,
        description: "100 mini-batch steps of the deep screen's default run",
        run: Box::new(move || {
            (0..100)
                .filter_map(|_| trainer.run(1))
                .map(|report| report.loss + report.baseline_loss.unwrap_or(0.0))
                .sum()
        }),
    }
}

/// One epoch of the CNN screen's default run (issue 17): 1,438 training digits in
/// mini-batches of 32 through 8 kernels of 3×3, ReLU, 2×2 max pooling and a 128 → 10 layer,
/// forward, backward and Adam (the target is well under a second in Chromium). Returns the
/// epoch's mean loss plus the sum of the kernels, so the updates are counted too.
fn cnn_epoch() -> Workload {
    const DIGITS_CSV: &str = include_str!("../../../web/data/digits.csv");
    let digits = Digits::parse_csv(DIGITS_CSV).expect("the shipped digits are valid");
    let images = ImageSet::from_digits(&digits);
    let mut trainer = CnnTrainer::new(&images, &CnnConfig::default(), &CnnTrainConfig::default())
        .expect("the default settings are valid");
    Workload {
        name: "cnn_epoch",
        description: "one epoch of the CNN on 1,438 digits (8 3×3 kernels, batch 32, Adam)",
        run: Box::new(move || {
            let loss = trainer.epoch().map_or(f64::NAN, f64::from);
            loss + checksum(trainer.net().conv().kernels.weights())
        }),
    }
}

/// Value and derivative of every activation over a 256×256 grid of pre-activations.
fn activation_grid() -> Workload {
    let zs: Vec<f64> = (0..256 * 256).map(|i| (i as f64 / 4096.0) - 8.0).collect();
    Workload {
        name: "activations_256x256",
        description: "every activation and its derivative at 65,536 points",
        run: Box::new(move || {
            let mut sum = 0.0;
            for a in Activation::ALL {
                for &z in &zs {
                    sum += a.value(z) + a.derivative(z);
                }
            }
            sum
        }),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn workloads_have_unique_names_and_run() {
        let mut all = workloads();
        let mut names: Vec<_> = all.iter().map(|w| w.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        for w in &mut all {
            let sum = (w.run)();
            assert!(
                sum.is_finite() && sum != 0.0,
                "{} produced the checksum {sum}: its work is not all counted",
                w.name
            );
        }
    }
}
