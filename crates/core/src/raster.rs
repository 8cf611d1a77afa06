//! Numbers to pixels: colouring a plane of values into RGBA bytes a canvas can take.
//!
//! A value `v` shown on a scale `s` becomes the colour of `t = v / s ∈ [−1, 1]` (or `[0, 1]`).
//! The loops live here, beside the math, because they run over every pixel of every map
//! each frame (a 512² feature map is a quarter of a million pixels) and the core is built for
//! speed while the app is built for size. Which colours mean what stays in the app.

use crate::conv::Rect;

/// An opaque colour, red, green, blue.
pub type Rgb = [u8; 3];

/// The largest `|v|` (at least `1e-6`, so it can divide); NaN is skipped.
///
/// ```
/// use nnp_core::raster::max_abs;
/// assert_eq!(max_abs(&[0.5, -2.0, f32::NAN, 1.0]), 2.0);
/// assert_eq!(max_abs(&[0.0; 4]), 1e-6);
/// ```
pub fn max_abs(values: &[f32]) -> f32 {
    values
        .iter()
        .fold(0.0f32, |m, v| if v.abs() > m { v.abs() } else { m })
        .max(1e-6)
}

/// [`max_abs`] over `region` of a row-major plane `width` values wide.
pub fn region_max_abs(plane: &[f32], width: usize, region: Rect) -> f32 {
    (region.y..region.bottom())
        .map(|y| max_abs(&plane[y * width + region.x..y * width + region.right()]))
        .fold(0.0, f32::max)
}

/// Steps of a colour ramp: fine enough that neighbouring colours differ by at most one
/// level of 255, coarse enough to stay in the cache.
const RAMP_STEPS: usize = 1024;

/// A palette sampled once into a table, so colouring a pixel is one multiply and a lookup.
#[derive(Debug, Clone)]
pub struct ColourRamp {
    /// The value that maps to the first entry.
    low: f32,
    /// The values the ramp covers, from `low`.
    span: f32,
    colours: Vec<[u8; 4]>,
}

impl ColourRamp {
    /// Samples `palette` over `[low, high]`.
    pub fn new(low: f32, high: f32, palette: impl Fn(f32) -> Rgb) -> Self {
        assert!(
            high > low,
            "a colour ramp needs low < high, got {low} and {high}"
        );
        let colours = (0..=RAMP_STEPS)
            .map(|i| {
                let t = low + (high - low) * i as f32 / RAMP_STEPS as f32;
                let [r, g, b] = palette(t);
                [r, g, b, 255]
            })
            .collect();
        Self {
            low,
            span: high - low,
            colours,
        }
    }

    /// The RGBA colour of `t` (clamped to the ramp; NaN shows as its middle).
    pub fn colour(&self, t: f32) -> [u8; 4] {
        let x = ((t - self.low) / self.span * RAMP_STEPS as f32).clamp(0.0, RAMP_STEPS as f32);
        let i = if x.is_nan() {
            RAMP_STEPS / 2
        } else {
            x.round() as usize
        };
        self.colours[i]
    }

    /// Fills `buf` with the RGBA pixels of `region` of a row-major plane `width` values wide,
    /// each value `v` coloured as `v / scale`.
    pub fn paint_region(
        &self,
        plane: &[f32],
        width: usize,
        region: Rect,
        scale: f32,
        buf: &mut Vec<u8>,
    ) {
        assert!(
            region.right() <= width && region.bottom() * width <= plane.len(),
            "region {region:?} outside a plane {width} wide of {} values",
            plane.len()
        );
        buf.clear();
        buf.resize(region.width * region.height * 4, 0);
        let inverse = 1.0 / scale;
        let mut pixels = buf.chunks_exact_mut(4);
        for y in region.y..region.bottom() {
            let row = &plane[y * width + region.x..y * width + region.right()];
            for (&v, pixel) in row.iter().zip(&mut pixels) {
                pixel.copy_from_slice(&self.colour(v * inverse));
            }
        }
    }
}

/// Two colours on paper: negative values fade from `paper` to `negative`, positive ones
/// to `positive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diverging {
    /// The colour of `t = −1`.
    pub negative: Rgb,
    /// The colour of `t = 0`.
    pub paper: Rgb,
    /// The colour of `t = 1`.
    pub positive: Rgb,
}

