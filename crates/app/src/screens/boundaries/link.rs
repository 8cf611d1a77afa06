//! The screen's share link: every setting, the seed and the epoch count, and the points when
//! they were painted or erased. Opening the link rebuilds the same data and network and
//! replays the same training run epoch by epoch (the random stream is the same on every
//! platform), so no weights need to travel.
//!
//! Painted points are packed two bytes per point (each coordinate on a 256-step lattice
//! over the plane) plus two bits (label, train/test); once a user edits the points, every
//! point is snapped to that lattice, so the link holds them exactly.

use nnp_core::activation::Activation;
use nnp_core::dataset::{DatasetConfig, DatasetKind, Point, RANGE};
use nnp_core::features::{Formula, Named};
use nnp_core::loss::Loss;
use nnp_core::mlp::{LayerConfig, Regularization, TrainConfig};

use super::model::{MAX_DEGREE, MAX_LAYERS, MAX_UNITS};
use crate::share::{self, Field, flag, flag_text, from_base64url, number, to_base64url, whole};

/// The most epochs a link may ask to replay.
pub const MAX_EPOCHS: u64 = 100_000;
/// The most points a state may hold (a link with many points gets too long and leaves them
/// to the file and the browser's memory; see [`write`]).
pub const MAX_POINTS: usize = super::model::MAX_POINTS;

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// How the points are generated.
    pub data: DatasetConfig,
    /// The points with whether each is a training point, when the user edited them.
    pub points: Option<Vec<(Point, bool)>>,
    /// One flag per [`Named::ALL`] entry.
    pub named: [bool; 9],
    /// Monomials up to this degree.
    pub degree: u32,
    /// Typed formulas.
    pub formulas: Vec<String>,
    /// The linear model `W·φ(x)` instead of a network.
    pub linear: bool,
    /// Hidden layers.
    pub hidden: Vec<LayerConfig>,
    /// The loss.
    pub loss: Loss,
    /// Learning rate, batch size, regularisation.
    pub train: TrainConfig,
    /// The network's seed.
    pub seed: u64,
    /// Epochs trained.
    pub epochs: u64,
    /// The weights themselves, when some were set by hand (no replay reaches them).
    pub weights: Option<Vec<f64>>,
    /// Whether test points are shown.
    pub show_test: bool,
    /// Whether the heatmap shows only the class.
    pub discretize: bool,
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "d",
            write: |s| Some(s.data.kind.id().to_string()),
            read: |s, v| {
                s.data.kind = DatasetKind::from_id(v).ok_or("unknown data set")?;
                Ok(())
            },
        },
        Field {
            key: "noise",
            write: |s| Some(s.data.noise.to_string()),
            read: |s, v| {
                s.data.noise = number(v)?.clamp(0.0, 0.5);
                Ok(())
            },
        },
        Field {
            key: "train",
            write: |s| Some(s.data.train_fraction.to_string()),
            read: |s, v| {
                s.data.train_fraction = number(v)?.clamp(0.1, 0.9);
                Ok(())
            },
        },
        Field {
            key: "ds",
            write: |s| Some(s.data.seed.to_string()),
            read: |s, v| {
                s.data.seed = whole(v, u64::MAX)?;
                Ok(())
            },
        },
        Field {
            key: "p",
            write: |s| s.points.as_deref().map(pack_points),
            read: |s, v| {
                s.points = Some(unpack_points(v)?);
                Ok(())
            },
        },
        Field {
            key: "phi",
            write: |s| {
                let mask = s
                    .named
                    .iter()
                    .rev()
                    .fold(0u32, |m, on| (m << 1) | u32::from(*on));
                Some(mask.to_string())
            },
            read: |s, v| {
                let mask = whole(v, (1 << Named::ALL.len()) - 1)?;
                for (k, flag) in s.named.iter_mut().enumerate() {
                    *flag = mask & (1 << k) != 0;
                }
                Ok(())
            },
        },
        Field {
            key: "k",
            write: |s| (s.degree > 0).then(|| s.degree.to_string()),
            read: |s, v| {
                s.degree = whole(v, u64::from(MAX_DEGREE))? as u32;
                Ok(())
            },
        },
        Field {
            key: "f",
            write: |s| (!s.formulas.is_empty()).then(|| s.formulas.join(";")),
            read: |s, v| {
                let formulas: Vec<String> = v.split(';').map(str::to_string).collect();
                if formulas.len() > 16 {
                    return Err("more than 16 formulas".into());
                }
                if let Some(error) = formulas.iter().find_map(|f| Formula::parse(f).err()) {
                    return Err(error.to_string());
                }
                s.formulas = formulas;
                Ok(())
            },
        },
        Field {
            key: "lin",
            write: |s| s.linear.then(|| flag_text(true)),
            read: |s, v| {
                s.linear = flag(v)?;
                Ok(())
            },
        },
        Field {
            key: "h",
            write: |s| Some(write_layers(&s.hidden)),
            read: |s, v| {
                s.hidden = read_layers(v)?;
                Ok(())
            },
        },
        Field {
            key: "loss",
            write: |s| Some(s.loss.id().to_string()),
            read: |s, v| {
                s.loss = Loss::from_id(v).ok_or("unknown loss")?;
                Ok(())
            },
        },
        Field {
            key: "lr",
            write: |s| Some(s.train.learning_rate.to_string()),
            read: |s, v| {
                let rate = number(v)?;
                if rate <= 0.0 {
                    return Err("a learning rate must be positive".into());
                }
                s.train.learning_rate = rate;
                Ok(())
            },
        },
        Field {
            key: "b",
            write: |s| Some(s.train.batch_size.to_string()),
            read: |s, v| {
                s.train.batch_size = whole(v, 10_000)?.max(1) as usize;
                Ok(())
            },
        },
        Field {
            key: "reg",
            write: |s| Some(s.train.regularization.id().to_string()),
            read: |s, v| {
                s.train.regularization = Regularization::from_id(v).ok_or("unknown penalty")?;
                Ok(())
            },
        },
        Field {
            key: "rr",
            write: |s| {
                (s.train.regularization_rate != 0.0)
                    .then(|| s.train.regularization_rate.to_string())
            },
            read: |s, v| {
                let rate = number(v)?;
                if rate < 0.0 {
                    return Err("a penalty rate cannot be negative".into());
                }
                s.train.regularization_rate = rate;
                Ok(())
            },
        },
        Field {
            key: "seed",
            write: |s| Some(s.seed.to_string()),
            read: |s, v| {
                s.seed = whole(v, u64::MAX)?;
                Ok(())
            },
        },
        Field {
            key: "e",
            write: |s| (s.epochs > 0).then(|| s.epochs.to_string()),
            read: |s, v| {
                s.epochs = whole(v, MAX_EPOCHS)?;
                Ok(())
            },
        },
        Field {
            key: "w",
            write: |s| s.weights.as_deref().map(pack_weights),
            read: |s, v| {
                s.weights = Some(unpack_weights(v)?);
                Ok(())
            },
        },
        Field {
            key: "test",
            write: |s| (!s.show_test).then(|| flag_text(false)),
            read: |s, v| {
                s.show_test = flag(v)?;
                Ok(())
            },
        },
        Field {
            key: "disc",
            write: |s| s.discretize.then(|| flag_text(true)),
            read: |s, v| {
                s.discretize = flag(v)?;
                Ok(())
            },
        },
    ]
}

