//! The lecture's §1 in one dimension: a hypothesis class is every `W·φ(x)` sharing one φ,
//! and its best member is a least-squares fit. Two examples: `[x]` vs `[x, x²]` on parabola
//! data, and health from body temperature with `[1, T]`, `[1, T, T²]`, `[1, (T − 37)²]`.

use std::rc::Rc;

use nnp_core::features::{Fit1d, HEALTH, HypothesisClass1d, TEMPERATURES, fit_1d, parabola_data};
use yew::prelude::*;

use crate::i18n::boundaries::BoundariesTexts;
use crate::widgets::{LineChart, Series};

const COLOURS: [(u8, u8, u8); 3] = [(31, 94, 196), (214, 96, 0), (46, 158, 79)];
const DATA_COLOUR: (u8, u8, u8) = (40, 44, 52);
const POINTS: usize = 21;
const NOISE: f64 = 0.3;

/// Props of [`Hypothesis`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HypothesisProps {
    /// Strings.
    pub texts: &'static BoundariesTexts,
}

/// One example: data, the classes compared and their fits.
struct Example {
    xs: Vec<f64>,
    ys: Vec<f64>,
    range: (f64, f64),
    classes: Vec<(HypothesisClass1d, &'static str)>,
}

impl Example {
    fn fits(&self) -> Vec<Fit1d> {
        self.classes
            .iter()
            .map(|(class, _)| fit_1d(&class.basis(), &self.xs, &self.ys, self.range, 60))
            .collect()
    }
}

/// The panel.
#[component]
pub fn Hypothesis(props: &HypothesisProps) -> Html {
    let t = props.texts;
    let seed = use_state_eq(|| 1u64);
    let (xs, ys) = parabola_data(POINTS, NOISE, *seed);
    let parabola = Example {
        xs,
        ys,
        range: (-2.2, 2.2),
        classes: vec![
            (HypothesisClass1d::Linear, "φ(x) = [x]"),
            (HypothesisClass1d::Quadratic, "φ(x) = [x, x²]"),
        ],
    };
    let temperature = Example {
        xs: TEMPERATURES.to_vec(),
        ys: HEALTH.to_vec(),
        range: (35.0, 41.0),
        classes: vec![
            (HypothesisClass1d::TemperatureLinear, "φ(T) = [1, T]"),
            (HypothesisClass1d::TemperatureQuadratic, "φ(T) = [1, T, T²]"),
            (
                HypothesisClass1d::TemperatureExpert,
                "φ(T) = [1, (T − 37)²]",
            ),
        ],
    };
    let temperature_fits = temperature.fits();
    // The general recipe's parabola w0 + w1 T + w2 T² peaks at T = −w1 / (2 w2).
    let peak = match temperature_fits[1].weights[..] {
        [_, w1, w2] if w2 != 0.0 => format!("{:.1}", -w1 / (2.0 * w2)),
        _ => "—".into(),
    };
    let new_data = {
        let seed = seed.clone();
        Callback::from(move |_: MouseEvent| seed.set(seed.wrapping_add(1)))
    };
    html! {
        <section class="bd-hypothesis" aria-labelledby="bd-hypothesis-title">
            <h2 id="bd-hypothesis-title">{ t.hyp_title }</h2>
            <p class="bd-hint">{ t.hyp_intro }</p>
            <div class="bd-hypothesis-grid">
                <figure class="bd-hyp-example bd-hyp-parabola">
                    <figcaption>
                        <strong>{ t.hyp_parabola }</strong>
                        <button class="bd-hyp-new" onclick={new_data}>{ "⟳ " }{ t.hyp_new_data }</button>
                    </figcaption>
                    { chart(&parabola, &parabola.fits(), t) }
                    { table(&parabola, &parabola.fits(), t) }
                    <p class="bd-hint">{ t.hyp_parabola_note }</p>
                </figure>
                <figure class="bd-hyp-example bd-hyp-temperature">
                    <figcaption><strong>{ t.hyp_temperature }</strong></figcaption>
                    { chart(&temperature, &temperature_fits, t) }
                    { table(&temperature, &temperature_fits, t) }
                    <p class="bd-hint">{ t.hyp_temperature_note.replace("{peak}", &peak) }</p>
                </figure>
            </div>
        </section>
    }
}

fn chart(example: &Example, fits: &[Fit1d], t: &'static BoundariesTexts) -> Html {
    let series: Vec<Series> = example
        .classes
        .iter()
        .zip(fits)
        .zip(COLOURS)
        .map(|(((_, label), fit), color)| Series {
            label,
            color,
            dashed: false,
            points: fit.curve.clone(),
        })
        .collect();
    let scatter = vec![Series {
        label: t.hyp_data,
        color: DATA_COLOUR,
        dashed: false,
        points: example
            .xs
            .iter()
            .copied()
            .zip(example.ys.iter().copied())
            .collect(),
    }];
    let all_y = example
        .ys
        .iter()
        .chain(fits.iter().flat_map(|f| f.curve.iter().map(|p| &p.1)));
    let (lo, hi) = all_y.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(*y), hi.max(*y))
    });
    let pad = 0.1 * (hi - lo).max(1e-3);
    html! {
        <LineChart series={Rc::new(series)} scatter={Rc::new(scatter)} x_range={example.range}
                   y_range={(lo - pad, hi + pad)} width={360} height={230}
                   description={AttrValue::from(t.hyp_title)} />
    }
}

fn table(example: &Example, fits: &[Fit1d], t: &'static BoundariesTexts) -> Html {
    let rows = example.classes.iter().zip(fits).map(|((_, label), fit)| {
        let weights: Vec<String> = fit.weights.iter().map(|w| format!("{w:.3}")).collect();
        html! {
            <tr>
                <td>{ *label }</td>
                <td class="bd-hyp-weights">{ format!("[{}]", weights.join(", ")) }</td>
                <td class="bd-hyp-error">{ format!("{:.4}", fit.error) }</td>
            </tr>
        }
    });
    html! {
        <table class="bd-hyp-table">
            <thead><tr>
                <th scope="col">{ t.hyp_class }</th>
                <th scope="col">{ t.hyp_weights }</th>
                <th scope="col">{ t.hyp_error }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
