//! The draw box: the visitor draws a digit, sees it reduced to 8×8 and what the network
//! reads (with test hooks), and can rub it out.

use nnp_core::cnn::DRAWING_SIDE;
use yew::prelude::*;

use super::draw_input::DrawEvents;
use super::model::Model;
use super::msg::Msg;
use super::paint::Canvases;
use super::text::percent;
use super::view_network::ink_legend;
use crate::i18n::cnn::CnnTexts;
use crate::i18n::fill;

/// The box, its reduction and the network's reading.
pub fn draw_box(
    t: &CnnTexts,
    m: &Model,
    c: &Canvases,
    events: &DrawEvents,
    send: &Callback<Msg>,
) -> Html {
    let side = DRAWING_SIDE.to_string();
    let result = match m.drawn() {
        Some(acts) if !m.drawing.is_empty() => {
            let predicted = acts.predicted();
            let p = acts.probabilities.get(predicted).copied().unwrap_or(0.0);
            html! {
                <p class="cnn-draw-result" data-predicted={predicted.to_string()}
                   data-probability={format!("{p:.6}")} aria-live="polite">
                    { fill(t.draw_reads, &[&predicted.to_string(), &percent(p)]) }
                </p>
            }
        }
        _ => html! {
            <p class="cnn-draw-result cnn-draw-empty" data-predicted="">{ t.draw_empty }</p>
        },
    };
    html! {
        <section class="cnn-panel cnn-draw">
            <h2>{ t.draw_title }</h2>
            <canvas ref={c.draw.clone()} class="cnn-pixels cnn-draw-box" width={side.clone()}
                    height={side} role="img" aria-label={t.draw_label}
                    onpointerdown={events.down.clone()} onpointermove={events.moved.clone()}
                    onpointerup={events.up.clone()} onpointercancel={events.up.clone()} />
            <div class="cnn-draw-row">
                <button class="cnn-clear" onclick={send.reform(|_| Msg::ClearDrawing)}>
                    { t.clear }</button>
                <figure class="cnn-draw-small">
                    <canvas ref={c.draw_input.clone()} class="cnn-pixels cnn-draw-input"
                            width="8" height="8" role="img" aria-label={t.draw_input_label} />
                    <figcaption>{ t.draw_input_label }</figcaption>
                </figure>
            </div>
            { result }
            { ink_legend(t) }
            <p class="cnn-hint">{ t.draw_hint }</p>
        </section>
    }
}
