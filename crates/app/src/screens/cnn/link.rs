//! The screen's share link: the seed, the learning rate, the batch size, how many updates
//! were done and which test digit is shown. Opening the link replays the same seeded run
//! to the same update (the core is deterministic), so no weights travel; the digits are
//! the site's own.

use crate::share::{Field, number, whole};

/// The most updates a link may ask to replay (about 200 epochs).
pub const MAX_UPDATES: usize = 10_000;
/// The largest learning rate a link may set.
const MAX_RATE: f64 = 10.0;
/// The largest seed a link may set.
const MAX_SEED: u64 = 1_000_000_000;
/// The largest test digit index a link may name (the model checks against its test set).
pub const MAX_EXAMPLE: usize = 100_000;
/// The learning rates the settings offer.
pub const RATE_CHOICES: [f32; 5] = [0.001, 0.003, 0.01, 0.03, 0.1];
/// The batch sizes the settings offer.
pub const BATCH_CHOICES: [usize; 5] = [8, 16, 32, 64, 128];

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The run's seed (split, initial weights, order of the examples).
    pub seed: u64,
    /// Adam's step size.
    pub learning_rate: f32,
    /// Examples per update.
    pub batch_size: usize,
    /// Updates done.
    pub updates: usize,
    /// Index of the shown test digit.
    pub example: usize,
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "seed",
            write: |s| Some(s.seed.to_string()),
            read: |s, v| {
                s.seed = whole(v, MAX_SEED)?;
                Ok(())
            },
        },
        Field {
            key: "lr",
            write: |s| Some(s.learning_rate.to_string()),
            read: |s, v| {
                let rate = number(v)?;
                if !(rate > 0.0 && rate <= MAX_RATE) {
                    return Err(format!("a learning rate is above 0 and at most {MAX_RATE}"));
                }
                s.learning_rate = rate as f32;
                Ok(())
            },
        },
        Field {
            key: "batch",
            write: |s| Some(s.batch_size.to_string()),
            read: |s, v| {
                let n = whole(v, 4096)? as usize;
                if !BATCH_CHOICES.contains(&n) {
                    return Err(format!("a batch of {n} is not offered"));
                }
                s.batch_size = n;
                Ok(())
            },
        },
        Field {
            key: "u",
            write: |s| (s.updates > 0).then(|| s.updates.to_string()),
            read: |s, v| {
                s.updates = whole(v, MAX_UPDATES as u64)? as usize;
                Ok(())
            },
        },
        Field {
            key: "ex",
            write: |s| (s.example > 0).then(|| s.example.to_string()),
            read: |s, v| {
                s.example = whole(v, MAX_EXAMPLE as u64)? as usize;
                Ok(())
            },
        },
    ]
}
