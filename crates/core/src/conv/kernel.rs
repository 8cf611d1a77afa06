//! Kernels (filters): a `k_h × k_w` grid of weights `w(i, j)`; a bank of them maps
//! `c` input channels to `k` feature maps, `out[k] = Σ_c in[c] ⋆ w[k][c] + b[k]`.
//! Also the lecture's 7×7 example and the classic image-processing presets.

use serde::{Deserialize, Serialize};

/// Largest kernel side the editor and the convolution accept.
pub const MAX_KERNEL_SIZE: usize = 15;

/// One `height × width` grid of weights, row-major.
///
/// ```
/// use nnp_core::conv::preset;
///
/// let sobel_x = preset("sobel-x").unwrap().kernel(); // brighter to the right: positive
/// assert_eq!((sobel_x.get(1, 0), sobel_x.get(1, 2)), (-2.0, 2.0)); // row 1, columns 0 and 2
/// assert_eq!(sobel_x.sum(), 0.0, "an edge detector ignores flat regions");
/// assert_eq!(sobel_x.flipped().get(1, 2), -2.0, "true convolution turns it round");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kernel {
    /// Number of columns.
    pub width: usize,
    /// Number of rows.
    pub height: usize,
    /// `height · width` weights, row-major.
    pub weights: Vec<f32>,
}

impl Kernel {
    /// A kernel of `rows × cols` row-major weights (rows first, as in ndarray).
    pub fn new(rows: usize, cols: usize, weights: Vec<f32>) -> Self {
        check_size(rows, cols);
        assert_eq!(
            weights.len(),
            rows * cols,
            "a {rows}×{cols} kernel (rows × cols) needs {} weights",
            rows * cols
        );
        Self {
            width: cols,
            height: rows,
            weights,
        }
    }

    /// A `rows × cols` kernel of zeros.
    pub fn zeros(rows: usize, cols: usize) -> Self {
        Self::new(rows, cols, vec![0.0; rows * cols])
    }

    /// The weight in row `row`, column `col`.
    pub fn get(&self, row: usize, col: usize) -> f32 {
        assert!(
            row < self.height && col < self.width,
            "tap (row {row}, col {col}) outside a {}×{} kernel (rows × cols)",
            self.height,
            self.width
        );
        self.weights[row * self.width + col]
    }

    /// The kernel rotated by 180° (`w(k_h − 1 − i, k_w − 1 − j)`): correlating with it is
    /// true convolution with the original.
    pub fn flipped(&self) -> Self {
        Self {
            width: self.width,
            height: self.height,
            weights: self.weights.iter().rev().copied().collect(),
        }
    }

    /// Sum of the weights (1 for a blur that keeps brightness, 0 for an edge detector).
    pub fn sum(&self) -> f32 {
        self.weights.iter().sum()
    }
}

