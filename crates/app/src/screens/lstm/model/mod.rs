//! The LSTM screen's state: one trainer per variant on the same task, the input sequence
//! everyone reads, its trace, and what the user selected. No Html here.

use nnp_core::recurrent::{
    Model as Net, QuantityName, RaceConfig, Sequence, Task, TaskError, Trace, Trainer, Variant,
};
use nnp_core::rng::Rng;

use super::choices::{DEFAULT_TEXT, HIDDEN_SIZES, TEXT_WINDOW, TaskKind};
use super::compare::Comparison;
use super::input::{self, InputError};
use super::link::Shortened;

mod restore;
mod weights_json;
#[cfg(test)]
mod weights_tests;

/// Something to tell the user, in the current language (the view picks the words).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Input(InputError),
    Task(TaskError),
    BadRate(String),
    Reached {
        variant: Variant,
        updates: usize,
        seconds: f64,
    },
    /// An update produced NaN or ∞; the weights before it are back.
    Diverged(Variant),
    /// Parts of the page's link that could not be used (their keys); the rest was restored.
    LinkPartlyRead(Vec<String>),
    /// Parts of the state this browser remembered that could not be used; set aside.
    SavedPartlyRead(Vec<String>),
    /// The text has more distinct characters than symbols: this many share one.
    CharactersFolded(usize),
    /// A weights file set the shown cell's weights.
    WeightsOpened,
    /// A weights file was refused (why); nothing changed.
    WeightsRefused(crate::weights_file::WeightsError),
}

/// One variant learning the task, with its stopwatch.
#[derive(Debug, Clone)]
pub struct Run {
    pub trainer: Trainer,
    /// `(updates, seconds of training)` when the target was first reached.
    pub reached: Option<(usize, f64)>,
    pub seconds: f64,
}

