//! The screen's state: the car network, the example in its leaves, the training settings.
//! Plain data and core calls only; the component draws it.

use nnp_core::graph::car::TEXTBOOK_SHARPNESS;
use nnp_core::graph::{
    CarExample, CarNet, CarNetConfig, CarOutput, CarWeights, ChainRule, NodeKind, Phase,
    TrainConfig,
};
use nnp_core::loss::Loss;

/// The plane of car positions drawn beside the graph: `[PLANE_LOW, PLANE_HIGH]²`.
pub const PLANE_LOW: f64 = -1.0;
/// See [`PLANE_LOW`].
pub const PLANE_HIGH: f64 = 4.0;
/// The largest sharpness `k` of the hidden units `σ(k·z)` a person can set.
pub const MAX_SHARPNESS: f64 = 100.0;
/// The largest number of epochs one click trains.
pub const MAX_EPOCHS: usize = 1000;

/// A user input the screen refused (the state stays as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    /// The text is not a finite number.
    NotANumber,
    /// The learning rate must be in `(0, 10]`.
    LearningRate,
    /// The sharpness `k` must be in `(0, MAX_SHARPNESS]`.
    Sharpness,
    /// The epoch count must be a whole number in `1..=MAX_EPOCHS`.
    Epochs,
    /// A car position must lie in `[−100, 100]`.
    Position,
    /// An update needs the gradients of a finished backward pass.
    NeedsBackward,
    /// Training produced a number too large to represent; the weights before it are back.
    Diverged,
}

/// Which examples "train" visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainSet {
    /// The lecture's three examples.
    Table,
    /// A 41 × 41 grid of positions over the plane, labelled by the true rule.
    Grid,
}

/// Everything the screen shows and changes.
#[derive(Debug, Clone)]
pub struct Model {
    /// The network and its stepping graph.
    pub net: CarNet,
    /// The example in the input leaves.
    pub example: CarExample,
    /// Step size η.
    pub learning_rate: f64,
    /// Epochs per click on "train".
    pub epochs: usize,
    /// What "train" visits.
    pub train_set: TrainSet,
    /// The seed the next "random init" uses.
    pub seed: u64,
    /// The seed of the next training run's visiting order.
    train_seed: u64,
    /// The parameter node whose chain rule is shown.
    pub selected: usize,
    /// Mean training loss after each epoch since the last (re)initialisation.
    pub history: Vec<f64>,
    /// Bumped whenever the weights or the network change (the plane is redrawn then).
    pub revision: u64,
    /// The loss on the example before and after the latest update.
    pub last_update: Option<(f64, f64)>,
    grid: Vec<CarExample>,
    edits: undo::Edits,
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// The lecture's network (no output bias), textbook weights, squared loss, the first
    /// table example.
    pub fn new() -> Self {
        let net = CarNet::new(CarNetConfig::default());
        let selected = net.graph.expect_index("v1[1]");
        Self {
            example: net.example(),
            net,
            learning_rate: 0.1,
            epochs: 10,
            train_set: TrainSet::Grid,
            seed: 5,
            train_seed: 1,
            selected,
            history: Vec::new(),
            revision: 0,
            last_update: None,
            grid: CarExample::grid(41, PLANE_LOW, PLANE_HIGH, 0.15),
            edits: undo::Edits::default(),
        }
    }

    /// The network's configuration.
    pub fn config(&self) -> CarNetConfig {
        self.net.config()
    }

    /// Where the step-by-step pass stands.
    pub fn phase(&self) -> Phase {
        self.net.graph.phase()
    }

    /// Rebuilds the network with another loss or bias setting, keeping weights and example.
    pub fn reconfigure(&mut self, loss: Loss, output_bias: bool) {
        let weights = self.net.weights();
        let sharpness = self.net.sharpness();
        let selected = self.net.graph.node(self.selected).label.clone();
        self.net = CarNet::new(CarNetConfig {
            loss,
            output_bias,
            ..self.config()
        });
        self.net.set_weights(&weights);
        self.net.set_sharpness(sharpness);
        self.net.set_example(&self.example);
        self.selected = self
            .net
            .graph
            .index_of(&selected)
            .unwrap_or_else(|| self.net.graph.expect_index("v1[1]"));
        self.history.clear();
        self.changed();
    }

