//! A painter and its share-link settings, both ways.

use nnp_core::conv::{FeatureMap, LECTURE_PATCH};

use super::{ImageOrigin, LECTURE_SIZE, Model, Notice, START_KERNELS, Slot, format_number};
use crate::screens::conv::link::{ImageSetting, KernelSetting, KernelWeights, Settings};
use crate::screens::conv::pack::Pixels;

/// The brush of a fresh screen, in pixels of a 128² canvas.
const BRUSH_AT_128: f32 = 6.0;

impl Model {
    /// Everything a share link holds about this painter.
    pub fn settings(&self) -> Settings {
        let size = self.kernel_size;
        let kernels = self
            .slots
            .iter()
            .map(|slot| {
                // A preset's name stands for its weights only while they are unchanged.
                let weights = match slot.preset {
                    Some(id) if Slot::from_preset(id, size).weights == slot.weights => {
                        KernelWeights::Preset(id)
                    }
                    _ => KernelWeights::Weights(slot.weights.clone()),
                };
                KernelSetting {
                    weights,
                    bias: slot.bias,
                }
            })
            .collect();
        let image = match self.origin {
            ImageOrigin::Sample(sample) => ImageSetting::Sample(sample),
            ImageOrigin::Lecture => ImageSetting::Lecture,
            ImageOrigin::Painted => ImageSetting::Pixels(Pixels {
                side: self.resolution(),
                values: self.image.data().to_vec(),
            }),
        };
        Settings {
            resolution: self.resolution(),
            image,
            kernel_size: size,
            kernels,
            config: *self.pipeline.config(),
            probe: self.probe,
            link_levels: false,
        }
    }

    /// The painter `settings` describe. Parts that do not fit together (a kernel whose
    /// weights do not fill the kernel size, a probe outside the maps) are left at their
    /// defaults and named in a [`Notice::LinkPartlyRead`].
    pub fn from_settings(settings: &Settings) -> Self {
        let mut model = Model::new();
        let mut problems = Vec::new();
        let size = settings.kernel_size;
        model.kernel_size = size;
        let fits = |k: &KernelSetting| match &k.weights {
            KernelWeights::Preset(_) => true,
            KernelWeights::Weights(w) => w.len() == size * size,
        };
        model.slots = if !settings.kernels.is_empty() && settings.kernels.iter().all(fits) {
            settings
                .kernels
                .iter()
                .map(|k| {
                    let mut slot = match &k.weights {
                        KernelWeights::Preset(id) => Slot::from_preset(id, size),
                        KernelWeights::Weights(w) => Slot::from_weights(w.clone(), None),
                    };
                    slot.bias = k.bias;
                    slot.bias_text = format_number(k.bias);
                    slot
                })
                .collect()
        } else {
            problems.push("k".to_string());
            START_KERNELS
                .iter()
                .map(|id| Slot::from_preset(id, size))
                .collect()
        };
        let n = settings.resolution;
        let (image, origin) = match &settings.image {
            ImageSetting::Sample(sample) => {
                let n = if n == LECTURE_SIZE { 128 } else { n };
                model.image = FeatureMap::new(1, n, n);
                model.draw_sample(*sample);
                (model.image.clone(), ImageOrigin::Sample(*sample))
            }
            ImageSetting::Lecture => (
                FeatureMap::from_data(1, LECTURE_SIZE, LECTURE_SIZE, LECTURE_PATCH.to_vec()),
                ImageOrigin::Lecture,
            ),
            ImageSetting::Pixels(p) => (
                FeatureMap::from_data(1, p.side, p.side, p.values.clone()),
                ImageOrigin::Painted,
            ),
            ImageSetting::Omitted => {
                model.notice = Some(Notice::LinkWithoutImage);
                (FeatureMap::new(1, n, n), ImageOrigin::Painted)
            }
        };
        model.brush_size = (BRUSH_AT_128 * image.width() as f32 / 128.0).clamp(1.0, 64.0);
        model.image = image;
        model.origin = origin;
        model.probe = None;
        model.set_config(settings.config);
        if let Some(p) = settings.probe {
            model.set_probe(p.map, p.x, p.y);
            if model.probe.is_none() {
                problems.push("probe".to_string());
            }
        }
        if !problems.is_empty() {
            problems.dedup();
            model.notice = Some(Notice::LinkPartlyRead(problems));
        }
        model
    }
}
