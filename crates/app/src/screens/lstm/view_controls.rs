//! The controls: the variant switcher, the training bar, the task and its input, notices.

use nnp_core::recurrent::Variant;
use yew::prelude::*;

use crate::widgets::event_value;

use super::choices::{DISTANCES, HIDDEN_SIZES, TaskKind};
use super::format::num;
use super::input::InputError;
use super::model::{Model, Notice};
use super::msg::Msg;
use crate::i18n::lstm::LstmTexts;
use crate::i18n::{Texts, fill};
use crate::weights_file;

fn on_change(
    send: &Callback<Msg>,
    make: impl Fn(String) -> Option<Msg> + 'static,
) -> Callback<Event> {
    let send = send.clone();
    Callback::from(move |e: Event| {
        if let Some(msg) = make(event_value(&e)) {
            send.emit(msg);
        }
    })
}

pub fn click(send: &Callback<Msg>, msg: Msg) -> Callback<MouseEvent> {
    send.reform(move |_| msg.clone())
}

pub fn variant_index(v: Variant) -> usize {
    Variant::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

/// One button per cell; each remembers its own training.
pub fn view_variants(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let buttons = Variant::ALL.into_iter().map(|v| {
        let k = variant_index(v);
        let active = v == m.variant;
        let badge = match m.run_of(v) {
            Some(run) if run.reached.is_some() => {
                let (updates, _) = run.reached.unwrap_or_default();
                fill(t.badge_reached, &[&updates.to_string()])
            }
            Some(run) if run.trainer.updates() > 0 => {
                fill(t.badge_updates, &[&run.trainer.updates().to_string()])
            }
            _ => t.badge_untrained.to_owned(),
        };
        html! {
            <button class={classes!("lstm-variant", format!("lstm-variant-{}", v.id()), active.then_some("active"))}
                    aria-pressed={active.to_string()} title={t.variant_notes[k]}
                    onclick={click(send, Msg::Variant(v))}>
                <span class="lstm-variant-name">{ t.variant_names[k] }</span>
                <span class="lstm-variant-badge">{ badge }</span>
            </button>
        }
    });
    html! {
        <div class="lstm-variants" role="group" aria-label={t.variants_label}>
            { for buttons }
        </div>
    }
}

/// Train / pause, one update, reset, and how the current cell is doing.
pub fn view_train_bar(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let run = m.current();
    let last = run.and_then(|r| r.trainer.last());
    let updates = run.map_or(0, |r| r.trainer.updates());
    let per_update = run
        .filter(|r| r.trainer.updates() > 0)
        .map(|r| r.seconds * 1000.0 / r.trainer.updates() as f64);
    let play = if m.training {
        html! { <button class="lstm-train primary" onclick={click(send, Msg::Pause)}>{ "❚❚ " }{ t.pause }</button> }
    } else {
        html! { <button class="lstm-train primary" onclick={click(send, Msg::Train)}>{ "▶ " }{ t.train }</button> }
    };
    let stat = |label: &'static str, class: &'static str, value: String| {
        html! {
            <span class={classes!("lstm-stat", class)}>
                <span class="lstm-stat-label">{ label }</span>
                <span class="lstm-stat-value">{ value }</span>
            </span>
        }
    };
    html! {
        <div class="lstm-bar">
            <div class="lstm-buttons">
                { play }
                <button class="lstm-step" onclick={click(send, Msg::Step)}>{ "▶❚ " }{ t.step }</button>
                <button class="lstm-reset" onclick={click(send, Msg::Reset)}>{ "↺ " }{ t.reset }</button>
            </div>
            <div class="lstm-stats" aria-live="polite">
                { stat(t.status_updates, "lstm-updates", updates.to_string()) }
                { stat(t.status_loss, "lstm-loss", last.map_or("—".into(), |s| num(s.loss))) }
                { stat(t.status_accuracy, "lstm-accuracy", last.and_then(|s| s.accuracy)
                    .map_or("—".into(), |a| format!("{:.0}%", a * 100.0))) }
                { stat(t.status_speed, "lstm-speed", per_update.map_or("—".into(), |ms| format!("{ms:.1} ms"))) }
            </div>
        </div>
    }
}

/// The task, its settings and the input sequence every cell reads.
pub fn view_task(m: &Model, t: &'static LstmTexts, send: &Callback<Msg>) -> Html {
    let kind = TaskKind::ALL.iter().position(|k| *k == m.kind).unwrap_or(0);
    let tasks = TaskKind::ALL.into_iter().enumerate().map(|(k, task)| {
        html! { <option value={task.id()} selected={task == m.kind}>{ t.task_names[k] }</option> }
    });
    let distance = (m.kind == TaskKind::Remember).then(|| {
        let options = DISTANCES.iter().map(|d| {
            html! { <option value={d.to_string()} selected={*d == m.distance}>{ d }</option> }
        });
        html! {
            <label class="lstm-field">
                <span>{ t.distance_label }</span>
                <select class="lstm-distance" onchange={on_change(send, |v| v.parse().ok().map(Msg::Distance))}>
                    { for options }
                </select>
            </label>
        }
    });
    let hidden = HIDDEN_SIZES.iter().map(|h| {
        html! { <option value={h.to_string()} selected={*h == m.hidden}>{ h }</option> }
    });
    let text = (m.kind == TaskKind::Text).then(|| {
        html! {
            <label class="lstm-field lstm-field-wide">
                <span>{ t.text_label }</span>
                <textarea class="lstm-text" rows="2" value={m.text.clone()}
                          onchange={on_change(send, |v| Some(Msg::Text(v)))} />
            </label>
        }
    });
    let bad_sequence = matches!(m.notice, Some(Notice::Input(_)));
    html! {
        <div class="lstm-task">
            <label class="lstm-field">
                <span>{ t.task_label }</span>
                <select class="lstm-task-select"
                        onchange={on_change(send, |v| TaskKind::from_id(&v).map(Msg::Task))}>
                    { for tasks }
                </select>
            </label>
            { for distance }
            <label class="lstm-field">
                <span>{ t.hidden_label }</span>
                <select class="lstm-hidden" onchange={on_change(send, |v| v.parse().ok().map(Msg::Hidden))}>
                    { for hidden }
                </select>
            </label>
            <label class="lstm-field">
                <span>{ t.rate_label }</span>
                <input class="lstm-rate" type="text" inputmode="decimal" size="6"
                       value={m.learning_rate.to_string()}
                       onchange={on_change(send, |v| Some(Msg::LearningRate(v)))} />
            </label>
            <p class="lstm-task-note">{ t.task_notes[kind] }</p>
            { for text }
            <label class="lstm-field lstm-field-wide">
                <span>{ t.sequence_label }</span>
                <input class={classes!("lstm-sequence", bad_sequence.then_some("invalid"))} type="text"
                       spellcheck="false" autocomplete="off" aria-invalid={bad_sequence.to_string()}
                       value={m.sequence_text.clone()}
                       onchange={on_change(send, |v| Some(Msg::Sequence(v)))} />
                <small>{ t.sequence_hints[kind] }</small>
            </label>
            <button class="lstm-new-example" onclick={click(send, Msg::NewExample)}>{ "⟳ " }{ t.new_example }</button>
        </div>
    }
}

fn input_error(e: &InputError, t: &'static LstmTexts) -> String {
    match e {
        InputError::TooShort => t.input_too_short.to_owned(),
        InputError::TooLong => t.input_too_long.to_owned(),
        InputError::Unknown(c, at) => fill(t.input_unknown, &[&c.to_string(), &at.to_string()]),
        InputError::FirstNotSymbol(c, allowed) => fill(t.input_first, &[allowed, &c.to_string()]),
        InputError::Depth(at, max) => fill(t.input_depth, &[&at.to_string(), &max.to_string()]),
        InputError::BadNumber(w) => fill(t.input_number, &[w]),
    }
}

/// The current notice with a dismiss button.
pub fn view_notice(m: &Model, texts: &'static Texts, send: &Callback<Msg>) -> Html {
    let t = texts.lstm_ui;
    let Some(notice) = &m.notice else {
        return Html::default();
    };
    let (text, error) = match notice {
        Notice::Input(e) => (input_error(e, t), true),
        Notice::Task(nnp_core::recurrent::TaskError::TextTooShort) => {
            (t.text_too_short.to_owned(), true)
        }
        Notice::Task(nnp_core::recurrent::TaskError::SingleCharacter) => {
            (t.text_single.to_owned(), true)
        }
        Notice::BadRate(text) => (fill(t.bad_rate, &[text]), true),
        Notice::Diverged(variant) => (
            fill(
                t.diverged,
                &[t.variant_names[Variant::ALL.iter().position(|v| v == variant).unwrap_or(0)]],
            ),
            true,
        ),
        Notice::Reached {
            variant,
            updates,
            seconds,
        } => (
            fill(
                t.reached,
                &[
                    t.variant_names[variant_index(*variant)],
                    &updates.to_string(),
                    &format!("{seconds:.1}"),
                ],
            ),
            false,
        ),
        Notice::LinkPartlyRead(keys) => (fill(t.link_partly_read, &[&keys.join(", ")]), true),
        Notice::SavedPartlyRead(keys) => (fill(t.saved_partly_read, &[&keys.join(", ")]), true),
        Notice::CharactersFolded(n) => (
            fill(
                t.characters_folded,
                &[
                    &n.to_string(),
                    &nnp_core::recurrent::MAX_SYMBOLS.to_string(),
                ],
            ),
            false,
        ),
        Notice::WeightsOpened => (weights_file::say(texts, &Ok(())), false),
        Notice::WeightsRefused(error) => (weights_file::say(texts, &Err(error.clone())), true),
    };
    let class = if error { "notice-error" } else { "notice-info" };
    html! {
        <div class={classes!("notice", "lstm-notice", class)} role={if error { "alert" } else { "status" }}>
            <span class="lstm-notice-text">{ text }</span>
            <button class="lstm-dismiss" onclick={click(send, Msg::Dismiss)}>{ t.dismiss }</button>
        </div>
    }
}
