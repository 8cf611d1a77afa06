//! Train, pause, step, reset; where the run is; what went wrong; the settings.

use nnp_core::cnn::DEFAULT_EPOCHS;
use yew::prelude::*;

use super::link::{BATCH_CHOICES, RATE_CHOICES};
use super::model::{LinkNotice, Model, Notice};
use super::msg::Msg;
use super::text::{loss, percent};
use crate::i18n::cnn::CnnTexts;
use crate::i18n::fill;
use crate::widgets::event_value;

/// Train (or pause), one step, reset.
pub fn controls(t: &CnnTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let ready = m.can_train();
    let play = if m.running {
        html! { <button class="cnn-play active" onclick={send.reform(|_| Msg::Pause)}>
        { t.pause }</button> }
    } else {
        let label = if m.budget_done() {
            t.train_more
        } else {
            t.train
        };
        html! { <button class="cnn-play" disabled={!ready}
        onclick={send.reform(|_| Msg::Play)}>
        { fill(label, &[&DEFAULT_EPOCHS.to_string()]) }</button> }
    };
    html! {
        <div class="cnn-controls">
            { play }
            <button class="cnn-step" disabled={!ready} title={t.step_title}
                    onclick={send.reform(|_| Msg::Step)}>{ t.step }</button>
            <button class="cnn-reset" disabled={m.trainer().is_none()}
                    onclick={send.reform(|_| Msg::Reset)}>{ t.reset }</button>
        </div>
    }
}

/// Epoch and update counters, the last loss and the test accuracy (with test hooks).
pub fn status(t: &CnnTexts, m: &Model) -> Html {
    let p = m.progress();
    let last = m.accuracies().last().copied();
    html! {
        <div class="cnn-status" data-updates={p.updates.to_string()}
             data-epoch={p.epoch.to_string()} data-running={m.running.to_string()}>
            <p class="cnn-counters">
                { fill(t.counters, &[&p.epoch.to_string(), &m.budget.to_string(),
                    &p.batch_in_epoch.to_string(), &p.batches_per_epoch.to_string(),
                    &p.updates.to_string()]) }
            </p>
            <p class="cnn-readout">
                { fill(t.loss_readout, &[&loss(m.last_loss())]) }{ " · " }
                <span class="cnn-test-accuracy"
                      data-accuracy={last.map_or(String::new(), |a| format!("{:.4}", a.test))}>
                    { fill(t.test_readout, &[&last.map_or("—".to_owned(), |a| percent(a.test))]) }
                </span>
            </p>
        </div>
    }
}

/// The budget reached or the loss exploded.
pub fn notice(t: &CnnTexts, m: &Model) -> Html {
    match m.notice {
        Some(Notice::BudgetReached(epochs)) => {
            let test = m
                .accuracies()
                .last()
                .map_or("—".to_owned(), |a| percent(a.test));
            html! {
                <p class="notice notice-info cnn-notice cnn-done" role="status">
                    { fill(t.budget_done, &[&epochs.to_string(), &test,
                        &DEFAULT_EPOCHS.to_string()]) }
                </p>
            }
        }
        Some(Notice::Diverged(updates)) => html! {
            <p class="notice notice-error cnn-notice" role="alert">
                { fill(t.diverged, &[&updates.to_string()]) }
            </p>
        },
        None => html! {},
    }
}

/// While a shared run is replayed: how far it is, and a way to stop.
pub fn replay(t: &CnnTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let Some((done, total)) = m.replay_progress() else {
        return html! {};
    };
    html! {
        <div class="notice notice-info cnn-notice cnn-replay" role="status">
            <span>{ fill(t.replaying, &[&done.to_string(), &total.to_string()]) }</span>{ " " }
            <button class="cnn-replay-stop" onclick={send.reform(|_| Msg::Pause)}>
                { t.replay_stop }</button>
        </div>
    }
}

/// What a link or the remembered state could not restore.
pub fn link_notice(t: &CnnTexts, m: &Model) -> Html {
    let text = match &m.link_notice {
        None => return html! {},
        Some(LinkNotice::LinkPartlyRead(keys)) => fill(t.link_partly_read, &[&keys.join(", ")]),
        Some(LinkNotice::SavedPartlyRead(keys)) => fill(t.saved_partly_read, &[&keys.join(", ")]),
    };
    html! { <p class="notice notice-error cnn-link-notice" role="alert">{ text }</p> }
}

/// Seed, learning rate and batch size; changing one restarts the run.
pub fn settings(t: &CnnTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let rate = m.config.learning_rate;
    let batch = m.config.batch_size;
    let on_rate = send.reform(|e: Event| Msg::Rate(event_value(&e).parse().unwrap_or(f32::NAN)));
    let on_batch = send.reform(|e: Event| Msg::Batch(event_value(&e).parse().unwrap_or(0)));
    let on_seed = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            if let Ok(seed) = event_value(&e).trim().parse::<u64>() {
                send.emit(Msg::Seed(seed.min(1_000_000_000)));
            }
        })
    };
    html! {
        <section class="cnn-panel cnn-settings">
            <h2>{ t.settings_title }</h2>
            <label>{ t.learning_rate }
                <select class="cnn-rate" onchange={on_rate}>
                    // A link may carry a rate the list does not offer: it is shown too.
                    if !RATE_CHOICES.contains(&rate) {
                        <option value={rate.to_string()} selected=true>{ rate.to_string() }</option>
                    }
                    { for RATE_CHOICES.iter().map(|&r| html! {
                        <option value={r.to_string()} selected={r == rate}>{ r.to_string() }</option>
                    }) }
                </select>
            </label>
            <label>{ t.batch_size }
                <select class="cnn-batch" onchange={on_batch}>
                    { for BATCH_CHOICES.iter().map(|&b| html! {
                        <option value={b.to_string()} selected={b == batch}>{ b.to_string() }</option>
                    }) }
                </select>
            </label>
            <label>{ t.seed }
                <input class="cnn-seed" type="number" min="0" max="1000000000" step="1"
                       value={m.config.seed.to_string()} onchange={on_seed} />
            </label>
            <p class="cnn-hint">{ t.settings_hint }</p>
        </section>
    }
}
