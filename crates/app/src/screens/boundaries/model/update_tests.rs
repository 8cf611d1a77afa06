//! `Model::update`: what each action of the user does to the state.

use super::*;
use crate::screens::boundaries::msg::Msg;
use crate::screens::boundaries::persist;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn step_trains_one_epoch_and_stops_playing() {
    let mut model = Model::new();
    model.update(Msg::Play);
    assert!(model.playing);
    let loss = model.train_metrics.loss;
    model.update(Msg::Step);
    assert!(!model.playing);
    assert_eq!(model.epoch, 1);
    assert_ne!(model.train_metrics.loss, loss, "the weights moved");
    model.update(Msg::Step);
    assert_eq!(model.epoch, 2);
    assert_eq!(model.history.train.len(), 2);
}

#[test]
fn reset_returns_to_epoch_0_with_new_weights() {
    let mut model = Model::new();
    let first = model.mlp.params().to_vec();
    for _ in 0..3 {
        model.update(Msg::Step);
    }
    model.update(Msg::Play);
    model.update(Msg::Reset);
    assert_eq!(model.epoch, 0);
    assert!(!model.playing);
    assert_eq!(model.history, History::default());
    assert_ne!(model.mlp.params(), first, "a new seed, new weights");
}

#[test]
fn a_painted_point_is_counted_and_trained_on() {
    let mut model = Model::new();
    model.update(Msg::ClearPoints);
    model.update(Msg::Step);
    assert_eq!(model.notice, Some(Notice::NoPoints));
    assert_eq!(model.epoch, 0);
    model.update(Msg::Tool(Tool::Negative));
    assert!(model.paint(1.0, 1.0));
    model.update(Msg::Tool(Tool::Positive));
    assert!(model.paint(-1.0, -1.0));
    let labels: Vec<f64> = model.train.points.iter().map(|p| p.label).collect();
    assert_eq!(labels, [-1.0, 1.0]);
    model.update(Msg::Step);
    assert_eq!(model.epoch, 1);
    assert_eq!(model.notice, None, "the points are there now");
}

#[test]
fn an_added_formula_empties_the_field_and_a_broken_one_stays() {
    let mut model = Model::new();
    for text in ["sin(", "x1 * x2"] {
        model.update(Msg::FormulaText(text.into()));
        model.update(Msg::AddFormula(text.into()));
    }
    assert_eq!(model.features.len(), 3, "x1, x2 and x1 * x2");
    assert_eq!(model.formula_text, "");
    model.update(Msg::FormulaText("sin(".into()));
    model.update(Msg::AddFormula("sin(".into()));
    assert_eq!(model.formula_text, "sin(", "left to be fixed");
    assert!(model.formula_error.is_some());
    assert_eq!(model.features.len(), 3);
}

#[test]
fn the_weight_editor_refuses_bad_text_until_closed() {
    let mut model = Model::new();
    let link = (0, 1, 0);
    model.update(Msg::SelectLink(Some(link)));
    model.update(Msg::SetWeight(link, "abc".into()));
    assert!(model.weight_error);
    model.update(Msg::SetWeight(link, "2".into()));
    assert!(!model.weight_error);
    assert_eq!(model.mlp.weight(0, 1, 0), 2.0);
    model.update(Msg::SetWeight(link, "x".into()));
    model.update(Msg::SelectLink(None));
    assert!(!model.weight_error);
    assert_eq!(model.selected, None);
}

#[test]
fn an_opened_file_replays_its_run_and_pause_stops_the_replay() {
    let mut saved = Model::new();
    for _ in 0..3 {
        saved.update(Msg::Step);
    }
    let query = persist::full_query(&saved);
    let mut model = Model::new();
    model.update(Msg::FormulaText("x1".into()));
    model.update(Msg::SelectLink(Some((0, 0, 0))));
    model.update(Msg::OpenState(query));
    assert!(model.playing);
    assert_eq!((model.epoch, model.replay_to), (0, Some(3)));
    assert_eq!(model.formula_text, "x1", "what is being typed stays");
    assert_eq!(model.selected, Some((0, 0, 0)));
    model.update(Msg::Pause);
    assert!(!model.playing);
    assert_eq!(model.replay_to, None);
}
