//! The multiply-and-sum of the pointed output pixel, with the lecture's numbers.

use nnp_core::conv::ReceptiveField;
use yew::prelude::*;

use super::model::{Model, format_number};
use super::view::{activation_name, grid};
use crate::i18n::conv::ConvTexts;
pub use crate::i18n::fill;

fn sum_terms(t: &ConvTexts, f: &ReceptiveField) -> String {
    const SHOWN: usize = 16;
    let nonzero: Vec<String> = f
        .terms
        .iter()
        .filter(|term| term.weight != 0.0)
        .map(|term| {
            format!(
                "{}·{}",
                format_number(term.weight),
                format_number(term.input)
            )
        })
        .collect();
    let mut text = if nonzero.is_empty() {
        "0".to_owned()
    } else if nonzero.len() > SHOWN {
        let more = fill(t.more_terms, &[&(nonzero.len() - SHOWN).to_string()]);
        format!("{} + {more}", nonzero[..SHOWN].join(" + "))
    } else {
        nonzero.join(" + ")
    };
    if f.bias != 0.0 {
        text.push_str(&format!(" + ({})", format_number(f.bias)));
    }
    text
}

/// The multiply-and-sum of the probed pixel, with numbers.
pub fn probe_panel(t: &'static ConvTexts, m: &Model) -> Html {
    let Some(f) = m.receptive_field() else {
        return html! {
            <section class="conv-panel conv-probe">
                <h2>{ t.probe_title }</h2>
                <p class="conv-hint">{ t.probe_hint }</p>
            </section>
        };
    };
    let kw = f.width;
    let window = f.terms.iter().take(kw * f.height);
    let inputs = window
        .clone()
        .map(|term| (format_number(term.input), term.padding));
    let weights = window
        .clone()
        .map(|term| (format_number(term.weight), false));
    let products = window.map(|term| (format_number(term.product), term.padding));
    let activation = m.pipeline().config().activation;
    let activated = m.pipeline().activated().get(f.out_channel, f.y, f.x);
    let rows = format!("{}…{}", f.input_y, f.input_y + f.height as isize - 1);
    let cols = format!("{}…{}", f.input_x, f.input_x + kw as isize - 1);
    html! {
        <section class="conv-panel conv-probe" aria-live="polite">
            <h2>{ t.probe_title }</h2>
            <p>{ fill(t.probe_where, &[&(f.out_channel + 1).to_string(), &f.x.to_string(), &f.y.to_string(), &rows, &cols]) }</p>
            <div class="conv-probe-grids">
                <figure><figcaption>{ t.patch }</figcaption>{ grid(kw, inputs, "conv-grid-input") }</figure>
                <span class="conv-op" aria-hidden="true">{ "⊙" }</span>
                <figure><figcaption>{ t.kernel }</figcaption>{ grid(kw, weights, "conv-grid-kernel") }</figure>
                <span class="conv-op" aria-hidden="true">{ "=" }</span>
                <figure><figcaption>{ t.products }</figcaption>{ grid(kw, products, "conv-grid-products") }</figure>
            </div>
            <p class="conv-probe-sum">
                { "Σ = " }{ sum_terms(t, &f) }{ " = " }
                <output class="conv-probe-value">{ format_number(f.value) }</output>
            </p>
            <p class="conv-probe-activated">
                { format!("{}({}) = {}", activation_name(t, activation), format_number(f.value), format_number(activated)) }
            </p>
            if f.terms.iter().any(|term| term.padding) {
                <p class="conv-hint">{ t.padding_note }</p>
            }
        </section>
    }
}
