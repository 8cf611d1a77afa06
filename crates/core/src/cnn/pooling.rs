//! Pooling with its backward pass. Each `size × size` block taken every `stride` pixels
//! (no padding, a partial block at the edge is dropped) becomes one value:
//!
//! - max: `out(y, x) = in(a(y, x))` where `a(y, x)` is the position of the largest value in
//!   the block (the first one in row-major order on ties); it is remembered so that
//!   `∂L/∂in(a(y, x)) += ∂L/∂out(y, x)` and every other pixel of the block gets nothing;
//! - average: `out(y, x) = (1/size²) Σ_{i,j} in(s·y + i, s·x + j)`, so every pixel of the
//!   block gets `∂L/∂out(y, x) / size²`.
//!
//! The values equal [`pool_into`](crate::conv::pool_into)'s; this version also records the
//! argmax that the backward pass needs.

use crate::conv::{FeatureMap, PoolConfig, PoolKind};

/// Pools `input` into `out` (reshaped only when its shape is wrong). For max pooling
/// `argmax[o]` receives, for output value `o` (planar index), the planar index of the input
/// pixel it came from; `argmax` is resized, keeping its allocation.
pub fn pool_forward(
    input: &FeatureMap,
    config: &PoolConfig,
    out: &mut FeatureMap,
    argmax: &mut Vec<usize>,
) {
    let (channels, rows, cols) = input.shape();
    let (oh, ow) = config.output_shape(rows, cols);
    out.reshape(channels, oh, ow);
    argmax.resize(channels * oh * ow, 0);
    let area = (config.size * config.size) as f32;
    let data = input.data();
    for c in 0..channels {
        let plane = c * rows * cols;
        for y in 0..oh {
            for x in 0..ow {
                let o = (c * oh + y) * ow + x;
                let (top, left) = (y * config.stride, x * config.stride);
                let mut best = (f32::NEG_INFINITY, plane + top * cols + left);
                let mut sum = 0.0;
                for i in 0..config.size {
                    for j in 0..config.size {
                        let at = plane + (top + i) * cols + left + j;
                        let v = data[at];
                        sum += v;
                        if v > best.0 {
                            best = (v, at);
                        }
                    }
                }
                out.data_mut()[o] = match config.kind {
                    PoolKind::Max => {
                        argmax[o] = best.1;
                        data[best.1]
                    }
                    PoolKind::Average => sum / area,
                };
            }
        }
    }
}

/// Writes `∂L/∂in` into `grad_input`, shaped `input_shape` `(channels, rows, cols)`, from
/// `grad_output` and the `argmax` of the forward pass (unused for average pooling).
pub fn pool_backward(
    input_shape: (usize, usize, usize),
    config: &PoolConfig,
    grad_output: &FeatureMap,
    argmax: &[usize],
    grad_input: &mut FeatureMap,
) {
    let (channels, rows, cols) = input_shape;
    let (oh, ow) = config.output_shape(rows, cols);
    assert_eq!(
        grad_output.shape(),
        (channels, oh, ow),
        "the output gradient must be shaped like the pooled maps"
    );
    grad_input.reshape(channels, rows, cols);
    let g = grad_input.data_mut();
    g.fill(0.0);
    match config.kind {
        PoolKind::Max => {
            assert_eq!(
                argmax.len(),
                grad_output.data().len(),
                "one argmax per pooled value"
            );
            for (&at, &d) in argmax.iter().zip(grad_output.data()) {
                g[at] += d;
            }
        }
        PoolKind::Average => {
            let share = 1.0 / (config.size * config.size) as f32;
            for c in 0..channels {
                for y in 0..oh {
                    for x in 0..ow {
                        let d = grad_output.get(c, y, x) * share;
                        let (top, left) = (y * config.stride, x * config.stride);
                        for i in 0..config.size {
                            let row = (c * rows + top + i) * cols + left;
                            for t in &mut g[row..row + config.size] {
                                *t += d;
                            }
                        }
                    }
                }
            }
        }
    }
}
