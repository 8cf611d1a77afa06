//! The unit × time heatmaps, one band per quantity, with the time scrubber above them.

use nnp_core::recurrent::QuantityName as Q;
use web_sys::Element;
use yew::prelude::*;

use crate::widgets::SavePicture;

use super::draw::is_unit_interval;
use super::format::num;
use super::model::Model;
use super::msg::Msg;
use super::view_controls::click;
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

/// Pixels of height per row of a band.
const ROW_PX: usize = 12;

/// The quantity's name in the current language.
pub fn quantity_name(q: Q, t: &'static LstmTexts) -> &'static str {
    match q {
        Q::Input => t.q_input,
        Q::Forget => t.q_forget,
        Q::InputGate => t.q_input_gate,
        Q::Candidate => t.q_candidate,
        Q::Cell => t.q_cell,
        Q::OutputGate => t.q_output_gate,
        Q::Update => t.q_update,
        Q::Reset => t.q_reset,
        Q::Hidden => t.q_hidden,
        Q::Probabilities => t.q_probabilities,
        _ => t.q_output,
    }
}

/// A plain name for selectors and tests.
pub fn quantity_id(q: Q) -> &'static str {
    match q {
        Q::Input => "x",
        Q::Forget => "f",
        Q::InputGate => "i",
        Q::Candidate => "cand",
        Q::Cell => "c",
        Q::OutputGate => "o",
        Q::Update => "z",
        Q::Reset => "r",
        Q::Hidden => "h",
        Q::Probabilities => "p",
        _ => "y",
    }
}

/// The lecture's symbol with the time index.
pub fn quantity_symbol(q: Q) -> String {
    match q {
        Q::Probabilities => "p(y_t)".to_owned(),
        Q::Logits => "y_t".to_owned(),
        _ => format!("{}_t", q.symbol()),
    }
}

/// Scrubber: previous, play, next, the slider and what step t reads.
pub fn view_scrubber(
    m: &Model,
    t: &'static LstmTexts,
    send: &Callback<Msg>,
    time_playing: bool,
    on_play_time: &Callback<MouseEvent>,
) -> Html {
    let last = m.steps().saturating_sub(1);
    let on_slide = send.reform(|e: InputEvent| {
        let v = crate::widgets::event_value(&e);
        Msg::Time(v.parse::<usize>().map_or(0, |s| s.saturating_sub(1)))
    });
    let prediction = m.prediction(m.t).map(|(label, p)| match p {
        Some(p) => fill(t.predicts, &[&label, &format!("{:.0}", p * 100.0)]),
        None => fill(t.predicts_value, &[&label]),
    });
    let target = m.target_label(m.t).map_or_else(
        || t.no_target.to_owned(),
        |label| fill(t.target_is, &[&label]),
    );
    html! {
        <div class="lstm-scrubber">
            <div class="lstm-scrub-row">
                <button class="lstm-prev" aria-label={t.prev_step} disabled={m.t == 0}
                        onclick={click(send, Msg::Time(m.t.saturating_sub(1)))}>{ "◀" }</button>
                <button class="lstm-play-time" onclick={on_play_time.clone()}>
                    { if time_playing { t.pause_time } else { t.play_time } }
                </button>
                <button class="lstm-next" aria-label={t.next_step} disabled={m.t >= last}
                        onclick={click(send, Msg::Time((m.t + 1).min(last)))}>{ "▶" }</button>
                <input class="lstm-time" type="range" min="1" max={m.steps().to_string()}
                       value={(m.t + 1).to_string()} aria-label={t.time_label} oninput={on_slide} />
            </div>
            <p class="lstm-now">
                <strong class="lstm-now-t">{ fill(t.now_step, &[&(m.t + 1).to_string(), &m.steps().to_string()]) }</strong>
                { " · " }<span class="lstm-now-x">{ format!("x_t = {}", m.input_label(m.t)) }</span>
                { " · " }<span class="lstm-now-pred">{ prediction.unwrap_or_default() }</span>
                { " · " }<span class="lstm-now-target">{ target }</span>
            </p>
        </div>
    }
}

