//! The phone proxy's workloads, the project alone: a training frame of a network of 8
//! hidden layers of 32 tanh units (epoch, losses, every unit over the 100² grid, heat maps
//! on canvases) and one stroke update of the convolution painter at 512² (four 7×7 kernels,
//! ReLU, 2×2 max pooling and the dense head recomputed over the touched rectangle, then the
//! touched rectangle of the four maps painted). `scripts/phone.mjs` runs this page under
//! Chromium's 6× CPU throttling; `scripts/bench.sh` prints it. Only with `--features browser`.
#![cfg(all(feature = "browser", target_family = "wasm"))]

use std::hint::black_box;

use nnp_bench::painting;
use nnp_bench::peers::HeatMaps;
use nnp_bench::side_by_side::PlaygroundCase;
use nnp_core::conv::{KernelBank, Pipeline, PipelineConfig, PoolConfig, Rect};
use nnp_core::raster::{ColourRamp, Diverging};
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLES: usize = 21;
const SAMPLE_MS: f64 = 50.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .expect("performance.now() is available in a browser")
}

/// Prints the median time of one run of `f`. Each sample repeats `f` for at least
/// [`SAMPLE_MS`]: Chromium throttles by pausing the page in slices, which a task far
/// shorter than a slice could slip between, so short tasks are timed many in a row.
fn time(name: &str, f: &mut dyn FnMut() -> f64) {
    let start = now();
    let mut runs = 0u32;
    while runs < 3 || now() - start < SAMPLE_MS {
        black_box(f());
        runs += 1;
    }
    let reps = ((SAMPLE_MS * f64::from(runs) / (now() - start)).ceil() as u32).max(1);
    let mut ms: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let t = now();
            for _ in 0..reps {
                black_box(f());
            }
            (now() - t) / f64::from(reps)
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    console_log!(
        "PHONE {name} median_ms={:.2} max_ms={:.2} runs_per_sample={reps}",
        ms[SAMPLES / 2],
        ms[SAMPLES - 1]
    );
}

fn canvas_context(side: u32) -> CanvasRenderingContext2d {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a page");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .expect("a canvas");
    canvas.set_width(side);
    canvas.set_height(side);
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("a 2D context")
}

#[wasm_bindgen_test]
fn phone_workloads() {
    let mut case = PlaygroundCase::new(8, 32, 100);
    let mut maps = HeatMaps::new(&case).expect("a page with a body");
    time("train_frame_8x32", &mut || {
        let sum = case.frame();
        maps.paint(&case);
        sum
    });

    // The painter at 512²: the brush (24 px at 512², as the app scales it) dabs along a
    // line, each update one dab's rectangle.
    let mut image = painting(512);
    let kernels: Vec<_> = (0..4).map(|k| nnp_bench::kernel(7, k)).collect();
    let config = PipelineConfig {
        pool: Some(PoolConfig::default()),
        ..PipelineConfig::default()
    };
    let mut pipeline = Pipeline::new(config, KernelBank::from_kernels(&kernels));
    pipeline.run(&image);
    let contexts: Vec<_> = (0..4).map(|_| canvas_context(512)).collect();
    let palette = Diverging {
        negative: [0xf5, 0x93, 0x22],
        paper: [0xff, 0xff, 0xff],
        positive: [0x08, 0x77, 0xbd],
    };
    let ramp = ColourRamp::new(-1.0, 1.0, |t| palette.colour(t, 1.0));
    let mut pixels = Vec::new();
    let mut step = 0usize;
    time("conv_stroke_512", &mut || {
        step += 1;
        let (x, y) = (100 + (step * 7) % 300, 200 + (step * 3) % 100);
        let dab = Rect::new(y, x, 26, 26);
        for row in dab.y..dab.bottom() {
            for col in dab.x..dab.right() {
                image.set(0, row, col, (step % 2) as f32);
            }
        }
        let touched = pipeline.run_region(&image, dab);
        let maps = pipeline.activated();
        for (c, ctx) in contexts.iter().enumerate() {
            ramp.paint_region(maps.plane(c), maps.width(), touched, 4.0, &mut pixels);
            if let Ok(data) = ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(&pixels),
                touched.width as u32,
                touched.height as u32,
            ) {
                let _ = ctx.put_image_data(&data, touched.x as f64, touched.y as f64);
            }
        }
        pipeline.output()[0].into()
    });
}
