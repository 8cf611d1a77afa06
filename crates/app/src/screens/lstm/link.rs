//! The screen's share link: the cell, the task and its settings, the learning rate, the seed,
//! the input sequence (the example number, or the text the user typed), how many updates
//! each cell was trained, and the selected time step, unit and band. Opening the link
//! replays every cell's training update by update (the trainers are seeded), so no
//! weights travel. The race of RNN, LSTM and GRU does not travel.

use nnp_core::recurrent::{Task, Variant};

use super::choices::{DEFAULT_TEXT, DISTANCES, HIDDEN_SIZES, TEXT_WINDOW, TaskKind};
use super::input::MAX_STEPS;
use crate::share::{self, Field, number, whole};

/// The most updates per cell a link may ask to replay.
pub const MAX_UPDATES: usize = 50_000;
/// The longest text of the text task a link or saved state may hold.
pub const MAX_TEXT: usize = 200_000;
/// The longest typed sequence a link may hold, in characters.
const MAX_TYPED: usize = MAX_STEPS * 16;
/// The most hidden units.
const MAX_UNITS: usize = 32;

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The cell shown.
    pub variant: Variant,
    /// The task.
    pub kind: TaskKind,
    /// Steps of remember-first.
    pub distance: usize,
    /// The text of the text task.
    pub text: String,
    /// Hidden units.
    pub hidden: usize,
    /// Adam's η.
    pub learning_rate: f64,
    /// The seed of every cell's weights and training.
    pub seed: u64,
    /// Which random example of the task the cells read (1 = the first).
    pub example: u64,
    /// The sequence as the user typed it, when they did (it replaces the example).
    pub typed: Option<String>,
    /// Updates trained, per variant in [`Variant::ALL`] order.
    pub updates: [usize; 5],
    /// The selected time step (0-based).
    pub t: usize,
    /// The selected unit.
    pub unit: usize,
    /// The symbol of the band clicked last (its equation is highlighted).
    pub picked: Option<String>,
    /// The units drawn in the cell-state chart.
    pub lines: Vec<usize>,
}

/// What a link leaves out because it would be too long (a saved file keeps everything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortened {
    /// The typed sequence (the cells' training still travels).
    Sequence,
    /// The text of the text task, and with it the sequence and the training.
    Text,
}

fn whole_list(text: &str, max: usize, limit: usize) -> Result<Vec<usize>, String> {
    let values: Vec<usize> = text
        .split('.')
        .map(|v| whole(v, max as u64).map(|n| n as usize))
        .collect::<Result<_, _>>()?;
    if values.is_empty() || values.len() > limit {
        return Err(format!("1 to {limit} numbers expected"));
    }
    Ok(values)
}

fn joined(values: &[usize]) -> String {
    let parts: Vec<String> = values.iter().map(usize::to_string).collect();
    parts.join(".")
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "v",
            write: |s| Some(s.variant.id().to_string()),
            read: |s, v| {
                s.variant = Variant::from_id(v).ok_or("unknown cell")?;
                Ok(())
            },
        },
        Field {
            key: "task",
            write: |s| Some(s.kind.id().to_string()),
            read: |s, v| {
                s.kind = TaskKind::from_id(v).ok_or("unknown task")?;
                Ok(())
            },
        },
        Field {
            key: "dist",
            write: |s| (s.kind == TaskKind::Remember).then(|| s.distance.to_string()),
            read: |s, v| {
                let d = whole(v, 1000)? as usize;
                if !DISTANCES.contains(&d) {
                    return Err(format!("distance {d} is not offered"));
                }
                s.distance = d;
                Ok(())
            },
        },
        Field {
            key: "text",
            write: |s| (s.text != DEFAULT_TEXT).then(|| s.text.clone()),
            read: |s, v| {
                if v.chars().count() > MAX_TEXT {
                    return Err("text too long".into());
                }
                Task::text(v, TEXT_WINDOW).map_err(|e| format!("not a usable text: {e:?}"))?;
                s.text = v.to_string();
                Ok(())
            },
        },
        Field {
            key: "h",
            write: |s| Some(s.hidden.to_string()),
            read: |s, v| {
                let h = whole(v, 1000)? as usize;
                if !HIDDEN_SIZES.contains(&h) {
                    return Err(format!("{h} units are not offered"));
                }
                s.hidden = h;
                Ok(())
            },
        },
        Field {
            key: "lr",
            write: |s| Some(s.learning_rate.to_string()),
            read: |s, v| {
                let rate = number(v)?;
                if rate <= 0.0 || rate > 1.0 {
                    return Err("η lies in (0, 1]".into());
                }
                s.learning_rate = rate;
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
            key: "ex",
            write: |s| (s.typed.is_none() && s.example != 1).then(|| s.example.to_string()),
            read: |s, v| {
                share::set_clamped(
                    &mut s.example,
                    whole(v, u64::from(u32::MAX))?,
                    1,
                    u64::from(u32::MAX),
                )
            },
        },
        Field {
            key: "seq",
            write: |s| s.typed.clone(),
            read: |s, v| {
                if v.chars().count() > MAX_TYPED {
                    return Err("sequence too long".into());
                }
                s.typed = Some(v.to_string());
                Ok(())
            },
        },
        Field {
            key: "u",
            write: |s| (s.updates != [0; 5]).then(|| joined(&s.updates)),
            read: |s, v| {
                let counts = whole_list(v, MAX_UPDATES, 5)?;
                s.updates = counts
                    .try_into()
                    .map_err(|_| "5 update counts expected".to_string())?;
                Ok(())
            },
        },
        Field {
            key: "t",
            write: |s| Some(s.t.to_string()),
            read: |s, v| {
                s.t = whole(v, MAX_STEPS as u64)? as usize;
                Ok(())
            },
        },
        Field {
            key: "unit",
            write: |s| Some(s.unit.to_string()),
            read: |s, v| {
                s.unit = whole(v, MAX_UNITS as u64 - 1)? as usize;
                Ok(())
            },
        },
        Field {
            key: "band",
            write: |s| s.picked.clone(),
            read: |s, v| {
                if v.chars().count() > 4 {
                    return Err("not a band".into());
                }
                s.picked = Some(v.to_string());
                Ok(())
            },
        },
        Field {
            key: "lines",
            write: |s| Some(joined(&s.lines)),
            read: |s, v| {
                s.lines = whole_list(v, MAX_UNITS - 1, MAX_UNITS)?;
                Ok(())
            },
        },
    ]
}

/// The share link of `settings`, leaving out what makes it longer than [`share::MAX_LINK`]
/// (first the typed sequence, then the text and the training that depends on it), and
/// what was left out.
pub fn write(settings: &Settings) -> (String, Option<Shortened>) {
    let fields = fields();
    let query = share::write_query(&fields, settings);
    if query.len() <= share::MAX_LINK {
        return (query, None);
    }
    let mut shorter = settings.clone();
    shorter.typed = None;
    let query = share::write_query(&fields, &shorter);
    if query.len() <= share::MAX_LINK {
        return (query, Some(Shortened::Sequence));
    }
    shorter.text = DEFAULT_TEXT.to_string();
    shorter.updates = [0; 5];
    (share::write_query(&fields, &shorter), Some(Shortened::Text))
}
