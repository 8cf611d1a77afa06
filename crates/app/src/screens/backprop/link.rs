//! The screen's share link: the loss and graph, the nine weights exactly (shortest decimal
//! that reads back to the same number), the example, the training settings, the selected
//! parameter and how far the step-by-step pass has gone.

use nnp_core::graph::{CarExample, CarNetConfig, CarWeights, Phase};
use nnp_core::loss::Loss;

use super::model::{MAX_EPOCHS, MAX_SHARPNESS, Model, TrainSet};
use crate::share::{self, Field, flag, flag_text, number, whole};

/// Everything a link says about the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Loss and output bias.
    pub config: CarNetConfig,
    /// `v1, v2, [w0, w1, w2]`.
    pub weights: CarWeights,
    /// The sharpness `k` of the hidden units `σ(k·z)`.
    pub sharpness: f64,
    /// The cars in the graph's leaves.
    pub x: [f64; 2],
    /// η.
    pub learning_rate: f64,
    /// Epochs per click.
    pub epochs: usize,
    /// What training visits.
    pub train_set: TrainSet,
    /// The next random-init seed.
    pub seed: u64,
    /// The next training run's seed.
    pub train_seed: u64,
    /// The label of the parameter in the chain-rule panel.
    pub selected: String,
    /// How many nodes of the pass were stepped (forward, then backward).
    pub steps: usize,
}

fn numbers<const N: usize>(text: &str) -> Result<[f64; N], String> {
    let values: Vec<f64> = text.split(',').map(number).collect::<Result<_, _>>()?;
    values
        .try_into()
        .map_err(|v: Vec<f64>| format!("{N} numbers expected, {} found", v.len()))
}

fn joined(values: &[f64]) -> String {
    let parts: Vec<String> = values.iter().map(f64::to_string).collect();
    parts.join(",")
}

/// The link's fields, in the order they are written.
pub fn fields() -> Vec<Field<Settings>> {
    vec![
        Field {
            key: "loss",
            write: |s| Some(s.config.loss.id().to_string()),
            read: |s, v| {
                s.config.loss = Loss::from_id(v).ok_or("unknown loss")?;
                Ok(())
            },
        },
        Field {
            key: "bias",
            write: |s| Some(flag_text(s.config.output_bias)),
            read: |s, v| {
                s.config.output_bias = flag(v)?;
                Ok(())
            },
        },
        Field {
            key: "v1",
            write: |s| Some(joined(&s.weights.v1)),
            read: |s, v| {
                s.weights.v1 = numbers(v)?;
                Ok(())
            },
        },
        Field {
            key: "v2",
            write: |s| Some(joined(&s.weights.v2)),
            read: |s, v| {
                s.weights.v2 = numbers(v)?;
                Ok(())
            },
        },
        Field {
            key: "w",
            write: |s| Some(joined(&s.weights.w)),
            read: |s, v| {
                s.weights.w = numbers(v)?;
                Ok(())
            },
        },
        Field {
            key: "k",
            write: |s| Some(s.sharpness.to_string()),
            read: |s, v| {
                let k = number(v)?;
                if k <= 0.0 || k > MAX_SHARPNESS {
                    return Err(format!("k lies in (0, {MAX_SHARPNESS}]"));
                }
                s.sharpness = k;
                Ok(())
            },
        },
        Field {
            key: "x",
            write: |s| Some(joined(&s.x)),
            read: |s, v| {
                let x: [f64; 2] = numbers(v)?;
                if x.iter().any(|c| c.abs() > 100.0) {
                    return Err("car positions lie within ±100".into());
                }
                s.x = x;
                Ok(())
            },
        },
        Field {
            key: "lr",
            write: |s| Some(s.learning_rate.to_string()),
            read: |s, v| {
                let rate = number(v)?;
                if rate <= 0.0 || rate > 10.0 {
                    return Err("η lies in (0, 10]".into());
                }
                s.learning_rate = rate;
                Ok(())
            },
        },
        Field {
            key: "ep",
            write: |s| Some(s.epochs.to_string()),
            read: |s, v| {
                share::set_clamped(
                    &mut s.epochs,
                    whole(v, MAX_EPOCHS as u64)? as usize,
                    1,
                    MAX_EPOCHS,
                )
            },
        },
        Field {
            key: "on",
            write: |s| {
                Some(match s.train_set {
                    TrainSet::Table => "table".into(),
                    TrainSet::Grid => "grid".into(),
                })
            },
            read: |s, v| {
                s.train_set = match v {
                    "table" => TrainSet::Table,
                    "grid" => TrainSet::Grid,
                    _ => return Err("neither table nor grid".into()),
                };
                Ok(())
            },
        },
        Field {
            key: "seed",
            write: |s| Some(s.seed.to_string()),
            read: |s, v| {
                s.seed = whole(v, u64::MAX)?;
                Ok(())
            },
        },
        Field {
            key: "ts",
            write: |s| Some(s.train_seed.to_string()),
            read: |s, v| {
                s.train_seed = whole(v, u64::MAX)?;
                Ok(())
            },
        },
        Field {
            key: "sel",
            write: |s| Some(s.selected.clone()),
            read: |s, v| {
                if v.len() > 16 {
                    return Err("not a parameter name".into());
                }
                s.selected = v.to_string();
                Ok(())
            },
        },
        Field {
            key: "step",
            write: |s| (s.steps > 0).then(|| s.steps.to_string()),
            read: |s, v| {
                s.steps = whole(v, 200)? as usize;
                Ok(())
            },
        },
    ]
}

