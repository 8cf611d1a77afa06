//! The JavaScript peers of `js/` and the project compute the same numbers from the same
//! weights and data (small sizes, no timing): what makes the side-by-side ratios of
//! `tests/side_by_side.rs` a comparison of like with like. Runs in headless Chromium.
#![cfg(target_family = "wasm")]

use nnp_bench::peers::{HeatMaps, JsConv, JsLstm, JsPlayground};
use nnp_bench::side_by_side::{ConvCase, LstmCase, PlaygroundCase, max_error};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn playground_frame_trains_and_draws_the_same_net() {
    // 2 inputs, 3 hidden layers of 5, a 20² grid: two frames, so the second epoch starts
    // from weights both sides trained.
    let mut case = PlaygroundCase::new(3, 5, 20);
    for _ in 0..2 {
        let peer = JsPlayground::new(&case, &case.next_order());
        peer.frame(false);
        case.frame();
        // Training in f64 on both sides: the weights agree to rounding.
        let weights = max_error(case.mlp.params().iter().copied(), peer.params().into_iter());
        assert!(weights < 1e-9, "weights differ by {weights}");
        // The grid in f32 (fast tanh within 1e-6) against f64.
        let grid = max_error(
            case.grid.output().iter().map(|&v| f64::from(v)),
            peer.output_grid().into_iter(),
        );
        assert!(grid < 1e-4, "output grid differs by {grid}");
    }
}

#[wasm_bindgen_test]
fn playground_heat_maps_fill_without_failing() {
    let mut case = PlaygroundCase::new(2, 4, 20);
    let peer = JsPlayground::new(&case, &case.next_order());
    let mut maps = HeatMaps::new(&case).expect("a page with a body");
    peer.frame(true);
    case.frame();
    maps.paint(&case);
}

#[wasm_bindgen_test]
fn convolution_matches_the_html5rocks_loop() {
    for size in [3, 7] {
        let mut case = ConvCase::new(37, size);
        let peer = JsConv::new(&case).run();
        case.run();
        let error = max_error(
            case.out.data().iter().map(|&v| f64::from(v)),
            peer.iter().map(|&v| f64::from(v)),
        );
        assert!(error < 1e-5, "{size}×{size}: outputs differ by {error}");
    }
}

#[wasm_bindgen_test]
fn lstm_matches_the_plain_javascript_loop() {
    for hidden in [5, 32] {
        let case = LstmCase::new(hidden, 12);
        let peer = JsLstm::new(&case).run();
        let error = max_error(case.run().into_iter().map(f64::from), peer.into_iter());
        // f32 against f64 over 12 steps.
        assert!(error < 1e-5, "hidden {hidden}: h and p differ by {error}");
    }
}
