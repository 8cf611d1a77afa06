//! Project and peer side by side in one page of headless Chromium: each workload's
//! JavaScript peer (`js/`) and the project's wasm take turns, sample for sample (peer,
//! project, peer, project, …), so load on the machine falls on both alike; each side's
//! median is printed with the ratio. Before timing, both sides compute from the same
//! weights and data and their results are compared. Only built with `--features browser`
//! (scripts/bench.sh): the default suite times nothing (tests/agree.rs checks agreement).
#![cfg(all(feature = "browser", target_family = "wasm"))]

use std::hint::black_box;

use nnp_bench::peers::{HeatMaps, JsConv, JsLstm, JsPlayground};
use nnp_bench::side_by_side::{ConvCase, LstmCase, PlaygroundCase, max_error};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const WARM_UP_MS: f64 = 300.0;
const SAMPLE_MS: f64 = 15.0;
const SAMPLES: usize = 41;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .expect("performance.now() is available in a browser")
}

/// Runs `f` for about `WARM_UP_MS`; returns how many runs fill one sample.
fn warm_up(f: &mut dyn FnMut() -> f64) -> u32 {
    let start = now();
    let mut runs = 0u32;
    while now() - start < WARM_UP_MS || runs < 2 {
        black_box(f());
        runs += 1;
    }
    let per_run = (now() - start) / f64::from(runs);
    ((SAMPLE_MS / per_run).ceil() as u32).max(1)
}

fn sample(f: &mut dyn FnMut() -> f64, batch: u32) -> f64 {
    let t = now();
    for _ in 0..batch {
        black_box(f());
    }
    (now() - t) / f64::from(batch)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Times peer and project interleaved and prints one line.
fn compare(
    name: &str,
    agreement: f64,
    peer: &mut dyn FnMut() -> f64,
    project: &mut dyn FnMut() -> f64,
) -> f64 {
    let (peer_batch, project_batch) = (warm_up(peer), warm_up(project));
    let (mut peer_ms, mut project_ms) = (Vec::new(), Vec::new());
    for _ in 0..SAMPLES {
        peer_ms.push(sample(peer, peer_batch));
        project_ms.push(sample(project, project_batch));
    }
    // Each peer sample's ratio to the project sample right after it (both under the same
    // load), as a check on the ratio of the medians.
    let paired = median(
        peer_ms
            .iter()
            .zip(&project_ms)
            .map(|(p, q)| p / q)
            .collect(),
    );
    let (p, q) = (median(peer_ms), median(project_ms));
    console_log!(
        "SIDE {name} peer_ms={p:.4} project_ms={q:.4} ratio={:.1} paired={paired:.1} max_error={agreement:.1e}",
        p / q
    );
    q
}

/// Prints the rate `flops` in `ms` reaches, as a fraction of the ceiling measured right
/// after it (the load on the machine changes from minute to minute).
fn fraction(name: &str, flops: f64, ms: f64) {
    let gflops = flops / (ms * 1e6);
    let ceiling = ceiling();
    console_log!(
        "FRACTION {name} gflops={gflops:.1} ceiling={ceiling:.1} of_ceiling={:.0}%",
        100.0 * gflops / ceiling
    );
}

fn playground(name: &str, layers: usize, units: usize, heat_maps: bool) {
    // Agreement: one frame from the same weights, the points in the same order.
    let mut case = PlaygroundCase::new(layers, units, 100);
    let peer = JsPlayground::new(&case, &case.next_order());
    peer.frame(false);
    case.frame();
    let weights = max_error(case.mlp.params().iter().copied(), peer.params().into_iter());
    let grid = max_error(
        case.grid.output().iter().map(|&v| f64::from(v)),
        peer.output_grid().into_iter(),
    );
    assert!(
        weights < 1e-9 && grid < 1e-4,
        "{name}: weights {weights}, grid {grid}"
    );
    let mut maps = HeatMaps::new(&case).expect("a page with a body");
    compare(
        name,
        grid.max(weights),
        &mut || peer.frame(heat_maps),
        &mut || {
            let sum = case.frame();
            if heat_maps {
                maps.paint(&case);
            }
            sum
        },
    );
}

fn conv(name: &str, size: usize) {
    let mut case = ConvCase::new(512, size);
    let peer = JsConv::new(&case);
    case.run();
    let error = max_error(
        case.out.data().iter().map(|&v| f64::from(v)),
        peer.run().into_iter().map(f64::from),
    );
    assert!(error < 1e-4, "{name}: outputs differ by {error}");
    let ms = compare(name, error, &mut || peer.run_in_js(), &mut || case.run());
    // One multiply and one add per tap and pixel.
    fraction(name, (512 * 512 * size * size * 2) as f64, ms);
}

fn lstm(name: &str, hidden: usize) {
    let case = LstmCase::new(hidden, 100);
    let peer = JsLstm::new(&case);
    let error = max_error(
        case.run().into_iter().map(f64::from),
        peer.run().into_iter(),
    );
    assert!(error < 1e-4, "{name}: h and p differ by {error}");
    let ms = compare(name, error, &mut || peer.run_in_js(), &mut || {
        f64::from(case.run()[0])
    });
    // The gates' matrix–vector products: 4H × (H + 8) multiply-adds per step, 100 steps.
    fraction(name, (100 * 4 * hidden * (hidden + 8) * 2) as f64, ms);
}

/// The f32x4 mul+add ceiling in GFLOP/s (median of samples of about 20 ms).
fn ceiling() -> f64 {
    let rounds = 2_000_000;
    black_box(nnp_bench::ceiling::mul_add_rounds(rounds / 10));
    let rates: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = now();
            let (flops, sum) = nnp_bench::ceiling::mul_add_rounds(rounds);
            black_box(sum);
            flops / ((now() - t) * 1e6)
        })
        .collect();
    median(rates)
}

#[wasm_bindgen_test]
fn side_by_side() {
    let gflops = ceiling();
    console_log!("CEILING f32x4_mul_add_gflops={gflops:.1}");
    playground("playground_frame_2-8x6-1", 6, 8, false);
    playground("playground_frame_heatmaps_2-8x6-1", 6, 8, true);
    conv("convolute_7x7_512", 7);
    conv("convolute_3x3_512", 3);
    lstm("lstm_h128_t100", 128);
    lstm("lstm_h32_t100", 32);
}
