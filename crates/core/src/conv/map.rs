//! Feature maps: `channels` planes of `height` rows of `width` values, stored planar and
//! row-major, so value `(c, x, y)` sits at `c·width·height + y·width + x`.

use serde::{Deserialize, Serialize};

/// A stack of equally sized 2-D maps (an image's channels, or a layer's feature maps).
///
/// ```
/// use nnp_core::conv::FeatureMap;
///
/// // Two 2×2 channels, planar: all of channel 0 row by row, then channel 1.
/// let map = FeatureMap::from_data(2, 2, 2, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
/// assert_eq!(map.plane(1), [5.0, 6.0, 7.0, 8.0]);
/// assert_eq!((map.get(0, 1, 1), map.get(1, 0, 0)), (4.0, 5.0));
/// assert_eq!(map.min_max(), (1.0, 8.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeatureMap {
    width: usize,
    height: usize,
    channels: usize,
    data: Vec<f32>,
}

impl FeatureMap {
    /// A map of zeros.
    pub fn new(width: usize, height: usize, channels: usize) -> Self {
        Self {
            width,
            height,
            channels,
            data: vec![0.0; width * height * channels],
        }
    }

    /// A map over existing planar, row-major data.
    pub fn from_data(width: usize, height: usize, channels: usize, data: Vec<f32>) -> Self {
        assert_eq!(
            data.len(),
            width * height * channels,
            "a {width}×{height}×{channels} feature map needs {} values",
            width * height * channels
        );
        Self {
            width,
            height,
            channels,
            data,
        }
    }

    /// Width (columns).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height (rows).
    pub fn height(&self) -> usize {
        self.height
    }

    /// Number of channels (planes).
    pub fn channels(&self) -> usize {
        self.channels
    }

    /// `(width, height, channels)`.
    pub fn shape(&self) -> (usize, usize, usize) {
        (self.width, self.height, self.channels)
    }

    /// Values in one plane: `width · height`.
    pub fn plane_len(&self) -> usize {
        self.width * self.height
    }

    /// All values, planar and row-major.
    pub fn data(&self) -> &[f32] {
        &self.data
    }

    /// All values, mutable.
    pub fn data_mut(&mut self) -> &mut [f32] {
        &mut self.data
    }

    /// The values, consuming the map.
    pub fn into_data(self) -> Vec<f32> {
        self.data
    }

    /// Channel `c` as a row-major plane.
    pub fn plane(&self, c: usize) -> &[f32] {
        assert!(
            c < self.channels,
            "channel {c} of a {}-channel map",
            self.channels
        );
        let n = self.plane_len();
        &self.data[c * n..(c + 1) * n]
    }

    /// Channel `c` as a mutable row-major plane.
    pub fn plane_mut(&mut self, c: usize) -> &mut [f32] {
        assert!(
            c < self.channels,
            "channel {c} of a {}-channel map",
            self.channels
        );
        let n = self.plane_len();
        &mut self.data[c * n..(c + 1) * n]
    }

    /// The value at column `x`, row `y` of channel `c`.
    pub fn get(&self, c: usize, x: usize, y: usize) -> f32 {
        assert!(
            x < self.width && y < self.height,
            "({x}, {y}) outside a {}×{} map",
            self.width,
            self.height
        );
        self.plane(c)[y * self.width + x]
    }

    /// Sets the value at column `x`, row `y` of channel `c`.
    pub fn set(&mut self, c: usize, x: usize, y: usize, value: f32) {
        assert!(
            x < self.width && y < self.height,
            "({x}, {y}) outside a {}×{} map",
            self.width,
            self.height
        );
        let w = self.width;
        self.plane_mut(c)[y * w + x] = value;
    }

    /// Gives the map a new shape, zero-filled, only if the shape differs; returns whether
    /// it changed. Keeps the allocation when it is large enough, so calling this every
    /// frame with the same shape costs nothing and keeps the old values.
    pub fn reshape(&mut self, width: usize, height: usize, channels: usize) -> bool {
        if self.shape() == (width, height, channels) {
            return false;
        }
        self.width = width;
        self.height = height;
        self.channels = channels;
        self.data.clear();
        self.data.resize(width * height * channels, 0.0);
        true
    }

    /// The whole map as a rectangle.
    pub fn rect(&self) -> Rect {
        Rect::full(self.width, self.height)
    }

    /// Smallest and largest value (`(0, 0)` for an empty map), for colour scales.
    pub fn min_max(&self) -> (f32, f32) {
        if self.data.is_empty() {
            return (0.0, 0.0);
        }
        self.data
            .iter()
            .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            })
    }
}

/// A rectangle of pixels `x..x + width`, `y..y + height` (a dirty region, a window).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rect {
    /// Left column.
    pub x: usize,
    /// Top row.
    pub y: usize,
    /// Number of columns.
    pub width: usize,
    /// Number of rows.
    pub height: usize,
}

impl Rect {
    /// A rectangle from its corner and size.
    pub fn new(x: usize, y: usize, width: usize, height: usize) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The whole of a `width × height` map.
    pub fn full(width: usize, height: usize) -> Self {
        Self {
            x: 0,
            y: 0,
            width,
            height,
        }
    }

    /// One column past the right edge.
    pub fn right(&self) -> usize {
        self.x + self.width
    }

    /// One row past the bottom edge.
    pub fn bottom(&self) -> usize {
        self.y + self.height
    }

    /// Whether it covers no pixel.
    pub fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }

    /// Whether pixel `(x, y)` lies inside.
    pub fn contains(&self, x: usize, y: usize) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    /// The overlap of two rectangles (empty if they do not meet).
    pub fn intersect(&self, other: Rect) -> Rect {
        let x = self.x.max(other.x);
        let y = self.y.max(other.y);
        let right = self.right().min(other.right());
        let bottom = self.bottom().min(other.bottom());
        if right <= x || bottom <= y {
            return Rect::default();
        }
        Rect::new(x, y, right - x, bottom - y)
    }

    /// The smallest rectangle covering both (an empty one is ignored), to merge the
    /// dirty regions of several brush dabs.
    pub fn union(&self, other: Rect) -> Rect {
        if self.is_empty() {
            return other;
        }
        if other.is_empty() {
            return *self;
        }
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn planes_are_row_major_and_planar() {
        let m = FeatureMap::from_data(3, 2, 2, (0..12).map(|v| v as f32).collect());
        assert_eq!(m.get(0, 2, 1), 5.0);
        assert_eq!(m.get(1, 0, 0), 6.0);
        assert_eq!(m.plane(1), &[6.0, 7.0, 8.0, 9.0, 10.0, 11.0]);
        assert_eq!(m.min_max(), (0.0, 11.0));
    }

    #[test]
    fn reshape_keeps_values_only_for_the_same_shape() {
        let mut m = FeatureMap::from_data(2, 2, 1, vec![1.0; 4]);
        assert!(!m.reshape(2, 2, 1));
        assert_eq!(m.data(), &[1.0; 4]);
        assert!(m.reshape(3, 1, 1));
        assert_eq!(m.data(), &[0.0; 3]);
    }

    #[test]
    fn rect_set_operations() {
        let a = Rect::new(1, 1, 4, 3);
        let b = Rect::new(3, 0, 5, 2);
        assert_eq!(a.intersect(b), Rect::new(3, 1, 2, 1));
        assert_eq!(a.union(b), Rect::new(1, 0, 7, 4));
        assert!(a.intersect(Rect::new(10, 10, 1, 1)).is_empty());
        assert_eq!(Rect::default().union(b), b);
        assert!(a.contains(4, 3) && !a.contains(5, 3));
    }
}
