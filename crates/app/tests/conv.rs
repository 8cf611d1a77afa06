//! The convolution painter in headless Chromium: presets fill the grid, a bad cell is
//! marked without touching the maps, the lecture example reads 6600 under the pointer, a
//! share link opens its state (a broken one says what it could not use), and every action
//! puts the state into the address bar and the browser's storage.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use std::time::Duration;

use gloo::timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlSelectElement, InputEvent, PointerEvent,
    PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn cells(root: &Element, kernel: usize) -> Vec<String> {
    let list = root
        .query_selector_all(&format!(".conv-kernel-{kernel} .conv-cell"))
        .unwrap();
    (0..list.length())
        .map(|i| {
            list.get(i)
                .unwrap()
                .dyn_into::<HtmlInputElement>()
                .unwrap()
                .value()
        })
        .collect()
}

fn choose(root: &Element, selector: &str, value: &str) {
    find_as::<HtmlSelectElement>(root, selector).set_value(value);
    fire(&find(root, selector), "change");
}

fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Moves a pointer to the fraction `(fx, fy)` of an element's box.
fn hover(root: &Element, selector: &str, fx: f64, fy: f64) {
    let el: HtmlElement = find_as(root, selector);
    let rect = el.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + rect.width() * fx) as i32);
    init.set_client_y((rect.top() + rect.height() * fy) as i32);
    el.dispatch_event(&PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn choosing_a_preset_fills_the_grid() {
    let root = mount("#/conv").await;
    assert_eq!(
        cells(&root, 0),
        ["-1", "0", "1", "-2", "0", "2", "-1", "0", "1"]
    );
    choose(&root, ".conv-kernel-0 .conv-preset", "laplacian");
    settle().await;
    assert_eq!(
        cells(&root, 0),
        ["0", "1", "0", "1", "-4", "1", "0", "1", "0"]
    );
    assert_eq!(
        text(&root, ".conv-map-0 figcaption"),
        "Map 1 · Laplacian edge"
    );
    choose(&root, ".conv-kernel-1 .conv-preset", "curve-detector");
    settle().await;
    assert_eq!(cells(&root, 1).len(), 49, "the curve detector is 7 × 7");
    assert_eq!(cells(&root, 1)[5], "30");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_cell_that_is_not_a_number_is_marked_and_the_map_stays() {
    let root = mount("#/conv").await;
    let before = canvas_pixels(&find_as(&root, ".conv-map-0 canvas"));
    let cell: HtmlInputElement = find_as(&root, ".conv-kernel-0 .conv-cell");
    type_into(&cell, "abc");
    settle().await;
    let cell: HtmlInputElement = find_as(&root, ".conv-kernel-0 .conv-cell");
    assert!(cell.class_name().contains("invalid"));
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        cell.title().contains("\"abc\" is not a number"),
        "{}",
        cell.title()
    );
    assert!(text(&root, ".conv-kernel-0 .conv-cell-error").contains("keeps -1"));
    assert_eq!(cell.value(), "abc", "what was typed stays to be corrected");
    assert_eq!(canvas_pixels(&find_as(&root, ".conv-map-0 canvas")), before);

    // A number in the same cell is taken and changes the map.
    type_into(&cell, "5");
    settle().await;
    assert!(
        !find(&root, ".conv-kernel-0 .conv-cell")
            .class_name()
            .contains("invalid")
    );
    assert_ne!(canvas_pixels(&find_as(&root, ".conv-map-0 canvas")), before);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_lecture_example_reads_6600_at_the_centre() {
    let root = mount("#/conv").await;
    find_as::<HtmlElement>(&root, ".conv-lecture").click();
    settle().await;
    hover(&root, ".conv-map-0 canvas", 0.05, 0.05);
    settle().await;
    assert!(text(&root, ".conv-probe").contains("pixel (0, 0)"));
    assert_eq!(text(&root, ".conv-probe-value"), "0");
    hover(&root, ".conv-map-0 canvas", 0.5, 0.5);
    settle().await;
    assert!(text(&root, ".conv-probe").contains("pixel (3, 3)"));
    assert_eq!(text(&root, ".conv-probe-value"), "6600");
    assert!(text(&root, ".conv-probe-sum").contains("30·50 + 30·20 + 30·50"));
    // Once the pointer rests, the probed pixel is in the share link too.
    sleep(Duration::from_millis(500)).await;
    assert!(hash().contains("img=lecture&"), "{}", hash());
    assert!(hash().ends_with("&probe=0.3.3"), "{}", hash());
    root.remove();
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn a_share_link_opens_its_kernels_image_and_chain() {
    let root = mount("#/conv?n=64&img=ring&ks=3&k=laplacian;0,1,0,0,0,0,0,0,-1:0.5&act=tanh&pool=none&probe=1.3.4").await;
    assert_eq!(count(&root, ".conv-kernel"), 2);
    assert_eq!(
        cells(&root, 0),
        ["0", "1", "0", "1", "-4", "1", "0", "1", "0"]
    );
    assert_eq!(cells(&root, 1)[8], "-1");
    assert_eq!(
        find_as::<HtmlInputElement>(&root, ".conv-kernel-1 .conv-bias-input").value(),
        "0.5"
    );
    assert_eq!(
        find_as::<HtmlSelectElement>(&root, ".conv-resolution").value(),
        "64"
    );
    assert_eq!(
        find_as::<HtmlSelectElement>(&root, ".conv-activation").value(),
        "tanh"
    );
    assert_eq!(
        find_as::<HtmlSelectElement>(&root, ".conv-pool-kind").value(),
        "none"
    );
    assert!(text(&root, ".conv-probe").contains("pixel (3, 4)"));
    assert_eq!(count(&root, ".conv-notice"), 0, "nothing to complain about");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_tampered_link_names_what_it_could_not_use_and_keeps_the_rest() {
    let root = mount("#/conv?n=64&ks=3&k=box-blur;1,2&st=nine&act=tanh&v2setting=1").await;
    let notice = text(&root, ".conv-notice[role=alert]");
    assert!(notice.contains("(st, v2setting, k)"), "{notice}");
    assert_eq!(count(&root, ".conv-kernel"), 4, "the default kernels stay");
    assert_eq!(
        find_as::<HtmlSelectElement>(&root, ".conv-activation").value(),
        "tanh"
    );
    assert_eq!(
        find_as::<HtmlSelectElement>(&root, ".conv-resolution").value(),
        "64"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_action_writes_the_link_and_remembers_the_state() {
    let root = mount("#/conv").await;
    assert_eq!(
        hash(),
        "#/conv",
        "opening the screen leaves the address alone"
    );
    choose(&root, ".conv-kernel-0 .conv-preset", "emboss");
    settle().await;
    let link = hash();
    assert!(link.starts_with("#/conv?n=128&img=seven&"), "{link}");
    assert!(
        link.contains("k=emboss;sobel-y;outline;gaussian-blur"),
        "{link}"
    );
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let saved = storage.get_item("nnp.state.v1.conv").unwrap().unwrap();
    assert!(saved.contains("k=emboss;"), "{saved}");

    // Painting makes the image travel as pixels, and the screen says how.
    find_as::<HtmlElement>(&root, ".conv-clear").click();
    settle().await;
    assert!(hash().contains("px="), "{}", hash());
    assert!(text(&root, ".conv-link-status").contains("16 grey levels"));
    root.remove();
}
