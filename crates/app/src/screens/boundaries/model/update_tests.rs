//! `Model::update`: what each action of the user does to the state.

use super::*;
use crate::screens::boundaries::msg::Msg;
use crate::screens::boundaries::persist;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// A Step, and the frames that finish its epoch.
fn step(model: &mut Model) {
    model.update(Msg::Step);
    let mut frames = 0;
    while model.frame(|| false) {
        frames += 1;
        assert!(frames < 10, "a Step never ends");
    }
}

#[test]
fn step_trains_one_epoch_and_stops_playing() {
    let mut model = Model::new();
    model.update(Msg::Play);
    assert!(model.playing);
    let loss = model.train_metrics.loss;
    step(&mut model);
    assert!(!model.playing && !model.stepping);
    assert_eq!(model.epoch, 1);
    assert_ne!(model.train_metrics.loss, loss, "the weights moved");
    step(&mut model);
    assert_eq!(model.epoch, 2);
    assert_eq!(model.history.train.len(), 2);
}

#[test]
fn reset_returns_to_epoch_0_with_new_weights() {
    let mut model = Model::new();
    let first = model.mlp.params().to_vec();
    for _ in 0..3 {
        step(&mut model);
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
    step(&mut model);
    assert_eq!(model.notice, Some(Notice::NoPoints));
    assert_eq!(model.epoch, 0);
    model.update(Msg::Tool(Tool::Negative));
    assert!(model.paint(1.0, 1.0));
    model.update(Msg::Tool(Tool::Positive));
    assert!(model.paint(-1.0, -1.0));
    let labels: Vec<f64> = model.train.points.iter().map(|p| p.label).collect();
    assert_eq!(labels, [-1.0, 1.0]);
    step(&mut model);
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
        step(&mut saved);
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

#[test]
fn a_long_epoch_goes_on_over_frames_and_pause_stops_it_at_once() {
    let mut model = Model::new();
    model.update(Msg::Step);
    assert_eq!(model.epoch, 0, "a Step leaves the work to the frames");
    // Every frame out of time after one step: the epoch takes one frame per step.
    let steps = model
        .train_samples
        .len()
        .div_ceil(model.train_config.batch_size);
    assert!(steps > 3);
    assert!(model.frame(|| true));
    assert_eq!(model.epoch_progress(), Some((1, steps)));
    assert!(model.frame(|| true));
    assert_eq!(model.epoch_progress(), Some((2, steps)));
    model.update(Msg::Pause);
    assert!(!model.frame(|| true), "no frame trains after Pause");
    assert_eq!(
        model.epoch_progress(),
        Some((2, steps)),
        "the epoch waits where it was"
    );
    model.update(Msg::Step);
    let mut frames = 0;
    while model.frame(|| true) {
        frames += 1;
    }
    // Then the epoch's loss and accuracy are measured a chunk of points per frame too.
    let chunks = model.train_samples.len().div_ceil(128) + model.test_samples.len().div_ceil(128);
    assert_eq!(
        frames,
        steps - 2 - 1 + chunks - 1,
        "one frame per remaining step and per chunk measured, the last ends it"
    );
    assert_eq!((model.epoch, model.epoch_progress()), (1, None));
}

#[test]
fn an_epoch_in_frames_trains_exactly_as_one_at_once() {
    let mut sliced = Model::new();
    let mut whole = Model::new();
    sliced.update(Msg::Step);
    while sliced.frame(|| true) {}
    assert!(whole.train_epoch());
    assert_eq!(sliced.mlp.params(), whole.mlp.params());
    assert_eq!(sliced.epoch, 1);
}

#[test]
fn a_slow_devices_training_frames_leave_the_grid_for_the_drawing_frame() {
    let mut slow = Model::new();
    let mut fast = Model::new();
    for model in [&mut slow, &mut fast] {
        model.update(Msg::Play);
    }
    let before = slow.grid.output().to_vec();
    for _ in 0..3 {
        assert!(slow.frame_without_grid(|| false));
        assert!(fast.frame(|| false));
    }
    assert_eq!(slow.mlp.params(), fast.mlp.params(), "the same training");
    assert_eq!(slow.epoch, 3);
    assert!(slow.grid_stale);
    assert_eq!(slow.grid.output(), &before[..], "the pictures wait");
    slow.fresh_grid();
    assert!(!slow.grid_stale);
    assert_eq!(
        slow.grid.output(),
        fast.grid.output(),
        "then show the weights"
    );
}

#[test]
fn new_points_drop_the_epoch_under_way() {
    let mut model = Model::new();
    model.update(Msg::Step);
    assert!(model.frame(|| true));
    assert!(model.epoch_progress().is_some());
    model.update(Msg::ClearPoints);
    assert_eq!(model.epoch_progress(), None);
}
