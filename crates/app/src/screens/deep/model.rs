//! The screen's state: the digits once loaded, the experiment, the settings as typed, and
//! what to tell the user. Plain data for the views; no Html here.

use nnp_core::deep::{
    DIGIT_CLASSES, Digits, FineTune, Phase, PretrainConfig, Pretrainer, Projection,
};

mod restore;
mod shown;
mod weights_json;
#[cfg(test)]
mod weights_tests;

/// Labelled examples per class the user can choose for fine-tuning.
pub const LABEL_CHOICES: [usize; 7] = [1, 3, 5, 10, 30, 50, 100];
/// Hidden layers the user can choose; each has [`LAYER_UNITS`] units.
pub const DEPTH_CHOICES: [usize; 4] = [1, 2, 3, 4];
/// Units of each hidden layer of a chosen depth.
pub const LAYER_UNITS: usize = 32;
/// Steps taken between two looks at the clock while training.
const CHUNK: usize = 4;

pub use crate::digits_file::{Load, LoadError};

/// The two learning rates the user types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateField {
    /// Learning rate of the autoencoders.
    Pretrain,
    /// Learning rate of supervised training.
    FineTune,
}

impl RateField {
    fn index(self) -> usize {
        match self {
            RateField::Pretrain => 0,
            RateField::FineTune => 1,
        }
    }
}

/// Something the user must read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    /// The loss became NaN, infinite or a thousand times its first value at this phase
    /// and step; training stopped and the weights of step `back_to` (the last good ones)
    /// are back.
    Diverged {
        /// The phase that diverged.
        phase: Phase,
        /// Its step count.
        step: usize,
        /// The phase's step count after going back.
        back_to: usize,
    },
    /// "Stack it" was pressed before hidden layer `layer` (0-based) had any pretraining
    /// step: nothing was stacked; the layer needs training first.
    PretrainFirst {
        /// The layer not yet trained.
        layer: usize,
    },
}

/// What became of a share link or a remembered state that could not be read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotice {
    /// Parts of the page's link that could not be used (their keys); the rest was restored.
    LinkPartlyRead(Vec<String>),
    /// Parts of the state this browser remembered that could not be used; set aside.
    SavedPartlyRead(Vec<String>),
}

/// Which steps training takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Steps {
    /// The schedule's: stack a layer after its steps, stop at the fine-tuning budget.
    Scheduled,
    /// The current phase's, as many as asked.
    InPhase,
}

/// How a hidden layer of the stack is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerState {
    /// Not trained yet.
    Waiting,
    /// Its autoencoder is training now.
    Training,
    /// Pretrained and frozen while a deeper layer trains.
    Frozen,
    /// Fine-tuned with the labels together with the output.
    FineTuning,
}

/// The whole screen state.
#[derive(Debug)]
pub struct Model {
    /// Where the data is.
    pub load: Load,
    /// The settings of the next (and current) experiment.
    pub config: PretrainConfig,
    /// The learning rates as typed (they may be wrong).
    pub rate_text: [String; 2],
    /// Whether each typed rate is refused.
    pub rate_error: [bool; 2],
    /// Message for the user.
    pub notice: Option<Notice>,
    /// What a link or remembered state could not restore.
    pub link_notice: Option<LinkNotice>,
    /// How opening the last weights file went.
    pub weights_notice: Option<Result<(), crate::weights_file::WeightsError>>,
    /// Whether the animation loop trains.
    pub running: bool,
    /// Show the random-init net's codes instead of the pretrained ones.
    pub show_baseline: bool,
    /// Changes whenever the experiment's weights change (pictures must be redrawn).
    pub generation: u64,
    data: Option<Digits>,
    trainer: Option<Pretrainer>,
    shown: Vec<usize>,
    projection: Option<(u64, bool, Projection)>,
    /// Steps per phase a shared experiment is replayed to (once the digits are there).
    replay: Option<Vec<usize>>,
}

