//! The painter's state: the painted image, the kernel editor's cells and the core
//! [`Pipeline`] that turns one into feature maps. No Html here, no browser either, so it
//! runs in native tests.

use nnp_core::activation::Activation;
use nnp_core::conv::{
    CURVE_DETECTOR, CellError, FeatureMap, KernelBank, LECTURE_PATCH, ParameterConfig,
    ParameterCounts, Pipeline, PipelineConfig, ReceptiveField, Rect, parameter_counts, preset,
    receptive_field, update_cell,
};

/// Most kernels (feature maps) at once.
pub const MAX_KERNELS: usize = 4;
/// Painting resolutions offered (square images).
pub const RESOLUTIONS: [usize; 4] = [64, 128, 256, 512];
/// The lecture example's size.
pub const LECTURE_SIZE: usize = 7;
/// Kernel sides offered by the size choice.
pub const KERNEL_SIZES: [usize; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/// Snapshots kept for undo.
const UNDO_DEPTH: usize = 12;
/// The kernels a fresh screen starts with.
const START_KERNELS: [&str; 4] = ["sobel-x", "sobel-y", "outline", "gaussian-blur"];

/// Brush or eraser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Adds ink up to the intensity.
    Brush,
    /// Removes ink.
    Eraser,
}

/// The procedurally drawn sample images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// A handwritten-looking seven.
    Seven,
    /// A ring.
    Ring,
    /// A square outline.
    Square,
    /// Two crossing diagonals.
    Cross,
    /// Vertical stripes.
    Stripes,
}

impl Sample {
    /// Every sample, in menu order.
    pub const ALL: [Sample; 5] = [
        Sample::Seven,
        Sample::Ring,
        Sample::Square,
        Sample::Cross,
        Sample::Stripes,
    ];

    /// Stable id for the menu.
    pub fn id(self) -> &'static str {
        match self {
            Sample::Seven => "seven",
            Sample::Ring => "ring",
            Sample::Square => "square",
            Sample::Cross => "cross",
            Sample::Stripes => "stripes",
        }
    }

    /// Ink at `(u, v)` in the unit square, given the size of one pixel `px`.
    fn ink(self, u: f32, v: f32, px: f32) -> f32 {
        let line = |d: f32, half: f32| ((half - d) / px + 0.5).clamp(0.0, 1.0);
        match self {
            Sample::Seven => line(
                segment_distance((u, v), (0.28, 0.24), (0.72, 0.24)).min(segment_distance(
                    (u, v),
                    (0.72, 0.24),
                    (0.42, 0.8),
                )),
                0.05,
            ),
            Sample::Ring => line((((u - 0.5).hypot(v - 0.5)) - 0.28).abs(), 0.05),
            Sample::Square => line(((u - 0.5).abs().max((v - 0.5).abs()) - 0.27).abs(), 0.045),
            Sample::Cross => line(
                segment_distance((u, v), (0.25, 0.25), (0.75, 0.75)).min(segment_distance(
                    (u, v),
                    (0.75, 0.25),
                    (0.25, 0.75),
                )),
                0.05,
            ),
            Sample::Stripes => {
                let phase = (u * 4.0).fract();
                if (0.15..0.85).contains(&v) && (0.35..0.65).contains(&phase) {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }
}

fn segment_distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// One kernel of the editor: its cells' texts, their last good weights and errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The preset last chosen, while the weights are unchanged.
    pub preset: Option<&'static str>,
    /// Row-major weights (last good value of every cell).
    pub weights: Vec<f32>,
    /// What each cell shows.
    pub texts: Vec<String>,
    /// Why a cell's text is ignored.
    pub errors: Vec<Option<CellError>>,
    /// The bias `b`.
    pub bias: f32,
    /// What the bias field shows.
    pub bias_text: String,
    /// Why the bias text is ignored.
    pub bias_error: Option<CellError>,
}

impl Slot {
    fn from_weights(weights: Vec<f32>, preset: Option<&'static str>) -> Self {
        Slot {
            preset,
            texts: weights.iter().map(|&w| format_number(w)).collect(),
            errors: vec![None; weights.len()],
            weights,
            bias: 0.0,
            bias_text: "0".to_owned(),
            bias_error: None,
        }
    }

    fn from_preset(id: &'static str, size: usize) -> Self {
        let weights = preset(id)
            .map(|p| resize_centred(p.weights, p.size, size))
            .unwrap_or_else(|| vec![0.0; size * size]);
        Slot::from_weights(weights, Some(id))
    }

    fn resized(&self, from: usize, to: usize) -> Self {
        let mut slot = Slot::from_weights(resize_centred(&self.weights, from, to), self.preset);
        slot.bias = self.bias;
        slot.bias_text = self.bias_text.clone();
        slot
    }

    /// Whether the weights outside the central `size × size` window are all zero.
    fn fits(&self, from: usize, size: usize) -> bool {
        let cropped = resize_centred(&self.weights, from, size);
        resize_centred(&cropped, size, from) == self.weights
    }
}

/// A square kernel of side `from` placed centred (by its centre cell `(k − 1)/2`) in one of
/// side `to`, padded with zeros or cropped.
fn resize_centred(weights: &[f32], from: usize, to: usize) -> Vec<f32> {
    let offset = (to as isize - 1) / 2 - (from as isize - 1) / 2;
    let mut out = vec![0.0; to * to];
    for i in 0..to {
        for j in 0..to {
            let (si, sj) = (i as isize - offset, j as isize - offset);
            if (0..from as isize).contains(&si) && (0..from as isize).contains(&sj) {
                out[i * to + j] = weights[si as usize * from + sj as usize];
            }
        }
    }
    out
}

/// A weight as the editor shows it: at most four decimals, no trailing zeros.
pub fn format_number(v: f32) -> String {
    if v == v.trunc() && v.abs() < 1e7 {
        return format!("{}", v as i64);
    }
    if v.abs() >= 1e7 || v.abs() < 1e-4 {
        return format!("{v:.3e}");
    }
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0" } else { text }.to_owned()
}

/// The pixel of a feature map whose receptive field is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// The feature map (kernel).
    pub map: usize,
    /// Column.
    pub x: usize,
    /// Row.
    pub y: usize,
}

