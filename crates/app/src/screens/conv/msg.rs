//! What the user can do on the painter, and how each action changes the model.

use nnp_core::conv::PipelineConfig;

use super::model::{Model, Notice, Sample, Tool};

/// One user action (brush strokes bypass this: they run every pointer move).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Brush or eraser.
    Tool(Tool),
    /// Brush diameter in image pixels.
    BrushSize(f32),
    /// Ink of the brush, 0–1.
    Intensity(f32),
    /// Paint everything black.
    Clear,
    /// Take back the last change of the image.
    Undo,
    /// Load a sample image.
    Sample(Sample),
    /// Load the lecture's 7 × 7 example and its curve detector.
    Lecture,
    /// Change the painting resolution.
    Resolution(usize),
    /// Text typed into a kernel cell: kernel, cell, text.
    Cell(usize, usize, String),
    /// Text typed into a kernel's bias.
    Bias(usize, String),
    /// Preset chosen for a kernel.
    Preset(usize, String),
    /// Side of every kernel.
    KernelSize(usize),
    /// One more kernel.
    AddKernel,
    /// Remove a kernel.
    RemoveKernel(usize),
    /// Stride, padding, activation, pooling or dense settings.
    Config(PipelineConfig),
    /// Show the multiply-and-sum of a feature-map pixel: map, x, y.
    Probe(usize, usize, usize),
    /// A decoded upload: side and grey values.
    Upload(usize, Vec<f32>),
    /// The file could not be read as an image.
    UploadFailed,
    /// The picked file is larger than the upload limit.
    UploadTooLarge,
    /// The stroke ended: show the final state.
    StrokeEnd,
}

impl Model {
    /// Applies one action and marks the page for redrawing.
    pub fn update(&mut self, msg: Msg) {
        if !matches!(msg, Msg::Probe(..) | Msg::StrokeEnd) {
            self.notice = None;
        }
        // Pointing and brush settings change no pixel: the canvases stay as they are
        // (hovering a map must not redraw every map).
        let pixels_change = !matches!(
            msg,
            Msg::Tool(_) | Msg::BrushSize(_) | Msg::Intensity(_) | Msg::Probe(..)
        );
        match msg {
            Msg::Tool(tool) => self.tool = tool,
            Msg::BrushSize(size) if size.is_finite() => self.brush_size = size.clamp(1.0, 64.0),
            Msg::Intensity(v) if v.is_finite() => self.intensity = v.clamp(0.0, 1.0),
            Msg::BrushSize(_) | Msg::Intensity(_) => {}
            Msg::Clear => self.clear(),
            Msg::Undo => self.undo(),
            Msg::Sample(sample) => self.load_sample(sample),
            Msg::Lecture => self.load_lecture(),
            Msg::Resolution(size) => self.set_resolution(size),
            Msg::Cell(k, cell, text) => self.set_cell(k, cell, text),
            Msg::Bias(k, text) => self.set_bias(k, text),
            Msg::Preset(k, id) => self.set_preset(k, &id),
            Msg::KernelSize(size) => self.set_kernel_size(size),
            Msg::AddKernel => self.add_kernel(),
            Msg::RemoveKernel(k) => self.remove_kernel(k),
            Msg::Config(config) => self.set_config(config),
            Msg::Probe(map, x, y) => self.set_probe(map, x, y),
            Msg::Upload(size, grey) => self.load_pixels(size, grey),
            Msg::UploadFailed => self.notice = Some(Notice::NotAnImage),
            Msg::UploadTooLarge => self.notice = Some(Notice::TooLarge),
            Msg::StrokeEnd => self.stroke_end(),
        }
        if pixels_change {
            self.generation += 1;
        }
    }
}
