//! Where the network diagram's links are: the diagram's geometry (columns that close up for
//! a deep network), the link under a pointer (by its line's name, or by geometry on the
//! links canvas of a big network), and the links painted on that canvas.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::draw::weight_colour;
use super::model::{Link, Model};

pub(super) const HEADER: f64 = 78.0;
/// Above this many links the diagram draws its links on a canvas, not as SVG lines: a
/// network of 8 × 32 units has over 7,000, and re-rendering that many elements took a
/// frame of 100–200 ms. The pointer finds the nearest link by geometry instead.
pub const LINKS_ON_CANVAS: usize = 2000;
pub(super) const LABEL_W: f64 = 64.0;
/// Columns are this far apart when there is room…
pub(super) const COL_PITCH: f64 = 112.0;
/// …and come closer, down to this, so that a deep network still fits this width (a
/// projector's 1024 px page): the diagram scales with the depth instead of scrolling.
pub(super) const MIN_COL_PITCH: f64 = 84.0;
pub(super) const FIT_WIDTH: f64 = 880.0;

pub(super) struct Geometry {
    pub(super) counts: Vec<usize>,
    pub(super) thumb: f64,
    pub(super) pitch: f64,
    pub(super) col_pitch: f64,
    pub(super) rows: usize,
}

impl Geometry {
    pub(super) fn new(counts: Vec<usize>) -> Self {
        let rows = counts.iter().copied().max().unwrap_or(1);
        let thumb = match rows {
            0..=6 => 44.0,
            7..=12 => 34.0,
            _ => 26.0,
        };
        let gaps = counts.len().saturating_sub(1).max(1) as f64;
        let col_pitch =
            ((FIT_WIDTH - LABEL_W - thumb - 12.0) / gaps).clamp(MIN_COL_PITCH, COL_PITCH);
        Self {
            counts,
            thumb,
            pitch: thumb + 8.0,
            col_pitch,
            rows,
        }
    }

    pub(super) fn x(&self, col: usize) -> f64 {
        LABEL_W + col as f64 * self.col_pitch
    }

    pub(super) fn y(&self, col: usize, unit: usize) -> f64 {
        let count = self.counts[col] as f64;
        HEADER + (self.rows as f64 - count) * self.pitch / 2.0 + unit as f64 * self.pitch
    }

    pub(super) fn width(&self) -> f64 {
        self.x(self.counts.len() - 1) + self.thumb + 12.0
    }

    pub(super) fn height(&self) -> f64 {
        HEADER + self.rows as f64 * self.pitch
    }

    /// The strip of the links between column `gap` and the next: `(left, width)`, from the
    /// right edge of one column's pictures to the left edge of the next's.
    pub(super) fn gap(&self, gap: usize) -> (f64, f64) {
        let left = self.x(gap) + self.thumb;
        (left, self.x(gap + 1) - left)
    }

    /// The box of a column's thumbnails: `(left, top, width, height)`.
    pub(super) fn column(&self, col: usize) -> (f64, f64, f64, f64) {
        let count = self.counts[col] as f64;
        let height = ((count - 1.0) * self.pitch + self.thumb).max(0.0);
        (self.x(col), self.y(col, 0), self.thumb, height)
    }
}

/// The link nearest to the pointer on the links canvas (within a few pixels), by geometry.
pub(super) fn nearest_link(shape: &[usize], event: &MouseEvent) -> Option<Link> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = element.get_bounding_client_rect();
    let geo = Geometry::new(shape.to_vec());
    // The canvas may be drawn scaled (CSS); its own pixels are the geometry's.
    let scale = geo.width() / rect.width().max(1.0);
    let x = (f64::from(event.client_x()) - rect.left()) * scale;
    let y = (f64::from(event.client_y()) - rect.top()) * scale;
    link_at(shape, x, y)
}

