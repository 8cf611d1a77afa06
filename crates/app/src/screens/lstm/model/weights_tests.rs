//! The LSTM screen's weights file both ways: exact round trips for every cell, and every
//! refusal named with nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nnp_core::recurrent::Variant;
#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::screens::lstm::msg::Msg;
use crate::weights_file::WeightsError;

fn clock() -> f64 {
    0.0
}

fn bits(m: &Model, v: Variant) -> Vec<u32> {
    m.run_of(v)
        .map(|r| {
            r.trainer
                .model
                .parameters()
                .iter()
                .map(|w| w.to_bits())
                .collect()
        })
        .unwrap_or_default()
}

/// `variant` trained a few updates with 4 units on brackets.
fn trained(variant: Variant) -> Model {
    let mut m = Model::new();
    for msg in [
        Msg::Task(TaskKind::Brackets),
        Msg::Hidden(4),
        Msg::Variant(variant),
        Msg::Step,
        Msg::Step,
        Msg::Step,
    ] {
        m.update(msg, &clock);
    }
    m
}

#[test]
fn every_cell_reads_back_bit_for_bit() {
    for variant in Variant::ALL {
        let mut m = trained(variant);
        let text = m.weights_json();
        let mut back = Model::new();
        back.update(Msg::Task(TaskKind::Brackets), &clock);
        back.update(Msg::OpenWeights(Ok(text.clone())), &clock);
        assert_eq!(back.notice, Some(Notice::WeightsOpened), "{variant:?}");
        assert_eq!(back.variant, variant);
        assert_eq!(back.hidden, 4, "the file's units");
        assert_eq!(
            bits(&back, variant),
            bits(&m, variant),
            "{variant:?}: every weight"
        );
        assert_eq!(back.trace, m.trace, "{variant:?}: the same gates over time");
        assert_eq!(
            back.weights_json()
                .replace("\"updates\": 0", "\"updates\": 3"),
            text
        );
    }
}

#[test]
fn the_file_names_every_block_by_the_lecture() {
    let text = trained(Variant::Lstm).weights_json();
    for name in [
        "W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "V", "c",
    ] {
        assert!(
            text.contains(&format!("\"name\": \"{name}\"")),
            "{name} in {text}"
        );
    }
}

#[test]
fn opening_keeps_the_other_cells_when_the_units_stay() {
    let mut m = trained(Variant::Gru);
    m.update(Msg::Variant(Variant::Lstm), &clock);
    m.update(Msg::Step, &clock);
    let (gru, lstm_text) = (
        bits(&m, Variant::Gru),
        trained(Variant::Lstm).weights_json(),
    );
    m.update(Msg::OpenWeights(Ok(lstm_text)), &clock);
    assert_eq!(m.notice, Some(Notice::WeightsOpened));
    assert_eq!(bits(&m, Variant::Gru), gru, "the GRU's training stays");
}

fn refused(text: &str) -> WeightsError {
    let mut m = trained(Variant::Lstm);
    let before = bits(&m, Variant::Lstm);
    m.update(Msg::OpenWeights(Ok(text.to_string())), &clock);
    assert_eq!(bits(&m, Variant::Lstm), before, "the weights stayed");
    assert_eq!(m.hidden, 4);
    match m.notice {
        Some(Notice::WeightsRefused(error)) => error,
        other => panic!("{text} was not refused: {other:?}"),
    }
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&trained(Variant::Lstm).weights_json()).unwrap();
    edit(&mut value);
    value.to_string()
}

fn invalid(why: &str) -> WeightsError {
    WeightsError::Invalid(why.to_string())
}

#[test]
fn every_refusal_says_what_and_where() {
    use serde_json::json;
    assert_eq!(
        refused(&with(|v| v["screen"] = json!("boundaries"))),
        WeightsError::OtherScreen("boundaries".into())
    );
    assert_eq!(
        refused(&with(|v| v["variant"] = json!("transformer"))),
        invalid("variant: unknown cell 'transformer'")
    );
    assert_eq!(
        refused(&with(|v| v["task"] = json!("sine"))),
        invalid("task: trained on 'sine', the screen's task is 'brackets': choose that task first")
    );
    assert_eq!(
        refused(&with(|v| v["hidden_size"] = json!(5))),
        invalid("hidden_size: 5 units is not one of [2, 4, 8, 16, 32]")
    );
    assert!(matches!(
        refused(&with(|v| v["input_size"] = json!(9))),
        WeightsError::Invalid(why) if why.starts_with("input_size: 9, the screen's task needs ")
    ));
    assert_eq!(
        refused(&with(|v| v["blocks"][0]["values"][1] = json!([1.0]))),
        invalid("blocks['W_f'][1]: expected 6 numbers, found 1")
    );
    assert_eq!(
        refused(&with(|v| v["blocks"][0]["name"] = json!("W_z"))),
        invalid("blocks['W_f']: missing")
    );
    assert_eq!(
        refused(&with(|v| v["blocks"][0]["values"][0][0] = json!(1e39))),
        invalid("blocks['W_f']: number 0 is too large for f32")
    );
    assert_eq!(
        refused(&with(|v| {
            let mut extra = v["blocks"][0].clone();
            extra["name"] = json!("W_r");
            v["blocks"].as_array_mut().unwrap().push(extra);
        })),
        invalid("blocks['W_r']: a lstm has no such block")
    );
}
