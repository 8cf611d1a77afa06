//! Every unit of a network over an n×n grid of the plane, computed as a batch: per chunk of
//! grid points, layer by layer, `z_j = b_j + Σ_i w_ji a_i` over contiguous `f32` rows that
//! the compiler vectorises. Each feature, hidden unit and the output gets one `f32` buffer
//! of n² values: row `r` (top to bottom, x2 falling), column `c` (left to right, x1 rising),
//! at index `r·n + c`, sampled at cell centres.

use super::Mlp;
use crate::activation::Activation;
use crate::features::FeatureSet;

/// Grid points computed together; one chunk of every layer stays in the L1 cache and each
/// row is a fixed-size array the compiler keeps in SIMD registers.
const CHUNK: usize = 16;

/// φ over a fixed grid (computed once) and, after [`evaluate`](Self::evaluate), every
/// unit of a network over the same grid; buffers are reused from call to call.
#[derive(Debug, Clone)]
pub struct GridEval {
    n: usize,
    range: (f64, f64),
    dim: usize,
    /// `dim × n²`: feature k's grid at `k·n²`.
    inputs: Vec<f32>,
    /// Per layer, `units × n²`.
    layers: Vec<Vec<f32>>,
    weights: Vec<Vec<f32>>,
    biases: Vec<Vec<f32>>,
    current: Vec<[f32; CHUNK]>,
    next: Vec<[f32; CHUNK]>,
}

impl GridEval {
    /// Samples φ on an `n × n` grid over `range × range` (e.g. [`crate::dataset::RANGE`]).
    /// Build a new one when φ, `n` or the range change; φ is not recomputed per frame.
    pub fn new(features: &FeatureSet, n: usize, range: (f64, f64)) -> Self {
        assert!(n > 0, "a grid needs at least one cell");
        let dim = features.len();
        let np = n * n;
        let mut inputs = vec![0.0f32; dim * np];
        let mut phi = vec![0.0; dim];
        let mut grid = Self {
            n,
            range,
            dim,
            inputs: Vec::new(),
            layers: Vec::new(),
            weights: Vec::new(),
            biases: Vec::new(),
            current: Vec::new(),
            next: Vec::new(),
        };
        for row in 0..n {
            for col in 0..n {
                let (x1, x2) = grid.point(row, col);
                features.map(x1, x2, &mut phi);
                for (k, v) in phi.iter().enumerate() {
                    inputs[k * np + row * n + col] = *v as f32;
                }
            }
        }
        grid.inputs = inputs;
        grid
    }

    /// Cells per side.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The range of both axes.
    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The point `(x1, x2)` at the centre of cell (`row`, `col`); row 0 is the top (largest x2).
    pub fn point(&self, row: usize, col: usize) -> (f64, f64) {
        let (lo, hi) = self.range;
        let step = (hi - lo) / self.n as f64;
        (
            lo + (col as f64 + 0.5) * step,
            hi - (row as f64 + 0.5) * step,
        )
    }

    /// Feature `k` of φ over the grid (n² values).
    pub fn input(&self, k: usize) -> &[f32] {
        assert!(k < self.dim, "φ has {} features", self.dim);
        let np = self.n * self.n;
        &self.inputs[k * np..(k + 1) * np]
    }

    /// Number of evaluated layers (hidden layers and the output), 0 before `evaluate`.
    pub fn layer_count(&self) -> usize {
        self.layers.len()
    }

    /// Unit `unit` of layer `layer` (hidden layers first, the output last) over the grid,
    /// after the activation.
    pub fn unit(&self, layer: usize, unit: usize) -> &[f32] {
        let np = self.n * self.n;
        &self.layers[layer][unit * np..(unit + 1) * np]
    }

    /// The score over the grid (the output unit), after [`evaluate`](Self::evaluate).
    pub fn output(&self) -> &[f32] {
        assert!(!self.layers.is_empty(), "evaluate the grid first");
        self.unit(self.layers.len() - 1, 0)
    }

