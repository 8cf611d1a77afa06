//! Pooling (down-sampling, lecture §6): each `size × size` block of a map, taken every
//! `stride` pixels, is replaced by its max or its mean,
//! `out(y, x) = max/mean { in(s·y + i, s·x + j) : 0 ≤ i, j < size }`.
//! No padding: `out = (in − size)/s + 1` (a partial block at the edge is dropped, as in
//! PyTorch's default).

use serde::{Deserialize, Serialize};

use super::convolve::{affected_range, output_size};
use super::map::{FeatureMap, Rect};

/// Which summary of a block pooling keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PoolKind {
    /// The largest value: "is the feature anywhere in this block?".
    #[default]
    Max,
    /// The mean value.
    Average,
}

impl PoolKind {
    /// A short stable name, used in links and files.
    pub fn id(self) -> &'static str {
        match self {
            PoolKind::Max => "max",
            PoolKind::Average => "average",
        }
    }

    /// The kind whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        [PoolKind::Max, PoolKind::Average]
            .into_iter()
            .find(|k| k.id() == id)
    }
}

/// Block size, stride and kind of a pooling layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PoolConfig {
    /// Max or average.
    pub kind: PoolKind,
    /// Side of each block (≥ 1).
    pub size: usize,
    /// Step between blocks (≥ 1); equal to `size` for non-overlapping blocks.
    pub stride: usize,
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self {
            kind: PoolKind::Max,
            size: 2,
            stride: 2,
        }
    }
}

impl PoolConfig {
    /// `(rows, cols)` of the pooled maps for `rows × cols` maps.
    pub fn output_shape(&self, rows: usize, cols: usize) -> (usize, usize) {
        assert!(self.size > 0, "the pooling block needs at least one pixel");
        (
            output_size(rows, self.size, 0, 0, self.stride),
            output_size(cols, self.size, 0, 0, self.stride),
        )
    }

    /// The block of input pixels behind the pooled pixel in row `row`, column `col`.
    pub fn window(&self, row: usize, col: usize) -> Rect {
        Rect::new(row * self.stride, col * self.stride, self.size, self.size)
    }
}

/// The pooled rectangle that changes when the maps change inside `dirty`.
pub fn affected_pool_rect(config: &PoolConfig, rows: usize, cols: usize, dirty: Rect) -> Rect {
    let (oh, ow) = config.output_shape(rows, cols);
    let dirty = dirty.intersect(Rect::full(rows, cols));
    let (x0, x1) = affected_range(dirty.x, dirty.right(), config.size, 0, config.stride, ow);
    let (y0, y1) = affected_range(dirty.y, dirty.bottom(), config.size, 0, config.stride, oh);
    if x1 <= x0 || y1 <= y0 {
        return Rect::default();
    }
    Rect::new(y0, x0, y1 - y0, x1 - x0)
}

/// Pools every channel of `input` into `out`, reshaping `out` only if needed.
pub fn pool_into(input: &FeatureMap, config: &PoolConfig, out: &mut FeatureMap) {
    let (oh, ow) = config.output_shape(input.height(), input.width());
    out.reshape(input.channels(), oh, ow);
    pool_region(input, config, Rect::full(oh, ow), out);
}

/// Pools every channel of `input`, allocating the result.
///
/// ```
/// use nnp_core::conv::{FeatureMap, PoolConfig, PoolKind, pool};
///
/// #[rustfmt::skip]
/// let map = FeatureMap::from_data(1, 4, 4, vec![
///     1.0, 2.0, 0.0, 0.0,
///     3.0, 4.0, 0.0, 1.0,
///     0.0, 0.0, 5.0, 5.0,
///     0.0, 8.0, 5.0, 5.0,
/// ]);
/// let max = pool(&map, &PoolConfig::default()); // 2×2 blocks, stride 2
/// assert_eq!(max.data(), [4.0, 1.0, 8.0, 5.0]);
/// let mean = PoolConfig { kind: PoolKind::Average, ..PoolConfig::default() };
/// assert_eq!(pool(&map, &mean).data(), [2.5, 0.25, 2.0, 5.0]);
/// ```
pub fn pool(input: &FeatureMap, config: &PoolConfig) -> FeatureMap {
    let mut out = FeatureMap::default();
    pool_into(input, config, &mut out);
    out
}

