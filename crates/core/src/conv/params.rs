//! Parameter counting (lecture §6): why convolution. For an image of `n` pixels (times
//! `c` channels), `h` hidden units and `p_w × p_h` patches:
//!
//! - fully connected, every unit sees every pixel: `n·c·h` weights;
//! - locally connected, every unit sees its own patch: `h·p_w·p_h·c`;
//! - convolutional (weight sharing), every unit of a feature map applies the same kernel:
//!   `K·p_w·p_h·c` for `K` kernels, independent of the image size and of `h`.
//!
//! The lecture's case, 10^6 pixels, 10^6 units, 10×10 patches, one kernel: 10^12, 10^8,
//! 100 weights. The lecture counts weights only; with biases the layers add one per
//! hidden unit (fully and locally connected) or one per kernel (convolutional, whose
//! units share the bias too): [`ParameterConfig::include_biases`], off by default.

use serde::{Deserialize, Serialize};

/// The sizes behind a parameter count. `Default` is the lecture's case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParameterConfig {
    /// Pixels of the input image (`width · height`).
    pub pixels: u128,
    /// Channels per pixel (1 for grey, 3 for colour).
    pub channels: u128,
    /// Hidden units of the fully and locally connected layers.
    pub hidden_units: u128,
    /// Width of a unit's patch, i.e. of the kernel.
    pub patch_width: u128,
    /// Height of a unit's patch, i.e. of the kernel.
    pub patch_height: u128,
    /// Number of kernels of the convolutional layer.
    pub kernels: u128,
    /// Whether biases count as parameters (the lecture's numbers leave them out).
    pub include_biases: bool,
}

impl Default for ParameterConfig {
    fn default() -> Self {
        Self {
            pixels: 1_000_000,
            channels: 1,
            hidden_units: 1_000_000,
            patch_width: 10,
            patch_height: 10,
            kernels: 1,
            include_biases: false,
        }
    }
}

/// Learnable parameters of the three kinds of layer (saturating at `u128::MAX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParameterCounts {
    /// Every hidden unit connected to every input value.
    pub fully_connected: u128,
    /// Every hidden unit connected to its own patch.
    pub locally_connected: u128,
    /// Every unit of a feature map sharing its kernel.
    pub convolutional: u128,
}

impl ParameterCounts {
    /// The three counts as `f64` (for a logarithmic bar chart), in field order.
    pub fn to_f64(&self) -> [f64; 3] {
        [
            self.fully_connected as f64,
            self.locally_connected as f64,
            self.convolutional as f64,
        ]
    }
}

/// The parameter counts for `config`.
pub fn parameter_counts(config: &ParameterConfig) -> ParameterCounts {
    let patch = config
        .patch_width
        .saturating_mul(config.patch_height)
        .saturating_mul(config.channels);
    let bias = |units: u128| if config.include_biases { units } else { 0 };
    ParameterCounts {
        fully_connected: config
            .pixels
            .saturating_mul(config.channels)
            .saturating_mul(config.hidden_units)
            .saturating_add(bias(config.hidden_units)),
        locally_connected: config
            .hidden_units
            .saturating_mul(patch)
            .saturating_add(bias(config.hidden_units)),
        convolutional: config
            .kernels
            .saturating_mul(patch)
            .saturating_add(bias(config.kernels)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn lecture_counts() {
        let counts = parameter_counts(&ParameterConfig::default());
        assert_eq!(counts.fully_connected, 1_000_000_000_000);
        assert_eq!(counts.locally_connected, 100_000_000);
        assert_eq!(counts.convolutional, 100);
        assert_eq!(counts.to_f64(), [1e12, 1e8, 100.0]);
    }

    #[test]
    fn biases_add_one_per_unit_or_per_kernel() {
        let config = ParameterConfig {
            include_biases: true,
            kernels: 4,
            ..ParameterConfig::default()
        };
        let counts = parameter_counts(&config);
        assert_eq!(counts.fully_connected, 1_000_000_000_000 + 1_000_000);
        assert_eq!(counts.locally_connected, 100_000_000 + 1_000_000);
        assert_eq!(counts.convolutional, 4 * 100 + 4);
    }

    #[test]
    fn convolution_ignores_image_size_but_not_channels() {
        let small = ParameterConfig {
            pixels: 28 * 28,
            hidden_units: 28 * 28,
            channels: 3,
            ..ParameterConfig::default()
        };
        let big = ParameterConfig {
            pixels: 4096 * 4096,
            hidden_units: 4096 * 4096,
            ..small
        };
        assert_eq!(parameter_counts(&small).convolutional, 300);
        assert_eq!(parameter_counts(&big).convolutional, 300);
        assert_eq!(parameter_counts(&big).fully_connected, 3 * 4096u128.pow(4));
    }

    #[test]
    fn huge_sizes_saturate_instead_of_wrapping() {
        let config = ParameterConfig {
            pixels: u128::MAX / 2,
            hidden_units: 3,
            ..ParameterConfig::default()
        };
        assert_eq!(parameter_counts(&config).fully_connected, u128::MAX);
    }
}
