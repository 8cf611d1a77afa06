//! What the user can do on the screen, and how each action changes the model.

use super::link::{BATCH_CHOICES, RATE_CHOICES};
use super::model::{LoadError, Model};

/// One user action (the animation loop trains without messages).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Train continuously (until the budget).
    Play,
    /// Stop training.
    Pause,
    /// One mini-batch now.
    Step,
    /// Start over with the same settings.
    Reset,
    /// Show the previous (−1) or next (+1) test digit.
    MoveExample(isize),
    /// Show the next test digit of this class.
    PickDigit(usize),
    /// The pen went from (or touched down at) one point to another, in drawing cells.
    Draw(Option<(f64, f64)>, (f64, f64)),
    /// Rub the drawing out.
    ClearDrawing,
    /// A new seed; restarts.
    Seed(u64),
    /// A learning rate from the offered ones; restarts.
    Rate(f32),
    /// A batch size from the offered ones; restarts.
    Batch(usize),
    /// Fetch the data again.
    Retry,
    /// The fetch ended.
    Loaded(Result<String, LoadError>),
    /// Replaces everything by the state of an opened file (its query).
    OpenState(String),
}

impl Msg {
    /// Whether the share link must be written after this message (the drawing is not in
    /// the link, and loading changes nothing the user chose).
    pub fn changes_link(&self) -> bool {
        !matches!(
            self,
            Msg::Draw(..) | Msg::ClearDrawing | Msg::Retry | Msg::Loaded(_)
        )
    }
}

impl Model {
    /// Applies one action.
    pub fn update(&mut self, msg: Msg) {
        // The user takes over from a replay, except to look at other inputs or draw.
        if matches!(
            msg,
            Msg::Pause | Msg::Step | Msg::Reset | Msg::Seed(_) | Msg::Rate(_) | Msg::Batch(_)
        ) {
            self.stop_replay();
        }
        if msg.changes_link() {
            self.link_notice = None;
        }
        match msg {
            Msg::Play => self.play(),
            Msg::Pause => self.running = false,
            Msg::Step => self.step_once(),
            Msg::Reset => self.reset(),
            Msg::MoveExample(offset) => self.move_example(offset),
            Msg::PickDigit(digit) => self.pick_digit(digit),
            Msg::Draw(from, to) => self.draw(from, to),
            Msg::ClearDrawing => self.clear_drawing(),
            Msg::Seed(seed) => {
                if seed != self.config.seed {
                    self.config.seed = seed;
                    self.reset();
                }
            }
            Msg::Rate(rate) => {
                if RATE_CHOICES.contains(&rate) && rate != self.config.learning_rate {
                    self.config.learning_rate = rate;
                    self.reset();
                }
            }
            Msg::Batch(size) => {
                if BATCH_CHOICES.contains(&size) && size != self.config.batch_size {
                    self.config.batch_size = size;
                    self.reset();
                }
            }
            Msg::Retry => self.start_loading(),
            Msg::Loaded(result) => self.loaded(result),
            Msg::OpenState(query) => self.open(&query),
        }
    }
}
