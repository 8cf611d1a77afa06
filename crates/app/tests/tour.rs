//! The guided tour in headless Chromium: an entry link opens its stop as the screen's own
//! link, the clicker's keys remount the same screen in the next stop's state, a key a field
//! is using stays with the field, and leaving the tour keeps the screen as it is.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, EventTarget, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Waits (a few seconds at most) until `selector` matches.
async fn until(root: &Element, selector: &str) {
    for _ in 0..200 {
        if count(root, selector) > 0 {
            return;
        }
        settle().await;
    }
    panic!("nothing matches {selector} (address {})", hash());
}

fn press(target: &EventTarget, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn window() -> EventTarget {
    web_sys::window().unwrap().into()
}

fn go(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

// One test, one app: every app mounted in this page would listen for keys on the window.
#[wasm_bindgen_test]
async fn the_tour_opens_stops_moves_with_the_clicker_and_lets_go() {
    // An entry link opens its stop as the screen's own link.
    let root = mount("#/tour/13").await;
    until(&root, ".tour-card[data-stop='13'] .tour-text").await;
    until(&root, ".lstm-variant-rnn.active").await;
    assert!(
        hash().starts_with("#/lstm?v=rnn&task=remember&dist=40&h=8&lr=0.01&seed=1&tour=13"),
        "{}",
        hash()
    );
    assert_eq!(text(&root, ".tour-progress"), "Stop 13 of 15");
    assert!(text(&root, ".tour-prompt").contains("40 steps"));
    assert_eq!(count(&root, ".tour-choice"), 2);
    assert_eq!(
        count(&root, ".lstm-notice, .notice"),
        0,
        "tour= is no unknown setting"
    );

    // The clicker's keys remount the same screen in the next stop's state.
    press(&window(), "PageDown");
    until(&root, ".tour-card[data-stop='14']").await;
    until(&root, ".lstm-variant-lstm.active").await;
    assert_eq!(count(&root, ".lstm-variant-rnn.active"), 0);
    press(&window(), "ArrowRight");
    until(&root, ".tour-card[data-stop='15']").await;
    until(&root, ".lstm-variant-gru.active").await;
    assert!(
        !hash().contains("&u="),
        "→ moved the tour and trained nothing: {}",
        hash()
    );
    press(&window(), "PageDown");
    settle().await;
    let stop = find(&root, ".tour-card").get_attribute("data-stop");
    assert_eq!(stop.as_deref(), Some("15"), "the last stop is the last");
    press(&window(), "ArrowLeft");
    until(
        &root,
        ".tour-card[data-stop='14'] ~ .screen .lstm-variant-lstm.active",
    )
    .await;
    press(&window(), "PageUp");
    until(
        &root,
        ".tour-card[data-stop='13'] ~ .screen .lstm-variant-rnn.active",
    )
    .await;

    // A field keeps its keys; leaving the tour keeps the screen as it is.
    go("#/tour/7");
    until(&root, ".tour-card[data-stop='7']").await;
    until(&root, ".bd-heat").await;
    let field = find(&root, ".screen input");
    press(&field, "ArrowRight");
    press(&field, "PageDown");
    settle().await;
    assert!(
        hash().contains("tour=7"),
        "typing moved the tour: {}",
        hash()
    );
    find_as::<HtmlElement>(&root, ".tour-leave").click();
    until(&root, ".screen-boundaries:only-child").await;
    assert_eq!(count(&root, ".tour-card"), 0);
    assert!(
        hash().starts_with("#/boundaries?d=xor") && !hash().contains("tour"),
        "{}",
        hash()
    );

    // Home invites to the tour; a broken tour link says why and opens no stop.
    go("#/");
    until(&root, "a.tour-take[href='#/tour']").await;
    go("#/tour?tsrc=bm90IGEgdG91cg");
    until(&root, ".tour-error").await;
    assert!(text(&root, ".tour-error").contains("cannot be read"));
    assert!(hash().starts_with("#/tour"), "no stop opened: {}", hash());
    root.remove();
}
