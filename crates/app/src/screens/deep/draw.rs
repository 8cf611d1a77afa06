//! Pictures on the screen's canvases: digits and their reconstructions (ink on paper), each
//! unit's weights (blue positive, orange negative, scaled by the unit's own largest |w|),
//! and the codes in the plane, each drawn as its digit in its class colour.

use nnp_core::deep::{DIGIT_SIDE, Projection, Reconstructed};
use web_sys::HtmlCanvasElement;

use crate::widgets::canvas;
use crate::widgets::colours::BLUE_ORANGE;

/// Pictures per row of the feature grid.
pub const FEATURE_COLUMNS: usize = 8;
/// Side of the projection canvas in canvas pixels.
pub const PLANE_PX: u32 = 360;
/// One colour per digit class (Tableau 10).
pub const CLASS_COLOURS: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b8950b", "#b07aa1", "#ff6f86",
    "#9c755f", "#6b6b6b",
];
const CELL: usize = DIGIT_SIDE + 1;
const GAP: [u8; 3] = [222, 226, 232];

/// Canvas size of a grid of `count` 8×8 pictures in `columns` columns, 1 px apart.
pub fn grid_size(count: usize, columns: usize) -> (u32, u32) {
    let cols = count.clamp(1, columns.max(1));
    let rows = count.div_ceil(columns.max(1)).max(1);
    ((cols * CELL - 1) as u32, (rows * CELL - 1) as u32)
}

/// Reused pixel buffer, so a frame allocates no Rust memory for pixels.
#[derive(Debug, Default)]
pub struct Painter {
    buf: Vec<u8>,
}

impl Painter {
    fn begin(&mut self, width: usize, height: usize) {
        self.buf.clear();
        for _ in 0..width * height {
            self.buf.extend_from_slice(&[GAP[0], GAP[1], GAP[2], 255]);
        }
    }

    fn set(&mut self, width: usize, x: usize, y: usize, rgb: [u8; 3]) {
        let at = 4 * (y * width + x);
        if let Some(px) = self.buf.get_mut(at..at + 3) {
            px.copy_from_slice(&rgb);
        }
    }

    /// Paints an 8×8 picture at grid cell `(col, row)` with `colour` per value.
    fn picture(
        &mut self,
        width: usize,
        col: usize,
        row: usize,
        values: &[f64],
        colour: impl Fn(f64) -> [u8; 3],
    ) {
        for (i, &v) in values.iter().take(DIGIT_SIDE * DIGIT_SIDE).enumerate() {
            let (x, y) = (col * CELL + i % DIGIT_SIDE, row * CELL + i / DIGIT_SIDE);
            self.set(width, x, y, colour(v));
        }
    }

    fn put(&self, canvas: &HtmlCanvasElement, width: usize, height: usize) {
        canvas::fit(canvas, width, height);
        canvas::blit(canvas, &self.buf, width, height, (0, 0));
    }

    /// Inputs in the top row, their reconstructions below.
    pub fn digits(&mut self, canvas: &HtmlCanvasElement, recs: &[Reconstructed]) {
        let (w, h) = grid_size(2 * recs.len().max(1), recs.len().max(1));
        let (w, h) = (w as usize, h as usize);
        self.begin(w, h);
        for (col, rec) in recs.iter().enumerate() {
            self.picture(w, col, 0, &rec.input, ink);
            self.picture(w, col, 1, &rec.image, ink);
        }
        self.put(canvas, w, h);
    }

    /// Each unit's picture, scaled by its own largest |w|.
    pub fn features(&mut self, canvas: &HtmlCanvasElement, images: &[Vec<f64>]) {
        let (w, h) = grid_size(images.len(), FEATURE_COLUMNS);
        let (w, h) = (w as usize, h as usize);
        self.begin(w, h);
        for (unit, image) in images.iter().enumerate() {
            let max = image.iter().fold(1e-12_f64, |m, v| m.max(v.abs()));
            let (col, row) = (unit % FEATURE_COLUMNS, unit / FEATURE_COLUMNS);
            self.picture(w, col, row, image, |v| diverging(v / max));
        }
        self.put(canvas, w, h);
    }
}

/// Pixel value 0 (paper) … 1 (ink).
fn ink(v: f64) -> [u8; 3] {
    let g = (255.0 * (1.0 - v.clamp(0.0, 1.0))).round() as u8;
    [g, g, g]
}

/// −1 orange … 0 white … +1 blue.
fn diverging(t: f64) -> [u8; 3] {
    BLUE_ORANGE.colour(t as f32, 1.0)
}

/// The projected codes, each drawn as its digit in its class colour.
pub fn projection(canvas: &HtmlCanvasElement, p: &Projection) {
    let Some(ctx) = canvas::context_2d(canvas) else {
        return;
    };
    let side = f64::from(PLANE_PX);
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, side, side);
    let finite = p
        .points
        .iter()
        .filter(|q| q.x.is_finite() && q.y.is_finite());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for q in finite.clone() {
        (x0, x1, y0, y1) = (x0.min(q.x), x1.max(q.x), y0.min(q.y), y1.max(q.y));
    }
    if x0 > x1 {
        return;
    }
    let margin = 14.0;
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let scale = (side - 2.0 * margin) / span;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    ctx.set_font("bold 13px sans-serif");
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    for q in finite {
        let x = side / 2.0 + (q.x - cx) * scale;
        let y = side / 2.0 - (q.y - cy) * scale;
        ctx.set_fill_style_str(CLASS_COLOURS[q.label % CLASS_COLOURS.len()]);
        let _ = ctx.fill_text(DIGIT_NAMES[q.label % DIGIT_NAMES.len()], x, y);
    }
}

const DIGIT_NAMES: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