/// Something the screen tells the user about the last action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The uploaded file is not an image the browser can read.
    NotAnImage,
    /// An image was loaded and scaled to the painting resolution.
    Uploaded,
}

/// The whole painter.
#[derive(Debug)]
pub struct Model {
    image: FeatureMap,
    kernel_size: usize,
    slots: Vec<Slot>,
    pipeline: Pipeline,
    /// Brush or eraser.
    pub tool: Tool,
    /// Brush diameter in image pixels.
    pub brush_size: f32,
    /// Ink the brush lays down (0–1).
    pub intensity: f32,
    undo: Vec<FeatureMap>,
    last_point: Option<(f32, f32)>,
    /// The feature-map pixel whose multiply-and-sum is shown.
    pub probe: Option<Probe>,
    /// The last message for the user.
    pub notice: Option<Notice>,
    /// Bumped on every change the page must show; drives the redraw.
    pub generation: u64,
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// A 128 × 128 seven under four classic kernels.
    pub fn new() -> Self {
        let slots: Vec<Slot> = START_KERNELS
            .iter()
            .map(|id| Slot::from_preset(id, 3))
            .collect();
        let mut model = Model {
            image: FeatureMap::new(128, 128, 1),
            kernel_size: 3,
            pipeline: Pipeline::new(PipelineConfig::default(), KernelBank::new(3, 3, 1, 1)),
            slots,
            tool: Tool::Brush,
            brush_size: 6.0,
            intensity: 1.0,
            undo: Vec::new(),
            last_point: None,
            probe: None,
            notice: None,
            generation: 0,
        };
        model.draw_sample(Sample::Seven);
        model.rebuild_kernels();
        model
    }

    /// The painted image (one channel).
    pub fn image(&self) -> &FeatureMap {
        &self.image
    }

    /// The pipeline with every stage's output.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// The kernels being edited.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// Side of every kernel.
    pub fn kernel_size(&self) -> usize {
        self.kernel_size
    }

    /// Side of the (square) image.
    pub fn resolution(&self) -> usize {
        self.image.width()
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn remember(&mut self) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(self.image.clone());
    }

    fn replace_image(&mut self, image: FeatureMap) {
        self.remember();
        if image.shape() != self.image.shape() {
            self.probe = None;
        }
        self.image = image;
        self.pipeline.run(&self.image);
    }

