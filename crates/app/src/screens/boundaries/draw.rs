//! Drawing on the screen's canvases: the score heatmap, the points, one thumbnail per
//! feature and unit. Colours follow TensorFlow Playground: blue +1, orange −1, white 0.

use nnp_core::activation::Activation;
use nnp_core::dataset::RANGE;
use nnp_core::raster::max_abs;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use super::model::Model;
use super::network_links::Geometry;
use crate::widgets::canvas;
use crate::widgets::colours::BLUE_ORANGE;

/// Side of the points canvas in canvas pixels.
pub const PLANE_PX: u32 = 480;

/// The CSS colour of a class label.
pub fn class_colour(label: f64) -> &'static str {
    if label > 0.0 { "#0877bd" } else { "#f59322" }
}

/// The CSS colour of a weight's sign.
pub fn weight_colour(w: f64) -> &'static str {
    if w >= 0.0 { "#0877bd" } else { "#f59322" }
}

/// How a unit's values map to colours: `(centre, half-width)` of the range shown.
fn scale(activation: Option<Activation>, values: &[f32], output: bool) -> (f32, f32) {
    match activation {
        Some(Activation::Sign | Activation::Tanh) => (0.0, 1.0),
        Some(Activation::Logistic) => (0.5, 0.5),
        Some(Activation::Linear | Activation::Relu) if output => (0.0, 1.0),
        _ => (0.0, max_abs(values)),
    }
}

fn put(canvas: &HtmlCanvasElement, n: usize, buf: &[u8]) {
    canvas::blit(canvas, buf, n, n, (0, 0));
}

/// Reused pixel buffer, so a frame allocates no Rust memory.
#[derive(Debug, Default)]
pub struct Painter {
    buf: Vec<u8>,
    /// Where the next frame's share of the thumbnails starts (see [`Painter::thumbnails`]).
    next_thumb: u32,
    /// A canvas outside the page, one grid in size: each unit's picture is put there, then
    /// drawn (scaled) into its place on the diagram's one thumbnails canvas.
    scratch: Option<HtmlCanvasElement>,
    /// The thumbnails canvases last drawn on and their sizes: a new or resized one (cleared)
    /// has every picture drawn at once.
    drawn_on: Vec<(HtmlCanvasElement, u32, u32)>,
}

/// The most thumbnails one training frame repaints: a network of 8 × 32 units has 259, and
/// repainting all of them every frame would push a frame past its budget, so they take
/// turns (each is fresh within a few frames, about a tenth of a second).
pub const THUMBS_PER_FRAME: u32 = 64;

/// The values of one unit's picture over the grid, and its activation (none for φ).
fn unit_values(model: &Model, col: usize, unit: usize) -> Option<(&[f32], Option<Activation>)> {
    if col == 0 {
        return (unit < model.features.len()).then(|| (model.grid.input(unit), None));
    }
    let layer = model.mlp.layers().get(col - 1)?;
    (unit < layer.units && col <= model.grid.layer_count())
        .then(|| (model.grid.unit(col - 1, unit), Some(layer.activation)))
}

impl Painter {
    /// The score over the plane (confidence as colour strength, or only the class when
    /// discretised).
    pub fn heatmap(&mut self, canvas: &HtmlCanvasElement, model: &Model) {
        if model.grid.layer_count() == 0 {
            return;
        }
        let values = model.grid.output();
        let (centre, half) = scale(Some(model.output_activation()), values, true);
        // Discretised: every point gets its class's full colour, the boundary stays sharp.
        let half = if model.discretize {
            f32::MIN_POSITIVE
        } else {
            half
        };
        BLUE_ORANGE.paint(values, centre, half, 0.8, &mut self.buf);
        put(canvas, model.grid.n(), &self.buf);
    }

