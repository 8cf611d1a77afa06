//! The LSTM screen's model without a browser page.

use nnp_core::recurrent::{QuantityName, Target, Task, Variant};
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::choices::TaskKind;
use super::input::{InputError, parse};
use super::model::{Model, Notice};
use super::msg::Msg;

fn clock() -> f64 {
    0.0
}

#[test]
fn brackets_are_read_with_their_depths_and_bad_nesting_is_refused() {
    let task = Task::BracketDepth {
        length: 16,
        max_depth: 4,
    };
    let s = parse(&task, "(() ").unwrap();
    let depths: Vec<_> = s.targets.iter().map(|t| t.clone().unwrap()).collect();
    assert_eq!(
        depths,
        [Target::Class(1), Target::Class(2), Target::Class(1)]
    );
    assert_eq!(parse(&task, "())"), Err(InputError::Depth(3, 4)));
    assert_eq!(parse(&task, "((((("), Err(InputError::Depth(5, 4)));
}

#[test]
fn every_variant_reads_the_same_sequence_and_keeps_its_own_training() {
    let mut m = Model::new();
    let sequence = m.sequence.clone();
    m.update(Msg::Step, &clock);
    for v in Variant::ALL {
        m.update(Msg::Variant(v), &clock);
        assert_eq!(m.sequence, sequence);
        assert_eq!(m.trace.steps, sequence.inputs.len());
        let names: Vec<_> = m.bands()[1..m.bands().len() - 1].to_vec();
        assert_eq!(names, v.quantities());
    }
    m.update(Msg::Variant(Variant::Lstm), &clock);
    assert_eq!(m.current().unwrap().trainer.updates(), 1);
    assert_eq!(m.run_of(Variant::Rnn).unwrap().trainer.updates(), 0);
}

#[test]
fn the_sine_task_shows_values_and_a_bad_number_keeps_the_old_input() {
    let mut m = Model::new();
    m.update(Msg::Task(TaskKind::Sine), &clock);
    assert_eq!(*m.bands().last().unwrap(), QuantityName::Logits);
    let steps = m.steps();
    assert_eq!(
        parse(&m.task, &m.sequence_text).unwrap().inputs.len(),
        steps
    );
    m.update(Msg::Sequence("0.5, 1e9".into()), &clock);
    assert!(matches!(
        m.notice,
        Some(Notice::Input(InputError::BadNumber(_)))
    ));
    assert_eq!(m.steps(), steps);
}

#[test]
fn a_text_of_one_letter_is_refused_and_the_old_task_stays() {
    let mut m = Model::new();
    m.update(Msg::Task(TaskKind::Text), &clock);
    let task = m.task.clone();
    m.update(Msg::Text("aaaa".into()), &clock);
    assert!(matches!(m.notice, Some(Notice::Task(_))));
    assert_eq!(m.task, task);
}

#[test]
fn the_prediction_shows_the_cores_likeliest_symbol_or_the_value() {
    use nnp_core::recurrent::Prediction;
    let mut m = Model::new();
    let Some(Prediction::Class { class, probability }) = Prediction::read(&m.trace, 0) else {
        panic!("a symbol task predicts a symbol");
    };
    let label = m.task.output_labels()[class].clone();
    assert_eq!(m.prediction(0), Some((label, Some(probability))));
    m.update(Msg::Task(TaskKind::Sine), &clock);
    let (value, probability) = m.prediction(0).expect("a value at step 0");
    assert_eq!(probability, None);
    assert_eq!(
        value,
        format!("{:.2}", m.trace.quantity(QuantityName::Logits).value(0, 0))
    );
    assert_eq!(m.prediction(m.steps()), None, "past the end");
}
