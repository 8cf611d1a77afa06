//! The receptive field of one output pixel as plain data: every input value, weight and
//! product behind `out[k](y, x) = b[k] + Σ_c Σ_{i,j} in[c](s·y + i − p_top, s·x + j − p_left)
//! · w[k][c](i, j)`, the screen's multiply-and-sum.

use serde::{Deserialize, Serialize};

use super::ConvConfig;
use crate::conv::kernel::KernelBank;
use crate::conv::map::{FeatureMap, Rect};

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

/// The receptive field of the output pixel in row `row`, column `col` of map `out_channel`.
pub fn receptive_field(
    input: &FeatureMap,
    bank: &KernelBank,
    config: &ConvConfig,
    out_channel: usize,
    row: usize,
    col: usize,
) -> ReceptiveField {
    let (x, y) = (col, row);
    assert_eq!(
        input.channels(),
        bank.in_channels(),
        "the kernels expect {} input channels",
        bank.in_channels()
    );
    let (kw, kh) = (bank.width(), bank.height());
    let (in_w, in_h) = (input.width(), input.height());
    let (oh, ow) = config.output_shape(in_h, in_w, kh, kw);
    assert!(
        x < ow && y < oh,
        "output pixel ({x}, {y}) outside a {ow}×{oh} map"
    );
    let p = config.pads(kh, kw);
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
                    input.get(c, iy as usize, ix as usize)
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
        inside: Rect::new(iy0, ix0, iy1 - iy0, ix1 - ix0),
        terms,
        dot,
        bias,
        value,
    }
}
