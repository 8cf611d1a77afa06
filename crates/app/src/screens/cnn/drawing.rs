//! The visitor's drawing: a 32×32 grid of inked cells painted by a round pen along the
//! pointer's path, reduced to the network's 8×8 input as the digits data set was made.

use nnp_core::cnn::{DRAWING_SIDE, IMAGE_SIDE, downsample_drawing, scale_counts};

/// Radius of the pen in drawing cells (strokes about 3–4 cells wide, like the scans').
pub const PEN_RADIUS: f64 = 1.6;
/// Distance between two dabs along a stroke, in cells.
const DAB_SPACING: f64 = 0.4;
/// The longest stroke segment painted (a jump across the box is still a line).
const MAX_DABS: usize = 400;

/// A 32×32 black-and-white drawing, row-major.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    inked: [bool; DRAWING_SIDE * DRAWING_SIDE],
}

impl Default for Drawing {
    fn default() -> Self {
        Self {
            inked: [false; DRAWING_SIDE * DRAWING_SIDE],
        }
    }
}

impl Drawing {
    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        !self.inked.iter().any(|&c| c)
    }

    /// Rubs everything out.
    pub fn clear(&mut self) {
        self.inked = [false; DRAWING_SIDE * DRAWING_SIDE];
    }

    /// The cells, row-major.
    pub fn inked(&self) -> &[bool; DRAWING_SIDE * DRAWING_SIDE] {
        &self.inked
    }

    /// Inks every cell whose centre lies within [`PEN_RADIUS`] of `(x, y)` (in cells, the
    /// box's top-left corner at 0); returns whether a cell changed.
    pub fn dab(&mut self, x: f64, y: f64) -> bool {
        if !(x.is_finite() && y.is_finite()) {
            return false;
        }
        let side = DRAWING_SIDE as f64;
        let lo = |v: f64| (v - PEN_RADIUS).floor().clamp(0.0, side) as usize;
        let hi = |v: f64| (v + PEN_RADIUS).ceil().clamp(0.0, side) as usize;
        let mut changed = false;
        for row in lo(y)..hi(y) {
            for col in lo(x)..hi(x) {
                let (cx, cy) = (col as f64 + 0.5, row as f64 + 0.5);
                if (cx - x).hypot(cy - y) <= PEN_RADIUS {
                    let cell = &mut self.inked[row * DRAWING_SIDE + col];
                    changed |= !*cell;
                    *cell = true;
                }
            }
        }
        changed
    }

    /// Inks a line from `from` to `to` (a stroke's segment between two pointer events);
    /// returns whether a cell changed.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64)) -> bool {
        let length = (to.0 - from.0).hypot(to.1 - from.1);
        if !length.is_finite() {
            return self.dab(to.0, to.1);
        }
        let dabs = ((length / DAB_SPACING).ceil() as usize).clamp(1, MAX_DABS);
        let mut changed = false;
        for k in 0..=dabs {
            let f = k as f64 / dabs as f64;
            changed |= self.dab(from.0 + f * (to.0 - from.0), from.1 + f * (to.1 - from.1));
        }
        changed
    }

    /// The inked cells counted in 4×4 blocks: the 8×8 digit of counts 0..16.
    pub fn counts(&self) -> [u8; IMAGE_SIDE * IMAGE_SIDE] {
        downsample_drawing(&self.inked)
    }

    /// The network's input: the counts divided by 16.
    pub fn input(&self) -> [f32; IMAGE_SIDE * IMAGE_SIDE] {
        scale_counts(&self.counts())
    }
}
