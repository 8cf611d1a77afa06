//! The JavaScript peers in `js/`, imported into the wasm build, each beside the project's
//! side of the same case ([`crate::side_by_side`]). Only in the browser.

use js_sys::{Array, Float32Array, Float64Array};
use nnp_core::conv::Rect;
use nnp_core::raster::{ColourRamp, Diverging};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::side_by_side::{ConvCase, LstmCase, PlaygroundCase};

#[wasm_bindgen(module = "/js/tf_playground.js")]
extern "C" {
    #[wasm_bindgen(js_name = playgroundCreate)]
    #[allow(clippy::too_many_arguments)]
    fn playground_create(
        shape: &Array,
        params: &Float64Array,
        train: &Float64Array,
        train_labels: &Float64Array,
        test: &Float64Array,
        test_labels: &Float64Array,
        grid_xs: &Float64Array,
        grid_ys: &Float64Array,
        learning_rate: f64,
        batch_size: u32,
    ) -> JsValue;
    #[wasm_bindgen(js_name = playgroundFrame)]
    fn playground_frame(state: &JsValue, with_heat_maps: bool) -> f64;
    #[wasm_bindgen(js_name = playgroundOutputGrid)]
    fn playground_output_grid(state: &JsValue) -> Float64Array;
    #[wasm_bindgen(js_name = playgroundParams)]
    fn playground_params(state: &JsValue) -> Float64Array;
}

#[wasm_bindgen(module = "/js/convolute.js")]
extern "C" {
    fn convolute(
        src: &Float32Array,
        width: u32,
        height: u32,
        weights: &Float32Array,
    ) -> Float32Array;
}

#[wasm_bindgen(module = "/js/lstm.js")]
extern "C" {
    #[wasm_bindgen(js_name = lstmCreate)]
    fn lstm_create(input: u32, hidden: u32, output: u32, params: &Float64Array) -> JsValue;
    #[wasm_bindgen(js_name = lstmForward)]
    fn lstm_forward(net: &JsValue, inputs: &Float64Array, steps: u32) -> Float64Array;
}

/// TensorFlow Playground's network, built from a [`PlaygroundCase`]'s weights and points.
#[derive(Debug)]
pub struct JsPlayground {
    state: JsValue,
}

impl JsPlayground {
    /// The peer of `case`, visiting the training points in `order` every epoch.
    pub fn new(case: &PlaygroundCase, order: &[usize]) -> Self {
        let shape: Array = case.shape().into_iter().map(JsValue::from).collect();
        let (train, train_labels) = PlaygroundCase::points(&case.train, order);
        let all: Vec<usize> = (0..case.test.len()).collect();
        let (test, test_labels) = PlaygroundCase::points(&case.test, &all);
        let (xs, ys) = case.grid_axes();
        // Playground's squared error is ½(s − y)², the project's (s − y)²: twice the rate
        // takes the same step.
        let state = playground_create(
            &shape,
            &Float64Array::from(case.mlp.params()),
            &Float64Array::from(&train[..]),
            &Float64Array::from(&train_labels[..]),
            &Float64Array::from(&test[..]),
            &Float64Array::from(&test_labels[..]),
            &Float64Array::from(&xs[..]),
            &Float64Array::from(&ys[..]),
            2.0 * case.config.learning_rate,
            case.config.batch_size as u32,
        );
        Self { state }
    }

    /// One frame, with or without filling the heat maps; returns the two losses.
    pub fn frame(&self, with_heat_maps: bool) -> f64 {
        playground_frame(&self.state, with_heat_maps)
    }

    /// The output unit over the grid, row by row from the top.
    pub fn output_grid(&self) -> Vec<f64> {
        playground_output_grid(&self.state).to_vec()
    }

    /// The weights and biases in the project's layout.
    pub fn params(&self) -> Vec<f64> {
        playground_params(&self.state).to_vec()
    }
}

/// The html5rocks convolution loop on a [`ConvCase`]'s painting and kernel.
#[derive(Debug)]
pub struct JsConv {
    src: Float32Array,
    weights: Float32Array,
    width: u32,
    height: u32,
}

impl JsConv {
    /// The peer of `case`.
    pub fn new(case: &ConvCase) -> Self {
        Self {
            src: Float32Array::from(case.input.data()),
            weights: Float32Array::from(&case.weights[..]),
            width: case.input.width() as u32,
            height: case.input.height() as u32,
        }
    }

    /// One convolution.
    pub fn run(&self) -> Vec<f32> {
        convolute(&self.src, self.width, self.height, &self.weights).to_vec()
    }

    /// One convolution, its result left in JavaScript (what is timed).
    pub fn run_in_js(&self) -> f64 {
        f64::from(convolute(&self.src, self.width, self.height, &self.weights).length())
    }
}

