//! What the user can do on the screen, and how each action changes the model.

use nnp_core::deep::FineTune;

use super::model::{LoadError, Model, RateField};

/// Steps one click of "+ steps" takes.
pub const STEP_CLICK: usize = 100;

/// One user action (the animation loop trains without messages).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Train continuously.
    Play,
    /// Stop training.
    Pause,
    /// Take [`STEP_CLICK`] steps now.
    Steps,
    /// Stack the layer and go to the next phase.
    Advance,
    /// Start over with the same settings.
    Reset,
    /// Labelled examples per class.
    LabelsPerClass(usize),
    /// Hidden layers of the net.
    Depth(usize),
    /// A learning rate as typed.
    Rate(RateField, String),
    /// Which layers fine-tuning changes.
    FineTuneWhat(FineTune),
    /// Show the random-init net's codes (true) or the pretrained ones.
    ShowBaseline(bool),
    /// Fetch the data again.
    Retry,
    /// The fetch ended.
    Loaded(Result<String, LoadError>),
    /// Replaces everything by the state of an opened file (its query).
    OpenState(String),
    /// Puts a weights file's weights in place (its text, or why it could not be read).
    OpenWeights(Result<String, crate::weights_file::WeightsError>),
}

impl Model {
    /// Applies one action.
    pub fn update(&mut self, msg: Msg) {
        // The user takes over from a replay, except to watch it or train on after it.
        if !matches!(
            msg,
            Msg::Play | Msg::ShowBaseline(_) | Msg::Retry | Msg::Loaded(_)
        ) {
            self.stop_replay();
        }
        if !matches!(msg, Msg::Retry | Msg::Loaded(_)) {
            self.link_notice = None;
            self.weights_notice = None;
        }
        match msg {
            Msg::Play => self.running = self.can_train(),
            Msg::Pause => self.running = false,
            Msg::Steps => {
                self.running = false;
                self.train_steps(STEP_CLICK);
            }
            Msg::Advance => self.advance(),
            Msg::Reset => self.reset(),
            Msg::LabelsPerClass(n) => self.set_labels_per_class(n),
            Msg::Depth(n) => self.set_depth(n),
            Msg::Rate(field, text) => self.set_rate(field, &text),
            Msg::FineTuneWhat(how) => self.set_fine_tune(how),
            Msg::ShowBaseline(on) => self.show_baseline = on,
            Msg::Retry => self.start_loading(),
            Msg::Loaded(result) => self.loaded(result),
            Msg::OpenState(query) => self.open(&query),
            Msg::OpenWeights(Ok(text)) => self.open_weights(&text),
            Msg::OpenWeights(Err(error)) => self.weights_notice = Some(Err(error)),
        }
    }
}
