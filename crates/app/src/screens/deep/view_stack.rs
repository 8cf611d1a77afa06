//! The stack drawn as layers, the phases with their buttons, and the status line.

use nnp_core::deep::{DIGIT_CLASSES, DIGIT_PIXELS, Phase};
use yew::prelude::*;

use super::model::{LayerState, Model, Notice};
use super::msg::{Msg, STEP_CLICK};
use super::text::{count, fill, loss};
use crate::i18n::deep::DeepTexts;

fn layer_box(class: &'static str, title: String, size: String, note: Option<String>) -> Html {
    html! {
        <li class={classes!("deep-layer", class)}>
            <span class="deep-layer-title">{ title }</span>
            <span class="deep-layer-size">{ size }</span>
            if let Some(note) = note {
                <span class="deep-layer-note">{ note }</span>
            }
        </li>
    }
}

/// The input, the hidden layers with their state, and the output.
pub fn stack(t: &DeepTexts, m: &Model) -> Html {
    let widths = &m.config.hidden;
    let fine_tuning = m.phase() == Phase::FineTune;
    let hidden = widths.iter().enumerate().map(|(l, &w)| {
        let below = if l == 0 { DIGIT_PIXELS } else { widths[l - 1] };
        let (class, state) = match m.layer_state(l) {
            LayerState::Waiting => ("deep-waiting", t.waiting),
            LayerState::Training => ("deep-training", t.training),
            LayerState::Frozen => ("deep-frozen", t.frozen),
            LayerState::FineTuning => ("deep-fine", t.fine_tuning),
        };
        let mut note = state.to_owned();
        if m.layer_state(l) == LayerState::Training {
            note = format!(
                "{note} · {}",
                fill(t.decoder, &[&w.to_string(), &below.to_string()])
            );
        }
        layer_box(
            class,
            fill(t.hidden_layer, &[&(l + 1).to_string()]),
            fill(t.units, &[&w.to_string()]),
            Some(note),
        )
    });
    let output_class = if fine_tuning {
        "deep-fine"
    } else {
        "deep-waiting"
    };
    html! {
        <figure class="deep-stack" aria-label={t.stack_title}>
            <ol class="deep-layers">
                { layer_box("deep-input", t.inputs.to_owned(),
                            fill(t.pixels, &[&DIGIT_PIXELS.to_string()]), None) }
                { for hidden }
                { layer_box(output_class, t.output.to_owned(),
                            fill(t.classes, &[&DIGIT_CLASSES.to_string()]),
                            Some((if fine_tuning { t.fine_tuning } else { t.waiting }).to_owned())) }
            </ol>
        </figure>
    }
}

/// "1 Pretrain layer 1 · 2 Pretrain layer 2 · 3 Fine-tune" with where we are.
pub fn phases(t: &DeepTexts, m: &Model) -> Html {
    let depth = m.config.hidden.len();
    let now = match m.phase() {
        Phase::Pretrain { layer } => layer,
        Phase::FineTune => depth,
    };
    let labels = m.trainer().map_or(0, |tr| tr.labels_used());
    let item = |k: usize| {
        let (name, sub) = if k < depth {
            (
                fill(t.step_pretrain, &[&(k + 1).to_string()]),
                t.no_labels.to_owned(),
            )
        } else {
            (
                t.step_fine_tune.to_owned(),
                fill(t.with_labels, &[&count(labels)]),
            )
        };
        let state = match k.cmp(&now) {
            std::cmp::Ordering::Less => "deep-done",
            std::cmp::Ordering::Equal => "deep-now",
            std::cmp::Ordering::Greater => "deep-todo",
        };
        html! {
            <li class={classes!("deep-phase", state)}
                aria-current={(k == now).then_some("step")}>
                <span class="deep-phase-num">{ k + 1 }</span>
                <span class="deep-phase-name">{ name }</span>
                <span class="deep-phase-sub">{ sub }</span>
            </li>
        }
    };
    html! {
        <ol class="deep-phases" aria-label={t.phases_label}>
            { for (0..=depth).map(item) }
        </ol>
    }
}

/// Train, pause, step, advance, reset.
pub fn controls(t: &DeepTexts, m: &Model, send: &Callback<Msg>) -> Html {
    let ready = m.can_train();
    let play = if m.running {
        html! { <button class="deep-play active" onclick={send.reform(|_| Msg::Pause)}>
        { t.pause }</button> }
    } else {
        html! { <button class="deep-play" disabled={!ready}
        onclick={send.reform(|_| Msg::Play)}>{ t.play }</button> }
    };
    let depth = m.config.hidden.len();
    let advance = match m.phase() {
        Phase::Pretrain { layer } if layer + 1 < depth => {
            Some(fill(t.next_layer, &[&(layer + 2).to_string()]))
        }
        Phase::Pretrain { .. } => Some(t.to_fine_tune.to_owned()),
        Phase::FineTune => None,
    };
    html! {
        <div class="deep-controls">
            { play }
            <button class="deep-steps" disabled={!ready} onclick={send.reform(|_| Msg::Steps)}>
                { fill(t.steps, &[&STEP_CLICK.to_string()]) }
            </button>
            if let Some(label) = advance {
                <button class="deep-advance" disabled={m.trainer().is_none()}
                        onclick={send.reform(|_| Msg::Advance)}>{ label }</button>
            }
            <button class="deep-reset" disabled={m.trainer().is_none()}
                    onclick={send.reform(|_| Msg::Reset)}>{ t.reset }</button>
            <p class="deep-hint deep-schedule">
                { fill(t.schedule_hint, &[&count(m.config.pretrain_steps),
                                          &count(m.config.fine_tune_steps)]) }
            </p>
        </div>
    }
}

/// Where training is, in one line.
pub fn status(t: &DeepTexts, m: &Model) -> Html {
    let Some(tr) = m.trainer() else {
        return html! {};
    };
    let steps = m.phase_steps();
    let line = match m.phase() {
        Phase::Pretrain { layer } if steps == 0 => {
            fill(t.status_start, &[&(layer + 1).to_string()])
        }
        Phase::Pretrain { layer } => fill(
            t.status_pretrain,
            &[
                &(layer + 1).to_string(),
                &count(steps),
                &count(m.config.pretrain_steps),
                &loss(tr.pretrain_losses(layer).last()),
            ],
        ),
        Phase::FineTune if tr.finished() => fill(t.status_finished, &[&count(steps)]),
        Phase::FineTune => fill(
            t.status_fine_tune,
            &[
                &count(steps),
                &count(tr.budget()),
                &loss(tr.fine_tune_losses().last()),
            ],
        ),
    };
    let class = classes!("deep-status", tr.finished().then_some("deep-finished"));
    html! { <p {class} role="status">{ line }</p> }
}

/// The divergence message, if any.
pub fn notice(t: &DeepTexts, m: &Model) -> Html {
    match m.notice {
        Some(Notice::Diverged { step, back_to, .. }) => html! {
            <p class="notice notice-error deep-notice" role="alert">
                { fill(t.diverged, &[&count(step), &count(back_to)]) }
            </p>
        },
        Some(Notice::PretrainFirst { layer }) => html! {
            <p class="notice notice-info deep-notice deep-pretrain-first" role="status">
                { fill(t.pretrain_first, &[&(layer + 1).to_string(),
                                           &count(m.config.pretrain_steps)]) }
            </p>
        },
        None => html! {},
    }
}
