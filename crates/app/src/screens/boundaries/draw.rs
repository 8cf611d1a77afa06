//! Drawing on the screen's canvases: the score heatmap, the points, one thumbnail per
//! feature and unit. Colours follow TensorFlow Playground: blue +1, orange −1, white 0.

use nnp_core::activation::Activation;
use nnp_core::dataset::RANGE;
use nnp_core::raster::max_abs;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use super::model::Model;
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
}

/// The most thumbnails one training frame repaints: a network of 8 × 32 units has 259, and
/// repainting all of them every frame would push a frame past its budget, so they take
/// turns (each is fresh within a few frames, about a tenth of a second).
pub const THUMBS_PER_FRAME: u32 = 64;

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

    /// One thumbnail per `canvas.bd-thumb` under `root` (`data-col` 0 is φ, then layers).
    /// Repaints the units' thumbnails: all of them, or with `share`, that many in turn
    /// (the next ones each call), so a big network's frames stay short while it trains.
    pub fn thumbnails(&mut self, root: &Element, model: &Model, share: Option<u32>) {
        let Ok(list) = root.query_selector_all("canvas.bd-thumb") else {
            return;
        };
        let layers = model.mlp.layers();
        let last = layers.len();
        let count = list.length();
        let (start, take) = match share {
            Some(n) if n < count => (self.next_thumb % count, n),
            _ => (0, count),
        };
        self.next_thumb = (start + take) % count.max(1);
        for i in (0..take).map(|k| (start + k) % count) {
            let Some(canvas) = list
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlCanvasElement>().ok())
            else {
                continue;
            };
            let attr = |name: &str| {
                canvas
                    .get_attribute(name)
                    .and_then(|v| v.parse::<usize>().ok())
            };
            let (Some(col), Some(unit)) = (attr("data-col"), attr("data-unit")) else {
                continue;
            };
            let (values, activation) = if col == 0 {
                if unit >= model.features.len() {
                    continue;
                }
                (model.grid.input(unit), None)
            } else {
                match layers.get(col - 1) {
                    Some(layer) if unit < layer.units && col <= model.grid.layer_count() => {
                        (model.grid.unit(col - 1, unit), Some(layer.activation))
                    }
                    _ => continue,
                }
            };
            let range = scale(activation, values, col == last);
            BLUE_ORANGE.paint(values, range.0, range.1, 1.0, &mut self.buf);
            put(&canvas, model.grid.n(), &self.buf);
        }
    }
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
