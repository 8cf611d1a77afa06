//! What the screen reports: notices, loss and accuracy, the loss curve, the point probe.

use std::rc::Rc;

use yew::prelude::*;

use super::Msg;
use super::draw::class_colour;
use super::model::{Model, Notice};
use crate::i18n::boundaries::BoundariesTexts;
use crate::i18n::{Texts, fill};
use crate::weights_file;
use crate::widgets::{LineChart, Series};

const TRAIN_COLOUR: (u8, u8, u8) = (27, 35, 48);
const TEST_COLOUR: (u8, u8, u8) = (120, 130, 145);

/// The current notice, if any, with a dismiss button.
pub fn view_notice(m: &Model, texts: &'static Texts, send: &Callback<Msg>) -> Html {
    let t = texts.boundaries_ui;
    let Some(notice) = &m.notice else {
        return Html::default();
    };
    let (text, error) = match notice {
        Notice::Diverged {
            epoch,
            learning_rate,
        } => (
            t.diverged
                .replace("{epoch}", &epoch.to_string())
                .replace("{rate}", &learning_rate.to_string()),
            true,
        ),
        Notice::SignCannotTrain => (t.sign_cannot_train.to_string(), true),
        Notice::NoPoints => (t.no_points.to_string(), true),
        Notice::EmptyPhi => (t.empty_phi.to_string(), true),
        Notice::OneAdded => (t.one_added.to_string(), false),
        Notice::LinkPartlyRead(keys) => {
            (t.link_partly_read.replace("{keys}", &keys.join(", ")), true)
        }
        Notice::LinkWithoutPoints => (t.link_without_points.to_string(), false),
        Notice::LinkWithoutWeights => (t.link_without_weights.to_string(), false),
        Notice::TooManyPoints => (
            t.too_many_points
                .replace("{max}", &super::model::MAX_POINTS.to_string()),
            true,
        ),
        Notice::SavedPartlyRead(keys) => (
            t.saved_partly_read.replace("{keys}", &keys.join(", ")),
            true,
        ),
        Notice::CsvImported(n) => (t.csv_imported.replace("{n}", &n.to_string()), false),
        Notice::CsvRefused(error) => (t.csv_words.say_csv(error), true),
        Notice::CsvUnreadable => (t.csv_unreadable.to_string(), true),
        Notice::WeightsOpened => (weights_file::say(texts, &Ok(())), false),
        Notice::WeightsRefused(error) => (weights_file::say(texts, &Err(error.clone())), true),
    };
    let class = if error { "notice-error" } else { "notice-info" };
    html! {
        <div class={classes!("notice", "bd-notice", class)} role={if error { "alert" } else { "status" }}>
            <span class="bd-notice-text">{ text }</span>
            <button class="bd-dismiss" onclick={send.reform(|_| Msg::Dismiss)}>{ t.dismiss }</button>
        </div>
    }
}

/// While a shared run is replayed: how far it is.
pub fn view_replay(m: &Model, t: &'static BoundariesTexts) -> Html {
    let Some(target) = m.replay_to else {
        return Html::default();
    };
    let mut text = t
        .replaying
        .replace("{epoch}", &m.epoch.to_string())
        .replace("{target}", &target.to_string());
    if let Some(seconds) = m.replay_seconds_left {
        text.push_str(&fill(
            t.replay_time_left,
            &[&duration(seconds, t.duration_units)],
        ));
    }
    html! { <div class="notice notice-info bd-replay" role="status">{ text }</div> }
}

/// A duration rounded the way a person says it: `40 s`, `12 min`, `9 h 5 min`.
pub fn duration(seconds: f64, [s, min, h]: [&str; 3]) -> String {
    let seconds = seconds.max(1.0).round() as u64;
    match seconds {
        0..60 => format!("{seconds} {s}"),
        60..3600 => format!("{} {min}", seconds.div_ceil(60)),
        _ => {
            let minutes = seconds.div_ceil(60);
            format!("{} {h} {} {min}", minutes / 60, minutes % 60)
        }
    }
}

/// Beside the epoch count while an epoch spread over frames is under way.
pub fn view_epoch_part(m: &Model, t: &'static BoundariesTexts) -> Html {
    match m.epoch_progress() {
        Some((done, of)) if done > 0 && of > 0 => {
            let part = format!("{:.0} %", 100.0 * done as f64 / of as f64);
            html! { <span class="bd-epoch-part">{ fill(t.epoch_part, &[&part]) }</span> }
        }
        _ => Html::default(),
    }
}

