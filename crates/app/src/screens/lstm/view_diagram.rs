//! The lecture's cell diagrams as SVG, with the selected unit's numbers at time t: the
//! LSTM (cell-state line across the top, σ boxes, pointwise × and +), its peephole and
//! coupled forms, the GRU and the plain RNN.

use nnp_core::recurrent::{QuantityName as Q, Variant};
use yew::prelude::*;

use super::format::num;
use super::model::Model;
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

const BOX_W: f64 = 84.0;
const BOX_H: f64 = 46.0;
const BUS: f64 = 290.0;
const TOP: f64 = 50.0;

fn wire(points: &[(f64, f64)], class: &'static str) -> Html {
    let d: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(k, (x, y))| format!("{}{x},{y}", if k == 0 { "M" } else { "L" }))
        .collect();
    html! { <path class={classes!("lstm-wire", class)} d={d.join(" ")} /> }
}

fn op(x: f64, y: f64, symbol: &'static str) -> Html {
    html! {
        <g class="lstm-op">
            <circle cx={x.to_string()} cy={y.to_string()} r="12" />
            <text x={x.to_string()} y={(y + 5.0).to_string()} text-anchor="middle">{ symbol }</text>
        </g>
    }
}

/// A layer box: its function inside, its symbol above-left, its value inside too.
fn layer(
    x: f64,
    y: f64,
    function: &'static str,
    symbol: &'static str,
    value: Option<f32>,
    class: &'static str,
) -> Html {
    // The box fill shows a gate's openness (0 white … 1 blue); states keep a light fill.
    let opacity = match (function, value) {
        ("σ", Some(v)) => format!("{:.2}", 0.15 + 0.75 * v.clamp(0.0, 1.0)),
        _ => "0.12".to_owned(),
    };
    let dark = function == "σ" && value.is_some_and(|v| v > 0.6);
    html! {
        <g class={classes!("lstm-layer", class, dark.then_some("lstm-layer-dark"))}>
            <rect x={(x - BOX_W / 2.0).to_string()} y={(y - BOX_H / 2.0).to_string()}
                  width={BOX_W.to_string()} height={BOX_H.to_string()} rx="6" fill-opacity={opacity} />
            <text class="lstm-layer-fn" x={(x - BOX_W / 2.0 + 6.0).to_string()} y={(y - 6.0).to_string()}>{ function }</text>
            <text class="lstm-layer-value" x={(x + 4.0).to_string()} y={(y + 16.0).to_string()}
                  text-anchor="middle">{ value.map(num).unwrap_or_default() }</text>
            <text class="lstm-layer-symbol" x={(x - BOX_W / 2.0 - 4.0).to_string()}
                  y={(y - BOX_H / 2.0 - 6.0).to_string()}>{ symbol }</text>
        </g>
    }
}

fn tag(x: f64, y: f64, text: String, anchor: &'static str, class: &'static str) -> Html {
    html! {
        <text class={classes!("lstm-tag", class)} x={x.to_string()} y={y.to_string()}
              text-anchor={anchor}>{ text }</text>
    }
}

/// The bus along the bottom carrying `[h_{t−1}, x_t]` into every layer.
fn bus(m: &Model, state: &'static str, right: f64, taps: &[f64]) -> Html {
    let mut parts = vec![
        wire(&[(24.0, BUS), (right, BUS)], "lstm-wire-bus"),
        wire(&[(60.0, 330.0), (60.0, BUS)], "lstm-wire-bus"),
        tag(
            24.0,
            BUS - 8.0,
            format!("{state} = {}", num(m.previous_hidden())),
            "start",
            "lstm-tag-hprev",
        ),
        tag(
            70.0,
            328.0,
            format!("x_t = {}", m.input_label(m.t)),
            "start",
            "lstm-tag-x",
        ),
    ];
    parts.extend(
        taps.iter()
            .map(|x| wire(&[(*x, BUS), (*x, 230.0 + BOX_H / 2.0)], "lstm-wire-bus")),
    );
    html! { <>{ for parts }</> }
}

fn lstm(m: &Model, peephole: bool, coupled: bool) -> Html {
    let v = |q| m.value(q);
    let (fx, ix, cx, ox) = (150.0, 250.0, 350.0, 460.0);
    let gy = 230.0;
    let top = gy - BOX_H / 2.0;
    let input_gate = if coupled {
        html! {
            <>
                { wire(&[(fx, 160.0), (ix, 160.0), (ix, top)], "lstm-wire-gate") }
                { layer(ix, gy, "1 −", "i_t", v(Q::InputGate), "lstm-layer-i") }
            </>
        }
    } else {
        layer(ix, gy, "σ", "i_t", v(Q::InputGate), "lstm-layer-i")
    };
    let peeps = peephole.then(|| {
        html! {
            <>
                { wire(&[(fx - 30.0, TOP), (fx - 30.0, top)], "lstm-wire-peep") }
                { wire(&[(ix - 30.0, TOP), (ix - 30.0, top)], "lstm-wire-peep") }
                { wire(&[(ox - 30.0, TOP), (ox - 30.0, top)], "lstm-wire-peep") }
            </>
        }
    });
    let taps: &[f64] = if coupled {
        &[fx, cx, ox]
    } else {
        &[fx, ix, cx, ox]
    };
    html! {
        <>
            { wire(&[(24.0, TOP), (600.0, TOP)], "lstm-wire-cell") }
            { for peeps }
            { bus(m, "h_{t−1}", ox, taps) }
            { wire(&[(fx, top), (fx, TOP)], "lstm-wire-gate") }
            { wire(&[(ix, top), (ix, 130.0), (cx, 130.0)], "lstm-wire-gate") }
            { wire(&[(cx, top), (cx, TOP)], "lstm-wire-gate") }
            { wire(&[(ox, top), (ox, 165.0), (530.0, 165.0)], "lstm-wire-gate") }
            { wire(&[(530.0, TOP), (530.0, 165.0), (600.0, 165.0)], "lstm-wire-out") }
            { op(fx, TOP, "×") }
            { op(cx, 130.0, "×") }
            { op(cx, TOP, "+") }
            <g class="lstm-op lstm-op-tanh">
                <ellipse cx="530" cy="108" rx="26" ry="14" />
                <text x="530" y="113" text-anchor="middle">{ "tanh" }</text>
            </g>
            { op(530.0, 165.0, "×") }
            { layer(fx, gy, "σ", "f_t", v(Q::Forget), "lstm-layer-f") }
            { input_gate }
            { layer(cx, gy, "tanh", "C̃_t", v(Q::Candidate), "lstm-layer-c") }
            { layer(ox, gy, "σ", "o_t", v(Q::OutputGate), "lstm-layer-o") }
            { tag(24.0, TOP - 10.0, format!("C_{{t−1}} = {}", m.previous_cell().map(num).unwrap_or_default()), "start", "lstm-tag-cprev") }
            { tag(600.0, TOP - 10.0, format!("C_t = {}", v(Q::Cell).map(num).unwrap_or_default()), "end", "lstm-tag-c") }
            { tag(600.0, 193.0, format!("h_t = {}", v(Q::Hidden).map(num).unwrap_or_default()), "end", "lstm-tag-h") }
        </>
    }
}