/// The link's query. Hand-set weights, then points, are left out (and `true` returned) when
/// they would make it too long.
pub fn write(settings: &Settings) -> (String, bool) {
    let fields = fields();
    let query = share::write_query(&fields, settings);
    if query.len() <= share::MAX_LINK {
        return (query, false);
    }
    let mut shorter = settings.clone();
    for drop in [
        |s: &mut Settings| s.weights = None,
        |s: &mut Settings| s.points = None,
    ] {
        drop(&mut shorter);
        let query = share::write_query(&fields, &shorter);
        if query.len() <= share::MAX_LINK {
            return (query, true);
        }
    }
    (share::write_query(&fields, &shorter), true)
}

/// The most weights a link may carry.
pub const MAX_WEIGHTS: usize = 2000;

/// Weights as little-endian `f64` bytes (exact), base64url.
pub fn pack_weights(weights: &[f64]) -> String {
    let bytes: Vec<u8> = weights.iter().flat_map(|w| w.to_le_bytes()).collect();
    to_base64url(&bytes)
}

/// Undoes [`pack_weights`]; refuses non-finite values.
pub fn unpack_weights(text: &str) -> Result<Vec<f64>, String> {
    let bytes = from_base64url(text)?;
    let (chunks, rest) = bytes.as_chunks::<8>();
    if !rest.is_empty() || chunks.len() > MAX_WEIGHTS {
        return Err("the weights have the wrong length".into());
    }
    let weights: Vec<f64> = chunks.iter().map(|c| f64::from_le_bytes(*c)).collect();
    if weights.iter().any(|w| !w.is_finite()) {
        return Err("a weight is not a finite number".into());
    }
    Ok(weights)
}

fn write_layers(hidden: &[LayerConfig]) -> String {
    if hidden.is_empty() {
        return "0".into();
    }
    let layers: Vec<String> = hidden
        .iter()
        .map(|l| format!("{}-{}", l.units, l.activation.id()))
        .collect();
    layers.join(".")
}

