//! The painter's share link: the image (a sample or the lecture's by name, a painting
//! packed), the kernels (a preset by name, else every weight exactly), the chain's settings
//! and the probed pixel. A link keeps a painting in 16 grey levels and leaves it out when
//! it would pass [`MAX_LINK`](share::MAX_LINK); files and the browser's storage keep every
//! value.

use nnp_core::conv::{PipelineConfig, preset};

use super::link_values::{
    activation, read_padding, read_pool, read_weights, write_padding, write_pool, write_weights,
};
use super::model::{KERNEL_SIZES, LECTURE_SIZE, MAX_KERNELS, Probe, RESOLUTIONS, Sample};
use super::pack::{self, Pixels};
use crate::share::{self, Field, flag, flag_text, whole};

/// Where the image comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageSetting {
    /// A sample drawn at the resolution.
    Sample(Sample),
    /// The lecture's 7 × 7 patch.
    Lecture,
    /// Painted or uploaded pixels.
    Pixels(Pixels),
    /// Left out of a link that would have been too long (a blank canvas).
    Omitted,
}

/// One kernel: a preset by name, or its weights.
#[derive(Debug, Clone, PartialEq)]
pub enum KernelWeights {
    /// The preset placed centred at the kernel size.
    Preset(&'static str),
    /// Row-major weights.
    Weights(Vec<f32>),
}

/// One kernel and its bias.
#[derive(Debug, Clone, PartialEq)]
pub struct KernelSetting {
    /// The weights.
    pub weights: KernelWeights,
    /// The bias `b`.
    pub bias: f32,
}

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Side of the (square) image.
    pub resolution: usize,
    /// The image.
    pub image: ImageSetting,
    /// Side of every kernel.
    pub kernel_size: usize,
    /// The kernels, one per feature map.
    pub kernels: Vec<KernelSetting>,
    /// Stride, padding, activation, pooling and the dense layer.
    pub config: PipelineConfig,
    /// The probed feature-map pixel.
    pub probe: Option<Probe>,
    /// Write pixels in 16 grey levels (a link) rather than exactly (a file, the storage).
    pub link_levels: bool,
}

fn write_kernel(k: &KernelSetting) -> String {
    let weights = match &k.weights {
        KernelWeights::Preset(id) => (*id).to_string(),
        KernelWeights::Weights(w) => write_weights(w),
    };
    if k.bias.to_bits() == 0 {
        weights
    } else {
        format!("{weights}:{}", k.bias)
    }
}