impl Diverging {
    /// The colour of `t`, clamped to `[−1, 1]`, at most `strength` of the way from paper
    /// (NaN is paper).
    pub fn colour(&self, t: f32, strength: f32) -> Rgb {
        let t = if t.is_nan() { 0.0 } else { t.clamp(-1.0, 1.0) };
        let (end, a) = if t < 0.0 {
            (self.negative, -t * strength)
        } else {
            (self.positive, t * strength)
        };
        std::array::from_fn(|k| {
            let (p, e) = (f32::from(self.paper[k]), f32::from(end[k]));
            (p + (e - p) * a).round() as u8
        })
    }

    /// Fills `buf` with one RGBA pixel per value, coloured as `(v − centre) / half`.
    pub fn paint(&self, values: &[f32], centre: f32, half: f32, strength: f32, buf: &mut Vec<u8>) {
        buf.clear();
        buf.reserve(values.len() * 4);
        let inverse = 1.0 / half;
        for &v in values {
            let [r, g, b] = self.colour((v - centre) * inverse, strength);
            buf.extend_from_slice(&[r, g, b, 255]);
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    const BLUE_ORANGE: Diverging = Diverging {
        negative: [0, 0, 200],
        paper: [255, 255, 255],
        positive: [250, 100, 0],
    };

    #[test]
    fn diverging_ends_and_middle() {
        assert_eq!(BLUE_ORANGE.colour(-1.0, 1.0), [0, 0, 200]);
        assert_eq!(BLUE_ORANGE.colour(-5.0, 1.0), [0, 0, 200], "clamped");
        assert_eq!(BLUE_ORANGE.colour(0.0, 1.0), [255, 255, 255]);
        assert_eq!(BLUE_ORANGE.colour(f32::NAN, 1.0), [255, 255, 255]);
        assert_eq!(BLUE_ORANGE.colour(1.0, 1.0), [250, 100, 0]);
        // Half way at full strength, or all the way at half strength.
        assert_eq!(BLUE_ORANGE.colour(0.5, 1.0), [253, 178, 128]);
        assert_eq!(BLUE_ORANGE.colour(1.0, 0.5), [253, 178, 128]);
    }

    #[test]
    fn diverging_paint_scales_around_the_centre() {
        let mut buf = vec![9; 3];
        BLUE_ORANGE.paint(&[0.5, 1.5, -0.5], 0.5, 1.0, 1.0, &mut buf);
        assert_eq!(
            buf,
            [255, 255, 255, 255, 250, 100, 0, 255, 0, 0, 200, 255],
            "centre is paper, +half is positive, −half negative"
        );
    }

    #[test]
    fn ramp_matches_its_palette_within_one_step() {
        let palette = |t: f32| BLUE_ORANGE.colour(t, 1.0);
        let ramp = ColourRamp::new(-1.0, 1.0, palette);
        for i in 0..=200 {
            let t = -1.0 + i as f32 / 100.0;
            let [r, g, b, a] = ramp.colour(t);
            let exact = palette(t);
            for (got, want) in [r, g, b].into_iter().zip(exact) {
                assert!(got.abs_diff(want) <= 1, "t = {t}: {got} vs {want}");
            }
            assert_eq!(a, 255);
        }
        assert_eq!(
            ramp.colour(f32::NAN),
            [255, 255, 255, 255],
            "NaN is the middle"
        );
        assert_eq!(ramp.colour(7.0), [250, 100, 0, 255], "clamped");
    }

    #[test]
    fn paint_region_takes_the_rectangle_row_by_row() {
        let grey = ColourRamp::new(0.0, 1.0, |t| {
            let g = (t.clamp(0.0, 1.0) * 255.0).round() as u8;
            [g, g, g]
        });
        // A 3 × 2 plane; the right 2 × 2 rectangle, on a scale of 4.
        let plane = [0.0, 4.0, 2.0, 0.0, 1.0, 3.0];
        let mut buf = Vec::new();
        grey.paint_region(&plane, 3, Rect::new(0, 1, 2, 2), 4.0, &mut buf);
        let greys: Vec<u8> = buf.chunks(4).map(|p| p[0]).collect();
        assert_eq!(greys, [255, 128, 64, 191]);
    }

    #[test]
    fn max_abs_over_a_region() {
        let plane = [9.0, -1.0, 0.5, -8.0, 2.0, f32::NAN];
        assert_eq!(max_abs(&plane), 9.0);
        assert_eq!(max_abs(&[]), 1e-6, "never zero");
        assert_eq!(region_max_abs(&plane, 3, Rect::new(0, 1, 2, 2)), 2.0);
    }
}
