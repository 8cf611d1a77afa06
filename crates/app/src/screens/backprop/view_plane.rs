//! The plane of car positions: the output's verdict as the background, stripes where h1
//! and h2 fire, the true boundary, the table's examples; and the training loss chart.

use std::rc::Rc;

use nnp_core::graph::{CarExample, CarOutput};

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::format::{self, num};
use super::model::{Model, PLANE_HIGH, PLANE_LOW};
use crate::i18n::backprop::BackpropTexts;
use crate::widgets::{LineChart, Series};

/// Samples per side of the plane.
pub const SAMPLES: usize = 64;
const SIZE: f64 = 200.0;
const LEFT: f64 = 22.0;
const TOP: f64 = 10.0;
// The site's colour language: safe is class +1 (light blue), dangerous class −1 (light
// orange); the hidden units' stripes are ink and purple, which mean no class.
const SAFE: [u8; 3] = [198, 225, 242];
const DANGER: [u8; 3] = [253, 222, 186];
const H1: [u8; 3] = [27, 35, 48];
const H2: [u8; 3] = [84, 39, 143];
const LOSS_COLOUR: (u8, u8, u8) = (31, 94, 196);

/// Props of [`Plane`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PlaneProps {
    /// The network over the plane, row-major from [`Model::plane`].
    pub outputs: Rc<Vec<CarOutput>>,
    /// The example in the graph, ringed.
    pub example: CarExample,
    /// Strings.
    pub texts: &'static BackpropTexts,
}

/// The plane, redrawn only when the outputs change.
#[component]
pub fn Plane(props: &PlaneProps) -> Html {
    let t = props.texts;
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.outputs.clone(), move |outputs| {
            if let Some(canvas) = canvas.cast::<HtmlCanvasElement>() {
                // Nothing to recover from: a canvas without a 2-D context stays blank.
                let _ = paint(&canvas, outputs);
            }
        });
    }
    let (width, height) = (LEFT + SIZE + 10.0, TOP + SIZE + 30.0);
    let percent = |part: f64, whole: f64| format!("{:.3}%", 100.0 * part / whole);
    let canvas_style = format!(
        "left:{};top:{};width:{};height:{}",
        percent(LEFT, width),
        percent(TOP, height),
        percent(SIZE, width),
        percent(SIZE, height)
    );
    let to_x = |x1: f64| LEFT + (x1 - PLANE_LOW) / (PLANE_HIGH - PLANE_LOW) * SIZE;
    let to_y = |x2: f64| TOP + (PLANE_HIGH - x2) / (PLANE_HIGH - PLANE_LOW) * SIZE;
    let ticks = (PLANE_LOW as i32..=PLANE_HIGH as i32).map(|k| {
        let v = f64::from(k);
        html! {
            <>
                <text class="bp-tick" x={to_x(v).to_string()} y={(TOP + SIZE + 11.0).to_string()}>
                    { format::plain(v) }</text>
                <text class="bp-tick bp-tick-y" x={(LEFT - 4.0).to_string()} y={(to_y(v) + 3.0).to_string()}>
                    { format::plain(v) }</text>
            </>
        }
    });
    let boundary = |a: (f64, f64), b: (f64, f64)| {
        html! {
            <line class="bp-truth" x1={to_x(a.0).to_string()} y1={to_y(a.1).to_string()}
                  x2={to_x(b.0).to_string()} y2={to_y(b.1).to_string()} />
        }
    };
    let points = CarExample::lecture_table().into_iter().map(|e| {
        let class = if e.y > 0.0 { "bp-point bp-point-safe" } else { "bp-point bp-point-danger" };
        html! { <circle {class} cx={to_x(e.x[0]).to_string()} cy={to_y(e.x[1]).to_string()} r="4" /> }
    });
    let e = props.example;
    let inside = |v: f64| (PLANE_LOW..=PLANE_HIGH).contains(&v);
    let current = (inside(e.x[0]) && inside(e.x[1])).then(|| {
        html! { <circle class="bp-point-current" cx={to_x(e.x[0]).to_string()} cy={to_y(e.x[1]).to_string()} r="8" /> }
    });
    html! {
        <figure class="bp-plane">
            <h2>{ t.plane_heading }</h2>
            <div class="bp-plane-stack">
            <canvas ref={canvas} class="bp-plane-canvas" style={canvas_style}
                    width={SAMPLES.to_string()} height={SAMPLES.to_string()} />
            <svg class="bp-plane-svg" viewBox={format!("0 0 {width} {height}")}
                 role="img" aria-label={t.plane_label}>
                <rect class="bp-plane-frame" x={LEFT.to_string()} y={TOP.to_string()}
                      width={SIZE.to_string()} height={SIZE.to_string()} />
                { boundary((0.0, -1.0), (4.0, 3.0)) }
                { boundary((-1.0, 0.0), (3.0, 4.0)) }
                { for points }
                { for current }
                { for ticks }
                <text class="bp-axis" x={(LEFT + SIZE / 2.0).to_string()} y={(TOP + SIZE + 24.0).to_string()}>{ "x1" }</text>
                <text class="bp-axis" x="7" y={(TOP + SIZE / 2.0).to_string()}>{ "x2" }</text>
            </svg>
            </div>
            <figcaption class="bp-plane-legend">
                <span class="bp-key bp-key-h1">{ t.plane_h1 }</span>
                <span class="bp-key bp-key-h2">{ t.plane_h2 }</span>
                <span class="bp-key bp-key-safe">{ t.plane_safe }</span>
                <span class="bp-key bp-key-danger">{ t.plane_danger }</span>
                <span class="bp-key bp-key-truth">{ t.plane_truth }</span>
            </figcaption>
        </figure>
    }
}

