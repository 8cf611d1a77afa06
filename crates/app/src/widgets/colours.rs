//! Colours shared by the screens' pictures.

use nnp_core::raster::Diverging;

/// Scores and weights: blue for +1, orange for −1, white for 0 (as TensorFlow Playground;
/// readable for colour-blind viewers).
pub const BLUE_ORANGE: Diverging = Diverging {
    negative: [245, 147, 34],
    paper: [255, 255, 255],
    positive: [8, 119, 189],
};

/// Values in `[0, 1]` (gates, probabilities): white at 0 to deep purple at 1 — one
/// sequential ramp, distinct from the blue/orange of signs so that "1" never reads as
/// "class +1".
pub const UNIT_INTERVAL: Sequential = Sequential {
    paper: [255, 255, 255],
    ink: [84, 39, 143],
};

/// A ramp from `paper` (0) to `ink` (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sequential {
    /// The colour of 0.
    pub paper: [u8; 3],
    /// The colour of 1.
    pub ink: [u8; 3],
}

impl Sequential {
    /// The colour of `t`, clamped to `[0, 1]`; grey for a value that is not a number.
    pub fn colour(&self, t: f32) -> [u8; 3] {
        if !t.is_finite() {
            return [128, 128, 128];
        }
        let t = t.clamp(0.0, 1.0);
        let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        [
            mix(self.paper[0], self.ink[0]),
            mix(self.paper[1], self.ink[1]),
            mix(self.paper[2], self.ink[2]),
        ]
    }

    /// CSS for the colour of `t`.
    pub fn css(&self, t: f32) -> String {
        let [r, g, b] = self.colour(t);
        format!("rgb({r} {g} {b})")
    }
}