    /// One node of the pass.
    pub fn step(&mut self) {
        self.net.graph.step();
    }

    /// The rest of the forward pass.
    pub fn finish_forward(&mut self) {
        self.net.graph.forward();
    }

    /// The rest of the pass, forward and backward.
    pub fn finish_backward(&mut self) {
        self.net.graph.backward();
    }

    /// Forgets the pass (weights stay).
    pub fn reset_pass(&mut self) {
        self.net.graph.reset();
        self.last_update = None;
    }

    /// `p ← p − η g_p` from the finished pass; remembers the loss before and after.
    pub fn apply_update(&mut self) -> Result<(), InputError> {
        if self.phase() != Phase::Done {
            return Err(InputError::NeedsBackward);
        }
        let before = self.net.loss_on(&self.example);
        self.net.graph.sgd_step(self.learning_rate);
        let after = self.net.loss_on(&self.example);
        self.last_update = Some((before, after));
        self.changed();
        Ok(())
    }

    /// Trains `epochs` epochs of online SGD on the chosen set; the example stays in the leaves.
    /// A run whose loss or weights stop being finite is undone (the weights before it come
    /// back) and reported.
    pub fn train(&mut self, epochs: usize) -> Result<(), InputError> {
        let config = TrainConfig {
            learning_rate: self.learning_rate,
            epochs,
            shuffle: true,
            seed: self.train_seed,
        };
        self.train_seed += 1;
        let before = self.net.weights();
        let losses = match self.train_set {
            TrainSet::Table => self.net.train(&CarExample::lecture_table(), &config),
            TrainSet::Grid => self.net.train(&self.grid, &config),
        };
        let weights = self.net.weights();
        let finite = losses.iter().all(|l| l.is_finite())
            && weights
                .v1
                .iter()
                .chain(&weights.v2)
                .chain(&weights.w)
                .all(|w| w.is_finite());
        if !finite {
            self.net.set_weights(&before);
            self.net.set_example(&self.example);
            self.changed();
            return Err(InputError::Diverged);
        }
        self.history.extend(losses);
        self.net.set_example(&self.example);
        self.changed();
        Ok(())
    }

    /// The fraction of the chosen training set classified right.
    pub fn accuracy(&self) -> f64 {
        match self.train_set {
            TrainSet::Table => self.net.accuracy(&CarExample::lecture_table()),
            TrainSet::Grid => self.net.accuracy(&self.grid),
        }
    }

    /// Uniform random weights in `[−1, 1)` from the current seed, then the next seed, and
    /// the plain σ (`k = 1`) that one trains from a random start.
    pub fn randomize(&mut self) {
        self.remember_weights();
        self.net.randomize(self.seed);
        self.net.set_sharpness(1.0);
        self.seed += 1;
        self.history.clear();
        self.changed();
    }

    /// The lecture's hand-built weights exactly (`v1 = [−1, 1, −1]`, …), with the hidden
    /// units sharpened to `σ(10·z)` so that they read as the lecture's thresholds.
    pub fn textbook(&mut self) {
        self.remember_weights();
        self.net.set_weights(&CarWeights::textbook(&self.config()));
        self.net.set_sharpness(TEXTBOOK_SHARPNESS);
        self.history.clear();
        self.changed();
    }

    /// Sets the sharpness `k` of the hidden units `σ(k·z)` from text.
    pub fn set_sharpness(&mut self, text: &str) -> Result<(), InputError> {
        let k = parse_number(text)?;
        if k <= 0.0 || k > MAX_SHARPNESS {
            return Err(InputError::Sharpness);
        }
        self.remember_weights();
        self.net.set_sharpness(k);
        self.changed();
        Ok(())
    }

