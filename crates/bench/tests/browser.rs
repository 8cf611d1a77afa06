//! The same workloads compiled to wasm and timed inside headless Chromium with
//! `performance.now()`. Only built with `--features browser` (scripts/bench.sh), so the
//! default test suite never times anything.
#![cfg(all(feature = "browser", target_family = "wasm"))]

use std::hint::black_box;

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const WARM_UP_MS: f64 = 300.0;
const SAMPLE_MS: f64 = 20.0;
const SAMPLES: usize = 31;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .expect("performance.now() is available in a browser")
}

#[wasm_bindgen_test]
fn time_every_workload() {
    for mut workload in nnp_bench::workloads() {
        // Warm up, and learn how many runs fill one sample.
        let start = now();
        let mut runs = 0u32;
        while now() - start < WARM_UP_MS {
            black_box((workload.run)());
            runs += 1;
        }
        let per_run = (now() - start) / f64::from(runs);
        let batch = ((SAMPLE_MS / per_run).ceil() as u32).max(1);
        let mut samples: Vec<f64> = (0..SAMPLES)
            .map(|_| {
                let t = now();
                for _ in 0..batch {
                    black_box((workload.run)());
                }
                (now() - t) / f64::from(batch)
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        console_log!(
            "BENCH {} median_ms={:.4}",
            workload.name,
            samples[SAMPLES / 2]
        );
    }
}
