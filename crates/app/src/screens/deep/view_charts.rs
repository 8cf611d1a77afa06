//! The loss curve of the phase and the accuracy race, pretrained vs random init: test and
//! training accuracy of both nets over the fine-tuning steps on a log-scaled axis (the
//! nets part in the first steps), and each net's result with stable hooks for tests
//! (`data-variant`, `data-accuracy`, `data-updates`).

use std::rc::Rc;

use nnp_core::deep::{Evaluation, Phase};
use yew::prelude::*;

use super::model::Model;
use super::text::{count, fill, percent};
use crate::i18n::deep::DeepTexts;
use crate::widgets::{LineChart, Series};

const PRETRAINED: (u8, u8, u8) = (31, 94, 196);
const RANDOM: (u8, u8, u8) = (214, 96, 0);
/// Lighter tints of the same two colours for the accuracy on the labelled training set.
const PRETRAINED_TRAIN: (u8, u8, u8) = (140, 178, 232);
const RANDOM_TRAIN: (u8, u8, u8) = (240, 180, 120);

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
    let log_x = m.phase() == Phase::FineTune;
    let (x, y) = (x_range(&series), (0.0, y_max(&series)));
    let x = if log_x { (1.0, x.1.max(10.0)) } else { x };
    html! {
        <section class="deep-panel deep-loss">
            <h2>{ title.clone() }</h2>
            if empty {
                <p class="deep-empty">{ t.no_steps }</p>
            } else {
                <LineChart series={Rc::new(series)} x_range={x} y_range={y} width={420}
                           height={240} description={AttrValue::from(title)} {log_x} />
            }
            <p class="deep-hint">{ if log_x { t.loss_axes_log } else { t.loss_axes } }</p>
        </section>
    }
}

/// One net's result at its last measurement, with the hooks tests read.
fn result(variant: &'static str, label: String, accuracy: f64, updates: usize) -> Html {
    html! {
        <span class="deep-result" data-variant={variant}
              data-accuracy={accuracy.to_string()} data-updates={updates.to_string()}>
            { label }
        </span>
    }
}

/// Who is ahead at the budget, in points of test accuracy.
fn verdict(t: &DeepTexts, e: &Evaluation) -> String {
    let points = 100.0 * (e.pretrained_accuracy - e.baseline_accuracy);
    let gap = format!("{:.1}", points.abs());
    let steps = count(e.step);
    if points >= 0.05 {
        fill(t.verdict_pretrained, &[&gap, &steps])
    } else if points <= -0.05 {
        fill(t.verdict_random, &[&gap, &steps])
    } else {
        fill(t.verdict_tie, &[&steps])
    }
}

/// Why pretraining matters here, and when it does not.
fn why(t: &DeepTexts, m: &Model) -> Html {
    let shallow = m.config.hidden.len() <= 2;
    let one_label = m.config.labels_per_class == 1;
    html! {
        <>
            <p class="deep-why">{ t.why_regime }</p>
            if shallow {
                <p class="deep-why deep-why-shallow">{ t.why_shallow }</p>
            }
            if one_label {
                <p class="deep-why deep-why-one-label">{ t.why_one_label }</p>
            }
        </>
    }
}

/// Test and training accuracy of both nets over the fine-tuning steps (log-scaled), the
/// two results and, at the budget, who won.
pub fn accuracy_chart(t: &'static DeepTexts, m: &Model) -> Html {
    let body = if m.phase() == Phase::FineTune {
        let [pre, random, pre_train, random_train] = m.accuracy_curves();
        let series = vec![
            Series {
                label: t.pretrained_test,
                color: PRETRAINED,
                dashed: false,
                points: pre,
            },
            Series {
                label: t.random_test,
                color: RANDOM,
                dashed: true,
                points: random,
            },
            Series {
                label: t.pretrained_train,
                color: PRETRAINED_TRAIN,
                dashed: false,
                points: pre_train,
            },
            Series {
                label: t.random_train,
                color: RANDOM_TRAIN,
                dashed: true,
                points: random_train,
            },
        ];
        let budget = m.trainer().map_or(1, |tr| tr.budget()) as f64;
        let last = m.evaluations().last().copied();
        html! {
            <>
                <LineChart series={Rc::new(series)} x_range={(1.0, budget.max(10.0))}
                           y_range={(0.0, 100.0)} width={420} height={240} log_x=true
                           description={AttrValue::from(t.accuracy_title)} />
                if let Some(e) = last {
                    <p class="deep-readout deep-accuracy">
                        { fill(t.accuracy_after, &[&count(e.step)]) }
                        { result("pretrained", fill(t.result_pretrained,
                                 &[&percent(e.pretrained_accuracy)]),
                                 e.pretrained_accuracy, e.step) }
                        { " · " }
                        { result("random", fill(t.result_random,
                                 &[&percent(e.baseline_accuracy)]),
                                 e.baseline_accuracy, e.step) }
                    </p>
                    <p class="deep-readout deep-train-accuracy">
                        { fill(t.train_readout, &[&count(m.trainer().map_or(0, |tr| tr.labels_used())),
                            &percent(e.pretrained_train_accuracy),
                            &percent(e.baseline_train_accuracy)]) }
                    </p>
                    if m.finished() {
                        <p class="deep-readout deep-verdict">{ verdict(t, &e) }</p>
                    }
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
            { why(t, m) }
        </section>
    }
}