impl Model {
    /// Everything a share link holds about this screen.
    pub fn settings(&self) -> Settings {
        let g = &self.net.graph;
        let steps = match self.phase() {
            Phase::Idle => 0,
            Phase::Forward { next } => next,
            // Backward visits the nodes from the last to the first.
            Phase::Backward { next } => 2 * g.len() - 1 - next,
            Phase::Done => 2 * g.len(),
        };
        Settings {
            config: self.config(),
            weights: self.net.weights(),
            sharpness: self.net.sharpness(),
            x: self.example.x,
            learning_rate: self.learning_rate,
            epochs: self.epochs,
            train_set: self.train_set,
            seed: self.seed,
            train_seed: self.train_seed(),
            selected: g.node(self.selected).label.clone(),
            steps,
        }
    }

    /// The screen a link describes.
    pub fn from_settings(s: &Settings) -> Self {
        let mut m = Model::new();
        m.reconfigure(s.config.loss, s.config.output_bias);
        m.net.set_weights(&s.weights);
        m.net.set_sharpness(s.sharpness);
        m.set_example(CarExample::labelled(s.x[0], s.x[1]));
        m.learning_rate = s.learning_rate;
        m.epochs = s.epochs;
        m.train_set = s.train_set;
        m.seed = s.seed;
        m.set_train_seed(s.train_seed);
        if let Some(node) =
            (0..m.net.graph.len()).find(|&i| m.net.graph.node(i).label == s.selected)
        {
            m.select(node);
        }
        for _ in 0..s.steps {
            if m.phase() == Phase::Done {
                break;
            }
            m.step();
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share;
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn round_trip(model: &Model) -> Model {
        let query = share::write_query(&fields(), &model.settings());
        let mut settings = Model::new().settings();
        assert_eq!(
            share::read_query(&fields(), &query, &mut settings),
            [],
            "{query}"
        );
        Model::from_settings(&settings)
    }

    #[test]
    fn the_link_brings_back_weights_example_settings_and_the_pass() {
        let mut model = Model::new();
        model.reconfigure(Loss::Hinge, false);
        model.randomize();
        model.train_set = TrainSet::Table;
        assert!(model.train(3).is_ok());
        model.choose_row(2);
        assert!(model.set_learning_rate("0.37").is_ok());
        let w2 = (0..model.net.graph.len())
            .find(|&i| model.net.graph.node(i).label == "w2")
            .unwrap();
        model.select(w2);
        for steps in [
            0,
            5,
            2 * model.net.graph.len() - 3,
            2 * model.net.graph.len(),
        ] {
            model.reset_pass();
            for _ in 0..steps {
                model.step();
            }
            let copy = round_trip(&model);
            assert_eq!(copy.settings(), model.settings(), "after {steps} steps");
            assert_eq!(copy.phase(), model.phase());
            assert_eq!(copy.net.weights(), model.net.weights());
            assert_eq!(copy.example, model.example);
        }
    }

    /// Links saved while the bias was the default (`bias=1`) still bring it back.
    #[test]
    fn links_that_switch_the_bias_on_still_load() {
        let mut settings = Model::new().settings();
        assert!(
            !settings.config.output_bias,
            "the lecture's graph by default"
        );
        let problems = share::read_query(&fields(), "bias=1&w=-0.5,1,1", &mut settings);
        assert_eq!(problems, []);
        let model = Model::from_settings(&settings);
        assert!(model.config().output_bias);
        assert_eq!(model.net.weights().w, [-0.5, 1.0, 1.0]);
        assert!(model.net.graph.index_of("w0").is_some());
    }

    #[test]
    fn broken_parts_are_named_and_skipped() {
        let mut settings = Model::new().settings();
        let problems = share::read_query(
            &fields(),
            "loss=cubic&v1=1,2&lr=99&x=1,5&sel=w1&step=9999",
            &mut settings,
        );
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["loss", "v1", "lr", "step"]);
        let model = Model::from_settings(&settings);
        assert_eq!(model.example.x, [1.0, 5.0]);
        assert_eq!(model.net.graph.node(model.selected).label, "w1");
    }

    /// A model built from fuzzed settings can share itself again: its full state reads
    /// back without a problem.
    fn shares_again(model: &Model) {
        let query = share::write_query(&fields(), &model.settings());
        let mut settings = Model::new().settings();
        assert_eq!(
            share::read_query(&fields(), &query, &mut settings),
            [],
            "{query}"
        );
    }

    /// A trained model with a hinge loss, a selected row and a pass half done.
    fn worked_on() -> Model {
        let mut model = Model::new();
        model.reconfigure(Loss::Hinge, false);
        model.randomize();
        assert!(model.train(3).is_ok());
        model.choose_row(2);
        for _ in 0..5 {
            model.step();
        }
        model
    }

    #[test]
    fn fuzz_links_never_panic() {
        let good = share::write_query(&fields(), &worked_on().settings());
        let defaults = Model::new().settings();
        share::fuzz::fuzz_links(
            "backprop link reader",
            &fields(),
            &good,
            &defaults,
            13,
            |k, settings| {
                if k % 10 == 0 {
                    shares_again(&Model::from_settings(settings));
                }
            },
        );
    }

    #[test]
    fn fuzz_files_never_panic() {
        let good = share::write_query(&fields(), &worked_on().settings());
        let defaults = Model::new().settings();
        share::fuzz::fuzz_files(&crate::screens::backprop::SCREEN, &good, 27, |k, query| {
            if k % 10 == 0 {
                // What the screen does with an opened file.
                shares_again(&crate::screens::backprop::State::from_query(query).model);
            } else {
                let _ = share::read_query(&fields(), query, &mut defaults.clone());
            }
        });
    }
}
