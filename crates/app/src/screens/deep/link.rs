//! The screen's share link: the hidden layers' widths, labels per class, the two learning
//! rates, what fine-tuning changes, the phase reached with the step count of every phase so
//! far, and which net's codes the projection shows. A link without `hidden` was written
//! before the net had a depth and a fine-tuning budget: it opens
//! [`PretrainConfig::earlier_default`](nnp_core::deep::PretrainConfig::earlier_default)'s
//! 64 → 32 → 16 → 10 net with no budget, as it meant then. Opening the link replays the same experiment step by step
//! (the pretrainer is seeded), so no weights travel; the digits are the site's own.

use nnp_core::deep::FineTune;

use super::model::LABEL_CHOICES;
use crate::share::{Field, flag, flag_text, number, whole};

/// The most steps per phase a link may ask to replay.
pub const MAX_STEPS: usize = 100_000;
/// The most hidden layers a link may ask for.
pub const MAX_DEPTH: usize = 4;
/// The most units a hidden layer from a link may have.
const MAX_UNITS: u64 = 128;
/// The largest learning rate a link may set.
const MAX_RATE: f64 = 1e6;

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Hidden layer widths, first to deepest; `None` for a link from before they were
    /// written.
    pub hidden: Option<Vec<usize>>,
    /// Labelled examples per class for fine-tuning.
    pub labels_per_class: usize,
    /// Learning rate of the autoencoders.
    pub pretrain_rate: f64,
    /// Learning rate of supervised training.
    pub fine_tune_rate: f64,
    /// Which layers fine-tuning changes.
    pub fine_tune: FineTune,
    /// Steps taken in each phase reached: layer 1, layer 2, …, then fine-tuning. The last
    /// entry is the current phase.
    pub steps: Vec<usize>,
    /// The projection shows the random-init net's codes.
    pub show_baseline: bool,
}

fn rate(text: &str) -> Result<f64, String> {
    let value = number(text)?;
    if value <= 0.0 || value > MAX_RATE {
        return Err("a learning rate is positive".into());
    }
    Ok(value)
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "hidden",
            write: |s| s.hidden.as_deref().map(joined),
            read: |s, v| {
                let widths: Vec<usize> = v
                    .split('.')
                    .map(|n| whole(n, MAX_UNITS).map(|n| n as usize))
                    .collect::<Result<_, _>>()?;
                if widths.is_empty() || widths.len() > MAX_DEPTH || widths.contains(&0) {
                    return Err(format!("1 to {MAX_DEPTH} layers of 1 to {MAX_UNITS} units"));
                }
                s.hidden = Some(widths);
                Ok(())
            },
        },
        Field {
            key: "labels",
            write: |s| Some(s.labels_per_class.to_string()),
            read: |s, v| {
                let n = whole(v, 1000)? as usize;
                if !LABEL_CHOICES.contains(&n) {
                    return Err(format!("{n} labels per class are not offered"));
                }
                s.labels_per_class = n;
                Ok(())
            },
        },
        Field {
            key: "pr",
            write: |s| Some(s.pretrain_rate.to_string()),
            read: |s, v| {
                s.pretrain_rate = rate(v)?;
                Ok(())
            },
        },
        Field {
            key: "fr",
            write: |s| Some(s.fine_tune_rate.to_string()),
            read: |s, v| {
                s.fine_tune_rate = rate(v)?;
                Ok(())
            },
        },
        Field {
            key: "ft",
            write: |s| Some(s.fine_tune.id().to_string()),
            read: |s, v| {
                s.fine_tune = FineTune::from_id(v).ok_or("unknown fine-tuning choice")?;
                Ok(())
            },
        },
        Field {
            key: "s",
            write: |s| (s.steps != [0]).then(|| joined(&s.steps)),
            read: |s, v| {
                let steps: Vec<usize> = v
                    .split('.')
                    .map(|n| whole(n, MAX_STEPS as u64).map(|n| n as usize))
                    .collect::<Result<_, _>>()?;
                if steps.is_empty() || steps.len() > MAX_PHASES {
                    return Err(format!("1 to {MAX_PHASES} step counts expected"));
                }
                s.steps = steps;
                Ok(())
            },
        },
        Field {
            key: "proj",
            write: |s| s.show_baseline.then(|| flag_text(true)),
            read: |s, v| {
                s.show_baseline = flag(v)?;
                Ok(())
            },
        },
    ]
}

/// The most phases a link may list (the model checks against its own depth).
pub const MAX_PHASES: usize = 8;

fn joined(values: &[usize]) -> String {
    let parts: Vec<String> = values.iter().map(usize::to_string).collect();
    parts.join(".")
}
