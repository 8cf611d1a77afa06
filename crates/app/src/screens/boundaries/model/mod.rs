//! The state behind the screen: points, φ, the network, training and its history.
//! Everything here is plain data and calls into the core; nothing renders Html.

use nnp_core::activation::Activation;
use nnp_core::dataset::{Dataset, DatasetConfig, Painted, Point, RANGE};
use nnp_core::features::{FeatureSet, FormulaError};
use nnp_core::loss::Loss;
use nnp_core::mlp::{GridEval, LayerConfig, Metrics, Mlp, MlpConfig, Probe, Samples, TrainConfig};
use nnp_core::rng::Rng;

/// Cells per side of the grid every picture is drawn from.
pub const GRID: usize = 50;
/// At most this many hidden layers.
pub const MAX_LAYERS: usize = 8;
/// At most this many units per hidden layer.
pub const MAX_UNITS: usize = 32;
/// The largest learning rate and penalty rate the screen takes (TF Playground's largest);
/// already far past where training explodes.
pub const MAX_RATE: f64 = 10.0;
/// The highest degree of the "all monomials up to k" slider.
pub const MAX_DEGREE: u32 = 6;
/// Points per generated data set.
const SAMPLES: usize = 400;
/// The most points the plane holds (every epoch visits them all, every frame).
pub const MAX_POINTS: usize = 5000;
/// How near (in plane units) the eraser must come to a point.
pub const ERASE_RADIUS: f64 = 0.5;
/// Loss-curve points kept before the history is thinned.
const HISTORY_CAP: usize = 300;

/// What a click on the plane does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Paints nothing: the pointer only probes, and a finger scrolls the page (the
    /// default, so a swipe on a phone never paints by accident).
    Look,
    /// Adds a +1 point.
    Positive,
    /// Adds a −1 point.
    Negative,
    /// Removes the nearest point.
    Eraser,
}

/// Something the screen must tell the user about training.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Training produced NaN or ∞ in this epoch; the weights were restored.
    Diverged {
        /// The epoch that failed (1-based).
        epoch: usize,
        /// The learning rate in use.
        learning_rate: f64,
    },
    /// A layer uses sign, whose derivative is 0: gradient descent cannot train it.
    SignCannotTrain,
    /// There are no training points.
    NoPoints,
    /// Unchecking this would leave φ empty.
    EmptyPhi,
    /// The linear model needs the constant 1 in φ for its bias; it was added.
    OneAdded,
    /// A share link had parts that could not be used (their keys); the rest was applied.
    LinkPartlyRead(Vec<String>),
    /// The points are too many for a link; it carries the settings only.
    LinkWithoutPoints,
    /// The hand-set weights do not fit a link; it replays the epochs instead.
    LinkWithoutWeights,
    /// The plane already holds [`MAX_POINTS`] points.
    TooManyPoints,
    /// The state remembered by the browser had parts that could not be used (their keys).
    SavedPartlyRead(Vec<String>),
    /// A CSV file's points replaced the painted ones (how many).
    CsvImported(usize),
    /// A CSV file could not be read; the points stayed as they were.
    CsvRefused(nnp_core::dataset::csv::CsvError),
    /// The picked file is too big or not text.
    CsvUnreadable,
    /// A weights file set φ, the network and every weight.
    WeightsOpened,
    /// A weights file was refused (why); nothing changed.
    WeightsRefused(crate::weights_file::WeightsError),
}

/// Which fields of the training bar hold text that is not a valid number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldErrors {
    /// The learning-rate field.
    pub learning_rate: bool,
    /// The regularisation-rate field.
    pub regularization_rate: bool,
}

mod data;
mod history;
mod network;
mod phi;
mod restore;
#[cfg(test)]
mod tests;
mod training;
mod undo;
#[cfg(test)]
mod update_tests;
mod weights_json;
#[cfg(test)]
mod weights_tests;

pub use history::History;
pub use network::Link;
pub use phi::PhiChoice;
pub use undo::Edits;

