//! The screen's state: the digits once loaded, the training run with its curves, the input
//! shown through the network (a test digit or the visitor's drawing) and what to tell the
//! user. Plain data for the views; no Html here.

use nnp_core::cnn::{
    CnnActivations, CnnConfig, CnnTrainConfig, CnnTrainer, Confusion, DEFAULT_EPOCHS, ImageSet,
    Progress,
};
use nnp_core::curve::Curve;
use nnp_core::deep::Digits;

use super::drawing::Drawing;

mod restore;

/// Mini-batches taken between two looks at the clock while training.
const CHUNK: usize = 1;

pub use crate::digits_file::{Load, LoadError};

/// Something the user must read about the run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    /// Training stopped by itself after this many epochs (the budget).
    BudgetReached(usize),
    /// The loss stopped being a number after this many updates; the weights are those
    /// from before.
    Diverged(usize),
}

/// What became of a share link or a remembered state that could not be read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotice {
    /// Parts of the page's link that could not be used (their keys); the rest was restored.
    LinkPartlyRead(Vec<String>),
    /// Parts of the state this browser remembered that could not be used; set aside.
    SavedPartlyRead(Vec<String>),
}

/// What goes through the network in the pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The chosen test digit.
    Example,
    /// The visitor's drawing.
    Drawing,
}

/// Accuracies measured at the end of an epoch (and before training).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accuracy {
    /// Epochs done when measured.
    pub epoch: usize,
    /// Share of the training digits classified correctly.
    pub train: f32,
    /// Share of the test digits classified correctly.
    pub test: f32,
}

/// The whole screen state.
#[derive(Debug)]
pub struct Model {
    /// Where the data is.
    pub load: Load,
    /// Seed, learning rate, batch size of the run.
    pub config: CnnTrainConfig,
    /// Whether the animation loop trains.
    pub running: bool,
    /// Message about the run.
    pub notice: Option<Notice>,
    /// What a link or remembered state could not restore.
    pub link_notice: Option<LinkNotice>,
    /// Index of the chosen test digit.
    pub example: usize,
    /// What the pictures show.
    pub source: Source,
    /// The visitor's drawing.
    pub drawing: Drawing,
    /// Changes whenever the pictures must be redrawn.
    pub generation: u64,
    /// Training stops by itself when this many epochs are done.
    pub budget: usize,
    data: Option<ImageSet>,
    trainer: Option<CnnTrainer>,
    losses: Curve,
    accuracy: Vec<Accuracy>,
    confusion: Option<Confusion>,
    /// Updates a shared run is replayed to (once the digits are there).
    replay: Option<usize>,
    shown: CnnActivations,
    drawn: CnnActivations,
}