    /// Takes back the last stroke, clear or load.
    pub fn undo(&mut self) {
        if let Some(image) = self.undo.pop() {
            if image.shape() != self.image.shape() {
                self.probe = None;
            }
            self.image = image;
            self.pipeline.run(&self.image);
        }
    }

    /// Paints everything black.
    pub fn clear(&mut self) {
        let n = self.resolution();
        self.replace_image(FeatureMap::new(n, n, 1));
    }

    fn draw_sample(&mut self, sample: Sample) {
        let n = self.resolution();
        let px = 1.0 / n as f32;
        let data = (0..n * n)
            .map(|i| {
                let (x, y) = (i % n, i / n);
                sample.ink((x as f32 + 0.5) * px, (y as f32 + 0.5) * px, px)
            })
            .collect();
        self.image = FeatureMap::from_data(n, n, 1, data);
    }

    /// Replaces the image by a sample drawn at the current resolution (or 128 for 7 × 7).
    pub fn load_sample(&mut self, sample: Sample) {
        self.remember();
        if self.resolution() == LECTURE_SIZE {
            self.image = FeatureMap::new(128, 128, 1);
            self.probe = None;
        }
        self.draw_sample(sample);
        self.pipeline.run(&self.image);
    }

    /// The lecture's 7 × 7 patch under its curve detector (first kernel), with the
    /// multiply-and-sum of the centre pixel shown.
    pub fn load_lecture(&mut self) {
        self.remember();
        self.image = FeatureMap::from_data(LECTURE_SIZE, LECTURE_SIZE, 1, LECTURE_PATCH.to_vec());
        self.set_kernel_size(LECTURE_SIZE);
        self.slots[0] = Slot::from_weights(CURVE_DETECTOR.to_vec(), Some("curve-detector"));
        let mut config = *self.pipeline.config();
        config.conv = Default::default();
        self.pipeline.set_config(config);
        self.rebuild_kernels();
        self.probe = Some(Probe { map: 0, x: 3, y: 3 });
    }

    /// Image from grey values in 0–1, `size × size`, e.g. an uploaded picture.
    pub fn load_pixels(&mut self, size: usize, grey: Vec<f32>) {
        if size == 0 || grey.len() != size * size {
            self.notice = Some(Notice::NotAnImage);
            return;
        }
        self.replace_image(FeatureMap::from_data(size, size, 1, grey));
        self.notice = Some(Notice::Uploaded);
    }

    /// Resamples the image to `size × size` (nearest pixel) and scales the brush with it.
    pub fn set_resolution(&mut self, size: usize) {
        let old = self.resolution();
        if size == old || size == 0 {
            return;
        }
        let data = (0..size * size)
            .map(|i| {
                let (x, y) = (i % size * old / size, i / size * old / size);
                self.image.get(0, x, y)
            })
            .collect();
        self.brush_size = (self.brush_size * size as f32 / old as f32).clamp(1.0, 64.0);
        self.replace_image(FeatureMap::from_data(size, size, 1, data));
    }

    /// Starts a stroke at image position `(x, y)`; returns the changed pixels.
    pub fn stroke_begin(&mut self, x: f32, y: f32) -> Rect {
        self.remember();
        self.last_point = Some((x, y));
        self.paint_segment((x, y), (x, y))
    }

    /// Continues the stroke to `(x, y)`; returns the changed pixels.
    pub fn stroke_to(&mut self, x: f32, y: f32) -> Rect {
        match self.last_point.replace((x, y)) {
            Some(from) => self.paint_segment(from, (x, y)),
            None => Rect::default(),
        }
    }

    /// Ends the stroke.
    pub fn stroke_end(&mut self) {
        self.last_point = None;
    }

    /// Whether a stroke is under way.
    pub fn stroking(&self) -> bool {
        self.last_point.is_some()
    }

