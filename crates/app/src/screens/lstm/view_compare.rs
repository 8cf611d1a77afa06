//! The long-dependency race as a table: one row per cell with its updates, how often it is
//! right and whether it reached the target, then which cell won. Every row carries test
//! hooks (`data-variant`, `data-accuracy`, `data-updates`) so tests read numbers, not prose.

use nnp_core::recurrent::{Lane, Race, RaceConfig, Variant};
use yew::prelude::*;

use super::model::Model;
use super::msg::Msg;
use super::view_controls::{click, variant_index};
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;

fn name(t: &'static LstmTexts, v: Variant) -> &'static str {
    t.variant_names[variant_index(v)]
}

fn percent(a: f32) -> String {
    format!("{:.0}", a * 100.0)
}

/// What a lane's result column says, and its class.
fn verdict(lane: &Lane, chance: f32, t: &'static LstmTexts) -> (String, &'static str) {
    match (lane.reached, lane.finished()) {
        (Some(updates), _) => (fill(t.race_reached, &[&updates.to_string()]), "good"),
        (None, false) => (t.race_running.to_owned(), "active"),
        (None, true) if lane.near_chance(chance) => (t.race_guessing.to_owned(), "bad"),
        (None, true) => (t.race_short.to_owned(), "fair"),
    }
}

fn view_lane(lane: &Lane, chance: f32, t: &'static LstmTexts) -> Html {
    let accuracy = lane.accuracy();
    let (said, class) = verdict(lane, chance, t);
    let state = match class {
        "good" => "reached",
        "active" => "running",
        "bad" => "chance",
        _ => "short",
    };
    let pct = percent(accuracy);
    html! {
        <tr class={classes!("lstm-race-lane", format!("lstm-race-{}", lane.variant.id()))}
            data-variant={lane.variant.id()} data-accuracy={format!("{accuracy:.3}")}
            data-updates={lane.reached.map_or(String::new(), |u| u.to_string())}
            data-state={state}>
            <th scope="row">{ name(t, lane.variant) }</th>
            <td class="lstm-race-count">{ lane.updates() }</td>
            <td class={classes!("lstm-cmp-cell", class)}>
                <span class="lstm-cmp-bar" style={format!("width:{pct}%")} />
                <span class="lstm-cmp-value">{ format!("{pct}%") }</span>
            </td>
            <td class={classes!("lstm-race-verdict", class)}>{ said }</td>
        </tr>
    }
}

/// Who won, and how the plain RNN did, once that is settled.
fn view_outcome(race: &Race, t: &'static LstmTexts) -> Html {
    let chance = race.chance();
    let mut lines = Vec::new();
    if let Some(winner) = race.winner() {
        let updates = winner.reached.unwrap_or_default().to_string();
        lines.push(fill(t.race_won, &[name(t, winner.variant), &updates]));
    } else if race.finished() {
        lines.push(fill(t.race_nobody, &[&race.config.max_updates.to_string()]));
    }
    if race.finished() {
        for lane in race.lanes().iter().filter(|l| l.near_chance(chance)) {
            lines.push(fill(
                t.race_forgot,
                &[
                    name(t, lane.variant),
                    &percent(lane.accuracy()),
                    &lane.updates().to_string(),
                    &race.config.distance.to_string(),
                ],
            ));
        }
    }
    let winner = race.winner().map_or("", |l| l.variant.id());
    html! {
        <p class="lstm-race-outcome" data-winner={winner} data-finished={race.finished().to_string()}>
            { lines.join(" ") }
        </p>
    }
}

pub fn view_compare(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let c = &m.comparison;
    let config = c
        .race
        .as_ref()
        .map_or_else(|| m.race_config(), |r| r.config);
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
    let table = c.race.as_ref().map(|race| {
        let chance = race.chance();
        html! {
            <div class="lstm-cmp-scroll">
                <table class="lstm-cmp-table lstm-race">
                    <thead>
                        <tr>
                            <th scope="col">{ t.race_cell }</th>
                            <th scope="col">{ t.race_updates }</th>
                            <th scope="col">{ t.race_accuracy }</th>
                            <th scope="col">{ t.race_result }</th>
                        </tr>
                    </thead>
                    <tbody>{ for race.lanes().iter().map(|l| view_lane(l, chance, t)) }</tbody>
                </table>
                { view_outcome(race, t) }
            </div>
        }
    });
    html! {
        <section class="lstm-compare" aria-labelledby="lstm-compare-title">
            <h2 id="lstm-compare-title">{ t.compare_title }</h2>
            <p class="lstm-hint">{ intro(&config, t) }</p>
            <div class="lstm-cmp-actions">{ button }{ for progress }</div>
            { for table }
        </section>
    }
}

fn intro(config: &RaceConfig, t: &'static LstmTexts) -> String {
    fill(
        t.compare_intro,
        &[
            &config.distance.to_string(),
            &config.hidden_size.to_string(),
            &config.learning_rate.to_string(),
            &config.seed.to_string(),
            &config.max_updates.to_string(),
        ],
    )
}
