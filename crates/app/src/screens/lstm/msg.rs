//! What the user can do on the LSTM screen, and how each action changes the model.

use nnp_core::recurrent::{QuantityName, Variant};

use super::choices::TaskKind;
use super::model::{Model, Notice};

/// One user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Run the same input through another cell.
    Variant(Variant),
    Task(TaskKind),
    Distance(usize),
    Hidden(usize),
    /// The text of the text task.
    Text(String),
    LearningRate(String),
    /// The typed input sequence.
    Sequence(String),
    NewExample,
    Train,
    Pause,
    Step,
    Reset,
    /// Select time step and unit (and the band clicked, if any).
    Select(usize, usize, Option<QuantityName>),
    Time(usize),
    Unit(usize),
    ToggleChartUnit(usize),
    Compare,
    StopCompare,
    Dismiss,
    /// Replaces everything by the state of an opened file (its query).
    OpenState(String),
    /// Sets a cell's weights from a weights file (its text, or why it could not be read).
    OpenWeights(Result<String, crate::weights_file::WeightsError>),
}

impl Model {
    /// Applies one action; `now` reads a clock in ms (for timing a manual step).
    pub fn update(&mut self, msg: Msg, now: &dyn Fn() -> f64) {
        if !matches!(msg, Msg::Select(..) | Msg::Time(_) | Msg::Unit(_)) {
            self.notice = None;
        }
        match msg {
            Msg::Variant(v) => self.set_variant(v),
            Msg::Task(kind) => self.set_kind(kind),
            Msg::Distance(d) => self.set_distance(d),
            Msg::Hidden(h) => self.set_hidden(h),
            Msg::Text(text) => self.set_text(text),
            Msg::LearningRate(text) => self.set_learning_rate(&text),
            Msg::Sequence(text) => self.set_sequence(text),
            Msg::NewExample => self.new_example(),
            Msg::Train => {
                self.comparison.stop();
                self.training = true;
            }
            Msg::Pause => {
                self.training = false;
                self.stop_replay();
            }
            Msg::Step => {
                self.training = false;
                self.train_step(now);
                self.refresh();
            }
            Msg::Reset => self.reset_runs(),
            Msg::Select(t, unit, band) => self.select(t, unit, band),
            Msg::Time(t) => self.select(t, self.unit, None),
            Msg::Unit(unit) => self.select(self.t, unit, None),
            Msg::ToggleChartUnit(unit) => self.toggle_chart_unit(unit),
            Msg::Compare => {
                self.training = false;
                self.comparison.start(self.race_config());
            }
            Msg::StopCompare => self.comparison.stop(),
            Msg::Dismiss => {}
            Msg::OpenState(query) => {
                // The canvases redraw when the generation changes: keep it counting up.
                let generation = self.generation;
                *self = Model::from_query(&query);
                self.generation = generation + 1;
            }
            Msg::OpenWeights(Ok(text)) => self.open_weights(&text),
            Msg::OpenWeights(Err(error)) => self.notice = Some(Notice::WeightsRefused(error)),
        }
        if matches!(self.notice, Some(Notice::Reached { .. })) {
            self.training = false;
        }
        self.generation += 1;
    }
}