/// `out_channels` kernels, each with one `rows × cols` plane per input channel, and one
/// bias per kernel. Shapes are given outermost first, like the layout `[k][c][i][j]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KernelBank {
    width: usize,
    height: usize,
    in_channels: usize,
    out_channels: usize,
    /// `[k][c][i][j]`, row-major.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl KernelBank {
    /// A bank of `out_channels` kernels of `in_channels × rows × cols` zero weights, and
    /// zero biases.
    pub fn new(out_channels: usize, in_channels: usize, rows: usize, cols: usize) -> Self {
        check_size(rows, cols);
        assert!(
            in_channels > 0 && out_channels > 0,
            "a kernel bank needs at least one input and one output channel"
        );
        Self {
            width: cols,
            height: rows,
            in_channels,
            out_channels,
            weights: vec![0.0; rows * cols * in_channels * out_channels],
            bias: vec![0.0; out_channels],
        }
    }

    /// A bank from weights laid out `[k][c][i][j]` (each kernel `in_channels × rows × cols`)
    /// and one bias per kernel; the number of kernels is `bias.len()`.
    pub fn from_weights(
        in_channels: usize,
        rows: usize,
        cols: usize,
        weights: Vec<f32>,
        bias: Vec<f32>,
    ) -> Self {
        let mut bank = Self::new(bias.len().max(1), in_channels, rows, cols);
        assert_eq!(
            weights.len(),
            bank.weights.len(),
            "{} kernels of {in_channels}×{rows}×{cols} need {} weights",
            bank.out_channels,
            bank.weights.len()
        );
        bank.weights = weights;
        bank.bias = bias;
        bank
    }

    /// Single-channel kernels, one output map each, no bias: the usual grey-image case.
    pub fn from_kernels(kernels: &[Kernel]) -> Self {
        assert!(
            !kernels.is_empty(),
            "a kernel bank needs at least one kernel"
        );
        let (rows, cols) = (kernels[0].height, kernels[0].width);
        assert!(
            kernels.iter().all(|k| k.height == rows && k.width == cols),
            "all kernels of a bank share one size"
        );
        let weights = kernels
            .iter()
            .flat_map(|k| k.weights.iter().copied())
            .collect();
        Self::from_weights(1, rows, cols, weights, vec![0.0; kernels.len()])
    }

    /// Kernel width (columns).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Kernel height (rows).
    pub fn height(&self) -> usize {
        self.height
    }

    /// Input channels each kernel reads.
    pub fn in_channels(&self) -> usize {
        self.in_channels
    }

    /// Number of kernels, i.e. of output feature maps.
    pub fn out_channels(&self) -> usize {
        self.out_channels
    }

    /// All weights, `[k][c][i][j]`.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// All weights `[k][c][i][j]` and the biases, mutable together (what a training step
    /// updates).
    pub fn weights_and_bias_mut(&mut self) -> (&mut [f32], &mut [f32]) {
        (&mut self.weights, &mut self.bias)
    }

    /// The biases, one per kernel.
    pub fn bias(&self) -> &[f32] {
        &self.bias
    }

    /// The biases, mutable.
    pub fn bias_mut(&mut self) -> &mut [f32] {
        &mut self.bias
    }

    /// Kernel `k`'s plane for input channel `c`, row-major (what a grid editor shows).
    pub fn plane(&self, k: usize, c: usize) -> &[f32] {
        let range = self.plane_range(k, c);
        &self.weights[range]
    }

    /// Kernel `k`'s plane for input channel `c`, mutable.
    pub fn plane_mut(&mut self, k: usize, c: usize) -> &mut [f32] {
        let range = self.plane_range(k, c);
        &mut self.weights[range]
    }

    /// Kernel `k`'s plane for input channel `c` as a [`Kernel`].
    pub fn kernel(&self, k: usize, c: usize) -> Kernel {
        Kernel::new(self.height, self.width, self.plane(k, c).to_vec())
    }

    /// Number of learnable values: weights plus biases.
    pub fn parameter_count(&self) -> usize {
        self.weights.len() + self.bias.len()
    }

    fn plane_range(&self, k: usize, c: usize) -> std::ops::Range<usize> {
        assert!(
            k < self.out_channels && c < self.in_channels,
            "plane ({k}, {c}) of a bank with {} kernels × {} channels",
            self.out_channels,
            self.in_channels
        );
        let n = self.width * self.height;
        let start = (k * self.in_channels + c) * n;
        start..start + n
    }
}

fn check_size(rows: usize, cols: usize) {
    assert!(
        (1..=MAX_KERNEL_SIZE).contains(&rows) && (1..=MAX_KERNEL_SIZE).contains(&cols),
        "kernel sides must be 1 to {MAX_KERNEL_SIZE}, got {rows}×{cols} (rows × cols)"
    );
}

/// The lecture's 7×7 image patch (§6), row-major: a curve stroke in the upper right.
#[rustfmt::skip]
pub const LECTURE_PATCH: [f32; 49] = [
    0.0, 0.0, 0.0,  0.0,  0.0,  0.0, 30.0,
    0.0, 0.0, 0.0,  0.0, 50.0, 50.0, 50.0,
    0.0, 0.0, 0.0, 20.0, 50.0,  0.0,  0.0,
    0.0, 0.0, 0.0, 50.0, 50.0,  0.0,  0.0,
    0.0, 0.0, 0.0, 50.0, 50.0,  0.0,  0.0,
    0.0, 0.0, 0.0, 50.0, 50.0,  0.0,  0.0,
    0.0, 0.0, 0.0, 50.0, 50.0,  0.0,  0.0,
];

/// The lecture's 7×7 curve-detector kernel (§6), row-major.
#[rustfmt::skip]
pub const CURVE_DETECTOR: [f32; 49] = [
    0.0, 0.0, 0.0,  0.0,  0.0, 30.0, 0.0,
    0.0, 0.0, 0.0,  0.0, 30.0,  0.0, 0.0,
    0.0, 0.0, 0.0, 30.0,  0.0,  0.0, 0.0,
    0.0, 0.0, 0.0, 30.0,  0.0,  0.0, 0.0,
    0.0, 0.0, 0.0, 30.0,  0.0,  0.0, 0.0,
    0.0, 0.0, 0.0, 30.0,  0.0,  0.0, 0.0,
    0.0, 0.0, 0.0,  0.0,  0.0,  0.0, 0.0,
];

/// The lecture's response of [`CURVE_DETECTOR`] on [`LECTURE_PATCH`]:
/// 30·(0 + 50 + 20 + 50 + 50 + 50) = 6600, a strong match.
pub const LECTURE_RESPONSE: f32 = 6600.0;

/// A named kernel the kernel editor offers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KernelPreset {
    /// Stable identifier, used in links and saved files.
    pub id: &'static str,
    /// Name shown to people.
    pub name: &'static str,
    /// Side length (presets are square).
    pub size: usize,
    /// `size · size` weights, row-major, as used by cross-correlation.
    pub weights: &'static [f32],
}

