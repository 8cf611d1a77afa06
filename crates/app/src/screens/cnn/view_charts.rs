//! The loss curve and the train and test accuracy curves.

use std::rc::Rc;

use yew::prelude::*;

use super::model::Model;
use crate::i18n::cnn::CnnTexts;
use crate::widgets::{LineChart, Series};

const LOSS: (u8, u8, u8) = (22, 35, 64);
const TRAIN: (u8, u8, u8) = (8, 119, 189);
const TEST: (u8, u8, u8) = (214, 96, 0);
/// Longest curve handed to a chart.
const CHART_POINTS: usize = 300;

/// Mini-batch cross-entropy over the updates.
pub fn loss_chart(t: &'static CnnTexts, m: &Model) -> Html {
    let points = m.loss_curve(CHART_POINTS);
    let top = points
        .iter()
        .map(|p| p.1)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let right = points.last().map_or(1.0, |p| p.0.max(1.0));
    let empty = points.is_empty();
    let series = Rc::new(vec![Series {
        label: t.batch_loss,
        color: LOSS,
        dashed: false,
        points,
    }]);
    html! {
        <section class="cnn-panel cnn-loss">
            <h2>{ t.loss_title }</h2>
            if empty {
                <p class="cnn-empty">{ t.no_steps }</p>
            } else {
                <LineChart series={series} x_range={(0.0, right)}
                           y_range={(0.0, if top > 0.0 { top * 1.08 } else { 1.0 })}
                           width={420} height={220} description={AttrValue::from(t.loss_title)} />
            }
            <p class="cnn-hint">{ t.loss_axes }</p>
        </section>
    }
}

/// Train and test accuracy (in %) at each epoch's end.
pub fn accuracy_chart(t: &'static CnnTexts, m: &Model) -> Html {
    let acc = m.accuracies();
    let curve = |f: fn(&super::model::Accuracy) -> f32| {
        acc.iter()
            .map(|a| (a.epoch as f64, 100.0 * f64::from(f(a))))
            .collect::<Vec<_>>()
    };
    let right = acc.last().map_or(1.0, |a| (a.epoch as f64).max(1.0));
    let series = Rc::new(vec![
        Series {
            label: t.train_accuracy,
            color: TRAIN,
            dashed: false,
            points: curve(|a| a.train),
        },
        Series {
            label: t.test_accuracy,
            color: TEST,
            dashed: true,
            points: curve(|a| a.test),
        },
    ]);
    html! {
        <section class="cnn-panel cnn-accuracy">
            <h2>{ t.accuracy_title }</h2>
            <LineChart series={series} x_range={(0.0, right)} y_range={(0.0, 100.0)}
                       width={420} height={220} description={AttrValue::from(t.accuracy_title)} />
            <p class="cnn-hint">{ t.accuracy_axes }</p>
        </section>
    }
}
