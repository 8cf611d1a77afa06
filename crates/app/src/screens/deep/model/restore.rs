//! A model and its share-link settings, both ways, and the replay of a shared experiment
//! (the pretrainer is seeded: the same steps give the same weights, bit for bit).

use nnp_core::deep::{Phase, PretrainConfig};

use super::{CHUNK, LinkNotice, Load, Model};
use crate::screens::deep::link::{self, Settings};
use crate::share;

impl Model {
    /// Steps taken in every phase reached so far (layer 1, layer 2, …, fine-tuning).
    fn steps_per_phase(&self) -> Vec<usize> {
        let Some(t) = &self.trainer else {
            return vec![0];
        };
        let pretrained = |layers: usize| (0..layers).map(|l| t.pretrain_losses(l).steps());
        match t.phase() {
            Phase::Pretrain { layer } => pretrained(layer + 1).collect(),
            Phase::FineTune => pretrained(t.depth())
                .chain(std::iter::once(t.fine_tune_losses().steps()))
                .collect(),
        }
    }

    /// Everything a share link holds about this model (while a replay runs, the steps it
    /// is heading for).
    pub fn settings(&self) -> Settings {
        Settings {
            hidden: Some(self.config.hidden.clone()),
            labels_per_class: self.config.labels_per_class,
            pretrain_rate: self.config.pretrain_rate,
            fine_tune_rate: self.config.fine_tune_rate,
            fine_tune: self.config.fine_tune,
            steps: self
                .replay
                .clone()
                .unwrap_or_else(|| self.steps_per_phase()),
            show_baseline: self.show_baseline,
        }
    }

    /// A model waiting for its data with `s`'s settings; once the digits are there, the
    /// experiment is replayed to the same phase and steps.
    pub fn from_settings(s: &Settings) -> Self {
        let mut m = Model::new();
        match &s.hidden {
            Some(hidden) => m.config.hidden.clone_from(hidden),
            None => m.config = PretrainConfig::earlier_default(),
        }
        m.config.labels_per_class = s.labels_per_class;
        m.config.pretrain_rate = s.pretrain_rate;
        m.config.fine_tune_rate = s.fine_tune_rate;
        m.config.fine_tune = s.fine_tune;
        m.rate_text = [s.pretrain_rate.to_string(), s.fine_tune_rate.to_string()];
        m.show_baseline = s.show_baseline;
        if s.steps.len() > m.config.hidden.len() + 1 {
            m.link_notice = Some(LinkNotice::LinkPartlyRead(vec!["s".into()]));
        } else if s.steps != [0] {
            m.replay = Some(s.steps.clone());
        }
        m
    }

    /// The model a link's query describes; what could not be used is named in
    /// [`LinkNotice::LinkPartlyRead`].
    pub fn from_query(query: &str) -> Self {
        let read = |config: PretrainConfig| {
            let mut model = Model::new();
            model.config = config;
            let mut settings = Settings {
                hidden: None,
                ..model.settings()
            };
            let problems = share::read_query(&link::fields(), query, &mut settings);
            (settings, problems)
        };
        let (mut settings, mut problems) = read(PretrainConfig::default());
        if settings.hidden.is_none() {
            // A link without the widths is from before they were written (see `link`):
            // what it leaves out means what it meant then.
            (settings, problems) = read(PretrainConfig::earlier_default());
        }
        let mut model = Model::from_settings(&settings);
        let mut keys: Vec<String> = problems.iter().map(share::LinkProblem::shown).collect();
        if let Some(LinkNotice::LinkPartlyRead(more)) = &model.link_notice {
            keys.extend(more.iter().cloned());
        }
        model.link_notice = (!keys.is_empty()).then_some(LinkNotice::LinkPartlyRead(keys));
        model
    }

    /// Replaces the experiment by the one `query` (an opened file) describes, keeping the
    /// digits already loaded.
    pub fn open(&mut self, query: &str) {
        let mut next = Model::from_query(query);
        next.generation = self.generation + 1;
        match self.data.take() {
            Some(data) => {
                next.data = Some(data);
                next.load = Load::Ready;
                next.reset();
            }
            None => next.load = self.load.clone(),
        }
        *self = next;
    }

    /// Whether the animation loop has work: training, or a replay with the data there.
    pub fn busy(&self) -> bool {
        self.running || (self.replay.is_some() && self.trainer.is_some())
    }

    /// `(steps replayed, steps to replay)` while a shared experiment is being replayed.
    pub fn replay_progress(&self) -> Option<(usize, usize)> {
        let target = self.replay.as_ref()?;
        let done = self.steps_per_phase();
        let replayed = target
            .iter()
            .zip(done.iter().chain(std::iter::repeat(&0)))
            .map(|(want, have)| (*have).min(*want))
            .sum();
        Some((replayed, target.iter().sum()))
    }

    /// Stops a replay where it is (what was replayed stays).
    pub fn stop_replay(&mut self) {
        self.replay = None;
    }

    /// Replays towards the target in chunks until `more` says this frame's share is used.
    /// Returns whether the replay goes on (it ends at the target or if the loss explodes,
    /// as it did in the shared run).
    pub fn replay_slice(&mut self, mut more: impl FnMut() -> bool) -> bool {
        let Some(target) = self.replay.clone() else {
            return false;
        };
        if self.trainer.is_none() {
            return true;
        }
        loop {
            let phase = match self.phase() {
                Phase::Pretrain { layer } => layer,
                Phase::FineTune => self.config.hidden.len(),
            };
            let (want, have) = (target.get(phase).copied().unwrap_or(0), self.phase_steps());
            if have < want {
                if !self.train_in_phase((want - have).min(CHUNK)) {
                    self.replay = None;
                    return false;
                }
            } else if phase + 1 < target.len() {
                if let Some(trainer) = &mut self.trainer {
                    trainer.advance();
                    self.generation += 1;
                }
            } else {
                self.replay = None;
                return false;
            }
            if !more() {
                return true;
            }
        }
    }
}
