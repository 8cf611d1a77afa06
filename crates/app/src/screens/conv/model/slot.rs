//! One kernel of the editor: the texts of its cells, their last good weights, errors.

use nnp_core::conv::{CellError, preset};

/// One kernel of the editor: its cells' texts, their last good weights and errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The preset last chosen, while the weights are unchanged.
    pub preset: Option<&'static str>,
    /// Row-major weights (last good value of every cell).
    pub weights: Vec<f32>,
    /// What each cell shows.
    pub texts: Vec<String>,
    /// Why a cell's text is ignored.
    pub errors: Vec<Option<CellError>>,
    /// The bias `b`.
    pub bias: f32,
    /// What the bias field shows.
    pub bias_text: String,
    /// Why the bias text is ignored.
    pub bias_error: Option<CellError>,
}

impl Slot {
    pub(super) fn from_weights(weights: Vec<f32>, preset: Option<&'static str>) -> Self {
        Slot {
            preset,
            texts: weights.iter().map(|&w| format_number(w)).collect(),
            errors: vec![None; weights.len()],
            weights,
            bias: 0.0,
            bias_text: "0".to_owned(),
            bias_error: None,
        }
    }

    pub(super) fn from_preset(id: &'static str, size: usize) -> Self {
        let weights = preset(id)
            .map(|p| resize_centred(p.weights, p.size, size))
            .unwrap_or_else(|| vec![0.0; size * size]);
        Slot::from_weights(weights, Some(id))
    }

    pub(super) fn resized(&self, from: usize, to: usize) -> Self {
        let mut slot = Slot::from_weights(resize_centred(&self.weights, from, to), self.preset);
        slot.bias = self.bias;
        slot.bias_text = self.bias_text.clone();
        slot
    }

    /// Whether the weights outside the central `size × size` window are all zero.
    pub(super) fn fits(&self, from: usize, size: usize) -> bool {
        let cropped = resize_centred(&self.weights, from, size);
        resize_centred(&cropped, size, from) == self.weights
    }
}

/// A square kernel of side `from` placed centred (by its centre cell `(k − 1)/2`) in one of
/// side `to`, padded with zeros or cropped.
fn resize_centred(weights: &[f32], from: usize, to: usize) -> Vec<f32> {
    let offset = (to as isize - 1) / 2 - (from as isize - 1) / 2;
    let mut out = vec![0.0; to * to];
    for i in 0..to {
        for j in 0..to {
            let (si, sj) = (i as isize - offset, j as isize - offset);
            if (0..from as isize).contains(&si) && (0..from as isize).contains(&sj) {
                out[i * to + j] = weights[si as usize * from + sj as usize];
            }
        }
    }
    out
}

/// A weight as the editor shows it: at most four decimals, no trailing zeros.
pub fn format_number(v: f32) -> String {
    if v == v.trunc() && v.abs() < 1e7 {
        return format!("{}", v as i64);
    }
    if v.abs() >= 1e7 || v.abs() < 1e-4 {
        return format!("{v:.3e}");
    }
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0" } else { text }.to_owned()
}
