//! The loss curve of the phase and the accuracy race, pretrained vs random init.

use std::rc::Rc;

use nnp_core::deep::Phase;
use yew::prelude::*;

use super::model::Model;
use super::text::{count, fill, percent};
use crate::i18n::deep::DeepTexts;
use crate::widgets::{LineChart, Series};

const PRETRAINED: (u8, u8, u8) = (31, 94, 196);
const RANDOM: (u8, u8, u8) = (214, 96, 0);

fn x_range(series: &[Series]) -> (f64, f64) {
    let last = series
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.0))
        .fold(1.0, f64::max);
    (0.0, last)
}

fn y_max(series: &[Series]) -> f64 {
    let top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    if top > 0.0 { top * 1.08 } else { 1.0 }
}

/// Reconstruction loss while pretraining; both nets' cross-entropy while fine-tuning.
pub fn loss_chart(t: &'static DeepTexts, m: &Model) -> Html {
    let (title, series) = match m.phase() {
        Phase::Pretrain { layer } => (
            fill(t.loss_title, &[&(layer + 1).to_string()]),
            vec![Series {
                label: t.batch_loss,
                color: PRETRAINED,
                dashed: false,
                points: m.pretrain_curve(layer),
            }],
        ),
        Phase::FineTune => {
            let [pre, random] = m.fine_tune_curves();
            (
                t.loss_fine_title.to_owned(),
                vec![
                    Series {
                        label: t.pretrained,
                        color: PRETRAINED,
                        dashed: false,
                        points: pre,
                    },
                    Series {
                        label: t.random_init,
                        color: RANDOM,
                        dashed: true,
                        points: random,
                    },
                ],
            )
        }
    };
    let empty = series.iter().all(|s| s.points.is_empty());
    let (x, y) = (x_range(&series), (0.0, y_max(&series)));
    html! {
        <section class="deep-panel deep-loss">
            <h2>{ title.clone() }</h2>
            if empty {
                <p class="deep-empty">{ t.no_steps }</p>
            } else {
                <LineChart series={Rc::new(series)} x_range={x} y_range={y} width={420}
                           height={240} description={AttrValue::from(title)} />
            }
            <p class="deep-hint">{ t.loss_axes }</p>
        </section>
    }
}

/// Held-out accuracy of both nets over the fine-tuning steps.
pub fn accuracy_chart(t: &'static DeepTexts, m: &Model) -> Html {
    let body = if m.phase() == Phase::FineTune {
        let [pre, random] = m.accuracy_curves();
        let series = vec![
            Series {
                label: t.pretrained,
                color: PRETRAINED,
                dashed: false,
                points: pre,
            },
            Series {
                label: t.random_init,
                color: RANDOM,
                dashed: true,
                points: random,
            },
        ];
        let x = x_range(&series);
        let last = m.evaluations().last().copied();
        html! {
            <>
                <LineChart series={Rc::new(series)} x_range={(x.0, x.1.max(10.0))}
                           y_range={(0.0, 100.0)} width={420} height={240}
                           description={AttrValue::from(t.accuracy_title)} />
                if let Some(e) = last {
                    <p class="deep-readout deep-accuracy">
                        { fill(t.accuracy_readout, &[&count(e.step),
                            &percent(e.pretrained_accuracy), &percent(e.baseline_accuracy)]) }
                    </p>
                }
                <p class="deep-hint">{ t.accuracy_axes }</p>
            </>
        }
    } else {
        html! { <p class="deep-empty">{ t.accuracy_waiting }</p> }
    };
    html! {
        <section class="deep-panel deep-race">
            <h2>{ t.accuracy_title }</h2>
            { body }
        </section>
    }
}