    /// Paints a round-capped line (a capsule of the brush's diameter), anti-aliased.
    fn paint_segment(&mut self, a: (f32, f32), b: (f32, f32)) -> Rect {
        let n = self.resolution();
        let r = self.brush_size / 2.0;
        let lo = |p: f32, q: f32| ((p.min(q) - r - 1.0).floor().max(0.0) as usize).min(n);
        let hi = |p: f32, q: f32| ((p.max(q) + r + 1.0).ceil().max(0.0) as usize).min(n);
        let (x0, x1, y0, y1) = (lo(a.0, b.0), hi(a.0, b.0), lo(a.1, b.1), hi(a.1, b.1));
        let (tool, intensity) = (self.tool, self.intensity);
        let plane = self.image.plane_mut(0);
        for y in y0..y1 {
            for x in x0..x1 {
                let d = segment_distance((x as f32 + 0.5, y as f32 + 0.5), a, b);
                let cover = (r - d + 0.5).clamp(0.0, 1.0);
                if cover > 0.0 {
                    let v = &mut plane[y * n + x];
                    *v = match tool {
                        Tool::Brush => v.max(intensity * cover),
                        Tool::Eraser => *v * (1.0 - cover),
                    };
                }
            }
        }
        Rect::new(x0, y0, x1.saturating_sub(x0), y1.saturating_sub(y0))
    }

    /// Recomputes what the pixels in `dirty` affect; returns the changed map rectangle.
    pub fn run_region(&mut self, dirty: Rect) -> Rect {
        self.pipeline.run_region(&self.image, dirty)
    }

    fn rebuild_kernels(&mut self) {
        let size = self.kernel_size;
        let weights = self.slots.iter().flat_map(|s| s.weights.clone()).collect();
        let bias = self.slots.iter().map(|s| s.bias).collect();
        *self.pipeline.kernels_mut() = KernelBank::from_weights(size, size, 1, weights, bias);
        self.pipeline.run(&self.image);
        if let Some(p) = self.probe {
            let maps = self.pipeline.maps();
            if p.map >= maps.channels() || p.x >= maps.width() || p.y >= maps.height() {
                self.probe = None;
            }
        }
    }

    /// Types `text` into cell `cell` of kernel `k`: a number replaces the weight, anything
    /// else is marked and ignored.
    pub fn set_cell(&mut self, k: usize, cell: usize, text: String) {
        let Some(slot) = self.slots.get_mut(k) else {
            return;
        };
        if cell >= slot.weights.len() {
            return;
        }
        let result = update_cell(&mut slot.weights[cell], &text);
        slot.errors[cell] = result.err();
        slot.texts[cell] = text;
        slot.preset = None;
        self.rebuild_kernels();
    }

    /// Types `text` into the bias of kernel `k`.
    pub fn set_bias(&mut self, k: usize, text: String) {
        let Some(slot) = self.slots.get_mut(k) else {
            return;
        };
        slot.bias_error = update_cell(&mut slot.bias, &text).err();
        slot.bias_text = text;
        self.rebuild_kernels();
    }

    /// Fills kernel `k` with preset `id`. The kernel size becomes the preset's when no
    /// other kernel loses a weight by it; otherwise the preset is placed centred.
    pub fn set_preset(&mut self, k: usize, id: &str) {
        let Some(p) = preset(id) else {
            return;
        };
        if k >= self.slots.len() {
            return;
        }
        let from = self.kernel_size;
        let others_fit = self
            .slots
            .iter()
            .enumerate()
            .all(|(i, s)| i == k || s.fits(from, p.size));
        if p.size > from || others_fit {
            self.set_kernel_size(p.size);
        }
        self.slots[k] = Slot::from_preset(p.id, self.kernel_size);
        self.rebuild_kernels();
    }

    /// Makes every kernel `size × size`, keeping each centred (zeros added or border cut).
    pub fn set_kernel_size(&mut self, size: usize) {
        if !KERNEL_SIZES.contains(&size) || size == self.kernel_size {
            return;
        }
        let from = self.kernel_size;
        self.slots = self.slots.iter().map(|s| s.resized(from, size)).collect();
        self.kernel_size = size;
        self.rebuild_kernels();
    }

    /// Adds a kernel (identity) if there is room.
    pub fn add_kernel(&mut self) {
        if self.slots.len() < MAX_KERNELS {
            self.slots
                .push(Slot::from_preset("identity", self.kernel_size));
            self.rebuild_kernels();
        }
    }

    /// Removes kernel `k`, keeping at least one.
    pub fn remove_kernel(&mut self, k: usize) {
        if self.slots.len() > 1 && k < self.slots.len() {
            self.slots.remove(k);
            self.rebuild_kernels();
        }
    }

    /// Replaces stride, padding, activation, pooling and the dense layer's settings.
    pub fn set_config(&mut self, config: PipelineConfig) {
        let config = PipelineConfig {
            dense_outputs: config.dense_outputs.clamp(1, 4),
            ..config
        };
        self.pipeline.set_config(config);
        self.rebuild_kernels();
    }

