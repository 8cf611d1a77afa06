//! The selected unit's equations at step t with every number filled in.

use yew::prelude::*;

use super::format::{num, write};
use super::model::Model;
use super::msg::Msg;
use super::view_heatmaps::{quantity_id, quantity_name};
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

/// One line per quantity of the cell, the clicked band's line highlighted.
pub fn view_equations(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let Some(run) = m.current() else {
        return Html::default();
    };
    if m.steps() == 0 {
        return Html::default();
    }
    let lines = run.trainer.model.equations(&m.trace, m.t, m.unit);
    let units = (0..m.hidden).map(|u| {
        html! { <option value={(u + 1).to_string()} selected={u == m.unit}>{ u + 1 }</option> }
    });
    let on_unit = send.reform(|e: Event| {
        let v = crate::widgets::event_value(&e);
        Msg::Unit(v.parse::<usize>().map_or(0, |u| u.saturating_sub(1)))
    });
    let items = lines.iter().map(|line| {
        let written = write(line);
        let picked = m.picked == Some(line.quantity);
        let products = written.products.iter().map(|p| {
            let zeros = (p.zeros > 0).then(|| fill(t.zeros_left_out, &[&p.zeros.to_string()]));
            html! {
                <li>
                    <span class="lstm-eq-segment">{ format!("W·{} = ", p.segment) }</span>
                    <span class="lstm-eq-terms">{ &p.terms }</span>
                    { format!(" = {}", num(p.sum)) }
                    if let Some(zeros) = zeros { <span class="lstm-eq-zeros">{ " " }{ zeros }</span> }
                </li>
            }
        });
        let details = (!written.products.is_empty()).then(|| html! {
            <details class="lstm-eq-details">
                <summary>{ t.show_products }</summary>
                <ul>{ for products }</ul>
            </details>
        });
        html! {
            <li class={classes!("lstm-eq", picked.then_some("picked"))} data-q={quantity_id(line.quantity)}>
                <span class="lstm-eq-name">{ quantity_name(line.quantity, t) }</span>
                <code class="lstm-eq-formula">{ written.formula }</code>
                <code class="lstm-eq-numbers">{ written.numbers }{ " = " }
                    <strong class="lstm-eq-value">{ written.value }</strong></code>
                { for details }
            </li>
        }
    });
    html! {
        <div class="lstm-equations">
            <div class="lstm-eq-head">
                <h2>{ fill(t.equations_title, &[&(m.unit + 1).to_string(), &(m.t + 1).to_string()]) }</h2>
                <label class="lstm-field lstm-unit-field">
                    <span>{ t.unit_label }</span>
                    <select class="lstm-unit" onchange={on_unit}>{ for units }</select>
                </label>
            </div>
            <p class="lstm-hint">{ t.equations_hint }</p>
            <ol class="lstm-eq-list">{ for items }</ol>
        </div>
    }
}