fn read_layers(text: &str) -> Result<Vec<LayerConfig>, String> {
    if text == "0" {
        return Ok(Vec::new());
    }
    let layers: Vec<&str> = text.split('.').collect();
    if layers.len() > MAX_LAYERS {
        return Err(format!("more than {MAX_LAYERS} hidden layers"));
    }
    layers
        .into_iter()
        .map(|layer| {
            let (units, activation) = layer
                .split_once('-')
                .ok_or_else(|| format!("'{layer}' is not units-activation"))?;
            Ok(LayerConfig {
                units: whole(units, MAX_UNITS as u64)?.max(1) as usize,
                activation: Activation::from_id(activation)
                    .ok_or_else(|| format!("unknown activation '{activation}'"))?,
            })
        })
        .collect()
}

/// A coordinate's step on the 256-step lattice over the plane.
fn lattice_step(x: f64) -> u8 {
    let (lo, hi) = RANGE;
    ((x.clamp(lo, hi) - lo) / (hi - lo) * 255.0).round() as u8
}

fn lattice_value(step: u8) -> f64 {
    let (lo, hi) = RANGE;
    lo + f64::from(step) / 255.0 * (hi - lo)
}

/// `x` moved to the nearest lattice point (what a link can hold exactly).
pub fn snap(x: f64) -> f64 {
    lattice_value(lattice_step(x))
}

/// Packs points: a count (2 bytes), two lattice bytes per point, then two bits per point
/// (positive label, training point).
pub fn pack_points(points: &[(Point, bool)]) -> String {
    let n = points.len().min(usize::from(u16::MAX));
    let mut bytes = Vec::with_capacity(2 + 2 * n + n.div_ceil(4));
    bytes.extend_from_slice(&(n as u16).to_le_bytes());
    for (p, _) in &points[..n] {
        bytes.push(lattice_step(p.x1));
        bytes.push(lattice_step(p.x2));
    }
    let mut bits = vec![0u8; n.div_ceil(4)];
    for (k, (p, train)) in points[..n].iter().enumerate() {
        let two = u8::from(p.label > 0.0) | (u8::from(*train) << 1);
        bits[k / 4] |= two << (2 * (k % 4));
    }
    bytes.extend(bits);
    to_base64url(&bytes)
}

/// Undoes [`pack_points`]; an error says what is wrong with the text.
pub fn unpack_points(text: &str) -> Result<Vec<(Point, bool)>, String> {
    let bytes = from_base64url(text)?;
    let (count, rest) = bytes
        .split_first_chunk::<2>()
        .ok_or("the point list is cut short")?;
    let n = usize::from(u16::from_le_bytes(*count));
    if n > MAX_POINTS {
        return Err(format!("more than {MAX_POINTS} points"));
    }
    if rest.len() != 2 * n + n.div_ceil(4) {
        return Err("the point list has the wrong length".into());
    }
    let (coordinates, bits) = rest.split_at(2 * n);
    Ok((0..n)
        .map(|k| {
            let two = bits[k / 4] >> (2 * (k % 4));
            let label = if two & 1 == 1 { 1.0 } else { -1.0 };
            let point = Point::new(
                lattice_value(coordinates[2 * k]),
                lattice_value(coordinates[2 * k + 1]),
                label,
            );
            (point, two & 2 == 2)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn points_on_the_lattice_pack_exactly() {
        let points: Vec<(Point, bool)> = (0..37)
            .map(|k| {
                let x = snap(-6.0 + 0.33 * f64::from(k));
                let label = if k % 3 == 0 { 1.0 } else { -1.0 };
                (Point::new(x, snap(-x / 2.0), label), k % 2 == 0)
            })
            .collect();
        let packed = pack_points(&points);
        assert_eq!(packed.len(), (2 + 2 * 37 + 10_usize).div_ceil(3) * 4 - 1);
        assert_eq!(unpack_points(&packed).unwrap(), points);
        assert!(unpack_points(&packed[..packed.len() - 4]).is_err());
        assert!(unpack_points("").is_err());
    }

    #[test]
    fn weights_pack_exactly() {
        let weights = [0.1, -2.5e-7, 1e300, -0.0, 3.0];
        assert_eq!(unpack_weights(&pack_weights(&weights)).unwrap(), weights);
        assert!(unpack_weights(&pack_weights(&[f64::NAN])).is_err());
        assert!(unpack_weights("AAAA").is_err());
    }

    #[test]
    fn layers_read_back_and_limits_hold() {
        let hidden = read_layers("4-tanh.2-relu").unwrap();
        assert_eq!(write_layers(&hidden), "4-tanh.2-relu");
        assert_eq!(read_layers("0").unwrap(), []);
        assert!(read_layers("33-tanh").is_err());
        assert!(read_layers("4-cosine").is_err());
        assert!(read_layers(&["1-tanh"; 9].join(".")).is_err());
    }
}
