//! The learnable convolution: `k` kernels of `c × k_h × k_w` weights slid over a
//! `c`-channel input at stride 1, each giving one feature map plus its bias,
//!
//! `out[k](y, x) = Σ_c Σ_{i,j} in[c](y + i − p_top, x + j − p_left) · w[k][c](i, j) + b[k]`
//!
//! (cross-correlation, zero padding; the forward pass is [`convolve_into`], the same code the
//! convolution screen runs). Backward, with `δ[k](y, x) = ∂L/∂out[k](y, x)`:
//!
//! - `∂L/∂b[k] = Σ_{y,x} δ[k](y, x)`
//! - `∂L/∂w[k][c](i, j) = Σ_{y,x} δ[k](y, x) · in[c](y + i − p_top, x + j − p_left)`
//! - `∂L/∂in[c](u, v) = Σ_k Σ_{i,j} δ[k](u − i + p_top, v − j + p_left) · w[k][c](i, j)`
//!
//! (every input pixel collects the error of each output pixel whose window covered it, weighted
//! by the tap that read it: a "full" correlation of `δ` with the rotated kernel).

use crate::conv::{ConvConfig, FeatureMap, KernelBank, Padding, Pads, convolve_into};

/// A bank of kernels with biases, slid at stride 1 with the given padding.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvLayer {
    /// The kernels `w[k][c](i, j)` and biases `b[k]`.
    pub kernels: KernelBank,
    /// Zero padding around the input ([`Padding::Same`] keeps the size).
    pub padding: Padding,
}

impl ConvLayer {
    /// A layer with these kernels and padding.
    pub fn new(kernels: KernelBank, padding: Padding) -> Self {
        Self { kernels, padding }
    }

    /// The convolution settings: stride 1, this padding, no flip.
    pub fn config(&self) -> ConvConfig {
        ConvConfig {
            stride: 1,
            padding: self.padding,
            flip: false,
        }
    }

    fn pads(&self) -> Pads {
        self.config()
            .pads(self.kernels.height(), self.kernels.width())
    }

    /// `(channels, rows, cols)` of the feature maps for a `rows × cols` input.
    pub fn output_shape(&self, rows: usize, cols: usize) -> (usize, usize, usize) {
        let (oh, ow) =
            self.config()
                .output_shape(rows, cols, self.kernels.height(), self.kernels.width());
        (self.kernels.out_channels(), oh, ow)
    }

    /// The feature maps of `input` into `out` (reshaped only when its shape is wrong).
    pub fn forward_into(&self, input: &FeatureMap, out: &mut FeatureMap) {
        convolve_into(input, &self.kernels, &self.config(), out);
    }

    /// Adds `∂L/∂w` and `∂L/∂b` for one example into `grads` (a bank of this layer's shape)
    /// and, if asked, writes `∂L/∂in` into `grad_input` (reshaped to the input's shape).
    /// `grad_output` is `δ`, shaped like the forward output.
    pub fn backward(
        &self,
        input: &FeatureMap,
        grad_output: &FeatureMap,
        grads: &mut KernelBank,
        mut grad_input: Option<&mut FeatureMap>,
    ) {
        let bank = &self.kernels;
        let (in_c, in_h, in_w) = input.shape();
        let (out_k, oh, ow) = self.output_shape(in_h, in_w);
        assert_eq!(
            grad_output.shape(),
            (out_k, oh, ow),
            "the output gradient must be shaped like the feature maps"
        );
        assert_eq!(
            in_c,
            bank.in_channels(),
            "input channels differ from the kernels'"
        );
        assert!(
            grads.out_channels() == out_k
                && grads.in_channels() == in_c
                && grads.height() == bank.height()
                && grads.width() == bank.width(),
            "the gradient bank must have the layer's shape"
        );
        if let Some(g) = grad_input.as_deref_mut() {
            g.reshape(in_c, in_h, in_w);
            g.data_mut().fill(0.0);
        }
        let (kh, kw) = (bank.height(), bank.width());
        let p = self.pads();
        for k in 0..out_k {
            let delta = grad_output.plane(k);
            grads.bias_mut()[k] += delta.iter().sum::<f32>();
            for c in 0..in_c {
                let in_plane = input.plane(c);
                for i in 0..kh {
                    // Output rows y whose input row y + i − p_top lies inside the image.
                    let (y_lo, y_hi) = tap_range(i, p.top, in_h, oh);
                    for j in 0..kw {
                        let (x_lo, x_hi) = tap_range(j, p.left, in_w, ow);
                        if x_lo >= x_hi {
                            continue;
                        }
                        let w = bank.plane(k, c)[i * kw + j];
                        let mut grad_w = 0.0;
                        for y in y_lo..y_hi {
                            let iy = y + i - p.top;
                            let d = &delta[y * ow + x_lo..y * ow + x_hi];
                            let first = iy * in_w + x_lo + j - p.left;
                            let src = &in_plane[first..first + d.len()];
                            grad_w += d.iter().zip(src).map(|(a, b)| a * b).sum::<f32>();
                            if let Some(g) = grad_input.as_deref_mut() {
                                let dst = &mut g.plane_mut(c)[first..first + d.len()];
                                for (t, &dv) in dst.iter_mut().zip(d) {
                                    *t += w * dv;
                                }
                            }
                        }
                        grads.plane_mut(k, c)[i * kw + j] += grad_w;
                    }
                }
            }
        }
    }
}

/// The output positions `lo..hi` along one axis where tap `t` (padding `pad` before) reads
/// an input pixel `o + t − pad` inside `0..input`, for `output` positions.
fn tap_range(t: usize, pad: usize, input: usize, output: usize) -> (usize, usize) {
    let lo = pad.saturating_sub(t);
    let hi = (input + pad).saturating_sub(t).min(output);
    (lo, hi.max(lo))
}