impl Default for Model {
    fn default() -> Self {
        let config = PretrainConfig::default();
        Self {
            load: Load::Loading,
            rate_text: [
                config.pretrain_rate.to_string(),
                config.fine_tune_rate.to_string(),
            ],
            config,
            rate_error: [false; 2],
            notice: None,
            link_notice: None,
            weights_notice: None,
            running: false,
            show_baseline: false,
            generation: 0,
            data: None,
            trainer: None,
            shown: Vec::new(),
            projection: None,
            replay: None,
        }
    }
}

impl Model {
    /// A model waiting for its data.
    pub fn new() -> Self {
        Self::default()
    }

    /// The fetch starts (again).
    pub fn start_loading(&mut self) {
        if self.data.is_none() {
            self.load = Load::Loading;
        }
    }

    /// The fetch ended: the file's text, or why there is none.
    pub fn loaded(&mut self, result: Result<String, LoadError>) {
        match result.and_then(|text| Digits::parse_csv(&text).map_err(LoadError::Parse)) {
            Ok(digits) => {
                self.data = Some(digits);
                self.load = Load::Ready;
                self.reset();
            }
            Err(error) => self.load = Load::Failed(error),
        }
    }

    /// The experiment, once the data is there.
    pub fn trainer(&self) -> Option<&Pretrainer> {
        self.trainer.as_ref()
    }

    /// A fresh experiment with the current settings (same seed: same split and weights).
    pub fn reset(&mut self) {
        self.running = false;
        self.notice = None;
        self.projection = None;
        self.generation += 1;
        let Some(data) = &self.data else { return };
        let trainer = Pretrainer::new(data, &self.config);
        self.start(trainer);
    }

    /// Makes `trainer` (built on this screen's data) the experiment shown, one held-out
    /// example of each class picked for the pictures.
    fn start(&mut self, trainer: Pretrainer) {
        let labels = &trainer.test_set().labels;
        self.shown = (0..DIGIT_CLASSES)
            .filter_map(|class| labels.iter().position(|&l| l == class))
            .collect();
        self.trainer = Some(trainer);
    }

    /// The current phase (pretraining layer 1 before the data is there).
    pub fn phase(&self) -> Phase {
        self.trainer
            .as_ref()
            .map_or(Phase::Pretrain { layer: 0 }, Pretrainer::phase)
    }

    /// Steps taken in the current phase.
    pub fn phase_steps(&self) -> usize {
        let Some(t) = &self.trainer else { return 0 };
        match t.phase() {
            Phase::Pretrain { layer } => t.pretrain_losses(layer).steps(),
            Phase::FineTune => t.fine_tune_losses().steps(),
        }
    }

    /// Whether training can go on (data there, nothing diverged, budget not used up).
    pub fn can_train(&self) -> bool {
        self.trainer.is_some()
            && !matches!(self.notice, Some(Notice::Diverged { .. }))
            && !self.finished()
    }

    /// Whether fine-tuning has used its whole budget: the race is over.
    pub fn finished(&self) -> bool {
        self.trainer.as_ref().is_some_and(Pretrainer::finished)
    }

    /// Trains in chunks until `more` says the time is up or the loss stops being a number.
    /// Returns whether training may go on.
    pub fn train_while(&mut self, mut more: impl FnMut() -> bool) -> bool {
        if !self.can_train() {
            self.running = false;
            return false;
        }
        // Where to go back to if the loss explodes during this frame (a pretrainer shares
        // its data, so the copy holds only what learns).
        let checkpoint = self.trainer.clone();
        loop {
            if !self.steps_or_back(CHUNK, &checkpoint, Steps::Scheduled) {
                return false;
            }
            if !more() {
                return true;
            }
        }
    }

