//! Convolutional networks (lecture §6): a kernel slid over an image gives a feature map,
//! pooling shrinks the maps, a fully connected layer classifies them.
//!
//! With input channels `c`, kernels `k`, stride `s` and zero padding `p_top`, `p_left`:
//!
//! `out[k](y, x) = Σ_c Σ_{i,j} in[c](s·y + i − p_top, s·x + j − p_left) · w[k][c](i, j) + b[k]`
//!
//! This is cross-correlation, what CNN libraries call "convolution" and what the lecture
//! computes (patch ⊙ kernel, then sum: 6600 for its curve detector). The flipped, "true"
//! convolution uses `w[k][c](k_h − 1 − i, k_w − 1 − j)` instead ([`ConvConfig::flip`]).
//!
//! The output size along one axis is `out = (in + p_before + p_after − k) / s + 1`
//! ([`output_size`], the only place it is written). The parameters of a convolutional
//! layer depend on kernel size and count only, not on the image size
//! ([`parameter_counts`]).
//!
//! Layout: a [`FeatureMap`] is planar (one row-major plane per channel) `f32` data.
//! Every hot-path function writes into a caller-provided map that is reallocated only
//! when its shape changes; [`Pipeline`] owns all of its scratch buffers and is what a
//! screen calls on every brush stroke, recomputing only the dirty rectangle.

mod cell;
mod convolve;
mod dense;
mod kernel;
mod map;
mod pack;
mod params;
mod pipeline;
mod pool;
#[cfg(test)]
mod reference;

pub use cell::{CellError, parse_cell, parse_grid, update_cell};
pub use convolve::{
    ConvConfig, Padding, Pads, ReceptiveField, Term, affected_output_rect, convolve, convolve_into,
    convolve_region, output_size, receptive_field,
};
pub use dense::Dense;
pub use kernel::{
    CURVE_DETECTOR, Kernel, KernelBank, KernelPreset, LECTURE_PATCH, LECTURE_RESPONSE,
    MAX_KERNEL_SIZE, PRESETS, preset,
};
pub use map::{FeatureMap, Rect};
pub use pack::{PACK_LEVELS, PackError, Pixels, pack_pixels, to_pack_levels, unpack_pixels};
pub use params::{ParameterConfig, ParameterCounts, parameter_counts};
pub use pipeline::{Pipeline, PipelineConfig};
pub use pool::{PoolConfig, PoolKind, affected_pool_rect, pool, pool_into, pool_region};
