//! A model and its share-link settings, both ways, and the replay of a shared training run.

use nnp_core::dataset::{Dataset, RANGE};
use nnp_core::features::Formula;
use nnp_core::mlp::GridEval;

use super::{GRID, Model, Notice, PhiChoice};
use crate::screens::boundaries::link::{self, Settings};
use crate::share;

impl Model {
    /// Everything a share link holds about this model.
    pub fn settings(&self) -> Settings {
        let points = self.edited.then(|| {
            let train = self.train.points.iter().map(|p| (*p, true));
            train
                .chain(self.test.points.iter().map(|p| (*p, false)))
                .collect()
        });
        Settings {
            data: self.data,
            points,
            named: self.phi.named,
            degree: self.phi.degree,
            formulas: self
                .phi
                .custom
                .iter()
                .map(|f| f.text().to_string())
                .collect(),
            linear: self.linear,
            hidden: self.hidden.clone(),
            loss: self.loss,
            train: self.train_config,
            seed: self.seed,
            // During a replay, the run being restored.
            epochs: self.replay_to.unwrap_or(self.epoch) as u64,
            weights: self.hand_edited.then(|| self.mlp.params().to_vec()),
            show_test: self.show_test,
            discretize: self.discretize,
        }
    }

    /// The model `settings` describe, at epoch 0 with [`replay_to`](Self::replay_to) set to
    /// the epoch the link was made at.
    pub fn from_settings(settings: &Settings) -> Self {
        let mut model = Model::new();
        model.data = settings.data;
        match &settings.points {
            Some(points) => {
                let of = |train: bool| points.iter().filter(move |p| p.1 == train).map(|p| p.0);
                model.train.points = of(true).collect();
                model.test.points = of(false).collect();
                model.edited = true;
            }
            None => {
                let generated = Dataset::generate(&model.data);
                model.train.points = generated.train;
                model.test.points = generated.test;
            }
        }
        let mut phi = PhiChoice {
            named: settings.named,
            degree: settings.degree,
            custom: settings
                .formulas
                .iter()
                .filter_map(|f| Formula::parse(f).ok())
                .collect(),
        };
        // The linear model's bias is the constant 1 of φ.
        phi.named[0] |= settings.linear;
        let features = phi.feature_set();
        if !features.is_empty() {
            model.grid = GridEval::new(&features, GRID, RANGE);
            model.phi = phi;
            model.features = features;
        }
        model.linear = settings.linear;
        model.hidden = settings.hidden.clone();
        model.loss = settings.loss;
        model.train_config = settings.train;
        model.learning_rate_text = settings.train.learning_rate.to_string();
        model.regularization_rate_text = settings.train.regularization_rate.to_string();
        model.seed = settings.seed;
        model.show_test = settings.show_test;
        model.discretize = settings.discretize;
        model.resample();
        model.rebuild_network();
        match &settings.weights {
            Some(weights) if weights.len() == model.mlp.params().len() => {
                // Hand-set weights travel as they are; the epoch counter is only shown.
                model.mlp.set_params(weights);
                model.hand_edited = true;
                model.epoch = settings.epochs as usize;
                model.refresh();
            }
            Some(_) => model.notice = Some(Notice::LinkPartlyRead(vec!["w".into()])),
            None => model.replay_to = (settings.epochs > 0).then_some(settings.epochs as usize),
        }
        // A shared run replays to its epoch.
        model.playing = model.replay_to.is_some();
        model
    }

    /// The model a query describes; unusable parts are named in a notice.
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

    /// Replaces the state by the one `query` (an opened file) describes; what the user is
    /// typing or editing on the page stays.
    pub fn open(&mut self, query: &str) {
        let mut next = Model::from_query(query);
        next.formula_text = std::mem::take(&mut self.formula_text);
        next.selected = self.selected;
        next.weight_error = self.weight_error;
        *self = next;
    }
}