/// Paints the outputs into the plane's canvas, one pixel per sample (x2 grows upwards).
fn paint(canvas: &HtmlCanvasElement, outputs: &[CarOutput]) -> Option<()> {
    let n = SAMPLES;
    if outputs.len() != n * n {
        return None;
    }
    let mut rgba = vec![255u8; n * n * 4];
    for row in 0..n {
        for col in 0..n {
            let out = &outputs[(n - 1 - row) * n + col];
            let stripe1 = out.h1 >= 0.5 && (col + row).is_multiple_of(4);
            let stripe2 = out.h2 >= 0.5 && (col + n - row).is_multiple_of(4);
            let colour = match (stripe1, stripe2) {
                (true, _) => H1,
                (_, true) => H2,
                _ if out.label() > 0.0 => SAFE,
                _ => DANGER,
            };
            let at = (row * n + col) * 4;
            rgba[at..at + 3].copy_from_slice(&colour);
        }
    }
    crate::widgets::canvas::blit(canvas, &rgba, n, n, (0, 0));
    Some(())
}

/// The mean loss per epoch since the weights were last set, and the accuracy.
pub fn history(model: &Model, t: &'static BackpropTexts) -> Html {
    if model.history.is_empty() {
        return html! {
            <section class="bp-history"><h2>{ t.history_heading }</h2>
                <p class="bp-hint">{ t.history_empty }</p></section>
        };
    }
    let points: Vec<(f64, f64)> = model
        .history
        .iter()
        .enumerate()
        .map(|(k, l)| ((k + 1) as f64, *l))
        .collect();
    let top = model.history.iter().copied().fold(0.0, f64::max).max(1e-3) * 1.05;
    let series = Rc::new(vec![Series {
        label: t.history_series,
        color: LOSS_COLOUR,
        dashed: false,
        points,
    }]);
    let epochs = model.history.len() as f64;
    html! {
        <section class="bp-history">
            <h2>{ t.history_heading }</h2>
            <LineChart {series} x_range={(1.0, epochs.max(2.0))} y_range={(0.0, top)}
                       width={320} height={170} description={AttrValue::from(t.history_heading)} />
            <p class="bp-accuracy">
                { format!("{}{} % · {} = {}", t.accuracy, num(100.0 * model.accuracy()), t.history_series,
                          num(model.history.last().copied().unwrap_or(f64::NAN))) }
            </p>
        </section>
    }
}
