//! The screen's share link: every setting, the seed and the epoch count, and the points when
//! they were painted or erased. Opening the link rebuilds the same data and network and
//! replays the same training run epoch by epoch (the random stream is the same on every
//! platform), so no weights need to travel.
//!
//! Painted points are packed two bytes per point (each coordinate on a 256-step lattice
//! over the plane) plus two bits (label, train/test); once a user edits the points, every
//! point is snapped to that lattice, so the link holds them exactly.

use nnp_core::dataset::{DatasetConfig, DatasetKind, Point};
use nnp_core::features::{Formula, Named};
use nnp_core::loss::Loss;
use nnp_core::mlp::{LayerConfig, Regularization, TrainConfig};

use super::model::{MAX_DEGREE, MAX_RATE};
pub use super::pack::{pack_points, pack_weights, snap, unpack_points, unpack_weights};
use super::pack::{read_layers, write_layers};
use crate::share::{self, Field, flag, flag_text, number, whole};

/// The most epochs a link may ask to replay.
pub const MAX_EPOCHS: u64 = 100_000;

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
            read: |s, v| share::set_clamped(&mut s.data.noise, number(v)?, 0.0, 0.5),
        },
        Field {
            key: "train",
            write: |s| Some(s.data.train_fraction.to_string()),
            read: |s, v| share::set_clamped(&mut s.data.train_fraction, number(v)?, 0.1, 0.9),
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
                share::set_clamped(&mut s.train.learning_rate, rate, rate, MAX_RATE)
            },
        },
        Field {
            key: "b",
            write: |s| Some(s.train.batch_size.to_string()),
            read: |s, v| {
                share::set_clamped(
                    &mut s.train.batch_size,
                    whole(v, 10_000)? as usize,
                    1,
                    10_000,
                )
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
                share::set_clamped(&mut s.train.regularization_rate, rate, 0.0, MAX_RATE)
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

/// What [`write`] left out of a link to keep it short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Nothing: the link holds the whole state.
    Nothing,
    /// The hand-set weights (a replay of the epochs stands in for them).
    Weights,
    /// The hand-set weights, if any, and the painted points.
    Points,
}

/// The link's query. Hand-set weights, then points, are left out when they would make it
/// longer than [`share::MAX_LINK`]; what was left out is said (only what was there).
pub fn write(settings: &Settings) -> (String, LeftOut) {
    let fields = fields();
    let query = share::write_query(&fields, settings);
    if query.len() <= share::MAX_LINK {
        return (query, LeftOut::Nothing);
    }
    let mut shorter = settings.clone();
    if shorter.weights.take().is_some() {
        let query = share::write_query(&fields, &shorter);
        if query.len() <= share::MAX_LINK || shorter.points.is_none() {
            return (query, LeftOut::Weights);
        }
    }
    if shorter.points.take().is_some() {
        return (share::write_query(&fields, &shorter), LeftOut::Points);
    }
    // Long for another reason (many long formulas): the link stays whole.
    (query, LeftOut::Nothing)
}