    /// Sets the parameter at node `node` from text.
    pub fn set_weight(&mut self, node: usize, text: &str) -> Result<(), InputError> {
        let value = parse_number(text)?;
        if self.net.graph.node(node).kind() != NodeKind::Parameter {
            return Ok(());
        }
        self.remember_weights();
        self.net.graph.set_leaf(node, value);
        self.changed();
        Ok(())
    }

    /// Chooses example `k` of the lecture's table.
    pub fn choose_row(&mut self, k: usize) {
        if let Some(example) = CarExample::lecture_table().get(k) {
            self.set_example(*example);
        }
    }

    /// Puts the cars at typed positions, labelled by the true rule.
    pub fn set_position(&mut self, x1: &str, x2: &str) -> Result<(), InputError> {
        let (x1, x2) = (parse_number(x1)?, parse_number(x2)?);
        if x1.abs() > 100.0 || x2.abs() > 100.0 {
            return Err(InputError::Position);
        }
        self.set_example(CarExample::labelled(x1, x2));
        Ok(())
    }

    /// Sets η from text.
    pub fn set_learning_rate(&mut self, text: &str) -> Result<(), InputError> {
        let rate = parse_number(text)?;
        if rate <= 0.0 || rate > 10.0 {
            return Err(InputError::LearningRate);
        }
        self.learning_rate = rate;
        Ok(())
    }

    /// Sets the epochs per click from text.
    pub fn set_epochs(&mut self, text: &str) -> Result<(), InputError> {
        match text.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_EPOCHS).contains(&n) => {
                self.epochs = n;
                Ok(())
            }
            _ => Err(InputError::Epochs),
        }
    }

    /// Selects a parameter for the chain-rule panel (other nodes are ignored).
    pub fn select(&mut self, node: usize) {
        if node < self.net.graph.len() && self.net.graph.node(node).kind() == NodeKind::Parameter {
            self.selected = node;
        }
    }

    /// The chain rule from the loss to the selected parameter.
    pub fn chain(&self) -> ChainRule {
        self.net.graph.chain_rule(self.selected)
    }

    /// The central-difference estimate of `∂loss/∂p` for the selected parameter.
    pub fn finite_difference(&self) -> f64 {
        let graph = &self.net.graph;
        let k = graph
            .parameter_indices()
            .iter()
            .position(|&i| i == self.selected);
        k.and_then(|k| graph.numerical_gradient().get(k).copied())
            .unwrap_or(f64::NAN)
    }

    /// The lecture's table with what the current weights compute for each row.
    pub fn table(&self) -> Vec<(CarExample, CarOutput)> {
        CarExample::lecture_table()
            .into_iter()
            .map(|e| (e, self.net.predict(e.x[0], e.x[1])))
            .collect()
    }

    /// The network over an `n × n` grid of the plane (row-major, `x2` grows with the row).
    pub fn plane(&self, n: usize) -> Vec<CarOutput> {
        self.net.plane(PLANE_LOW, PLANE_HIGH, n)
    }

    pub(super) fn set_example(&mut self, example: CarExample) {
        self.example = example;
        self.net.set_example(&example);
        self.last_update = None;
    }

    /// The seed of the next training run's visiting order.
    pub fn train_seed(&self) -> u64 {
        self.train_seed
    }

    /// Sets the seed of the next training run's visiting order.
    pub fn set_train_seed(&mut self, seed: u64) {
        self.train_seed = seed;
    }

    fn changed(&mut self) {
        self.revision += 1;
    }
}

/// A number typed by a person: spaces, "−" and "," as the decimal mark are fine.
pub fn parse_number(text: &str) -> Result<f64, InputError> {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '−' | '–' => '-',
            ',' | '，' => '.',
            c => c,
        })
        .collect();
    match cleaned.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(InputError::NotANumber),
    }
}

#[cfg(test)]
mod tests;
mod undo;
