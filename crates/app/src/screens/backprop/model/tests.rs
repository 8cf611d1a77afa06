//! Tests of the backprop screen's model: typed input, passes, updates, training.

use super::*;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn typed_numbers_are_parsed_or_refused() {
    assert_eq!(parse_number(" −1,5 "), Ok(-1.5));
    assert_eq!(parse_number("2e-3"), Ok(0.002));
    assert_eq!(parse_number("abc"), Err(InputError::NotANumber));
    assert_eq!(parse_number("NaN"), Err(InputError::NotANumber));
    assert_eq!(parse_number("inf"), Err(InputError::NotANumber));
}

#[test]
fn bad_settings_leave_the_state_alone() {
    let mut m = Model::new();
    assert_eq!(m.set_learning_rate("0"), Err(InputError::LearningRate));
    assert_eq!(m.set_learning_rate("x"), Err(InputError::NotANumber));
    assert_eq!(m.learning_rate, 0.1);
    assert_eq!(m.set_epochs("2.5"), Err(InputError::Epochs));
    assert_eq!(m.set_epochs("0"), Err(InputError::Epochs));
    assert_eq!(m.epochs, 10);
    let before = m.net.weights();
    assert_eq!(m.set_weight(m.selected, "—"), Err(InputError::NotANumber));
    assert_eq!(m.net.weights(), before);
    assert_eq!(m.set_position("1", "1000"), Err(InputError::Position));
    assert_eq!(m.example.x, [3.0, 1.0]);
}

#[test]
fn update_needs_a_finished_pass_and_lowers_the_loss() {
    let mut m = Model::new();
    m.set_position("1", "0.5").expect("valid");
    m.randomize();
    m.finish_forward();
    assert_eq!(m.apply_update(), Err(InputError::NeedsBackward));
    m.finish_backward();
    let revision = m.revision;
    m.apply_update().expect("pass finished");
    let (before, after) = m.last_update.expect("remembered");
    assert!(after < before, "{before} → {after}");
    assert_eq!(m.phase(), Phase::Idle);
    assert!(m.revision > revision);
}

