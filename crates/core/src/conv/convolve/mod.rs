//! The convolution itself: `out[k](y, x) = Σ_c Σ_{i,j} in[c](s·y + i − p_top, s·x + j − p_left)
//! · w[k][c](i, j) + b[k]`, with zero padding, full or over a dirty rectangle only, and the
//! receptive field of one output pixel as plain data.
//!
//! The hot loop runs over output rows: for each kernel tap it adds `w · input_row[..]` into
//! a slice of the output row, over the range of columns where that tap lands inside the
//! image (zero padding contributes nothing, so it is never read). Those plain slice zips
//! are what LLVM turns into SIMD (`+simd128` in the wasm build).

mod blocked;
mod field;
#[cfg(test)]
mod tests;
mod three;

use serde::{Deserialize, Serialize};

use super::kernel::KernelBank;
use super::map::{FeatureMap, Rect};

pub use field::{ReceptiveField, Term, receptive_field};

/// How many zero rows and columns surround the input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Padding {
    /// No padding: only positions where the kernel fits inside, `out = (in − k)/s + 1`.
    Valid,
    /// Zero padding that keeps the size at stride 1 (`out = ⌈in / s⌉` in general): the
    /// kernel's centre cell, row and column `⌊(k − 1)/2⌋`, lies over input pixel `(s·x, s·y)`.
    /// For an even `k` there is no middle cell, and this picks the upper-left of the central
    /// ones, so the kernel reaches one pixel further right/down than left/up:
    /// `p_before = ⌊(k − 1)/2⌋`, `p_after = ⌈(k − 1)/2⌉`. With [`ConvConfig::flip`] the
    /// kernel is rotated 180° about that same cell, so the two swap. This is SciPy's
    /// `correlate2d`/`convolve2d(mode="same")` (and PyTorch's `padding="same"` at stride 1).
    #[default]
    Same,
    /// This many zeros on every side.
    Zero(usize),
}

impl Padding {
    /// Zeros `(before, after)` along an axis where the kernel has `k` taps.
    pub fn amounts(self, k: usize, flip: bool) -> (usize, usize) {
        match self {
            Padding::Valid => (0, 0),
            Padding::Same => {
                let centre = (k - 1) / 2;
                let before = if flip { k - 1 - centre } else { centre };
                (before, k - 1 - before)
            }
            Padding::Zero(p) => (p, p),
        }
    }
}

/// Stride, padding and orientation of a convolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConvConfig {
    /// Step between neighbouring output pixels, in input pixels (≥ 1).
    pub stride: usize,
    /// Zero padding around the input.
    pub padding: Padding,
    /// `false`: cross-correlation (what CNNs compute and the lecture shows); `true`: the
    /// flipped, "true" convolution of signal processing.
    pub flip: bool,
}

impl Default for ConvConfig {
    fn default() -> Self {
        Self {
            stride: 1,
            padding: Padding::Same,
            flip: false,
        }
    }
}

/// The zero padding on the four sides, in input pixels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Pads {
    /// Columns of zeros on the left.
    pub left: usize,
    /// Columns of zeros on the right.
    pub right: usize,
    /// Rows of zeros on top.
    pub top: usize,
    /// Rows of zeros at the bottom.
    pub bottom: usize,
}

impl ConvConfig {
    /// The padding for a `kernel_rows × kernel_cols` kernel.
    pub fn pads(&self, kernel_rows: usize, kernel_cols: usize) -> Pads {
        let (top, bottom) = self.padding.amounts(kernel_rows, self.flip);
        let (left, right) = self.padding.amounts(kernel_cols, self.flip);
        Pads {
            left,
            right,
            top,
            bottom,
        }
    }

    /// `(rows, cols)` of the feature maps for an input of `input_rows × input_cols` and a
    /// kernel of `kernel_rows × kernel_cols`.
    pub fn output_shape(
        &self,
        input_rows: usize,
        input_cols: usize,
        kernel_rows: usize,
        kernel_cols: usize,
    ) -> (usize, usize) {
        assert!(self.stride > 0, "the stride must be at least 1");
        let p = self.pads(kernel_rows, kernel_cols);
        (
            output_size(input_rows, kernel_rows, p.top, p.bottom, self.stride),
            output_size(input_cols, kernel_cols, p.left, p.right, self.stride),
        )
    }
}

