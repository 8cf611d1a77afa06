//! The convolution itself: `out[k](y, x) = Σ_c Σ_{i,j} in[c](s·y + i − p_top, s·x + j − p_left)
//! · w[k][c](i, j) + b[k]`, with zero padding, full or over a dirty rectangle only, and the
//! receptive field of one output pixel as plain data.
//!
//! The hot loop runs over output rows: for each kernel tap it adds `w · input_row[..]` into
//! a slice of the output row, over the range of columns where that tap lands inside the
//! image (zero padding contributes nothing, so it is never read). Those plain slice zips
//! are what LLVM turns into SIMD (`+simd128` in the wasm build).

use serde::{Deserialize, Serialize};

use super::kernel::KernelBank;
use super::map::{FeatureMap, Rect};

/// Largest kernel side the editor and the convolution accept.
pub const MAX_KERNEL_SIZE: usize = 15;

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
    /// The padding for a `kernel_width × kernel_height` kernel.
    pub fn pads(&self, kernel_width: usize, kernel_height: usize) -> Pads {
        let (left, right) = self.padding.amounts(kernel_width, self.flip);
        let (top, bottom) = self.padding.amounts(kernel_height, self.flip);
        Pads {
            left,
            right,
            top,
            bottom,
        }
    }

    /// `(width, height)` of the feature maps for an input of `input_width × input_height`.
    pub fn output_shape(
        &self,
        input_width: usize,
        input_height: usize,
        kernel_width: usize,
        kernel_height: usize,
    ) -> (usize, usize) {
        assert!(self.stride > 0, "the stride must be at least 1");
        let p = self.pads(kernel_width, kernel_height);
        (
            output_size(input_width, kernel_width, p.left, p.right, self.stride),
            output_size(input_height, kernel_height, p.top, p.bottom, self.stride),
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
    input_width: usize,
    input_height: usize,
    dirty: Rect,
) -> Rect {
    let (kw, kh) = (bank.width(), bank.height());
    let (ow, oh) = config.output_shape(input_width, input_height, kw, kh);
    let p = config.pads(kw, kh);
    let dirty = dirty.intersect(Rect::full(input_width, input_height));
    let (x0, x1) = affected_range(dirty.x, dirty.right(), kw, p.left, config.stride, ow);
    let (y0, y1) = affected_range(dirty.y, dirty.bottom(), kh, p.top, config.stride, oh);
    if x1 <= x0 || y1 <= y0 {
        return Rect::default();
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

/// Convolves `input` with every kernel of `bank` into `out`, which is reshaped only if its
/// shape is not already right (no allocation per frame).
pub fn convolve_into(
    input: &FeatureMap,
    bank: &KernelBank,
    config: &ConvConfig,
    out: &mut FeatureMap,
) {
    let (ow, oh) = config.output_shape(input.width(), input.height(), bank.width(), bank.height());
    out.reshape(ow, oh, bank.out_channels());
    convolve_region(input, bank, config, Rect::full(ow, oh), out);
}

/// Convolves `input` with every kernel of `bank`, allocating the result.
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
    let (ow, oh) = config.output_shape(in_w, in_h, kw, kh);
    assert_eq!(
        out.shape(),
        (ow, oh, bank.out_channels()),
        "the output map must be {ow}×{oh}×{}",
        bank.out_channels()
    );
    let region = region.intersect(Rect::full(ow, oh));
    if region.is_empty() {
        return;
    }
    let s = config.stride;
    let p = config.pads(kw, kh);
    for k in 0..bank.out_channels() {
        let bias = bank.bias()[k];
        let out_plane = out.plane_mut(k);
        for oy in region.y..region.bottom() {
            let row_start = oy * ow;
            let row = &mut out_plane[row_start + region.x..row_start + region.right()];
            row.fill(bias);
            for c in 0..bank.in_channels() {
                let in_plane = input.plane(c);
                let weights = bank.plane(k, c);
                for i in 0..kh {
                    // Input row s·oy + i − top; rows in the padding add nothing.
                    let iy = oy * s + i;
                    if iy < p.top || iy - p.top >= in_h {
                        continue;
                    }
                    let iy = iy - p.top;
                    let in_row = &in_plane[iy * in_w..(iy + 1) * in_w];
                    let wi = if config.flip { kh - 1 - i } else { i };
                    for j in 0..kw {
                        let wj = if config.flip { kw - 1 - j } else { j };
                        let w = weights[wi * kw + wj];
                        if w == 0.0 {
                            continue;
                        }
                        let (lo, hi) = tap_range(j, p.left, s, in_w);
                        let (lo, hi) = (lo.max(region.x), hi.min(region.right()));
                        if lo >= hi {
                            continue;
                        }
                        let dst = &mut row[lo - region.x..hi - region.x];
                        let first = lo * s + j - p.left;
                        accumulate(dst, &in_row[first..], w, s);
                    }
                }
            }
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

/// One multiply of the sum behind an output pixel.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// Input channel.
    pub channel: usize,
    /// Input column (negative or ≥ width in the zero padding).
    pub input_x: isize,
    /// Input row (negative or ≥ height in the zero padding).
    pub input_y: isize,
    /// Row of the weight in the kernel as stored (and edited).
    pub kernel_row: usize,
    /// Column of the weight in the kernel as stored (and edited).
    pub kernel_col: usize,
    /// The input value (0 in the padding).
    pub input: f32,
    /// The kernel weight.
    pub weight: f32,
    /// `input · weight`.
    pub product: f32,
    /// Whether the input position lies in the zero padding.
    pub padding: bool,
}

/// What one output pixel sees and how its value is made: the screen's multiply-and-sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceptiveField {
    /// The output map (kernel) index.
    pub out_channel: usize,
    /// Output column.
    pub x: usize,
    /// Output row.
    pub y: usize,
    /// Left column of the input window (may be negative: padding).
    pub input_x: isize,
    /// Top row of the input window (may be negative: padding).
    pub input_y: isize,
    /// Window width (the kernel width).
    pub width: usize,
    /// Window height (the kernel height).
    pub height: usize,
    /// The part of the window inside the image.
    pub inside: Rect,
    /// One term per input channel and kernel tap, channel by channel, row by row of the
    /// input window.
    pub terms: Vec<Term>,
    /// `Σ input · weight` over all terms.
    pub dot: f32,
    /// The kernel's bias.
    pub bias: f32,
    /// `bias + Σ input · weight`, equal to the convolution's output at this pixel.
    pub value: f32,
}

/// The receptive field of output pixel `(x, y)` of map `out_channel`.
pub fn receptive_field(
    input: &FeatureMap,
    bank: &KernelBank,
    config: &ConvConfig,
    out_channel: usize,
    x: usize,
    y: usize,
) -> ReceptiveField {
    assert_eq!(
        input.channels(),
        bank.in_channels(),
        "the kernels expect {} input channels",
        bank.in_channels()
    );
    let (kw, kh) = (bank.width(), bank.height());
    let (in_w, in_h) = (input.width(), input.height());
    let (ow, oh) = config.output_shape(in_w, in_h, kw, kh);
    assert!(
        x < ow && y < oh,
        "output pixel ({x}, {y}) outside a {ow}×{oh} map"
    );
    let p = config.pads(kw, kh);
    let x0 = (x * config.stride) as isize - p.left as isize;
    let y0 = (y * config.stride) as isize - p.top as isize;
    let bias = bank.bias()[out_channel];
    let mut terms = Vec::with_capacity(kw * kh * bank.in_channels());
    let (mut dot, mut value) = (0.0f32, bias);
    for c in 0..bank.in_channels() {
        let weights = bank.plane(out_channel, c);
        for i in 0..kh {
            for j in 0..kw {
                let (ix, iy) = (x0 + j as isize, y0 + i as isize);
                let padding = ix < 0 || iy < 0 || ix >= in_w as isize || iy >= in_h as isize;
                let v = if padding {
                    0.0
                } else {
                    input.get(c, ix as usize, iy as usize)
                };
                let (kernel_row, kernel_col) = if config.flip {
                    (kh - 1 - i, kw - 1 - j)
                } else {
                    (i, j)
                };
                let weight = weights[kernel_row * kw + kernel_col];
                let product = v * weight;
                dot += product;
                value += product;
                terms.push(Term {
                    channel: c,
                    input_x: ix,
                    input_y: iy,
                    kernel_row,
                    kernel_col,
                    input: v,
                    weight,
                    product,
                    padding,
                });
            }
        }
    }
    let clip = |start: isize, len: usize, size: usize| {
        let lo = start.clamp(0, size as isize) as usize;
        let hi = (start + len as isize).clamp(0, size as isize) as usize;
        (lo, hi)
    };
    let (ix0, ix1) = clip(x0, kw, in_w);
    let (iy0, iy1) = clip(y0, kh, in_h);
    ReceptiveField {
        out_channel,
        x,
        y,
        input_x: x0,
        input_y: y0,
        width: kw,
        height: kh,
        inside: Rect::new(ix0, iy0, ix1 - ix0, iy1 - iy0),
        terms,
        dot,
        bias,
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conv::kernel::{CURVE_DETECTOR, Kernel, LECTURE_PATCH, LECTURE_RESPONSE};
    use crate::conv::reference::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn channel0() -> FeatureMap {
        FeatureMap::from_data(9, 6, 1, IMG[..54].to_vec())
    }

    fn image() -> FeatureMap {
        FeatureMap::from_data(9, 6, 2, IMG.to_vec())
    }

    fn single(width: usize, height: usize, weights: &[f32]) -> KernelBank {
        KernelBank::from_kernels(&[Kernel::new(width, height, weights.to_vec())])
    }

    /// Checks one case against SciPy: kernel `(width, height, weights)`, expected shape.
    fn check(
        kernel: (usize, usize, &[f32]),
        padding: Padding,
        stride: usize,
        flip: bool,
        shape: (usize, usize),
        expected: &[f32],
    ) {
        let config = ConvConfig {
            stride,
            padding,
            flip,
        };
        let out = convolve(&channel0(), &single(kernel.0, kernel.1, kernel.2), &config);
        assert_eq!(
            out.shape(),
            (shape.0, shape.1, 1),
            "{config:?} {}×{}",
            kernel.0,
            kernel.1
        );
        assert_eq!(out.data(), expected, "{config:?} {}×{}", kernel.0, kernel.1);
    }

    #[test]
    fn odd_kernels_match_scipy_correlate2d() {
        check(
            (3, 3, &K3),
            Padding::Valid,
            1,
            false,
            (7, 4),
            &K3_VALID_S1_CORR,
        );
        check(
            (3, 3, &K3),
            Padding::Same,
            2,
            false,
            (5, 3),
            &K3_SAME_S2_CORR,
        );
        check(
            (3, 3, &K3),
            Padding::Zero(2),
            2,
            false,
            (6, 4),
            &K3_2_S2_CORR,
        );
    }

    #[test]
    fn even_kernels_match_scipy_correlate2d() {
        check(
            (4, 2, &K24),
            Padding::Same,
            1,
            false,
            (9, 6),
            &K24_SAME_S1_CORR,
        );
        check(
            (4, 2, &K24),
            Padding::Valid,
            2,
            false,
            (3, 3),
            &K24_VALID_S2_CORR,
        );
        check(
            (4, 2, &K24),
            Padding::Zero(1),
            1,
            false,
            (8, 7),
            &K24_1_S1_CORR,
        );
        check(
            (4, 4, &K44),
            Padding::Same,
            1,
            false,
            (9, 6),
            &K44_SAME_S1_CORR,
        );
    }

    #[test]
    fn flipped_kernels_match_scipy_convolve2d() {
        check(
            (3, 3, &K3),
            Padding::Same,
            1,
            true,
            (9, 6),
            &K3_SAME_S1_CONV,
        );
        check(
            (4, 2, &K24),
            Padding::Same,
            1,
            true,
            (9, 6),
            &K24_SAME_S1_CONV,
        );
        check(
            (4, 2, &K24),
            Padding::Valid,
            1,
            true,
            (6, 5),
            &K24_VALID_S1_CONV,
        );
        check(
            (4, 4, &K44),
            Padding::Same,
            2,
            true,
            (5, 3),
            &K44_SAME_S2_CONV,
        );
    }

    #[test]
    fn flipping_equals_correlating_with_the_rotated_kernel() {
        let flipped = Kernel::new(4, 2, K24.to_vec()).flipped();
        let config = ConvConfig {
            padding: Padding::Valid,
            ..ConvConfig::default()
        };
        let out = convolve(&channel0(), &KernelBank::from_kernels(&[flipped]), &config);
        assert_eq!(out.data(), &K24_VALID_S1_CONV);
    }

    #[test]
    fn channels_are_summed_and_each_kernel_adds_its_bias() {
        let bank = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
        let out = convolve(&image(), &bank, &ConvConfig::default());
        assert_eq!(out.shape(), (9, 6, 2));
        assert_eq!(out.data(), &MULTI);
    }

    #[test]
    fn output_size_formula() {
        let seven = |padding, stride| {
            ConvConfig {
                stride,
                padding,
                flip: false,
            }
            .output_shape(512, 512, 7, 7)
        };
        assert_eq!(seven(Padding::Same, 1), (512, 512));
        assert_eq!(seven(Padding::Valid, 1), (506, 506));
        assert_eq!(seven(Padding::Zero(3), 2), (256, 256));
        assert_eq!(seven(Padding::Same, 3), (171, 171));
        assert_eq!(output_size(5, 7, 0, 0, 1), 0);
        assert_eq!(output_size(5, 7, 1, 1, 1), 1);
        // Even "same": one more zero after than before, swapped for true convolution.
        assert_eq!(Padding::Same.amounts(4, false), (1, 2));
        assert_eq!(Padding::Same.amounts(4, true), (2, 1));
        assert_eq!(Padding::Same.amounts(5, true), (2, 2));
    }

    #[test]
    fn lecture_example_gives_6600() {
        let patch = FeatureMap::from_data(7, 7, 1, LECTURE_PATCH.to_vec());
        let bank = KernelBank::from_kernels(&[Kernel::new(7, 7, CURVE_DETECTOR.to_vec())]);
        let valid = ConvConfig {
            padding: Padding::Valid,
            ..ConvConfig::default()
        };
        let out = convolve(&patch, &bank, &valid);
        assert_eq!(out.data(), &[LECTURE_RESPONSE]);
        assert_eq!(LECTURE_RESPONSE, 6600.0);

        let field = receptive_field(&patch, &bank, &valid, 0, 0, 0);
        assert_eq!((field.dot, field.value, field.bias), (6600.0, 6600.0, 0.0));
        assert_eq!(field.terms.len(), 49);
        let matched: Vec<(f32, f32, f32)> = field
            .terms
            .iter()
            .filter(|t| t.weight != 0.0)
            .map(|t| (t.input, t.weight, t.product))
            .collect();
        assert_eq!(
            matched,
            vec![
                (0.0, 30.0, 0.0),
                (50.0, 30.0, 1500.0),
                (20.0, 30.0, 600.0),
                (50.0, 30.0, 1500.0),
                (50.0, 30.0, 1500.0),
                (50.0, 30.0, 1500.0)
            ]
        );
        // With "same" padding the centre pixel sees the whole patch.
        let same = convolve(&patch, &bank, &ConvConfig::default());
        assert_eq!(same.get(0, 3, 3), 6600.0);
    }

    #[test]
    fn receptive_fields_agree_with_the_convolution_and_show_the_padding() {
        let bank = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
        for config in [
            ConvConfig::default(),
            ConvConfig {
                stride: 2,
                padding: Padding::Zero(1),
                flip: true,
            },
        ] {
            let out = convolve(&image(), &bank, &config);
            for k in 0..2 {
                for y in 0..out.height() {
                    for x in 0..out.width() {
                        let field = receptive_field(&image(), &bank, &config, k, x, y);
                        assert_eq!(
                            field.value,
                            out.get(k, x, y),
                            "{config:?} map {k} at ({x}, {y})"
                        );
                        assert_eq!(field.value, field.dot + field.bias);
                    }
                }
            }
        }
        let k3 = single(3, 3, &K3);
        let corner = receptive_field(&channel0(), &k3, &ConvConfig::default(), 0, 0, 0);
        assert_eq!((corner.input_x, corner.input_y), (-1, -1));
        assert_eq!(corner.inside, Rect::new(0, 0, 2, 2));
        assert_eq!(corner.terms.iter().filter(|t| t.padding).count(), 5);
        assert!(
            corner
                .terms
                .iter()
                .filter(|t| t.padding)
                .all(|t| t.input == 0.0 && t.product == 0.0)
        );
        assert_eq!(corner.value, K3_SAME_S2_CORR[0]);
        // True convolution pairs the top-left input with the bottom-right weight.
        let flipped = receptive_field(
            &channel0(),
            &k3,
            &ConvConfig {
                flip: true,
                ..ConvConfig::default()
            },
            0,
            1,
            1,
        );
        assert_eq!(
            (flipped.terms[0].kernel_row, flipped.terms[0].kernel_col),
            (2, 2)
        );
        assert_eq!(flipped.terms[0].weight, K3[8]);
        assert_eq!(flipped.value, K3_SAME_S1_CONV[9 + 1]);
    }

    #[test]
    fn region_recomputation_equals_full_recomputation() {
        let multi = KernelBank::from_weights(2, 2, 2, KM.to_vec(), BM.to_vec());
        let mut k44 = KernelBank::new(4, 4, 2, 1);
        k44.plane_mut(0, 0).copy_from_slice(&K44);
        k44.plane_mut(0, 1).copy_from_slice(&K44);
        let mut k24 = KernelBank::new(4, 2, 2, 2);
        k24.plane_mut(1, 1).copy_from_slice(&K24);
        let configs = [
            ConvConfig::default(),
            ConvConfig {
                stride: 2,
                padding: Padding::Zero(1),
                flip: true,
            },
            ConvConfig {
                stride: 2,
                padding: Padding::Same,
                flip: false,
            },
            ConvConfig {
                stride: 1,
                padding: Padding::Valid,
                flip: true,
            },
            ConvConfig {
                stride: 3,
                padding: Padding::Zero(3),
                flip: false,
            },
        ];
        let strokes = [
            Rect::new(3, 2, 2, 1),
            Rect::new(0, 0, 1, 1),
            Rect::new(7, 3, 5, 5),
            Rect::new(4, 5, 1, 1),
        ];
        for bank in [&multi, &k44, &k24] {
            for config in &configs {
                for &stroke in &strokes {
                    let before = image();
                    let mut after = image();
                    for c in 0..2 {
                        for y in stroke.y..stroke.bottom().min(6) {
                            for x in stroke.x..stroke.right().min(9) {
                                after.set(c, x, y, 7.0 + (x * y) as f32);
                            }
                        }
                    }
                    let mut out = convolve(&before, bank, config);
                    let region = affected_output_rect(config, bank, 9, 6, stroke);
                    convolve_region(&after, bank, config, region, &mut out);
                    assert_eq!(
                        out,
                        convolve(&after, bank, config),
                        "{config:?} stroke {stroke:?} region {region:?}"
                    );
                    let (w, h) = (out.width(), out.height());
                    assert!(
                        region.width * region.height < w * h || w * h <= 4,
                        "{config:?} {stroke:?}: {region:?} is the whole {w}×{h} map"
                    );
                }
            }
        }
    }
}