    /// Takes `steps` steps of the schedule (a layer that has had its pretraining steps is
    /// stacked, fine-tuning stops at its budget); stops at a loss that is not a number or
    /// has exploded, goes back to the weights from before and says so.
    pub fn train_steps(&mut self, steps: usize) -> bool {
        let checkpoint = self.trainer.clone();
        self.steps_or_back(steps, &checkpoint, Steps::Scheduled)
    }

    /// Takes `steps` steps in the current phase, whatever the schedule says (a replay
    /// follows the shared run's own step counts).
    pub(super) fn train_in_phase(&mut self, steps: usize) -> bool {
        let checkpoint = self.trainer.clone();
        self.steps_or_back(steps, &checkpoint, Steps::InPhase)
    }

    fn steps_or_back(&mut self, steps: usize, checkpoint: &Option<Pretrainer>, how: Steps) -> bool {
        if !self.can_train() {
            self.running = false;
            return false;
        }
        let Some(trainer) = &mut self.trainer else {
            return false;
        };
        if matches!(self.notice, Some(Notice::PretrainFirst { .. })) {
            self.notice = None;
        }
        self.generation += 1;
        for _ in 0..steps {
            let report = match how {
                Steps::Scheduled => match trainer.step_scheduled() {
                    Some(report) => report,
                    None => {
                        self.running = false;
                        return false;
                    }
                },
                Steps::InPhase => trainer.step(),
            };
            if trainer.diverged(&report) {
                if let Some(good) = checkpoint {
                    *trainer = good.clone();
                }
                self.notice = Some(Notice::Diverged {
                    phase: report.phase,
                    step: report.step,
                    back_to: self.phase_steps(),
                });
                self.running = false;
                return false;
            }
        }
        true
    }

    /// Stacks the layer being trained and starts the next phase; a layer without any
    /// pretraining step is not stacked, and the notice says it needs training first.
    pub fn advance(&mut self) {
        self.running = false;
        if let Phase::Pretrain { layer } = self.phase()
            && self.phase_steps() == 0
        {
            self.notice = Some(Notice::PretrainFirst { layer });
            return;
        }
        if let Some(trainer) = &mut self.trainer {
            trainer.advance();
            self.generation += 1;
            if matches!(self.notice, Some(Notice::PretrainFirst { .. })) {
                self.notice = None;
            }
        }
    }

    /// Chooses how many hidden layers (of [`LAYER_UNITS`] units) the net has; restarts.
    pub fn set_depth(&mut self, depth: usize) {
        let hidden = vec![LAYER_UNITS; depth];
        if DEPTH_CHOICES.contains(&depth) && hidden != self.config.hidden {
            self.config.hidden = hidden;
            self.reset();
        }
    }

    /// Chooses how many labelled examples per class fine-tuning gets; restarts.
    pub fn set_labels_per_class(&mut self, n: usize) {
        if LABEL_CHOICES.contains(&n) && n != self.config.labels_per_class {
            self.config.labels_per_class = n;
            self.reset();
        }
    }

    /// Chooses which layers fine-tuning changes; restarts.
    pub fn set_fine_tune(&mut self, how: FineTune) {
        if how != self.config.fine_tune {
            self.config.fine_tune = how;
            self.reset();
        }
    }

    /// A learning rate as typed: a positive number restarts the experiment with it;
    /// anything else is marked and changes nothing.
    pub fn set_rate(&mut self, field: RateField, text: &str) {
        let i = field.index();
        self.rate_text[i] = text.to_owned();
        let parsed = text.trim().replace(',', ".").parse::<f64>().ok();
        match parsed.filter(|r| r.is_finite() && *r > 0.0) {
            Some(rate) => {
                self.rate_error[i] = false;
                let slot = match field {
                    RateField::Pretrain => &mut self.config.pretrain_rate,
                    RateField::FineTune => &mut self.config.fine_tune_rate,
                };
                if *slot != rate {
                    *slot = rate;
                    self.reset();
                }
            }
            None => self.rate_error[i] = true,
        }
    }
}

#[cfg(test)]
mod tests;