/// Everything the screen shows and changes.
#[derive(Debug)]
pub struct Model {
    /// How the current points were generated.
    pub data: DatasetConfig,
    /// The training points (generated and painted).
    pub train: Painted,
    /// The test points.
    pub test: Painted,
    /// The user's φ.
    pub phi: PhiChoice,
    /// φ as the core uses it.
    pub features: FeatureSet,
    /// The lecture's linear model `score = W·φ(x)` instead of a network.
    pub linear: bool,
    /// The hidden layers (ignored in linear mode).
    pub hidden: Vec<LayerConfig>,
    /// The loss being trained.
    pub loss: Loss,
    /// Learning rate, batch size, regularisation.
    pub train_config: TrainConfig,
    /// Text in the learning-rate field.
    pub learning_rate_text: String,
    /// Text in the regularisation-rate field.
    pub regularization_rate_text: String,
    /// Which number fields hold invalid text.
    pub field_errors: FieldErrors,
    /// The network.
    pub mlp: Mlp,
    /// Every unit over the plane.
    pub grid: GridEval,
    /// Epochs trained since the last reset.
    pub epoch: usize,
    /// Loss curves.
    pub history: History,
    /// Loss and accuracy on the training points.
    pub train_metrics: Metrics,
    /// Loss and accuracy on the test points.
    pub test_metrics: Metrics,
    /// What to tell the user, if anything.
    pub notice: Option<Notice>,
    /// The last formula that failed to parse, and why.
    pub formula_error: Option<FormulaError>,
    /// What a click on the plane does.
    pub tool: Tool,
    /// Whether test points are drawn.
    pub show_test: bool,
    /// Whether the heatmap shows only the class (no confidence shading).
    pub discretize: bool,
    /// Whether the points were painted or erased (then a link carries them, snapped to its
    /// lattice).
    pub edited: bool,
    /// Hand edits that Undo and Redo step through.
    pub edits: Edits,
    /// The epoch a shared link asks to replay to, while the replay runs.
    pub replay_to: Option<usize>,
    /// How long the replay still needs at its pace so far (measured by the screen).
    pub replay_seconds_left: Option<f64>,
    /// The last training frame's `(training, drawing)` milliseconds, measured by the screen.
    pub frame_ms: Option<(f64, f64)>,
    /// Whether training moved the weights since the grid was last evaluated (a slow
    /// device's training frame; see [`Model::fresh_grid`]).
    pub grid_stale: bool,
    /// Whether a weight was set by hand since the network was built (then a link carries
    /// the weights themselves, as no replay can reach them).
    pub hand_edited: bool,
    /// Whether training (or a replay) runs frame after frame.
    pub playing: bool,
    /// Whether a Step is under way: one epoch, spread over frames if it is long.
    pub stepping: bool,
    /// The text in the formula field, not yet added.
    pub formula_text: String,
    /// The link open in the weight editor.
    pub selected: Option<Link>,
    /// Whether the last text typed into the weight editor was refused.
    pub weight_error: bool,
    seed: u64,
    train_samples: Samples,
    test_samples: Samples,
    rng: Rng,
    epoch_under_way: Option<training::EpochUnderWay>,
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// TensorFlow Playground's start: the circle, φ = [x1, x2], hidden layers 4 and 2 (tanh).
    pub fn new() -> Self {
        let data = DatasetConfig {
            samples: SAMPLES,
            ..DatasetConfig::default()
        };
        let generated = Dataset::generate(&data);
        let phi = PhiChoice::default();
        let features = phi.feature_set();
        let defaults = MlpConfig::default();
        let train_config = TrainConfig::default();
        let mlp = Mlp::new(&defaults);
        let mut model = Self {
            data,
            train: Painted {
                points: generated.train,
            },
            test: Painted {
                points: generated.test,
            },
            grid: GridEval::new(&features, GRID, RANGE),
            phi,
            features,
            linear: false,
            hidden: defaults.hidden,
            loss: defaults.loss,
            learning_rate_text: train_config.learning_rate.to_string(),
            regularization_rate_text: train_config.regularization_rate.to_string(),
            train_config,
            field_errors: FieldErrors::default(),
            mlp,
            epoch: 0,
            history: History::default(),
            train_metrics: Metrics {
                loss: 0.0,
                accuracy: 0.0,
            },
            test_metrics: Metrics {
                loss: 0.0,
                accuracy: 0.0,
            },
            notice: None,
            formula_error: None,
            tool: Tool::Look,
            show_test: true,
            discretize: false,
            edited: false,
            edits: Edits::default(),
            replay_to: None,
            replay_seconds_left: None,
            hand_edited: false,
            playing: false,
            stepping: false,
            formula_text: String::new(),
            selected: None,
            weight_error: false,
            frame_ms: None,
            grid_stale: false,
            seed: defaults.seed,
            train_samples: Samples::default(),
            test_samples: Samples::default(),
            rng: Rng::seeded(1),
            epoch_under_way: None,
        };
        model.resample();
        model.rebuild_network();
        model
    }

