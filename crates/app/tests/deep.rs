//! The deep-networks screen in headless Chromium: without its data file it says so and
//! offers a retry; with a small digits file it pretrains layer by layer through its buttons,
//! explains a "Stack it" pressed too early, and shows each net's result with test hooks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup in a test is a failed test

use std::time::Duration;

use gloo::timers::future::sleep;
use nnp_app::screens::DeepScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};
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

/// A digits file of 80 images: class `k` is a bar at row `k % 8` (columns for k ≥ 8) with
/// a little per-image variation.
fn small_csv() -> String {
    let mut out = String::new();
    for i in 0..80_usize {
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
    html! { <DeepScreen csv={AttrValue::from(small_csv())} /> }
}

async fn mount_with_data() -> Element {
    mount_with_data_at("#/deep", true).await
}

/// Mounts the screen with data at `hash` (a share link), with empty storage or keeping
/// what the browser remembered.
async fn mount_with_data_at(hash: &str, clear: bool) -> Element {
    let window = web_sys::window().unwrap();
    if clear {
        window.local_storage().unwrap().unwrap().clear().unwrap();
    }
    window.location().set_hash(hash).unwrap();
    settle().await;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<WithData>::with_root(root.clone()).render();
    settle().await;
    root
}

fn features(root: &Element) -> Vec<u8> {
    canvas_pixels(&find_as::<HtmlCanvasElement>(root, ".deep-feature-grid"))
}

#[wasm_bindgen_test]
async fn a_missing_data_file_is_explained_and_can_be_retried() {
    let root = mount("#/deep").await;
    assert_eq!(text(&root, "main h1"), "Deep networks, layer by layer");
    for _ in 0..50 {
        if count(&root, ".deep-load-error") > 0 {
            break;
        }
        sleep(Duration::from_millis(40)).await;
        settle().await;
    }
    let message = text(&root, ".deep-load-error p");
    assert!(message.contains("404"), "{message}");
    assert_eq!(
        count(&root, ".deep-grid"),
        0,
        "no empty panels without data"
    );
    click(&root, ".deep-retry").await;
    assert!(
        count(&root, ".deep-loading") + count(&root, ".deep-load-error") == 1,
        "retry shows the loading state or the error again"
    );
    assert!(text(&root, ".deep-credit").contains("UCI optdigits, Alpaydin & Kaynak, CC BY 4.0"));
}

#[wasm_bindgen_test]
async fn pretraining_layer_by_layer_changes_the_pictures_and_ends_in_the_race() {
    // Two hidden layers (64 → 32 → 16 → 10), so that the second stacking fine-tunes; 3
    // labels per class, but the seeded split leaves some classes only 2 in the pool.
    let root = mount_with_data_at("#/deep?hidden=32.16", true).await;
    assert!(text(&root, ".deep-now").contains("Pretrain layer 1"));
    assert_eq!(count(&root, ".deep-training"), 1);
    let labels = text(&root, ".deep-labels-readout");
    assert!(
        labels.starts_with("28 labels of 40 training images"),
        "{labels}"
    );

    // "Stack it" before any step stacks nothing and says why.
    click(&root, ".deep-advance").await;
    assert!(text(&root, ".deep-now").contains("Pretrain layer 1"));
    let why = text(&root, ".deep-pretrain-first");
    assert!(why.contains("Layer 1 has not been trained yet"), "{why}");
    let before = features(&root);
    assert_eq!(
        before.len(),
        71 * 35 * 4,
        "32 units in a grid of 8 × 4 pictures"
    );

    click(&root, ".deep-steps").await;
    assert!(text(&root, ".deep-status").starts_with("Layer 1: 100 steps of 1,000"));
    assert_eq!(
        count(&root, ".deep-pretrain-first"),
        0,
        "training clears it"
    );
    let after = features(&root);
    let changed = before
        .chunks(4)
        .zip(after.chunks(4))
        .filter(|(a, b)| a != b)
        .count();
    assert!(changed > 200, "only {changed} feature pixels changed");

    click(&root, ".deep-advance").await;
    assert!(text(&root, ".deep-now").contains("Pretrain layer 2"));
    assert_eq!(count(&root, ".deep-frozen"), 1, "layer 1 is frozen");
    assert_eq!(features(&root).len(), 71 * 17 * 4, "16 units in two rows");
    assert!(text(&root, ".deep-race").contains("Appears when fine-tuning starts"));
    click(&root, ".deep-steps").await;

    click(&root, ".deep-advance").await;
    assert!(text(&root, ".deep-now").contains("Fine-tune"));
    assert_eq!(count(&root, ".deep-advance"), 0);
    click(&root, ".deep-steps").await;
    assert_eq!(count(&root, ".deep-race canvas"), 1);
    assert!(text(&root, ".deep-accuracy").starts_with("After 100 steps: pretrained"));
    for variant in ["pretrained", "random"] {
        let result = find(&root, &format!(".deep-result[data-variant=\"{variant}\"]"));
        let accuracy: f64 = result
            .get_attribute("data-accuracy")
            .unwrap()
            .parse()
            .unwrap();
        assert!((0.0..=1.0).contains(&accuracy), "{variant}: {accuracy}");
        assert_eq!(result.get_attribute("data-updates").unwrap(), "100");
    }
    assert!(text(&root, ".deep-status").starts_with("Fine-tuning: 100 steps of 300"));

    click(&root, ".deep-reset").await;
    assert!(text(&root, ".deep-now").contains("Pretrain layer 1"));
    assert_eq!(
        features(&root),
        before,
        "reset brings back the same seeded weights"
    );
}

#[wasm_bindgen_test]
async fn a_rate_that_is_not_a_number_is_refused_without_losing_the_run() {
    let root = mount_with_data().await;
    click(&root, ".deep-steps").await;
    let input = find_as::<HtmlInputElement>(&root, ".deep-rate-pretrain input");
    input.set_value("fast");
    fire(&input, "change");
    settle().await;
    assert!(text(&root, ".deep-rate-pretrain [role=alert]").contains("positive number"));
    assert!(text(&root, ".deep-status").starts_with("Layer 1: 100 steps"));

    input.set_value("1e300");
    fire(&input, "change");
    settle().await;
    assert_eq!(count(&root, ".deep-rate-pretrain [role=alert]"), 0);
    click(&root, ".deep-steps").await;
    assert!(text(&root, ".deep-notice").contains("learning rate is too large"));
    let play = find_as::<HtmlElement>(&root, ".deep-play");
    assert!(
        play.has_attribute("disabled"),
        "no training after divergence"
    );
}

/// Waits (up to about 10 s) until no shared experiment is being replayed.
async fn replayed(root: &Element) {
    for _ in 0..250 {
        if count(root, ".deep-replay") == 0 {
            return;
        }
        settle().await;
    }
    panic!("the replay did not end");
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn a_link_replays_the_experiment_and_the_state_is_remembered_without_it() {
    let root = mount_with_data_at("#/deep?labels=5&fr=0.3&s=20.3&proj=1", true).await;
    replayed(&root).await;
    let status = text(&root, ".deep-status");
    assert!(status.contains("Layer 2: 3 steps"), "{status}");
    assert_eq!(
        find_as::<web_sys::HtmlSelectElement>(&root, ".deep-labels").value(),
        "5"
    );
    assert_eq!(
        find_as::<HtmlInputElement>(&root, ".deep-rate-fine input").value(),
        "0.3"
    );

    click(&root, ".deep-steps").await;
    assert!(
        hash().contains("s=20.103"),
        "the address bar follows: {}",
        hash()
    );
    root.remove();

    // Without a link, the remembered experiment comes back.
    let root = mount_with_data_at("#/deep", false).await;
    replayed(&root).await;
    assert!(text(&root, ".deep-status").contains("Layer 2: 103 steps"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_link_names_what_it_could_not_use() {
    let root = mount_with_data_at("#/deep?labels=7&fr=0.3&s=x", true).await;
    let notice = text(&root, ".deep-link-notice");
    assert!(notice.contains("(labels, s)"), "{notice}");
    assert_eq!(
        find_as::<HtmlInputElement>(&root, ".deep-rate-fine input").value(),
        "0.3"
    );
    assert_eq!(count(&root, ".deep-replay"), 0);
    root.remove();
}