fn read_kernel(text: &str) -> Result<KernelSetting, String> {
    let (weights, bias) = match text.split_once(':') {
        Some((w, b)) => {
            let bias = b.parse::<f32>().ok().filter(|b| b.is_finite());
            (w, bias.ok_or_else(|| format!("'{b}' is not a bias"))?)
        }
        None => (text, 0.0),
    };
    let weights = if weights.starts_with(|c: char| c.is_ascii_alphabetic()) {
        let p = preset(weights).ok_or_else(|| format!("unknown kernel '{weights}'"))?;
        KernelWeights::Preset(p.id)
    } else {
        KernelWeights::Weights(read_weights(weights)?)
    };
    Ok(KernelSetting { weights, bias })
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "n",
            write: |s| Some(s.resolution.to_string()),
            read: |s, v| {
                let n = whole(v, 512)? as usize;
                if n != LECTURE_SIZE && !RESOLUTIONS.contains(&n) {
                    return Err(format!("{n} is not a canvas size"));
                }
                s.resolution = n;
                Ok(())
            },
        },
        Field {
            key: "img",
            write: |s| match &s.image {
                ImageSetting::Sample(sample) => Some(sample.id().to_string()),
                ImageSetting::Lecture => Some("lecture".into()),
                ImageSetting::Omitted => Some("file".into()),
                ImageSetting::Pixels(_) => None,
            },
            read: |s, v| {
                s.image = match v {
                    "lecture" => ImageSetting::Lecture,
                    "file" => ImageSetting::Omitted,
                    _ => ImageSetting::Sample(Sample::from_id(v).ok_or("unknown image")?),
                };
                Ok(())
            },
        },
        Field {
            key: "px",
            write: |s| match &s.image {
                ImageSetting::Pixels(p) => Some(pack::pack(p, s.link_levels)),
                _ => None,
            },
            read: |s, v| {
                s.image = ImageSetting::Pixels(pack::unpack(v)?);
                Ok(())
            },
        },
        Field {
            key: "ks",
            write: |s| Some(s.kernel_size.to_string()),
            read: |s, v| {
                let size = whole(v, 9)? as usize;
                if !KERNEL_SIZES.contains(&size) {
                    return Err(format!("{size} is not a kernel size"));
                }
                s.kernel_size = size;
                Ok(())
            },
        },
        Field {
            key: "k",
            write: |s| {
                let kernels: Vec<String> = s.kernels.iter().map(write_kernel).collect();
                Some(kernels.join(";"))
            },
            read: |s, v| {
                let kernels: Vec<KernelSetting> =
                    v.split(';').map(read_kernel).collect::<Result<_, _>>()?;
                if kernels.len() > MAX_KERNELS {
                    return Err(format!("more than {MAX_KERNELS} kernels"));
                }
                s.kernels = kernels;
                Ok(())
            },
        },
        Field {
            key: "st",
            write: |s| Some(s.config.conv.stride.to_string()),
            read: |s, v| share::set_clamped(&mut s.config.conv.stride, whole(v, 4)? as usize, 1, 4),
        },
        Field {
            key: "pad",
            write: |s| Some(write_padding(s.config.conv.padding)),
            read: |s, v| {
                s.config.conv.padding = read_padding(v)?;
                Ok(())
            },
        },
        Field {
            key: "flip",
            write: |s| s.config.conv.flip.then(|| flag_text(true)),
            read: |s, v| {
                s.config.conv.flip = flag(v)?;
                Ok(())
            },
        },
        Field {
            key: "act",
            write: |s| Some(s.config.activation.id().to_string()),
            read: |s, v| {
                s.config.activation = activation(v)?;
                Ok(())
            },
        },
        Field {
            key: "pool",
            write: |s| Some(write_pool(s.config.pool)),
            read: |s, v| {
                s.config.pool = read_pool(v)?;
                Ok(())
            },
        },
        Field {
            key: "out",
            write: |s| Some(s.config.dense_outputs.to_string()),
            read: |s, v| {
                share::set_clamped(&mut s.config.dense_outputs, whole(v, 4)? as usize, 1, 4)
            },
        },
        Field {
            key: "dact",
            write: |s| Some(s.config.dense_activation.id().to_string()),
            read: |s, v| {
                s.config.dense_activation = activation(v)?;
                Ok(())
            },
        },
        Field {
            key: "seed",
            write: |s| Some(s.config.seed.to_string()),
            read: |s, v| {
                s.config.seed = whole(v, u64::MAX)?;
                Ok(())
            },
        },
        Field {
            key: "probe",
            write: |s| s.probe.map(|p| format!("{}.{}.{}", p.map, p.x, p.y)),
            read: |s, v| {
                let parts: Vec<&str> = v.split('.').collect();
                let [map, x, y] = parts[..] else {
                    return Err(format!("'{v}' is not map.x.y"));
                };
                s.probe = Some(Probe {
                    map: whole(map, MAX_KERNELS as u64 - 1)? as usize,
                    x: whole(x, 512)? as usize,
                    y: whole(y, 512)? as usize,
                });
                Ok(())
            },
        },
    ]
}

/// The whole state as a query, every pixel exact (for the storage and files).
pub fn write_full(settings: &Settings) -> String {
    let exact = Settings {
        link_levels: false,
        ..settings.clone()
    };
    share::write_query(&fields(), &exact)
}

/// The share link's query, a painting in 16 grey levels; the painting is left out (and
/// `true` returned) when it would make the link too long.
pub fn write(settings: &Settings) -> (String, bool) {
    let fields = fields();
    let mut link = Settings {
        link_levels: true,
        ..settings.clone()
    };
    let query = share::write_query(&fields, &link);
    if query.len() <= share::MAX_LINK || !matches!(link.image, ImageSetting::Pixels(_)) {
        return (query, false);
    }
    link.image = ImageSetting::Omitted;
    (share::write_query(&fields, &link), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn kernels_read_back_exactly() {
        for text in [
            "sobel-x",
            "sobel-x:0.5",
            "0.1,-2,3.3333333:-1e-7",
            "0.11111111,0.11111111,0.11111111,0.11111111",
        ] {
            let kernel = read_kernel(text).unwrap();
            assert_eq!(
                read_kernel(&write_kernel(&kernel)).unwrap(),
                kernel,
                "{text}"
            );
        }
        let odd = KernelSetting {
            weights: KernelWeights::Weights(vec![1.0 / 3.0, -7e-20, 3.4e38, -0.0]),
            bias: 1.0 / 7.0,
        };
        let text = write_kernel(&odd);
        assert!(text.starts_with('*'), "long decimals are packed: {text}");
        assert_eq!(read_kernel(&text).unwrap(), odd);
        assert!(read_kernel("blur").is_err());
        assert!(read_kernel("1,NaN").is_err());
        assert!(read_kernel("1,inf").is_err());
        assert!(read_kernel("1:x").is_err());
        assert!(read_kernel(&vec!["1"; 82].join(",")).is_err());
    }

    #[test]
    fn pooling_and_padding_read_back() {
        for pool in ["none", "max.2.2", "average.3.1"] {
            assert_eq!(write_pool(read_pool(pool).unwrap()), pool);
        }
        assert!(read_pool("max.9.2").is_err());
        assert!(read_pool("median.2.2").is_err());
        for padding in ["same", "valid", "z3"] {
            assert_eq!(write_padding(read_padding(padding).unwrap()), padding);
        }
        assert!(read_padding("z99").is_err());
    }
}
