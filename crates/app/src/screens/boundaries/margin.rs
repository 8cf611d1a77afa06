//! The losses over the margin `m = y·h(x)` (lecture §4): squared, hinge and logistic, with
//! the chosen loss's slope, and the training points' margins marked on the chosen loss,
//! live while the network trains.

use std::rc::Rc;

use nnp_core::loss::Loss;
use yew::prelude::*;

use super::model::Model;
use crate::i18n::boundaries::BoundariesTexts;
use crate::widgets::colours::BLUE_ORANGE;
use crate::widgets::line_chart::{LineChart, Series};

/// The margins drawn: `[−MARGIN_SPAN, MARGIN_SPAN]`.
const MARGIN_SPAN: f64 = 3.0;
/// The largest loss drawn.
const LOSS_TOP: f64 = 4.0;
/// The lowest value drawn (slopes go below 0).
const SLOPE_BOTTOM: f64 = -2.0;
/// At most this many training points are marked (evenly picked), so a large set stays fast.
const MARKED_POINTS: usize = 200;
/// Samples per curve.
const SAMPLES: usize = 121;

/// The chosen loss's formula in the margin (labels ±1, so `(s − y)² = (1 − m)²`).
fn formula_in_margin(loss: Loss) -> &'static str {
    match loss {
        Loss::Squared => "(1 − m)²",
        Loss::Hinge => "max{1 − m, 0}",
        Loss::Logistic => "log(1 + e^(−m))",
    }
}

/// The curves' colours (none of them blue or orange, which mean the classes).
const CURVE_COLOURS: [(u8, u8, u8); 3] = [(27, 35, 48), (130, 60, 170), (20, 140, 110)];

fn rgb([r, g, b]: [u8; 3]) -> (u8, u8, u8) {
    (r, g, b)
}

/// The curve `f(m)` over the drawn margins, cut at the top of the chart.
fn curve(f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..SAMPLES)
        .map(|k| -MARGIN_SPAN + 2.0 * MARGIN_SPAN * k as f64 / (SAMPLES - 1) as f64)
        .map(|m| (m, f(m)))
        .filter(|(_, v)| (SLOPE_BOTTOM..=LOSS_TOP).contains(v))
        .collect()
}

/// The panel: the chart, then the chosen loss's formula and its slope in the margin.
pub fn view(m: &Model, t: &'static BoundariesTexts) -> Html {
    let chosen = m.loss;
    let names = [t.margin_squared, t.margin_hinge, t.margin_logistic];
    let mut series: Vec<Series> = Loss::ALL
        .iter()
        .zip(names)
        .zip(CURVE_COLOURS)
        .map(|((&loss, label), color)| Series {
            label,
            color,
            dashed: loss != chosen,
            points: curve(|margin| loss.value(margin, 1.0)),
        })
        .collect();
    series.push(Series {
        label: t.margin_slope,
        color: (200, 40, 40),
        dashed: true,
        // d loss / d m for y = +1 is the derivative in the score.
        points: curve(|margin| chosen.derivative(margin, 1.0)),
    });
    let margins = m.training_margins(MARKED_POINTS);
    let dots = |label: f64, text: &'static str, colour: [u8; 3]| Series {
        label: text,
        color: rgb(colour),
        dashed: false,
        points: margins
            .iter()
            .filter(|(_, y)| *y == label)
            .map(|(margin, _)| {
                let shown = margin.clamp(-MARGIN_SPAN, MARGIN_SPAN);
                (shown, chosen.value(*margin, 1.0).min(LOSS_TOP))
            })
            .collect(),
    };
    let scatter = Rc::new(vec![
        dots(1.0, t.margin_points_positive, BLUE_ORANGE.positive),
        dots(-1.0, t.margin_points_negative, BLUE_ORANGE.negative),
    ]);
    html! {
        <section class="bd-margin">
            <h3>{ t.margin_heading }</h3>
            <LineChart series={Rc::new(series)} scatter={scatter}
                       x_range={(-MARGIN_SPAN, MARGIN_SPAN)} y_range={(SLOPE_BOTTOM, LOSS_TOP)}
                       width={360} height={220}
                       description={AttrValue::from(t.margin_description)} />
            <p class="bd-margin-formula">
                <code>{ format!("m = y·h(x),  {} = {} = {}", t.margin_loss_symbol, chosen.formula(),
                                formula_in_margin(chosen)) }</code>
            </p>
            <p class="bd-hint">{ t.margin_hint }</p>
        </section>
    }
}
