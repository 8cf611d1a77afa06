//! Feature maps: `channels` planes of `rows` rows of `cols` values, stored planar and
//! row-major, so value `(channel, row, col)` sits at `channel·rows·cols + row·cols + col`.
//! Every shape and index is given outermost first, as in ndarray: `(channel, row, col)`.

use serde::{Deserialize, Serialize};

/// A stack of equally sized 2-D maps (an image's channels, or a layer's feature maps).
///
/// ```
/// use nnp_core::conv::FeatureMap;
///
/// // Two channels of 2 rows × 3 columns, planar: all of channel 0 row by row, then channel 1.
/// let map = FeatureMap::from_data(2, 2, 3, (1..=12).map(|v| v as f32).collect());
/// assert_eq!(map.shape(), (2, 2, 3)); // (channels, rows, cols)
/// assert_eq!(map.plane(1), [7.0, 8.0, 9.0, 10.0, 11.0, 12.0]);
/// assert_eq!((map.get(0, 1, 2), map.get(1, 0, 1)), (6.0, 8.0)); // (channel, row, col)
/// assert_eq!(map.min_max(), (1.0, 12.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeatureMap {
    width: usize,
    height: usize,
    channels: usize,
    data: Vec<f32>,
}

impl FeatureMap {
    /// `channels` planes of `rows × cols` zeros.
    pub fn new(channels: usize, rows: usize, cols: usize) -> Self {
        Self {
            width: cols,
            height: rows,
            channels,
            data: vec![0.0; channels * rows * cols],
        }
    }

    /// `channels` planes of `rows × cols` over existing planar, row-major data.
    pub fn from_data(channels: usize, rows: usize, cols: usize, data: Vec<f32>) -> Self {
        assert_eq!(
            data.len(),
            channels * rows * cols,
            "a {channels}×{rows}×{cols} feature map (channels × rows × cols) needs {} values",
            channels * rows * cols
        );
        Self {
            width: cols,
            height: rows,
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

    /// `(channels, rows, cols)`, outermost first.
    pub fn shape(&self) -> (usize, usize, usize) {
        (self.channels, self.height, self.width)
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

    /// The value in row `row`, column `col` of channel `channel`.
    pub fn get(&self, channel: usize, row: usize, col: usize) -> f32 {
        self.check_pixel(row, col);
        self.plane(channel)[row * self.width + col]
    }

    /// Sets the value in row `row`, column `col` of channel `channel`.
    pub fn set(&mut self, channel: usize, row: usize, col: usize, value: f32) {
        self.check_pixel(row, col);
        let cols = self.width;
        self.plane_mut(channel)[row * cols + col] = value;
    }

    fn check_pixel(&self, row: usize, col: usize) {
        assert!(
            row < self.height && col < self.width,
            "(row {row}, col {col}) outside a {}×{} map (rows × cols)",
            self.height,
            self.width
        );
    }

    /// Gives the map a new shape, zero-filled, only if the shape differs; returns whether
    /// it changed. Keeps the allocation when it is large enough, so calling this every
    /// frame with the same shape costs nothing and keeps the old values.
    pub fn reshape(&mut self, channels: usize, rows: usize, cols: usize) -> bool {
        if self.shape() == (channels, rows, cols) {
            return false;
        }
        self.width = cols;
        self.height = rows;
        self.channels = channels;
        self.data.clear();
        self.data.resize(channels * rows * cols, 0.0);
        true
    }

    /// The whole map as a rectangle.
    pub fn rect(&self) -> Rect {
        Rect::full(self.height, self.width)
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

/// A rectangle of pixels: rows `y..y + height`, columns `x..x + width` (a dirty region,
/// a window). Built rows first, like everything else: [`Rect::new`]`(top, left, rows, cols)`.
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
    /// A rectangle of `rows × cols` pixels whose top-left pixel is in row `top`, column
    /// `left`.
    pub fn new(top: usize, left: usize, rows: usize, cols: usize) -> Self {
        Self {
            x: left,
            y: top,
            width: cols,
            height: rows,
        }
    }

    /// The whole of a `rows × cols` map.
    pub fn full(rows: usize, cols: usize) -> Self {
        Self {
            x: 0,
            y: 0,
            width: cols,
            height: rows,
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

    /// Whether the pixel in row `row`, column `col` lies inside.
    pub fn contains(&self, row: usize, col: usize) -> bool {
        col >= self.x && col < self.right() && row >= self.y && row < self.bottom()
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
        Rect::new(y, x, bottom - y, right - x)
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
            y,
            x,
            self.bottom().max(other.bottom()) - y,
            self.right().max(other.right()) - x,
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
        // 2 channels of 2 rows × 3 columns.
        let m = FeatureMap::from_data(2, 2, 3, (0..12).map(|v| v as f32).collect());
        assert_eq!((m.channels(), m.height(), m.width()), (2, 2, 3));
        assert_eq!(m.get(0, 1, 2), 5.0);
        assert_eq!(m.get(1, 0, 0), 6.0);
        assert_eq!(m.get(1, 1, 0), 9.0);
        assert_eq!(m.plane(1), &[6.0, 7.0, 8.0, 9.0, 10.0, 11.0]);
        assert_eq!(m.min_max(), (0.0, 11.0));
    }

    #[test]
    fn reshape_keeps_values_only_for_the_same_shape() {
        let mut m = FeatureMap::from_data(1, 2, 2, vec![1.0; 4]);
        assert!(!m.reshape(1, 2, 2));
        assert_eq!(m.data(), &[1.0; 4]);
        assert!(m.reshape(1, 1, 3));
        assert_eq!((m.height(), m.width(), m.data()), (1, 3, &[0.0; 3][..]));
    }

    #[test]
    fn rect_set_operations() {
        let a = Rect::new(1, 1, 3, 4);
        let b = Rect::new(0, 3, 2, 5);
        assert_eq!(a.intersect(b), Rect::new(1, 3, 1, 2));
        assert_eq!(a.union(b), Rect::new(0, 1, 4, 7));
        assert!(a.intersect(Rect::new(10, 10, 1, 1)).is_empty());
        assert_eq!(Rect::default().union(b), b);
        assert!(a.contains(3, 4) && !a.contains(3, 5) && !a.contains(4, 3));
    }
}
