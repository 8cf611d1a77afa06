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

/// Mounts the app at `hash` keeping what the browser remembered (unlike `mount`), or with
/// `remembered` put in storage first. (The apps of earlier tests still follow the hash:
/// the state is stored after they have opened the screen.)
async fn remount(hash: &str, remembered: Option<&str>) -> web_sys::Element {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/").unwrap();
    settle().await;
    window.location().set_hash(hash).unwrap();
    settle().await;
    if let Some(query) = remembered {
        let storage = window.local_storage().unwrap().unwrap();
        storage.set_item("nnp.state.v1.lstm", query).unwrap();
    }
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<nnp_app::app::App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Waits (up to about 10 s) until no shared run is being replayed.
async fn replayed(root: &web_sys::Element) {
    for _ in 0..250 {
        if count(root, ".lstm-replay") == 0 {
            return;
        }
        settle().await;
    }
    panic!("the replay did not end");
}

fn chosen(root: &web_sys::Element, selector: &str) -> String {
    find_as::<web_sys::HtmlSelectElement>(root, selector).value()
}

fn saved() -> Option<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.get_item("nnp.state.v1.lstm").unwrap()
}

#[wasm_bindgen_test]
async fn a_link_replays_the_run_and_the_state_is_remembered_without_it() {
    let root = mount("#/lstm?v=gru&task=brackets&h=4&u=0.0.0.0.3&t=2&unit=1").await;
    replayed(&root).await;
    assert!(
        find(&root, ".lstm-variant-gru")
            .class_list()
            .contains("active")
    );
    assert_eq!(
        text(&root, ".lstm-variant-gru .lstm-variant-badge"),
        "updates: 3"
    );
    assert_eq!(
        text(&root, ".lstm-variant-lstm .lstm-variant-badge"),
        "untrained"
    );
    assert_eq!(chosen(&root, ".lstm-hidden"), "4");
    assert_eq!(chosen(&root, ".lstm-task-select"), "brackets");
    assert_eq!(value(&root, ".lstm-time"), "3", "t = 3 (1-based)");

    click(&root, ".lstm-step");
    settle().await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.starts_with("#/lstm?v=gru&task=brackets&"), "{hash}");
    assert!(
        hash.contains("u=0.0.0.0.4"),
        "the address bar follows: {hash}"
    );
    assert!(saved().unwrap().contains("u=0.0.0.0.4"));
    root.remove();

    // Opened again without a link: the remembered state comes back, trained as it was.
    let root = remount("#/lstm", None).await;
    replayed(&root).await;
    assert_eq!(
        text(&root, ".lstm-variant-gru .lstm-variant-badge"),
        "updates: 4"
    );
    assert_eq!(chosen(&root, ".lstm-hidden"), "4");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_link_and_a_broken_saved_state_are_named_and_the_rest_restored() {
    let root = mount("#/lstm?task=sine&h=99&lr=-1&zz=1").await;
    let notice = text(&root, ".lstm-notice.notice-error");
    assert!(notice.contains("(h, lr, zz)"), "{notice}");
    assert_eq!(chosen(&root, ".lstm-task-select"), "sine");
    root.remove();

    let root = remount("#/lstm", Some("v=rnn&h=nine")).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let notice = text(&root, ".lstm-notice.notice-error");
    assert!(
        notice.contains("remembered could not be used (h)"),
        "{notice}"
    );
    assert!(
        find(&root, ".lstm-variant-rnn")
            .class_list()
            .contains("active")
    );
    assert_eq!(
        storage
            .get_item("nnp.state.v1.lstm.unreadable")
            .unwrap()
            .as_deref(),
        Some("v=rnn&h=nine"),
        "set aside, not dropped"
    );
    root.remove();
}

/// Sets the value of a `<select>` or `<textarea>` and fires `change`, as a user would.
fn choose(root: &web_sys::Element, selector: &str, value: &str) {
    let element = find(root, selector);
    if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    } else {
        element
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .unwrap()
            .set_value(value);
    }
    fire(&element, "change");
}

#[wasm_bindgen_test]
async fn a_text_too_long_for_a_link_is_left_out_and_the_user_is_told() {
    let root = mount("#/lstm").await;
    choose(&root, ".lstm-task-select", "text");
    settle().await;
    assert_eq!(count(&root, ".lstm-link-note"), 0);
    choose(
        &root,
        ".lstm-text",
        &"a long text of the gates. ".repeat(100),
    );
    settle().await;
    assert!(text(&root, ".lstm-link-note").contains("too long for a link"));
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.len() < 2000 && !hash.contains("text="), "{hash}");
    assert!(
        saved().unwrap().len() > 2500,
        "the browser keeps the whole text"
    );
    root.remove();
}