    /// Computes every unit of `mlp` at every grid point into the grid's buffers.
    pub fn evaluate(&mut self, mlp: &Mlp) {
        assert_eq!(
            mlp.inputs(),
            self.dim,
            "the grid has {} features, the network {} inputs",
            self.dim,
            mlp.inputs()
        );
        let np = self.n * self.n;
        let layer_count = mlp.layers().len();
        self.layers.resize(layer_count, Vec::new());
        self.weights.resize(layer_count, Vec::new());
        self.biases.resize(layer_count, Vec::new());
        for (l, layer) in mlp.layers().iter().enumerate() {
            self.layers[l].resize(layer.units * np, 0.0);
            self.weights[l].clear();
            self.weights[l].extend(mlp.weights(l).iter().map(|w| *w as f32));
            self.biases[l].clear();
            self.biases[l].extend((0..layer.units).map(|j| mlp.bias(l, j) as f32));
        }
        for start in (0..np).step_by(CHUNK) {
            let len = CHUNK.min(np - start);
            self.current.clear();
            for k in 0..self.dim {
                let mut row = [0.0f32; CHUNK];
                row[..len].copy_from_slice(&self.inputs[k * np + start..][..len]);
                self.current.push(row);
            }
            for (l, layer) in mlp.layers().iter().enumerate() {
                self.next.clear();
                let (weights, biases) = (&self.weights[l], &self.biases[l]);
                let mut j = 0;
                // Two units at a time share each load of the layer below.
                while j < layer.units {
                    let pair = j + 1 < layer.units;
                    let mut acc0 = [biases[j]; CHUNK];
                    let mut acc1 = [if pair { biases[j + 1] } else { 0.0 }; CHUNK];
                    let w0 = &weights[j * layer.inputs..][..layer.inputs];
                    if pair {
                        let w1 = &weights[(j + 1) * layer.inputs..][..layer.inputs];
                        for ((&u, &v), a) in w0.iter().zip(w1).zip(&self.current) {
                            for ((z0, z1), x) in acc0.iter_mut().zip(acc1.iter_mut()).zip(a) {
                                *z0 += u * x;
                                *z1 += v * x;
                            }
                        }
                    } else {
                        for (&u, a) in w0.iter().zip(&self.current) {
                            for (z0, x) in acc0.iter_mut().zip(a) {
                                *z0 += u * x;
                            }
                        }
                    }
                    for (k, acc) in
                        [acc0, acc1]
                            .iter_mut()
                            .enumerate()
                            .take(if pair { 2 } else { 1 })
                    {
                        activate(layer.activation, acc);
                        self.layers[l][(j + k) * np + start..][..len].copy_from_slice(&acc[..len]);
                        self.next.push(*acc);
                    }
                    j += 2;
                }
                std::mem::swap(&mut self.current, &mut self.next);
            }
        }
    }
}

/// Applies an activation to a chunk, with branch-free `f32` formulas that vectorise.
fn activate(activation: Activation, z: &mut [f32; CHUNK]) {
    match activation {
        Activation::Linear => {}
        Activation::Relu => z.iter_mut().for_each(|v| *v = v.max(0.0)),
        Activation::Tanh => z.iter_mut().for_each(|v| *v = fast_tanh(*v)),
        Activation::Logistic => z
            .iter_mut()
            .for_each(|v| *v = 0.5 + 0.5 * fast_tanh(0.5 * *v)),
        Activation::Sign => z.iter_mut().for_each(|v| {
            *v = if *v > 0.0 {
                1.0
            } else if *v < 0.0 {
                -1.0
            } else {
                0.0
            }
        }),
    }
}

/// `tanh` in `f32` as a rational function on `[−7.9, 7.9]` (Eigen's `fast_tanh_float`),
/// within 1e-6 of the true value; beyond that range tanh is ±1 in `f32`.
pub(crate) fn fast_tanh(x: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    const A1: f32 = 4.893_524_6e-3;
    const A3: f32 = 6.372_619e-4;
    const A5: f32 = 1.485_722_4e-5;
    const A7: f32 = 5.122_297e-8;
    const A9: f32 = -8.604_672e-11;
    const A11: f32 = 2.000_188e-13;
    const A13: f32 = -2.760_768_5e-16;
    const B0: f32 = 4.893_525e-3;
    const B2: f32 = 2.268_434_7e-3;
    const B4: f32 = 1.185_347e-4;
    const B6: f32 = 1.198_258_4e-6;
    let x = x.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let p = x * (A1 + x2 * (A3 + x2 * (A5 + x2 * (A7 + x2 * (A9 + x2 * (A11 + x2 * A13))))));
    let q = B0 + x2 * (B2 + x2 * (B4 + x2 * B6));
    p / q
}
