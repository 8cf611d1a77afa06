//! The network picture: the input, each kernel with its feature map, the map after ReLU and
//! after pooling, then the class probabilities; with the test-digit picker and legends.

use yew::prelude::*;

use crate::widgets::SavePicture;

use super::model::{Model, Source};
use super::msg::Msg;
use super::paint::{Canvases, KERNELS, scales};
use super::text::{percent, scale};
use crate::i18n::cnn::CnnTexts;
use crate::i18n::fill;

/// A colour bar from `low` to `high` with its ends (and middle) named.
pub fn legend(class: &'static str, labels: [String; 3], meaning: Option<&str>) -> Html {
    html! {
        <div class={classes!("cnn-legend", class)}>
            <span class="cnn-legend-bar" aria-hidden="true"></span>
            <span class="cnn-legend-ticks">
                <span>{ labels[0].clone() }</span><span>{ labels[1].clone() }</span>
                <span>{ labels[2].clone() }</span>
            </span>
            if let Some(meaning) = meaning {
                <span class="cnn-legend-meaning">{ meaning.to_owned() }</span>
            }
        </div>
    }
}

/// The signed legend for values up to ±`m` (its meaning is said once, below both).
fn signed_legend(m: f32) -> Html {
    legend(
        "cnn-legend-signed",
        [
            format!("−{}", scale(m)),
            "0".into(),
            format!("+{}", scale(m)),
        ],
        None,
    )
}

/// The white-to-ink legend for values in [0, 1].
pub fn ink_legend(t: &CnnTexts) -> Html {
    legend(
        "cnn-legend-ink",
        ["0".into(), "0.5".into(), "1".into()],
        Some(t.ink_meaning),
    )
}

fn canvas(node: &NodeRef, class: &'static str, side: usize, label: String) -> Html {
    html! {
        <canvas ref={node.clone()} class={classes!("cnn-pixels", class)}
                width={side.to_string()} height={side.to_string()} role="img" aria-label={label} />
    }
}

/// Previous / next test digit and a digit picker, or what the drawing shows.
fn picker(t: &CnnTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let what = match (m.source, m.example_label()) {
        (Source::Drawing, _) => t.showing_drawing.to_owned(),
        (Source::Example, Some(label)) => fill(
            t.showing_example,
            &[
                &(m.example + 1).to_string(),
                &m.test_len().to_string(),
                &label.to_string(),
            ],
        ),
        (Source::Example, None) => String::new(),
    };
    html! {
        <div class="cnn-picker">
            <button class="cnn-prev" aria-label={t.previous}
                    onclick={send.reform(|_| Msg::MoveExample(-1))}>{ "◀" }</button>
            <span class="cnn-showing">{ what }</span>
            <button class="cnn-next" aria-label={t.next}
                    onclick={send.reform(|_| Msg::MoveExample(1))}>{ "▶" }</button>
            <span class="cnn-digits" role="group" aria-label={t.pick_digit}>
                { for (0..10).map(|d| html! {
                    <button class={classes!("cnn-digit",
                        (m.source == Source::Example && m.example_label() == Some(d))
                            .then_some("active"))}
                        title={fill(t.pick_digit_title, &[&d.to_string()])}
                        onclick={send.reform(move |_| Msg::PickDigit(d))}>{ d }</button>
                }) }
            </span>
        </div>
    }
}

/// The class probabilities as bars, the predicted one highlighted (with test hooks).
pub fn probabilities(t: &CnnTexts, probabilities: &[f32], predicted: usize) -> Html {
    let bars = probabilities.iter().enumerate().map(|(class, &p)| {
        let top = class == predicted;
        html! {
            <li class={classes!("cnn-prob", top.then_some("cnn-prob-predicted"))}
                data-class={class.to_string()} data-probability={format!("{p:.6}")}>
                <span class="cnn-prob-class">{ class }</span>
                <span class="cnn-prob-track">
                    <span class="cnn-prob-bar"
                          style={format!("width: {:.2}%", 100.0 * p.clamp(0.0, 1.0))}></span>
                </span>
                <span class="cnn-prob-value">{ percent(p) }</span>
            </li>
        }
    });
    html! {
        <figure class="cnn-probs">
            <figcaption>{ t.probabilities_title }</figcaption>
            <ol class="cnn-prob-list" aria-label={t.probabilities_title}>{ for bars }</ol>
            <p class="cnn-hint">{ t.probabilities_hint }</p>
        </figure>
    }
}

/// The whole picture.
pub fn network(t: &CnnTexts, m: &Model, c: &Canvases, send: &Callback<Msg>) -> Html {
    let (Some(acts), Some(trainer)) = (m.shown(), m.trainer()) else {
        return html! {};
    };
    let weights = &trainer.net().conv().kernels;
    let s = scales(weights.weights(), acts);
    let row = |k: usize| {
        let n = (k + 1).to_string();
        html! {
            <>
                { canvas(&c.kernels[k], "cnn-kernel", 3, fill(t.kernel_label, &[&n])) }
                { canvas(&c.conv[k], "cnn-map", 8, fill(t.conv_label, &[&n])) }
                { canvas(&c.relu[k], "cnn-map", 8, fill(t.relu_label, &[&n])) }
                { canvas(&c.pooled[k], "cnn-pooled", 4, fill(t.pooled_label, &[&n])) }
            </>
        }
    };
    html! {
        <section class="cnn-panel cnn-network" aria-label={t.network_title}>
            { picker(t, m, send) }
            <SavePicture target=".cnn-picture" name="cnn-layers" />
            <div class="cnn-picture">
                <div class="cnn-layers">
                    <span class="cnn-col-title cnn-col-input">{ t.col_input }</span>
                    <span class="cnn-col-title">{ t.col_kernels }</span>
                    <span class="cnn-col-title">{ t.col_conv }</span>
                    <span class="cnn-col-title">{ t.col_relu }</span>
                    <span class="cnn-col-title">{ t.col_pooled }</span>
                    <div class="cnn-input-cell">
                        { canvas(&c.input, "cnn-input", 8, t.col_input.to_owned()) }
                        { ink_legend(t) }
                    </div>
                    { for (0..KERNELS).map(row) }
                </div>
                <div class="cnn-side">
                    { probabilities(t, &acts.probabilities, acts.predicted()) }
                    <div class="cnn-legends">
                        <span>{ t.kernels_legend }</span>{ signed_legend(s.kernels) }
                        <span>{ t.maps_legend }</span>{ signed_legend(s.maps) }
                        <span class="cnn-legend-meaning cnn-legends-meaning">{ t.signed_meaning }</span>
                    </div>
                </div>
            </div>
        </section>
    }
}