impl KernelPreset {
    /// The preset as an editable [`Kernel`].
    pub fn kernel(&self) -> Kernel {
        Kernel::new(self.size, self.size, self.weights.to_vec())
    }
}

const NINTH: f32 = 1.0 / 9.0;
const SIXTEENTH: f32 = 1.0 / 16.0;

/// Every kernel preset, in menu order. Directions are those of cross-correlation
/// (the default): Sobel x is positive where the image gets brighter to the right,
/// Sobel y where it gets brighter downwards.
#[rustfmt::skip]
pub const PRESETS: [KernelPreset; 10] = [
    KernelPreset { id: "identity", name: "Identity", size: 3, weights: &[
        0.0, 0.0, 0.0,
        0.0, 1.0, 0.0,
        0.0, 0.0, 0.0] },
    KernelPreset { id: "box-blur", name: "Box blur", size: 3, weights: &[
        NINTH, NINTH, NINTH,
        NINTH, NINTH, NINTH,
        NINTH, NINTH, NINTH] },
    KernelPreset { id: "gaussian-blur", name: "Gaussian blur", size: 3, weights: &[
        SIXTEENTH, 2.0 * SIXTEENTH, SIXTEENTH,
        2.0 * SIXTEENTH, 4.0 * SIXTEENTH, 2.0 * SIXTEENTH,
        SIXTEENTH, 2.0 * SIXTEENTH, SIXTEENTH] },
    KernelPreset { id: "sharpen", name: "Sharpen", size: 3, weights: &[
         0.0, -1.0,  0.0,
        -1.0,  5.0, -1.0,
         0.0, -1.0,  0.0] },
    KernelPreset { id: "laplacian", name: "Laplacian edge", size: 3, weights: &[
        0.0,  1.0, 0.0,
        1.0, -4.0, 1.0,
        0.0,  1.0, 0.0] },
    KernelPreset { id: "sobel-x", name: "Sobel x", size: 3, weights: &[
        -1.0, 0.0, 1.0,
        -2.0, 0.0, 2.0,
        -1.0, 0.0, 1.0] },
    KernelPreset { id: "sobel-y", name: "Sobel y", size: 3, weights: &[
        -1.0, -2.0, -1.0,
         0.0,  0.0,  0.0,
         1.0,  2.0,  1.0] },
    KernelPreset { id: "emboss", name: "Emboss", size: 3, weights: &[
        -2.0, -1.0, 0.0,
        -1.0,  1.0, 1.0,
         0.0,  1.0, 2.0] },
    KernelPreset { id: "outline", name: "Outline", size: 3, weights: &[
        -1.0, -1.0, -1.0,
        -1.0,  8.0, -1.0,
        -1.0, -1.0, -1.0] },
    KernelPreset { id: "curve-detector", name: "Lecture curve detector", size: 7, weights: &CURVE_DETECTOR },
];

/// The preset whose id is `id`.
pub fn preset(id: &str) -> Option<&'static KernelPreset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn preset_ids_are_unique_and_round_trip() {
        for (n, p) in PRESETS.iter().enumerate() {
            assert_eq!(preset(p.id), Some(p));
            assert_eq!(p.weights.len(), p.size * p.size, "{}", p.id);
            assert!(
                PRESETS[n + 1..].iter().all(|q| q.id != p.id),
                "duplicate id {}",
                p.id
            );
        }
        assert_eq!(preset("blur"), None);
    }

    #[test]
    fn blurs_keep_brightness_and_edge_detectors_ignore_it() {
        for id in ["identity", "box-blur", "gaussian-blur", "sharpen"] {
            let s = preset(id).map(|p| p.kernel().sum());
            assert!(
                s.is_some_and(|s| (s - 1.0).abs() < 1e-6),
                "{id} sums to {s:?}"
            );
        }
        for id in ["laplacian", "sobel-x", "sobel-y", "outline"] {
            assert_eq!(preset(id).map(|p| p.kernel().sum()), Some(0.0), "{id}");
        }
    }

    #[test]
    fn kernels_take_rows_then_columns() {
        let k = Kernel::new(2, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!((k.height, k.width), (2, 3));
        assert_eq!((k.get(0, 2), k.get(1, 0)), (3.0, 4.0));
        let bank = KernelBank::new(4, 1, 2, 3);
        assert_eq!((bank.out_channels(), bank.in_channels()), (4, 1));
        assert_eq!((bank.height(), bank.width()), (2, 3));
    }

    #[test]
    fn bank_planes_are_laid_out_kernel_then_channel() {
        let bank =
            KernelBank::from_weights(2, 2, 1, (0..8).map(|v| v as f32).collect(), vec![0.5, -0.5]);
        assert_eq!(bank.plane(0, 1), &[2.0, 3.0]);
        assert_eq!(bank.plane(1, 0), &[4.0, 5.0]);
        assert_eq!(bank.parameter_count(), 10);
        assert_eq!(bank.kernel(1, 1).flipped().weights, vec![7.0, 6.0]);
    }
}
