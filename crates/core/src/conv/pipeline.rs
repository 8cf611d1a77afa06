//! A small convolutional network as the screen runs it on every brush stroke:
//! kernels → activation → pooling → fully connected,
//! `y = a_dense(W · flatten(pool(a(Σ_c in[c] ⋆ w[k][c] + b[k]))) + b_dense)`.
//! It owns every intermediate buffer and rewrites them in place; after a stroke only the
//! rectangle of maps the stroke can reach is recomputed.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::rng::Rng;

use super::convolve::{ConvConfig, affected_output_rect, convolve_into, convolve_region};
use super::dense::Dense;
use super::kernel::KernelBank;
use super::map::{FeatureMap, Rect};
use super::pool::{PoolConfig, affected_pool_rect, pool_into, pool_region};

/// The stages of a [`Pipeline`] apart from the kernel weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PipelineConfig {
    /// Stride, padding and orientation of the convolution.
    pub conv: ConvConfig,
    /// Activation applied to every feature map value.
    pub activation: Activation,
    /// Pooling after the activation, or none.
    pub pool: Option<PoolConfig>,
    /// Number of outputs of the fully connected layer (0: no such layer).
    pub dense_outputs: usize,
    /// Activation of the fully connected layer.
    pub dense_activation: Activation,
    /// Seed of the fully connected layer's random weights, drawn again whenever the size
    /// of the pooled maps changes.
    pub seed: u64,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        Self {
            conv: ConvConfig::default(),
            activation: Activation::Relu,
            pool: Some(PoolConfig::default()),
            dense_outputs: 2,
            dense_activation: Activation::Logistic,
            seed: 1,
        }
    }
}

/// Kernels, activation, pooling and a dense layer, with their scratch buffers.
#[derive(Debug, Clone)]
pub struct Pipeline {
    config: PipelineConfig,
    kernels: KernelBank,
    dense: Dense,
    /// The seed `dense` was drawn from.
    dense_seed: u64,
    /// Shape of the input of the last full run, `None` when the stages are stale.
    last_input: Option<(usize, usize, usize)>,
    maps: FeatureMap,
    activated: FeatureMap,
    pooled: FeatureMap,
    output: Vec<f32>,
}

