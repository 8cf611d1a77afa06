//! The long-dependency race as a table: accuracy per variant and distance.

use yew::prelude::*;

use super::compare::{DISTANCES, MAX_UPDATES, VARIANTS};
use super::model::Model;
use super::msg::Msg;
use super::view_controls::{click, variant_index};
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

pub fn view_compare(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let c = &m.comparison;
    let head = DISTANCES
        .iter()
        .map(|d| html! { <th scope="col">{ d }</th> });
    let rows = VARIANTS.iter().enumerate().map(|(v, variant)| {
        let cells = DISTANCES.iter().enumerate().map(|(d, _)| {
            let active = c.active() == Some((v, d));
            match c.results[v][d] {
                Some(outcome) => {
                    let pct = outcome.accuracy * 100.0;
                    let class = if outcome.accuracy >= 0.9 { "good" } else if outcome.accuracy <= 0.5 { "bad" } else { "fair" };
                    html! {
                        <td class={classes!("lstm-cmp-cell", class)}
                            title={fill(t.compare_cell, &[&format!("{pct:.0}"), &outcome.updates.to_string()])}>
                            <span class="lstm-cmp-bar" style={format!("width:{pct:.0}%")} />
                            <span class="lstm-cmp-value">{ format!("{pct:.0}%") }</span>
                        </td>
                    }
                }
                None => html! {
                    <td class={classes!("lstm-cmp-cell", active.then_some("active"))}>
                        { if active { "…" } else { "" } }
                    </td>
                },
            }
        });
        html! {
            <tr class={format!("lstm-cmp-{}", variant.id())}>
                <th scope="row">{ t.variant_names[variant_index(*variant)] }</th>
                { for cells }
            </tr>
        }
    });
    let button = if c.running {
        html! { <button class="lstm-compare-stop" onclick={click(send, Msg::StopCompare)}>{ "■ " }{ t.compare_stop }</button> }
    } else {
        html! { <button class="lstm-compare-run primary" onclick={click(send, Msg::Compare)}>{ "▶ " }{ t.compare_run }</button> }
    };
    let progress = c.running.then(|| {
        let pct = c.progress() * 100.0;
        html! {
            <div class="lstm-cmp-progress">
                <progress max="100" value={format!("{pct:.0}")} />
                <span>{ fill(t.compare_progress, &[&format!("{pct:.0}")]) }</span>
            </div>
        }
    });
    html! {
        <section class="lstm-compare" aria-labelledby="lstm-compare-title">
            <h2 id="lstm-compare-title">{ t.compare_title }</h2>
            <p class="lstm-hint">{ fill(t.compare_intro, &[&m.hidden.to_string(), &MAX_UPDATES.to_string()]) }</p>
            <div class="lstm-cmp-actions">{ button }{ for progress }</div>
            <div class="lstm-cmp-scroll">
                <table class="lstm-cmp-table">
                    <thead>
                        <tr><th scope="col">{ t.compare_distance }</th>{ for head }</tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if c.finished() { <p class="lstm-cmp-done">{ t.compare_done }</p> }
        </section>
    }
}