fn percent(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

fn number(v: f64) -> String {
    if v.abs() >= 1000.0 {
        format!("{v:.3e}")
    } else {
        format!("{v:.3}")
    }
}

/// Training and test loss and accuracy.
pub fn view_metrics(m: &Model, t: &'static BoundariesTexts) -> Html {
    let cell = |label: &'static str, value: String, class: &'static str| {
        html! {
            <div class={classes!("bd-metric", class)}>
                <span>{ label }</span><output>{ value }</output>
            </div>
        }
    };
    // A set without points has nothing to measure: "—", not 0.
    let (has_train, has_test) = (!m.train.points.is_empty(), !m.test.points.is_empty());
    let or_dash = |has: bool, text: String| if has { text } else { "—".to_string() };
    html! {
        <div class="bd-metrics">
            { cell(t.train_loss, or_dash(has_train, number(m.train_metrics.loss)), "train-loss") }
            { cell(t.test_loss, or_dash(has_test, number(m.test_metrics.loss)), "test-loss") }
            { cell(t.train_accuracy, or_dash(has_train, percent(m.train_metrics.accuracy)), "train-accuracy") }
            { cell(t.test_accuracy, or_dash(has_test, percent(m.test_metrics.accuracy)), "test-accuracy") }
        </div>
    }
}

/// How long the last training frame took: the whole frame must fit 16 ms for 60 fps.
pub fn view_frame_time(m: &Model, t: &'static BoundariesTexts) -> Html {
    let Some((training, drawing)) = m.frame_ms else {
        return Html::default();
    };
    let text = t
        .frame_time
        .replace("{total}", &format!("{:.1}", training + drawing))
        .replace("{training}", &format!("{training:.1}"))
        .replace("{drawing}", &format!("{drawing:.1}"));
    html! { <p class="bd-frame-time bd-hint">{ text }</p> }
}

/// Training and test loss per epoch, and beside it training and test accuracy.
pub fn view_chart(m: &Model, t: &'static BoundariesTexts) -> Html {
    let accuracy = Rc::new(vec![
        Series {
            label: t.train_accuracy,
            color: TRAIN_COLOUR,
            dashed: false,
            points: m.history.train_accuracy.clone(),
        },
        Series {
            label: t.test_accuracy,
            color: TEST_COLOUR,
            dashed: true,
            points: m.history.test_accuracy.clone(),
        },
    ]);
    let series = Rc::new(vec![
        Series {
            label: t.train_loss,
            color: TRAIN_COLOUR,
            dashed: false,
            points: m.history.train.clone(),
        },
        Series {
            label: t.test_loss,
            color: TEST_COLOUR,
            dashed: true,
            points: m.history.test.clone(),
        },
    ]);
    let x_max = (m.epoch as f64).max(10.0);
    let y_max = m.history.max_loss(0.1) * 1.05;
    html! {
        <div class="bd-chart">
            <LineChart series={series} x_range={(0.0, x_max)} y_range={(0.0, y_max)}
                       width={360} height={170}
                       description={AttrValue::from(t.chart_description)} />
            <div class="bd-accuracy-chart">
                <LineChart series={accuracy} x_range={(0.0, x_max)} y_range={(0.0, 100.0)}
                           width={360} height={170}
                           description={AttrValue::from(t.accuracy_chart_description)} />
            </div>
        </div>
    }
}

/// φ(x), every unit and the score where the pointer is.
pub fn view_probe(m: &Model, t: &'static BoundariesTexts, at: Option<(f64, f64)>) -> Html {
    let Some((x1, x2)) = at else {
        return html! {
            <section class="bd-probe">
                <h3>{ t.probe_heading }</h3>
                <p class="bd-hint">{ t.probe_hint }</p>
            </section>
        };
    };
    let probe = m.probe(x1, x2);
    let labels = m.features.labels();
    let hidden = probe.layers.len().saturating_sub(1);
    let values = |vs: &[f64]| {
        vs.iter()
            .map(|v| format!("{v:.3}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <section class="bd-probe">
            <h3>{ t.probe_heading }</h3>
            <table class="bd-probe-table">
                <tr><th>{ t.probe_point }</th><td>{ format!("({x1:.2}, {x2:.2})") }</td></tr>
                { for labels.iter().zip(&probe.phi).map(|(label, v)| html! {
                    <tr class="bd-probe-phi"><th>{ label }</th><td>{ format!("{v:.3}") }</td></tr>
                }) }
                { for probe.layers.iter().take(hidden).enumerate().map(|(l, vs)| html! {
                    <tr class="bd-probe-layer">
                        <th>{ t.probe_layer.replace("{n}", &(l + 1).to_string()) }</th>
                        <td>{ "[" }{ values(vs) }{ "]" }</td>
                    </tr>
                }) }
                <tr class="bd-probe-score"><th>{ t.probe_score }</th><td>{ format!("{:.3}", probe.score) }</td></tr>
                <tr><th>{ t.probe_class }</th>
                    <td><b style={format!("color:{}", class_colour(probe.label))}>
                        { if probe.label > 0.0 { "+1" } else { "−1" } }
                    </b></td></tr>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_family = "wasm")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::duration;

    #[test]
    fn durations_read_as_a_person_says_them() {
        let units = ["s", "min", "h"];
        assert_eq!(duration(0.2, units), "1 s");
        assert_eq!(duration(42.4, units), "42 s");
        assert_eq!(duration(61.0, units), "2 min");
        assert_eq!(duration(9.0 * 3600.0 + 299.0, units), "9 h 5 min");
        assert_eq!(duration(f64::NAN, units), "1 s");
    }
}
