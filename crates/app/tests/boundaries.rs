//! Component tests of the decision-boundaries screen in headless Chromium: press its
//! controls and look at what a student would see.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement,
    HtmlSelectElement,
};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
}

/// Presses Step and waits (up to a minute) for the frames to finish its epoch.
async fn step(root: &Element) {
    click(root, ".bd-step").await;
    for _ in 0..1500 {
        if find(root, ".bd-trainbar")
            .get_attribute("data-running")
            .as_deref()
            == Some("false")
        {
            return;
        }
        settle().await;
    }
    panic!("a Step never ended");
}

/// Types `value` into an input and fires `event` ("input" or "change") as a browser would.
async fn type_into(root: &Element, selector: &str, value: &str, event: &str) {
    let input = find(root, selector);
    input
        .clone()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .set_value(value);
    fire(&input, event);
    settle().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select = find(root, selector);
    select
        .clone()
        .dyn_into::<HtmlSelectElement>()
        .unwrap()
        .set_value(value);
    fire(&select, "change");
    settle().await;
}

fn epoch(root: &Element) -> u32 {
    text(root, ".bd-epoch-value").parse().unwrap()
}

/// Pixels of a canvas that are clearly coloured (not white or grey).
fn coloured_pixels(canvas: &Element) -> usize {
    let pixels = canvas_pixels(&canvas.clone().dyn_into().unwrap());
    pixels
        .chunks(4)
        .filter(|p| p[0].abs_diff(p[2]) > 30)
        .count()
}

/// A length in an element's style: `px(style, "left")` of `"left:3px"` is 3.
fn px(style: &str, name: &str) -> f64 {
    let from = style.find(&format!("{name}:")).unwrap() + name.len() + 1;
    let value = &style[from..];
    value[..value.find("px").unwrap()].parse().unwrap()
}

/// The coloured pixels of one unit's picture: its frame's part of its column's canvas
/// (where the elements' own styles place them: tests run without the style sheets).
fn unit_coloured_pixels(root: &Element, col: usize, unit: usize) -> usize {
    unit_pixels(root, col, unit)
        .chunks(4)
        .filter(|p| p[3] > 0 && p[0].abs_diff(p[2]) > 30)
        .count()
}

/// The RGBA pixels of one unit's frame on its column's canvas.
fn unit_pixels(root: &Element, col: usize, unit: usize) -> Vec<u8> {
    let frame = find(
        root,
        &format!(".bd-thumb[data-col='{col}'][data-unit='{unit}']"),
    );
    let canvas: HtmlCanvasElement = find(root, &format!("canvas.bd-thumbs[data-col='{col}']"))
        .dyn_into()
        .unwrap();
    let (frame_style, canvas_style) = (
        frame.get_attribute("style").unwrap(),
        canvas.get_attribute("style").unwrap(),
    );
    let pixel: f64 = canvas.get_attribute("data-scale").unwrap().parse().unwrap();
    let at = |name: &str| ((px(&frame_style, name) - px(&canvas_style, name)) * pixel).round();
    let side = (px(&frame_style, "width") * pixel).round();
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    context
        .get_image_data(at("left"), at("top"), side, side)
        .unwrap()
        .data()
        .0
}

