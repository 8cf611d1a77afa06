//! Component tests in headless Chromium: mount the app into the DOM and look at what a
//! user would see.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use nnp_app::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn unmount(root: Element) {
    root.remove();
}

#[wasm_bindgen_test]
async fn home_lists_every_screen_in_the_nav_and_as_cards() {
    let root = mount("").await;
    assert_eq!(count(&root, ".site-nav a"), 7);
    assert_eq!(count(&root, ".cards .card"), 7);
    assert!(text(&root, ".cards").contains("A CNN that learns digits"));
    assert!(text(&root, ".cards").contains("Deep networks, layer by layer"));
    assert!(text(&root, ".cards").contains("Backprop on the car example"));
    assert!(text(&root, ".cards").contains("Convolution painter"));
    assert_eq!(text(&root, "h1"), "Neural network playground");
    unmount(root);
}

#[wasm_bindgen_test]
async fn following_a_link_changes_the_screen_and_marks_it_active() {
    let root = mount("").await;
    click(&root, ".site-nav a[href='#/conv']");
    settle().await;
    assert_eq!(text(&root, "main h1"), "Convolution painter");
    assert_eq!(text(&root, ".nav-link.active"), "Convolution");
    assert!(document().title().starts_with("Convolution painter"));
    unmount(root);
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_is_remembered() {
    let root = mount("#/backprop").await;
    assert_eq!(text(&root, "main h1"), "Backprop on the car example");
    click(&root, ".lang-switch");
    settle().await;
    assert_eq!(text(&root, "main h1"), "两辆车的反向传播");
    assert_eq!(text(&root, ".lang-switch"), "English");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .unwrap(),
        "zh-CN"
    );
    unmount(root);

    // A new visit (same storage) opens in Chinese.
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert_eq!(text(&root, "main h1"), "两辆车的反向传播");
    unmount(root);
}

#[wasm_bindgen_test]
async fn activation_gallery_draws_a_chart_per_function() {
    let root = mount("#/activations").await;
    assert_eq!(count(&root, ".gallery-item"), 5);
    assert_eq!(count(&root, ".gallery-item canvas"), 5);
    assert!(text(&root, ".activation-sign").contains("derivative is 0"));
    // The chart really drew: the canvas is no longer blank white.
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector(".activation-relu canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let pixels = context
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let coloured = pixels
        .chunks(4)
        .filter(|p| p[2] > 150 && p[0] < 80) // the blue a(z) curve
        .count();
    assert!(
        coloured > 100,
        "only {coloured} blue pixels: the curve was not drawn"
    );
    unmount(root);
}

#[wasm_bindgen_test]
async fn unknown_screen_says_so() {
    let root = mount("#/no-such-screen").await;
    assert_eq!(text(&root, "main h1"), "No such screen");
    assert_eq!(count(&root, "[role=alert]"), 1);
    unmount(root);
}

#[wasm_bindgen_test]
fn panic_banner_shows_the_message() {
    let banner = document().create_element("div").unwrap();
    banner.set_id(nnp_app::panic_banner::BANNER_ID);
    banner.set_attribute("hidden", "").unwrap();
    document().body().unwrap().append_child(&banner).unwrap();
    nnp_app::panic_banner::show("index out of bounds");
    assert!(!banner.has_attribute("hidden"));
    let shown = banner.text_content().unwrap();
    assert!(shown.contains("index out of bounds"));
    assert!(shown.contains("Reload the page"));
    banner.remove();
}