/// The plain JavaScript LSTM on an [`LstmCase`]'s weights and inputs.
#[derive(Debug)]
pub struct JsLstm {
    net: JsValue,
    inputs: Float64Array,
    steps: u32,
}

impl JsLstm {
    /// The peer of `case`.
    pub fn new(case: &LstmCase) -> Self {
        let c = &case.model.config;
        let net = lstm_create(
            c.input_size as u32,
            c.hidden_size as u32,
            c.output_size as u32,
            &Float64Array::from(&case.parameters()[..]),
        );
        Self {
            net,
            inputs: Float64Array::from(&case.flat_inputs()[..]),
            steps: case.inputs.len() as u32,
        }
    }

    /// One forward pass: every `h_t`, then every step's probabilities.
    pub fn run(&self) -> Vec<f64> {
        lstm_forward(&self.net, &self.inputs, self.steps).to_vec()
    }

    /// One forward pass, its result left in JavaScript (what is timed).
    pub fn run_in_js(&self) -> f64 {
        f64::from(lstm_forward(&self.net, &self.inputs, self.steps).length())
    }
}

/// TensorFlow Playground's colours: orange −1, grey 0, blue +1.
const PLAYGROUND_COLOURS: Diverging = Diverging {
    negative: [0xf5, 0x93, 0x22],
    paper: [0xe8, 0xea, 0xeb],
    positive: [0x08, 0x77, 0xbd],
};

/// The project's heat maps for a [`PlaygroundCase`]: the output over the whole grid and
/// one 10×10 picture per unit (and input), each put on its own canvas, coloured through a
/// [`ColourRamp`] (a table lookup per pixel) in TensorFlow Playground's colours.
#[derive(Debug)]
pub struct HeatMaps {
    ramp: ColourRamp,
    main: CanvasRenderingContext2d,
    thumbs: Vec<CanvasRenderingContext2d>,
    pixels: Vec<u8>,
    reduced: Vec<f32>,
}

fn context(side: usize) -> Option<CanvasRenderingContext2d> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(side as u32);
    canvas.set_height(side as u32);
    document.body()?.append_child(&canvas).ok()?;
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

impl HeatMaps {
    /// Canvases for `case`'s grid and every unit; `None` outside a page.
    pub fn new(case: &PlaygroundCase) -> Option<Self> {
        let units: usize = case.mlp.shape().iter().sum();
        Some(Self {
            ramp: ColourRamp::new(-1.0, 1.0, |t| PLAYGROUND_COLOURS.colour(t, 1.0)),
            main: context(case.grid.n())?,
            thumbs: (0..units)
                .map(|_| context(case.grid.n() / 10))
                .collect::<Option<_>>()?,
            pixels: Vec::new(),
            reduced: Vec::new(),
        })
    }

    /// Paints `case`'s evaluated grid.
    pub fn paint(&mut self, case: &PlaygroundCase) {
        let n = case.grid.n();
        let whole = |side: usize| Rect::new(0, 0, side, side);
        self.ramp
            .paint_region(case.grid.output(), n, whole(n), 1.0, &mut self.pixels);
        put(&self.main, &self.pixels, n);
        let shape = case.mlp.shape();
        let planes = (0..shape[0]).map(|k| case.grid.input(k)).chain(
            shape[1..]
                .iter()
                .enumerate()
                .flat_map(|(l, &units)| (0..units).map(move |u| case.grid.unit(l, u))),
        );
        for (plane, ctx) in planes.zip(&self.thumbs) {
            reduce(plane, n, 10, &mut self.reduced);
            self.ramp
                .paint_region(&self.reduced, n / 10, whole(n / 10), 1.0, &mut self.pixels);
            put(ctx, &self.pixels, n / 10);
        }
    }
}

/// The mean of every `factor × factor` block of an `n × n` plane.
fn reduce(plane: &[f32], n: usize, factor: usize, out: &mut Vec<f32>) {
    let m = n / factor;
    out.clear();
    out.resize(m * m, 0.0);
    for (y, row) in plane.chunks_exact(n).enumerate().take(m * factor) {
        let target = &mut out[(y / factor) * m..][..m];
        for (t, block) in target.iter_mut().zip(row.chunks_exact(factor)) {
            *t += block.iter().sum::<f32>();
        }
    }
    let scale = 1.0 / (factor * factor) as f32;
    out.iter_mut().for_each(|v| *v *= scale);
}

fn put(ctx: &CanvasRenderingContext2d, pixels: &[u8], side: usize) {
    if let Ok(image) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(pixels), side as u32, side as u32)
    {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}
