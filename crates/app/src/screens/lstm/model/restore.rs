//! A model and its share-link settings, both ways, and the replay of a shared training run.

use nnp_core::recurrent::{QuantityName, Variant};

use super::{Model, Notice, variant_index};
use crate::screens::lstm::choices::{DEFAULT_TEXT, TaskKind};
use crate::screens::lstm::input;
use crate::screens::lstm::link::{self, Settings};
use crate::share;

impl Model {
    /// Updates trained by variant `k`, or the count a replay is heading for if larger.
    fn updates_of(&self, k: usize) -> usize {
        let done = self.runs[k].as_ref().map_or(0, |r| r.trainer.updates());
        done.max(self.replay.map_or(0, |target| target[k]))
    }

    /// Everything a share link holds about this model.
    pub fn settings(&self) -> Settings {
        Settings {
            variant: self.variant,
            kind: self.kind,
            distance: self.distance,
            text: self.text.clone(),
            hidden: self.hidden,
            learning_rate: self.learning_rate,
            seed: self.seed,
            example: self.examples,
            typed: self.typed.clone(),
            updates: std::array::from_fn(|k| self.updates_of(k)),
            t: self.t,
            unit: self.unit,
            picked: self.picked.map(|q| q.symbol().to_string()),
            lines: self.chart_units.clone(),
        }
    }

    /// The model `s` describes, untrained, with the replay of every cell's updates pending
    /// (see [`replay_step`](Self::replay_step)). Parts that do not fit (a typed sequence
    /// that is not one of the task, an unknown band) are named in a notice.
    pub fn from_settings(s: &Settings) -> Self {
        let mut m = Model::new();
        let mut unused = Vec::new();
        m.hidden = s.hidden;
        m.learning_rate = s.learning_rate;
        m.seed = s.seed;
        m.distance = s.distance;
        m.text = s.text.clone();
        m.kind = s.kind;
        m.rebuild();
        if matches!(m.notice, Some(Notice::Task(_))) {
            // Links check the text; this only guards against a state made elsewhere.
            m.kind = TaskKind::Remember;
            m.text = DEFAULT_TEXT.to_string();
            m.rebuild();
            unused.push("text".to_string());
        }
        if s.example > 1 {
            m.examples = s.example - 1;
            m.new_example();
        }
        if let Some(typed) = &s.typed {
            m.set_sequence(typed.clone());
            if matches!(m.notice, Some(Notice::Input(_))) {
                m.sequence_text = input::format(&m.task, &m.sequence);
                unused.push("seq".to_string());
            }
        }
        m.notice = None;
        m.set_variant(s.variant);
        m.chart_units = s.lines.iter().copied().filter(|u| *u < m.hidden).collect();
        m.chart_units.sort_unstable();
        m.chart_units.dedup();
        m.refresh();
        let band = s.picked.as_deref().map(|symbol| {
            m.bands()
                .into_iter()
                .find(|q: &QuantityName| q.symbol() == symbol)
        });
        if band == Some(None) {
            unused.push("band".to_string());
        }
        m.select(s.t, s.unit, band.flatten());
        m.replay = (s.updates != [0; 5]).then_some(s.updates);
        if !unused.is_empty() {
            m.notice = Some(Notice::LinkPartlyRead(unused));
        }
        m
    }

    /// The model a link's query describes; the parts that could not be used are named in a
    /// [`Notice::LinkPartlyRead`].
    pub fn from_query(query: &str) -> Self {
        let mut settings = Model::new().settings();
        let problems = share::read_query(&link::fields(), query, &mut settings);
        let mut model = Model::from_settings(&settings);
        let mut keys: Vec<String> = problems.iter().map(share::LinkProblem::shown).collect();
        if let Some(Notice::LinkPartlyRead(more)) = &model.notice {
            keys.extend(more.iter().cloned());
        }
        if !keys.is_empty() {
            model.notice = Some(Notice::LinkPartlyRead(keys));
        }
        model
    }

    /// `(updates replayed, updates to replay)` while a shared run is being replayed.
    pub fn replay_progress(&self) -> Option<(usize, usize)> {
        let target = self.replay?;
        let done = (0..target.len())
            .map(|k| {
                let trained = self.runs[k].as_ref().map_or(0, |r| r.trainer.updates());
                trained.min(target[k])
            })
            .sum();
        Some((done, target.iter().sum()))
    }

    /// One update of the first cell short of its replay target (timed by `now`, in ms, as
    /// training is); the replay ends when every cell has its count. The target badge is
    /// set as training would set it, without a notice.
    pub fn replay_step(&mut self, now: &dyn Fn() -> f64) {
        let Some(target) = self.replay else {
            return;
        };
        let behind = (0..target.len())
            .find(|&k| self.runs[k].as_ref().map_or(0, |r| r.trainer.updates()) < target[k]);
        let Some(k) = behind else {
            self.replay = None;
            return;
        };
        let start = now();
        let run = self.run_for(Variant::ALL[k]);
        let result = run.trainer.step_unless_diverged();
        run.seconds += (now() - start) / 1000.0;
        if run.reached.is_none() && run.trainer.target_met() {
            run.reached = Some((run.trainer.updates(), run.seconds));
        }
        if result.is_err() {
            // As in training: a diverged update is undone and the run stops there.
            self.replay = None;
            self.notice = Some(Notice::Diverged(Variant::ALL[k]));
        }
        debug_assert_eq!(variant_index(Variant::ALL[k]), k);
    }

    /// Stops a replay where it is (what was replayed stays).
    pub fn stop_replay(&mut self) {
        self.replay = None;
    }
}