fn gru(m: &Model) -> Html {
    let v = |q| m.value(q);
    let (zx, rx, hx) = (130.0, 240.0, 410.0);
    let gy = 230.0;
    let top = gy - BOX_H / 2.0;
    let one_minus_z = v(Q::Update).map(|z| 1.0 - z);
    html! {
        <>
            { wire(&[(24.0, TOP), (600.0, TOP)], "lstm-wire-cell") }
            { bus(m, "h_{t−1}", hx - 20.0, &[zx, rx, hx - 20.0]) }
            { wire(&[(zx, top), (zx, 160.0), (500.0, 160.0), (500.0, 112.0)], "lstm-wire-gate") }
            { wire(&[(270.0, 160.0), (270.0, 112.0)], "lstm-wire-gate") }
            { wire(&[(270.0, 88.0), (270.0, TOP)], "lstm-wire-gate") }
            { wire(&[(rx, top), (rx, 185.0), (320.0, 185.0)], "lstm-wire-gate") }
            { wire(&[(320.0, BUS), (320.0, 185.0), (hx - BOX_W / 2.0, 185.0)], "lstm-wire-bus") }
            { wire(&[(hx, top), (hx, 100.0), (500.0, 100.0), (500.0, TOP)], "lstm-wire-gate") }
            { op(270.0, TOP, "×") }
            { op(270.0, 100.0, "1−") }
            { op(320.0, 185.0, "×") }
            { op(500.0, 100.0, "×") }
            { op(500.0, TOP, "+") }
            { layer(zx, gy, "σ", "z_t", v(Q::Update), "lstm-layer-z") }
            { layer(rx, gy, "σ", "r_t", v(Q::Reset), "lstm-layer-r") }
            { layer(hx, gy, "tanh", "h̃_t", v(Q::Candidate), "lstm-layer-c") }
            { tag(285.0, 82.0, format!("1 − z_t = {}", one_minus_z.map(num).unwrap_or_default()), "start", "lstm-tag-small") }
            { tag(24.0, TOP - 10.0, format!("h_{{t−1}} = {}", num(m.previous_hidden())), "start", "lstm-tag-hprev") }
            { tag(600.0, TOP - 10.0, format!("h_t = {}", v(Q::Hidden).map(num).unwrap_or_default()), "end", "lstm-tag-h") }
        </>
    }
}

fn rnn(m: &Model) -> Html {
    let v = |q| m.value(q);
    let x = 300.0;
    html! {
        <>
            { bus(m, "s_{t−1}", x, &[x]) }
            { wire(&[(x, 230.0 - BOX_H / 2.0), (x, 110.0), (600.0, 110.0)], "lstm-wire-out") }
            { layer(x, 230.0, "tanh", "s_t", v(Q::Hidden), "lstm-layer-h") }
            { tag(x + 50.0, 185.0, format!("W·s_{{t−1}} + U·x_t + b = {}", v(Q::PreHidden).map(num).unwrap_or_default()), "start", "lstm-tag-small") }
            { tag(600.0, 100.0, format!("s_t = h_t = {}", v(Q::Hidden).map(num).unwrap_or_default()), "end", "lstm-tag-h") }
        </>
    }
}

/// The diagram of the current variant with the numbers of unit `m.unit` at step `m.t`.
pub fn view_diagram(m: &Model, t: &'static LstmTexts) -> Html {
    if m.steps() == 0 {
        return Html::default();
    }
    let k = super::view_controls::variant_index(m.variant);
    let body = match m.variant {
        Variant::Rnn => rnn(m),
        Variant::Lstm => lstm(m, false, false),
        Variant::Peephole => lstm(m, true, false),
        Variant::Coupled => lstm(m, false, true),
        Variant::Gru => gru(m),
    };
    let label = fill(
        t.diagram_label,
        &[
            t.variant_names[k],
            &(m.unit + 1).to_string(),
            &(m.t + 1).to_string(),
        ],
    );
    html! {
        <svg class={classes!("lstm-diagram", format!("lstm-diagram-{}", m.variant.id()))}
             viewBox="0 0 620 340" role="img" aria-label={label}>
            { body }
        </svg>
    }
}