impl Pipeline {
    /// A pipeline; nothing is computed until [`run`](Self::run).
    pub fn new(config: PipelineConfig, kernels: KernelBank) -> Self {
        Self {
            config,
            kernels,
            dense: Dense::new(0, 0, config.dense_activation),
            dense_seed: config.seed,
            last_input: None,
            maps: FeatureMap::default(),
            activated: FeatureMap::default(),
            pooled: FeatureMap::default(),
            output: Vec::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    /// Replaces the configuration; the next run recomputes everything.
    pub fn set_config(&mut self, config: PipelineConfig) {
        self.config = config;
        self.last_input = None;
    }

    /// The kernels.
    pub fn kernels(&self) -> &KernelBank {
        &self.kernels
    }

    /// The kernels, to edit; the next run recomputes everything.
    pub fn kernels_mut(&mut self) -> &mut KernelBank {
        self.last_input = None;
        &mut self.kernels
    }

    /// The fully connected layer (sized by the last run).
    pub fn dense(&self) -> &Dense {
        &self.dense
    }

    /// The feature maps before the activation, `Σ_c in[c] ⋆ w[k][c] + b[k]`.
    pub fn maps(&self) -> &FeatureMap {
        &self.maps
    }

    /// The feature maps after the activation.
    pub fn activated(&self) -> &FeatureMap {
        &self.activated
    }

    /// The pooled maps (`None` without pooling).
    pub fn pooled(&self) -> Option<&FeatureMap> {
        self.config.pool.map(|_| &self.pooled)
    }

    /// The fully connected layer's outputs.
    pub fn output(&self) -> &[f32] {
        &self.output
    }

    /// Recomputes every stage for `input`. Buffers are reallocated only when a shape
    /// changes.
    pub fn run(&mut self, input: &FeatureMap) {
        let cfg = self.config;
        convolve_into(input, &self.kernels, &cfg.conv, &mut self.maps);
        let (channels, rows, cols) = self.maps.shape();
        self.activated.reshape(channels, rows, cols);
        self.activated.data_mut().copy_from_slice(self.maps.data());
        cfg.activation.apply_in_place(self.activated.data_mut());
        if let Some(pool) = cfg.pool {
            pool_into(&self.activated, &pool, &mut self.pooled);
        }
        self.last_input = Some(input.shape());
        self.run_dense();
    }

    /// Recomputes the stages after the input changed inside `dirty` only, and returns the
    /// rectangle of feature maps that was recomputed. Falls back to [`run`](Self::run)
    /// (and returns the whole map) when the input's shape, the kernels or the
    /// configuration changed since the last run.
    pub fn run_region(&mut self, input: &FeatureMap, dirty: Rect) -> Rect {
        if self.last_input != Some(input.shape()) {
            self.run(input);
            return self.maps.rect();
        }
        let cfg = self.config;
        let region = affected_output_rect(
            &cfg.conv,
            &self.kernels,
            input.height(),
            input.width(),
            dirty,
        );
        convolve_region(input, &self.kernels, &cfg.conv, region, &mut self.maps);
        let w = self.maps.width();
        for c in 0..self.maps.channels() {
            let src = self.maps.plane(c);
            let dst = self.activated.plane_mut(c);
            for y in region.y..region.bottom() {
                let row = y * w + region.x..y * w + region.right();
                dst[row.clone()].copy_from_slice(&src[row.clone()]);
                cfg.activation.apply_in_place(&mut dst[row]);
            }
        }
        if let Some(pool) = cfg.pool {
            let pooled_region = affected_pool_rect(&pool, self.maps.height(), w, region);
            pool_region(&self.activated, &pool, pooled_region, &mut self.pooled);
        }
        self.run_dense();
        region
    }

    fn run_dense(&mut self) {
        let cfg = self.config;
        let x = if cfg.pool.is_some() {
            self.pooled.data()
        } else {
            self.activated.data()
        };
        if self.dense.inputs() != x.len()
            || self.dense.outputs() != cfg.dense_outputs
            || self.dense_seed != cfg.seed
        {
            let mut rng = Rng::seeded(cfg.seed);
            self.dense = Dense::random(x.len(), cfg.dense_outputs, cfg.dense_activation, &mut rng);
            self.dense_seed = cfg.seed;
        }
        self.dense.activation = cfg.dense_activation;
        self.output.resize(cfg.dense_outputs, 0.0);
        self.dense.forward_into(x, &mut self.output);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conv::convolve::{Padding, convolve};
    use crate::conv::kernel::{Kernel, preset};
    use crate::conv::pool::{PoolKind, pool};
    use crate::conv::reference::IMG;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn image() -> FeatureMap {
        FeatureMap::from_data(2, 6, 9, IMG.to_vec())
    }

    fn bank() -> KernelBank {
        let mut bank = KernelBank::new(3, 2, 3, 3);
        for (k, id) in ["sobel-x", "laplacian", "gaussian-blur"]
            .into_iter()
            .enumerate()
        {
            let weights = preset(id)
                .map(|p| p.kernel())
                .unwrap_or_else(|| Kernel::zeros(3, 3))
                .weights;
            bank.plane_mut(k, 0).copy_from_slice(&weights);
            bank.plane_mut(k, 1).copy_from_slice(&weights);
        }
        bank.bias_mut().copy_from_slice(&[0.5, -1.0, 0.0]);
        bank
    }

    #[test]
    fn stages_compose_convolution_activation_pooling_and_dense() {
        let config = PipelineConfig::default();
        let mut pipeline = Pipeline::new(config, bank());
        pipeline.run(&image());
        let maps = convolve(&image(), &bank(), &config.conv);
        assert_eq!(pipeline.maps(), &maps);
        let mut activated = maps.clone();
        activated
            .data_mut()
            .iter_mut()
            .for_each(|v| *v = v.max(0.0));
        assert_eq!(pipeline.activated(), &activated);
        let pooled = pool(&activated, &PoolConfig::default());
        assert_eq!(pipeline.pooled(), Some(&pooled));
        assert_eq!(pipeline.dense().inputs(), 4 * 3 * 3);
        let scores = pipeline.dense().forward(pooled.data());
        assert_eq!(pipeline.output(), scores.as_slice());
        assert_eq!(scores.len(), 2);
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    }

    #[test]
    fn brush_strokes_recompute_only_what_changes_and_match_a_full_run() {
        let configs = [
            PipelineConfig::default(),
            PipelineConfig {
                conv: ConvConfig {
                    stride: 2,
                    padding: Padding::Zero(2),
                    flip: true,
                },
                activation: Activation::Tanh,
                pool: Some(PoolConfig {
                    kind: PoolKind::Average,
                    size: 2,
                    stride: 1,
                }),
                ..PipelineConfig::default()
            },
            PipelineConfig {
                pool: None,
                dense_outputs: 3,
                ..PipelineConfig::default()
            },
        ];
        for config in configs {
            let mut incremental = Pipeline::new(config, bank());
            let mut input = image();
            incremental.run(&input);
            for (x, y) in [(1, 1), (8, 5), (4, 0)] {
                input.set(0, y, x, 9.0);
                input.set(1, y, x, -9.0);
                let region = incremental.run_region(&input, Rect::new(y, x, 1, 1));
                assert!(
                    region.width * region.height < incremental.maps().plane_len(),
                    "{config:?}: {region:?}"
                );
                let mut full = Pipeline::new(config, bank());
                full.run(&input);
                assert_eq!(incremental.maps(), full.maps(), "{config:?} at ({x}, {y})");
                assert_eq!(incremental.activated(), full.activated());
                assert_eq!(incremental.pooled(), full.pooled());
                assert_eq!(incremental.output(), full.output());
            }
        }
    }

    #[test]
    fn edits_and_new_shapes_trigger_a_full_run() {
        let mut pipeline = Pipeline::new(PipelineConfig::default(), bank());
        pipeline.run(&image());
        pipeline.kernels_mut().bias_mut()[2] = 10.0;
        let region = pipeline.run_region(&image(), Rect::new(0, 0, 1, 1));
        assert_eq!(region, Rect::full(6, 9));
        assert_eq!(
            pipeline.maps(),
            &convolve(&image(), pipeline.kernels(), &ConvConfig::default())
        );

        let bigger = FeatureMap::new(2, 10, 12);
        pipeline.run_region(&bigger, Rect::new(0, 0, 1, 1));
        assert_eq!(pipeline.maps().shape(), (3, 10, 12));
        assert_eq!(pipeline.pooled().map(|p| p.shape()), Some((3, 5, 6)));
        assert_eq!(pipeline.dense().inputs(), 6 * 5 * 3);
    }
}