/// Recomputes only the pooled pixels inside `region`; `out` must already have the
/// pooled shape.
pub fn pool_region(input: &FeatureMap, config: &PoolConfig, region: Rect, out: &mut FeatureMap) {
    let (oh, ow) = config.output_shape(input.height(), input.width());
    assert_eq!(
        out.shape(),
        (input.channels(), oh, ow),
        "the pooled map must be {}×{oh}×{ow} (channels × rows × cols)",
        input.channels()
    );
    let region = region.intersect(Rect::full(oh, ow));
    let (w, size, s) = (input.width(), config.size, config.stride);
    let scale = 1.0 / (size * size) as f32;
    for c in 0..input.channels() {
        let plane = input.plane(c);
        let out_plane = out.plane_mut(c);
        for y in region.y..region.bottom() {
            for x in region.x..region.right() {
                let rows =
                    (y * s..y * s + size).map(|iy| &plane[iy * w + x * s..iy * w + x * s + size]);
                out_plane[y * ow + x] = match config.kind {
                    PoolKind::Max => rows.flatten().fold(f32::NEG_INFINITY, |m, &v| m.max(v)),
                    PoolKind::Average => rows.flatten().sum::<f32>() * scale,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conv::reference::{AVG3S2, IMG, MAX2};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn image() -> FeatureMap {
        FeatureMap::from_data(2, 6, 9, IMG.to_vec())
    }

    #[test]
    fn max_pooling_matches_numpy() {
        let out = pool(&image(), &PoolConfig::default());
        assert_eq!(out.shape(), (2, 3, 4));
        assert_eq!(out.data(), &MAX2);
    }

    #[test]
    fn average_pooling_matches_numpy() {
        let config = PoolConfig {
            kind: PoolKind::Average,
            size: 3,
            stride: 2,
        };
        let out = pool(&image(), &config);
        assert_eq!(out.shape(), (2, 2, 4));
        for (got, want) in out.data().iter().zip(AVG3S2) {
            assert!((got - want).abs() < 1e-6, "{got} vs {want}");
        }
        assert_eq!(config.window(1, 1), Rect::new(2, 2, 3, 3));
        assert_eq!(
            config.window(0, 3),
            Rect::new(0, 6, 3, 3),
            "row 0, column 3"
        );
    }

    #[test]
    fn lecture_quadrants_keep_each_quadrants_max() {
        // "split a map into 4 quadrants and keep one value each"
        let map = FeatureMap::from_data(
            1,
            4,
            4,
            vec![
                1.0, 5.0, 0.0, 2.0, 3.0, 2.0, 9.0, 1.0, 0.0, 0.0, 4.0, 4.0, 7.0, 1.0, 4.0, 6.0,
            ],
        );
        let config = PoolConfig {
            kind: PoolKind::Max,
            size: 2,
            stride: 2,
        };
        assert_eq!(pool(&map, &config).data(), &[5.0, 9.0, 7.0, 6.0]);
        let mean = PoolConfig {
            kind: PoolKind::Average,
            ..config
        };
        assert_eq!(pool(&map, &mean).data(), &[2.75, 3.0, 2.0, 4.5]);
    }

    #[test]
    fn region_pooling_equals_full_pooling() {
        for config in [
            PoolConfig::default(),
            PoolConfig {
                kind: PoolKind::Average,
                size: 3,
                stride: 2,
            },
            PoolConfig {
                kind: PoolKind::Max,
                size: 3,
                stride: 1,
            },
        ] {
            for dirty in [
                Rect::new(2, 2, 1, 1),
                Rect::new(4, 0, 2, 3),
                Rect::new(0, 8, 6, 1),
            ] {
                let mut after = image();
                after.set(1, dirty.y, dirty.x, 50.0);
                after.set(0, dirty.bottom() - 1, dirty.right() - 1, 40.0);
                let mut out = pool(&image(), &config);
                let region = affected_pool_rect(&config, 6, 9, dirty);
                pool_region(&after, &config, region, &mut out);
                assert_eq!(
                    out,
                    pool(&after, &config),
                    "{config:?} {dirty:?} {region:?}"
                );
            }
        }
    }

    #[test]
    fn kind_ids_round_trip() {
        for kind in [PoolKind::Max, PoolKind::Average] {
            assert_eq!(PoolKind::from_id(kind.id()), Some(kind));
        }
        assert_eq!(PoolKind::from_id("min"), None);
    }
}
