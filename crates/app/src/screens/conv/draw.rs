//! Painting the image and the maps onto small canvases (one canvas pixel per value,
//! enlarged by CSS with `image-rendering: pixelated`). Whole canvases after a change of
//! settings, only the touched rectangle while the brush moves.

use nnp_core::conv::{FeatureMap, Rect, affected_pool_rect};
use nnp_core::raster::{ColourRamp, Diverging, region_max_abs};
use web_sys::HtmlCanvasElement;
use yew::NodeRef;

use super::model::{MAX_KERNELS, Model, max_abs};
use crate::widgets::canvas;
use crate::widgets::colours::BLUE_ORANGE;

/// The site's one colour language for signed values: blue positive, orange negative,
/// white zero (as on every other screen).
const DIVERGING: Diverging = BLUE_ORANGE;

/// Black (0) to white (`scale`).
fn grey(t: f32) -> [u8; 3] {
    let g = (t.clamp(0.0, 1.0) * 255.0).round() as u8;
    [g, g, g]
}

/// Writes `region` of a row-major plane of width `width` onto `canvas`, colouring each
/// value `v` by the ramp at `v / scale`. `buf` is reused between calls.
fn put_region(
    canvas: &HtmlCanvasElement,
    plane: &[f32],
    width: usize,
    region: Rect,
    scale: f32,
    ramp: &ColourRamp,
    buf: &mut Vec<u8>,
) {
    if region.is_empty() {
        return;
    }
    ramp.paint_region(plane, width, region, scale, buf);
    canvas::blit(
        canvas,
        buf,
        region.width,
        region.height,
        (region.x, region.y),
    );
}

fn canvas(node: &NodeRef, width: usize, height: usize) -> Option<HtmlCanvasElement> {
    let element = node.cast::<HtmlCanvasElement>()?;
    canvas::fit(&element, width, height);
    Some(element)
}

/// The canvases of the screen and the colour scales they were last drawn with.
#[derive(Debug, Default)]
pub struct Drawer {
    /// The painted image.
    pub input: NodeRef,
    /// The feature maps, one per kernel.
    pub maps: [NodeRef; MAX_KERNELS],
    /// The maps after the activation.
    pub activated: [NodeRef; MAX_KERNELS],
    /// The pooled maps.
    pub pooled: [NodeRef; MAX_KERNELS],
    scales: [[f32; MAX_KERNELS]; 3],
    buf: Vec<u8>,
    ramps: Option<(ColourRamp, ColourRamp)>,
}

/// While the brush moves, a map that outgrows its colour scale gets this much headroom, so
/// the next frames can draw only the touched rectangle again (the stroke's end redraws
/// everything at the exact scale).
const HEADROOM: f32 = 1.5;

impl Drawer {
    /// The grey ramp of the image and the diverging ramp of the maps.
    fn ramps(&mut self) -> (ColourRamp, ColourRamp) {
        self.ramps.take().unwrap_or_else(|| {
            (
                ColourRamp::new(0.0, 1.0, grey),
                ColourRamp::new(-1.0, 1.0, |t| DIVERGING.colour(t, 1.0)),
            )
        })
    }

    /// Redraws every canvas.
    pub fn draw_all(&mut self, model: &Model) {
        let (grey_ramp, ramp) = self.ramps();
        let image = model.image();
        let (w, h) = (image.width(), image.height());
        if let Some(c) = canvas(&self.input, w, h) {
            put_region(
                &c,
                image.plane(0),
                w,
                image.rect(),
                input_scale(image),
                &grey_ramp,
                &mut self.buf,
            );
        }
        let p = model.pipeline();
        for (stage, map) in [Some(p.maps()), Some(p.activated()), p.pooled()]
            .into_iter()
            .enumerate()
        {
            let Some(map) = map else { continue };
            for k in 0..map.channels().min(MAX_KERNELS) {
                let plane = map.plane(k);
                let scale = max_abs(plane);
                self.scales[stage][k] = scale;
                let node = self.node(stage, k).clone();
                if let Some(c) = canvas(&node, map.width(), map.height()) {
                    put_region(
                        &c,
                        plane,
                        map.width(),
                        map.rect(),
                        scale,
                        &ramp,
                        &mut self.buf,
                    );
                }
            }
        }
        self.ramps = Some((grey_ramp, ramp));
    }

    fn node(&self, stage: usize, k: usize) -> &NodeRef {
        match stage {
            0 => &self.maps[k],
            1 => &self.activated[k],
            _ => &self.pooled[k],
        }
    }

    /// Redraws what a brush stroke changed: `dirty` on the image, `region` on the maps
    /// (and what it reaches after pooling). A map whose values outgrow its colour scale is
    /// redrawn whole with a new scale.
    pub fn draw_region(&mut self, model: &Model, dirty: Rect, region: Rect) {
        let (grey_ramp, ramp) = self.ramps();
        let image = model.image();
        if let Some(c) = self.input.cast::<HtmlCanvasElement>() {
            let scale = input_scale(image);
            put_region(
                &c,
                image.plane(0),
                image.width(),
                dirty,
                scale,
                &grey_ramp,
                &mut self.buf,
            );
        }
        let p = model.pipeline();
        let maps = p.maps();
        let pooled_region = p
            .config()
            .pool
            .map(|pool| affected_pool_rect(&pool, maps.height(), maps.width(), region));
        let stages = [
            (Some(maps), Some(region)),
            (Some(p.activated()), Some(region)),
            (p.pooled(), pooled_region),
        ];
        for (stage, (map, region)) in stages.into_iter().enumerate() {
            let (Some(map), Some(region)) = (map, region) else {
                continue;
            };
            for k in 0..map.channels().min(MAX_KERNELS) {
                let plane = map.plane(k);
                let w = map.width();
                let Some(c) = self.node(stage, k).cast::<HtmlCanvasElement>() else {
                    continue;
                };
                let region = if region_max_abs(plane, w, region) > self.scales[stage][k] {
                    self.scales[stage][k] = HEADROOM * max_abs(plane);
                    map.rect()
                } else {
                    region
                };
                let scale = self.scales[stage][k];
                put_region(&c, plane, w, region, scale, &ramp, &mut self.buf);
            }
        }
        self.ramps = Some((grey_ramp, ramp));
    }
}
/// The white point of the image: 1 for painted images, the largest value otherwise (the
/// lecture's patch goes up to 50).
pub fn input_scale(image: &FeatureMap) -> f32 {
    max_abs(image.data()).max(1.0)
}

/// CSS for a legend bar from the most negative (orange, left) through white to the most
/// positive (blue, right).
pub fn legend_gradient() -> String {
    let [r0, g0, b0] = DIVERGING.negative;
    let [r1, g1, b1] = DIVERGING.positive;
    format!("linear-gradient(90deg, rgb({r0} {g0} {b0}), #fff, rgb({r1} {g1} {b1}))")
}