#[wasm_bindgen_test]
async fn a_big_network_draws_its_links_on_a_canvas_per_gap_and_every_unit() {
    let root = mount("#/boundaries?h=32-tanh.32-tanh.32-tanh").await;
    assert_eq!(count(&root, ".bd-link"), 0, "no SVG line per link");
    assert_eq!(count(&root, "canvas.bd-links-gap"), 4);
    for gap in 0..4 {
        let canvas: HtmlCanvasElement =
            find(&root, &format!("canvas.bd-links-gap[data-gap='{gap}']"))
                .dyn_into()
                .unwrap();
        assert!(
            coloured_pixels(&canvas) > 500,
            "the links of gap {gap} are drawn"
        );
    }
    for (col, unit) in [(0, 1), (1, 0), (2, 31), (3, 17), (4, 0)] {
        let painted = unit_pixels(&root, col, unit)
            .chunks(4)
            .filter(|p| p[3] == 255)
            .count();
        // A 26 px frame: 24² inside its border.
        assert!(painted >= 24 * 24, "unit {unit} of column {col} is drawn");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn step_trains_one_epoch_and_reset_starts_over() {
    let root = mount("#/boundaries").await;
    assert_eq!(text(&root, "main h1"), "Decision boundaries");
    assert_eq!(epoch(&root), 0);
    let heat = find(&root, ".bd-heat");
    assert!(coloured_pixels(&heat) > 100, "the heatmap is drawn");
    step(&root).await;
    assert_eq!(epoch(&root), 1);
    step(&root).await;
    assert_eq!(epoch(&root), 2);
    click(&root, ".bd-reset").await;
    assert_eq!(epoch(&root), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn adding_a_layer_adds_a_column_of_drawn_thumbnails() {
    let root = mount("#/boundaries").await;
    // φ = [x1, x2], layers of 4 and 2, the output.
    assert_eq!(count(&root, ".bd-col-head"), 4);
    assert_eq!(count(&root, ".bd-thumb"), 2 + 4 + 2 + 1);
    click(&root, ".bd-add-layer").await;
    assert_eq!(count(&root, ".bd-col-head"), 5);
    assert_eq!(count(&root, ".bd-thumb"), 2 + 4 + 2 + 2 + 1);
    assert!(text(&root, ".bd-layer-count").starts_with('3'));
    assert!(
        unit_coloured_pixels(&root, 3, 1) > 50,
        "the new unit's picture is drawn"
    );
    // More units in the first hidden layer: one more thumbnail, one more row of links.
    let links = count(&root, ".bd-link");
    click(&root, ".bd-layer-head .bd-more").await;
    assert_eq!(count(&root, ".bd-thumb"), 12);
    assert_eq!(count(&root, ".bd-link"), links + 2 + 2);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_formula_is_explained_and_the_features_stay() {
    let root = mount("#/boundaries").await;
    assert_eq!(count(&root, ".bd-input-label"), 2);
    type_into(&root, ".bd-formula-input", "x1 +* 2", "input").await;
    click(&root, ".bd-formula-add").await;
    assert_eq!(count(&root, ".bd-formula-error"), 1);
    assert!(text(&root, ".bd-formula-error").starts_with("Not added: "));
    assert_eq!(count(&root, ".bd-input-label"), 2, "φ is unchanged");

    type_into(&root, ".bd-formula-input", "sin(x1) * x2", "input").await;
    click(&root, ".bd-formula-add").await;
    assert_eq!(count(&root, ".bd-formula-error"), 0);
    assert_eq!(count(&root, ".bd-input-label"), 3);
    assert_eq!(text(&root, ".bd-custom code"), "sin(x1) * x2");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_huge_learning_rate_pauses_with_the_divergence_message() {
    // φ of degree 2 (every monomial up to x1², x2²): at the largest rate, 10, a linear
    // model on it explodes within a few epochs.
    let root = mount("#/boundaries?k=2").await;
    click(&root, ".bd-linear").await;
    assert!(
        count(&root, ".bd-input-label") > 3,
        "the constant 1 joined φ"
    );
    type_into(&root, ".bd-lr", "10", "change").await;
    let points = text(&root, ".bd-counts");
    let mut clicks = 0;
    while count(&root, ".bd-notice.notice-error") == 0 && clicks < 20 {
        step(&root).await;
        clicks += 1;
    }
    let notice = text(&root, ".bd-notice");
    assert!(notice.contains("diverged"), "{notice}");
    assert!(notice.contains("smaller learning rate"), "{notice}");
    assert!(epoch(&root) < clicks, "the failed epoch is not counted");
    let loss = text(&root, ".bd-metric.train-loss output");
    assert!(loss.parse::<f64>().is_ok_and(f64::is_finite), "loss {loss}");
    assert_eq!(text(&root, ".bd-counts"), points, "the points stay");
    assert_eq!(
        find(&root, ".bd-lr")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value(),
        "10",
        "the settings stay"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn text_in_the_learning_rate_is_refused_with_a_message() {
    let root = mount("#/boundaries").await;
    type_into(&root, ".bd-lr", "fast", "change").await;
    assert_eq!(count(&root, ".bd-field-error"), 1);
    step(&root).await;
    assert_eq!(epoch(&root), 1, "training goes on with the previous rate");
    root.remove();
}

#[wasm_bindgen_test]
async fn sign_evaluates_but_refuses_to_train() {
    let root = mount("#/boundaries").await;
    choose(&root, ".bd-activation", "sign").await;
    assert!(
        unit_coloured_pixels(&root, 1, 0) > 50,
        "sign units are still drawn"
    );
    step(&root).await;
    assert_eq!(epoch(&root), 0);
    assert!(text(&root, ".bd-notice").contains("derivative is 0"));
    choose(&root, ".bd-activation", "tanh").await;
    step(&root).await;
    assert_eq!(epoch(&root), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn keys_pick_the_tool_and_clear_removes_every_point() {
    let root = mount("#/boundaries").await;
    assert_eq!(
        text(&root, ".bd-tool.active"),
        "Look",
        "no painting tool until one is chosen"
    );
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("2");
    init.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().dispatch_event(&key).unwrap();
    settle().await;
    assert_eq!(text(&root, ".bd-tool.active"), "−1");
    click(&root, ".bd-clear").await;
    assert!(text(&root, ".bd-counts").starts_with("0 training · 0 test"));
    step(&root).await;
    assert!(text(&root, ".bd-notice").contains("no training points"));
    root.remove();
}

#[wasm_bindgen_test]
async fn hypothesis_classes_fit_both_examples_and_new_data_refits() {
    let root = mount("#/boundaries").await;
    assert_eq!(count(&root, ".bd-hyp-table tbody tr"), 5);
    // The general recipe [1, T, T²] learns the lecture's 37 °C from the data.
    let note = text(&root, ".bd-hyp-temperature .bd-hint");
    let peak: f64 = note
        .split("T = ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the note names the peak");
    assert!((36.5..37.5).contains(&peak), "{note}");
    let errors = |root: &Element| -> Vec<f64> {
        let cells = root
            .query_selector_all(".bd-hyp-parabola .bd-hyp-error")
            .unwrap();
        (0..cells.length())
            .map(|i| {
                cells
                    .item(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let before = errors(&root);
    assert!(before[1] < before[0], "H2 ⊃ H1 fits better: {before:?}");
    click(&root, ".bd-hyp-new").await;
    let after = errors(&root);
    assert_ne!(before, after, "new data, new fits");
    assert!(after[1] < after[0]);
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_link_opens_its_weight_for_editing() {
    let root = mount("#/boundaries").await;
    let heat = find_as::<web_sys::HtmlCanvasElement>(&root, ".bd-heat");
    let before = canvas_pixels(&heat);
    // The first link: x1 → unit 1 of layer 1.
    fire(&find(&root, ".bd-link"), "click");
    settle().await;
    assert!(text(&root, ".bd-weight-editor").contains("x1 → unit 1 of layer 1"));
    type_into(&root, ".bd-weight-input", "abc", "input").await;
    click(&root, ".bd-weight-set").await;
    assert!(text(&root, ".bd-weight-editor").contains("Type a number"));
    type_into(&root, ".bd-weight-input", "−4", "input").await;
    click(&root, ".bd-weight-set").await;
    assert!(!text(&root, ".bd-weight-editor").contains("Type a number"));
    assert_eq!(
        find_as::<HtmlInputElement>(&root, ".bd-weight-input").value(),
        "-4.0000"
    );
    assert_ne!(
        canvas_pixels(&heat),
        before,
        "the picture follows the new weight"
    );
    click(&root, ".bd-weight-close").await;
    assert_eq!(count(&root, ".bd-weight-editor"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn discrete_output_paints_only_the_two_class_colours() {
    let root = mount("#/boundaries").await;
    let heat = find_as::<web_sys::HtmlCanvasElement>(&root, ".bd-heat");
    let colours = |pixels: Vec<u8>| -> std::collections::BTreeSet<Vec<u8>> {
        pixels.chunks(4).map(<[u8]>::to_vec).collect()
    };
    assert!(
        colours(canvas_pixels(&heat)).len() > 10,
        "shaded by confidence"
    );
    click(&root, ".bd-discretize").await;
    let discrete = colours(canvas_pixels(&heat));
    assert!((1..=3).contains(&discrete.len()), "{discrete:?}");
    root.remove();
}