/// The output size along one axis: `out = (in + p_before + p_after − k) / s + 1`, or 0
/// when the kernel does not fit even once into the padded input.
pub fn output_size(
    input: usize,
    kernel: usize,
    pad_before: usize,
    pad_after: usize,
    stride: usize,
) -> usize {
    assert!(stride > 0, "the stride must be at least 1");
    let padded = input + pad_before + pad_after;
    if padded < kernel {
        0
    } else {
        (padded - kernel) / stride + 1
    }
}

/// Output positions `o` (a range) where tap `t` lands inside `0..input`:
/// `0 ≤ s·o + t − before < input`.
fn tap_range(t: usize, before: usize, stride: usize, input: usize) -> (usize, usize) {
    let lo = before.saturating_sub(t).div_ceil(stride);
    let hi = if input + before <= t {
        0
    } else {
        (input + before - t).div_ceil(stride)
    };
    (lo, hi)
}

/// Output positions `o` (a range, clipped to `0..output`) whose window of `k` taps covers
/// any input position in `lo..hi`. Shared by convolution and pooling.
pub(super) fn affected_range(
    lo: usize,
    hi: usize,
    k: usize,
    before: usize,
    stride: usize,
    output: usize,
) -> (usize, usize) {
    if hi <= lo {
        return (0, 0);
    }
    let first = (lo + before).saturating_sub(k - 1).div_ceil(stride);
    let last = ((hi - 1 + before) / stride + 1).min(output);
    (first.min(last), last)
}

/// The output rectangle that changes when the input changes inside `dirty`: what
/// [`convolve_region`] must recompute after a brush stroke.
pub fn affected_output_rect(
    config: &ConvConfig,
    bank: &KernelBank,
    input_rows: usize,
    input_cols: usize,
    dirty: Rect,
) -> Rect {
    let (kw, kh) = (bank.width(), bank.height());
    let (oh, ow) = config.output_shape(input_rows, input_cols, kh, kw);
    let p = config.pads(kh, kw);
    let dirty = dirty.intersect(Rect::full(input_rows, input_cols));
    let (x0, x1) = affected_range(dirty.x, dirty.right(), kw, p.left, config.stride, ow);
    let (y0, y1) = affected_range(dirty.y, dirty.bottom(), kh, p.top, config.stride, oh);
    if x1 <= x0 || y1 <= y0 {
        return Rect::default();
    }
    Rect::new(y0, x0, y1 - y0, x1 - x0)
}

/// Convolves `input` with every kernel of `bank` into `out`, which is reshaped only if its
/// shape is not already right (no allocation per frame).
pub fn convolve_into(
    input: &FeatureMap,
    bank: &KernelBank,
    config: &ConvConfig,
    out: &mut FeatureMap,
) {
    let (oh, ow) = config.output_shape(input.height(), input.width(), bank.height(), bank.width());
    out.reshape(bank.out_channels(), oh, ow);
    convolve_region(input, bank, config, Rect::full(oh, ow), out);
}

/// Convolves `input` with every kernel of `bank`, allocating the result.
///
/// The lecture's curve detector on its 7×7 patch (§6) answers 6600, a strong match:
///
/// ```
/// use nnp_core::conv::*;
///
/// let patch = FeatureMap::from_data(1, 7, 7, LECTURE_PATCH.to_vec());
/// let detector = KernelBank::from_kernels(&[Kernel::new(7, 7, CURVE_DETECTOR.to_vec())]);
/// let valid = ConvConfig {
///     padding: Padding::Valid,
///     ..ConvConfig::default()
/// };
/// let out = convolve(&patch, &detector, &valid);
/// assert_eq!(out.shape(), (1, 1, 1));
/// assert_eq!(out.data(), [6600.0]);
/// // With "same" padding the map keeps its size and the match sits at the centre.
/// let same = convolve(&patch, &detector, &ConvConfig::default());
/// assert_eq!((same.shape(), same.get(0, 3, 3)), ((1, 7, 7), LECTURE_RESPONSE));
/// ```
pub fn convolve(input: &FeatureMap, bank: &KernelBank, config: &ConvConfig) -> FeatureMap {
    let mut out = FeatureMap::default();
    convolve_into(input, bank, config, &mut out);
    out
}

