//! The LSTM screen in headless Chromium: the variant switcher keeps the input and changes
//! the bands and diagram, a typo in the sequence or the learning rate is refused with a
//! message and the old state stays, one update trains the current cell only.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn click(root: &web_sys::Element, selector: &str) {
    find_as::<HtmlElement>(root, selector).click();
}

fn change(root: &web_sys::Element, selector: &str, value: &str) {
    find_as::<HtmlInputElement>(root, selector).set_value(value);
    fire(&find(root, selector), "change");
}

fn value(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector)
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value()
}

#[wasm_bindgen_test]
async fn switching_the_cell_keeps_the_input_and_changes_the_bands() {
    let root = mount("#/lstm").await;
    assert_eq!(text(&root, "main h1"), "LSTM gates over time");
    let input = value(&root, ".lstm-sequence");
    assert_eq!(count(&root, ".lstm-band"), 8, "x, f, i, C̃, C, o, h, p");
    assert_eq!(count(&root, ".lstm-diagram-lstm"), 1);

    click(&root, ".lstm-variant-rnn");
    settle().await;
    assert_eq!(count(&root, ".lstm-band"), 3, "x, h, p");
    assert_eq!(count(&root, ".lstm-diagram-rnn"), 1);
    assert_eq!(
        count(&root, ".lstm-eq"),
        1,
        "s_t = tanh(W·s_{{t−1}} + U·x_t + b)"
    );
    assert_eq!(value(&root, ".lstm-sequence"), input);

    click(&root, ".lstm-variant-gru");
    settle().await;
    assert_eq!(count(&root, ".lstm-band"), 6, "x, z, r, h̃, h, p");
    let z: f32 = text(&root, r#".lstm-band-value[data-q="z"]"#)
        .parse()
        .unwrap();
    assert!((0.0..=1.0).contains(&z), "z_t = {z}");

    click(&root, ".lstm-variant-coupled");
    settle().await;
    assert!(text(&root, r#".lstm-eq[data-q="i"] .lstm-eq-formula"#).contains("1 − f_t"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_typo_in_the_sequence_is_refused_and_the_old_sequence_stays() {
    let root = mount("#/lstm").await;
    let steps = find(&root, ".lstm-time").get_attribute("max").unwrap();
    change(&root, ".lstm-sequence", "BEEZ");
    settle().await;
    assert!(text(&root, ".lstm-notice.notice-error").contains("“Z” at position 4"));
    assert_eq!(
        find(&root, ".lstm-time").get_attribute("max").unwrap(),
        steps
    );

    change(&root, ".lstm-sequence", "EAB");
    settle().await;
    assert!(text(&root, ".lstm-notice").contains("must be one to remember (A, B, C, D)"));

    change(&root, ".lstm-sequence", "cefgh");
    settle().await;
    assert_eq!(count(&root, ".lstm-notice"), 0);
    assert_eq!(find(&root, ".lstm-time").get_attribute("max").unwrap(), "5");
    assert!(text(&root, ".lstm-now").contains("x_t = "));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_learning_rate_is_refused_and_one_update_trains_only_the_current_cell() {
    let root = mount("#/lstm").await;
    change(&root, ".lstm-rate", "fast");
    settle().await;
    assert!(text(&root, ".lstm-notice.notice-error").contains("“fast” is not a learning rate"));
    change(&root, ".lstm-rate", "NaN");
    settle().await;
    assert!(text(&root, ".lstm-notice.notice-error").contains("“NaN”"));

    assert_eq!(text(&root, ".lstm-updates .lstm-stat-value"), "0");
    let before = text(&root, r#".lstm-band-value[data-q="h"]"#);
    click(&root, ".lstm-step");
    settle().await;
    assert_eq!(text(&root, ".lstm-updates .lstm-stat-value"), "1");
    assert!(
        text(&root, ".lstm-loss .lstm-stat-value")
            .parse::<f32>()
            .is_ok()
    );
    assert_ne!(
        text(&root, r#".lstm-band-value[data-q="h"]"#),
        before,
        "h_t moved"
    );
    assert_eq!(
        text(&root, ".lstm-variant-lstm .lstm-variant-badge"),
        "updates: 1"
    );
    assert_eq!(
        text(&root, ".lstm-variant-gru .lstm-variant-badge"),
        "untrained"
    );
    root.remove();
}
