//! Colours shared by the screens' pictures.

use nnp_core::raster::Diverging;

/// Scores and weights: blue for +1, orange for −1, white for 0 (as TensorFlow Playground;
/// readable for colour-blind viewers).
pub const BLUE_ORANGE: Diverging = Diverging {
    negative: [245, 147, 34],
    paper: [255, 255, 255],
    positive: [8, 119, 189],
};