    /// The output unit's activation: tanh for the squared loss (labels ±1), else linear
    /// (hinge and logistic losses want an unbounded score); linear for `W·φ(x)`.
    pub fn output_activation(&self) -> Activation {
        if self.linear || self.loss != Loss::Squared {
            Activation::Linear
        } else {
            Activation::Tanh
        }
    }

    fn network_config(&self) -> MlpConfig {
        MlpConfig {
            inputs: self.features.len(),
            hidden: if self.linear {
                Vec::new()
            } else {
                self.hidden.clone()
            },
            output_activation: self.output_activation(),
            loss: self.loss,
            bias: !self.linear,
            seed: self.seed,
        }
    }

    /// New weights for the current shape; the epoch count and history start over.
    fn rebuild_network(&mut self) {
        self.epoch_under_way = None;
        self.hand_edited = false;
        self.replay_to = None;
        self.mlp = Mlp::new(&self.network_config());
        self.rng = Rng::seeded(self.seed);
        self.epoch = 0;
        self.history = History::default();
        self.refresh();
    }

    fn resample(&mut self) {
        // An epoch under way visits the old points by index: it cannot go on.
        self.epoch_under_way = None;
        self.train_samples = Samples::new(&self.features, &self.train.points);
        self.test_samples = Samples::new(&self.features, &self.test.points);
    }

    /// Recomputes the metrics and the grid after the weights or the points changed.
    fn refresh(&mut self) {
        self.train_metrics = self.mlp.metrics(&self.train_samples);
        self.test_metrics = self.mlp.metrics(&self.test_samples);
        self.grid.evaluate(&self.mlp);
        self.grid_stale = false;
    }

    /// Fresh random weights (a new seed), epoch 0.
    pub fn reset(&mut self) {
        self.seed = self.seed.wrapping_add(1);
        self.notice = None;
        self.rebuild_network();
    }

    /// φ(x), every unit and the score at `(x1, x2)`.
    pub fn probe(&self, x1: f64, x2: f64) -> Probe {
        self.mlp.probe(&self.features, x1, x2)
    }

    /// The margins `y·h(x)` of at most `limit` training points (evenly picked), with their
    /// labels.
    pub fn training_margins(&self, limit: usize) -> Vec<(f64, f64)> {
        let points = &self.train.points;
        let stride = points.len().div_ceil(limit.max(1)).max(1);
        points
            .iter()
            .step_by(stride)
            .map(|p| {
                let score = self.mlp.probe(&self.features, p.x1, p.x2).score;
                (p.label * score, p.label)
            })
            .collect()
    }

    /// Every point with whether it is a training point.
    pub fn points(&self) -> impl Iterator<Item = (&Point, bool)> {
        let test = self.show_test.then_some(&self.test.points);
        test.into_iter()
            .flatten()
            .map(|p| (p, false))
            .chain(self.train.points.iter().map(|p| (p, true)))
    }
}

/// A number typed by a person: accepts a decimal comma and surrounding spaces.
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}