/// Recomputes only the output pixels inside `region` (clipped to the output); the rest
/// of `out` is left as it was. `out` must already have the output's shape.
pub fn convolve_region(
    input: &FeatureMap,
    bank: &KernelBank,
    config: &ConvConfig,
    region: Rect,
    out: &mut FeatureMap,
) {
    assert_eq!(
        input.channels(),
        bank.in_channels(),
        "the input has {} channels but the kernels expect {}",
        input.channels(),
        bank.in_channels()
    );
    let (kw, kh) = (bank.width(), bank.height());
    let (in_w, in_h) = (input.width(), input.height());
    let (oh, ow) = config.output_shape(in_h, in_w, kh, kw);
    assert_eq!(
        out.shape(),
        (bank.out_channels(), oh, ow),
        "the output map must be {}×{oh}×{ow} (channels × rows × cols)",
        bank.out_channels()
    );
    let region = region.intersect(Rect::full(oh, ow));
    if region.is_empty() {
        return;
    }
    let s = config.stride;
    let p = config.pads(kh, kw);
    // Stride 1: the columns where the whole kernel lies inside go register-blocked.
    let (bx0, bx1) = if s == 1 {
        blocked::interior(region.x, region.right(), p.left, kw, in_w)
    } else {
        (region.x, region.x)
    };
    // With `flip`, kernel k's planes rotated by 180°.
    let plane_len = kh * kw;
    let mut flipped = vec![
        0.0f32;
        if config.flip {
            bank.in_channels() * plane_len
        } else {
            0
        }
    ];
    for k in 0..bank.out_channels() {
        let bias = bank.bias()[k];
        let out_plane = out.plane_mut(k);
        if config.flip {
            for (c, plane) in flipped.chunks_exact_mut(plane_len).enumerate() {
                plane
                    .iter_mut()
                    .zip(bank.plane(k, c).iter().rev())
                    .for_each(|(f, w)| *f = *w);
            }
        }
        for oy in region.y..region.bottom() {
            let row_start = oy * ow;
            let row = &mut out_plane[row_start + region.x..row_start + region.right()];
            row.fill(bias);
            for c in 0..bank.in_channels() {
                let in_plane = input.plane(c);
                let weights = bank.plane(k, c);
                let weights = if config.flip {
                    &flipped[c * plane_len..(c + 1) * plane_len]
                } else {
                    weights
                };
                for i in 0..kh {
                    // Input row s·oy + i − top; rows in the padding add nothing.
                    let iy = oy * s + i;
                    if iy < p.top || iy - p.top >= in_h {
                        continue;
                    }
                    let iy = iy - p.top;
                    let in_row = &in_plane[iy * in_w..(iy + 1) * in_w];
                    let w_row = &weights[i * kw..(i + 1) * kw];
                    for (j, &w) in w_row.iter().enumerate() {
                        if w == 0.0 {
                            continue;
                        }
                        let (lo, hi) = tap_range(j, p.left, s, in_w);
                        let (lo, hi) = (lo.max(region.x), hi.min(region.right()));
                        // Left and right of the blocked columns, tap by tap.
                        for (lo, hi) in [(lo, hi.min(bx0)), (lo.max(bx1), hi)] {
                            if lo < hi {
                                let dst = &mut row[lo - region.x..hi - region.x];
                                let first = lo * s + j - p.left;
                                accumulate(dst, &in_row[first..], w, s);
                            }
                        }
                    }
                }
            }
        }
        if bx1 > bx0 {
            let weights = |c: usize| {
                if config.flip {
                    &flipped[c * plane_len..(c + 1) * plane_len]
                } else {
                    bank.plane(k, c)
                }
            };
            blocked::blocked_rows(
                input,
                weights,
                (kh, kw, p.top, p.left),
                region,
                (bx0, bx1),
                ow,
                out_plane,
            );
        }
    }
}

/// `dst[n] += w · src[s·n]`, written so the stride-1 case vectorises.
#[inline(always)]
fn accumulate(dst: &mut [f32], src: &[f32], w: f32, stride: usize) {
    if stride == 1 {
        let src = &src[..dst.len()];
        for (o, &v) in dst.iter_mut().zip(src) {
            *o += w * v;
        }
    } else if let Some((last, body)) = dst.split_last_mut() {
        // Every output but the last owns a whole chunk of `stride` inputs.
        let src = &src[..body.len() * stride + 1];
        for (o, chunk) in body.iter_mut().zip(src.chunks_exact(stride)) {
            *o += w * chunk[0];
        }
        *last += w * src[body.len() * stride];
    }
}
