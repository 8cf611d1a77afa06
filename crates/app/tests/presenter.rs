//! Presenter mode in headless Chromium: panels a teacher hides are gone, the choice is in
//! the address, and a student who opens that address can show everything again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn click(root: &Element, selector: &str) {
    find_as::<HtmlElement>(root, selector).click();
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

fn is_hidden(root: &Element, panel: &str) -> bool {
    find(root, &format!("[data-panel='{panel}']")).has_attribute("hidden")
}

#[wasm_bindgen_test]
async fn a_link_hides_panels_and_show_all_brings_them_back() {
    let root = mount("#/conv?hide=params.kernels.Bad%20id").await;
    assert!(is_hidden(&root, "kernels") && is_hidden(&root, "params"));
    assert!(!is_hidden(&root, "tools"));
    assert_eq!(text(&root, ".hidden-chip"), "2 hidden · Show all");
    assert_eq!(
        count(&root, ".panel-hide"),
        0,
        "no Hide buttons outside presenter mode"
    );
    assert_eq!(
        count(&root, ".conv-notice"),
        0,
        "hide= is no unknown setting"
    );
    click(&root, ".hidden-chip");
    settle().await;
    assert!(!is_hidden(&root, "kernels") && !is_hidden(&root, "params"));
    assert_eq!(count(&root, ".hidden-chip"), 0);
    assert!(!hash().contains("hide="), "{}", hash());
    root.remove();
}

#[wasm_bindgen_test]
async fn presenter_mode_offers_hide_and_the_address_follows() {
    let root = mount("#/boundaries").await;
    let chart_width = || {
        find(&root, ".bd-chart canvas")
            .get_attribute("width")
            .unwrap()
    };
    let normal_width: u32 = chart_width().parse().unwrap();
    click(&root, ".presenter-switch");
    settle().await;
    assert!(count(&root, ".panel-hide") >= 4);
    let presenter_width: u32 = chart_width().parse().unwrap();
    assert!(presenter_width > normal_width, "the chart is drawn larger");
    click(&root, "[data-panel='train'] .panel-hide");
    settle().await;
    click(&root, "[data-panel='data'] .panel-hide");
    settle().await;
    assert!(is_hidden(&root, "train") && is_hidden(&root, "data"));
    assert!(hash().ends_with("hide=data.train"), "{}", hash());
    assert_eq!(count(&root, "[data-panel='data'] .panel-hide"), 0);
    // Leaving the screen and coming back keeps what the teacher hid.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/lstm")
        .unwrap();
    settle().await;
    assert_eq!(count(&root, ".hidden-chip"), 0);
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/boundaries")
        .unwrap();
    settle().await;
    assert!(is_hidden(&root, "train") && is_hidden(&root, "data"));
    assert!(hash().contains("hide=data.train"), "{}", hash());
    click(&root, ".presenter-switch");
    settle().await;
    assert_eq!(count(&root, ".panel-hide"), 0);
    assert!(is_hidden(&root, "train"), "hidden in any mode");
    root.remove();
}