#[test]
fn textbook_weights_reproduce_the_lecture_table() {
    let mut m = Model::new();
    m.randomize();
    m.textbook();
    let rows: Vec<(f64, f64)> = m
        .table()
        .iter()
        .map(|(_, o)| (o.h1.round(), o.h2.round()))
        .collect();
    assert_eq!(rows, [(1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]);
    assert_eq!(m.net.sharpness(), 10.0);
    assert_eq!(m.net.weights().v1, [-1.0, 1.0, -1.0]);
    // The lecture's labels (1 safe, 0 not safe) under the squared loss: all three right.
    for (e, out) in m.table() {
        assert_eq!(out.label(), e.y, "{:?}", e.x);
    }
    // With the margin losses' labels ±1 only the bias w0 = −½ turns "no unit fires" into
    // "dangerous".
    m.reconfigure(Loss::Hinge, false);
    assert!(m.table().iter().any(|(e, out)| out.label() != e.y));
    m.reconfigure(Loss::Hinge, true);
    m.textbook();
    assert_eq!(m.net.weights().w[0], -0.5);
    for (e, out) in m.table() {
        assert_eq!(out.label(), e.y, "{:?}", e.x);
    }
}

#[test]
fn sharpness_is_typed_checked_and_kept_across_rebuilds() {
    let mut m = Model::new();
    assert_eq!(m.set_sharpness("abc"), Err(InputError::NotANumber));
    assert_eq!(m.set_sharpness("0"), Err(InputError::Sharpness));
    assert_eq!(m.set_sharpness("1e9"), Err(InputError::Sharpness));
    assert_eq!(m.net.sharpness(), 10.0);
    m.set_sharpness("2,5").expect("a comma is a decimal mark");
    m.reconfigure(Loss::Logistic, true);
    assert_eq!(m.net.sharpness(), 2.5);
    m.randomize();
    assert_eq!(m.net.sharpness(), 1.0, "random starts train the plain σ");
    m.textbook();
    assert_eq!(m.net.sharpness(), 10.0);
}

#[test]
fn switching_loss_and_bias_keeps_weights_example_and_selection() {
    let mut m = Model::new();
    m.choose_row(1);
    let w1 = m.net.graph.expect_index("w1");
    m.select(w1);
    assert!(m.net.graph.index_of("w0").is_none(), "no bias by default");
    m.reconfigure(Loss::Hinge, true);
    assert!(m.net.graph.index_of("w0").is_some());
    m.reconfigure(Loss::Hinge, false);
    assert_eq!(m.example.x, [1.0, 3.0]);
    assert_eq!(m.net.graph.node(m.selected).label, "w1");
    assert!(m.net.graph.index_of("w0").is_none());
    assert!(m.net.graph.index_of("margin").is_some());
    assert_eq!(m.net.weights().v1, CarWeights::textbook(&m.config()).v1);
    // Selecting a non-parameter does nothing.
    m.select(m.net.graph.expect_index("h1"));
    assert_eq!(m.net.graph.node(m.selected).label, "w1");
}

#[test]
fn chain_rule_matches_finite_differences_for_the_selected_weight() {
    let mut m = Model::new();
    m.randomize();
    for i in m.net.graph.parameter_indices() {
        m.select(i);
        let (exact, fd) = (m.chain().total, m.finite_difference());
        assert!((exact - fd).abs() < 1e-6, "{i}: {exact} vs {fd}");
    }
}

#[test]
fn training_on_the_grid_learns_and_keeps_the_example() {
    let mut m = Model::new();
    m.reconfigure(Loss::Squared, true); // the lecture's graph alone cannot learn the grid
    m.choose_row(2);
    m.randomize();
    let start = m.accuracy();
    assert!(m.train(10).is_ok());
    assert_eq!(m.history.len(), 10);
    assert!(
        m.accuracy() > start && m.accuracy() > 0.95,
        "{}",
        m.accuracy()
    );
    assert_eq!(m.net.example().x, [1.0, 0.5]);
}

#[test]
fn a_run_that_overflows_is_undone_and_reported() {
    let mut m = Model::new();
    let w1 = (0..m.net.graph.len())
        .find(|&i| m.net.graph.node(i).label == "w1")
        .unwrap();
    assert!(m.set_weight(w1, "1e308").is_ok());
    assert!(m.set_learning_rate("10").is_ok());
    let before = m.net.weights();
    assert_eq!(m.train(1), Err(InputError::Diverged));
    assert_eq!(m.net.weights(), before, "the weights from before the run");
    assert!(m.history.is_empty());
}

#[test]
fn hand_edits_of_the_weights_undo_and_redo_in_order() {
    let mut m = Model::new();
    let start = (m.net.weights(), m.net.sharpness());
    assert!(!m.can_undo() && !m.undo());
    let w1 = m.net.graph.expect_index("w1");
    m.set_weight(w1, "2").unwrap();
    m.randomize();
    let random = (m.net.weights(), m.net.sharpness());
    assert_eq!(random.1, 1.0, "Random init trains the plain σ");
    // A refused value is no edit.
    assert!(m.set_weight(w1, "x").is_err());
    assert!(m.undo());
    assert_eq!(m.net.graph.leaf_value(w1), 2.0);
    assert_eq!(m.net.sharpness(), start.1);
    assert!(m.undo());
    assert_eq!((m.net.weights(), m.net.sharpness()), start);
    assert!(!m.can_undo());
    assert!(m.redo() && m.redo());
    assert_eq!((m.net.weights(), m.net.sharpness()), random);
    assert!(!m.can_redo());
    // A new edit forgets what was undone.
    m.undo();
    m.textbook();
    assert!(!m.can_redo());
    // Undo across a change of the network (an output bias added) keeps working.
    m.reconfigure(Loss::Squared, true);
    assert!(m.undo());
    assert_eq!(m.net.graph.leaf_value(m.net.graph.expect_index("w1")), 2.0);
}