/// The link within a few pixels of `(x, y)` on the links canvas of a network of `shape`.
fn link_at(shape: &[usize], x: f64, y: f64) -> Option<Link> {
    let geo = Geometry::new(shape.to_vec());
    let half = geo.thumb / 2.0;
    let layer = (0..shape.len().saturating_sub(1))
        .find(|&l| x >= geo.x(l) + geo.thumb && x <= geo.x(l + 1))?;
    let mut best: Option<(f64, Link)> = None;
    for to in 0..shape[layer + 1] {
        for from in 0..shape[layer] {
            let (x1, y1) = (geo.x(layer) + geo.thumb, geo.y(layer, from) + half);
            let (x2, y2) = (geo.x(layer + 1), geo.y(layer + 1, to) + half);
            let d = segment_distance((x, y), (x1, y1), (x2, y2));
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, (layer, to, from)));
            }
        }
    }
    best.filter(|(d, _)| *d <= 6.0).map(|(_, link)| link)
}

/// A line on the links canvas: `(x1, y1, x2, y2)`.
type Segment = (f64, f64, f64, f64);

/// The distance from `p` to the segment `a`–`b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// Draws the links of a big network on their canvases (inside `root`, one per gap between
/// two columns): every gap, or only `gap` (the others keep what they show). Lines are grouped
/// by colour and width so that a thousand take a few strokes; `highlight` is drawn on top.
/// The browser copies a changed canvas whole when it shows the frame (a canvas of the whole
/// diagram cost 15 ms of each frame that changed it here, 85 ms at a phone's speed), so the
/// links are in strips and a training frame redraws one strip in turn.
pub fn paint_links(
    root: &web_sys::Element,
    m: &Model,
    highlight: Option<Link>,
    thick: bool,
    gap: Option<usize>,
) {
    let layers = m.mlp.layers();
    let gaps = match gap {
        Some(l) if l < layers.len() => l..l + 1,
        Some(_) => return,
        None => 0..layers.len(),
    };
    let geo = Geometry::new(m.mlp.shape());
    for l in gaps {
        let Some(canvas) = root
            .query_selector(&format!("canvas.bd-links-gap[data-gap='{l}']"))
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            continue;
        };
        let Some(context) = crate::widgets::canvas::context_2d(&canvas) else {
            continue;
        };
        let highlight = highlight.filter(|&link| link.0 == l && link_exists(m, link));
        paint_gap(&context, m, &geo, l, highlight, thick);
    }
}

/// The links from column `l` to the next on `context`, a canvas of that strip.
fn paint_gap(
    context: &web_sys::CanvasRenderingContext2d,
    m: &Model,
    geo: &Geometry,
    l: usize,
    highlight: Option<Link>,
    thick: bool,
) {
    let Some(layer) = m.mlp.layers().get(l) else {
        return;
    };
    let scale = if thick { 2.0 } else { 1.0 };
    let half = geo.thumb / 2.0;
    let (left, width) = geo.gap(l);
    context.clear_rect(0.0, 0.0, width.ceil(), geo.height().ceil());
    context.set_global_alpha(0.75);
    context.set_line_cap("round");
    let width_of = |w: f64| scale * (w.abs() * 2.0).clamp(0.6, 7.0);
    // The strip's own coordinates: x from its left edge.
    let line = |to: usize, from: usize| -> Segment {
        (
            0.0,
            geo.y(l, from) + half,
            geo.x(l + 1) - left,
            geo.y(l + 1, to) + half,
        )
    };
    // Buckets: sign × width rounded to half a pixel.
    let mut buckets: std::collections::BTreeMap<(bool, u32), Vec<Segment>> =
        std::collections::BTreeMap::new();
    for to in 0..layer.units {
        for from in 0..layer.inputs {
            let w = m.mlp.weight(l, to, from);
            let key = (w >= 0.0, (width_of(w) * 2.0).round() as u32);
            buckets.entry(key).or_default().push(line(to, from));
        }
    }
    for ((positive, width2), lines) in buckets {
        context.set_stroke_style_str(weight_colour(if positive { 1.0 } else { -1.0 }));
        context.set_line_width(f64::from(width2) / 2.0);
        context.begin_path();
        for (x1, y1, x2, y2) in lines {
            context.move_to(x1, y1);
            context.line_to(x2, y2);
        }
        context.stroke();
    }
    context.set_global_alpha(1.0);
    if let Some((_, to, from)) = highlight {
        let w = m.mlp.weight(l, to, from);
        let (x1, y1, x2, y2) = line(to, from);
        context.set_stroke_style_str("#1b2330");
        context.set_line_width(width_of(w) + 3.0);
        context.begin_path();
        context.move_to(x1, y1);
        context.line_to(x2, y2);
        context.stroke();
        context.set_stroke_style_str(weight_colour(w));
        context.set_line_width(width_of(w));
        context.stroke();
    }
}