    /// Points the multiply-and-sum at pixel `(x, y)` of map `map` (ignored outside).
    pub fn set_probe(&mut self, map: usize, x: usize, y: usize) {
        let maps = self.pipeline.maps();
        if map < maps.channels() && x < maps.width() && y < maps.height() {
            self.probe = Some(Probe { map, x, y });
        }
    }

    /// The receptive field and multiply-and-sum of the probed pixel.
    pub fn receptive_field(&self) -> Option<ReceptiveField> {
        let p = self.probe?;
        let maps = self.pipeline.maps();
        (p.map < maps.channels() && p.x < maps.width() && p.y < maps.height()).then(|| {
            receptive_field(
                &self.image,
                self.pipeline.kernels(),
                &self.pipeline.config().conv,
                p.map,
                p.x,
                p.y,
            )
        })
    }

    /// Parameter counts for one hidden unit per pixel of the current image, with the
    /// current kernels' size and count.
    pub fn parameter_counts(&self) -> (ParameterConfig, ParameterCounts) {
        let config = ParameterConfig {
            pixels: (self.image.width() * self.image.height()) as u128,
            channels: 1,
            hidden_units: (self.image.width() * self.image.height()) as u128,
            patch_width: self.kernel_size as u128,
            patch_height: self.kernel_size as u128,
            kernels: self.slots.len() as u128,
            include_biases: false,
        };
        (config, parameter_counts(&config))
    }
}

/// The activations the chain offers after the feature maps.
pub const ACTIVATIONS: [Activation; 4] = [
    Activation::Relu,
    Activation::Tanh,
    Activation::Logistic,
    Activation::Linear,
];

/// Largest `|v|` of a plane, at least a tiny positive number (for colour scales).
pub fn max_abs(values: &[f32]) -> f32 {
    values
        .iter()
        .fold(0.0f32, |m, v| if v.abs() > m { v.abs() } else { m })
        .max(1e-6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nnp_core::conv::LECTURE_RESPONSE;

    #[test]
    fn lecture_example_reads_6600_at_the_centre() {
        let mut model = Model::new();
        model.load_lecture();
        let field = model.receptive_field().map(|f| f.value);
        assert_eq!(field, Some(LECTURE_RESPONSE));
        assert_eq!(model.pipeline().maps().get(0, 3, 3), LECTURE_RESPONSE);
    }

    #[test]
    fn a_bad_cell_is_marked_and_keeps_its_weight() {
        let mut model = Model::new();
        let before = model.pipeline().maps().clone();
        model.set_cell(0, 0, "abc".to_owned());
        assert!(model.slots()[0].errors[0].is_some());
        assert_eq!(model.slots()[0].weights[0], -1.0);
        assert_eq!(model.pipeline().maps(), &before);
    }

    #[test]
    fn presets_set_the_size_only_when_nothing_is_lost() {
        let mut model = Model::new();
        model.set_preset(0, "curve-detector");
        assert_eq!(model.kernel_size(), 7);
        assert_eq!(model.slots()[1].weights[3 * 7 + 3], 0.0);
        assert_eq!(model.slots()[1].weights[2 * 7 + 2], -1.0);
        model.set_preset(0, "sobel-x");
        assert_eq!(model.kernel_size(), 3);
        assert_eq!(model.slots()[1].weights, preset("sobel-y").unwrap().weights);
    }

    #[test]
    fn strokes_change_only_their_rectangle_and_undo_restores() {
        let mut model = Model::new();
        model.clear();
        let dirty = model.stroke_begin(10.0, 10.0);
        let dirty = dirty.union(model.stroke_to(40.0, 12.0));
        model.stroke_end();
        assert!(dirty.contains(10, 10) && dirty.contains(40, 12) && !dirty.contains(80, 80));
        assert_eq!(model.image().get(0, 25, 11), 1.0);
        model.undo();
        assert_eq!(model.image().get(0, 25, 11), 0.0);
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(format_number(1.0 / 9.0), "0.1111");
        assert_eq!(format_number(-2.0), "-2");
        assert_eq!(format_number(0.0625), "0.0625");
        assert_eq!(format_number(6600.0), "6600");
    }
}
