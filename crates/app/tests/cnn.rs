//! The CNN screen in headless Chromium: with a small digits file it mounts, Step trains one
//! mini-batch, the confusion matrix and the probability bars render, and drawing in the box
//! is read by the network at once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use nnp_app::screens::CnnScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlCanvasElement, HtmlElement, PointerEvent, PointerEventInit};
use yew::prelude::*;

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

/// A digits file of 100 images: class `k` is a bar at row `k % 8` (columns for k ≥ 8) with
/// a little per-image variation.
fn small_csv() -> String {
    let mut out = String::new();
    for i in 0..100_usize {
        let class = i % 10;
        let pixels: Vec<String> = (0..64_usize)
            .map(|p| {
                let (row, col) = (p / 8, p % 8);
                let on = if class < 8 {
                    row == class
                } else {
                    col == class - 6
                };
                let v = if on {
                    12 + (i + p) % 5
                } else {
                    (i * 7 + p) % 3
                };
                v.to_string()
            })
            .collect();
        out.push_str(&format!("{},{class}\n", pixels.join(",")));
    }
    out
}

#[component]
fn WithData() -> Html {
    html! { <CnnScreen csv={AttrValue::from(small_csv())} /> }
}

async fn mount_with_data() -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash("#/cnn").unwrap();
    settle().await;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<WithData>::with_root(root.clone()).render();
    settle().await;
    settle().await;
    root
}

fn attr(root: &Element, selector: &str, name: &str) -> String {
    find(root, selector).get_attribute(name).unwrap_or_default()
}

fn probabilities(root: &Element) -> Vec<f64> {
    let bars = root.query_selector_all(".cnn-prob").unwrap();
    (0..bars.length())
        .map(|i| {
            let bar: Element = bars.item(i).unwrap().dyn_into().unwrap();
            assert_eq!(bar.get_attribute("data-class").unwrap(), i.to_string());
            bar.get_attribute("data-probability")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

fn pointer(el: &Element, kind: &str, fx: f64, fy: f64) {
    let rect = el.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_id(1);
    init.set_client_x((rect.left() + rect.width() * fx) as i32);
    init.set_client_y((rect.top() + rect.height() * fy) as i32);
    el.dispatch_event(&PointerEvent::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_screen_mounts_steps_and_shows_probabilities_and_the_confusion_matrix() {
    let root = mount_with_data().await;
    assert_eq!(text(&root, "h1"), "A CNN that learns digits");
    assert!(text(&root, ".cnn-credit").contains("Alpaydin"));
    assert!(text(&root, ".cnn-credit").contains("CC BY 4.0"));
    assert_eq!(attr(&root, ".cnn-status", "data-updates"), "0");

    let p = probabilities(&root);
    assert_eq!(p.len(), 10);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-3, "{p:?}");
    assert_eq!(count(&root, ".cnn-prob-predicted"), 1);

    assert_eq!(count(&root, ".cnn-matrix .cnn-cell"), 100);
    assert_eq!(count(&root, ".cnn-matrix .cnn-diagonal"), 10);
    let cells = root.query_selector_all(".cnn-cell").unwrap();
    let total: u32 = (0..cells.length())
        .map(|i| {
            let cell: Element = cells.item(i).unwrap().dyn_into().unwrap();
            cell.get_attribute("data-count")
                .unwrap()
                .parse::<u32>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 20, "every test digit counted once");

    let kernel = || canvas_pixels(&find_as::<HtmlCanvasElement>(&root, ".cnn-kernel"));
    let before = kernel();
    assert_eq!(before.len(), 3 * 3 * 4);
    click(&root, ".cnn-step").await;
    assert_eq!(attr(&root, ".cnn-status", "data-updates"), "1");
    assert!(text(&root, ".cnn-counters").contains("1 updates"));
    assert_ne!(kernel(), before, "the kernels learn");
    let p = probabilities(&root);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-3, "{p:?}");
    assert!(
        web_sys::window()
            .unwrap()
            .location()
            .hash()
            .unwrap()
            .contains("u=1")
    );
}

#[wasm_bindgen_test]
async fn drawing_in_the_box_is_read_at_once() {
    let root = mount_with_data().await;
    assert_eq!(attr(&root, ".cnn-draw-result", "data-predicted"), "");
    let this_box = find(&root, ".cnn-draw-box");
    pointer(&this_box, "pointerdown", 0.5, 0.1);
    for k in 1..=8 {
        pointer(&this_box, "pointermove", 0.5, 0.1 + 0.1 * f64::from(k));
    }
    pointer(&this_box, "pointerup", 0.5, 0.9);
    settle().await;
    let predicted: usize = attr(&root, ".cnn-draw-result", "data-predicted")
        .parse()
        .unwrap();
    assert!(predicted < 10);
    assert!(text(&root, ".cnn-showing").contains("your drawing"));
    let input = canvas_pixels(&find_as::<HtmlCanvasElement>(&root, ".cnn-input"));
    let inked = input.chunks(4).filter(|px| px[0] < 200).count();
    assert!(
        inked >= 6,
        "the input shows the stroke: {inked} dark pixels"
    );
    let p = probabilities(&root);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-3);

    click(&root, ".cnn-clear").await;
    assert_eq!(attr(&root, ".cnn-draw-result", "data-predicted"), "");
}
