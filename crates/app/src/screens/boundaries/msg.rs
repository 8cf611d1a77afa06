//! What the user can do on the screen, and how each action changes the model.

use nnp_core::activation::Activation;
use nnp_core::dataset::DatasetKind;
use nnp_core::loss::Loss;
use nnp_core::mlp::Regularization;

use super::model::{Link, Model, Notice, Tool};

/// One user action (painting on the plane bypasses this: it runs every pointer move, and
/// the link is written once the stroke ends).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Train continuously.
    Play,
    /// Stop training (and a replay).
    Pause,
    /// Train one epoch now.
    Step,
    /// Fresh random weights, epoch 0.
    Reset,
    Dataset(DatasetKind),
    Noise(f64),
    TrainFraction(f64),
    Regenerate,
    ShowTest(bool),
    Discretize(bool),
    Tool(Tool),
    ClearPoints,
    /// Takes back the last painted stroke, cleared points or typed weight.
    Undo,
    /// Makes the last undone edit again.
    Redo,
    /// Save the points as a CSV file (the screen does the downloading).
    ExportCsv,
    /// The text of a CSV file of points the user opened.
    ImportCsv(String),
    /// A file the user picked could not be read as text.
    CsvUnreadable,
    ToggleNamed(usize),
    Degree(u32),
    /// The text in the formula field.
    FormulaText(String),
    AddFormula(String),
    RemoveFormula(usize),
    Linear(bool),
    AddLayer,
    RemoveLayer,
    Units(usize, isize),
    Activation(usize, Activation),
    Loss(Loss),
    LearningRate(String),
    BatchSize(usize),
    Regularization(Regularization),
    RegularizationRate(String),
    Dismiss,
    /// The share link was copied (the screen does the copying).
    CopyLink,
    /// Picks the link whose weight the editor shows (none closes it).
    SelectLink(Option<Link>),
    /// Sets a link's weight to the typed text.
    SetWeight(Link, String),
    /// Replaces everything by the state of an opened file (its query).
    OpenState(String),
    /// Sets φ, the network and every weight from a weights file (its text, or why it could
    /// not be read).
    OpenWeights(Result<String, crate::weights_file::WeightsError>),
}

impl Model {
    /// Applies one action.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Play => {
                self.notice = None;
                self.playing = true;
            }
            Msg::Pause => {
                self.replay_to = None;
                self.playing = false;
                self.stepping = false;
            }
            Msg::Step => {
                // The frames finish the epoch: a long one never holds the page.
                self.playing = false;
                self.stepping = true;
            }
            Msg::Reset => {
                self.playing = false;
                self.stepping = false;
                self.reset();
            }
            Msg::Dataset(kind) => self.set_dataset(kind),
            Msg::Noise(noise) => self.set_noise(noise),
            Msg::TrainFraction(f) => self.set_train_fraction(f),
            Msg::Regenerate => self.regenerate(),
            Msg::ShowTest(show) => self.show_test = show,
            Msg::Discretize(on) => self.discretize = on,
            Msg::Tool(tool) => self.tool = tool,
            Msg::ClearPoints => self.clear_points(),
            Msg::Undo => {
                self.undo();
            }
            Msg::Redo => {
                self.redo();
            }
            Msg::ImportCsv(text) => self.import_csv(&text),
            Msg::ExportCsv => {}
            Msg::CsvUnreadable => self.notice = Some(Notice::CsvUnreadable),
            Msg::ToggleNamed(i) => self.toggle_named(i),
            Msg::Degree(d) => self.set_degree(d),
            Msg::FormulaText(text) => self.formula_text = text,
            Msg::AddFormula(text) => {
                if self.add_formula(&text) {
                    self.formula_text.clear();
                }
            }
            Msg::RemoveFormula(i) => self.remove_formula(i),
            Msg::Linear(on) => self.set_linear(on),
            Msg::AddLayer => self.add_layer(),
            Msg::RemoveLayer => self.remove_layer(),
            Msg::Units(layer, delta) => self.change_units(layer, delta),
            Msg::Activation(layer, a) => self.set_activation(layer, a),
            Msg::Loss(loss) => self.set_loss(loss),
            Msg::LearningRate(text) => self.set_learning_rate(&text),
            Msg::BatchSize(n) => self.set_batch_size(n),
            Msg::Regularization(r) => self.set_regularization(r),
            Msg::RegularizationRate(text) => self.set_regularization_rate(&text),
            Msg::Dismiss => self.notice = None,
            Msg::CopyLink => {}
            Msg::SelectLink(link) => {
                self.weight_error = false;
                self.selected = link;
            }
            Msg::SetWeight(link, text) => self.weight_error = !self.set_weight_text(link, &text),
            Msg::OpenState(query) => self.open(&query),
            Msg::OpenWeights(Ok(text)) => self.open_weights(&text),
            Msg::OpenWeights(Err(error)) => self.notice = Some(Notice::WeightsRefused(error)),
        }
    }
}