/// Converts a click on a band into (t, row).
fn cell_at(event: &MouseEvent, steps: usize, rows: usize) -> Option<(usize, usize)> {
    // Yew delegates events to the app root, so find the band from the event's target.
    let target: Element = event.target()?.dyn_into().ok()?;
    let element = target.closest(".lstm-band-map").ok()??;
    let rect = element.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let fx = (f64::from(event.client_x()) - rect.left()) / rect.width();
    let fy = (f64::from(event.client_y()) - rect.top()) / rect.height();
    let at = |f: f64, n: usize| ((f.clamp(0.0, 0.999) * n as f64) as usize).min(n - 1);
    Some((at(fx, steps), at(fy, rows)))
}

use wasm_bindgen::JsCast;

/// Every band, with the selected step and unit outlined.
pub fn view_bands(
    m: &Model,
    t: &'static LstmTexts,
    send: &Callback<Msg>,
    canvases: &[NodeRef],
) -> Html {
    let steps = m.steps().max(1);
    let pct = |k: usize, n: usize| format!("{:.4}%", k as f64 * 100.0 / n as f64);
    let bands = m.bands().into_iter().zip(canvases).map(|(q, node)| {
        let rows = m.trace.get(q).map_or(1, |x| x.units.max(1));
        let per_unit = rows == m.hidden && !matches!(q, Q::Input | Q::Probabilities | Q::Logits);
        let on_click = {
            let send = send.clone();
            let unit = m.unit;
            Callback::from(move |e: MouseEvent| {
                if let Some((step, row)) = cell_at(&e, steps, rows) {
                    let unit = if per_unit { row } else { unit };
                    send.emit(Msg::Select(step, unit, per_unit.then_some(q)));
                }
            })
        };
        let range = if is_unit_interval(q) {
            "0 … 1".to_owned()
        } else {
            let s = m.scale(q);
            format!("{} … {}", num(-s), num(s))
        };
        let marker = per_unit.then(|| {
            let style = format!(
                "left:{};width:{};top:{};height:{}",
                pct(m.t, steps), pct(1, steps), pct(m.unit, rows), pct(1, rows)
            );
            html! { <div class="lstm-cell-mark" style={style} /> }
        });
        let value = per_unit.then(|| m.value(q).map(num).unwrap_or_default());
        html! {
            <div class={classes!("lstm-band", format!("lstm-band-{}", quantity_id(q)))}>
                <div class="lstm-band-label">
                    <span class="lstm-band-symbol">{ quantity_symbol(q) }</span>
                    <span class="lstm-band-name">{ quantity_name(q, t) }</span>
                    <span class="lstm-band-range">{ range }</span>
                    if let Some(value) = value {
                        <span class="lstm-band-value" data-q={quantity_id(q)}>{ value }</span>
                    }
                </div>
                <div class="lstm-band-map" onclick={on_click}
                     style={format!("height:{}px", (rows * ROW_PX).max(24))}>
                    <canvas ref={node.clone()} class="lstm-heat" role="img"
                            aria-label={fill(t.band_label, &[quantity_name(q, t)])} />
                    <div class="lstm-col-mark" style={format!("left:{};width:{}", pct(m.t, steps), pct(1, steps))} />
                    { for marker }
                </div>
            </div>
        }
    });
    html! {
        <div class="lstm-bands">
            { for bands }
            <p class="lstm-legend">
                <span class="lstm-swatch lstm-swatch-gate" />{ t.legend_gate }
                <span class="lstm-swatch lstm-swatch-signed" />{ t.legend_signed }
            </p>
            <SavePicture target=".lstm-bands" name="lstm-gates-over-time" />
        </div>
    }
}
