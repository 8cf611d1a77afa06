//! The settings of a network and why they can be refused. With input `rows × cols`, a
//! `k × k` kernel and padding `p_before + p_after` per axis, the feature maps are
//! `(rows + p_before + p_after − k + 1) × …`; pooling by `s` gives `⌊·/s⌋` per axis; the
//! fully connected layer reads `kernels · pooled rows · pooled cols` values.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::convolution::ConvLayer;
use crate::conv::{KernelBank, MAX_KERNEL_SIZE, Padding, PoolConfig, PoolKind};

/// The most kernels a network may have.
pub const MAX_KERNELS: usize = 64;
/// The largest input side (rows or columns) a network accepts.
pub const MAX_INPUT_SIDE: usize = 64;

/// Why a network could not be built: a setting or a weights file that does not fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CnnError {
    /// What is wrong, in words a teacher can read.
    pub message: String,
}

impl CnnError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for CnnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "convolutional network: {}", self.message)
    }
}

impl std::error::Error for CnnError {}

/// The shape of a network. The default reads a 1×8×8 digit with 8 kernels of 3×3 ("same"
/// padding), ReLU, 2×2 max pooling and a fully connected layer 8·4·4 = 128 → 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CnnConfig {
    /// Channels of the input image.
    pub input_channels: usize,
    /// Rows of the input image.
    pub input_rows: usize,
    /// Columns of the input image.
    pub input_cols: usize,
    /// Number of kernels, i.e. of feature maps.
    pub kernels: usize,
    /// Side of each (square) kernel.
    pub kernel_size: usize,
    /// Zero padding of the convolution.
    pub padding: Padding,
    /// Max or average pooling.
    pub pool: PoolKind,
    /// Side and stride of the pooling blocks (1 = no pooling).
    pub pool_size: usize,
    /// Number of classes.
    pub classes: usize,
}

impl Default for CnnConfig {
    fn default() -> Self {
        Self {
            input_channels: 1,
            input_rows: 8,
            input_cols: 8,
            kernels: 8,
            kernel_size: 3,
            padding: Padding::Same,
            pool: PoolKind::Max,
            pool_size: 2,
            classes: 10,
        }
    }
}

impl CnnConfig {
    /// The pooling settings: `pool_size` blocks at stride `pool_size`.
    pub fn pool_config(&self) -> PoolConfig {
        PoolConfig {
            kind: self.pool,
            size: self.pool_size,
            stride: self.pool_size,
        }
    }

    /// `(channels, rows, cols)` of the feature maps after the convolution (and ReLU).
    pub fn conv_shape(&self) -> (usize, usize, usize) {
        let conv = ConvLayer::new(
            KernelBank::new(1, 1, self.kernel_size, self.kernel_size),
            self.padding,
        );
        let (_, rows, cols) = conv.output_shape(self.input_rows, self.input_cols);
        (self.kernels, rows, cols)
    }

    /// `(channels, rows, cols)` of the pooled maps.
    pub fn pooled_shape(&self) -> (usize, usize, usize) {
        let (k, rows, cols) = self.conv_shape();
        let (rows, cols) = self.pool_config().output_shape(rows, cols);
        (k, rows, cols)
    }

    /// Inputs of the fully connected layer: every pooled value.
    pub fn dense_inputs(&self) -> usize {
        let (k, rows, cols) = self.pooled_shape();
        k * rows * cols
    }

    /// Checks that every setting is in range and the maps do not shrink to nothing.
    pub fn check(&self) -> Result<(), CnnError> {
        let in_range = |name: &str, value: usize, max: usize| {
            if (1..=max).contains(&value) {
                Ok(())
            } else {
                Err(CnnError::new(format!(
                    "{name} is {value}; it goes from 1 to {max}"
                )))
            }
        };
        in_range("the number of input channels", self.input_channels, 16)?;
        in_range("the number of input rows", self.input_rows, MAX_INPUT_SIDE)?;
        in_range(
            "the number of input columns",
            self.input_cols,
            MAX_INPUT_SIDE,
        )?;
        in_range("the number of kernels", self.kernels, MAX_KERNELS)?;
        in_range("the kernel size", self.kernel_size, MAX_KERNEL_SIZE)?;
        in_range("the pooling size", self.pool_size, MAX_INPUT_SIDE)?;
        if !(2..=100).contains(&self.classes) {
            return Err(CnnError::new(format!(
                "the number of classes is {}; it goes from 2 to 100",
                self.classes
            )));
        }
        if let Padding::Zero(p) = self.padding
            && p > MAX_KERNEL_SIZE
        {
            return Err(CnnError::new(format!(
                "the padding is {p}; it goes up to {MAX_KERNEL_SIZE}"
            )));
        }
        let (_, rows, cols) = self.conv_shape();
        if rows == 0 || cols == 0 {
            return Err(CnnError::new(format!(
                "a {0}×{0} kernel does not fit into the {1}×{2} input without padding",
                self.kernel_size, self.input_rows, self.input_cols
            )));
        }
        let (_, rows_p, cols_p) = self.pooled_shape();
        if rows_p == 0 || cols_p == 0 {
            return Err(CnnError::new(format!(
                "{0}×{0} pooling does not fit into the {rows}×{cols} feature maps",
                self.pool_size
            )));
        }
        Ok(())
    }
}
