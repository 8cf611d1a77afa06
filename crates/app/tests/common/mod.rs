//! Helpers shared by the browser test files: mount the app, let Yew settle, look things up,
//! fire events as a browser would. Each test file uses a different subset.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use gloo::timers::future::sleep;
use nnp_app::app::App;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, Element, Event, EventInit, HtmlCanvasElement};

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a fresh app at `hash` with empty storage and waits until it has rendered.
pub async fn mount(hash: &str) -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
    settle().await;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Lets timers, the hash router and Yew's scheduler run.
pub async fn settle() {
    sleep(Duration::from_millis(40)).await;
    yew::scheduler::flush().await;
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn find_as<T: JsCast>(root: &Element, selector: &str) -> T {
    find(root, selector).dyn_into::<T>().unwrap()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// Fires a bubbling event of `kind` at `target`.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The RGBA bytes of a canvas.
pub fn canvas_pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    ctx.get_image_data(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    )
    .unwrap()
    .data()
    .0
}
