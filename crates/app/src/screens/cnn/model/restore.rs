//! A model and its share-link settings, both ways, and the replay of a shared run (the
//! trainer is seeded: the same updates give the same weights, bit for bit).

use nnp_core::cnn::DEFAULT_EPOCHS;

use super::{LinkNotice, Load, Model, Notice, Source};
use crate::screens::cnn::link::{self, Settings};
use crate::share;

/// Updates replayed between two looks at the clock.
const REPLAY_CHUNK: usize = 4;

impl Model {
    /// Everything a share link holds about this model (while a replay runs, the update it
    /// is heading for).
    pub fn settings(&self) -> Settings {
        Settings {
            seed: self.config.seed,
            learning_rate: self.config.learning_rate,
            batch_size: self.config.batch_size,
            updates: self.replay.unwrap_or(self.progress().updates),
            example: self.example,
        }
    }

    /// A model waiting for its data with `s`'s settings; once the digits are there, the
    /// run is replayed to the same update.
    pub fn from_settings(s: &Settings) -> Self {
        let mut m = Model::new();
        m.config.seed = s.seed;
        m.config.learning_rate = s.learning_rate;
        m.config.batch_size = s.batch_size;
        m.example = s.example;
        m.replay = (s.updates > 0).then_some(s.updates);
        m
    }

    /// The model a link's query describes; what could not be used is named in
    /// [`LinkNotice::LinkPartlyRead`].
    pub fn from_query(query: &str) -> Self {
        let mut settings = Model::new().settings();
        let problems = share::read_query(&link::fields(), query, &mut settings);
        let mut model = Model::from_settings(&settings);
        let mut keys: Vec<String> = problems.iter().map(share::LinkProblem::shown).collect();
        keys.dedup();
        model.link_notice = (!keys.is_empty()).then_some(LinkNotice::LinkPartlyRead(keys));
        model
    }

    /// Names `key` among the parts of the link that could not be used.
    pub(super) fn link_part_unused(&mut self, key: &str) {
        match &mut self.link_notice {
            Some(LinkNotice::LinkPartlyRead(keys) | LinkNotice::SavedPartlyRead(keys)) => {
                if !keys.iter().any(|k| k == key) {
                    keys.push(key.to_owned());
                }
            }
            None => self.link_notice = Some(LinkNotice::LinkPartlyRead(vec![key.to_owned()])),
        }
    }

    /// Replaces the run by the one `query` (an opened file) describes, keeping the digits
    /// and the drawing.
    pub fn open(&mut self, query: &str) {
        let mut next = Model::from_query(query);
        next.generation = self.generation + 1;
        next.drawing = std::mem::take(&mut self.drawing);
        match self.data.take() {
            Some(data) => {
                next.data = Some(data);
                next.load = Load::Ready;
                next.start_run();
            }
            None => next.load = self.load.clone(),
        }
        *self = next;
    }

    /// A fresh run once the digits are there; a test digit index from a link beyond
    /// the test set is noted (and replaced by 0).
    pub(super) fn start_run(&mut self) {
        let wanted = self.example;
        self.reset();
        if self.example != wanted {
            self.link_part_unused("ex");
        }
    }

    /// Whether the animation loop has work: training, or a replay with the data there.
    pub fn busy(&self) -> bool {
        self.running || (self.replay.is_some() && self.trainer.is_some())
    }

    /// `(updates replayed, updates to replay)` while a shared run is being replayed.
    pub fn replay_progress(&self) -> Option<(usize, usize)> {
        let target = self.replay?;
        Some((self.progress().updates.min(target), target))
    }

    /// Stops a replay where it is (what was replayed stays).
    pub fn stop_replay(&mut self) {
        if self.replay.take().is_some() {
            self.after_replay();
        }
    }

    /// Replays towards the target until `more` says this frame's share is used. Returns
    /// whether the replay goes on (it ends at the target, or where the shared run diverged).
    pub fn replay_slice(&mut self, mut more: impl FnMut() -> bool) -> bool {
        let Some(target) = self.replay else {
            return false;
        };
        if self.trainer.is_none() {
            return true;
        }
        loop {
            let have = self.progress().updates;
            if have >= target || !self.train_steps((target - have).min(REPLAY_CHUNK)) {
                self.replay = None;
                self.after_replay();
                self.refresh();
                return false;
            }
            if !more() {
                self.refresh();
                return true;
            }
        }
    }

    /// The budget of a replayed run: the next whole number of budgets.
    fn after_replay(&mut self) {
        let epoch = self.progress().epoch;
        self.budget = epoch.div_ceil(DEFAULT_EPOCHS).max(1) * DEFAULT_EPOCHS;
        if self.budget_done() && self.notice.is_none() {
            self.notice = Some(Notice::BudgetReached(epoch));
        }
        if self.source == Source::Drawing && self.drawing.is_empty() {
            self.source = Source::Example;
        }
    }
}
