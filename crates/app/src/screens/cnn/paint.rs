//! Pictures on the screen's canvases, one canvas pixel per value (enlarged by CSS):
//! kernels and signed maps blue (+) / orange (−) / white (0), values in [0, 1] (the input,
//! the drawing) on a white-to-ink ramp.

use nnp_core::cnn::{CnnActivations, DRAWING_SIDE};
use nnp_core::conv::FeatureMap;
use nnp_core::raster::max_abs;
use web_sys::HtmlCanvasElement;
use yew::NodeRef;

use super::drawing::Drawing;
use crate::widgets::canvas;
use crate::widgets::colours::BLUE_ORANGE;

/// Number of kernels (rows of the network picture).
pub const KERNELS: usize = 8;
/// The colour of 1 on the white-to-ink ramp.
pub const INK: [u8; 3] = [22, 35, 64];

/// The canvases the screen paints.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Canvases {
    /// The input going through the network.
    pub input: NodeRef,
    /// One per kernel: its weights, its map, the map after ReLU, after pooling.
    pub kernels: [NodeRef; KERNELS],
    pub conv: [NodeRef; KERNELS],
    pub relu: [NodeRef; KERNELS],
    pub pooled: [NodeRef; KERNELS],
    /// The 32×32 draw box.
    pub draw: NodeRef,
    /// The drawing reduced to 8×8.
    pub draw_input: NodeRef,
}

/// The scales the pictures are coloured by (shown in the legends).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scales {
    /// Largest |w| over all kernels.
    pub kernels: f32,
    /// Largest |a| over all feature maps (ReLU and pooled maps use it too).
    pub maps: f32,
}

/// The scales of `kernels` (the flat weights) and `acts`.
pub fn scales(kernels: &[f32], acts: &CnnActivations) -> Scales {
    let positive = |m: f32| if m > 1e-6 { m } else { 1.0 };
    Scales {
        kernels: positive(max_abs(kernels)),
        maps: positive(max_abs(acts.conv.data())),
    }
}

/// White (0) to ink (1).
pub fn ink(v: f32) -> [u8; 3] {
    let t = if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) };
    std::array::from_fn(|k| {
        let (p, e) = (255.0, f32::from(INK[k]));
        (p + (e - p) * t).round() as u8
    })
}

/// Reused pixel buffer, so a frame allocates no Rust memory for pixels.
#[derive(Debug, Default)]
pub struct Painter {
    buf: Vec<u8>,
}

impl Painter {
    fn paint(
        &mut self,
        node: &NodeRef,
        values: &[f32],
        (w, h): (usize, usize),
        colour: impl Fn(f32) -> [u8; 3],
    ) {
        let Some(canvas) = node.cast::<HtmlCanvasElement>() else {
            return;
        };
        self.buf.clear();
        for &v in values.iter().take(w * h) {
            let [r, g, b] = colour(v);
            self.buf.extend_from_slice(&[r, g, b, 255]);
        }
        if self.buf.len() == w * h * 4 {
            canvas::fit(&canvas, w, h);
            canvas::blit(&canvas, &self.buf, w, h, (0, 0));
        }
    }

    fn planes(
        &mut self,
        nodes: &[NodeRef; KERNELS],
        map: &FeatureMap,
        colour: impl Fn(f32) -> [u8; 3] + Copy,
    ) {
        let size = (map.width(), map.height());
        for (k, node) in nodes.iter().enumerate().take(map.channels()) {
            self.paint(node, map.plane(k), size, colour);
        }
    }

    /// The network's kernels and every layer's maps for the shown input.
    pub fn network(&mut self, c: &Canvases, kernels: &[f32], side: usize, acts: &CnnActivations) {
        let s = scales(kernels, acts);
        let signed = |scale: f32| move |v: f32| BLUE_ORANGE.colour(v / scale, 1.0);
        self.paint(
            &c.input,
            acts.input.data(),
            (acts.input.width(), acts.input.height()),
            ink,
        );
        for (k, node) in c.kernels.iter().enumerate() {
            if let Some(w) = kernels.get(k * side * side..(k + 1) * side * side) {
                self.paint(node, w, (side, side), signed(s.kernels));
            }
        }
        self.planes(&c.conv, &acts.conv, signed(s.maps));
        self.planes(&c.relu, &acts.relu, signed(s.maps));
        self.planes(&c.pooled, &acts.pooled, signed(s.maps));
    }

    /// The draw box and its 8×8 reduction.
    pub fn drawing(&mut self, c: &Canvases, drawing: &Drawing) {
        let cells: Vec<f32> = drawing
            .inked()
            .iter()
            .map(|&on| if on { 1.0 } else { 0.0 })
            .collect();
        self.paint(&c.draw, &cells, (DRAWING_SIDE, DRAWING_SIDE), ink);
        self.paint(&c.draw_input, &drawing.input(), (8, 8), ink);
    }
}
