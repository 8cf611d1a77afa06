//! The painter's state: the painted image, the kernel editor's cells and the core
//! [`Pipeline`] that turns one into feature maps. No Html here, no browser either, so it
//! runs in native tests.

use nnp_core::activation::Activation;
use nnp_core::conv::{
    CURVE_DETECTOR, FeatureMap, KernelBank, LECTURE_PATCH, ParameterConfig, ParameterCounts,
    Pipeline, PipelineConfig, ReceptiveField, Rect, parameter_counts, receptive_field,
};

mod kernels;
mod restore;
mod sample;
mod slot;
#[cfg(test)]
mod tests;

pub use sample::Sample;
use sample::segment_distance;
pub use slot::{Slot, format_number};

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

/// Where the image on the canvas came from (what a link has to carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageOrigin {
    /// A sample, drawn at the resolution.
    Sample(Sample),
    /// The lecture's 7 × 7 patch.
    Lecture,
    /// Painted, uploaded, cleared or resampled: the pixels themselves.
    Painted,
}

/// Something the screen tells the user about the last action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The uploaded file is not an image the browser can read.
    NotAnImage,
    /// The uploaded file is too large to decode safely.
    TooLarge,
    /// An image was loaded and scaled to the painting resolution.
    Uploaded,
    /// These parts of the link (keys) could not be used; the rest was.
    LinkPartlyRead(Vec<String>),
    /// These parts of the remembered state could not be used; it was set aside.
    SavedPartlyRead(Vec<String>),
    /// The link came without its painting (too detailed for a link).
    LinkWithoutImage,
}

/// The whole painter.
#[derive(Debug)]
pub struct Model {
    image: FeatureMap,
    origin: ImageOrigin,
    kernel_size: usize,
    slots: Vec<Slot>,
    pipeline: Pipeline,
    /// Brush or eraser.
    pub tool: Tool,
    /// Brush diameter in image pixels.
    pub brush_size: f32,
    /// Ink the brush lays down (0–1).
    pub intensity: f32,
    undo: Vec<(FeatureMap, ImageOrigin)>,
    last_point: Option<(f32, f32)>,
    /// The feature-map pixel whose multiply-and-sum is shown.
    pub probe: Option<Probe>,
    /// The last message for the user.
    pub notice: Option<Notice>,
    /// Bumped on every change the page must show; drives the redraw.
    pub generation: u64,
    /// The share link had to leave the painting out (it would be too long).
    pub link_without_image: bool,
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
            image: FeatureMap::new(1, 128, 128),
            origin: ImageOrigin::Sample(Sample::Seven),
            kernel_size: 3,
            pipeline: Pipeline::new(PipelineConfig::default(), KernelBank::new(1, 1, 3, 3)),
            slots,
            tool: Tool::Brush,
            brush_size: 6.0,
            intensity: 1.0,
            undo: Vec::new(),
            last_point: None,
            probe: None,
            notice: None,
            generation: 0,
            link_without_image: false,
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

    /// Where the image came from.
    pub fn origin(&self) -> ImageOrigin {
        self.origin
    }

    fn remember(&mut self) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push((self.image.clone(), self.origin));
    }

    fn replace_image(&mut self, image: FeatureMap) {
        self.remember();
        self.origin = ImageOrigin::Painted;
        if image.shape() != self.image.shape() {
            self.probe = None;
        }
        self.image = image;
        self.pipeline.run(&self.image);
    }

    /// Takes back the last stroke, clear or load.
    pub fn undo(&mut self) {
        if let Some((image, origin)) = self.undo.pop() {
            if image.shape() != self.image.shape() {
                self.probe = None;
            }
            self.image = image;
            self.origin = origin;
            self.pipeline.run(&self.image);
        }
    }

    /// Paints everything black.
    pub fn clear(&mut self) {
        let n = self.resolution();
        self.replace_image(FeatureMap::new(1, n, n));
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
        self.image = FeatureMap::from_data(1, n, n, data);
    }

    /// Replaces the image by a sample drawn at the current resolution (or 128 for 7 × 7).
    pub fn load_sample(&mut self, sample: Sample) {
        self.remember();
        if self.resolution() == LECTURE_SIZE {
            self.image = FeatureMap::new(1, 128, 128);
            self.probe = None;
        }
        self.draw_sample(sample);
        self.origin = ImageOrigin::Sample(sample);
        self.pipeline.run(&self.image);
    }

    /// The lecture's 7 × 7 patch under its curve detector (first kernel), with the
    /// multiply-and-sum of the centre pixel shown.
    pub fn load_lecture(&mut self) {
        self.remember();
        self.image = FeatureMap::from_data(1, LECTURE_SIZE, LECTURE_SIZE, LECTURE_PATCH.to_vec());
        self.origin = ImageOrigin::Lecture;
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
        self.replace_image(FeatureMap::from_data(1, size, size, grey));
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
                self.image.get(0, y, x)
            })
            .collect();
        self.brush_size = (self.brush_size * size as f32 / old as f32).clamp(1.0, 64.0);
        self.replace_image(FeatureMap::from_data(1, size, size, data));
    }

    /// Starts a stroke at image position `(x, y)`; returns the changed pixels.
    pub fn stroke_begin(&mut self, x: f32, y: f32) -> Rect {
        self.remember();
        self.origin = ImageOrigin::Painted;
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
        Rect::new(y0, x0, y1.saturating_sub(y0), x1.saturating_sub(x0))
    }

    /// Recomputes what the pixels in `dirty` affect; returns the changed map rectangle.
    pub fn run_region(&mut self, dirty: Rect) -> Rect {
        self.pipeline.run_region(&self.image, dirty)
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
                p.y,
                p.x,
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

pub use nnp_core::raster::max_abs;
