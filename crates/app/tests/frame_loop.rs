//! The frame driver in headless Chromium: a dropped loop and a left or unmounted screen
//! stop asking for animation frames (nothing keeps training in the background).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo::timers::future::sleep;
use nnp_app::app::App;
use nnp_app::widgets::FrameLoop;
use nnp_app::widgets::frame_loop::{live_loops, ticks_so_far};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// Fails unless no loop of the page ticks for a while (a fifth of a second, a dozen frames).
async fn assert_nothing_ticks(what: &str) {
    let at_start = ticks_so_far();
    sleep(Duration::from_millis(200)).await;
    assert_eq!(ticks_so_far(), at_start, "{what}: frames kept ticking");
}

fn epoch(root: &web_sys::Element) -> u32 {
    text(root, ".bd-epoch-value").parse().unwrap()
}

#[wasm_bindgen_test]
async fn dropping_the_driver_stops_the_ticks() {
    let before = live_loops();
    let ticks = Rc::new(Cell::new(0_u32));
    let counter = ticks.clone();
    let driver = FrameLoop::start(move || {
        counter.set(counter.get() + 1);
        true
    });
    sleep(Duration::from_millis(200)).await;
    assert!(ticks.get() > 0, "the loop never ticked");
    assert_eq!(live_loops(), before + 1);
    drop(driver);
    let at_drop = ticks.get();
    sleep(Duration::from_millis(200)).await;
    assert_eq!(ticks.get(), at_drop, "ticks went on after the drop");
    assert_eq!(live_loops(), before);
}

#[wasm_bindgen_test]
async fn a_tick_that_says_stop_ends_the_loop() {
    let before = live_loops();
    let ticks = Rc::new(Cell::new(0_u32));
    let counter = ticks.clone();
    let driver = FrameLoop::start(move || {
        counter.set(counter.get() + 1);
        counter.get() < 3
    });
    sleep(Duration::from_millis(300)).await;
    assert_eq!(ticks.get(), 3);
    assert!(!driver.is_running());
    assert_eq!(live_loops(), before);
}

async fn start_training_on_boundaries() -> (web_sys::Element, yew::AppHandle<App>, usize) {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash("#/boundaries").unwrap();
    settle().await;
    let before = live_loops();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    find(&root, ".bd-play")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    sleep(Duration::from_millis(200)).await;
    settle().await;
    assert_eq!(live_loops(), before + 1, "training did not start a loop");
    let ticking = ticks_so_far();
    sleep(Duration::from_millis(100)).await;
    assert!(ticks_so_far() > ticking, "the training loop does not tick");
    assert!(epoch(&root) > 0, "no epoch was trained");
    (root, app, before)
}

#[wasm_bindgen_test]
async fn leaving_a_training_screen_cancels_its_frames() {
    let (root, app, before) = start_training_on_boundaries().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    settle().await;
    assert_eq!(text(&root, "main h1"), "Neural network playground");
    assert_eq!(
        live_loops(),
        before,
        "the boundaries loop outlived its screen"
    );
    assert_nothing_ticks("after leaving the boundaries").await;
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn unmounting_the_app_cancels_the_frames() {
    let (root, app, before) = start_training_on_boundaries().await;
    app.destroy();
    settle().await;
    assert_eq!(live_loops(), before, "the loop outlived the unmounted app");
    assert_nothing_ticks("after unmounting the app").await;
    root.remove();
}