impl Default for Model {
    fn default() -> Self {
        Self {
            load: Load::Loading,
            config: CnnTrainConfig::default(),
            running: false,
            notice: None,
            link_notice: None,
            example: 0,
            source: Source::Example,
            drawing: Drawing::default(),
            generation: 0,
            budget: DEFAULT_EPOCHS,
            data: None,
            trainer: None,
            losses: Curve::default(),
            accuracy: Vec::new(),
            confusion: None,
            replay: None,
            shown: CnnActivations::default(),
            drawn: CnnActivations::default(),
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
                self.data = Some(ImageSet::from_digits(&digits));
                self.load = Load::Ready;
                self.start_run();
            }
            Err(error) => self.load = Load::Failed(error),
        }
    }

    /// The run, once the data is there.
    pub fn trainer(&self) -> Option<&CnnTrainer> {
        self.trainer.as_ref()
    }

    /// A fresh run with the current settings (same seed: same split and weights).
    pub fn reset(&mut self) {
        self.running = false;
        self.notice = None;
        self.budget = DEFAULT_EPOCHS;
        self.losses = Curve::default();
        self.accuracy.clear();
        self.confusion = None;
        self.trainer = self
            .data
            .as_ref()
            .and_then(|data| CnnTrainer::new(data, &CnnConfig::default(), &self.config).ok());
        let tests = self.test_len();
        if self.example >= tests {
            self.example = 0;
        }
        self.measure();
        self.refresh();
    }

    /// Where the run is (all zero before the data is there).
    pub fn progress(&self) -> Progress {
        self.trainer
            .as_ref()
            .map_or(Progress::default(), CnnTrainer::progress)
    }

    /// Whether training can go on (data there, nothing diverged).
    pub fn can_train(&self) -> bool {
        self.trainer.is_some() && !matches!(self.notice, Some(Notice::Diverged(_)))
    }

    /// Whether the budget of epochs is used up.
    pub fn budget_done(&self) -> bool {
        self.progress().epoch >= self.budget
    }

    /// Starts training; at the end of the budget, a new budget of as many epochs again.
    pub fn play(&mut self) {
        if !self.can_train() {
            return;
        }
        if self.budget_done() {
            self.budget = (self.progress().epoch / DEFAULT_EPOCHS + 1) * DEFAULT_EPOCHS;
        }
        if matches!(self.notice, Some(Notice::BudgetReached(_))) {
            self.notice = None;
        }
        self.running = true;
    }

    /// Trains until `more` says the time is up, the budget is used or the loss stops being
    /// a number. Returns whether training goes on.
    pub fn train_while(&mut self, mut more: impl FnMut() -> bool) -> bool {
        if !self.running || !self.can_train() {
            self.running = false;
            return false;
        }
        loop {
            if !self.train_steps(CHUNK) {
                self.running = false;
                break;
            }
            if self.budget_done() {
                self.running = false;
                self.notice = Some(Notice::BudgetReached(self.progress().epoch));
                break;
            }
            if !more() {
                break;
            }
        }
        self.refresh();
        self.running
    }

    /// One mini-batch now (the Step button); training by the loop stops.
    pub fn step_once(&mut self) {
        self.running = false;
        if matches!(self.notice, Some(Notice::BudgetReached(_))) {
            self.notice = None;
        }
        self.train_steps(1);
        self.refresh();
    }

    /// Takes `steps` mini-batches, recording the losses and measuring the accuracies at
    /// each epoch's end. Stops (and says so) when the loss stops being a number.
    fn train_steps(&mut self, steps: usize) -> bool {
        if !self.can_train() {
            return false;
        }
        self.generation += 1;
        for _ in 0..steps {
            let Some(trainer) = &mut self.trainer else {
                return false;
            };
            match trainer.step() {
                Ok(report) => {
                    self.losses.push(f64::from(report.loss));
                    if report.epoch_done {
                        self.measure();
                    }
                }
                Err(diverged) => {
                    self.notice = Some(Notice::Diverged(diverged.updates));
                    self.running = false;
                    return false;
                }
            }
        }
        true
    }

    /// Accuracies and the test confusion matrix of the network as it is now.
    fn measure(&mut self) {
        let Some(t) = &self.trainer else { return };
        let epoch = t.progress().epoch;
        // The test accuracy is the confusion matrix's diagonal: one pass over the test set.
        let confusion = t.test_confusion();
        self.accuracy.retain(|a| a.epoch != epoch);
        self.accuracy.push(Accuracy {
            epoch,
            train: t.train_accuracy(),
            test: confusion.accuracy(),
        });
        self.confusion = Some(confusion);
    }

    /// Runs the shown input and the drawing through the network as it is now.
    pub fn refresh(&mut self) {
        self.generation += 1;
        let Some(t) = &self.trainer else { return };
        let net = t.net();
        net.forward_into(&self.drawing.input(), &mut self.drawn);
        match self.source {
            Source::Drawing => self.shown.clone_from(&self.drawn),
            Source::Example => {
                let tests = t.test_set();
                if self.example < tests.len() {
                    net.forward_into(tests.image(self.example), &mut self.shown);
                }
            }
        }
    }

    /// Every layer's values for the input the pictures show (empty before the data).
    pub fn shown(&self) -> Option<&CnnActivations> {
        self.trainer.as_ref().map(|_| &self.shown)
    }

    /// Every layer's values for the drawing.
    pub fn drawn(&self) -> Option<&CnnActivations> {
        self.trainer.as_ref().map(|_| &self.drawn)
    }

    /// Number of test digits.
    pub fn test_len(&self) -> usize {
        self.trainer.as_ref().map_or(0, |t| t.test_set().len())
    }

    /// The label of the chosen test digit.
    pub fn example_label(&self) -> Option<usize> {
        let tests = self.trainer.as_ref()?.test_set();
        (self.example < tests.len()).then(|| tests.label(self.example))
    }

    /// Shows the test digit `offset` places away (wrapping round).
    pub fn move_example(&mut self, offset: isize) {
        let n = self.test_len();
        if n == 0 {
            return;
        }
        let n = n as isize;
        self.example = (self.example as isize + offset).rem_euclid(n) as usize;
        self.source = Source::Example;
        self.refresh();
    }

    /// Shows the next test digit after the chosen one whose label is `digit`.
    pub fn pick_digit(&mut self, digit: usize) {
        let Some(t) = &self.trainer else { return };
        let labels = t.test_set().labels();
        let n = labels.len();
        let found = (1..=n)
            .map(|k| (self.example + k) % n)
            .find(|&i| labels[i] == digit);
        if let Some(i) = found {
            self.example = i;
            self.source = Source::Example;
            self.refresh();
        }
    }

    /// The pen went from `from` (or just touched down at `to`) to `to`, in drawing cells.
    pub fn draw(&mut self, from: Option<(f64, f64)>, to: (f64, f64)) {
        let changed = match from {
            Some(from) => self.drawing.line(from, to),
            None => self.drawing.dab(to.0, to.1),
        };
        if changed || self.source != Source::Drawing {
            self.source = Source::Drawing;
            self.refresh();
        }
    }

    /// Rubs the drawing out (the pictures go on showing it, empty).
    pub fn clear_drawing(&mut self) {
        self.drawing.clear();
        self.refresh();
    }

    /// The mini-batch losses so far, `(update, mean loss)` averaged down to at most
    /// `points` points.
    pub fn loss_curve(&self, points: usize) -> Vec<(f64, f64)> {
        self.losses
            .thinned(points)
            .into_iter()
            .map(|(step, loss)| (step as f64, loss))
            .collect()
    }

    /// The accuracies measured so far, oldest first.
    pub fn accuracies(&self) -> &[Accuracy] {
        &self.accuracy
    }

    /// The confusion matrix of the test digits at the last measurement.
    pub fn confusion(&self) -> Option<&Confusion> {
        self.confusion.as_ref()
    }

    /// The last mini-batch loss.
    pub fn last_loss(&self) -> Option<f64> {
        self.losses.last()
    }
}

#[cfg(test)]
mod tests;