    /// Paints the units' thumbnails (φ's features, then each layer's units) into their
    /// places on their column's canvas (`canvas.bd-thumbs[data-col]` under `root`): all of
    /// them, or with `share`, that many in turn (the next ones each call), so a big network's
    /// frames stay short while it trains. A canvas per column, not per unit: each canvas on
    /// a page costs the browser's every frame, and a network of 8 × 32 has 259 units; nor one
    /// for all, whose every change the browser would copy whole.
    pub fn thumbnails(&mut self, root: &Element, model: &Model, share: Option<u32>) {
        let geo = Geometry::new(model.mlp.shape());
        let Some(columns) = column_canvases(root, &geo) else {
            // Canvases of another network (that a render has not yet replaced): left alone.
            return;
        };
        let (Some(scratch), Some(contexts)) = (
            self.scratch(),
            columns
                .iter()
                .map(|(canvas, _)| canvas::context_2d(canvas))
                .collect::<Option<Vec<_>>>(),
        ) else {
            return;
        };
        let sizes: Vec<_> = columns
            .iter()
            .map(|(c, _)| (c.clone(), c.width(), c.height()))
            .collect();
        let fresh = self.drawn_on != sizes;
        self.drawn_on = sizes;
        let units: Vec<(usize, usize)> = geo
            .counts
            .iter()
            .enumerate()
            .flat_map(|(col, &count)| (0..count).map(move |unit| (col, unit)))
            .collect();
        let count = units.len() as u32;
        let (start, take) = match share {
            Some(n) if n < count && !fresh => (self.next_thumb % count, n),
            _ => (0, count),
        };
        self.next_thumb = (start + take) % count.max(1);
        let last = model.mlp.layers().len();
        let n = model.grid.n();
        // Inside the unit's frame (`div.bd-thumb`, a border of 1 px).
        let inside = geo.thumb - 2.0 * THUMB_BORDER;
        for i in (0..take).map(|k| (start + k) % count) {
            let (col, unit) = units[i as usize];
            let Some((values, activation)) = unit_values(model, col, unit) else {
                continue;
            };
            let range = scale(activation, values, col == last);
            BLUE_ORANGE.paint(values, range.0, range.1, 1.0, &mut self.buf);
            canvas::fit(&scratch, n, n);
            put(&scratch, n, &self.buf);
            let pixel = columns[col].1;
            let top = geo.y(col, unit) - geo.y(col, 0);
            let _ = contexts[col].draw_image_with_html_canvas_element_and_dw_and_dh(
                &scratch,
                THUMB_BORDER * pixel,
                (top + THUMB_BORDER) * pixel,
                inside * pixel,
                inside * pixel,
            );
        }
    }

    /// The canvas outside the page that each picture passes through.
    fn scratch(&mut self) -> Option<HtmlCanvasElement> {
        if self.scratch.is_none() {
            self.scratch = gloo::utils::document()
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into().ok());
        }
        self.scratch.clone()
    }
}

/// The width of a unit's frame (`.bd-thumb`'s border in the style sheet).
pub const THUMB_BORDER: f64 = 1.0;

/// Canvas pixels per CSS pixel of the thumbnails canvas: the device's pixel ratio, at most
/// 2 (a 26 px thumbnail then shows the 50² grid nearly pixel for pixel).
pub fn thumbs_scale() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 2.0)
}

/// Each column's thumbnails canvas under `root` and its own pixels per CSS pixel (as the
/// view gave them), in column order; none unless every column of `geo` has its canvas, of
/// its size.
fn column_canvases(root: &Element, geo: &Geometry) -> Option<Vec<(HtmlCanvasElement, f64)>> {
    let list = root.query_selector_all("canvas.bd-thumbs").ok()?;
    if list.length() as usize != geo.counts.len() {
        return None;
    }
    (0..geo.counts.len())
        .map(|col| {
            let canvas: HtmlCanvasElement = list.item(col as u32)?.dyn_into().ok()?;
            let pixel = canvas
                .get_attribute("data-scale")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)?;
            let (_, _, width, height) = geo.column(col);
            let fits = canvas.get_attribute("data-col") == Some(col.to_string())
                && canvas.width() == (width * pixel).ceil() as u32
                && canvas.height() == (height * pixel).ceil() as u32;
            fits.then_some((canvas, pixel))
        })
        .collect()
}

/// Plane coordinates of a canvas pixel position.
pub fn to_px(x1: f64, x2: f64) -> (f64, f64) {
    let (lo, hi) = RANGE;
    let side = f64::from(PLANE_PX);
    ((x1 - lo) / (hi - lo) * side, (hi - x2) / (hi - lo) * side)
}

/// The points, training ones with a white ring and test ones with a dark ring.
pub fn points(canvas: &HtmlCanvasElement, model: &Model) {
    let Some(ctx) = canvas::context_2d(canvas) else {
        return;
    };
    let side = f64::from(PLANE_PX);
    ctx.clear_rect(0.0, 0.0, side, side);
    for (p, train) in model.points() {
        let (x, y) = to_px(p.x1, p.x2);
        ctx.begin_path();
        let _ = ctx.arc(x, y, 5.0, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str(class_colour(p.label));
        ctx.fill();
        ctx.set_line_width(if train { 1.5 } else { 2.0 });
        ctx.set_stroke_style_str(if train { "#ffffff" } else { "#1b2330" });
        ctx.stroke();
    }
}