/// The link a pointer event happened on, from the line's `data-link` (`layer.to.from`).
pub(super) fn link_under(event: &MouseEvent) -> Option<Link> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    parse_link(&element.get_attribute("data-link")?)
}

/// `"1.2.3"` → `(1, 2, 3)`.
pub(super) fn parse_link(text: &str) -> Option<Link> {
    let mut parts = text.split('.').map(|p| p.parse::<usize>().ok());
    let link = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(link)
}
/// Whether `link` is one of the network's (a stale selection after a change is not).
pub(super) fn link_exists(m: &Model, (l, to, from): Link) -> bool {
    m.mlp
        .layers()
        .get(l)
        .is_some_and(|layer| to < layer.units && from < layer.inputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::boundaries::model::{MAX_LAYERS, MAX_UNITS};
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The deepest network the screen allows fits a projector's page; a shallow one keeps
    /// its columns wide apart.
    #[test]
    fn a_network_of_any_depth_fits_the_width() {
        for layers in 0..=MAX_LAYERS {
            let shape: Vec<usize> = std::iter::once(2)
                .chain(std::iter::repeat_n(MAX_UNITS, layers))
                .chain(std::iter::once(1))
                .collect();
            let geo = Geometry::new(shape);
            assert!(geo.width() <= FIT_WIDTH, "{layers} layers: {}", geo.width());
        }
        assert_eq!(Geometry::new(vec![2, 4, 1]).col_pitch, COL_PITCH);
    }

    /// The pointer on a link finds that link; between the columns' thumbnails, or
    /// far from every line, it finds none.
    #[test]
    fn the_pointer_finds_the_link_under_it_by_geometry() {
        let shape = [2, 3, 1];
        let geo = Geometry::new(shape.to_vec());
        let half = geo.thumb / 2.0;
        for (layer, to, from) in [(0, 1, 0), (0, 2, 1), (1, 0, 2)] {
            let (x1, y1) = (geo.x(layer) + geo.thumb, geo.y(layer, from) + half);
            let (x2, y2) = (geo.x(layer + 1), geo.y(layer + 1, to) + half);
            // A fifth of the way along (in the middle, crossing lines meet).
            let near = (x1 + (x2 - x1) * 0.2, y1 + (y2 - y1) * 0.2);
            assert_eq!(
                link_at(&shape, near.0, near.1 + 1.0),
                Some((layer, to, from))
            );
        }
        assert_eq!(
            link_at(&shape, geo.x(0) + 1.0, geo.y(0, 0) + half),
            None,
            "on a thumbnail"
        );
        assert_eq!(
            link_at(&shape, geo.x(0) + geo.thumb + 5.0, 1.0),
            None,
            "far above the lines"
        );
        assert!((segment_distance((0.0, 1.0), (-1.0, 0.0), (1.0, 0.0)) - 1.0).abs() < 1e-12);
        assert!((segment_distance((3.0, 4.0), (0.0, 0.0), (0.0, 0.0)) - 5.0).abs() < 1e-12);
    }
}