/// The whole screen's state.
#[derive(Debug)]
pub struct Model {
    pub kind: TaskKind,
    pub distance: usize,
    pub hidden: usize,
    pub text: String,
    pub learning_rate: f64,
    pub seed: u64,
    pub variant: Variant,
    pub task: Task,
    runs: [Option<Run>; 5],
    /// The sequence every variant reads, as the user sees and edits it.
    pub sequence: Sequence,
    pub sequence_text: String,
    /// The last sequence the user typed that was accepted (it travels in links as typed).
    typed: Option<String>,
    examples: u64,
    pub trace: Trace<f32>,
    pub t: usize,
    pub unit: usize,
    /// The band the user clicked last (its line is highlighted in the equations).
    pub picked: Option<QuantityName>,
    pub chart_units: Vec<usize>,
    pub training: bool,
    pub notice: Option<Notice>,
    pub comparison: Comparison,
    /// Bumped whenever something drawn on a canvas changes.
    pub generation: u64,
    /// Updates per variant (in [`Variant::ALL`] order) a shared run is replayed to.
    replay: Option<[usize; 5]>,
    /// What the share link leaves out because it would be too long.
    pub link_short: Option<Shortened>,
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

fn variant_index(v: Variant) -> usize {
    Variant::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

impl Model {
    /// Remember-first with the race's defaults ([`RaceConfig::default`]: 60 steps, 8
    /// units, η = 0.01, seed 1), LSTM: where the plain RNN fails.
    pub fn new() -> Self {
        let race = RaceConfig::default();
        let task = Task::remember_first(race.distance);
        let sequence = task.sample(&mut Rng::seeded(1001));
        let mut model = Self {
            kind: TaskKind::Remember,
            distance: race.distance,
            hidden: race.hidden_size,
            text: DEFAULT_TEXT.to_owned(),
            learning_rate: race.learning_rate,
            seed: race.seed,
            variant: Variant::Lstm,
            sequence_text: input::format(&task, &sequence),
            typed: None,
            task,
            runs: Default::default(),
            sequence,
            examples: 1,
            trace: Trace {
                steps: 0,
                initial_hidden: Vec::new(),
                initial_cell: Vec::new(),
                quantities: Vec::new(),
            },
            t: 0,
            unit: 0,
            picked: None,
            chart_units: vec![0, 1],
            training: false,
            notice: None,
            comparison: Comparison::default(),
            generation: 0,
            replay: None,
            link_short: None,
        };
        model.refresh();
        model.t = model.steps().saturating_sub(1);
        model
    }

    fn new_run(&self, variant: Variant) -> Run {
        let net = Net::new(self.task.model_config(variant, self.hidden, self.seed));
        let config = self.task.train_config(self.seed, self.learning_rate);
        Run {
            trainer: Trainer::new(net, self.task.clone(), config),
            reached: None,
            seconds: 0.0,
        }
    }

    /// The current variant's run (created on first use).
    pub fn run(&mut self) -> &mut Run {
        self.run_for(self.variant)
    }

    /// A variant's run (created on first use).
    fn run_for(&mut self, variant: Variant) -> &mut Run {
        let k = variant_index(variant);
        let run = match self.runs[k].take() {
            Some(run) => run,
            None => self.new_run(variant),
        };
        self.runs[k].insert(run)
    }

    /// The current variant's run, if it exists (it always does after `refresh`).
    pub fn current(&self) -> Option<&Run> {
        self.runs[variant_index(self.variant)].as_ref()
    }

    /// Another variant's run, for the switcher's badges.
    pub fn run_of(&self, variant: Variant) -> Option<&Run> {
        self.runs[variant_index(variant)].as_ref()
    }

    pub fn steps(&self) -> usize {
        self.trace.steps
    }

    /// Re-runs the sequence through the current variant and keeps the selection in range.
    pub fn refresh(&mut self) {
        let inputs = self.sequence.inputs.clone();
        self.trace = self.run().trainer.model.forward(&inputs);
        self.t = self.t.min(self.steps().saturating_sub(1));
        self.unit = self.unit.min(self.hidden - 1);
        self.chart_units.retain(|u| *u < self.hidden);
        if self.chart_units.is_empty() {
            self.chart_units.push(0);
        }
        self.generation += 1;
    }

    /// Builds the task from the settings; on failure the old task stays and a notice says why.
    fn rebuild(&mut self) {
        let task = match self.kind {
            TaskKind::Remember => Ok(Task::remember_first(self.distance)),
            TaskKind::Brackets => Ok(Task::BracketDepth {
                length: 16,
                max_depth: 4,
            }),
            TaskKind::Sine => Ok(Task::NoisySine {
                length: 30,
                noise: 0.05,
            }),
            TaskKind::Text => Task::text(&self.text, TEXT_WINDOW),
        };
        match task {
            Ok(task) => {
                // New runs and a new sequence before anything reads the trace: the old
                // sequence does not fit the new task's input size.
                self.task = task;
                self.runs = Default::default();
                self.replay = None;
                self.training = false;
                self.examples = 0;
                self.new_example();
                let folded = self.task.folded_characters();
                if folded > 0 {
                    self.notice = Some(Notice::CharactersFolded(folded));
                }
            }
            Err(e) => self.notice = Some(Notice::Task(e)),
        }
    }

    pub fn reset_runs(&mut self) {
        self.runs = Default::default();
        self.replay = None;
        self.training = false;
        self.comparison.stop();
        self.refresh();
    }

    pub fn set_kind(&mut self, kind: TaskKind) {
        let old = self.kind;
        self.kind = kind;
        self.rebuild();
        if matches!(self.notice, Some(Notice::Task(_))) {
            self.kind = old;
        }
    }

    pub fn set_distance(&mut self, distance: usize) {
        if distance >= 2 {
            self.distance = distance;
            self.rebuild();
        }
    }

    pub fn set_hidden(&mut self, hidden: usize) {
        if HIDDEN_SIZES.contains(&hidden) {
            self.hidden = hidden;
            self.reset_runs();
        }
    }

    pub fn set_text(&mut self, text: String) {
        let old = std::mem::replace(&mut self.text, text);
        self.rebuild();
        if matches!(self.notice, Some(Notice::Task(_))) {
            self.text = old;
        }
    }

    pub fn set_learning_rate(&mut self, text: &str) {
        match text.trim().replace(',', ".").parse::<f64>() {
            Ok(rate) if rate.is_finite() && rate > 0.0 && rate <= 1.0 => {
                self.learning_rate = rate;
                self.reset_runs();
            }
            _ => self.notice = Some(Notice::BadRate(text.to_owned())),
        }
    }

    pub fn set_variant(&mut self, variant: Variant) {
        self.variant = variant;
        self.picked = self.picked.filter(|q| variant.quantities().contains(q));
        self.refresh();
    }

    /// A fresh random sequence of the task (the same one for every variant).
    pub fn new_example(&mut self) {
        self.examples += 1;
        self.sequence = self.task.sample(&mut Rng::seeded(1000 + self.examples));
        self.typed = None;
        self.sequence_text = input::format(&self.task, &self.sequence);
        self.refresh();
        self.t = self.steps().saturating_sub(1);
    }

    /// The user's own sequence; on a typo the old one stays and a notice says where.
    pub fn set_sequence(&mut self, text: String) {
        match input::parse(&self.task, &text) {
            Ok(sequence) => {
                self.sequence = sequence;
                self.typed = Some(text.clone());
                self.sequence_text = text;
                self.refresh();
            }
            Err(e) => {
                self.sequence_text = text;
                self.notice = Some(Notice::Input(e));
            }
        }
    }

    pub fn select(&mut self, t: usize, unit: usize, band: Option<QuantityName>) {
        self.t = t.min(self.steps().saturating_sub(1));
        self.unit = unit.min(self.hidden - 1);
        if band.is_some() {
            self.picked = band;
        }
        self.generation += 1;
    }

    pub fn toggle_chart_unit(&mut self, unit: usize) {
        if let Some(k) = self.chart_units.iter().position(|u| *u == unit) {
            if self.chart_units.len() > 1 {
                self.chart_units.remove(k);
            }
        } else if unit < self.hidden {
            self.chart_units.push(unit);
            self.chart_units.sort_unstable();
        }
        self.generation += 1;
    }

    /// One Adam update of the current variant, timed by `now` (ms); returns whether the
    /// target was just reached (a notice says so).
    pub fn train_step(&mut self, now: &dyn Fn() -> f64) -> bool {
        let variant = self.variant;
        let start = now();
        let run = self.run();
        let result = run.trainer.step_unless_diverged();
        run.seconds += (now() - start) / 1000.0;
        if result.is_err() {
            // The core put back the weights before this update; training stops and says why.
            self.training = false;
            self.notice = Some(Notice::Diverged(variant));
            return false;
        }
        let run = self.run();
        if run.reached.is_some() || !run.trainer.target_met() {
            return false;
        }
        let (updates, seconds) = (run.trainer.updates(), run.seconds);
        run.reached = Some((updates, seconds));
        self.notice = Some(Notice::Reached {
            variant,
            updates,
            seconds,
        });
        true
    }

    /// Trains and compares for about `budget_ms` of wall time as read by `now` (ms).
    pub fn work(&mut self, now: &dyn Fn() -> f64, budget_ms: f64) {
        let start = now();
        let mut trained = false;
        while now() - start < budget_ms {
            if self.replay.is_some() {
                trained = true;
                self.replay_step(now);
            } else if self.training {
                trained = true;
                if self.train_step(now) {
                    self.training = false;
                }
            } else if self.comparison.running {
                self.comparison.work();
            } else {
                break;
            }
        }
        if trained {
            self.refresh();
        }
    }

    /// The race the screen's settings describe: its distance, units, learning rate and seed.
    pub fn race_config(&self) -> RaceConfig {
        RaceConfig {
            distance: self.distance,
            hidden_size: self.hidden,
            learning_rate: self.learning_rate,
            seed: self.seed,
            ..RaceConfig::default()
        }
    }

    pub fn busy(&self) -> bool {
        self.training || self.comparison.running || self.replay.is_some()
    }
}

#[cfg(test)]
mod tests;
